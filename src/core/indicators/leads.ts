/**
 * Improvement leads of the site fiche ("pistes d'amélioration": démarrages tardifs, fins
 * précoces, temps inter-examens, programmation vs durées réelles). Each programmed session,
 * taken on its own, owns the exams of 3 minutes or more whose `roomIn` falls in [start, end).
 */
import { MS_PER_HOUR, MS_PER_MINUTE } from '../calendar.ts';
import { quantileSorted } from '../stats.ts';
import type { Lead, Leads } from './types.ts';
import type { MachineColumns } from './machine-columns.ts';
import { SHORT_EXAM_MS } from './machine-columns.ts';
import { lowerBound } from './occupancy.ts';
import { PROGRAMMED_MASK } from './openings.ts';

/**
 * A lead from its values in minutes: `n`, median, P80 (zeros included) and hours per week =
 * Σ values (positive ones only) in hours / weeks. `null` when there is no value.
 */
export function leadOf(values: number[], weeks: number): Lead | null {
  if (values.length === 0) return null;
  const sorted = Float64Array.from(values).sort();
  let positive = 0;
  for (const v of sorted) if (v > 0) positive += v;
  return {
    n: sorted.length,
    p50: quantileSorted(sorted, 0.5),
    p80: quantileSorted(sorted, 0.8),
    hoursPerWeek: (positive * MS_PER_MINUTE) / MS_PER_HOUR / weeks,
  };
}

/**
 * Late start = max(0, first roomIn − session start) and early end = max(0, session end − last
 * roomOut), one value per programmed session owning an exam; turnover gap = max(0, roomIn(n+1) −
 * roomOut(n)) per consecutive pair in a session; overrun = duration − scheduled minutes per exam of
 * 3 minutes or more that has `scheduled_minutes` (may be negative). Minutes.
 */
export function improvementLeads(cols: MachineColumns, weeks: number): Leads {
  const late: number[] = [];
  const early: number[] = [];
  const gaps: number[] = [];
  const overrun: number[] = [];
  const { roomIn, roomOut, sessionStart, sessionEnd, sessionType } = cols;
  for (let s = 0; s < sessionStart.length; s++) {
    if (!((PROGRAMMED_MASK >> (sessionType[s] as number)) & 1)) continue;
    const start = sessionStart[s] as number;
    const end = sessionEnd[s] as number;
    let first = NaN;
    let lastOut = NaN;
    for (let i = lowerBound(roomIn, start); i < roomIn.length; i++) {
      const a = roomIn[i] as number;
      if (a >= end) break;
      const b = roomOut[i] as number;
      if (b - a < SHORT_EXAM_MS) continue;
      if (Number.isNaN(first)) first = a;
      else gaps.push(Math.max(0, a - lastOut) / MS_PER_MINUTE);
      lastOut = b;
    }
    if (Number.isNaN(first)) continue;
    late.push(Math.max(0, first - start) / MS_PER_MINUTE);
    early.push(Math.max(0, end - lastOut) / MS_PER_MINUTE);
  }
  for (let i = 0; i < roomIn.length; i++) {
    const booked = cols.scheduledMinutes[i] as number;
    const d = (roomOut[i] as number) - (roomIn[i] as number);
    if (Number.isNaN(booked) || d < SHORT_EXAM_MS) continue;
    overrun.push(d / MS_PER_MINUTE - booked);
  }
  return {
    lateStartMinutes: leadOf(late, weeks),
    earlyEndMinutes: leadOf(early, weeks),
    turnoverGapMinutes: leadOf(gaps, weeks),
    overrunMinutes: leadOf(overrun, weeks),
  };
}
