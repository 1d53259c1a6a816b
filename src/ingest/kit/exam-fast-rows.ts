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
import { ByteInstants } from './byte-instants.ts';
import type { DateTimeReader } from './date-time.ts';
import { NO_KEY, type ExamColumns } from './exam-columns.ts';
import { ByteRowReader, canonicalKinds, columnRoles, lineStop } from './byte-rows.ts';
import type { ExamColumnIndexes, ExamRowsContext } from './exam-rows.ts';

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
export class FastExamRows extends ByteRowReader {
  readonly #ctx: ExamRowsContext;
  readonly #instants: ByteInstants;
  readonly #window: CampaignWindow;
  readonly #columns: ExamColumns;
  /** Per byte: 0 for a byte of a canonical cell (byte-rows.ts). */
  readonly #kinds: Uint8Array;
  /** Per column of the header, its role (ID, ROOM_IN…; OTHER_CELL when not read). */
  readonly #roles: Uint8Array;
  readonly #separator: number;

  constructor(
    ctx: ExamRowsContext & { readonly window: CampaignWindow },
    dates: DateTimeReader,
    indexes: ExamColumnIndexes,
    columns: ExamColumns,
    width: number,
    separator: number,
  ) {
    super();
    this.#ctx = ctx;
    this.#window = ctx.window;
    this.#instants = new ByteInstants(dates);
    this.#columns = columns;
    this.#separator = separator;
    this.#roles = columnRoles(width, [
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
    ]);
    this.#kinds = canonicalKinds(separator);
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
    const instants = this.#instants;
    let p = from;
    for (let k = 0; k <= last; k++) {
      const start = p;
      const role = roles[k] as number;
      if (role >= ROOM_IN && role <= REQUESTED) {
        // A date-time, 16 or 19 bytes, or empty.
        const at = instants.cellAt(b, p, limit);
        if (instants.end < 0) return -1;
        if (instants.end > p) {
          p = instants.end;
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
    const stop = lineStop(b, p, limit);
    if (stop < 0) return -1;
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
}
