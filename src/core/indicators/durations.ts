/**
 * Exam-level samples of a machine: durations by patient category, report delays by patient
 * type and realized appointment delays. The samples are kept (sorted) so that peer groups can
 * pool them for the benchmark without going back to the exams.
 */
import type { CampaignCalendar } from '../calendar.ts';
import { MS_PER_DAY, MS_PER_MINUTE } from '../calendar.ts';
import type { Category } from '../kit-types.ts';
import { CATEGORIES } from '../kit-types.ts';
import type { Quantiles } from '../stats.ts';
import { quantilesOfSorted } from '../stats.ts';
import type { PatientType } from './types.ts';
import type { MachineColumns } from './machine-columns.ts';
import { CATEGORY_INDEX, SHORT_EXAM_MS } from './machine-columns.ts';

/** Sorted exam-level values of one machine. */
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

function sortedSamples<K extends string>(keys: readonly K[], lists: Map<K, number[]>): Partial<Record<K, Float64Array>> {
  const out: Partial<Record<K, Float64Array>> = {};
  for (const k of keys) {
    const list = lists.get(k);
    if (list && list.length > 0) out[k] = Float64Array.from(list).sort();
  }
  return out;
}

/**
 * Duration (minutes, `roomOut − roomIn`) of every exam of 3 minutes or more, by category.
 */
export function durationSamples(cols: MachineColumns): Partial<Record<Category, Float64Array>> {
  const lists = new Map<Category, number[]>();
  for (let i = 0; i < cols.roomIn.length; i++) {
    const d = (cols.roomOut[i] as number) - (cols.roomIn[i] as number);
    if (d < SHORT_EXAM_MS) continue;
    const cat = CATEGORIES[cols.category[i] as number] as Category;
    let list = lists.get(cat);
    if (!list) lists.set(cat, (list = []));
    list.push(d / MS_PER_MINUTE);
  }
  return sortedSamples(CATEGORIES, lists);
}

/**
 * Report delay (minutes) = `reportValidatedAt − roomOut` when both are known, grouped by patient
 * type (outpatient = A; inpatient = H, R; emergency = U).
 */
export function reportDelaySamples(cols: MachineColumns): Partial<Record<PatientType, Float64Array>> {
  const lists = new Map<PatientType, number[]>();
  for (let i = 0; i < cols.roomIn.length; i++) {
    const report = cols.reportAt[i] as number;
    if (Number.isNaN(report)) continue;
    const type = PATIENT_TYPE_OF[CATEGORIES[cols.category[i] as number] as Category];
    let list = lists.get(type);
    if (!list) lists.set(type, (list = []));
    list.push((report - (cols.roomOut[i] as number)) / MS_PER_MINUTE);
  }
  return sortedSamples(PATIENT_TYPES, lists);
}

/**
 * Realized appointment delay = calendar days (local dates) from `requestedAt` to `roomIn`, for
 * non-urgent exams (A = outpatient, H = inpatient) that carry `requestedAt`.
 */
export function appointmentDelaySamples(
  cols: MachineColumns,
  calendar: CampaignCalendar,
): Partial<Record<'outpatient' | 'inpatient', Float64Array>> {
  const lists = new Map<'outpatient' | 'inpatient', number[]>();
  const { clock } = calendar;
  for (let i = 0; i < cols.roomIn.length; i++) {
    const requested = cols.requestedAt[i] as number;
    if (Number.isNaN(requested)) continue;
    const cat = cols.category[i] as number;
    const type = cat === CATEGORY_INDEX.A ? 'outpatient' : cat === CATEGORY_INDEX.H ? 'inpatient' : null;
    if (type === null) continue;
    const days =
      Math.floor(clock.toNaive(cols.roomIn[i] as number) / MS_PER_DAY) - Math.floor(clock.toNaive(requested) / MS_PER_DAY);
    let list = lists.get(type);
    if (!list) lists.set(type, (list = []));
    list.push(days);
  }
  return sortedSamples(['outpatient', 'inpatient'] as const, lists);
}

/** P20/P50/P80 of each sorted sample of a record. */
export function quantilesByKey<K extends string>(samples: Partial<Record<K, Float64Array>>): Partial<Record<K, Quantiles>> {
  const out: Partial<Record<K, Quantiles>> = {};
  for (const [k, v] of Object.entries(samples) as [K, Float64Array][]) out[k] = quantilesOfSorted(v);
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
