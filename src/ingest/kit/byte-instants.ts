/**
 * Date-times read straight from bytes for the fast paths of exams.csv and sessions.csv: the
 * canonical shapes `YYYY-MM-DDTHH:MM` and `YYYY-MM-DDTHH:MM:SS` in the campaign's zone, each
 * day's offset asked once of the DateTimeReader (so the instants are the checked path's); any
 * other text, and the times of a daylight-saving gap or repeated hour, give NaN and are left to
 * the checked path, which says why.
 */
import { MS_PER_DAY } from '../../core/calendar.ts';
import { daysFromCivil, type DateTimeReader } from './date-time.ts';

const MS_PER_HOUR = 3_600_000;
const MS_PER_MINUTE = 60_000;

/** Reads canonical date-times from bytes, remembering the last day read. */
export class ByteInstants {
  readonly #dates: DateTimeReader;
  /** The last date read (`y * 10000 + m * 100 + d`) and its day's UTC start. */
  #lastDate = -1;
  #lastBase = NaN;

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
    const at = p + n > limit ? NaN : this.at(b, p, p + n);
    this.end = at === at ? p + n : -1;
    return at;
  }

  /**
   * The instant of `YYYY-MM-DDTHH:MM` or `YYYY-MM-DDTHH:MM:SS` in the campaign's zone, on a day
   * with one offset (DateTimeReader's own per-day offset, so the same instant); NaN otherwise.
   */
  at(b: Uint8Array, from: number, to: number): number {
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
