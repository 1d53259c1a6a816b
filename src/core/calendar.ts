/**
 * Wall-clock time in a campaign's time zone. Offsets come from `Intl` (the platform's tz
 * database), never from hand-written rules; they are cached per UTC day, with the instant of
 * the day's change when there is one, which keeps millions of conversions cheap.
 */

const DAY = 86_400_000;

/** Wall-clock fields. `month` is 1-12; `weekday` is 0 = Sunday … 6 = Saturday. */
export interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
  weekday: number;
}

interface DayOffsets {
  /** Instant the offset changes (Infinity when it does not change that day). */
  at: number;
  before: number;
  after: number;
}

/** How a wall-clock time maps to instants: once, never (spring gap), or twice (autumn repeat). */
export type Resolution =
  | { kind: 'ok'; instant: number }
  | { kind: 'gap'; shifted: number }
  | { kind: 'ambiguous'; earlier: number; later: number };

/** Milliseconds since the epoch of wall-clock fields read as if they were UTC ("naive" time). */
export function naiveMs(
  year: number,
  month: number,
  day: number,
  hour = 0,
  minute = 0,
  second = 0,
  millisecond = 0,
): number {
  return Date.UTC(year, month - 1, day, hour, minute, second, millisecond);
}

/** Fields of a naive time (see `naiveMs`). */
export function naiveFields(naive: number): WallClock {
  const d = new Date(naive);
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    second: d.getUTCSeconds(),
    millisecond: d.getUTCMilliseconds(),
    weekday: d.getUTCDay(),
  };
}

/** Parses a calendar date `YYYY-MM-DD` to its naive midnight, or `null` when it is not a real date. */
export function parseIsoDate(text: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const naive = naiveMs(y, mo, d);
  const f = naiveFields(naive);
  return f.year === y && f.month === mo && f.day === d ? naive : null;
}

/** `YYYY-MM-DD` of a naive time. */
export function formatIsoDate(naive: number): string {
  return new Date(naive).toISOString().slice(0, 10);
}

/** True when `timeZone` is an IANA zone name the platform knows. */
export function isValidTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
    return true;
  } catch {
    return false;
  }
}

/**
 * Converts between UTC instants and wall-clock time in one IANA time zone.
 *
 * @example
 * const paris = new ZoneClock('Europe/Paris');
 * paris.resolve(naiveMs(2010, 3, 28, 2, 30)); // { kind: 'gap', … }: 02:30 never happened
 */
export class ZoneClock {
  readonly timeZone: string;
  readonly #format: Intl.DateTimeFormat;
  /** Per UTC day: its offset, or the instant it changes and the offsets either side. */
  readonly #days = new Map<number, DayOffsets>();
  #lastDay = NaN;
  #last: DayOffsets = { at: Infinity, before: 0, after: 0 };

  constructor(timeZone: string) {
    if (!isValidTimeZone(timeZone)) throw new RangeError(`unknown time zone: ${timeZone}`);
    this.timeZone = timeZone;
    this.#format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      era: 'short',
    });
  }

  /** Offset of the zone from UTC at `instant`, in milliseconds (Paris in winter: 3,600,000). */
  offsetAt(instant: number): number {
    const day = Math.floor(instant / DAY);
    let d: DayOffsets | undefined = this.#last;
    if (day !== this.#lastDay) {
      d = this.#days.get(day);
      if (d === undefined) {
        d = this.#computeDay(day);
        this.#days.set(day, d);
      }
      this.#lastDay = day;
      this.#last = d;
    }
    return instant < d.at ? d.before : d.after;
  }

  /**
   * The offsets of one UTC day. The tz database never changes a zone's offset twice within
   * 24 hours, so equal offsets at both ends mean none changed; otherwise the change is found
   * to the second by bisection.
   */
  #computeDay(day: number): DayOffsets {
    const start = day * DAY;
    const before = this.#offsetFromIntl(start);
    const after = this.#offsetFromIntl(start + DAY);
    if (before === after) return { at: Infinity, before, after };
    let lo = start;
    let hi = start + DAY;
    while (hi - lo > 1000) {
      const mid = lo + Math.floor((hi - lo) / 2000) * 1000;
      if (this.#offsetFromIntl(mid) === before) lo = mid;
      else hi = mid;
    }
    return { at: hi, before, after };
  }

  #offsetFromIntl(instant: number): number {
    const parts = this.#format.formatToParts(new Date(instant));
    const get = (type: Intl.DateTimeFormatPartTypes): number =>
      Number(parts.find((p) => p.type === type)?.value);
    let year = get('year');
    if (parts.find((p) => p.type === 'era')?.value === 'BC') year = 1 - year;
    const wall = naiveMs(year, get('month'), get('day'), get('hour'), get('minute'), get('second'));
    return wall - (instant - (((instant % 1000) + 1000) % 1000));
  }

  /** Wall-clock naive time (see `naiveMs`) of an instant. */
  toNaive(instant: number): number {
    return instant + this.offsetAt(instant);
  }

  /** Wall-clock fields of an instant. */
  toWallClock(instant: number): WallClock {
    return naiveFields(this.toNaive(instant));
  }

  /** The instants a naive wall-clock time stands for: one, none (gap) or two (repeat). */
  resolve(naive: number): Resolution {
    const early = this.offsetAt(naive - DAY);
    const late = this.offsetAt(naive + DAY);
    if (early === late && this.offsetAt(naive - early) === early)
      return { kind: 'ok', instant: naive - early };
    return this.#resolveExact(naive);
  }

  #resolveExact(naive: number): Resolution {
    const candidates = new Set([this.offsetAt(naive - DAY), this.offsetAt(naive + DAY)]);
    const instants: number[] = [];
    for (const offset of candidates) {
      const instant = naive - offset;
      if (this.offsetAt(instant) === offset) instants.push(instant);
    }
    instants.sort((a, b) => a - b);
    const [first, second] = instants;
    if (first === undefined) return { kind: 'gap', shifted: naive - this.offsetAt(naive - DAY) };
    if (second === undefined || second === first) return { kind: 'ok', instant: first };
    return { kind: 'ambiguous', earlier: first, later: second };
  }

  /**
   * The instant of a wall-clock time where a strict reading is not needed (calendar bounds):
   * a time in a spring gap moves forward past the gap, an autumn repeat takes the earlier one.
   */
  toInstantLenient(naive: number): number {
    const r = this.resolve(naive);
    if (r.kind === 'ok') return r.instant;
    if (r.kind === 'ambiguous') return r.earlier;
    return r.shifted;
  }

  /** Instant of local midnight starting the calendar day `naiveDay` (a naive midnight). */
  startOfDay(naiveDay: number): number {
    return this.toInstantLenient(naiveDay);
  }

  /**
   * Hour of the week of an instant in this zone: local ISO weekday (Monday = 0) × 24 + local hour,
   * 0..167 (the simulation's demand profiles and the on-call demand by hour of week).
   */
  hourOfWeek(instant: number): number {
    const naive = this.toNaive(instant);
    const day = Math.floor(naive / DAY);
    // 1970-01-01 (naive day 0) was a Thursday: ISO weekday index 3.
    const weekday = (((day + 3) % 7) + 7) % 7;
    return weekday * 24 + Math.floor((naive - day * DAY) / 3_600_000);
  }
}

/**
 * The campaign's calendar: its local days as instants, its length in weeks, and its weekdays.
 * Weeks are `days / 7` (28 days = 4 weeks) whatever the daylight-saving changes inside.
 */
export class CampaignCalendar {
  readonly clock: ZoneClock;
  readonly days: number;
  readonly weeks: number;
  /** Naive midnight of the first day. */
  readonly firstDay: number;
  /** Instant the campaign starts (local midnight of the first day). */
  readonly start: number;
  /** Instant the campaign ends (local midnight after the last day). */
  readonly end: number;

  constructor(startDate: string, days: number, timeZone: string) {
    const first = parseIsoDate(startDate);
    if (first === null) throw new RangeError(`not a calendar date: ${startDate}`);
    if (!Number.isInteger(days) || days < 1)
      throw new RangeError(`days must be a positive integer: ${days}`);
    this.clock = new ZoneClock(timeZone);
    this.days = days;
    this.weeks = days / 7;
    this.firstDay = first;
    this.start = this.clock.startOfDay(first);
    this.end = this.clock.startOfDay(first + days * DAY);
  }

  /** Index of the campaign day (0-based) of a naive local date, or -1 when outside the campaign. */
  dayIndexOfNaive(naive: number): number {
    const index = Math.floor((naive - this.firstDay) / DAY);
    return index >= 0 && index < this.days ? index : -1;
  }

  /** Number of campaign days that are Monday to Friday. */
  weekdayCount(): number {
    let n = 0;
    for (let i = 0; i < this.days; i++) {
      const weekday = new Date(this.firstDay + i * DAY).getUTCDay();
      if (weekday >= 1 && weekday <= 5) n++;
    }
    return n;
  }
}

export const MS_PER_MINUTE = 60_000;
export const MS_PER_HOUR = 3_600_000;
export const MS_PER_DAY = DAY;
