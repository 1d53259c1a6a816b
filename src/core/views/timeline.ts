/**
 * A week of one machine, day by day in the campaign's zone: its sessions by type and its exams
 * by category, each cut at local midnight and placed in wall-clock minutes from that midnight.
 * Days are bounded by their local midnights (`ZoneClock.startOfDay`), so a 23-hour spring day
 * and a 25-hour autumn day are both drawn 0..1440 with every span at its wall-clock time.
 */
import type { CampaignCalendar } from '../calendar.ts';
import { formatIsoDate, MS_PER_DAY, MS_PER_MINUTE } from '../calendar.ts';
import { SHORT_EXAM_MS } from '../indicators/machine-columns.ts';
import type { Exam, Session } from '../kit-types.ts';
import { weekCount } from './machine-view.ts';
import type { DaySpan, TimelineView } from './types.ts';

const DAY_MINUTES = 1440;

interface LocalDay {
  naive: number;
  from: number;
  to: number;
}

/** The part of `[start, end)` inside the day, in minutes from its local midnight, or null. */
function cut(
  day: LocalDay,
  calendar: CampaignCalendar,
  start: number,
  end: number,
): DaySpan | null {
  if (end <= day.from || start >= day.to || end <= start) return null;
  const minute = (instant: number): number => {
    if (instant <= day.from) return 0;
    if (instant >= day.to) return DAY_MINUTES;
    const m = (calendar.clock.toNaive(instant) - day.naive) / MS_PER_MINUTE;
    return Math.min(DAY_MINUTES, Math.max(0, m));
  };
  const from = Math.max(start, day.from);
  const to = Math.min(end, day.to);
  const startMinute = minute(from);
  let endMinute = minute(to);
  // In the autumn repeated hour wall-clock time runs back: draw such a span for its real length.
  if (endMinute < startMinute)
    endMinute = Math.min(DAY_MINUTES, startMinute + (to - from) / MS_PER_MINUTE);
  return { startMinute, endMinute };
}

/**
 * The timeline of week `week` (0-based; the last week may be shorter than seven days) of one
 * machine, from its sessions and exams (any order). Throws a RangeError for a week outside the
 * campaign.
 *
 * @example
 * const view = timelineView(calendar, 'CT-001', 0, sessions, exams);
 * view.days[0]?.exams[0]; // { startMinute: 490, endMinute: 505, category: 'A', short: false }
 */
export function timelineView(
  calendar: CampaignCalendar,
  equipmentId: string,
  week: number,
  sessions: readonly Session[],
  exams: readonly Exam[],
): TimelineView {
  const weeks = weekCount(calendar);
  if (!Number.isInteger(week) || week < 0 || week >= weeks) {
    throw new RangeError(`week must be a whole number from 0 to ${weeks - 1}, not ${week}`);
  }
  const first = week * 7;
  const last = Math.min(calendar.days, first + 7);
  const days: TimelineView['days'] = [];
  for (let i = first; i < last; i++) {
    const naive = calendar.firstDay + i * MS_PER_DAY;
    const day: LocalDay = {
      naive,
      from: calendar.clock.startOfDay(naive),
      to: calendar.clock.startOfDay(naive + MS_PER_DAY),
    };
    const daySessions: TimelineView['days'][number]['sessions'] = [];
    for (const s of sessions) {
      if (s.equipmentId !== equipmentId) continue;
      const span = cut(day, calendar, s.start, s.end);
      if (span) daySessions.push({ ...span, type: s.type });
    }
    const dayExams: TimelineView['days'][number]['exams'] = [];
    for (const x of exams) {
      if (x.equipmentId !== equipmentId) continue;
      const span = cut(day, calendar, x.roomIn, x.roomOut);
      if (span)
        dayExams.push({
          ...span,
          category: x.category,
          short: x.roomOut - x.roomIn < SHORT_EXAM_MS,
        });
    }
    daySessions.sort(
      (a, b) =>
        a.startMinute - b.startMinute ||
        a.endMinute - b.endMinute ||
        (a.type < b.type ? -1 : a.type > b.type ? 1 : 0),
    );
    dayExams.sort((a, b) => a.startMinute - b.startMinute || a.endMinute - b.endMinute);
    const weekday = new Date(naive).getUTCDay();
    days.push({
      date: formatIsoDate(naive),
      weekday: weekday === 0 ? 7 : weekday,
      sessions: daySessions,
      exams: dayExams,
    });
  }
  return {
    equipmentId,
    week: { index: week, start: formatIsoDate(calendar.firstDay + first * MS_PER_DAY) },
    weeks,
    days,
  };
}
