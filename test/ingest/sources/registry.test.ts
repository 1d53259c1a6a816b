import { describe, expect, it } from 'vitest';
import { parseMapping } from '../../../src/ingest/sources/mapping.ts';
import { detectSource, readSources } from '../../../src/ingest/sources/registry.ts';
import type { SourceAdapter } from '../../../src/ingest/sources/types.ts';
import { fakeAdapter, fakeFile, MAPPING_CSV } from './fake-adapter.ts';

const mapping = parseMapping('mapping.csv', MAPPING_CSV).mapping!;
const context = { mapping, secret: 'k' };
const exam = {
  id: 'A1',
  station: 'CTSCAN1',
  in: '2010-03-01T08:00:00Z',
  out: '2010-03-01T08:20:00Z',
  patient: 'IPP1',
  patientName: 'DOE^JOHN',
};

describe('detectSource', () => {
  it('gives the first adapter that claims the file, and survives a throwing detector', () => {
    const throwing: SourceAdapter = {
      ...fakeAdapter,
      id: 'dicom',
      detect: () => {
        throw new Error('boom');
      },
    };
    expect(
      detectSource({ name: 'a.fake.json', bytes: new Uint8Array() }, [throwing, fakeAdapter]),
    ).toBe(fakeAdapter);
    expect(detectSource({ name: 'a.txt', bytes: new Uint8Array() }, [fakeAdapter])).toBeNull();
  });
});

describe('readSources', () => {
  it('reads the files an adapter claims, merges records and removed counts, and warns on the rest', async () => {
    const { records, issues } = await readSources(
      [
        { name: 'one.fake.json', bytes: fakeFile({ exams: [exam] }) },
        { name: 'README.txt', bytes: new TextEncoder().encode('hello') },
        { name: 'two.fake.json', bytes: fakeFile({ exams: [{ ...exam, id: 'A2' }] }) },
      ],
      context,
      [fakeAdapter],
    );
    expect(records.exams.map((e) => e.examId)).toEqual(['A1', 'A2']);
    expect(records.removed).toEqual({ 'patient id': 2, 'patient name': 2 });
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({
      severity: 'warning',
      code: 'unknown-source',
      file: 'README.txt',
    });
    expect(issues[0]!.message).toContain('not a kit file, HL7 v2, FHIR, DICOM or XLSX');
  });
  it('is an error when no input is a known source', async () => {
    const { issues } = await readSources([{ name: 'x.bin', bytes: new Uint8Array([1]) }], context, [
      fakeAdapter,
    ]);
    expect(issues.map((i) => [i.severity, i.code])).toEqual([
      ['warning', 'unknown-source'],
      ['error', 'no-source'],
    ]);
  });
  it('turns an adapter that throws into a located error', async () => {
    const broken: SourceAdapter = {
      ...fakeAdapter,
      read: () => Promise.reject(new Error('kaput')),
    };
    const { issues } = await readSources([{ name: 'a.fake.json', bytes: fakeFile({}) }], context, [
      broken,
    ]);
    expect(issues).toEqual([
      expect.objectContaining({ severity: 'error', code: 'adapter-failure', file: 'a.fake.json' }),
    ]);
    expect(issues[0]!.message).toContain('kaput');
  });
  it('passes the secret: an empty one makes the adapter fail, reported as an issue', async () => {
    const { issues } = await readSources(
      [{ name: 'a.fake.json', bytes: fakeFile({ exams: [exam] }) }],
      { mapping, secret: '' },
      [fakeAdapter],
    );
    expect(issues[0]).toMatchObject({ code: 'adapter-failure' });
    expect(issues[0]!.message).toContain('secret');
  });
});
