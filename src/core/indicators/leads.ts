/**
 * Improvement leads of the site fiche ("pistes d'amélioration": démarrages tardifs, fins
 * précoces, temps inter-examens, programmation vs durées réelles). Each programmed session,
 * taken on its own, owns the exams of 3 minutes or more whose `roomIn` falls in [start, end).
 */
import { MS_PER_HOUR, MS_PER_MINUTE } from '../calendar.ts';
import { quantilesInPlace } from '../stats.ts';
import type { Lead, Leads } from './types.ts';
import type { MachineColumns } from './machine-columns.ts';
import { SHORT_EXAM_MS } from './machine-columns.ts';
import { PROGRAMMED_MASK } from './openings.ts';

/**
 * A lead from its values in minutes: `n`, median, P80 (zeros included) and hours per week =
 * Σ values (positive ones only) in hours / weeks. `null` when there is no value. `values` is
 * reordered.
 */
export function leadOf(values: Float64Array, weeks: number): Lead | null {
  if (values.length === 0) return null;
  let positive = 0;
  for (const v of values) if (v > 0) positive += v;
  const q = quantilesInPlace(values);
  return {
    n: q.n,
    p50: q.p50,
    p80: q.p80,
    hoursPerWeek: (positive * MS_PER_MINUTE) / MS_PER_HOUR / weeks,
  };
}

/** A growable list of numbers in a typed array (no boxing, one allocation per doubling). */
class Values {
  data: Float64Array;
  length = 0;
  constructor(capacity: number) {
    this.data = new Float64Array(Math.max(4, capacity));
  }
  push(v: number): void {
    if (this.length === this.data.length) {
      const bigger = new Float64Array(this.data.length * 2);
      bigger.set(this.data);
      this.data = bigger;
    }
    this.data[this.length++] = v;
  }
  view(): Float64Array {
    return this.data.subarray(0, this.length);
  }
}

/**
 * Late start = max(0, first roomIn − session start) and early end = max(0, session end − last
 * roomOut), one value per programmed session owning an exam; turnover gap = max(0, roomIn(n+1) −
 * roomOut(n)) per consecutive pair in a session; overrun = duration − scheduled minutes per exam of
 * 3 minutes or more that has `scheduled_minutes` (may be negative). Minutes.
 */
export function improvementLeads(cols: MachineColumns, weeks: number): Leads {
  const { roomIn, roomOut, sessionStart, sessionEnd, sessionType } = cols;
  const late = new Values(sessionStart.length);
  const early = new Values(sessionStart.length);
  const gaps = new Values(roomIn.length);
  const overrun = new Values(roomIn.length);
  let from = 0;
  for (let s = 0; s < sessionStart.length; s++) {
    if (!((PROGRAMMED_MASK >> (sessionType[s] as number)) & 1)) continue;
    const start = sessionStart[s] as number;
    const end = sessionEnd[s] as number;
    let first = NaN;
    let lastOut = NaN;
    // sessions come by start, so the first exam a session can own only moves forward
    while (from < roomIn.length && (roomIn[from] as number) < start) from++;
    for (let i = from; i < roomIn.length; i++) {
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
    lateStartMinutes: leadOf(late.view(), weeks),
    earlyEndMinutes: leadOf(early.view(), weeks),
    turnoverGapMinutes: leadOf(gaps.view(), weeks),
    overrunMinutes: leadOf(overrun.view(), weeks),
  };
}
