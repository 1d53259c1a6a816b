/**
 * The booking supply of the synthetic campaign (`slots.csv`), for a small subset only: the
 * machines of one département, over the campaign's first 12 weeks at most. Each session open to appointments is cut into slots of the
 * machine's median booked length; a slot is taken from the moment the first exam that occupies it
 * was asked for (its `requested_at`). The agenda is looked at each morning at 07:00 local, and a
 * row is written when a slot is first seen (up to eight weeks ahead) and when it is seen taken:
 * what a scheduler export that logs changes gives, and read morning by morning, exactly the
 * snapshots. Its draws (slots held back) come from a stream of their own, so the campaign's other
 * files are unchanged.
 */
import { MS_PER_DAY, MS_PER_HOUR, MS_PER_MINUTE } from '../core/calendar.ts';
import type {
  Equipment,
  Establishment,
  Exam,
  Modality,
  Session,
  SessionType,
  Slot,
} from '../core/kit-types.ts';
import type { Rng } from './random.ts';
import type { CampaignFrame } from './timeline.ts';

/** The most machines given slots: a département of at most this many campaign machines. */
export const MAX_SLOT_MACHINES = 8;
/** The agendas cover the campaign's first 12 weeks at most (a national year stays under 5 MB of slots). */
export const SLOT_DAYS = 84;
/** How far ahead an agenda shows its slots, in days. */
export const AGENDA_DAYS = 56;
/** The local hour the agenda is looked at each morning (before the 08:00 of the figure). */
export const SNAPSHOT_HOUR = 7;
/** Share of slots held back from booking (kept for urgent patients, or for the team): busy from the start. */
export const HELD_BACK_SHARE = 0.04;

/** Sessions open to appointments: public scheduled, private practice and clinics. */
const BOOKABLE: ReadonlySet<SessionType> = new Set(['PUBLIC_SCHEDULED', 'LIBERAL', 'PRIVATE']);

/**
 * The indexes (in `equipment`) of the machines given slots: those of the département holding the
 * most campaign machines among the départements with at most MAX_SLOT_MACHINES of them (the
 * smallest code on a tie); machines whose site has no département are never chosen.
 *
 * @example
 * slotMachines(plan.establishments, plan.equipment); // [12, 13, 57, 58, 201]
 */
export function slotMachines(
  establishments: readonly Establishment[],
  equipment: readonly Equipment[],
): number[] {
  const departmentOf = new Map(establishments.map((e) => [e.finess, e.department]));
  const byDepartment = new Map<string, number[]>();
  equipment.forEach((m, i) => {
    const dep = departmentOf.get(m.finess);
    if (dep === null || dep === undefined) return;
    const list = byDepartment.get(dep);
    if (list === undefined) byDepartment.set(dep, [i]);
    else list.push(i);
  });
  let best: [string, number[]] | null = null;
  for (const [dep, list] of byDepartment) {
    if (list.length > MAX_SLOT_MACHINES) continue;
    if (
      best === null ||
      list.length > best[1].length ||
      (list.length === best[1].length && dep < best[0])
    )
      best = [dep, list];
  }
  return best === null ? [] : best[1];
}

/**
 * The slot length of a machine, in minutes: the median booked length (`scheduled_minutes`) of its
 * exams in sessions open to appointments, to the nearest 5 minutes and at least 10; without any,
 * 15 minutes for a CT, 30 for an MRI.
 */
export function slotLengthOf(modality: Modality, booked: readonly number[]): number {
  if (booked.length === 0) return modality === 'CT' ? 15 : 30;
  const sorted = [...booked].sort((a, b) => a - b);
  const median = sorted[(sorted.length - 1) >> 1] as number;
  return Math.max(10, Math.round(median / 5) * 5);
}

/**
 * The slots.csv rows of one machine from its sessions and exams, in time order of the slots (each
 * slot's rows in the order they were seen). A slot is taken by every exam that occupies part of
 * it (from its room entry, for its booked length or its duration, whichever is longer), from the
 * earliest request among them: outpatients and inpatients with no request time were booked
 * before the agenda was first looked at, the others (R, U) take it as they come. `rng` is the
 * machine's own slot stream (slots held back).
 *
 * @example
 * const { sessions, exams } = generateMachine(plan, i);
 * const rows = generateSlots(plan.equipment[i], sessions, exams, frame, new Rng(deriveSeed(seed, 0x5107, i)));
 */
export function generateSlots(
  machine: Pick<Equipment, 'equipmentId' | 'modality'>,
  sessions: readonly Session[],
  exams: readonly Exam[],
  frame: CampaignFrame,
  rng: Rng,
): Slot[] {
  const { clock, firstDay } = frame;
  const days = Math.min(frame.days, SLOT_DAYS);
  const snapshots: number[] = [];
  for (let d = 0; d < days; d++)
    snapshots.push(clock.toInstantLenient(firstDay + d * MS_PER_DAY + SNAPSHOT_HOUR * MS_PER_HOUR));
  const last = clock.toInstantLenient(firstDay + days * MS_PER_DAY);
  const bookable = sessions
    .filter((s) => s.equipmentId === machine.equipmentId && BOOKABLE.has(s.type) && s.start < last)
    .sort((a, b) => a.start - b.start);
  const own = exams.filter((e) => e.equipmentId === machine.equipmentId);
  const inBookable = (t: number): boolean => bookable.some((s) => t >= s.start && t < s.end);
  const booked = own.flatMap((e) =>
    e.scheduledMinutes !== null && inBookable(e.roomIn) ? [e.scheduledMinutes] : [],
  );
  const length = slotLengthOf(machine.modality, booked) * MS_PER_MINUTE;
  const starts: number[] = [];
  for (const session of bookable)
    for (let start = session.start; start + length <= session.end; start += length)
      starts.push(start);
  const taken = new Float64Array(starts.length).fill(Number.POSITIVE_INFINITY);
  for (const e of own) {
    const asked =
      e.requestedAt ??
      (e.category === 'A' || e.category === 'H' ? Number.NEGATIVE_INFINITY : e.roomIn);
    const until =
      e.roomIn + Math.max((e.scheduledMinutes ?? 0) * MS_PER_MINUTE, e.roomOut - e.roomIn);
    // The first slot that ends after the room entry, then every slot the exam reaches into.
    let lo = 0;
    let hi = starts.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((starts[mid] as number) + length <= e.roomIn) lo = mid + 1;
      else hi = mid;
    }
    for (let k = lo; k < starts.length && (starts[k] as number) < until; k++)
      if (asked < (taken[k] as number)) taken[k] = asked;
  }
  const rows: Slot[] = [];
  starts.forEach((start, k) => {
    const heldBack = rng.chance(HELD_BACK_SHARE);
    pushSeen(
      rows,
      machine.equipmentId,
      start,
      start + length,
      heldBack ? Number.NEGATIVE_INFINITY : (taken[k] as number),
      snapshots,
    );
  });
  return rows;
}

/**
 * The rows of one slot: seen at the first morning it is within the agenda's eight weeks (free, or
 * busy when taken by then), then busy at the first morning after it was taken, while it is still
 * ahead. A slot already past at the first morning is not seen.
 */
function pushSeen(
  rows: Slot[],
  equipmentId: string,
  start: number,
  end: number,
  taken: number,
  snapshots: readonly number[],
): void {
  let k = snapshots.findIndex((t) => t >= start - AGENDA_DAYS * MS_PER_DAY);
  if (k < 0 || (snapshots[k] as number) >= start) return;
  const first = snapshots[k] as number;
  if (taken <= first) {
    rows.push({ equipmentId, start, end, status: 'busy', observedAt: first });
    return;
  }
  rows.push({ equipmentId, start, end, status: 'free', observedAt: first });
  for (k++; k < snapshots.length && (snapshots[k] as number) < start; k++) {
    if (taken <= (snapshots[k] as number)) {
      rows.push({ equipmentId, start, end, status: 'busy', observedAt: snapshots[k] as number });
      return;
    }
  }
}
