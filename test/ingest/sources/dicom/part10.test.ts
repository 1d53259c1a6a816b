import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Part10Result } from '../../../../src/ingest/sources/dicom/part10.ts';
import { readPart10 } from '../../../../src/ingest/sources/dicom/part10.ts';
import { readDicomFileHeader } from '../../../../src/ingest/sources/dicom/read-file.ts';
import { itemsOf, textOf } from '../../../../src/ingest/sources/dicom/dataset.ts';
import { TAG } from '../../../../src/ingest/sources/dicom/dictionary.ts';
import { dicomdirRecords } from '../../../../src/ingest/sources/dicom/dicomdir.ts';
import type { El } from './build-part10.ts';
import { part10 } from './build-part10.ts';
import { SAMPLES_DIR, haveSamples, sampleInputs } from './samples.ts';

const read = (bytes: Uint8Array, name = 'x.dcm'): Part10Result => {
  const r = readPart10(bytes, name);
  if (r === 'need-more') throw new Error('a complete input asked for more');
  return r;
};

describe.skipIf(!haveSamples)('the real sample files', () => {
  // Values checked by hand against DCMTK's dcmdump (all 33 image files agree field by field).
  const expected = JSON.parse(
    readFileSync(new URL('./fixtures/sample-headers.json', import.meta.url), 'utf8'),
  ) as Record<string, Record<string, unknown>>;

  it('reads every sample with the expected header values', () => {
    const inputs = sampleInputs();
    expect(inputs.map((i) => i.name).sort()).toEqual(Object.keys(expected).sort());
    for (const input of inputs) {
      const r = read(input.bytes, input.name);
      const ds = r.header?.dataset;
      const want = expected[input.name] as Record<string, unknown>;
      expect(r.header, input.name).not.toBeNull();
      expect(r.header?.transferSyntax, input.name).toBe(want.transferSyntax);
      expect(r.header?.pixelDataOffset, input.name).toBe(want.pixelDataOffset);
      expect(r.header?.isDicomdir, input.name).toBe(want.isDicomdir);
      if (want.isDicomdir) {
        expect(
          Object.values(dicomdirRecords(ds!)).reduce((a, b) => a + b, 0),
          input.name,
        ).toBe(want.records);
      } else {
        expect(textOf(ds!, TAG.Modality), input.name).toBe(want.modality);
        expect(textOf(ds!, TAG.StudyInstanceUID), input.name).toBe(want.studyInstanceUid);
        expect(textOf(ds!, TAG.AcquisitionTime), input.name).toBe(want.acquisitionTime);
        expect(textOf(ds!, TAG.ContentTime), input.name).toBe(want.contentTime);
        expect(textOf(ds!, TAG.StationName), input.name).toBe(want.stationName);
        expect(textOf(ds!, TAG.DeviceSerialNumber), input.name).toBe(want.deviceSerialNumber);
        expect(textOf(ds!, TAG.TimezoneOffsetFromUTC), input.name).toBe(want.timezoneOffsetFromUtc);
        expect(textOf(ds!, TAG.PerformedProcedureStepStartTime), input.name).toBe(
          want.ppsStartTime,
        );
      }
      expect(
        r.issues.map((i) => i.code),
        input.name,
      ).toEqual(want.issues);
    }
  });

  it('reads the DICOMDIR variants (big endian, implicit, reordered, no offsets) to the same 52 records', () => {
    const counts = [
      'DICOMDIR',
      'DICOMDIR-bigEnd',
      'DICOMDIR-implicit',
      'DICOMDIR-nooffset',
      'DICOMDIR-reordered',
    ].map((f) => {
      const r = read(new Uint8Array(readFileSync(join(SAMPLES_DIR, 'dicomdirtests', f))), f);
      return dicomdirRecords(r.header!.dataset);
    });
    for (const c of counts) expect(c).toEqual({ PATIENT: 2, STUDY: 6, SERIES: 13, IMAGE: 31 });
    const bigEnd = read(
      new Uint8Array(readFileSync(join(SAMPLES_DIR, 'dicomdirtests', 'DICOMDIR-bigEnd'))),
    );
    const firstImage = itemsOf(bigEnd.header!.dataset, TAG.DirectoryRecordSequence).find(
      (i) => textOf(i, TAG.DirectoryRecordType) === 'IMAGE',
    );
    expect(textOf(firstImage!, TAG.ReferencedFileID)).toMatch(/^77654033\\CR1\\6154$/);
  });

  it('reads a sample from disk without loading its pixel data', async () => {
    const r = await readDicomFileHeader(join(SAMPLES_DIR, 'CT_small.dcm'));
    expect(r.header?.pixelDataOffset).toBe(6288);
    expect(r.bytesRead).toBeLessThan(r.fileSize);
  });
});

describe('readPart10 on written files', () => {
  const base: El[] = [
    [TAG.SpecificCharacterSet, 'CS', 'ISO_IR 100'],
    [TAG.Modality, 'CS', 'CT'],
    [TAG.InstitutionName, 'LO', 'Hôpital Saint-Éloi'],
    [TAG.StudyInstanceUID, 'UI', '1.2.3'],
    [
      TAG.RequestAttributesSequence,
      'SQ',
      [
        [
          [TAG.AccessionNumber, 'SH', 'ACC1'],
          [TAG.RequestedProcedureID, 'SH', 'RP1'],
        ],
        [[TAG.AccessionNumber, 'SH', 'ACC2']],
      ],
    ],
  ];

  it.each([
    ['explicit, defined lengths', { explicit: true, undefinedLengths: false }],
    ['explicit, undefined lengths', { explicit: true, undefinedLengths: true }],
    ['implicit, defined lengths', { explicit: false, undefinedLengths: false }],
    ['implicit, undefined lengths', { explicit: false, undefinedLengths: true }],
  ])('%s: sequences, items and Latin-1 text', (_, options) => {
    const r = read(part10(base, options));
    expect(r.issues).toEqual([]);
    const ds = r.header!.dataset;
    expect(textOf(ds, TAG.InstitutionName)).toBe('Hôpital Saint-Éloi');
    expect(
      itemsOf(ds, TAG.RequestAttributesSequence).map((i) => textOf(i, TAG.AccessionNumber)),
    ).toEqual(['ACC1', 'ACC2']);
  });

  it('decodes UTF-8 text under ISO_IR 192', () => {
    const r = read(
      part10(
        [
          [TAG.SpecificCharacterSet, 'CS', 'ISO_IR 192'],
          [TAG.InstitutionName, 'LO', 'Hôpital – 東京'],
        ],
        { encoding: 'utf8' },
      ),
    );
    expect(textOf(r.header!.dataset, TAG.InstitutionName)).toBe('Hôpital – 東京');
  });

  it('warns on an unknown character set and reads on', () => {
    const r = read(
      part10([
        [TAG.SpecificCharacterSet, 'CS', 'ISO_IR 999'],
        [TAG.Modality, 'CS', 'MR'],
      ]),
    );
    expect(r.issues.map((i) => i.code)).toEqual(['dicom-charset']);
    expect(textOf(r.header!.dataset, TAG.Modality)).toBe('MR');
  });

  it('stops at the pixel data and asks for more only while the header goes on', () => {
    const bytes = part10(base, { pixelBytes: 4_000_000 });
    const headerEnd = bytes.length - 4_000_000;
    expect(readPart10(bytes.subarray(0, 200), 'x', { complete: false })).toBe('need-more');
    const r = readPart10(bytes.subarray(0, headerEnd), 'x', { complete: false });
    expect(r).not.toBe('need-more');
    expect((r as Part10Result).header?.pixelDataOffset).toBe(headerEnd - 12);
  });

  it('reads a large file from disk in one 16 KB chunk', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'plateau-dicom-'));
    try {
      writeFileSync(join(dir, 'big.dcm'), part10(base, { pixelBytes: 20_000_000 }));
      const r = await readDicomFileHeader(join(dir, 'big.dcm'));
      expect(r.bytesRead).toBe(16 * 1024);
      expect(textOf(r.header!.dataset, TAG.Modality)).toBe('CT');
      // A header longer than the first chunk: the prefix grows.
      writeFileSync(
        join(dir, 'long.dcm'),
        part10([...base, [TAG.StudyDescription, 'UT', 'x'.repeat(40_000)]], {
          pixelBytes: 1_000_000,
        }),
      );
      const long = await readDicomFileHeader(join(dir, 'long.dcm'));
      expect(long.bytesRead).toBe(64 * 1024);
      expect(long.header?.pixelDataOffset).not.toBeNull();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('locates a truncation by byte offset and tag', () => {
    const bytes = part10(base);
    const r = read(bytes.subarray(0, bytes.length - 3), 'cut.dcm');
    expect(r.header).toBeNull();
    expect(r.issues).toHaveLength(1);
    expect(r.issues[0]).toMatchObject({ severity: 'error', file: 'cut.dcm', line: 1 });
    expect(r.issues[0]?.column).toMatch(/^byte \d+/);
    expect(r.issues[0]?.hint).toBeTruthy();
  });

  it('refuses a file that is not DICOM, and a deflated one', () => {
    expect(read(new TextEncoder().encode('MSH|^~\\&|RIS|'.padEnd(300, 'x'))).issues[0]?.code).toBe(
      'dicom-not-part10',
    );
    const deflated = part10([[TAG.Modality, 'CS', 'CT']]);
    const ts = new TextEncoder().encode('1.2.840.10008.1.2.1.99');
    // Rewrite the transfer syntax element (its length changes; the meta group length is not relied on).
    const at = Buffer.from(deflated).indexOf('1.2.840.10008.1.2.1\0');
    const copy = new Uint8Array([
      ...deflated.subarray(0, at - 2),
      ...[ts.length, 0],
      ...ts,
      ...deflated.subarray(at + 20),
    ]);
    expect(read(copy).issues.map((i) => i.code)).toContain('dicom-deflated');
  });
});
