/**
 * Exam-level samples of a machine: durations by patient category, report delays by patient
 * type and realized appointment delays. The samples are kept (typed arrays, any order) so that
 * peer groups can pool them for the benchmark without going back to the exams.
 */
import type { CampaignCalendar } from '../calendar.ts';
import { MS_PER_DAY, MS_PER_MINUTE } from '../calendar.ts';
import type { Category } from '../kit-types.ts';
import { CATEGORIES } from '../kit-types.ts';
import type { Quantiles } from '../stats.ts';
import { quantilesInPlace } from '../stats.ts';
import { PATIENT_TYPES, type PatientType } from './types.ts';
import type { MachineColumns } from './machine-columns.ts';
import { CATEGORY_INDEX, SHORT_EXAM_MS } from './machine-columns.ts';

/** Exam-level values of one machine, in no particular order. */
export interface MachineSamples {
  /** Durations (minutes) of exams of 3 minutes or more, per category. */
  durationMinutes: Partial<Record<Category, Float64Array>>;
  /** Report delays (minutes), per patient type. */
  reportDelayMinutes: Partial<Record<PatientType, Float64Array>>;
  /** Realized appointment delays (calendar days), non-urgent exams. */
  appointmentDelayDays: Partial<Record<'outpatient' | 'inpatient', Float64Array>>;
}

/** Patient type of a category for report delays: A → outpatient, H and R → inpatient, U → emergency. */
export const PATIENT_TYPE_OF: Readonly<Record<Category, PatientType>> = {
  A: 'outpatient',
  H: 'inpatient',
  R: 'inpatient',
  U: 'emergency',
};

/**
 * One typed array per group from a per-exam group index (-1 = skip) and value, in two passes
 * (count, then fill) so that nothing is allocated per exam.
 */
function grouped<K extends string>(
  keys: readonly K[],
  groups: Int8Array,
  values: Float64Array,
): Partial<Record<K, Float64Array>> {
  const counts = new Int32Array(keys.length);
  for (let i = 0; i < groups.length; i++) {
    const g = groups[i] as number;
    if (g >= 0) counts[g] = (counts[g] as number) + 1;
  }
  const arrays = keys.map((_, g) => new Float64Array(counts[g] as number));
  const fill = new Int32Array(keys.length);
  for (let i = 0; i < groups.length; i++) {
    const g = groups[i] as number;
    if (g < 0) continue;
    const at = fill[g] as number;
    (arrays[g] as Float64Array)[at] = values[i] as number;
    fill[g] = at + 1;
  }
  const out: Partial<Record<K, Float64Array>> = {};
  keys.forEach((k, g) => {
    if ((counts[g] as number) > 0) out[k] = arrays[g] as Float64Array;
  });
  return out;
}

/**
 * Duration (minutes, `roomOut − roomIn`) of every exam of 3 minutes or more, by category.
 */
export function durationSamples(cols: MachineColumns): Partial<Record<Category, Float64Array>> {
  const { roomIn, roomOut, category } = cols;
  const n = roomIn.length;
  const groups = new Int8Array(n);
  const values = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const d = (roomOut[i] as number) - (roomIn[i] as number);
    groups[i] = d < SHORT_EXAM_MS ? -1 : (category[i] as number);
    values[i] = d / MS_PER_MINUTE;
  }
  return grouped(CATEGORIES, groups, values);
}

const PATIENT_TYPE_INDEX = Int8Array.from(
  CATEGORIES.map((c) => PATIENT_TYPES.indexOf(PATIENT_TYPE_OF[c])),
);

/**
 * Report delay (minutes) = `reportValidatedAt − roomOut` when both are known, grouped by patient
 * type (outpatient = A; inpatient = H, R; emergency = U).
 */
export function reportDelaySamples(
  cols: MachineColumns,
): Partial<Record<PatientType, Float64Array>> {
  const { reportAt, roomOut, category } = cols;
  const n = roomOut.length;
  const groups = new Int8Array(n);
  const values = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const report = reportAt[i] as number;
    // NaN (no report) fails every comparison: the exam is skipped
    groups[i] = report === report ? (PATIENT_TYPE_INDEX[category[i] as number] as number) : -1;
    values[i] = (report - (roomOut[i] as number)) / MS_PER_MINUTE;
  }
  return grouped(PATIENT_TYPES, groups, values);
}

/**
 * Realized appointment delay = calendar days (local dates) from `requestedAt` to `roomIn`, for
 * non-urgent exams (A = outpatient, H = inpatient) that carry `requestedAt`.
 */
export function appointmentDelaySamples(
  cols: MachineColumns,
  calendar: CampaignCalendar,
): Partial<Record<'outpatient' | 'inpatient', Float64Array>> {
  const { clock } = calendar;
  const { requestedAt, roomIn, category } = cols;
  const A = CATEGORY_INDEX.A;
  const H = CATEGORY_INDEX.H;
  const n = roomIn.length;
  const groups = new Int8Array(n);
  const values = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const requested = requestedAt[i] as number;
    const c = category[i] as number;
    const g = requested !== requested ? -1 : c === A ? 0 : c === H ? 1 : -1;
    groups[i] = g;
    if (g >= 0) {
      values[i] =
        Math.floor(clock.toNaive(roomIn[i] as number) / MS_PER_DAY) -
        Math.floor(clock.toNaive(requested) / MS_PER_DAY);
    }
  }
  return grouped(['outpatient', 'inpatient'] as const, groups, values);
}

/** P20/P50/P80 of each sample of a record (the samples are reordered, not copied). */
export function quantilesByKey<K extends string>(
  samples: Partial<Record<K, Float64Array>>,
): Partial<Record<K, Quantiles>> {
  const out: Partial<Record<K, Quantiles>> = {};
  for (const [k, v] of Object.entries(samples) as [K, Float64Array][]) out[k] = quantilesInPlace(v);
  return out;
}

/** All exam-level samples of a machine. */
export function machineSamples(cols: MachineColumns, calendar: CampaignCalendar): MachineSamples {
  return {
    durationMinutes: durationSamples(cols),
    reportDelayMinutes: reportDelaySamples(cols),
    appointmentDelayDays: appointmentDelaySamples(cols, calendar),
  };
}
