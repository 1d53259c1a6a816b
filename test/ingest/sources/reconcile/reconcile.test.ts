// Hand-checked cases, one per matching pass and per scope rule. Times are Paris local (UTC+1 in
// March 2010); DICOM exams are named d*, RIS exams r*.
import { describe, expect, it } from 'vitest';
import {
  RECONCILE_DEFAULTS,
  reconcile,
} from '../../../../src/ingest/sources/reconcile/reconcile.ts';
import { exam, keyTable } from './exams.ts';

const options = { timeZone: 'Europe/Paris' };
const pairsOf = (r: ReturnType<typeof reconcile>): string[] =>
  r.pairs.map((p) => `${p.risId}=${p.dicomId}:${p.by}`);

describe('reconcile: the matching passes', () => {
  it('pairs by hashed accession, then by study UID, whatever the time gap within the key window', () => {
    const ris = [
      exam('r1', 'CT-1', '2010-03-01T08:00', 20),
      exam('r2', 'CT-1', '2010-03-01T09:00', 20),
    ];
    // d2 is 50 min off its RIS exam: too far for the time pass, but the study UID says it is the same exam.
    const dicom = [
      exam('d1', 'CT-1', '2010-03-01T08:03', 22),
      exam('d2', 'CT-1', '2010-03-01T09:50', 15),
    ];
    const keys = keyTable({
      r1: { accessions: ['A'] },
      d1: { accessions: ['A'], studyUids: ['S1'] },
      r2: { studyUids: ['S2'] },
      d2: { accessions: ['B'], studyUids: ['S2'] },
    });
    const result = reconcile(ris, dicom, keys, options);
    expect(pairsOf(result)).toEqual(['r1=d1:accession', 'r2=d2:study-uid']);
    expect(result.pairs[0]?.offsetMinutes).toBe(3);
    expect(result.report.totals.matchedBy).toEqual({ accession: 1, 'study-uid': 1, time: 0 });
    expect(result.report.billedNotPerformed).toEqual([]);
    expect(result.report.performedNotBilled).toEqual([]);
  });

  it('does not pair a reused accession days apart (the key window)', () => {
    const ris = [
      exam('r1', 'CT-1', '2010-03-01T08:00', 20),
      exam('r9', 'CT-1', '2010-03-04T08:00', 20),
    ];
    const dicom = [
      exam('d1', 'CT-1', '2010-03-04T08:02', 20),
      exam('d9', 'CT-1', '2010-03-01T08:00', 20),
    ];
    // r1 and d1 share accession "2" but are 3 days apart; r1 and d9 are the same passage by time.
    const keys = keyTable({ r1: { accessions: ['2'] }, d1: { accessions: ['2'] } });
    expect(RECONCILE_DEFAULTS.keyWindowHours).toBe(24);
    expect(pairsOf(reconcile(ris, dicom, keys, options))).toEqual(['r1=d9:time', 'r9=d1:time']);
  });

  it('pairs by time on the same device: overlapping, within the tolerance, one-to-one, closest first', () => {
    // Exams matched by accession early and late on each device make the common period the whole day.
    const anchors = {
      ris: [
        exam('ct-am', 'CT-1', '2010-03-01T09:00', 20),
        exam('ct-pm', 'CT-1', '2010-03-01T14:00', 20),
        exam('mr-am', 'MR-1', '2010-03-01T08:00', 20),
        exam('mr-pm', 'MR-1', '2010-03-01T13:00', 20),
      ],
      dicom: [
        exam('d-ct-am', 'CT-1', '2010-03-01T09:01', 20),
        exam('d-ct-pm', 'CT-1', '2010-03-01T14:01', 20),
        exam('d-mr-am', 'MR-1', '2010-03-01T08:01', 20),
        exam('d-mr-pm', 'MR-1', '2010-03-01T13:01', 20),
      ],
    };
    const keys = keyTable(
      Object.fromEntries(
        anchors.ris.flatMap((r) => [
          [r.examId, { accessions: [r.examId] }],
          [`d-${r.examId}`, { accessions: [r.examId] }],
        ]),
      ),
    );
    const ris = [
      ...anchors.ris,
      exam('r5', 'CT-1', '2010-03-01T10:00', 20),
      exam('r6', 'CT-1', '2010-03-01T10:10', 20),
      exam('r7', 'CT-1', '2010-03-01T12:00', 20),
      exam('r8', 'MR-1', '2010-03-01T09:00', 20),
      exam('r8b', 'MR-1', '2010-03-01T11:00', 20),
    ];
    const dicom = [
      ...anchors.dicom,
      // 2 min from r6, 8 min from r5: r6 takes it; r5 is left (billed, not performed).
      exam('d5', 'CT-1', '2010-03-01T10:08', 15),
      // Starts 35 min after r7 and after r7 ended: not the same exam.
      exam('d7', 'CT-1', '2010-03-01T12:35', 15),
      // Between r8 and r8b on MR-1, an hour from each; the CT exams at 10:00 are not candidates.
      exam('d8', 'MR-1', '2010-03-01T10:00', 20),
    ];
    const result = reconcile(ris, dicom, keys, options);
    expect(pairsOf(result)).toEqual([
      'ct-am=d-ct-am:accession',
      'r6=d5:time',
      'ct-pm=d-ct-pm:accession',
      'mr-am=d-mr-am:accession',
      'mr-pm=d-mr-pm:accession',
    ]);
    expect(result.report.billedNotPerformed.map((e) => [e.examId, e.start, e.equipmentId])).toEqual(
      [
        ['r5', '2010-03-01 10:00', 'CT-1'],
        ['r7', '2010-03-01 12:00', 'CT-1'],
        ['r8', '2010-03-01 09:00', 'MR-1'],
        ['r8b', '2010-03-01 11:00', 'MR-1'],
      ],
    );
    expect(result.report.billedNotPerformed[0]?.startInstant).toBe(
      Date.parse('2010-03-01T09:00:00Z'),
    );
    expect(result.report.performedNotBilled.map((e) => e.examId)).toEqual(['d7', 'd8']);
    expect(result.report.totals.matchedBy).toEqual({ accession: 4, 'study-uid': 0, time: 1 });
    expect(result.report.notReconciled).toEqual([]);
  });

  it('allows many-to-one by key: CT abdomen and pelvis billed as two accessions, one DICOM exam', () => {
    const ris = [
      exam('abdo', 'CT-1', '2010-03-01T08:00', 15),
      exam('pelv', 'CT-1', '2010-03-01T08:00', 15),
    ];
    const dicom = [exam('scan', 'CT-1', '2010-03-01T08:02', 20)];
    const keys = keyTable({
      abdo: { accessions: ['ABDO'] },
      pelv: { accessions: ['PELV'] },
      scan: { accessions: ['ABDO', 'PELV'] },
    });
    const { pairs, report } = reconcile(ris, dicom, keys, options);
    expect(pairs.map((p) => `${p.risId}=${p.dicomId}`)).toEqual(['abdo=scan', 'pelv=scan']);
    expect(report.totals).toMatchObject({
      matchedRis: 2,
      matchedDicom: 1,
      billedNotPerformed: 0,
      performedNotBilled: 0,
    });
    expect(report.equipment[0]).toMatchObject({
      equipmentId: 'CT-1',
      risExams: 2,
      dicomExams: 1,
      matchedRis: 2,
      matchedDicom: 1,
    });
  });
});

describe('reconcile: clock skew', () => {
  // Five exams matched by accession whose DICOM times are 45 min late, and one pair with no key.
  const keyed = (
    n: number,
  ): {
    ris: ReturnType<typeof exam>[];
    dicom: ReturnType<typeof exam>[];
    keys: Map<string, { accessions: string[]; studyUids: string[] }>;
  } => {
    const ris = [];
    const dicom = [];
    const entries: Record<string, { accessions: string[] }> = {};
    for (let i = 0; i < n; i++) {
      const h = String(8 + i).padStart(2, '0');
      ris.push(exam(`r${i}`, 'MR-1', `2010-03-02T${h}:00`, 30));
      dicom.push(exam(`d${i}`, 'MR-1', `2010-03-02T${h}:45`, 30));
      entries[`r${i}`] = { accessions: [`A${i}`] };
      entries[`d${i}`] = { accessions: [`A${i}`] };
    }
    ris.push(exam('rx', 'MR-1', '2010-03-02T15:00', 30));
    dicom.push(exam('dx', 'MR-1', '2010-03-02T15:46', 25));
    return { ris, dicom, keys: keyTable(entries) };
  };

  it('with 5 key-matched pairs 45 min apart: warns and corrects the time pass by the median', () => {
    const { ris, dicom, keys } = keyed(5);
    const { pairs, report } = reconcile(ris, dicom, keys, options);
    expect(pairs.filter((p) => p.by === 'time').map((p) => `${p.risId}=${p.dicomId}`)).toEqual([
      'rx=dx',
    ]);
    expect(report.warnings).toEqual([
      expect.objectContaining({
        code: 'clock-skew-vs-ris',
        equipmentId: 'MR-1',
        offsetMinutes: 45,
        pairs: 5,
      }),
    ]);
    expect(report.warnings[0]?.message).toMatch(/MR-1.*45 min later/);
    expect(report.equipment[0]).toMatchObject({
      medianOffsetMinutes: 45,
      offsetPairs: 5,
      skewCorrected: true,
    });
    expect(report.totals).toMatchObject({ billedNotPerformed: 0, performedNotBilled: 0 });
  });

  it('with 4 pairs: no warning, no correction, so the unkeyed exams stay apart', () => {
    const { ris, dicom, keys } = keyed(4);
    const { pairs, report } = reconcile(ris, dicom, keys, options);
    expect(pairs.filter((p) => p.by === 'time')).toEqual([]);
    expect(report.warnings).toEqual([]);
    expect(report.equipment[0]).toMatchObject({
      medianOffsetMinutes: 45,
      offsetPairs: 4,
      skewCorrected: false,
    });
    // rx (15:00) is the last RIS exam and dx (15:46) the last DICOM one: the common period ends at 15:00.
    expect(report.billedNotPerformed.map((e) => e.examId)).toEqual(['rx']);
    expect(report.notReconciled).toEqual([
      { equipmentId: 'MR-1', side: 'dicom', reason: 'outside-common-period', exams: 1 },
    ]);
  });

  it('a median within the threshold (the DICOM acquisition margin) is not skew', () => {
    const ris = [];
    const dicom = [];
    const entries: Record<string, { accessions: string[] }> = {};
    for (let i = 0; i < 6; i++) {
      ris.push(exam(`r${i}`, 'CT-1', `2010-03-02T1${i}:00`, 20));
      dicom.push(exam(`d${i}`, 'CT-1', `2010-03-02T1${i}:08`, 20));
      entries[`r${i}`] = entries[`d${i}`] = { accessions: [`A${i}`] };
    }
    const { report } = reconcile(ris, dicom, keyTable(entries), options);
    expect(RECONCILE_DEFAULTS.skewThresholdMinutes).toBe(10);
    expect(report.warnings).toEqual([]);
    expect(report.equipment[0]).toMatchObject({ medianOffsetMinutes: 8, skewCorrected: false });
  });
});

describe('reconcile: scope', () => {
  it('lists equipment known to one side only as not reconciled, never as missing exams', () => {
    const ris = [
      exam('r1', 'CT-1', '2010-03-01T08:00', 20),
      exam('r2', 'CT-9', '2010-03-01T08:00', 20),
    ];
    const dicom = [
      exam('d1', 'CT-1', '2010-03-01T08:05', 20),
      exam('d2', 'MR-9', '2010-03-01T09:00', 20),
      exam('d3', 'MR-9', '2010-03-01T10:00', 20),
    ];
    const { report, notReconciled } = reconcile(ris, dicom, new Map(), options);
    expect(report.notReconciled).toEqual([
      { equipmentId: 'CT-9', side: 'ris', reason: 'equipment-on-one-side', exams: 1 },
      { equipmentId: 'MR-9', side: 'dicom', reason: 'equipment-on-one-side', exams: 2 },
    ]);
    expect(notReconciled).toEqual({ ris: ['r2'], dicom: ['d2', 'd3'] });
    expect(report.billedNotPerformed).toEqual([]);
    expect(report.performedNotBilled).toEqual([]);
    expect(report.equipment.map((e) => e.equipmentId)).toEqual(['CT-1']);
  });

  it('compares only the period both sides cover on a device', () => {
    // The RIS covers days 1–3, the PACS export only day 2.
    const ris = [
      exam('r-day1', 'CT-1', '2010-03-01T09:00', 20),
      exam('r-day2a', 'CT-1', '2010-03-02T09:00', 20),
      exam('r-day2b', 'CT-1', '2010-03-02T11:00', 20),
      exam('r-day2c', 'CT-1', '2010-03-02T15:00', 20),
      exam('r-day3', 'CT-1', '2010-03-03T09:00', 20),
    ];
    const dicom = [
      exam('d-a', 'CT-1', '2010-03-02T08:58', 20),
      exam('d-c', 'CT-1', '2010-03-02T15:02', 20),
      exam('d-z', 'CT-1', '2010-03-02T13:00', 10),
    ];
    const { report } = reconcile(ris, dicom, new Map(), options);
    expect(report.equipment[0]).toMatchObject({
      period: { start: '2010-03-02 08:58', end: '2010-03-02 15:02' },
      risExams: 5,
      dicomExams: 3,
      matchedRis: 2,
      matchedDicom: 2,
      billedNotPerformed: 1,
      performedNotBilled: 1,
      notReconciled: 2,
    });
    expect(report.billedNotPerformed.map((e) => e.examId)).toEqual(['r-day2b']);
    expect(report.performedNotBilled.map((e) => e.examId)).toEqual(['d-z']);
    expect(report.notReconciled).toEqual([
      { equipmentId: 'CT-1', side: 'ris', reason: 'outside-common-period', exams: 2 },
    ]);
  });
});
