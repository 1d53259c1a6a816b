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
import type { ByteLineReader } from './csv-feed.ts';
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

/** Per byte: 1 for a decimal digit, 2 for a hex letter (either case), else 0. */
const HEX_DIGIT = new Uint8Array(256);
for (let c = 48; c <= 57; c++) HEX_DIGIT[c] = 1;
for (let c = 97; c <= 102; c++) HEX_DIGIT[c] = HEX_DIGIT[c - 32] = 2;

// What the fast path does with a column's cells (its role; date-times are ROOM_IN..REQUESTED).
/** A column it does not read: any canonical bytes. */
const OTHER_CELL = 0;
const ID = 1;
const EQUIPMENT = 2;
const CATEGORY = 3;
const ROOM_IN = 4;
const ROOM_OUT = 5;
const REPORT = 6;
const REQUESTED = 7;
const ACTS = 8;
const ICR = 9;
const SCHEDULED = 10;
const AGE = 11;
const KEY = 12;

/** Reads canonical exam rows from bytes; `read` gives -1 for any other row (nothing done then). */
export class FastExamRows implements ByteLineReader {
  linesRead = 0;
  readonly #ctx: ExamRowsContext;
  readonly #dates: DateTimeReader;
  readonly #window: CampaignWindow;
  readonly #columns: ExamColumns;
  /** Per byte: 0 for a byte of a canonical cell, SEPARATOR, or OTHER (the row is not canonical). */
  readonly #kinds: Uint8Array;
  /** Per column of the header, its role (ID, ROOM_IN…; OTHER_CELL when not read). */
  readonly #roles: Uint8Array;
  readonly #separator: number;
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
    this.#columns = columns;
    this.#separator = separator;
    this.#roles = new Uint8Array(width).fill(OTHER_CELL);
    const roles: [number, number][] = [
      [indexes.id, ID],
      [indexes.equipment, EQUIPMENT],
      [indexes.category, CATEGORY],
      [indexes.roomIn, ROOM_IN],
      [indexes.roomOut, ROOM_OUT],
      [indexes.acts, ACTS],
      [indexes.icr, ICR],
      [indexes.report, REPORT],
      [indexes.requested, REQUESTED],
      [indexes.scheduled, SCHEDULED],
      [indexes.age, AGE],
      // Keys are not read when not kept: any canonical bytes then, as before (checked path).
      [indexes.key, KEY],
    ];
    for (const [column, role] of roles) if (column >= 0) this.#roles[column] = role;
    this.#kinds = new Uint8Array(256).fill(OTHER);
    for (let c = 0x21; c <= 0x7e; c++) this.#kinds[c] = 0;
    this.#kinds[0x22] = OTHER;
    this.#kinds[separator] = SEPARATOR;
    this.#kinds[10] = LINE_FEED;
    this.#kinds[13] = RETURN;
  }

  /** Reads canonical lines while it can (ByteLineReader): `read` line after line. */
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

  /**
   * Reads the line starting at `from` (its line feed, or `limit`, ends it) seen on `line` when
   * canonical: its id registered and, while the read has no error, its values appended. Returns
   * the index of its line feed (or `limit`); -1 when not canonical (nothing done then).
   *
   * One pass, cell by cell in the header's order: each cell's bytes are checked by what it holds
   * (date-times digit by digit, decimals, hex keys, codes; other cells byte by byte against
   * `#kinds`), and each must end where its column does (the separator, or the line's end for the
   * last), so a row with too many or too few cells is not canonical.
   */
  read(b: Uint8Array, from: number, limit: number, line: number): number {
    const roles = this.#roles;
    const kinds = this.#kinds;
    const separator = this.#separator;
    const last = roles.length - 1;
    let idFrom = 0;
    let idTo = 0;
    let eqFrom = 0;
    let eqTo = 0;
    let actsFrom = 0;
    let actsTo = 0;
    let keyFrom = 0;
    let keyTo = 0;
    let category = -1;
    let roomIn = NaN;
    let roomOut = NaN;
    let icr = NaN;
    let report = NaN;
    let requested = NaN;
    let scheduled = NaN;
    let ageBand = NO_AGE_BAND;
    let p = from;
    for (let k = 0; k <= last; k++) {
      const start = p;
      const role = roles[k] as number;
      if (role >= ROOM_IN && role <= REQUESTED) {
        // A date-time, 16 or 19 bytes, or empty.
        if (p < limit && kinds[b[p] as number] === 0) {
          let n = 16;
          if (p + 16 < limit && b[p + 16] === 58) n = 19;
          if (p + n > limit) return -1;
          const at = this.#instant(b, p, p + n);
          if (at !== at) return -1;
          p += n;
          if (role === ROOM_IN) roomIn = at;
          else if (role === ROOM_OUT) roomOut = at;
          else if (role === REPORT) report = at;
          else requested = at;
        }
      } else if (role === ICR || role === SCHEDULED) {
        while (p < limit && (((b[p] as number) - 48) >>> 0 <= 9 || b[p] === 46)) p++;
        if (p > start) {
          const value = decimalAt(b, start, p);
          if (role === ICR) {
            if (value < 0) return -1;
            icr = value;
          } else {
            if (value <= 0) return -1;
            scheduled = value;
          }
        }
      } else if (role === KEY) {
        let letter = 0;
        for (; p < limit; p++) {
          const h = HEX_DIGIT[b[p] as number] as number;
          if (h === 0) break;
          letter |= h;
        }
        if (p > start) {
          // The common keyed-hash shape: 32+ hex digits, not all decimal (never refused).
          if (p - start < 32 || letter < 2) return -1;
          keyFrom = start;
          keyTo = p;
        }
      } else if (role === CATEGORY) {
        if (p >= limit) return -1;
        category = CATEGORY_OF_BYTE[b[p] as number] ?? -1;
        if (category < 0) return -1;
        p++;
      } else {
        while (p < limit && kinds[b[p] as number] === 0) p++;
        if (role === ID) {
          idFrom = start;
          idTo = p;
        } else if (role === EQUIPMENT) {
          eqFrom = start;
          eqTo = p;
        } else if (role === ACTS) {
          actsFrom = start;
          actsTo = p;
        } else if (role === AGE && p > start) {
          ageBand = ageBandAt(b, start, p);
          if (ageBand < 0) return -1;
        }
      }
      if (k === 0 && p === from) return -1;
      // The cell ends where its column does.
      if (k < last) {
        if (p >= limit || b[p] !== separator) return -1;
        p++;
      }
    }
    // The line ends here: at `limit`, a line feed, or a carriage return before either.
    let stop = p;
    if (p < limit) {
      const c = b[p] as number;
      if (c === 13) {
        if (p + 1 === limit) stop = limit;
        else if (b[p + 1] === 10) stop = p + 1;
        else return -1;
      } else if (c !== 10) return -1;
    }
    // Required cells and the checks across cells.
    if (idFrom === idTo || eqFrom === eqTo || category < 0) return -1;
    const equipment = this.#ctx.machines.knownAscii(b, eqFrom, eqTo);
    if (equipment === null) return -1;
    if (roomIn !== roomIn || !this.#window.contains(roomIn)) return -1;
    if (roomOut !== roomOut) return -1;
    const duration = roomOut - roomIn;
    if (duration < 0 || duration > MS_PER_DAY) return -1;
    if (report < roomOut) return -1;
    // Last, the one check that records something: a repeated id is left to the checked path.
    const id = this.#ctx.registry.add(equipment.index, b, idFrom, idTo, line);
    if (id < 0) return -1;
    if (this.#ctx.sink.errorCount > 0) return stop;
    const columns = this.#columns;
    const key =
      keyFrom !== keyTo && columns.keys !== null ? columns.keys.add(b, keyFrom, keyTo) : NO_KEY;
    const acts = actsFrom !== actsTo ? columns.acts.ofAscii(b, actsFrom, actsTo) : 0;
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
