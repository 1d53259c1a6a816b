// HL7 v2 text and DICOM Part-10 files read together by readSources, then assembled by
// kitFromSources: one exam both sides describe counts once, a billed exam without images and an
// image-only exam are kept and reported, and the CSV lists them. CT-1 is both the RIS room
// (IPC-7 station) and the scanner (DeviceSerialNumber) in the mapping. Paris, March 2010: UTC+1.
import { describe, expect, it } from 'vitest';
import { kitFromSources } from '../../../../src/ingest/sources/assemble.ts';
import { deidentifyHl7 } from '../../../../src/ingest/sources/hl7v2/deidentify.ts';
import { parseHl7 } from '../../../../src/ingest/sources/hl7v2/parse.ts';
import { reconciliationCsv } from '../../../../src/ingest/sources/reconcile/csv.ts';
import { readSources } from '../../../../src/ingest/sources/registry.ts';
import { at } from '../../../helpers/build-kit.ts';
import { campaign, h, inputs, mapping, SECRET } from './fixtures.ts';

describe('HL7 v2 + DICOM: readSources then kitFromSources', () => {
  it('counts an exam both sides describe once, and keeps and reports what only one side has', async () => {
    const read = await readSources(inputs, { mapping, secret: SECRET });
    expect(read.issues.filter((i) => i.severity === 'error')).toEqual([]);
    expect([...read.records.source.values()].sort()).toEqual([
      'dicom',
      'dicom',
      'dicom',
      'dicom',
      'hl7v2',
      'hl7v2',
      'hl7v2',
      'hl7v2',
    ]);
    // Both sides name the ACC1 exam alike, and carry only hashes.
    expect(read.records.keys.get(h('ACC1'))).toEqual({
      accessions: [h('ACC1')],
      studyUids: [h('1.2.250.1.1')],
    });
    expect(read.records.keys.get(h('ACC5'))).toEqual({
      accessions: [h('ACC5')],
      studyUids: [h('1.2.250.1.5')],
    });
    expect(JSON.stringify([...read.records.keys])).not.toMatch(/ACC\d|1\.2\.250/);

    const { kit, issues, reconciliation } = await kitFromSources(read.records, campaign, mapping);
    expect(issues.filter((i) => i.severity === 'error')).toEqual([]);
    expect(kit).not.toBeNull();
    // ACC1, ACC2 (billed only), ACC5, ACC3 (images only), ACC4: five exams, none twice.
    expect(kit!.exams.map((e) => [e.examId, new Date(e.roomIn).toISOString()]).sort()).toEqual(
      [
        [h('ACC1'), '2010-03-01T07:00:00.000Z'],
        [h('ACC2'), '2010-03-01T09:00:00.000Z'],
        [h('ACC3'), '2010-03-01T11:00:00.000Z'],
        [h('ACC4'), '2010-03-01T13:00:00.000Z'],
        [h('ACC5'), '2010-03-01T10:00:00.000Z'],
      ].sort(),
    );
    // The RIS times win; the DICOM exam fills the age band the RIS did not give (born 1940-02-14: 70).
    const acc1 = kit!.exams.find((e) => e.examId === h('ACC1'))!;
    expect(acc1).toMatchObject({
      roomIn: at('2010-03-01T08:00'),
      roomOut: at('2010-03-01T08:20'),
      acts: ['ZBQK002'],
      ageBand: '65-79',
    });

    expect(reconciliation).not.toBeNull();
    const r = reconciliation!;
    expect(r.totals).toMatchObject({
      risExams: 4,
      dicomExams: 4,
      matchedBy: { accession: 2, 'study-uid': 1, time: 0 },
      billedNotPerformed: 1,
      performedNotBilled: 1,
      notReconciledRis: 0,
      notReconciledDicom: 0,
    });
    expect(r.equipment).toEqual([
      {
        equipmentId: 'CT-1',
        period: { start: '2010-03-01 08:00', end: '2010-03-01 13:57' },
        risExams: 4,
        dicomExams: 4,
        matchedRis: 3,
        matchedDicom: 3,
        billedNotPerformed: 1,
        performedNotBilled: 1,
        notReconciled: 0,
        medianOffsetMinutes: -1,
        offsetPairs: 3,
        skewCorrected: false,
      },
    ]);
    expect(r.billedNotPerformed).toEqual([
      {
        equipmentId: 'CT-1',
        start: '2010-03-01 10:00',
        startInstant: at('2010-03-01T10:00'),
        category: 'A',
        acts: ['ZBQK002'],
        examId: h('ACC2'),
      },
    ]);
    expect(r.performedNotBilled).toEqual([
      {
        equipmentId: 'CT-1',
        start: '2010-03-01 12:00',
        startInstant: at('2010-03-01T12:00'),
        category: 'A',
        acts: [],
        examId: h('ACC3'),
      },
    ]);

    const byCode = (code: string) => issues.filter((i) => i.code === code);
    expect(byCode('billed-not-performed')).toHaveLength(1);
    expect(byCode('billed-not-performed')[0]).toMatchObject({
      severity: 'warning',
      file: '(assembled kit)',
    });
    expect(byCode('billed-not-performed')[0]?.message).toContain(
      `2010-03-01 10:00 CT-1 (category A, ZBQK002, exam ${h('ACC2').slice(0, 12)})`,
    );
    expect(byCode('performed-not-billed')[0]?.message).toMatch(
      /^1 DICOM exam has no RIS exam \(CT-1 1\): 2010-03-01 12:00 CT-1/,
    );
    expect(byCode('reconciliation')[0]?.message).toBe(
      'RIS 4 exams, DICOM 4 exams: 3 RIS exams matched to 3 DICOM exams (2 by accession, 1 by study UID, 0 by time within 30 min), 1 billed but not performed, 1 performed but not billed',
    );
    expect(JSON.stringify({ issues, r })).not.toMatch(/ACC\d|1\.2\.250|MARTIN|IPP/);

    expect(reconciliationCsv(r).slice(1).split('\r\n')).toEqual([
      'row,equipment_id,local_start,category,acts,exam_id,ris_exams,dicom_exams,matched_ris,matched_dicom,billed_not_performed,performed_not_billed,not_reconciled,median_offset_min',
      `billed-not-performed,CT-1,2010-03-01 10:00,A,ZBQK002,${h('ACC2')},,,,,,,,`,
      `performed-not-billed,CT-1,2010-03-01 12:00,A,,${h('ACC3')},,,,,,,,`,
      'total,CT-1,,,,,4,4,3,3,1,1,0,-1',
      'total,all,,,,,4,4,3,3,1,1,0,',
      '',
    ]);
    expect(reconciliationCsv(r, 'fr').split('\r\n')[1]).toMatch(/^facture-non-realise;CT-1;/);
  });

  it('does not reconcile when only one side is given', async () => {
    const read = await readSources(inputs.slice(0, 1), { mapping, secret: SECRET });
    const { kit, reconciliation, issues } = await kitFromSources(read.records, campaign, mapping);
    expect(reconciliation).toBeNull();
    expect(issues.filter((i) => i.code === 'billed-not-performed')).toEqual([]);
    expect(kit?.exams).toHaveLength(4);
  });
});

describe('HL7 v2 kept by the MLLP journal (de-identified) + DICOM read raw', () => {
  it('reconcile exactly as the raw messages do: accessions and study UIDs hashed alike on both sides', async () => {
    const journaled = inputs.map((input) => {
      if (!/\.hl7$/.test(input.name)) return input;
      const text = parseHl7(input.name, new TextDecoder().decode(input.bytes))
        .messages.map((m) => deidentifyHl7(m, SECRET).text)
        .join('');
      expect(text).not.toMatch(/ACC\d|1\.2\.250/);
      return { name: input.name, bytes: new TextEncoder().encode(text) };
    });
    const raw = await kitFromSources(
      (await readSources(inputs, { mapping, secret: SECRET })).records,
      campaign,
      mapping,
    );
    const kept = await kitFromSources(
      (await readSources(journaled, { mapping, secret: SECRET })).records,
      campaign,
      mapping,
    );
    expect(kept.reconciliation?.totals).toEqual(raw.reconciliation?.totals);
    expect(kept.reconciliation?.totals.matchedBy).toMatchObject({ accession: 2, 'study-uid': 1 });
    expect(kept.kit?.exams.map((e) => ({ ...e, ageBand: null }))).toEqual(
      raw.kit?.exams.map((e) => ({ ...e, ageBand: null })),
    );
  });
});
