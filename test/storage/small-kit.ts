// A small campaign touching every column of the schema: two sites, three machines, overlapping
// and DST-crossing sessions, exams with and without their optional fields, acts and a survey.
import { at, buildKit } from '../helpers/build-kit.ts';
import type { Kit } from '../../src/core/kit-types.ts';

export function smallKit(id = 'small'): Kit {
  const kit = buildKit(
    [
      {
        id: 'CT1',
        finess: '590000001',
        sessions: [
          ['2010-03-01T08:00', '2010-03-01T18:00', 'PUBLIC_SCHEDULED'],
          ['2010-03-01T12:00', '2010-03-01T20:00', 'EMERGENCY'],
          ['2010-03-27T20:00', '2010-03-28T08:00', 'ON_CALL'],
        ],
        exams: [
          {
            in: '2010-03-01T08:10',
            out: '2010-03-01T08:25',
            cat: 'A',
            icr: 12.34,
            report: '2010-03-01T10:00',
            requested: '2010-02-20T09:00',
            booked: 15,
          },
          {
            in: '2010-03-01T08:30',
            out: '2010-03-01T08:32',
            cat: 'H',
            icr: null,
            acts: ['ZBQK002', 'ZCQK004'],
          },
          {
            in: '2010-03-01T13:00',
            out: '2010-03-01T13:20',
            cat: 'U',
            icr: null,
            acts: ['ZBQK002'],
          },
          { in: '2010-03-28T01:50', out: '2010-03-28T03:10', cat: 'R', report: '2010-03-28T09:00' },
        ],
      },
      {
        id: 'MR1',
        modality: 'MR',
        finess: '590000002',
        sessions: [['2010-03-02T08:00', '2010-03-02T20:00', 'LIBERAL']],
        exams: [
          { in: '2010-03-02T08:00', out: '2010-03-02T08:40', cat: 'A', acts: [], icr: 80 },
          {
            in: '2010-03-02T09:00',
            out: '2010-03-02T09:30',
            cat: 'H',
            requested: '2010-03-01T15:00',
          },
        ],
      },
      {
        id: 'CT2',
        finess: '590000002',
        sessions: [['2010-03-03T08:00', '2010-03-03T12:00', 'PUBLIC_UNSCHEDULED']],
        exams: [],
      },
    ],
    { id, name: `Campaign ${id}` },
    [
      { code: 'ZBQK002', label: 'Radiographie du thorax', icr: 21 },
      { code: 'ZCQK004', label: 'Scanographie abdomen', icr: 101.5 },
    ],
  );
  kit.establishments[1] = {
    ...kit.establishments[1]!,
    name: 'Clinique du Nord',
    legalStatus: 'PRIVATE',
    department: null,
  };
  kit.equipment[0] = {
    ...kit.equipment[0]!,
    label: 'Scanner 1',
    installedYear: 2006,
    role: 'emergency',
  };
  kit.exams[0] = { ...kit.exams[0]!, ageBand: '80+' };
  kit.survey = [
    { finess: '590000001', modality: 'CT', case: 'CT_BRAIN_80F', patient: 'outpatient', days: 7 },
    { finess: '590000001', modality: 'CT', case: 'CT_BRAIN_80F', patient: 'inpatient', days: 1.5 },
    { finess: '590000002', modality: 'MR', case: 'MR_KNEE_35M', patient: 'outpatient', days: 21 },
  ];
  return kit;
}

/** `kit` in the order `loadKit` returns records (by key, code-unit order). */
export function sortedKit(kit: Kit): Kit {
  const cmp = (...pairs: [string | number, string | number][]) => {
    for (const [a, b] of pairs) if (a !== b) return a < b ? -1 : 1;
    return 0;
  };
  return {
    campaign: { ...kit.campaign },
    establishments: [...kit.establishments].sort((a, b) => cmp([a.finess, b.finess])),
    equipment: [...kit.equipment].sort((a, b) => cmp([a.equipmentId, b.equipmentId])),
    sessions: [...kit.sessions].sort((a, b) =>
      cmp([a.equipmentId, b.equipmentId], [a.start, b.start], [a.end, b.end], [a.type, b.type]),
    ),
    exams: [...kit.exams].sort((a, b) =>
      cmp([a.equipmentId, b.equipmentId], [a.roomIn, b.roomIn], [a.examId, b.examId]),
    ),
    acts: [...kit.acts].sort((a, b) => cmp([a.code, b.code])),
    survey: [...kit.survey].sort((a, b) =>
      cmp([a.finess, b.finess], [a.modality, b.modality], [a.case, b.case], [a.patient, b.patient]),
    ),
  };
}

export { at };
