/**
 * Where a row's date falls against the campaign's days, one rule for the kit reader and for
 * hospital-system sources: inside the days, or the morning after them (the last night), a row
 * is simply kept; a day of margin either side is kept with a warning; further away it is a
 * mistyped date (2001 for 2010) that would count in every figure. Days are local calendar days
 * of the campaign's zone, so a daylight-saving change never moves the edges.
 */
import {
  type CampaignCalendar,
  formatIsoDate,
  MS_PER_DAY,
  MS_PER_HOUR,
} from '../../core/calendar.ts';

/**
 * Where an instant or a span lies: `in` the campaign (its days and its last night, until noon
 * the day after), in the `margin` (the day before the first day, or the rest of the day after the
 * last), or `far` (more days away).
 */
export type CampaignPlace = 'in' | 'margin' | 'far';

/** The last night's exams and sessions run into the morning after the last day, until noon. */
const LAST_NIGHT_ENDS = 12 * MS_PER_HOUR;

/** The campaign's days with their margins, for checking rows. */
export class CampaignWindow {
  readonly #calendar: CampaignCalendar;

  constructor(calendar: CampaignCalendar) {
    this.#calendar = calendar;
  }

  /**
   * Where the instant `t` lies (NaN, an unreadable date, is `in`: it has its own issue).
   *
   * @example
   * window.placeOf(Date.parse('2001-03-05T08:00Z')); // 'far' for a campaign in 2010
   */
  placeOf(t: number): CampaignPlace {
    const calendar = this.#calendar;
    if ((t >= calendar.start && t < calendar.end) || t !== t) return 'in';
    const day = this.dayOf(t);
    if (day < -1 || day > calendar.days) return 'far';
    if (day === calendar.days && this.#timeOfDay(t) < LAST_NIGHT_ENDS) return 'in';
    return 'margin';
  }

  /** Whether `t` lies within the campaign's days (what `placeOf` says `in` first). */
  contains(t: number): boolean {
    return t >= this.#calendar.start && t < this.#calendar.end;
  }

  /**
   * How far `t` lies from the campaign's days, as issue parameters: the side, the days (and whole
   * years) away, the edge day it is counted from, and the campaign's span (`start`: campaign.json's).
   */
  away(
    t: number,
    start: string,
  ): {
    side: 'before' | 'after';
    n: number;
    years: number;
    edge: string;
    days: number;
    start: string;
  } {
    const days = this.#calendar.days;
    const day = this.dayOf(t);
    const before = day < 0;
    const n = before ? -day : day - (days - 1);
    const first = this.#calendar.firstDay;
    const edge = before ? start : formatIsoDate(first + (days - 1) * MS_PER_DAY);
    return {
      side: before ? 'before' : 'after',
      n,
      years: Math.floor(n / 365.25),
      edge,
      days,
      start,
    };
  }

  /**
   * Where the span [start, end) lies: `far` when it starts or ends more than a day away from the
   * campaign's days, `margin` when it lies wholly outside them (and outside the last night), else
   * `in` (a night session that ends the next morning is in).
   */
  placeOfSpan(start: number, end: number): CampaignPlace {
    const calendar = this.#calendar;
    if (start !== start || end !== end) return 'in';
    if (start >= calendar.start && end <= calendar.end) return 'in';
    if (this.dayOf(start) < -1 || this.dayOf(end - 1) > calendar.days) return 'far';
    if (end > calendar.start && start < calendar.end) return 'in';
    return this.placeOf(start);
  }

  /**
   * The campaign day of `t`: 0 for the first day, -1 for the day before, `days` for the day
   * after the last one (local days of the campaign's zone).
   */
  dayOf(t: number): number {
    return Math.floor((this.#calendar.clock.toNaive(t) - this.#calendar.firstDay) / MS_PER_DAY);
  }

  /** The local date of `t` in the campaign's zone, `YYYY-MM-DD`. */
  dateOf(t: number): string {
    const naive = this.#calendar.clock.toNaive(t);
    return formatIsoDate(Math.floor(naive / MS_PER_DAY) * MS_PER_DAY);
  }

  #timeOfDay(t: number): number {
    const naive = this.#calendar.clock.toNaive(t);
    return naive - Math.floor(naive / MS_PER_DAY) * MS_PER_DAY;
  }
}
