/**
 * The age band of an exam's patient (the kit's optional `age_band`), from a birth date that
 * never leaves the adapter reading it: the day, or only the month when that is all that was
 * kept (the MLLP journal, the FHIR inbox).
 */
import type { ZoneClock } from '../../core/calendar.ts';
import { naiveFields, naiveMs } from '../../core/calendar.ts';
import type { AgeBand } from '../../core/kit-types.ts';

/** A birth date as `ageBandAt` takes it: a naive day, and whether only its month is known. */
export interface BirthDate {
  /** The naive day (`naiveMs`): the 1st of the month when only the month is known. */
  day: number;
  monthOnly: boolean;
}

/**
 * A birth date from its parts as written (`day` undefined when the source gives only a year and
 * month), or null when no such calendar date exists (a 31 February).
 *
 * @example
 * birthDate('1945', '07', '12') // { day: naiveMs(1945, 7, 12), monthOnly: false }
 * birthDate('1945', '07', undefined) // { day: naiveMs(1945, 7, 1), monthOnly: true }
 */
export function birthDate(year: string, month: string, day: string | undefined): BirthDate | null {
  const [y, m, d] = [Number(year), Number(month), day === undefined ? 1 : Number(day)];
  const naive = naiveMs(y, m, d);
  const back = naiveFields(naive);
  if (back.year !== y || back.month !== m || back.day !== d) return null;
  return { day: naive, monthOnly: day === undefined };
}

/**
 * The age band of a patient born on `birthDay` (naive day) at `instant`, from the local date in
 * the site's zone (a birthday counts from local midnight), or null when born after the exam.
 * With `monthOnly` (only the month of birth is known) the band is given when every day of that
 * month gives the same one, else null: never a guess.
 *
 * @example
 * ageBandAt(naiveMs(1945, 3, 2), Date.parse('2010-03-01T10:00:00Z'), paris); // '65-79' (64 until the 2nd: '18-64')
 * ageBandAt(naiveMs(1945, 3, 1), Date.parse('2010-03-15T10:00:00Z'), paris, true); // null: 64 or 65
 */
export function ageBandAt(
  birthDay: number,
  instant: number,
  zone: ZoneClock,
  monthOnly = false,
): AgeBand | null {
  const at = zone.toWallClock(instant);
  const born = naiveFields(birthDay);
  const yearsIfBornOn = (day: number): number => {
    const before = at.month < born.month || (at.month === born.month && at.day < day);
    return at.year - born.year - (before ? 1 : 0);
  };
  const band = (years: number): AgeBand | null =>
    years < 0 ? null : years < 18 ? '0-17' : years < 65 ? '18-64' : years < 80 ? '65-79' : '80+';
  if (!monthOnly) return band(yearsIfBornOn(born.day));
  // Born on the 1st (oldest) or on the last day (youngest) of the month.
  const oldest = band(yearsIfBornOn(1));
  return oldest === band(yearsIfBornOn(32)) ? oldest : null;
}
