/**
 * The contract of the cost figures (planning.md §5): a site's yearly cost inputs per machine
 * (`costs.csv`), the campaign's measured activity, and the figures derived from both, each with
 * where it comes from. Pure data: the kit reader, CLI, web and PDF build on it.
 */
import type { Modality } from '../../core/kit-types.ts';

export type { CostOrigin, CostRow, CostSet } from '../../core/kit-types.ts';
import type { CostOrigin, CostSet } from '../../core/kit-types.ts';

/** The `costs.csv` columns, in order, and the `CostRow` field each fills (then the optional `origin`). */
export const COST_COLUMNS = [
  ['equipment_id', 'equipmentId'],
  ['purchase_price', 'purchasePrice'],
  ['amortisation_years', 'amortisationYears'],
  ['maintenance', 'maintenance'],
  ['staff', 'staff'],
  ['consumables_per_exam', 'consumablesPerExam'],
  ['overhead', 'overhead'],
] as const;

/**
 * Where a figure comes from: `input`/`illustrative` (the cost set, divided by measured activity
 * when it is a ratio), `measured` (the campaign alone), `reference` (a published table).
 */
export type CostProvenance = CostOrigin | 'measured' | 'reference';

/** Why a figure is null (never a silent default). */
export type CostNullReason =
  'no-cost-row' | 'no-exams' | 'no-opening-hours' | 'no-icr' | 'no-campaign-days';

/** One figure: its value (null when it cannot be computed, with the reason) and its provenance. */
export interface CostFigure {
  value: number | null;
  provenance: CostProvenance;
  reason?: CostNullReason;
}

/** A published reference the figure leans on (e.g. the forfait technique tiers). */
export interface CostReference {
  source: string;
  year: number;
}

/** The campaign's measured facts for one machine (from `Equipment` and `MachineIndicators`). */
export interface CostMachine {
  equipmentId: string;
  finess: string;
  modality: Modality;
  /** `Equipment.installedYear`; null when unknown (the amortisation is then counted and flagged). */
  installedYear: number | null;
  /** Exams over the campaign (`MachineIndicators.exams`). */
  exams: number;
  /** Σ ICR over the campaign (`MachineIndicators.icrTotal`). */
  icrTotal: number;
  /** Programmed opening hours per week (`MachineIndicators.openingHoursPerWeek.programmed`). */
  programmedHoursPerWeek: number;
}

/** What `computeCosts` takes. The rows are expected checked by `validateCostRows` (amortisation years > 0, no negative). */
export interface CostInput {
  /** Calendar year of the campaign (the machine's age = this − installed year) and its length in days. */
  campaign: { year: number; days: number };
  machines: CostMachine[];
  costs: CostSet;
}

/** The *forfait technique* tier of a machine (0 below tier 1) and how far it is from the next. */
export interface ForfaitTier {
  /** 0, 1 or 2; counted as one forfait per exam (an approximation: stated on screen). */
  tier: 0 | 1 | 2;
  /** Annualised exams still needed to reach the next tier; null at tier 2. */
  examsToNextTier: number | null;
  /** The thresholds applied (forfaits a year). */
  thresholds: readonly [number, number];
  provenance: 'reference';
  reference: CostReference;
}

/** The cost figures of one machine. */
export interface MachineCost {
  equipmentId: string;
  finess: string;
  modality: Modality;
  /** Campaign year − installed year; null when the installed year is unknown. */
  ageYears: number | null;
  /** True when the purchase is amortised this year (age below the amortisation years, or unknown age). */
  amortisationCounted: boolean | null;
  /** True when the age is unknown and the amortisation was counted anyway. */
  ageUnknown: boolean;
  /** exams × 365 / campaign days (measured). */
  annualisedExams: CostFigure;
  costPerYear: CostFigure;
  /** ÷ programmed opening hours per week × 52. */
  costPerOpeningHour: CostFigure;
  /** ÷ annualised exams. */
  costPerExam: CostFigure;
  /** ÷ annualised ICR total. */
  costPerIcr: CostFigure;
  /** Null when the exams cannot be annualised (no campaign days). */
  ftTier: ForfaitTier | null;
}

/** A site's totals over the machines that have a cost row. */
export interface SiteCost {
  finess: string;
  machines: number;
  /** Machines without a cost row (left out of the totals, never priced by default). */
  machinesWithoutCosts: string[];
  costPerYear: CostFigure;
  /** Annualised exams of the costed machines. */
  annualisedExams: CostFigure;
  costPerExam: CostFigure;
  costPerIcr: CostFigure;
}

/** What `computeCosts` returns. */
export interface CostReport {
  origin: CostOrigin;
  machines: MachineCost[];
  sites: SiteCost[];
  /** Cost rows whose machine is not in the campaign (ignored). */
  unmatchedRows: string[];
}

/** What a scenario adds (yearly cost = staff hours × rate × 52 + each machine's purchase ÷ years + maintenance). */
export interface AddedCost {
  staffHoursPerWeek?: number;
  hourlyStaffCost?: number;
  addedMachines?: { purchasePrice: number; amortisationYears: number; maintenance: number }[];
}

/** Why a scenario ratio is null. */
export type ScenarioCostNullReason =
  'not-significant' | 'no-gain' | 'not-computable' | 'missing-hourly-cost' | 'invalid-added-cost';

/** A scenario's cost ratio, or null with why. */
export interface ScenarioRatio {
  value: number | null;
  reason?: ScenarioCostNullReason;
}

/** What `scenarioCost` returns. */
export interface ScenarioCost {
  scenario: string;
  provenance: CostOrigin;
  /** False when the status quo did not reproduce the campaign (the scenario's figures are then indicative). */
  reliable: boolean;
  /** Added yearly cost (euros); null when the added cost is incomplete or invalid. */
  addedCostPerYear: number | null;
  /** passagesPerWeek delta × 52 (mean), or null when not computable. */
  examsGainedPerYear: number | null;
  /** − outpatient P50 appointment delay delta (days), or null when not computable. */
  p50DaysSaved: number | null;
  /** Added yearly cost ÷ exams gained per year. */
  costPerExamGained: ScenarioRatio;
  /** Added yearly cost ÷ days of outpatient P50 delay saved (euros a year per day saved). */
  costPerDaySaved: ScenarioRatio;
}
