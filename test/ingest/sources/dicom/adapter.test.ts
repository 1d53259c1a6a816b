import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { dicomAdapter } from '../../../../src/ingest/sources/dicom/index.ts';
import { TAG } from '../../../../src/ingest/sources/dicom/dictionary.ts';
import {
  parseDicomDate,
  parseDicomDateTime,
  parseDicomTime,
  parseOffset,
} from '../../../../src/ingest/sources/dicom/date-time.ts';
import { DICOM_TIMING } from '../../../../src/ingest/sources/dicom/timing.ts';
import { pseudonymize } from '../../../../src/ingest/sources/identity.ts';
import type { SiteMapping, SourceInput } from '../../../../src/ingest/sources/types.ts';
import type { El } from './build-part10.ts';
import { part10 } from './build-part10.ts';
import { SAMPLE_MAPPING, haveSamples, sampleInputs } from './samples.ts';

const iso = (n: number): string => new Date(n).toISOString();
const context = (mapping: SiteMapping = MAPPING) => ({ mapping, secret: 'test-secret' });
const h = (value: string): string => pseudonymize(value, 'test-secret');
/** The id of a fixture written with raw identifiers: each accession / study UID hashed ("2@uid", "A+B"). */
const hashedId = (raw: string): string =>
  raw
    .split('+')
    .map((part) => part.split('@').map(h).join('@'))
    .join('+');

const MAPPING: SiteMapping = {
  finess: '750000001',
  timeZone: 'Europe/Paris',
  equipment: [
    { serial: 'SN-CT-1', equipmentId: 'CT1' },
    { station: 'IRM1', equipmentId: 'MR1' },
    { aeTitle: 'PACS_AE', equipmentId: 'CT2' },
  ],
  categories: [
    { unit: 'URG', category: 'U' },
    { unit: 'REA', category: 'R' },
  ],
  acts: [{ localCode: 'SCAN-TETE', ccam: 'ACQK001' }],
};

/** One CT/MR image header. */
function image(o: {
  study: string;
  acc?: string;
  pid?: string;
  date?: string;
  time?: string;
  modality?: string;
  serial?: string;
  station?: string;
  extra?: El[];
}): Uint8Array {
  const els: El[] = [
    [TAG.ImageType, 'CS', 'ORIGINAL\\PRIMARY\\AXIAL'],
    [TAG.SOPClassUID, 'UI', '1.2.840.10008.5.1.4.1.1.2'],
    [TAG.Modality, 'CS', o.modality ?? 'CT'],
    [TAG.StudyInstanceUID, 'UI', o.study],
    [TAG.PatientName, 'PN', 'DUPONT^JEAN'],
    [TAG.PatientBirthDate, 'DA', '19500214'],
    [TAG.PatientAddress, 'LO', '1 rue de la Paix'],
    [TAG.PatientID, 'LO', o.pid ?? 'IPP1'],
    [TAG.StudyDate, 'DA', o.date ?? '20261110'],
    [TAG.AcquisitionDate, 'DA', o.date ?? '20261110'],
    [TAG.AcquisitionTime, 'TM', o.time ?? '100000'],
    ...(o.acc ? ([[TAG.AccessionNumber, 'SH', o.acc]] as El[]) : []),
    ...(o.serial ? ([[TAG.DeviceSerialNumber, 'LO', o.serial]] as El[]) : []),
    ...(o.station ? ([[TAG.StationName, 'SH', o.station]] as El[]) : []),
    ...(o.extra ?? []),
  ];
  return part10(els);
}

const inputs = (...files: Uint8Array[]): SourceInput[] =>
  files.map((bytes, i) => ({ name: `f${i}.dcm`, bytes }));

describe.skipIf(!haveSamples)('dicomAdapter on the real samples', () => {
  it('gives the hand-checked exams, equipment, removed counts and issues', async () => {
    // Checked by hand: CT_small 11:29:36 at −05:00 = 16:29:36Z, CT margins −5/+3 min; the
    // 77654033 CT study starts at its PPS start 17:30:32 (+00:00) and ends 3 min after the last
    // image 17:35:25; the 98892001 study reuses accession "2" (renamed) and starts at its PPS
    // 00:00:00; MR_small has no time (derived, empty AcquisitionTime); the Philips MR files share
    // the AE title CLUNIE1 with the CT files and are refused on the CT device.
    const expected = JSON.parse(
      readFileSync(new URL('./fixtures/samples-expected.json', import.meta.url), 'utf8'),
    ) as Record<string, unknown>;
    const { records, issues } = await dicomAdapter.read(sampleInputs(), context(SAMPLE_MAPPING));
    expect(
      records.exams.map((e) => ({ ...e, roomIn: iso(e.roomIn), roomOut: iso(e.roomOut) })),
    ).toEqual(
      // patientKey: the keyed hash of `(0010,0021) issuer|(0010,0020) PatientID` (no issuer in the samples).
      (expected.exams as { examId: string; patientKey: string }[]).map((e) => ({
        ...e,
        examId: hashedId(e.examId),
        patientKey: h(e.patientKey),
      })),
    );
    // Raw accessions and study UIDs never leave the adapter, not even in the key table.
    const keyText = JSON.stringify([...records.keys]);
    expect(`${JSON.stringify(records.exams)}${keyText}`).not.toMatch(/1\.3\.6\.1\.4\.1\.5962/);
    expect([...records.keys.keys()]).toEqual(records.exams.map((e) => e.examId));
    expect(records.keys.get(hashedId('2'))).toEqual({
      accessions: [h('2')],
      studyUids: [expect.stringMatching(/^[0-9a-f]{64}$/)],
    });
    expect(records.equipment).toEqual(expected.equipment);
    expect(records.removed).toEqual(expected.removed);
    expect(
      issues.map((i) => ({
        severity: i.severity,
        code: i.code,
        file: i.file,
        line: i.line,
        column: i.column,
      })),
    ).toEqual(expected.issues);
    for (const i of issues) expect(i.message.length).toBeGreaterThan(10);
    expect(JSON.stringify(records)).not.toMatch(/CompressedSamples|Anonymized/i);
  });

  it('gives the same records whatever the order of the files', async () => {
    const inputs = sampleInputs();
    const reference = await dicomAdapter.read(inputs, context(SAMPLE_MAPPING));
    let seed = 7;
    for (let round = 0; round < 5; round++) {
      const shuffled = [...inputs].sort(
        () => (seed = (seed * 48271) % 2147483647) / 2147483647 - 0.5,
      );
      expect((await dicomAdapter.read(shuffled, context(SAMPLE_MAPPING))).records).toEqual(
        reference.records,
      );
    }
  });

  it('detects DICOM files and nothing else', () => {
    for (const input of sampleInputs()) expect(dicomAdapter.detect(input), input.name).toBe(true);
    expect(
      dicomAdapter.detect({ name: 'orm.hl7', bytes: new TextEncoder().encode('MSH|^~\\&|') }),
    ).toBe(false);
  });
});

describe('dicomAdapter room times', () => {
  it('uses first/last image with the CT margins, local time from the site zone, and drops identity', async () => {
    const { records, issues } = await dicomAdapter.read(
      inputs(
        image({ study: '1', acc: 'A1', serial: 'SN-CT-1', time: '100000' }),
        image({ study: '1', acc: 'A1', serial: 'SN-CT-1', time: '101230.123456' }),
      ),
      context(),
    );
    // No RequestingService: an outpatient, said once (the rule of every source, patient-class.ts).
    expect(issues.filter((i) => i.severity !== 'info').map((i) => i.code)).toEqual([
      'no-patient-class',
    ]);
    expect(records.exams).toHaveLength(1);
    const e = records.exams[0]!;
    // Paris in November is UTC+1.
    expect(DICOM_TIMING.preMarginMinutes.CT).toBe(5);
    expect(iso(e.roomIn)).toBe('2026-11-10T08:55:00.000Z');
    expect(iso(e.roomOut)).toBe('2026-11-10T09:15:30.123Z');
    expect(e).toMatchObject({
      examId: h('A1'),
      equipmentId: 'CT1',
      category: 'A',
      ageBand: '65-79',
    });
    expect(records.keys.get(h('A1'))).toEqual({ accessions: [h('A1')], studyUids: [h('1')] });
    // Tagged by the adapter itself, so DICOMweb records merged outside readSources are still the DICOM side.
    expect(records.source.get(e)).toBe('dicom');
    expect(records.removed).toEqual({
      '(0010,0010) PatientName': 2,
      '(0010,0030) PatientBirthDate': 2,
      '(0010,1040) PatientAddress': 2,
      '(0010,0020) PatientID pseudonymized': 2,
    });
    expect(JSON.stringify(records)).not.toMatch(/DUPONT|19500214|rue de la Paix|IPP1/);
  });

  it('prefers MPPS start/end, TimezoneOffsetFromUTC, maps categories and acts', async () => {
    const extra: El[] = [
      [TAG.TimezoneOffsetFromUTC, 'SH', '+0200'],
      [TAG.PerformedProcedureStepStartDate, 'DA', '20260701'],
      [TAG.PerformedProcedureStepStartTime, 'TM', '0955'],
      [TAG.PerformedProcedureStepEndDate, 'DA', '20260701'],
      [TAG.PerformedProcedureStepEndTime, 'TM', '102000'],
      [TAG.RequestingService, 'LO', 'URG'],
      [
        TAG.ProcedureCodeSequence,
        'SQ',
        [
          [
            [TAG.CodeValue, 'SH', 'SCAN-TETE'],
            [TAG.CodingSchemeDesignator, 'SH', 'L'],
          ],
          [
            [TAG.CodeValue, 'SH', 'ZBQK002'],
            [TAG.CodingSchemeDesignator, 'SH', 'CCAM'],
          ],
        ],
      ],
    ];
    const { records } = await dicomAdapter.read(
      inputs(
        image({
          study: '2',
          acc: 'B',
          station: 'IRM1',
          modality: 'MR',
          date: '20260701',
          time: '100000',
          extra,
        }),
      ),
      context(),
    );
    const e = records.exams[0]!;
    expect(iso(e.roomIn)).toBe('2026-07-01T07:55:00.000Z');
    expect(iso(e.roomOut)).toBe('2026-07-01T08:20:00.000Z');
    expect(e).toMatchObject({ equipmentId: 'MR1', category: 'U', acts: ['ACQK001', 'ZBQK002'] });
    expect(records.equipment[0]).toMatchObject({
      equipmentId: 'MR1',
      modality: 'MR',
      finess: '750000001',
    });
  });

  it('merges close accessions of one patient, keeps other patients apart, and clips overlaps', async () => {
    const { records, issues } = await dicomAdapter.read(
      inputs(
        image({ study: 'a', acc: 'ABDO', pid: 'P1', serial: 'SN-CT-1', time: '100000' }),
        image({ study: 'b', acc: 'PELV', pid: 'P1', serial: 'SN-CT-1', time: '101500' }),
        image({ study: 'c', acc: 'OTHER', pid: 'P2', serial: 'SN-CT-1', time: '101800' }),
        image({ study: 'd', acc: 'LATER', pid: 'P1', serial: 'SN-CT-1', time: '120000' }),
      ),
      context(),
    );
    expect(records.exams.map((e) => [e.examId, iso(e.roomIn), iso(e.roomOut)])).toEqual([
      [hashedId('ABDO+PELV'), '2026-11-10T08:55:00.000Z', '2026-11-10T09:13:00.000Z'],
      [h('OTHER'), '2026-11-10T09:13:00.000Z', '2026-11-10T09:21:00.000Z'],
      [h('LATER'), '2026-11-10T10:55:00.000Z', '2026-11-10T11:03:00.000Z'],
    ]);
    // The merged exam keeps the keys of both accessions.
    expect(records.keys.get(hashedId('ABDO+PELV'))).toEqual({
      accessions: [h('ABDO'), h('PELV')],
      studyUids: [h('a'), h('b')],
    });
    expect(issues.map((i) => i.code)).toEqual(
      expect.arrayContaining(['dicom-merged-accessions', 'dicom-clipped']),
    );
    for (const [a, b] of records.exams
      .slice(0, -1)
      .map((e, i) => [e, records.exams[i + 1]!] as const))
      expect(a.roomOut).toBeLessThanOrEqual(b.roomIn);
  });

  it('reports unmapped devices, devices without a key, other modalities and a skewed clock', async () => {
    const { records, issues } = await dicomAdapter.read(
      inputs(
        image({ study: 'x', serial: 'UNKNOWN-SN' }),
        image({ study: 'y' }),
        image({ study: 'z', modality: 'SR', serial: 'SN-CT-1' }),
        image({
          study: 'w',
          acc: 'W',
          serial: 'SN-CT-1',
          extra: [
            [TAG.InstanceCreationDate, 'DA', '20261110'],
            [TAG.InstanceCreationTime, 'TM', '094000'],
          ],
        }),
      ),
      context(),
    );
    expect(records.exams.map((e) => e.examId)).toEqual([h('W')]);
    const codes = issues.map((i) => `${i.severity}:${i.code}:${i.file}`);
    expect(codes).toEqual(
      expect.arrayContaining([
        'warning:dicom-unmapped-device:f0.dcm',
        'warning:dicom-no-device:f1.dcm',
        'info:dicom-other-modality:f2.dcm',
        'warning:dicom-clock-skew:f3.dcm',
      ]),
    );
  });
});

describe('DICOM dates and times (vendor quirks)', () => {
  it('reads fractions, missing seconds or minutes, old separators; refuses nonsense', () => {
    expect(parseDicomTime('101230.123456')).toBe(((10 * 60 + 12) * 60 + 30) * 1000 + 123);
    expect(parseDicomTime('1012')).toBe((10 * 60 + 12) * 60_000);
    expect(parseDicomTime('10')).toBe(10 * 3_600_000);
    expect(parseDicomTime('10:12:30')).toBe(((10 * 60 + 12) * 60 + 30) * 1000);
    expect(parseDicomTime('101230.1 ')).toBe(((10 * 60 + 12) * 60 + 30) * 1000 + 100);
    expect(parseDicomTime('2560')).toBeNull();
    expect(parseDicomTime('')).toBeNull();
    expect(parseDicomDate('2026.11.10')).toBe(Date.UTC(2026, 10, 10));
    expect(parseDicomDate('20260231')).toBeNull();
    expect(parseOffset('-0500')).toBe(-300);
    expect(parseOffset('+2500')).toBeNull();
    expect(parseDicomDateTime('20261110101230.5+0100')).toEqual({
      naive: Date.UTC(2026, 10, 10, 10, 12, 30, 500),
      offsetMinutes: 60,
    });
    expect(parseDicomDateTime('2026111010')).toEqual({
      naive: Date.UTC(2026, 10, 10, 10),
      offsetMinutes: null,
    });
  });
});

describe.skipIf(!haveSamples)('readDicomFolder', () => {
  it('reads the sample folder by header prefixes to the same exams as the in-memory adapter', async () => {
    const { readDicomFolder } = await import('../../../../src/ingest/sources/dicom/folder.ts');
    const { SAMPLES_DIR } = await import('./samples.ts');
    const folder = readDicomFolder(SAMPLES_DIR, context(SAMPLE_MAPPING));
    const memory = await dicomAdapter.read(sampleInputs(), context(SAMPLE_MAPPING));
    expect(folder.records).toEqual(memory.records);
    // README and licence files are skipped as non-DICOM.
    expect(folder.issues.find((i) => i.code === 'dicom-not-dicom-files')?.message).toMatch(
      /^3 file/,
    );
  });
});
