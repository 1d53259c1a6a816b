/**
 * Date-times of the kit: ISO 8601 local wall-clock in the campaign's zone, with an optional
 * explicit offset. Reading is charCode arithmetic (millions of cells, no regex, no allocation
 * on the fast path); the zone's offsets come only from ZoneClock, never from our own rules.
 */
import { MS_PER_DAY, type ZoneClock } from '../../core/calendar.ts';

/** Why a cell could not be read as an instant. */
export type DateTimeProblem = 'syntax' | 'gap' | 'ambiguous';

const MS_PER_HOUR = 3_600_000;
const MS_PER_MINUTE = 60_000;

function digit(s: string, i: number): number {
  const d = s.charCodeAt(i) - 48;
  return d >= 0 && d <= 9 ? d : -1;
}

/** Two digits at `i` as a number, or -1. */
function two(s: string, i: number): number {
  const a = digit(s, i);
  const b = digit(s, i + 1);
  return a < 0 || b < 0 ? -1 : a * 10 + b;
}

/** Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's `days_from_civil`). */
export function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** Days in `month` (1–12) of proleptic Gregorian `year`. */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** `+02:00` / `-05:30` / `+00:00` for an offset in milliseconds. */
export function formatOffset(offsetMs: number): string {
  const sign = offsetMs < 0 ? '-' : '+';
  const minutes = Math.round(Math.abs(offsetMs) / MS_PER_MINUTE);
  return `${sign}${pad2(Math.floor(minutes / 60))}:${pad2(minutes % 60)}`;
}

const PAD2: string[] = Array.from({ length: 100 }, (_, i) => (i < 10 ? `0${i}` : `${i}`));
function pad2(n: number): string {
  return PAD2[n] ?? String(n);
}

/**
 * Reads date-time cells into UTC epoch milliseconds.
 *
 * Accepts `YYYY-MM-DDTHH:MM`, a space instead of `T`, optional `:SS` and fractional seconds,
 * and an optional offset `Z`, `±HH:MM`, `±HHMM` or `±HH`. Without an offset the wall-clock is
 * read in the clock's zone; a time in a spring-forward gap or an autumn repeated hour is then
 * refused (`problem` says which), since guessing would shift an exam by an hour.
 *
 * @example
 * const reader = new DateTimeReader(new ZoneClock('Europe/Paris'));
 * reader.read('2010-03-01T08:30');        // 1267428600000 (07:30 UTC)
 * reader.read('2010-03-28T02:30');        // NaN, reader.problem === 'gap'
 */
export class DateTimeReader {
  readonly clock: ZoneClock;
  /** Set by `read` when it returns NaN; `null` after a successful read. */
  problem: DateTimeProblem | null = null;
  /** The naive wall-clock time of the last read (see `naiveMs` in calendar.ts), NaN on syntax errors. */
  lastNaive = NaN;
  /** Precision of the last read text in ms: 60,000 without seconds, 1,000 with, less with fractions. */
  precision = 60_000;
  /** For `gap`: offsets before and after the change; for `ambiguous`: offsets of the two readings. */
  offsets: [number, number] = [0, 0];

  constructor(clock: ZoneClock) {
    this.clock = clock;
  }

  /** The instant of `text` (already trimmed), or NaN with `problem` set. */
  read(text: string): number {
    return this.readAt(text, 0, text.length);
  }

  /** The instant written in `source` from `from` to `to` (a cell read in place), or NaN. */
  readAt(source: string, from: number, to: number): number {
    const naive = this.#parseNaive(source, from, to);
    if (naive !== naive) return this.#fail('syntax');
    let p = this.#end;
    if (p < to) {
      const c = source.charCodeAt(p);
      if ((c === 90 || c === 122) && p + 1 === to) {
        this.problem = null;
        return naive; // Z
      }
      if ((c !== 43 && c !== 45) || p + 3 > to) return this.#fail('syntax');
      const hh = two(source, p + 1);
      if (hh < 0 || hh > 23) return this.#fail('syntax');
      p += 3;
      let mm = 0;
      if (p < to) {
        if (source.charCodeAt(p) === 58) p++;
        if (p + 2 !== to) return this.#fail('syntax');
        mm = two(source, p);
        if (mm < 0 || mm > 59) return this.#fail('syntax');
      }
      const offset = (c === 45 ? -1 : 1) * (hh * MS_PER_HOUR + mm * MS_PER_MINUTE);
      this.problem = null;
      return naive - offset;
    }
    return this.instantOfNaive(this.#day, naive);
  }

  /**
   * The instant of the naive wall-clock time `naive` of naive day `day` in the clock's zone, or
   * NaN with `problem` (and `offsets`) set in a gap or a repeated hour (the byte reader of exam
   * rows calls it on daylight-saving days, so its instants are this reader's).
   */
  instantOfNaive(day: number, naive: number): number {
    const offset = day === this.#lastDay ? this.#lastOffset : this.dayOffset(day);
    if (offset === offset) {
      this.problem = null;
      return naive - offset;
    }
    const r = this.clock.resolve(naive);
    if (r.kind === 'ok') {
      this.problem = null;
      return r.instant;
    }
    if (r.kind === 'gap') {
      this.offsets = [naive - r.shifted, this.clock.offsetAt(r.shifted)];
      return this.#fail('gap');
    }
    this.offsets = [naive - r.earlier, naive - r.later];
    return this.#fail('ambiguous');
  }

  #end = 0;
  /** Naive day number of the last parsed text. */
  #day = 0;
  #lastDay = NaN;
  #lastOffset = NaN;
  /** Per naive day: the offset when the whole day resolves to one offset, else NaN (a DST day). */
  readonly #days = new Map<number, number>();

  /**
   * The zone's offset (naive − UTC, ms) over the whole naive day `day` (days since 1970-01-01),
   * NaN when the offset changes that day. Most days have one offset from midnight to midnight:
   * then one lookup replaces a resolve per cell (the exam rows' byte reader uses it too). Like
   * ZoneClock, this relies on no zone changing its offset twice within a day.
   */
  dayOffset(day: number): number {
    let offset = this.#days.get(day);
    if (offset === undefined) {
      const first = this.clock.resolve(day * MS_PER_DAY);
      const last = this.clock.resolve((day + 1) * MS_PER_DAY - 1);
      offset = NaN;
      if (first.kind === 'ok' && last.kind === 'ok') {
        const a = day * MS_PER_DAY - first.instant;
        if (a === (day + 1) * MS_PER_DAY - 1 - last.instant) offset = a;
      }
      this.#days.set(day, offset);
    }
    this.#lastDay = day;
    this.#lastOffset = offset;
    return offset;
  }

  #fail(problem: DateTimeProblem): number {
    this.problem = problem;
    return NaN;
  }

  /** Naive ms of the date and time part; sets `#end` to the index after it. NaN when malformed. */
  #parseNaive(s: string, b: number, n: number): number {
    this.lastNaive = NaN;
    if (n - b < 16) return NaN;
    const y0 = two(s, b);
    const y1 = two(s, b + 2);
    const month = two(s, b + 5);
    const day = two(s, b + 8);
    const hour = two(s, b + 11);
    const minute = two(s, b + 14);
    const sep = s.charCodeAt(b + 10);
    if (
      y0 < 0 ||
      y1 < 0 ||
      month < 1 ||
      month > 12 ||
      day < 1 ||
      hour < 0 ||
      hour > 23 ||
      minute < 0 ||
      minute > 59 ||
      s.charCodeAt(b + 4) !== 45 ||
      s.charCodeAt(b + 7) !== 45 ||
      (sep !== 84 && sep !== 32 && sep !== 116) ||
      s.charCodeAt(b + 13) !== 58
    ) {
      return NaN;
    }
    const year = y0 * 100 + y1;
    if (day > daysInMonth(year, month)) return NaN;
    let p = b + 16;
    let second = 0;
    let ms = 0;
    this.precision = 60_000;
    if (p < n && s.charCodeAt(p) === 58) {
      this.precision = 1000;
      if (p + 3 > n) return NaN;
      second = two(s, p + 1);
      if (second < 0 || second > 59) return NaN;
      p += 3;
      if (p < n && s.charCodeAt(p) === 46) {
        p++;
        const first = p;
        let scale = 100;
        for (let d = p < n ? digit(s, p) : -1; d >= 0; d = ++p < n ? digit(s, p) : -1) {
          ms += d * scale;
          scale /= 10;
        }
        if (p === first) return NaN;
        this.precision = Math.max(1, 1000 / 10 ** (p - first));
        ms = Math.floor(ms); // sub-millisecond digits are dropped
      }
    }
    this.#end = p;
    const days = daysFromCivil(year, month, day);
    this.#day = days;
    const naive =
      days * MS_PER_DAY + hour * MS_PER_HOUR + minute * MS_PER_MINUTE + second * 1000 + ms;
    this.lastNaive = naive;
    return naive;
  }
}

/**
 * Writes instants as the campaign's wall-clock, `2010-03-01T08:30:00` (milliseconds only when
 * non-zero), adding the offset only where the wall-clock alone would be ambiguous (the autumn
 * repeated hour), so that DateTimeReader reads back the exact instant.
 *
 * @example
 * const writer = new DateTimeWriter(new ZoneClock('Europe/Paris'));
 * writer.format(Date.UTC(2010, 9, 31, 0, 30)); // '2010-10-31T02:30:00+02:00'
 */
export class DateTimeWriter {
  readonly clock: ZoneClock;
  /** `YYYY-MM-DDTHH:MM:` of naive minutes wholly unambiguous, the common case. */
  readonly #minutes = new Map<number, string>();

  constructor(clock: ZoneClock) {
    this.clock = clock;
  }

  format(instant: number): string {
    if (!Number.isFinite(instant)) throw new RangeError(`not an instant: ${instant}`);
    const naive = this.clock.toNaive(instant);
    const minute = Math.floor(naive / MS_PER_MINUTE);
    let prefix = this.#minutes.get(minute);
    if (prefix === undefined) {
      prefix = minutePrefix(minute);
      const start = minute * MS_PER_MINUTE;
      if (
        this.clock.resolve(start).kind === 'ok' &&
        this.clock.resolve(start + MS_PER_MINUTE - 1).kind === 'ok'
      ) {
        if (this.#minutes.size >= 500_000) this.#minutes.clear();
        this.#minutes.set(minute, prefix);
      } else if (this.clock.resolve(naive).kind !== 'ok') {
        return prefix + secondsOf(naive - start) + formatOffset(naive - instant);
      }
    }
    return prefix + secondsOf(naive - minute * MS_PER_MINUTE);
  }
}

/** `2010-03-01T08:30:` of a naive minute. */
function minutePrefix(minute: number): string {
  const day = Math.floor(minute / 1440);
  const date = new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
  if (date.length !== 10 || date.charCodeAt(0) === 45)
    throw new RangeError(`year out of 0000-9999: ${date}`);
  const m = minute - day * 1440;
  return `${date}T${pad2(Math.floor(m / 60))}:${pad2(m % 60)}:`;
}

/** `SS` or `SS.mmm` of the milliseconds into a minute. */
function secondsOf(ms: number): string {
  const second = Math.floor(ms / 1000);
  const rest = ms - second * 1000;
  return rest === 0 ? pad2(second) : `${pad2(second)}.${String(rest).padStart(3, '0')}`;
}
