/**
 * What the byte fast paths of exams.csv and sessions.csv share: which bytes a canonical cell may
 * hold, where a canonical line ends, and reading a run of lines per call (ByteLineReader).
 */
import type { ByteLineReader } from './csv-feed.ts';

/** `kinds` of a byte that ends a cell: the separator. */
export const SEPARATOR = 1;
const OTHER = 2;
const LINE_FEED = 3;
const RETURN = 4;

/**
 * Per byte: 0 for a byte a canonical cell may hold (printable ASCII but the quote and the
 * separator), else non-zero (SEPARATOR for the separator).
 */
export function canonicalKinds(separator: number): Uint8Array {
  const kinds = new Uint8Array(256).fill(OTHER);
  for (let c = 0x21; c <= 0x7e; c++) kinds[c] = 0;
  kinds[0x22] = OTHER;
  kinds[separator] = SEPARATOR;
  kinds[10] = LINE_FEED;
  kinds[13] = RETURN;
  return kinds;
}

/**
 * Where the line whose last cell ends at `p` stops: `limit`, the index of its line feed (after a
 * carriage return or not), or -1 when another byte follows (not a canonical line).
 */
export function lineStop(b: Uint8Array, p: number, limit: number): number {
  if (p >= limit) return limit;
  const c = b[p] as number;
  if (c === 10) return p;
  if (c === 13) {
    if (p + 1 === limit) return limit;
    if (b[p + 1] === 10) return p + 1;
  }
  return -1;
}

/** The role of a column a fast path does not read: any canonical bytes. */
export const OTHER_CELL = 0;

/**
 * Per column of a header of `width` columns, its role: `roles` gives `[column index, role]`
 * (an index of -1, a column the file lacks, is skipped); every other column is OTHER_CELL.
 */
export function columnRoles(width: number, roles: readonly [number, number][]): Uint8Array {
  const out = new Uint8Array(width).fill(OTHER_CELL);
  for (const [column, role] of roles) if (column >= 0) out[column] = role;
  return out;
}

/** A reader of canonical rows, line by line (`read`), used a run of lines at a time. */
export abstract class ByteRowReader implements ByteLineReader {
  linesRead = 0;

  /**
   * Reads the line starting at `from` (its line feed, or `limit`, ends it) seen on `line` when
   * canonical; returns the index of its line feed (or `limit`), -1 when not canonical (nothing
   * done then).
   */
  abstract read(b: Uint8Array, from: number, limit: number, line: number): number;

  readLines(b: Uint8Array, from: number, limit: number, line: number): number {
    let pos = from;
    let n = 0;
    while (pos < limit && b[pos] !== 10) {
      const stop = this.read(b, pos, limit, line + n);
      if (stop < 0) break;
      n++;
      pos = stop + 1;
    }
    this.linesRead = n;
    return pos > limit ? limit : pos;
  }
}
