/**
 * A simulated scenario's cost (planning.md §5) for `plateau simulate --hourly-staff-cost`: the
 * staff hours it adds are the programmed machine-hours per week its grid adds (sessions added,
 * hours extended, machines added with a copy of a grid), priced at the hourly cost × 52; an added
 * machine costs its amortisation and maintenance, read from the costs row of the machine whose
 * grid it copies. `scenarioCost` (plan/costs) divides by the exams gained and the days of P50
 * delay saved; a ratio is null with its reason (not significant, no gain, no costs row…).
 */
import { PROGRAMMED_TYPES } from '../../core/indicators/openings.ts';
import type { CostOrigin, CostSet, SessionType } from '../../core/kit-types.ts';
import type { AddedCost, ScenarioCostNullReason } from '../../plan/costs/index.ts';
import { addedYearlyCost, scenarioCost } from '../../plan/costs/index.ts';
import { applyScenario } from '../../plan/simulation/scenarios.ts';
import type { Scenario, ScenarioResult, SimulationModel } from '../../plan/simulation/types.ts';

const PROGRAMMED = new Set<SessionType>(PROGRAMMED_TYPES);
const HOUR_MS = 3_600_000;

/** Why a scenario's cost figure is null: those of `scenarioCost`, or an added machine without a costs row. */
export type ScenarioCostReason = ScenarioCostNullReason | 'no-cost-row';

/** A cost figure of a scenario: euros, or null with why. */
export interface ScenarioCostFigure {
  value: number | null;
  reason?: ScenarioCostReason;
}

/** What `plateau simulate` adds to each scenario (text and JSON) with `--hourly-staff-cost`. */
export interface ScenarioCostLine {
  /** input (the hourly cost, a costs.csv) or illustrative (an added machine priced from an illustrative set). */
  provenance: CostOrigin;
  /** False when the status quo did not reproduce the campaign: the cost ratios are indicative too. */
  reliable: boolean;
  /** Programmed machine-hours per week the scenario's grid adds (≥ 0). */
  staffHoursPerWeek: number;
  /** Euros per staff hour (the option). */
  hourlyStaffCost: number;
  /** Machines added, each priced from the costs row of the machine whose grid it copies. */
  addedMachines: { gridOf: string; count: number; costsRow: boolean }[];
  addedCostPerYear: ScenarioCostFigure;
  /** passagesPerWeek delta × 52 (mean); null when not computable. */
  examsGainedPerYear: number | null;
  /** − outpatient P50 appointment delay delta (days); null when not computable. */
  p50DaysSaved: number | null;
  costPerExamGained: ScenarioCostFigure;
  costPerDaySaved: ScenarioCostFigure;
}

/** Programmed machine-hours per week of a model's grid (every machine, every programmed session). */
export function programmedHoursPerWeek(
  model: Pick<SimulationModel, 'sessions' | 'gridWeeks'>,
): number {
  let ms = 0;
  for (const s of model.sessions) if (PROGRAMMED.has(s.type)) ms += s.end - s.start;
  return ms / HOUR_MS / Math.max(1, model.gridWeeks);
}

/**
 * The cost of `scenario` (its `result` from the runner) on `model`: added staff hours priced at
 * `hourlyStaffCost`, added machines from `costs` (null when the campaign has none).
 *
 * @example
 * scenarioCostLine(model, scenario, report.scenarios[0], kit.costs ?? null, 45).costPerExamGained.value;
 */
export function scenarioCostLine(
  model: SimulationModel,
  scenario: Scenario,
  result: ScenarioResult,
  costs: CostSet | null,
  hourlyStaffCost: number,
): ScenarioCostLine {
  const staffHoursPerWeek = Math.max(
    0,
    programmedHoursPerWeek(applyScenario(model, scenario)) - programmedHoursPerWeek(model),
  );
  const rows = new Map((costs?.rows ?? []).map((r) => [r.equipmentId, r]));
  const addedMachines: ScenarioCostLine['addedMachines'] = [];
  const priced: NonNullable<AddedCost['addedMachines']> = [];
  for (const change of scenario.changes) {
    if (change.type !== 'add-machine') continue;
    const gridOf = change.gridOf ?? model.machines[0]?.equipmentId ?? '';
    const count = change.count ?? 1;
    const row = rows.get(gridOf);
    addedMachines.push({ gridOf, count, costsRow: row !== undefined });
    if (row)
      for (let i = 0; i < count; i++)
        priced.push({
          purchasePrice: row.purchasePrice,
          amortisationYears: row.amortisationYears,
          maintenance: row.maintenance,
        });
  }
  const provenance: CostOrigin = addedMachines.length > 0 && costs ? costs.origin : 'input';
  const addedCost: AddedCost = { staffHoursPerWeek, hourlyStaffCost, addedMachines: priced };
  const cost = scenarioCost({ origin: provenance }, result, addedCost);
  const yearly = addedYearlyCost(addedCost);
  const missingRow = addedMachines.some((m) => !m.costsRow);
  const costReasons: readonly (ScenarioCostReason | undefined)[] = [
    'missing-hourly-cost',
    'invalid-added-cost',
  ];
  const ratio = (r: {
    value: number | null;
    reason?: ScenarioCostNullReason;
  }): ScenarioCostFigure =>
    missingRow && (r.value !== null || costReasons.includes(r.reason))
      ? { value: null, reason: 'no-cost-row' }
      : { ...r };
  const added: ScenarioCostFigure = missingRow
    ? { value: null, reason: 'no-cost-row' }
    : yearly.value === null
      ? { value: null, reason: yearly.reason }
      : { value: yearly.value };
  return {
    provenance,
    reliable: result.reliable,
    staffHoursPerWeek,
    hourlyStaffCost,
    addedMachines,
    addedCostPerYear: added,
    examsGainedPerYear: cost.examsGainedPerYear,
    p50DaysSaved: cost.p50DaysSaved,
    costPerExamGained: ratio(cost.costPerExamGained),
    costPerDaySaved: ratio(cost.costPerDaySaved),
  };
}
