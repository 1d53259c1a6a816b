/**
 * Date-times read straight from bytes for the fast paths of exams.csv and sessions.csv: the
 * canonical shapes `YYYY-MM-DDTHH:MM` and `YYYY-MM-DDTHH:MM:SS` in the campaign's zone, each
 * day's offset asked once of the DateTimeReader (so the instants are the checked path's); any
 * other text, and the times of a daylight-saving gap or repeated hour, give NaN and are left to
 * the checked path, which says why.
 */
import { MS_PER_DAY } from '../../core/calendar.ts';
import { daysFromCivil, daysInMonth, type DateTimeReader } from './date-time.ts';

const MS_PER_HOUR = 3_600_000;
const MS_PER_MINUTE = 60_000;

/** First and last years of the per-date table (other years take the slow path, same result). */
const FIRST_YEAR = 1970;
const LAST_YEAR = 2099;
/** Slots per month in the table (days 1–31; slot 0 unused). */
const DAY_SLOTS = 32;

// What a date's slot holds (`#state`; `#base` holds the number).
const UNKNOWN = 0;
/** A day with one offset: `#base` is its UTC start (ms). */
const ONE_OFFSET = 1;
/** A daylight-saving day: `#base` is its naive day number; each time is resolved. */
const DST_DAY = 2;
/** Not a date (month or day out of range). */
const NO_DATE = 3;

/**
 * Reads canonical date-times from bytes. Each calendar date of 1970–2099 has a slot (its UTC
 * start, asked once of the DateTimeReader), so a row's several dates cost a table read each.
 */
export class ByteInstants {
  readonly #dates: DateTimeReader;
  readonly #state = new Uint8Array((LAST_YEAR - FIRST_YEAR + 1) * 12 * DAY_SLOTS);
  readonly #base = new Float64Array(this.#state.length);
  /** The instant of the last `#read` that found one. */
  readonly #out = new Float64Array(1);

  constructor(dates: DateTimeReader) {
    this.#dates = dates;
  }

  /** Where the last `cellAt` ended: after its bytes, `p` when empty, -1 when not canonical. */
  end = -1;

  /**
   * The date-time cell starting at `p` (bytes up to `limit`): its instant, or NaN when it is
   * empty (`end` = `p`: it does not start with a digit) or not canonical (`end` = -1).
   */
  cellAt(b: Uint8Array, p: number, limit: number): number {
    if (p >= limit || ((b[p] as number) - 48) >>> 0 > 9) {
      this.end = p;
      return NaN;
    }
    const n = p + 16 < limit && b[p + 16] === 58 ? 19 : 16;
    if (p + n > limit || !this.#read(b, p, p + n)) {
      this.end = -1;
      return NaN;
    }
    this.end = p + n;
    return this.#out[0] as number;
  }

  /**
   * The instant of `YYYY-MM-DDTHH:MM` or `YYYY-MM-DDTHH:MM:SS` in the campaign's zone, on a day
   * with one offset (DateTimeReader's own per-day offset, so the same instant); NaN otherwise.
   */
  at(b: Uint8Array, from: number, to: number): number {
    return this.#read(b, from, to) ? (this.#out[0] as number) : NaN;
  }

  /**
   * `at` into `#out[0]`: whether there is an instant. An instant returned by a call the
   * compiler does not inline would be a new heap number each time (millions of cells); a typed
   * array's element is not. Rare cases are methods of their own.
   */
  #read(b: Uint8Array, from: number, to: number): boolean {
    const n = to - from;
    if (n !== 16 && n !== 19) return false;
    if (b[from + 4] !== 45 || b[from + 7] !== 45 || b[from + 10] !== 84 || b[from + 13] !== 58)
      return false;
    const y0 = (b[from] as number) - 48;
    const y1 = (b[from + 1] as number) - 48;
    const y2 = (b[from + 2] as number) - 48;
    const y3 = (b[from + 3] as number) - 48;
    const m0 = (b[from + 5] as number) - 48;
    const m1 = (b[from + 6] as number) - 48;
    const d0 = (b[from + 8] as number) - 48;
    const d1 = (b[from + 9] as number) - 48;
    const h0 = (b[from + 11] as number) - 48;
    const h1 = (b[from + 12] as number) - 48;
    const i0 = (b[from + 14] as number) - 48;
    const i1 = (b[from + 15] as number) - 48;
    // Each is a digit (0–9): unsigned, none is above 9.
    if (
      y0 >>> 0 > 9 ||
      y1 >>> 0 > 9 ||
      y2 >>> 0 > 9 ||
      y3 >>> 0 > 9 ||
      m0 >>> 0 > 9 ||
      m1 >>> 0 > 9 ||
      d0 >>> 0 > 9 ||
      d1 >>> 0 > 9 ||
      h0 >>> 0 > 9 ||
      h1 >>> 0 > 9 ||
      i0 >>> 0 > 5 ||
      i1 >>> 0 > 9
    )
      return false;
    const hour = h0 * 10 + h1;
    if (hour > 23) return false;
    let t = hour * MS_PER_HOUR + (i0 * 10 + i1) * MS_PER_MINUTE;
    if (n === 19) {
      const s0 = (b[from + 17] as number) - 48;
      const s1 = (b[from + 18] as number) - 48;
      if (b[from + 16] !== 58 || s0 >>> 0 > 5 || s1 >>> 0 > 9) return false;
      t += (s0 * 10 + s1) * 1000;
    }
    const year = y0 * 1000 + y1 * 100 + y2 * 10 + y3;
    const month = m0 * 10 + m1;
    const day = d0 * 10 + d1;
    if (year < FIRST_YEAR || year > LAST_YEAR || month < 1 || month > 12 || day < 1 || day > 31)
      return this.#put(this.#farAt(year, month, day, t));
    const slot = ((year - FIRST_YEAR) * 12 + month - 1) * DAY_SLOTS + day;
    let state = this.#state[slot] as number;
    if (state === UNKNOWN) state = this.#fill(slot, year, month, day);
    if (state === ONE_OFFSET) {
      this.#out[0] = (this.#base[slot] as number) + t;
      return true;
    }
    if (state === NO_DATE) return false;
    // A daylight-saving day: NaN in a gap or a repeated hour (the checked path says which).
    const naiveDay = this.#base[slot] as number;
    return this.#put(this.#dates.instantOfNaive(naiveDay, naiveDay * MS_PER_DAY + t));
  }

  /** Keeps `instant` in `#out[0]`: whether it is one (not NaN). */
  #put(instant: number): boolean {
    this.#out[0] = instant;
    return instant === instant;
  }

  /** Fills the slot of a date of the table's years (month 1–12, day 1–31); returns its state. */
  #fill(slot: number, year: number, month: number, day: number): number {
    let state = NO_DATE;
    if (day <= daysInMonth(year, month)) {
      const days = daysFromCivil(year, month, day);
      const offset = this.#dates.dayOffset(days);
      if (offset === offset) {
        state = ONE_OFFSET;
        this.#base[slot] = days * MS_PER_DAY - offset;
      } else {
        state = DST_DAY;
        this.#base[slot] = days;
      }
    }
    this.#state[slot] = state;
    return state;
  }

  /** `at` for a date outside the table's years, or not a date: computed each time. */
  #farAt(year: number, month: number, day: number, t: number): number {
    if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return NaN;
    const days = daysFromCivil(year, month, day);
    const offset = this.#dates.dayOffset(days);
    if (offset === offset) return days * MS_PER_DAY - offset + t;
    return this.#dates.instantOfNaive(days, days * MS_PER_DAY + t);
  }
}
