/**
 * The synthetic campaign's options and their defaults, shared by the plan (national-campaign.ts)
 * and the demo years (years.ts): year 1 is the 2010-like campaign; years 2 and 3 keep its panel
 * and start a year later each (a Monday of early March), unless a start is given.
 */
import { CampaignCalendar } from '../core/calendar.ts';

export interface GenerateOptions {
  /** Seed of every random draw (default 2010). */
  seed?: number;
  /** Machines (default 517 = 326 CT + 191 MRI; other sizes keep the CT/MRI ratio). */
  machines?: number;
  /** Campaign length in days (default 28). */
  days?: number;
  /** First day, `YYYY-MM-DD` (default 2010-03-01, a Monday; `YEAR_STARTS` for later years). */
  start?: string;
  /** IANA time zone of the sites' wall clocks (default Europe/Paris). */
  timeZone?: string;
  /**
   * Which demo year (1..3, default 1): 1 is the campaign as it always was; 2 and 3 are the same
   * panel a year and two years later, with the documented changes of years.ts.
   */
  year?: number;
}

export const DEFAULT_OPTIONS: Required<GenerateOptions> = {
  seed: 2010,
  machines: 517,
  days: 28,
  start: '2010-03-01',
  timeZone: 'Europe/Paris',
  year: 1,
};

/** The default first day of each demo year: Mondays of early March, a year apart. */
export const YEAR_STARTS: Readonly<Record<number, string>> = {
  1: '2010-03-01',
  2: '2011-03-07',
  3: '2012-03-05',
};

/** The last demo year. */
export const LAST_YEAR = 3;

/** Options with defaults filled in and checked. */
export function resolveOptions(options: GenerateOptions = {}): Required<GenerateOptions> {
  const given = Object.fromEntries(
    Object.entries(options).filter(([, v]) => v !== undefined),
  ) as GenerateOptions;
  const year = given.year ?? 1;
  if (!Number.isInteger(year) || year < 1 || year > LAST_YEAR)
    throw new RangeError(`year must be 1, 2 or 3: ${year}`);
  const o = { ...DEFAULT_OPTIONS, start: YEAR_STARTS[year] as string, ...given, year };
  if (!Number.isInteger(o.seed)) throw new RangeError(`seed must be an integer: ${o.seed}`);
  if (!Number.isInteger(o.machines) || o.machines < 1)
    throw new RangeError(`machines must be a positive integer: ${o.machines}`);
  // CampaignCalendar checks the date, the day count and the zone.
  new CampaignCalendar(o.start, o.days, o.timeZone);
  return o;
}

/**
 * The year the panel was drawn for (machines' installed years count from it): the first demo
 * year's, i.e. the start's year minus the years since.
 */
export function panelYearOf(o: Required<GenerateOptions>): number {
  return Number(o.start.slice(0, 4)) - (o.year - 1);
}
