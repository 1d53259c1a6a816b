/**
 * The third next available appointment (planning.md §3, supply side): each campaign morning at
 * 08:00 local, the agenda as last seen by then, the free time ahead cut into appointments of the
 * machine's median exam, and how long until the third one. Pure: slots in, a median of days out.
 * Its readings of the spec are written in docs/readings-of-the-spec.md ("Slots").
 */
import type { CampaignCalendar } from '../../core/calendar.ts';
import { MS_PER_DAY, MS_PER_HOUR, MS_PER_MINUTE } from '../../core/calendar.ts';
import type { Slot } from '../../core/kit-types.ts';
import { quantileSorted } from '../../core/stats.ts';
import type { NextAvailable } from './types.ts';

/** The local hour of each campaign morning the agenda is looked at. */
export const MORNING_HOUR = 8;
/** Which appointment counts: the third (the first ones are often last-minute cancellations). */
export const APPOINTMENT_RANK = 3;

/** One distinct slot (equipment, start, end) and what was seen of it, in time order. */
interface SlotHistory {
  start: number;
  end: number;
  /** Instants it was observed at, ascending. */
  observedAt: number[];
  /** Free (true) or busy at each of those instants. */
  free: boolean[];
}

/**
 * The slots of one machine as histories, by start then end. At one instant seen both free and
 * busy, a slot is busy: a status someone saw taken is not offered.
 */
function historiesOf(slots: readonly Slot[], equipmentId: string): SlotHistory[] {
  const byKey = new Map<string, Slot[]>();
  for (const s of slots) {
    if (s.equipmentId !== equipmentId) continue;
    const key = `${s.start}/${s.end}`;
    const list = byKey.get(key);
    if (list === undefined) byKey.set(key, [s]);
    else list.push(s);
  }
  const out: SlotHistory[] = [];
  for (const list of byKey.values()) {
    // Free before busy at one instant, so that the last one seen at that instant is busy.
    list.sort(
      (a, b) =>
        a.observedAt - b.observedAt || (a.status === b.status ? 0 : a.status === 'free' ? -1 : 1),
    );
    const first = list[0] as Slot;
    out.push({
      start: first.start,
      end: first.end,
      observedAt: list.map((s) => s.observedAt),
      free: list.map((s) => s.status === 'free'),
    });
  }
  return out.sort((a, b) => a.start - b.start || a.end - b.end);
}

/** True when the latest observation of `h` at or before `at` is free (never seen by then: not free). */
function freeAt(h: SlotHistory, at: number): boolean {
  let lo = 0;
  let hi = h.observedAt.length;
  // The number of observations at or before `at`.
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((h.observedAt[mid] as number) <= at) lo = mid + 1;
    else hi = mid;
  }
  return lo > 0 && (h.free[lo - 1] as boolean);
}

/**
 * The start of the `rank`-th appointment of `length` ms in the free time ahead of `at`, or null:
 * the slots starting at or after `at` that are free then, merged where they touch or overlap,
 * each merged interval giving ⌊its length / length⌋ appointments back to back from its start.
 * `histories` are sorted by start.
 */
function rankedAppointment(
  histories: readonly SlotHistory[],
  at: number,
  length: number,
  rank: number,
): number | null {
  let from = firstStartingAt(histories, at);
  let count = 0;
  let a = NaN;
  let b = NaN;
  for (; from <= histories.length; from++) {
    const h = histories[from];
    if (h !== undefined && !freeAt(h, at)) continue;
    if (h !== undefined && h.start <= b) {
      if (h.end > b) b = h.end;
      continue;
    }
    // The interval [a, b) is closed (a gap follows, or no slot is left).
    if (a === a) {
      const fits = Math.floor((b - a) / length);
      if (count + fits >= rank) return a + (rank - count - 1) * length;
      count += fits;
    }
    if (h === undefined) break;
    a = h.start;
    b = h.end;
  }
  return null;
}

/** Index of the first history starting at or after `at` (histories sorted by start). */
function firstStartingAt(histories: readonly SlotHistory[], at: number): number {
  let lo = 0;
  let hi = histories.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((histories[mid] as SlotHistory).start < at) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The third next available appointment of machine `equipmentId` (planning.md §3). For each
 * campaign day at 08:00 local (the instant T), every distinct slot (equipment, start, end) that
 * starts at or after T has the status of its latest observation at or before T (a slot not yet
 * seen then is not free; observations after T are ignored). The free ones, merged where one ends
 * as (or after) the next starts, are cut into appointments of `slotMinutes` back to back from the
 * start of each merged interval; the delay that day is (start of the third appointment − T) / 24 h,
 * in fractional days of elapsed time (a day after the spring change is 23 hours). `medianDays` is
 * the median over the days that have a third appointment, `days` their number; both say nothing
 * (null, 0) without a slot of the machine, or when `slotMinutes` is null (no median exam to fit).
 *
 * @throws RangeError when `slotMinutes` is not a positive finite number (nor null).
 * @example
 * const calendar = new CampaignCalendar('2010-03-01', 28, 'Europe/Paris');
 * thirdNextAvailable(kit.slots ?? [], 'CT-1', calendar, 20);
 * // e.g. { equipmentId: 'CT-1', medianDays: 2.05, days: 26, slotMinutes: 20 }
 */
export function thirdNextAvailable(
  slots: readonly Slot[],
  equipmentId: string,
  calendar: CampaignCalendar,
  slotMinutes: number | null,
): NextAvailable {
  if (slotMinutes !== null && !(Number.isFinite(slotMinutes) && slotMinutes > 0))
    throw new RangeError(`slotMinutes must be a positive number of minutes: ${slotMinutes}`);
  const none: NextAvailable = { equipmentId, medianDays: null, days: 0, slotMinutes };
  if (slotMinutes === null) return none;
  const histories = historiesOf(slots, equipmentId);
  if (histories.length === 0) return none;
  const length = slotMinutes * MS_PER_MINUTE;
  const delays: number[] = [];
  for (let day = 0; day < calendar.days; day++) {
    const at = calendar.clock.toInstantLenient(
      calendar.firstDay + day * MS_PER_DAY + MORNING_HOUR * MS_PER_HOUR,
    );
    const start = rankedAppointment(histories, at, length, APPOINTMENT_RANK);
    if (start !== null) delays.push((start - at) / MS_PER_DAY);
  }
  delays.sort((x, y) => x - y);
  return { equipmentId, medianDays: quantileSorted(delays, 0.5), days: delays.length, slotMinutes };
}
