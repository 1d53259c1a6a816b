import { describe, expect, it } from 'vitest';
import type { Campaign, Exam } from '../../../src/core/kit-types.ts';
import { kitFromSources, readCampaignText } from '../../../src/ingest/sources/assemble.ts';
import { parseMapping } from '../../../src/ingest/sources/mapping.ts';
import { emptyRecords, type SourceRecords } from '../../../src/ingest/sources/types.ts';
import { at } from '../../helpers/build-kit.ts';
import { MAPPING_CSV } from './fake-adapter.ts';

const campaign: Campaign = {
  id: 'lens-2010',
  name: 'Lens',
  start: '2010-03-01',
  days: 7,
  timeZone: 'Europe/Paris',
};
const mapping = parseMapping('mapping.csv', MAPPING_CSV).mapping!;

function exam(id: string, inAt: string, outAt: string, more: Partial<Exam> = {}): Exam {
  return {
    examId: id,
    equipmentId: 'CT-LENS-1',
    category: 'A',
    roomIn: at(inAt),
    roomOut: at(outAt),
    acts: [],
    icr: null,
    reportValidatedAt: null,
    requestedAt: null,
    scheduledMinutes: null,
    ageBand: null,
    ...more,
  };
}

function records(fill: Partial<SourceRecords>): SourceRecords {
  return { ...emptyRecords(), ...fill };
}

describe('kitFromSources', () => {
  it('builds a checked kit: establishment and machine from the mapping, removed fields as notes', async () => {
    const { kit, issues } = await kitFromSources(
      records({
        sessions: [
          {
            equipmentId: 'CT-LENS-1',
            start: at('2010-03-01T08:00'),
            end: at('2010-03-01T13:00'),
            type: 'PUBLIC_SCHEDULED',
          },
        ],
        exams: [
          exam('A1', '2010-03-01T08:00', '2010-03-01T08:20'),
          exam('A2', '2010-03-01T09:00', '2010-03-01T09:30', { category: 'U' }),
        ],
        removed: { 'PID.5 patient name': 2, 'PID.3 patient id': 2 },
      }),
      campaign,
      mapping,
    );
    expect(issues.filter((i) => i.severity !== 'info')).toEqual([]);
    expect(kit).not.toBeNull();
    expect(kit!.establishments).toEqual([mapping.establishment]);
    expect(kit!.equipment).toEqual([
      {
        equipmentId: 'CT-LENS-1',
        finess: '620454421',
        modality: 'CT',
        label: null,
        installedYear: null,
        role: 'general',
      },
    ]);
    expect(kit!.exams.map((e) => [e.examId, e.category])).toEqual([
      ['A1', 'A'],
      ['A2', 'U'],
    ]);
    expect(kit!.sessions).toHaveLength(1);
    const removed = issues.filter((i) => i.code === 'removed-identity').map((i) => i.message);
    expect(removed).toEqual([
      'PID.3 patient id: 2 values removed or pseudonymized at the door',
      'PID.5 patient name: 2 values removed or pseudonymized at the door',
    ]);
  });

  it('merges an exam given twice: the first wins, blanks are filled, a conflict is a warning', async () => {
    const report = at('2010-03-01T12:00');
    const { kit, issues } = await kitFromSources(
      records({
        exams: [
          exam('A1', '2010-03-01T08:00', '2010-03-01T08:20'),
          exam('A1', '2010-03-01T08:02', '2010-03-01T08:20', { reportValidatedAt: report }),
        ],
      }),
      campaign,
      mapping,
    );
    expect(kit!.exams).toEqual([
      exam('A1', '2010-03-01T08:00', '2010-03-01T08:20', { reportValidatedAt: report }),
    ]);
    expect(issues.find((i) => i.code === 'duplicate-exam')).toMatchObject({ severity: 'warning' });
    expect(issues.find((i) => i.code === 'duplicate-exam')!.message).toContain('roomIn');
  });

  it('leaves out activity outside the campaign, with a note', async () => {
    const { kit, issues } = await kitFromSources(
      records({
        exams: [
          exam('A1', '2010-03-01T08:00', '2010-03-01T08:20'),
          exam('OLD', '2010-02-10T08:00', '2010-02-10T08:20'),
        ],
      }),
      campaign,
      mapping,
    );
    expect(kit!.exams.map((e) => e.examId)).toEqual(['A1']);
    expect(issues.find((i) => i.code === 'outside-campaign')!.message).toMatch(
      /^1 exams and 0 sessions/,
    );
  });

  it('refuses a machine whose modality nobody gives, and an establishment nobody describes', async () => {
    const bare = parseMapping(
      'm.csv',
      'kind,key,value,target\nsite,finess,,620454421\nsite,time_zone,,Europe/Paris\nequipment,station,MR1,IRM-1\n',
    ).mapping!;
    const { kit, issues } = await kitFromSources(
      records({
        exams: [exam('B1', '2010-03-01T08:00', '2010-03-01T08:20', { equipmentId: 'IRM-1' })],
      }),
      campaign,
      bare,
    );
    expect(kit).toBeNull();
    expect(
      issues
        .filter((i) => i.severity === 'error')
        .map((i) => i.code)
        .sort(),
    ).toEqual(['unknown-establishment', 'unknown-modality']);
    expect(issues.find((i) => i.code === 'unknown-modality')!.hint).toContain(
      'equipment,modality,CT,IRM-1',
    );
  });

  it("applies the data kit's own checks, naming the record", async () => {
    const { kit, issues } = await kitFromSources(
      records({ exams: [exam('BAD', '2010-03-01T09:00', '2010-03-01T08:00')] }),
      campaign,
      mapping,
    );
    expect(kit).toBeNull();
    const error = issues.find((i) => i.code === 'negative-duration');
    expect(error).toMatchObject({
      severity: 'error',
      file: '(assembled kit) exams.csv',
      line: 2,
      column: 'room_out',
    });
    expect(error!.message).toMatch(/^exam BAD on CT-LENS-1: /);
  });

  it('refuses a kit with no activity in the campaign', async () => {
    const { kit, issues } = await kitFromSources(
      records({ exams: [exam('OLD', '2011-02-10T08:00', '2011-02-10T08:20')] }),
      campaign,
      mapping,
    );
    expect(kit).toBeNull();
    expect(issues.find((i) => i.severity === 'error')).toMatchObject({ code: 'no-activity' });
  });

  it('reconciles RIS and DICOM exams: a match fills blanks once, out-of-campaign exams are not reported', async () => {
    const ris = [
      exam('ABDO', '2010-03-01T08:00', '2010-03-01T08:15'),
      exam('PELV', '2010-03-01T08:00', '2010-03-01T08:15'),
      exam('HEAD', '2010-03-01T09:00', '2010-03-01T09:15', { ageBand: '18-64' }),
      exam('OLD', '2010-02-10T09:00', '2010-02-10T09:15'),
    ];
    const dicom = [
      exam('SCAN', '2010-03-01T08:01', '2010-03-01T08:20', { acts: ['ZCQK002'], ageBand: '80+' }),
      exam('HEAD-D', '2010-03-01T09:03', '2010-03-01T09:18', { acts: ['ACQK001'], ageBand: '80+' }),
      exam('OLD-D', '2010-02-11T09:00', '2010-02-11T09:15'),
    ];
    const source = new Map([
      ...ris.map((e) => [e, 'hl7v2'] as const),
      ...dicom.map((e) => [e, 'dicom'] as const),
    ]);
    const keys = new Map([
      ['ABDO', { accessions: ['h-abdo'], studyUids: [] }],
      ['PELV', { accessions: ['h-pelv'], studyUids: [] }],
      ['SCAN', { accessions: ['h-abdo', 'h-pelv'], studyUids: [] }],
    ]);
    const { kit, reconciliation, issues } = await kitFromSources(
      records({ exams: [...ris, ...dicom], source, keys }),
      campaign,
      mapping,
    );
    // SCAN stands for two billed accessions: its acts go to neither (they would count twice); its age band to both.
    // HEAD-D matches HEAD by time: HEAD keeps its own age band and takes the acts it lacked.
    expect(kit!.exams.map((e) => [e.examId, e.acts, e.ageBand])).toEqual([
      ['ABDO', [], '80+'],
      ['PELV', [], '80+'],
      ['HEAD', ['ACQK001'], '18-64'],
    ]);
    expect(reconciliation!.totals).toMatchObject({
      risExams: 3,
      dicomExams: 2,
      matchedRis: 3,
      matchedDicom: 2,
      matchedBy: { accession: 2, 'study-uid': 0, time: 1 },
    });
    expect(issues.find((i) => i.code === 'outside-campaign')!.message).toMatch(
      /^2 exams and 0 sessions/,
    );
    expect(issues.find((i) => i.code === 'reconciliation')).toMatchObject({
      severity: 'info',
      file: '(assembled kit)',
    });
  });

  it("refuses a bad campaign with the kit reader's issue", async () => {
    const { kit, issues } = await kitFromSources(
      emptyRecords(),
      { ...campaign, timeZone: 'Mars/Olympus' },
      mapping,
    );
    expect(kit).toBeNull();
    expect(issues[0]).toMatchObject({ code: 'invalid-campaign', column: 'timeZone' });
  });
});

describe('readCampaignText', () => {
  it('reads a campaign.json with the kit rules', () => {
    expect(readCampaignText('c.json', JSON.stringify(campaign)).campaign).toEqual(campaign);
    expect(readCampaignText('c.json', '{"id":"x"}').issues.length).toBeGreaterThan(0);
  });
});
