/**
 * Volume and value of a machine's activity: passages per week, ICR per programmed hour and
 * the share of patients sent by the emergency department.
 */
import type { IntervalUnion } from '../intervals.ts';
import { unionLength } from '../intervals.ts';
import { MS_PER_HOUR } from '../calendar.ts';
import type { MachineColumns } from './machine-columns.ts';
import { CATEGORY_U, SHORT_EXAM_MS } from './machine-columns.ts';

/** Passages per week = exams / campaign weeks (every exam counts, short ones included). */
export function passagesPerWeek(cols: MachineColumns, weeks: number): number {
  return cols.roomIn.length / weeks;
}

/**
 * ICR per hour = Σ ICR of the exams whose `roomIn` falls in a programmed session (short exams
 * included), divided by programmed open hours. Exams that cannot be valued are left out and
 * reported. `null` when there is no programmed time.
 */
export function icrPerHour(cols: MachineColumns, programmed: IntervalUnion): number | null {
  const hours = unionLength(programmed) / MS_PER_HOUR;
  if (hours <= 0) return null;
  let sum = 0;
  const { starts, ends } = programmed;
  let j = 0;
  for (let i = 0; i < cols.roomIn.length; i++) {
    const t = cols.roomIn[i] as number;
    while (j < ends.length && (ends[j] as number) <= t) j++;
    if (j === ends.length) break;
    const icr = cols.icr[i] as number;
    if ((starts[j] as number) <= t && !Number.isNaN(icr)) sum += icr;
  }
  return sum / hours;
}

/** Σ ICR of every exam that could be valued. */
export function icrTotal(cols: MachineColumns): number {
  let sum = 0;
  for (const v of cols.icr) if (!Number.isNaN(v)) sum += v;
  return sum;
}

/** Share of exams from the emergency department = exams of category `U` / all exams; `null` with no exam. */
export function emergencyShare(cols: MachineColumns): number | null {
  const n = cols.category.length;
  if (n === 0) return null;
  let u = 0;
  for (const c of cols.category) if (c === CATEGORY_U) u++;
  return u / n;
}

/** Exams whose `roomIn` falls in no interval of `u` (for the total opening: exams outside any session). */
export function examsOutside(cols: MachineColumns, u: IntervalUnion): number {
  const { starts, ends } = u;
  let j = 0;
  let outside = 0;
  for (let i = 0; i < cols.roomIn.length; i++) {
    const t = cols.roomIn[i] as number;
    while (j < ends.length && (ends[j] as number) <= t) j++;
    if (j === ends.length || (starts[j] as number) > t) outside++;
  }
  return outside;
}

/** Exams under 3 minutes: doubtful entries, kept for counts and ICR only. */
export function shortExams(cols: MachineColumns): number {
  let n = 0;
  for (let i = 0; i < cols.roomIn.length; i++)
    if ((cols.roomOut[i] as number) - (cols.roomIn[i] as number) < SHORT_EXAM_MS) n++;
  return n;
}

/** Exams that start before the previous one (in `roomIn` order) has left the room: two patients at once. */
export function overlappingExams(cols: MachineColumns): number {
  let n = 0;
  let lastOut = -Infinity;
  for (let i = 0; i < cols.roomIn.length; i++) {
    const a = cols.roomIn[i] as number;
    if (a < lastOut) n++;
    const b = cols.roomOut[i] as number;
    if (b > lastOut) lastOut = b;
  }
  return n;
}
