/**
 * Occupancy ("taux d'occupation"): the share of open time with a patient in the room, and the
 * report's inclusion rule for the occupancy and ICR-per-hour distributions. Exams under
 * 3 minutes are doubtful entries and never count here.
 */
import type { IntervalUnion } from '../intervals.ts';
import { overlap, unionLength } from '../intervals.ts';
import { MS_PER_HOUR } from '../calendar.ts';
import type { InclusionDetail } from './types.ts';
import type { MachineColumns } from './machine-columns.ts';
import { SHORT_EXAM_MS } from './machine-columns.ts';
import { PROGRAMMED_MASK } from './openings.ts';

/**
 * Occupancy of a union of sessions: Σ over exams of 3 minutes or more of the overlap of
 * `[roomIn, roomOut]` with the union, divided by the union's length. Unit: fraction 0..1
 * (exams overlapping each other could push it above 1; real data never does). `null` when the
 * union is empty.
 */
export function occupancyOf(cols: MachineColumns, u: IntervalUnion): number | null {
  const open = unionLength(u);
  if (open <= 0) return null;
  let busy = 0;
  const { roomIn, roomOut } = cols;
  const { starts, ends } = u;
  const m = starts.length;
  // Exams come in roomIn order, so the first interval that can touch an exam only moves forward.
  let first = 0;
  for (let i = 0; i < roomIn.length; i++) {
    const a = roomIn[i] as number;
    const b = roomOut[i] as number;
    if (b - a < SHORT_EXAM_MS) continue;
    while (first < m && (ends[first] as number) <= a) first++;
    for (let j = first; j < m; j++) {
      const s = starts[j] as number;
      if (s >= b) break;
      const e = ends[j] as number;
      busy += (e < b ? e : b) - (s > a ? s : a);
    }
  }
  return busy / open;
}

/** Share of a session that must be occupied for it to count as used (15 %). */
export const SESSION_USED_THRESHOLD = 0.15;
/** Share of programmed time that must sit in used sessions for the machine to be included (95 %). */
export const INCLUDED_TIME_SHARE = 0.95;

/**
 * Occupancy of each programmed session taken on its own (overlap of the machine's exams of
 * 3 minutes or more with the session, divided by its length), in session order. Exams are sorted
 * by `roomIn`, so a session only looks at the exams that can touch it.
 */
export function programmedSessionOccupancies(
  cols: MachineColumns,
): { length: number; occupancy: number }[] {
  const out: { length: number; occupancy: number }[] = [];
  const { roomIn, roomOut, sessionStart, sessionEnd, sessionType } = cols;
  // The longest exam bounds how far back an exam starting before a session can reach into it;
  // sessions come by start, so the first exam to look at only moves forward.
  let longest = 0;
  for (let i = 0; i < roomIn.length; i++) {
    const d = (roomOut[i] as number) - (roomIn[i] as number);
    if (d > longest) longest = d;
  }
  let from = 0;
  for (let s = 0; s < sessionStart.length; s++) {
    if (!((PROGRAMMED_MASK >> (sessionType[s] as number)) & 1)) continue;
    const start = sessionStart[s] as number;
    const end = sessionEnd[s] as number;
    let busy = 0;
    while (from < roomIn.length && (roomIn[from] as number) < start - longest) from++;
    for (let i = from; i < roomIn.length; i++) {
      const a = roomIn[i] as number;
      if (a >= end) break;
      const b = roomOut[i] as number;
      if (b - a < SHORT_EXAM_MS) continue;
      busy += overlap(a, b, start, end);
    }
    out.push({ length: end - start, occupancy: busy / (end - start) });
  }
  return out;
}

/**
 * The report keeps machines "whose programmed time is, for at least 95 %, occupied above 15 %"
 * (choice): the programmed sessions whose own occupancy exceeds 15 % must add up to at least
 * 95 % of the summed length of all the machine's programmed sessions.
 */
export function occupancyInclusion(cols: MachineColumns): InclusionDetail {
  const sessions = programmedSessionOccupancies(cols);
  let total = 0;
  let used = 0;
  for (const s of sessions) {
    total += s.length;
    if (s.occupancy > SESSION_USED_THRESHOLD) used += s.length;
  }
  const programmedSessionHours = total / MS_PER_HOUR;
  if (total <= 0) {
    return {
      included: false,
      programmedSessionHours,
      shareAbove15: null,
      reason: 'no programmed session',
    };
  }
  const share = used / total;
  const included = share >= INCLUDED_TIME_SHARE;
  return {
    included,
    programmedSessionHours,
    shareAbove15: share,
    reason: included
      ? null
      : `only ${(share * 100).toFixed(1)} % of programmed time is in sessions occupied above 15 % (95 % required)`,
  };
}
