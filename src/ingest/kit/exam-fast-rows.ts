/**
 * The fast path of exams.csv: a row whose bytes are canonical — ASCII without quote, space or
 * control byte, the header's number of cells, ISO local date-times `YYYY-MM-DDTHH:MM[:SS]`
 * (not in a daylight-saving gap or repeated hour), plain decimals, known codes, inside the campaign's days,
 * a duration within [0, 24 h], no report before room_out, a 32+ hex-digit patient key, an exam id
 * new for its machine — is read straight from the bytes into the exam columns. It reports
 * nothing: any row failing one condition is left (untouched) to the checked path, which says
 * what it always said, so the issues are the same by construction.
 */
import { MS_PER_DAY } from '../../core/calendar.ts';
import { NO_AGE_BAND } from '../../core/exam-table.ts';
import type { CampaignWindow } from './campaign-window.ts';
import { daysFromCivil, type DateTimeReader } from './date-time.ts';
import { NO_KEY, type ExamColumns } from './exam-columns.ts';
import type { ExamColumnIndexes, ExamRowsContext } from './exam-rows.ts';

const MS_PER_HOUR = 3_600_000;
const MS_PER_MINUTE = 60_000;
const SEPARATOR = 1;
const OTHER = 2;
const LINE_FEED = 3;
const RETURN = 4;
const POWERS_OF_TEN = Array.from({ length: 16 }, (_, i) => 10 ** i);

/** Byte codes of `A`, `H`, `R`, `U` → index in CATEGORIES, else -1. */
const CATEGORY_OF_BYTE = new Int8Array(128).fill(-1);
CATEGORY_OF_BYTE[65] = 0;
CATEGORY_OF_BYTE[72] = 1;
CATEGORY_OF_BYTE[82] = 2;
CATEGORY_OF_BYTE[85] = 3;

/** Index in AGE_BANDS (`0-17`, `18-64`, `65-79`, `80+`) of `b[from, to)`, else -1. */
function ageBandAt(b: Uint8Array, from: number, to: number): number {
  const n = to - from;
  const c0 = b[from];
  if (n === 4 && c0 === 48 && b[from + 1] === 45 && b[from + 2] === 49 && b[from + 3] === 55)
    return 0;
  if (n === 5 && b[from + 2] === 45) {
    const a = c0 === 49 && b[from + 1] === 56 && b[from + 3] === 54 && b[from + 4] === 52; // 18-64
    if (a) return 1;
    if (c0 === 54 && b[from + 1] === 53 && b[from + 3] === 55 && b[from + 4] === 57) return 2; // 65-79
    return -1;
  }
  if (n === 3 && c0 === 56 && b[from + 1] === 48 && b[from + 2] === 43) return 3;
  return -1;
}

/**
 * A non-negative decimal `D+` or `D+.D+` of at most 15 digits (computed as `parseDecimalAt`
 * does, so the value is the same), else -1.
 */
function decimalAt(b: Uint8Array, from: number, to: number): number {
  let mantissa = 0;
  let digits = 0;
  let mark = -1;
  for (let i = from; i < to; i++) {
    const d = (b[i] as number) - 48;
    if (d >= 0 && d <= 9) {
      mantissa = mantissa * 10 + d;
      digits++;
    } else if (d === -2 && mark < 0 && i > from && i + 1 < to) mark = i;
    else return -1;
  }
  if (digits === 0 || digits > 15) return -1;
  return mark < 0 ? mantissa : mantissa / (POWERS_OF_TEN[to - mark - 1] as number);
}

/** True for the common keyed-hash shape: 32+ hex digits, not all decimal (never refused). */
function isHexKeyAt(b: Uint8Array, from: number, to: number): boolean {
  if (to - from < 32) return false;
  let letter = false;
  for (let i = from; i < to; i++) {
    const c = b[i] as number;
    if (c >= 48 && c <= 57) continue;
    const lower = c | 0x20;
    if (c < 0x41 || lower < 0x61 || lower > 0x66) return false;
    letter = true;
  }
  return letter;
}

/** Reads canonical exam rows from bytes; `read` gives -1 for any other row (nothing done then). */
export class FastExamRows {
  readonly #ctx: ExamRowsContext;
  readonly #dates: DateTimeReader;
  readonly #window: CampaignWindow;
  readonly #i: ExamColumnIndexes;
  readonly #columns: ExamColumns;
  /** Per byte: 0 for a byte of a canonical cell, SEPARATOR, or OTHER (the row is not canonical). */
  readonly #kinds: Uint8Array;
  readonly #starts: Int32Array;
  readonly #ends: Int32Array;
  readonly #width: number;
  /** The last date read (`y * 10000 + m * 100 + d`) and its day's UTC start. */
  #lastDate = -1;
  #lastBase = NaN;

  constructor(
    ctx: ExamRowsContext & { readonly window: CampaignWindow },
    dates: DateTimeReader,
    indexes: ExamColumnIndexes,
    columns: ExamColumns,
    width: number,
    separator: number,
  ) {
    this.#ctx = ctx;
    this.#window = ctx.window;
    this.#dates = dates;
    this.#i = indexes;
    this.#columns = columns;
    this.#width = width;
    this.#starts = new Int32Array(width);
    this.#kinds = new Uint8Array(256).fill(OTHER);
    for (let c = 0x21; c <= 0x7e; c++) this.#kinds[c] = 0;
    this.#kinds[0x22] = OTHER;
    this.#kinds[separator] = SEPARATOR;
    this.#kinds[10] = LINE_FEED;
    this.#kinds[13] = RETURN;
    this.#ends = new Int32Array(width);
  }

  /**
   * Reads the line starting at `from` (its line feed, or `limit`, ends it) seen on `line` when
   * canonical: its id registered and, while the read has no error, its values appended. Returns
   * the index of its line feed (or `limit`); -1 when not canonical (nothing done then).
   */
  read(b: Uint8Array, from: number, limit: number, line: number): number {
    const starts = this.#starts;
    const ends = this.#ends;
    const width = this.#width;
    const kinds = this.#kinds;
    let k = 0;
    let s = from;
    let i = from;
    let end = limit;
    for (; i < limit; i++) {
      const kind = kinds[b[i] as number] as number;
      if (kind === 0) continue;
      if (kind === SEPARATOR) {
        if (k + 1 >= width) return -1;
        starts[k] = s;
        ends[k] = i;
        k++;
        s = i + 1;
        continue;
      }
      if (kind === LINE_FEED) {
        end = i;
        break;
      }
      if (kind === RETURN && (i + 1 === limit || b[i + 1] === 10)) {
        end = i;
        i++;
        break;
      }
      return -1;
    }
    const stop = i;
    starts[k] = s;
    ends[k] = end;
    if (k + 1 !== width || starts[0] === ends[0]) return -1;
    const x = this.#i;
    // Required cells.
    const idFrom = starts[x.id] as number;
    const idTo = ends[x.id] as number;
    if (idFrom === idTo) return -1;
    const eqFrom = starts[x.equipment] as number;
    const eqTo = ends[x.equipment] as number;
    if (eqFrom === eqTo) return -1;
    const equipment = this.#ctx.machines.knownAscii(b, eqFrom, eqTo);
    if (equipment === null) return -1;
    const catAt = starts[x.category] as number;
    if ((ends[x.category] as number) - catAt !== 1) return -1;
    const category = CATEGORY_OF_BYTE[b[catAt] as number] as number;
    if (category < 0) return -1;
    const roomIn = this.#instant(b, starts[x.roomIn] as number, ends[x.roomIn] as number);
    if (roomIn !== roomIn || !this.#window.contains(roomIn)) return -1;
    const roomOut = this.#instant(b, starts[x.roomOut] as number, ends[x.roomOut] as number);
    if (roomOut !== roomOut) return -1;
    const duration = roomOut - roomIn;
    if (duration < 0 || duration > MS_PER_DAY) return -1;
    // Optional cells: NaN when blank or absent.
    let icr = NaN;
    if (x.icr >= 0 && starts[x.icr] !== ends[x.icr]) {
      icr = decimalAt(b, starts[x.icr] as number, ends[x.icr] as number);
      if (icr < 0) return -1;
    }
    let report = NaN;
    if (x.report >= 0 && starts[x.report] !== ends[x.report]) {
      report = this.#instant(b, starts[x.report] as number, ends[x.report] as number);
      if (report !== report || report < roomOut) return -1;
    }
    let requested = NaN;
    if (x.requested >= 0 && starts[x.requested] !== ends[x.requested]) {
      requested = this.#instant(b, starts[x.requested] as number, ends[x.requested] as number);
      if (requested !== requested) return -1;
    }
    let scheduled = NaN;
    if (x.scheduled >= 0 && starts[x.scheduled] !== ends[x.scheduled]) {
      scheduled = decimalAt(b, starts[x.scheduled] as number, ends[x.scheduled] as number);
      if (scheduled <= 0) return -1;
    }
    let ageBand = NO_AGE_BAND;
    if (x.age >= 0 && starts[x.age] !== ends[x.age]) {
      ageBand = ageBandAt(b, starts[x.age] as number, ends[x.age] as number);
      if (ageBand < 0) return -1;
    }
    const hasKey = x.key >= 0 && starts[x.key] !== ends[x.key];
    if (hasKey && !isHexKeyAt(b, starts[x.key] as number, ends[x.key] as number)) return -1;
    // Last, the one check that records something: a repeated id is left to the checked path.
    const id = this.#ctx.registry.add(equipment.index, b, idFrom, idTo, line);
    if (id < 0) return -1;
    if (this.#ctx.sink.errorCount > 0) return stop;
    const columns = this.#columns;
    const key =
      hasKey && columns.keys !== null
        ? columns.keys.add(b, starts[x.key] as number, ends[x.key] as number)
        : NO_KEY;
    const acts =
      x.acts >= 0 && starts[x.acts] !== ends[x.acts]
        ? columns.acts.ofAscii(b, starts[x.acts] as number, ends[x.acts] as number)
        : 0;
    columns.append(
      equipment.index,
      id,
      category,
      roomIn,
      roomOut,
      icr,
      acts,
      report,
      requested,
      scheduled,
      ageBand,
      key,
    );
    return stop;
  }

  /**
   * The instant of `YYYY-MM-DDTHH:MM` or `YYYY-MM-DDTHH:MM:SS` in the campaign's zone, on a day
   * with one offset (DateTimeReader's own per-day offset, so the same instant); NaN otherwise.
   */
  #instant(b: Uint8Array, from: number, to: number): number {
    const n = to - from;
    if (n !== 16 && n !== 19) return NaN;
    if (b[from + 4] !== 45 || b[from + 7] !== 45 || b[from + 10] !== 84 || b[from + 13] !== 58)
      return NaN;
    const y0 = (b[from] as number) - 48;
    const y1 = (b[from + 1] as number) - 48;
    const y2 = (b[from + 2] as number) - 48;
    const y3 = (b[from + 3] as number) - 48;
    const m0 = (b[from + 5] as number) - 48;
    const m1 = (b[from + 6] as number) - 48;
    const d0 = (b[from + 8] as number) - 48;
    const d1 = (b[from + 9] as number) - 48;
    if (
      (y0 | y1 | y2 | y3 | m0 | m1 | d0 | d1) < 0 ||
      y0 > 9 ||
      y1 > 9 ||
      y2 > 9 ||
      y3 > 9 ||
      m0 > 9 ||
      m1 > 9 ||
      d0 > 9 ||
      d1 > 9
    )
      return NaN;
    const year = y0 * 1000 + y1 * 100 + y2 * 10 + y3;
    const month = m0 * 10 + m1;
    const day = d0 * 10 + d1;
    const date = year * 10000 + month * 100 + day;
    let base = NaN;
    let naiveDay = NaN;
    if (date === this.#lastDate) base = this.#lastBase;
    else {
      if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return NaN;
      const days = daysFromCivil(year, month, day);
      const offset = this.#dates.dayOffset(days);
      if (offset !== offset)
        naiveDay = days; // a daylight-saving day: each time resolved
      else {
        this.#lastDate = date;
        this.#lastBase = base = days * MS_PER_DAY - offset;
      }
    }
    const h0 = (b[from + 11] as number) - 48;
    const h1 = (b[from + 12] as number) - 48;
    const i0 = (b[from + 14] as number) - 48;
    const i1 = (b[from + 15] as number) - 48;
    if ((h0 | h1 | i0 | i1) < 0 || h0 > 9 || h1 > 9 || i0 > 5 || i1 > 9) return NaN;
    const hour = h0 * 10 + h1;
    if (hour > 23) return NaN;
    let t = hour * MS_PER_HOUR + (i0 * 10 + i1) * MS_PER_MINUTE;
    if (n === 19) {
      const s0 = (b[from + 17] as number) - 48;
      const s1 = (b[from + 18] as number) - 48;
      if (b[from + 16] !== 58 || (s0 | s1) < 0 || s0 > 5 || s1 > 9) return NaN;
      t += (s0 * 10 + s1) * 1000;
    }
    // NaN in a gap or a repeated hour: the checked path says which.
    if (naiveDay === naiveDay)
      return this.#dates.instantOfNaive(naiveDay, naiveDay * MS_PER_DAY + t);
    return base + t;
  }
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}
