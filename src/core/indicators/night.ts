/**
 * Night activity (report, "permanence des soins"): exams whose `roomIn` is in the evening
 * [20:00, 24:00) or the deep night [00:00, 07:00), local time. The night of day D is
 * [D 20:00, D+1 07:00); it is a weekday night when D is Monday to Friday.
 */
import type { CampaignCalendar } from '../calendar.ts';
import { MS_PER_DAY, MS_PER_HOUR } from '../calendar.ts';
import type { NightActivity } from './types.ts';
import type { MachineColumns } from './machine-columns.ts';

export const EVENING_START_HOUR = 20;
export const NIGHT_END_HOUR = 7;
/** Strong night activity: at least this many patients per weekday night on average. */
export const STRONG_NIGHT_PER_WEEKDAY_NIGHT = 10;
/** Low night activity: at most this many night patients per week. */
export const LOW_NIGHT_PER_WEEK = 5;

/**
 * Evening and deep-night counts, night exams per week, and the mean number of exams per
 * weekday night over the weekday nights whose D lies in the campaign.
 */
export function nightActivity(cols: MachineColumns, calendar: CampaignCalendar): NightActivity {
  let evening = 0;
  let deepNight = 0;
  let weekdayNightExams = 0;
  const { clock } = calendar;
  const eveningFrom = EVENING_START_HOUR * MS_PER_HOUR;
  const nightUntil = NIGHT_END_HOUR * MS_PER_HOUR;
  for (const roomIn of cols.roomIn) {
    const naive = clock.toNaive(roomIn);
    const day = Math.floor(naive / MS_PER_DAY);
    const timeOfDay = naive - day * MS_PER_DAY;
    let nightOf: number;
    if (timeOfDay >= eveningFrom) {
      evening++;
      nightOf = day;
    } else if (timeOfDay < nightUntil) {
      deepNight++;
      nightOf = day - 1;
    } else continue;
    // 1970-01-01 was a Thursday: day 0 has weekday 4
    const weekday = (((nightOf + 4) % 7) + 7) % 7;
    if (weekday >= 1 && weekday <= 5 && calendar.dayIndexOfNaive(nightOf * MS_PER_DAY) >= 0)
      weekdayNightExams++;
  }
  const weekdayNights = calendar.weekdayCount();
  const perWeekdayNight = weekdayNights > 0 ? weekdayNightExams / weekdayNights : null;
  const perWeek = (evening + deepNight) / calendar.weeks;
  return {
    evening,
    deepNight,
    perWeekdayNight,
    perWeek,
    level: nightLevel(perWeekdayNight, perWeek),
  };
}

/** `strong` at ≥ 10 patients per weekday night, `low` at ≤ 5 per week, `moderate` between. */
export function nightLevel(
  perWeekdayNight: number | null,
  perWeek: number,
): NightActivity['level'] {
  if (perWeekdayNight !== null && perWeekdayNight >= STRONG_NIGHT_PER_WEEKDAY_NIGHT)
    return 'strong';
  if (perWeek <= LOW_NIGHT_PER_WEEK) return 'low';
  return 'moderate';
}
