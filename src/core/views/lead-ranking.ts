/**
 * The improvement leads of a machine ranked for its site fiche: the stored leads (late start,
 * early end, turnover gap, booked vs real) ordered by the hours per week they would free, each
 * also said in exams per week at the machine's median exam duration. Selects and divides
 * stored figures; recomputes none.
 */
import type { MachineSamples } from '../indicators/durations.ts';
import type { Lead, Leads, MachineIndicators } from '../indicators/types.ts';
import type { Category } from '../kit-types.ts';
import { quantileSorted, sortedFinite } from '../stats.ts';

/** The four leads, in the order used to break ties. */
export const LEAD_KEYS = [
  'lateStartMinutes',
  'earlyEndMinutes',
  'turnoverGapMinutes',
  'overrunMinutes',
] as const;

export type LeadKey = (typeof LEAD_KEYS)[number];

/**
 * How the median exam duration was found: the median of all the machine's exams of 3 minutes
 * or more (`pooled-exams`, from its samples), or, without samples, the exam-count-weighted
 * median of its per-category medians (`category-medians`); null when it has no timed exam.
 */
export type DurationBasis = 'pooled-exams' | 'category-medians';

/** One lead with what it is worth. */
export interface RankedLead {
  key: LeadKey;
  /** Values the lead was measured on (sessions, pairs or exams); 0 when none. */
  n: number;
  /** Median and P80 in minutes; null when there is no value. */
  median: number | null;
  p80: number | null;
  /** Hours per week the lead would free; null when it could not be measured (no value). */
  hoursPerWeek: number | null;
  /** `hoursPerWeek × 60 / medianExamMinutes`; null when either is unknown. */
  examsPerWeek: number | null;
}

/** A machine's leads, most valuable first. */
export interface LeadRanking {
  leads: RankedLead[];
  /** The machine's median exam duration (minutes), the unit of `examsPerWeek`. */
  medianExamMinutes: number | null;
  durationBasis: DurationBasis | null;
}

/**
 * The median of `values` weighted by `weights`: the smallest value whose cumulative weight
 * reaches half the total (values with no weight are ignored); null when the total is 0.
 *
 * @example
 * weightedMedian([10, 20, 40], [1, 1, 3]); // 40 (weights 1+1 < 2.5 ≤ 1+1+3)
 */
export function weightedMedian(
  values: readonly number[],
  weights: readonly number[],
): number | null {
  const pairs = values
    .map((v, i) => [v, weights[i] ?? 0] as const)
    .filter(([v, w]) => Number.isFinite(v) && w > 0)
    .sort((a, b) => a[0] - b[0]);
  const total = pairs.reduce((sum, [, w]) => sum + w, 0);
  if (total === 0) return null;
  let cumulative = 0;
  for (const [v, w] of pairs) {
    cumulative += w;
    if (cumulative >= total / 2) return v;
  }
  return null;
}

/**
 * The machine's median exam duration (minutes) and how it was found (see `DurationBasis`).
 *
 * @example
 * medianExamDuration(machine, samples); // { minutes: 14, basis: 'pooled-exams' }
 */
export function medianExamDuration(
  machine: MachineIndicators,
  samples?: MachineSamples,
): { minutes: number | null; basis: DurationBasis | null } {
  if (samples) {
    const arrays = Object.values(samples.durationMinutes).filter(
      (a): a is Float64Array => a !== undefined,
    );
    const size = arrays.reduce((sum, a) => sum + a.length, 0);
    if (size > 0) {
      const pooled = new Float64Array(size);
      let at = 0;
      for (const a of arrays) {
        pooled.set(a, at);
        at += a.length;
      }
      const median = quantileSorted(sortedFinite(pooled), 0.5);
      if (median !== null) return { minutes: median, basis: 'pooled-exams' };
    }
  }
  const categories = Object.entries(machine.durationMinutes) as [
    Category,
    { n: number; p50: number | null },
  ][];
  const known = categories.filter(([, q]) => q.p50 !== null && q.n > 0);
  const minutes = weightedMedian(
    known.map(([, q]) => q.p50 as number),
    known.map(([, q]) => q.n),
  );
  return minutes === null ? { minutes: null, basis: null } : { minutes, basis: 'category-medians' };
}

function rankedLead(key: LeadKey, lead: Lead | null, minutes: number | null): RankedLead {
  if (!lead) return { key, n: 0, median: null, p80: null, hoursPerWeek: null, examsPerWeek: null };
  const examsPerWeek = minutes !== null && minutes > 0 ? (lead.hoursPerWeek * 60) / minutes : null;
  return {
    key,
    n: lead.n,
    median: lead.p50,
    p80: lead.p80,
    hoursPerWeek: lead.hoursPerWeek,
    examsPerWeek,
  };
}

/**
 * The machine's four improvement leads sorted by hours per week freed, largest first (leads that
 * could not be measured last; ties keep the order of `LEAD_KEYS`), each also in exams per week.
 *
 * @example
 * const { leads, medianExamMinutes } = rankLeads(machine, samples.get(machine.equipmentId));
 * leads[0]; // { key: 'lateStartMinutes', hoursPerWeek: 3.75, examsPerWeek: 15, … }
 */
export function rankLeads(machine: MachineIndicators, samples?: MachineSamples): LeadRanking {
  const { minutes, basis } = medianExamDuration(machine, samples);
  const leads = LEAD_KEYS.map((key) => rankedLead(key, (machine.leads as Leads)[key], minutes));
  const order = (l: RankedLead): number => LEAD_KEYS.indexOf(l.key);
  leads.sort((a, b) => {
    if (a.hoursPerWeek === null || b.hoursPerWeek === null) {
      return a.hoursPerWeek === b.hoursPerWeek
        ? order(a) - order(b)
        : a.hoursPerWeek === null
          ? 1
          : -1;
    }
    return b.hoursPerWeek - a.hoursPerWeek || order(a) - order(b);
  });
  return { leads, medianExamMinutes: minutes, durationBasis: basis };
}
