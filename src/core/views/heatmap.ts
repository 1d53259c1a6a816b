/**
 * When a machine works: the mean number of exams started per local weekday and hour over the
 * campaign. Each mean divides by how many days of that weekday the campaign holds, so a 30-day
 * campaign's two extra weekdays weigh right; a spring DST day simply has no 02:00 exams.
 */
import type { CampaignCalendar } from '../calendar.ts';
import { MS_PER_DAY } from '../calendar.ts';
import type { Exam } from '../kit-types.ts';
import type { HeatmapView } from './types.ts';

/** How many campaign days fall on each weekday, Monday first. */
export function daysPerWeekday(calendar: Pick<CampaignCalendar, 'days' | 'firstDay'>): number[] {
  const out = [0, 0, 0, 0, 0, 0, 0];
  for (let i = 0; i < calendar.days; i++) {
    const weekday = new Date(calendar.firstDay + i * MS_PER_DAY).getUTCDay();
    const row = (weekday + 6) % 7;
    out[row] = (out[row] ?? 0) + 1;
  }
  return out;
}

/**
 * The weekday × hour heatmap of one machine's exams (those starting within the campaign).
 *
 * @example
 * heatmapView(calendar, 'CT-001', exams).cells[0]?.[9]; // mean exams started on Mondays 09:00-10:00
 */
export function heatmapView(
  calendar: CampaignCalendar,
  equipmentId: string,
  exams: readonly Pick<Exam, 'equipmentId' | 'roomIn'>[],
): HeatmapView {
  const counts = Array.from({ length: 7 }, () => new Array<number>(24).fill(0));
  for (const x of exams) {
    if (x.equipmentId !== equipmentId || x.roomIn < calendar.start || x.roomIn >= calendar.end)
      continue;
    const wall = calendar.clock.toWallClock(x.roomIn);
    const row = counts[(wall.weekday + 6) % 7] as number[];
    row[wall.hour] = (row[wall.hour] ?? 0) + 1;
  }
  const per = daysPerWeekday(calendar);
  const cells = counts.map((row, r) =>
    row.map((n) => ((per[r] ?? 0) > 0 ? n / (per[r] as number) : 0)),
  );
  const max = Math.max(0, ...cells.flat());
  return { equipmentId, cells, daysPerWeekday: per, max };
}
