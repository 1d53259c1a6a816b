/**
 * Cost figures per machine and site (planning.md §5) and a scenario's added cost (§3, §5).
 * One pass over the machines: yearly cost from the cost row and the campaign's annualised
 * exams, then ratios; a machine without a row gets null figures with the reason, never a default.
 */
import type { Equipment, Modality } from '../../core/kit-types.ts';
import type { MachineIndicators } from '../../core/indicators/types.ts';
import type { ScenarioResult } from '../simulation/types.ts';
import type {
  AddedCost,
  CostMachine,
  CostFigure,
  CostInput,
  CostOrigin,
  CostReference,
  CostReport,
  ForfaitTier,
  MachineCost,
  ScenarioCost,
  ScenarioRatio,
  SiteCost,
} from './types.ts';

/** Weeks in a year, for weekly figures. */
export const WEEKS_PER_YEAR = 52;

/** The *forfait technique* activity tiers (forfaits a year), arrêté of 21/04/2023 (access-figures.md). */
export const FORFAIT_TIERS: Record<Modality, readonly [number, number]> = {
  CT: [11_000, 13_000],
  MR: [8_000, 11_000],
};

/** Source of `FORFAIT_TIERS`. */
export const FORFAIT_REFERENCE: CostReference = {
  source: 'Arrêté du 21/04/2023 (forfaits techniques, paliers d’activité)',
  year: 2023,
};

/** The tier (0 below tier 1) of `annualExams` forfaits a year, and the distance to the next tier. */
export function forfaitTier(modality: Modality, annualExams: number): ForfaitTier {
  const thresholds = FORFAIT_TIERS[modality];
  const [t1, t2] = thresholds;
  const tier = annualExams >= t2 ? 2 : annualExams >= t1 ? 1 : 0;
  const examsToNextTier = tier === 2 ? null : (tier === 0 ? t1 : t2) - annualExams;
  return {
    tier,
    examsToNextTier,
    thresholds,
    provenance: 'reference',
    reference: FORFAIT_REFERENCE,
  };
}

function ratio(
  cost: CostFigure,
  denominator: number | null,
  reason: CostFigure['reason'],
): CostFigure {
  if (cost.value === null) return cost;
  if (denominator === null || denominator <= 0)
    return { value: null, provenance: cost.provenance, reason };
  return { value: cost.value / denominator, provenance: cost.provenance };
}

/** The measured facts of the machines that have indicators (a machine without indicators is left out). */
export function costMachines(
  equipment: readonly Equipment[],
  indicators: readonly Pick<
    MachineIndicators,
    'equipmentId' | 'exams' | 'icrTotal' | 'openingHoursPerWeek'
  >[],
): CostMachine[] {
  const byId = new Map(indicators.map((i) => [i.equipmentId, i]));
  return equipment.flatMap((e) => {
    const i = byId.get(e.equipmentId);
    return i
      ? [
          {
            equipmentId: e.equipmentId,
            finess: e.finess,
            modality: e.modality,
            installedYear: e.installedYear,
            exams: i.exams,
            icrTotal: i.icrTotal,
            programmedHoursPerWeek: i.openingHoursPerWeek.programmed,
          },
        ]
      : [];
  });
}

/** The cost figures of every machine of the campaign and their sites' totals. */
export function computeCosts(input: CostInput): CostReport {
  const { campaign, machines, costs } = input;
  const origin = costs.origin;
  const rows = new Map(costs.rows.map((r) => [r.equipmentId, r]));
  const annualise = (n: number): number | null =>
    campaign.days > 0 ? (n * 365) / campaign.days : null;

  const out: MachineCost[] = machines.map((m) => {
    const annual = annualise(m.exams);
    const annualIcr = annualise(m.icrTotal);
    const annualisedExams: CostFigure =
      annual === null
        ? { value: null, provenance: 'measured', reason: 'no-campaign-days' }
        : { value: annual, provenance: 'measured' };
    const ageYears = m.installedYear === null ? null : campaign.year - m.installedYear;
    const row = rows.get(m.equipmentId);
    let costPerYear: CostFigure;
    let amortisationCounted: boolean | null = null;
    if (!row) {
      costPerYear = { value: null, provenance: origin, reason: 'no-cost-row' };
    } else if (annual === null) {
      costPerYear = { value: null, provenance: origin, reason: 'no-campaign-days' };
    } else {
      amortisationCounted = ageYears === null || ageYears < row.amortisationYears;
      const amortisation = amortisationCounted ? row.purchasePrice / row.amortisationYears : 0;
      const value =
        amortisation + row.maintenance + row.staff + row.overhead + row.consumablesPerExam * annual;
      costPerYear = { value, provenance: origin };
    }
    const hoursPerYear = m.programmedHoursPerWeek * WEEKS_PER_YEAR;
    return {
      equipmentId: m.equipmentId,
      finess: m.finess,
      modality: m.modality,
      ageYears,
      amortisationCounted,
      ageUnknown: ageYears === null,
      annualisedExams,
      costPerYear,
      costPerOpeningHour: ratio(costPerYear, hoursPerYear, 'no-opening-hours'),
      costPerExam: ratio(costPerYear, annual, 'no-exams'),
      costPerIcr: ratio(costPerYear, annualIcr, 'no-icr'),
      ftTier: annual === null ? null : forfaitTier(m.modality, annual),
    };
  });

  const bySite = new Map<string, MachineCost[]>();
  for (const m of out) {
    const list = bySite.get(m.finess) ?? [];
    list.push(m);
    bySite.set(m.finess, list);
  }
  const icrOf = new Map(machines.map((m) => [m.equipmentId, annualise(m.icrTotal)]));
  const sites: SiteCost[] = [...bySite.entries()].map(([finess, list]) => {
    const costed = list.filter((m) => m.costPerYear.value !== null);
    const without = list.filter((m) => m.costPerYear.value === null).map((m) => m.equipmentId);
    const total: CostFigure =
      costed.length === 0
        ? { value: null, provenance: origin, reason: 'no-cost-row' }
        : { value: costed.reduce((s, m) => s + (m.costPerYear.value ?? 0), 0), provenance: origin };
    const exams = costed.reduce((s, m) => s + (m.annualisedExams.value ?? 0), 0);
    const icr = costed.reduce((s, m) => s + (icrOf.get(m.equipmentId) ?? 0), 0);
    return {
      finess,
      machines: list.length,
      machinesWithoutCosts: without,
      costPerYear: total,
      annualisedExams:
        costed.length === 0
          ? { value: null, provenance: 'measured', reason: 'no-cost-row' }
          : { value: exams, provenance: 'measured' },
      costPerExam: ratio(total, exams, 'no-exams'),
      costPerIcr: ratio(total, icr, 'no-icr'),
    };
  });

  const known = new Set(machines.map((m) => m.equipmentId));
  return {
    origin,
    machines: out,
    sites,
    unmatchedRows: costs.rows.filter((r) => !known.has(r.equipmentId)).map((r) => r.equipmentId),
  };
}

/** Added yearly cost of a scenario, or null (with why) when incomplete or invalid. */
export function addedYearlyCost(
  added: AddedCost,
):
  | { value: number; reason?: undefined }
  | { value: null; reason: 'missing-hourly-cost' | 'invalid-added-cost' } {
  const finiteNonNeg = (x: number | undefined): boolean =>
    x === undefined || (Number.isFinite(x) && x >= 0);
  if (!finiteNonNeg(added.staffHoursPerWeek) || !finiteNonNeg(added.hourlyStaffCost)) {
    return { value: null, reason: 'invalid-added-cost' };
  }
  let total = 0;
  const hours = added.staffHoursPerWeek ?? 0;
  if (hours > 0) {
    if (added.hourlyStaffCost === undefined) return { value: null, reason: 'missing-hourly-cost' };
    total += hours * added.hourlyStaffCost * WEEKS_PER_YEAR;
  }
  for (const m of added.addedMachines ?? []) {
    if (
      !finiteNonNeg(m.purchasePrice) ||
      !finiteNonNeg(m.maintenance) ||
      !Number.isFinite(m.amortisationYears) ||
      m.amortisationYears <= 0
    ) {
      return { value: null, reason: 'invalid-added-cost' };
    }
    total += m.purchasePrice / m.amortisationYears + m.maintenance;
  }
  return { value: total };
}

/**
 * A scenario's cost (planning.md §5): its added yearly cost ÷ exams gained per year
 * (passagesPerWeek delta × 52) and ÷ days of outpatient P50 delay saved. Each ratio is null when
 * its gain is not significant (95 % interval of the paired delta includes 0), ≤ 0, or not computable.
 * `base.origin` is the origin of the cost inputs (an illustrative set makes an illustrative result).
 */
export function scenarioCost(
  base: { origin: CostOrigin },
  scenario: ScenarioResult,
  added: AddedCost,
): ScenarioCost {
  const cost = addedYearlyCost(added);
  const exams = scenario.delta.passagesPerWeek;
  const delay = scenario.delta['appointmentDelayDays.outpatient.p50'];
  const examsGained = exams.mean === null ? null : exams.mean * WEEKS_PER_YEAR;
  const daysSaved = delay.mean === null ? null : -delay.mean;
  const ratioOf = (gain: number | null, significant: boolean): ScenarioRatio => {
    if (gain === null) return { value: null, reason: 'not-computable' };
    if (!significant) return { value: null, reason: 'not-significant' };
    if (gain <= 0) return { value: null, reason: 'no-gain' };
    if (cost.value === null) return { value: null, reason: cost.reason };
    return { value: cost.value / gain };
  };
  return {
    scenario: scenario.name,
    provenance: base.origin,
    reliable: scenario.reliable,
    addedCostPerYear: cost.value,
    examsGainedPerYear: examsGained,
    p50DaysSaved: daysSaved,
    costPerExamGained: ratioOf(examsGained, exams.significant),
    costPerDaySaved: ratioOf(daysSaved, delay.significant),
  };
}
