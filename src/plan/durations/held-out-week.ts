/**
 * Weeks counted back from the campaign's end in local calendar days: the held-out week is the
 * last 7 local days (from local midnight to local midnight, so 167 or 169 hours across a
 * daylight-saving change), the validation week the 7 days before it.
 */
import { type CampaignCalendar, formatIsoDate, MS_PER_DAY } from '../../core/calendar.ts';

/** A run of local days of the campaign: dates inclusive, instants `[start, end)` UTC ms. */
export interface DayWindow {
  from: string;
  to: string;
  start: number;
  end: number;
  days: number;
}

/**
 * The 7 local days ending `weeksBack` weeks before the campaign's end (0: the last week),
 * clipped to the campaign's first day; null when that week lies wholly before the campaign.
 *
 * @example
 * weekFromEnd(new CampaignCalendar('2010-03-01', 28, 'Europe/Paris'), 0);
 * // { from: '2010-03-22', to: '2010-03-28', start: 2010-03-21T23:00Z, end: 2010-03-28T22:00Z, days: 7 }
 */
export function weekFromEnd(calendar: CampaignCalendar, weeksBack: number): DayWindow | null {
  const endIndex = calendar.days - 7 * weeksBack;
  if (endIndex <= 0) return null;
  const startIndex = Math.max(0, endIndex - 7);
  const first = calendar.firstDay + startIndex * MS_PER_DAY;
  const afterLast = calendar.firstDay + endIndex * MS_PER_DAY;
  return {
    from: formatIsoDate(first),
    to: formatIsoDate(afterLast - MS_PER_DAY),
    start: calendar.clock.startOfDay(first),
    end: calendar.clock.startOfDay(afterLast),
    days: endIndex - startIndex,
  };
}
