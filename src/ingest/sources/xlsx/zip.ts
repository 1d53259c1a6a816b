/**
 * Reads zips (an .xlsx workbook, a data kit uploaded as one .zip) trusting nothing they declare:
 * every entry read is checked against its central-directory record (name, method, CRC-32, both
 * sizes, also in its local header or data descriptor), inflated no further than the size it
 * declares, and its CRC-32 and size checked against what inflated. An entry that says less or
 * other than it holds is a ZipError naming it, never a silently cut file. Caps on entries and
 * sizes refuse bombs before anything is inflated.
 */
import { crc32, inflateRawSync } from 'node:zlib';

/** Limits on a workbook's zip (defaults fit the largest national campaign several times). */
export interface ZipLimits {
  maxEntries: number;
  maxEntryBytes: number;
  maxTotalBytes: number;
  /** Largest inflated/compressed ratio (XML compresses well, but not a thousand times). */
  maxRatio: number;
}

export const DEFAULT_ZIP_LIMITS: ZipLimits = {
  maxEntries: 10_000,
  maxEntryBytes: 1024 * 1024 * 1024,
  maxTotalBytes: 2 * 1024 * 1024 * 1024,
  maxRatio: 1000,
};

/** A zip that cannot be opened or is refused; the message says why, in plain words. */
export class ZipError extends Error {
  override name = 'ZipError';
}

/** One entry as its central directory declares it. */
export interface ZipEntry {
  /** Its path inside the zip, as written (folders end with `/`). */
  name: string;
  /** 0 stored, 8 deflate (anything else is refused when read). */
  compression: number;
  /** Compressed size, in bytes. */
  size: number;
  /** Declared inflated size, in bytes. */
  originalSize: number;
  crc: number;
}

const EOCD = 0x06054b50;
const EOCD64 = 0x06064b50;
const EOCD64_LOCATOR = 0x07064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const DESCRIPTOR = 0x08074b50;
const U32 = 0xffffffff;

/** An entry's name as a message may show it: printable, and not too long. */
function shown(name: string): string {
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is masked
  const clean = name.replace(/[\u0000-\u001f\u007f-\u009f]/g, '?');
  return `'${clean.length > 120 ? `${clean.slice(0, 117)}…` : clean}'`;
}

/** Little-endian reads that throw a ZipError instead of reading past the end. */
class Bytes {
  readonly view: DataView;
  constructor(readonly bytes: Uint8Array) {
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }
  check(at: number, length: number, what: string): void {
    if (at < 0 || length < 0 || at + length > this.bytes.length)
      throw new ZipError(`${what} lies past the end of the file: the zip is cut short or damaged`);
  }
  u16(at: number, what: string): number {
    this.check(at, 2, what);
    return this.view.getUint16(at, true);
  }
  u32(at: number, what: string): number {
    this.check(at, 4, what);
    return this.view.getUint32(at, true);
  }
  u64(at: number, what: string): number {
    this.check(at, 8, what);
    const value = this.view.getBigUint64(at, true);
    if (value > BigInt(Number.MAX_SAFE_INTEGER))
      throw new ZipError(`${what} declares an impossible size`);
    return Number(value);
  }
  slice(at: number, length: number, what: string): Uint8Array {
    this.check(at, length, what);
    return this.bytes.subarray(at, at + length);
  }
}

const NAME_DECODER = new TextDecoder('utf-8');
const LATIN_NAMES = new TextDecoder('latin1');

function nameOf(raw: Uint8Array, flags: number): string {
  // Bit 11: UTF-8 names; older tools write code page 437, read close enough as latin1.
  return (flags & 0x800 ? NAME_DECODER : LATIN_NAMES).decode(raw);
}

/** The sizes and offset a zip64 extra field (0x0001) gives for the fields set to 0xFFFFFFFF. */
function zip64Extra(
  zip: Bytes,
  at: number,
  length: number,
  wants: { originalSize: boolean; size: boolean; offset: boolean },
  what: string,
): { originalSize?: number; size?: number; offset?: number } {
  const end = at + length;
  for (let p = at; p + 4 <= end;) {
    const id = zip.u16(p, what);
    const len = zip.u16(p + 2, what);
    if (id === 0x0001) {
      let q = p + 4;
      const out: { originalSize?: number; size?: number; offset?: number } = {};
      if (wants.originalSize) {
        out.originalSize = zip.u64(q, what);
        q += 8;
      }
      if (wants.size) {
        out.size = zip.u64(q, what);
        q += 8;
      }
      if (wants.offset) out.offset = zip.u64(q, what);
      return out;
    }
    p += 4 + len;
  }
  throw new ZipError(`${what} needs a zip64 size field it does not have: the zip is damaged`);
}

/** The central directory's place and entry count, from the end-of-central-directory records. */
function directoryOf(zip: Bytes): { offset: number; size: number; count: number } {
  const { bytes } = zip;
  const lowest = Math.max(0, bytes.length - 22 - 0xffff);
  let at = -1;
  for (let p = bytes.length - 22; p >= lowest; p--) {
    if (
      zip.view.getUint32(p, true) === EOCD &&
      p + 22 + zip.view.getUint16(p + 20, true) <= bytes.length
    ) {
      at = p;
      break;
    }
  }
  if (at < 0) throw new ZipError('not a readable zip: no central directory at its end');
  let count = zip.u16(at + 10, 'the end of the central directory');
  let size = zip.u32(at + 12, 'the end of the central directory');
  let offset = zip.u32(at + 16, 'the end of the central directory');
  if (count === 0xffff || size === U32 || offset === U32) {
    const locator = at - 20;
    if (locator < 0 || zip.u32(locator, 'the zip64 locator') !== EOCD64_LOCATOR) {
      throw new ZipError('the zip declares zip64 sizes without their zip64 record: it is damaged');
    }
    const record = zip.u64(locator + 8, 'the zip64 locator');
    if (zip.u32(record, 'the zip64 end of the central directory') !== EOCD64) {
      throw new ZipError('the zip64 end of the central directory is missing: the zip is damaged');
    }
    count = zip.u64(record + 32, 'the zip64 end of the central directory');
    size = zip.u64(record + 40, 'the zip64 end of the central directory');
    offset = zip.u64(record + 48, 'the zip64 end of the central directory');
  }
  zip.check(offset, size, 'the central directory');
  return { offset, size, count };
}

interface CentralRecord extends ZipEntry {
  flags: number;
  localOffset: number;
}

/** Every record of the central directory, in order. */
function centralRecords(zip: Bytes): CentralRecord[] {
  const { offset, size, count } = directoryOf(zip);
  const records: CentralRecord[] = [];
  const end = offset + size;
  let p = offset;
  for (let i = 0; i < count; i++) {
    const what = `entry ${i + 1} of the central directory`;
    if (p + 46 > end || zip.u32(p, what) !== CENTRAL)
      throw new ZipError(`${what} is missing or damaged`);
    const flags = zip.u16(p + 8, what);
    const compression = zip.u16(p + 10, what);
    const crc = zip.u32(p + 16, what);
    let size = zip.u32(p + 20, what);
    let originalSize = zip.u32(p + 24, what);
    const nameLength = zip.u16(p + 28, what);
    const extraLength = zip.u16(p + 30, what);
    const commentLength = zip.u16(p + 32, what);
    let localOffset = zip.u32(p + 42, what);
    const name = nameOf(zip.slice(p + 46, nameLength, what), flags);
    if (originalSize === U32 || size === U32 || localOffset === U32) {
      const big = zip64Extra(
        zip,
        p + 46 + nameLength,
        extraLength,
        { originalSize: originalSize === U32, size: size === U32, offset: localOffset === U32 },
        `the entry ${shown(name)}`,
      );
      originalSize = big.originalSize ?? originalSize;
      size = big.size ?? size;
      localOffset = big.offset ?? localOffset;
    }
    records.push({ name, compression, size, originalSize, crc, flags, localOffset });
    p += 46 + nameLength + extraLength + commentLength;
    if (p > end) throw new ZipError(`${what} runs past the central directory: the zip is damaged`);
  }
  return records;
}

/** A refusal naming the entry, with what to do. */
function damaged(entry: ZipEntry, why: string): ZipError {
  return new ZipError(
    `the entry ${shown(entry.name)} ${why}: the zip is damaged or was altered; make it again from the original files`,
  );
}

/**
 * The bytes of one entry, after checking its local header (or data descriptor) agrees with its
 * central-directory record, inflating at most its declared size, and checking what inflated
 * has that size and CRC-32.
 */
function readEntry(zip: Bytes, entry: CentralRecord): Uint8Array {
  const what = `the entry ${shown(entry.name)}`;
  const at = entry.localOffset;
  if (zip.u32(at, what) !== LOCAL)
    throw damaged(entry, 'has no local header where the central directory says');
  const flags = zip.u16(at + 6, what);
  const compression = zip.u16(at + 8, what);
  let crc = zip.u32(at + 14, what);
  let size = zip.u32(at + 18, what);
  let originalSize = zip.u32(at + 22, what);
  const nameLength = zip.u16(at + 26, what);
  const extraLength = zip.u16(at + 28, what);
  if (flags & 1 || entry.flags & 1)
    throw new ZipError(`${what} is encrypted: send the zip without a password`);
  if (nameOf(zip.slice(at + 30, nameLength, what), flags) !== entry.name)
    throw damaged(entry, 'has another name in its local header');
  if (compression !== entry.compression) throw damaged(entry, 'declares two compression methods');
  if (entry.compression !== 0 && entry.compression !== 8) {
    throw new ZipError(
      `${what} uses compression method ${entry.compression}, not deflate: zip it again with the usual settings`,
    );
  }
  const start = at + 30 + nameLength + extraLength;
  const data = zip.slice(start, entry.size, what);
  if (flags & 0x8) {
    // Sizes and CRC follow the data (streamed zips): read them from the data descriptor.
    let q = start + entry.size;
    if (zip.u32(q, what) === DESCRIPTOR) q += 4;
    crc = zip.u32(q, what);
    const wide = entry.size >= U32 || entry.originalSize >= U32 || originalSize === U32;
    size = wide ? zip.u64(q + 4, what) : zip.u32(q + 4, what);
    originalSize = wide ? zip.u64(q + 12, what) : zip.u32(q + 8, what);
  } else if (size === U32 || originalSize === U32) {
    const big = zip64Extra(
      zip,
      at + 30 + nameLength,
      extraLength,
      { originalSize: originalSize === U32, size: size === U32, offset: false },
      what,
    );
    size = big.size ?? size;
    originalSize = big.originalSize ?? originalSize;
  }
  if (size !== entry.size || originalSize !== entry.originalSize) {
    throw damaged(
      entry,
      `declares other sizes in its local header (${size} and ${originalSize} bytes) than in the central directory (${entry.size} and ${entry.originalSize})`,
    );
  }
  if (crc !== entry.crc)
    throw damaged(
      entry,
      'declares another CRC-32 in its local header than in the central directory',
    );
  let content: Uint8Array;
  if (entry.compression === 0) {
    if (entry.size !== entry.originalSize)
      throw damaged(entry, 'is stored uncompressed yet declares two sizes');
    content = data.slice();
  } else {
    try {
      // One byte more than declared is enough to know it holds more.
      const inflated = inflateRawSync(data, {
        maxOutputLength: Math.max(1, entry.originalSize + 1),
      });
      content = new Uint8Array(inflated.buffer, inflated.byteOffset, inflated.byteLength);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') {
        throw damaged(entry, `holds more than the ${entry.originalSize} bytes it declares`);
      }
      throw damaged(entry, 'cannot be inflated (its compressed data is cut short or corrupt)');
    }
    if (content.length > entry.originalSize)
      throw damaged(entry, `holds more than the ${entry.originalSize} bytes it declares`);
    if (content.length < entry.originalSize)
      throw damaged(
        entry,
        `holds ${content.length} bytes, not the ${entry.originalSize} it declares`,
      );
  }
  if (crc32(content) >>> 0 !== entry.crc)
    throw damaged(entry, 'does not match its CRC-32 checksum');
  return content;
}

/**
 * The entries of a zip that `accept` takes, by name, each verified (sizes in both headers, what
 * inflates, CRC-32); `accept` sees each entry's declared sizes first and may throw to refuse the
 * whole zip (caps). Throws ZipError naming the entry when anything disagrees; a zip holding an
 * accepted name twice is refused.
 *
 * @example
 * const files = readZipEntries(bytes, (e) => !e.name.endsWith('/'));
 * files.get('kit/exams.csv'); // the verified bytes
 */
export function readZipEntries(
  bytes: Uint8Array,
  accept: (entry: ZipEntry) => boolean,
): Map<string, Uint8Array> {
  const zip = new Bytes(bytes);
  const records = centralRecords(zip);
  const taken = records.filter((r) => accept(r));
  const out = new Map<string, Uint8Array>();
  for (const record of taken) {
    if (out.has(record.name))
      throw new ZipError(`the zip holds the entry ${shown(record.name)} twice`);
    out.set(record.name, readEntry(zip, record));
  }
  return out;
}

/** The parts of a workbook plateau reads (others, such as images, are never inflated). */
function wanted(name: string): boolean {
  return (
    name === '[Content_Types].xml' ||
    /^_rels\/\.rels$/.test(name) ||
    /^xl\/[^/]+\.xml$/.test(name) ||
    /^xl\/_rels\/[^/]+\.rels$/.test(name) ||
    /^xl\/worksheets\/[^/]+\.xml$/.test(name)
  );
}

/**
 * The text of the SpreadsheetML parts of a zip, by path; throws ZipError when the bytes are not
 * a zip, when a cap is passed, or when an entry is damaged (sizes or CRC-32 that disagree).
 *
 * @example
 * const parts = unzipWorkbook(bytes); parts.get('xl/workbook.xml');
 */
export function unzipWorkbook(
  bytes: Uint8Array,
  limits: ZipLimits = DEFAULT_ZIP_LIMITS,
): Map<string, string> {
  let entries = 0;
  let total = 0;
  let raw: Map<string, Uint8Array>;
  try {
    raw = readZipEntries(bytes, (file) => {
      entries += 1;
      if (entries > limits.maxEntries)
        throw new ZipError(`more than ${limits.maxEntries} entries in the zip`);
      if (!wanted(file.name)) return false;
      if (file.compression !== 0 && file.compression !== 8)
        throw new ZipError(`${file.name} uses compression method ${file.compression}, not deflate`);
      if (file.originalSize > limits.maxEntryBytes)
        throw new ZipError(
          `${file.name} inflates to ${file.originalSize} bytes, more than the ${limits.maxEntryBytes} accepted`,
        );
      if (file.originalSize > Math.max(1024 * 1024, file.size * limits.maxRatio))
        throw new ZipError(
          `${file.name} inflates ${Math.round(file.originalSize / Math.max(1, file.size))} times its size: refused as a zip bomb`,
        );
      total += file.originalSize;
      if (total > limits.maxTotalBytes)
        throw new ZipError(`the workbook inflates to more than ${limits.maxTotalBytes} bytes`);
      return true;
    });
  } catch (error) {
    if (error instanceof ZipError) throw error;
    throw new ZipError(
      `not a readable zip: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  const parts = new Map<string, string>();
  for (const [name, data] of raw) {
    try {
      parts.set(name, new TextDecoder('utf-8', { fatal: true }).decode(data));
    } catch {
      throw new ZipError(`${name} is not UTF-8 text`);
    }
  }
  return parts;
}
