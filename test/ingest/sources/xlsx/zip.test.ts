// Zips whose headers lie: real zips (fflate, plain and streamed with data descriptors) with one
// field patched by hand — an under-stated size in both headers or in one, a cut compressed size,
// a wrong CRC-32 — are refused naming the entry, never read as a silently shorter file.
import { strToU8, Zip, ZipDeflate, ZipPassThrough, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { readKitWorkbook } from '../../../../src/ingest/sources/xlsx/read-kit-workbook.ts';
import {
  readZipEntries,
  unzipWorkbook,
  ZipError,
} from '../../../../src/ingest/sources/xlsx/zip.ts';
import { rawParts, baseSheets, zipParts } from './raw-workbook.ts';
import { entryOffsets, field, patched } from './zip-patch.ts';

const EXAMS = strToU8(
  [
    'exam_id;equipment_id;room_in',
    ...Array.from(
      { length: 659 },
      (_, i) => `E${i};CT1;2026-03-02T08:${String(i % 60).padStart(2, '0')}:00`,
    ),
  ].join('\n'),
);
const KIT = zipSync({ 'kit/exams.csv': EXAMS, 'kit/campaign.json': strToU8('{"id":"c"}') });
const all = (): boolean => true;

function refusal(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(ZipError);
    return (error as Error).message;
  }
  throw new Error('the zip was read');
}

describe('readZipEntries', () => {
  it('reads a whole zip, plain or streamed with data descriptors', () => {
    expect(readZipEntries(KIT, all).get('kit/exams.csv')).toEqual(EXAMS);
    const chunks: Uint8Array[] = [];
    const streamed = new Zip((error, chunk) => {
      if (error) throw error;
      chunks.push(chunk);
    });
    const deflated = new ZipDeflate('kit/exams.csv');
    streamed.add(deflated);
    deflated.push(EXAMS.subarray(0, 1000));
    deflated.push(EXAMS.subarray(1000), true);
    const stored = new ZipPassThrough('kit/campaign.json');
    streamed.add(stored);
    stored.push(strToU8('{"id":"c"}'), true);
    streamed.end();
    const bytes = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
    chunks.reduce((at, c) => (bytes.set(c, at), at + c.length), 0);
    const read = readZipEntries(bytes, all);
    expect(read.get('kit/exams.csv')).toEqual(EXAMS);
    expect(new TextDecoder().decode(read.get('kit/campaign.json'))).toBe('{"id":"c"}');
  });

  it('reads zip64 records (Python zipfile, with and without data descriptors)', () => {
    const fromBase64 = (text: string): Uint8Array => new Uint8Array(Buffer.from(text, 'base64'));
    const seekable = fromBase64(
      'UEsDBC0AAAAIAAAAIQCFUnNr//////////8NABQAa2l0L2V4YW1zLmNzdgEAEACgDwAAAAAAABwAAAAAAAAA7cMxDQAACAOwH0uo2fyLQAZPmzTbiaqqqvr6AFBLAwQUAAAACAAHTYZdhqYQNgcAAAAFAAAABQAAAHgudHh0y0jNyckHAFBLAQItAy0AAAAIAAAAIQCFUnNrHAAAAKAPAAANAAAAAAAAAAAAAACAAQAAAABraXQvZXhhbXMuY3N2UEsBAhQDFAAAAAgAB02GXYamEDYHAAAABQAAAAUAAAAAAAAAAAAAAIABWwAAAHgudHh0UEsFBgAAAAACAAIAbgAAAIUAAAAAAA==',
    );
    const streamed = fromBase64(
      'UEsDBC0ACAAIAAAAIQAAAAAA//////////8NABQAa2l0L2V4YW1zLmNzdgEAEAAAAAAAAAAAAAAAAAAAAAAA7cMxDQAACAOwH0uo2fyLQAZPmzTbiaqqqvr6AFBLBwiFUnNrHAAAAAAAAACgDwAAAAAAAFBLAQItAy0ACAAIAAAAIQCFUnNrHAAAAKAPAAANAAAAAAAAAAAAAACAAQAAAABraXQvZXhhbXMuY3N2UEsFBgAAAAABAAEAOwAAAHMAAAAAAA==',
    );
    const rows = new TextEncoder().encode('a;b\n'.repeat(1000));
    expect(readZipEntries(seekable, all).get('kit/exams.csv')).toEqual(rows);
    expect(readZipEntries(streamed, all).get('kit/exams.csv')).toEqual(rows);
    const liar = patched(streamed, 'kit/exams.csv', 'originalSize', 3999, 'central');
    expect(refusal(() => readZipEntries(liar, all))).toMatch(/declares other sizes/);
  });

  it('refuses an entry whose size is under-stated in both headers, naming it', () => {
    const size = field(KIT, 'kit/exams.csv', 'originalSize');
    const liar = patched(KIT, 'kit/exams.csv', 'originalSize', Math.floor(size / 2));
    expect(refusal(() => readZipEntries(liar, all))).toMatch(
      /'kit\/exams\.csv' holds more than the \d+ bytes it declares/,
    );
    const over = patched(KIT, 'kit/exams.csv', 'originalSize', size + 10);
    expect(refusal(() => readZipEntries(over, all))).toMatch(
      /'kit\/exams\.csv' holds \d+ bytes, not the \d+ it declares/,
    );
  });

  it('refuses headers that disagree (local header against central directory)', () => {
    const size = field(KIT, 'kit/exams.csv', 'originalSize');
    for (const where of ['local', 'central'] as const) {
      const liar = patched(KIT, 'kit/exams.csv', 'originalSize', size - 100, where);
      expect(refusal(() => readZipEntries(liar, all))).toMatch(
        /'kit\/exams\.csv' declares other sizes in its local header/,
      );
    }
    const crc = patched(KIT, 'kit/exams.csv', 'crc', 1, 'local');
    expect(refusal(() => readZipEntries(crc, all))).toMatch(/another CRC-32/);
  });

  it('refuses a cut compressed size and a wrong CRC-32', () => {
    const size = field(KIT, 'kit/exams.csv', 'size');
    const cut = patched(KIT, 'kit/exams.csv', 'size', size - 40);
    expect(refusal(() => readZipEntries(cut, all))).toMatch(/'kit\/exams\.csv' cannot be inflated/);
    const crc = field(KIT, 'kit/exams.csv', 'crc');
    const wrong = patched(KIT, 'kit/exams.csv', 'crc', (crc ^ 0x10) >>> 0);
    expect(refusal(() => readZipEntries(wrong, all))).toMatch(
      /'kit\/exams\.csv' does not match its CRC-32/,
    );
    // Stored (not deflated) entries too: a flipped byte of content.
    const plain = zipSync({ 'a.csv': EXAMS }, { level: 0 });
    const flipped = plain.slice();
    const at = entryOffsets(plain, 'a.csv').local + 30 + 'a.csv'.length + 500;
    flipped[at] = flipped[at]! ^ 1;
    expect(refusal(() => readZipEntries(flipped, all))).toMatch(
      /'a\.csv' does not match its CRC-32/,
    );
  });

  it('refuses a data descriptor that under-states the size', () => {
    const chunks: Uint8Array[] = [];
    const streamed = new Zip((error, chunk) => {
      if (error) throw error;
      chunks.push(chunk);
    });
    const deflated = new ZipDeflate('exams.csv');
    streamed.add(deflated);
    deflated.push(EXAMS, true);
    streamed.end();
    const bytes = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
    chunks.reduce((at, c) => (bytes.set(c, at), at + c.length), 0);
    const size = field(bytes, 'exams.csv', 'originalSize');
    const central = patched(bytes, 'exams.csv', 'originalSize', size - 1, 'central');
    expect(refusal(() => readZipEntries(central, all))).toMatch(
      /'exams\.csv' declares other sizes/,
    );
  });

  it('lets a cap refuse before anything is inflated, and refuses a name given twice', () => {
    expect(() =>
      readZipEntries(KIT, () => {
        throw new RangeError('cap');
      }),
    ).toThrow('cap');
    const twice = zipSync({ 'a.csv': strToU8('1'), 'b.csv': strToU8('2') });
    const view = new DataView(twice.buffer);
    const { central } = entryOffsets(twice, 'b.csv');
    twice[central + 46] = 'a'.charCodeAt(0);
    twice[view.getUint32(central + 42, true) + 30] = 'a'.charCodeAt(0);
    expect(refusal(() => readZipEntries(twice, all))).toMatch(/holds the entry 'a\.csv' twice/);
  });
});

describe('unzipWorkbook', () => {
  const book = zipParts(rawParts({ sheets: baseSheets('') }));
  const sheet = 'xl/worksheets/sheet5.xml';

  it('refuses a workbook part whose size is under-stated, naming it', () => {
    const size = field(book, sheet, 'originalSize');
    const liar = patched(book, sheet, 'originalSize', size - 7);
    expect(refusal(() => unzipWorkbook(liar))).toContain(
      `'${sheet}' holds more than the ${size - 7} bytes it declares`,
    );
    const { kit, issues } = readKitWorkbook('w.xlsx', liar);
    expect(kit).toBeNull();
    expect(issues.at(-1)).toMatchObject({ severity: 'error', code: 'xlsx-unreadable' });
    expect(issues.at(-1)?.message).toContain(sheet);
  });

  it('refuses a workbook part with a wrong CRC-32', () => {
    const wrong = patched(book, sheet, 'crc', (field(book, sheet, 'crc') + 1) >>> 0);
    expect(refusal(() => unzipWorkbook(wrong))).toContain(`'${sheet}' does not match its CRC-32`);
  });
});
