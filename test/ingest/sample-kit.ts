// A small hand-made kit with the awkward cases: both 2010 DST nights in Paris, milliseconds,
// text needing quotes, blank optional cells, several acts, a survey. Shared by the ingest tests.
import type { Kit } from '../../src/core/kit-types.ts';

const utc = (iso: string): number => Date.parse(iso);

export function sampleKit(): Kit {
  return {
    campaign: {
      id: 'dst-2010',
      name: 'DST test, "quoted"',
      start: '2010-03-22',
      days: 224,
      timeZone: 'Europe/Paris',
    },
    establishments: [
      {
        finess: '590000001',
        name: 'CH de Lille; site "Nord"',
        legalStatus: 'CHU',
        region: 'HDF',
        department: '59',
      },
      {
        finess: '2A0000002',
        name: '  Clinique, du Port  ',
        legalStatus: 'PRIVATE',
        region: 'Corse',
        department: null,
      },
    ],
    equipment: [
      {
        equipmentId: 'EQ-CT-1',
        finess: '590000001',
        modality: 'CT',
        label: 'Scanner\nligne 2',
        installedYear: 2008,
        role: 'general',
      },
      {
        equipmentId: 'EQ-MR-1',
        finess: '2A0000002',
        modality: 'MR',
        label: null,
        installedYear: null,
        role: 'emergency',
      },
    ],
    sessions: [
      // Night of the spring change: 20:00 CET to 08:00 CEST = 11 h.
      {
        equipmentId: 'EQ-CT-1',
        start: utc('2010-03-27T19:00:00Z'),
        end: utc('2010-03-28T06:00:00Z'),
        type: 'ON_CALL',
      },
      // Night of the autumn change: 20:00 CEST to 08:00 CET = 13 h.
      {
        equipmentId: 'EQ-CT-1',
        start: utc('2010-10-30T18:00:00Z'),
        end: utc('2010-10-31T07:00:00Z'),
        type: 'EMERGENCY',
      },
      // Starts inside the repeated hour, second time round.
      {
        equipmentId: 'EQ-MR-1',
        start: utc('2010-10-31T01:15:00Z'),
        end: utc('2010-10-31T03:00:00Z'),
        type: 'MAINTENANCE',
      },
      {
        equipmentId: 'EQ-MR-1',
        start: utc('2010-03-22T07:30:00Z'),
        end: utc('2010-03-22T12:00:00Z'),
        type: 'PUBLIC_SCHEDULED',
      },
    ],
    exams: [
      {
        examId: 'E1',
        equipmentId: 'EQ-CT-1',
        category: 'U',
        roomIn: utc('2010-03-28T00:30:00Z'),
        roomOut: utc('2010-03-28T01:10:00Z'), // 01:30 CET -> 03:10 CEST
        acts: ['ZBQK002', 'ZCQK004'],
        icr: null,
        reportValidatedAt: utc('2010-03-28T01:45:30.250Z'),
        requestedAt: null,
        scheduledMinutes: null,
        ageBand: '80+',
      },
      {
        examId: 'E2',
        equipmentId: 'EQ-CT-1',
        category: 'R',
        roomIn: utc('2010-10-31T00:30:00Z'),
        roomOut: utc('2010-10-31T01:30:00Z'), // 02:30 CEST -> 02:30 CET
        acts: [],
        icr: 140.5,
        reportValidatedAt: utc('2010-10-31T01:59:59Z'),
        requestedAt: utc('2010-10-30T22:00:00Z'),
        scheduledMinutes: 12.5,
        ageBand: null,
      },
      {
        examId: 'E2',
        equipmentId: 'EQ-MR-1',
        category: 'A',
        roomIn: utc('2010-03-22T08:00:00Z'),
        roomOut: utc('2010-03-22T08:20:00.001Z'),
        acts: ['ACQK001'],
        icr: 0,
        reportValidatedAt: null,
        requestedAt: utc('2010-02-01T09:00:00Z'),
        scheduledMinutes: 20,
        ageBand: '0-17',
      },
      {
        examId: 'a very long exam id, with a comma',
        equipmentId: 'EQ-MR-1',
        category: 'H',
        roomIn: utc('2010-10-31T01:10:00Z'),
        roomOut: utc('2010-10-31T01:20:00Z'), // 02:10 CET (second time)
        acts: ['NFQN001'],
        icr: 1234.125,
        reportValidatedAt: null,
        requestedAt: null,
        scheduledMinutes: null,
        ageBand: '65-79',
      },
    ],
    acts: [
      { code: 'ZBQK002', label: 'scanner thorax', icr: 100 },
      { code: 'ACQK001', label: 'IRM encéphale', icr: 160.25 },
      { code: 'NFQN001', label: '', icr: 140.5 },
    ],
    survey: [
      { finess: '590000001', modality: 'CT', case: 'CT_BRAIN_80F', patient: 'outpatient', days: 7 },
      { finess: '2A0000002', modality: 'MR', case: 'MR_KNEE_35M', patient: 'inpatient', days: 0 },
    ],
  };
}
