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
import type { PatientType } from './types.ts';
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
const PATIENT_TYPES: readonly PatientType[] = ['outpatient', 'inpatient', 'emergency'];

/**
 * Splits per-exam values into one typed array per group, in two passes (count, then fill) so
 * that nothing is allocated per exam. `groupOf` returns a group index or -1 to skip the exam;
 * `valueOf` is only called for kept exams.
 */
function grouped<K extends string>(
  keys: readonly K[],
  n: number,
  groupOf: (i: number) => number,
  valueOf: (i: number) => number,
): Partial<Record<K, Float64Array>> {
  const groups = new Int8Array(n);
  const counts = new Int32Array(keys.length);
  for (let i = 0; i < n; i++) {
    const g = groupOf(i);
    groups[i] = g;
    if (g >= 0) counts[g] = (counts[g] as number) + 1;
  }
  const arrays = keys.map((_, g) => new Float64Array(counts[g] as number));
  const fill = new Int32Array(keys.length);
  for (let i = 0; i < n; i++) {
    const g = groups[i] as number;
    if (g < 0) continue;
    const at = fill[g] as number;
    (arrays[g] as Float64Array)[at] = valueOf(i);
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
  return grouped(
    CATEGORIES,
    roomIn.length,
    (i) => ((roomOut[i] as number) - (roomIn[i] as number) < SHORT_EXAM_MS ? -1 : (category[i] as number)),
    (i) => ((roomOut[i] as number) - (roomIn[i] as number)) / MS_PER_MINUTE,
  );
}

const PATIENT_TYPE_INDEX = CATEGORIES.map((c) => PATIENT_TYPES.indexOf(PATIENT_TYPE_OF[c]));

/**
 * Report delay (minutes) = `reportValidatedAt − roomOut` when both are known, grouped by patient
 * type (outpatient = A; inpatient = H, R; emergency = U).
 */
export function reportDelaySamples(cols: MachineColumns): Partial<Record<PatientType, Float64Array>> {
  const { reportAt, roomOut, category } = cols;
  return grouped(
    PATIENT_TYPES,
    roomOut.length,
    (i) => (Number.isNaN(reportAt[i] as number) ? -1 : (PATIENT_TYPE_INDEX[category[i] as number] as number)),
    (i) => ((reportAt[i] as number) - (roomOut[i] as number)) / MS_PER_MINUTE,
  );
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
  return grouped(
    ['outpatient', 'inpatient'] as const,
    roomIn.length,
    (i) => {
      if (Number.isNaN(requestedAt[i] as number)) return -1;
      const c = category[i] as number;
      return c === A ? 0 : c === H ? 1 : -1;
    },
    (i) =>
      Math.floor(clock.toNaive(roomIn[i] as number) / MS_PER_DAY) -
      Math.floor(clock.toNaive(requestedAt[i] as number) / MS_PER_DAY),
  );
}

/** P20/P50/P80 of each sample of a record (the samples are reordered, not copied). */
export function quantilesByKey<K extends string>(samples: Partial<Record<K, Float64Array>>): Partial<Record<K, Quantiles>> {
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
