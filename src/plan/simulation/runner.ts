/**
 * Runs the capacity simulation (planning.md §3): the status quo and each scenario over R
 * replications with common random numbers (replication r of every scenario replays the same
 * seeded streams), figures summed up as mean ± 95 % interval, scenario differences paired
 * replication by replication, and the status quo checked against the campaign.
 */
import { MS_PER_DAY, MS_PER_MINUTE } from '../../core/calendar.ts';
import { simulate } from './engine.ts';
import { figuresOf } from './figures.ts';
import { applyScenario } from './scenarios.ts';
import { estimate, pairedDelta } from './statistics.ts';
import type {
  CalibrationNote,
  Delta,
  Estimate,
  FailingFigure,
  FigureKey,
  Figures,
  Scenario,
  ScenarioResult,
  SimulationModel,
  SimulationReport,
} from './types.ts';
import { FIGURE_KEYS } from './types.ts';

/** Relative tolerance of occupancy and passages per week in the status quo rule (5 %). */
export const VOLUME_TOLERANCE = 0.05;
/** Relative tolerance of the appointment delay P50 (20 %), never under `DELAY_TOLERANCE_DAYS`. */
export const DELAY_TOLERANCE = 0.2;
export const DELAY_TOLERANCE_DAYS = 1;
/** Default replications, seed and warm-up. */
export const DEFAULT_REPLICATIONS = 20;
export const DEFAULT_SEED = 1;
export const DEFAULT_WARMUP_WEEKS = 4;
/** The warm-up is never lengthened past this many weeks (the engine's booking horizon). */
export const MAX_WARMUP_WEEKS = 26;

/** The figures of the status quo rule and how each is judged. */
const CHECKED: readonly { figure: FigureKey; tolerance: (observed: number) => number }[] = [
  { figure: 'occupancy.programmed', tolerance: (o) => VOLUME_TOLERANCE * Math.abs(o) },
  { figure: 'passagesPerWeek', tolerance: (o) => VOLUME_TOLERANCE * Math.abs(o) },
  {
    figure: 'appointmentDelayDays.outpatient.p50',
    tolerance: (o) => Math.max(DELAY_TOLERANCE * Math.abs(o), DELAY_TOLERANCE_DAYS),
  },
  {
    figure: 'appointmentDelayDays.inpatient.p50',
    tolerance: (o) => Math.max(DELAY_TOLERANCE * Math.abs(o), DELAY_TOLERANCE_DAYS),
  },
];

/** Calibration notes that take a figure out of the status quo rule: a median of too few observed delays. */
const UNCHECKED_BY_NOTE: Readonly<Record<string, FigureKey>> = {
  'few-outpatient-delays': 'appointmentDelayDays.outpatient.p50',
  'few-inpatient-delays': 'appointmentDelayDays.inpatient.p50',
};

/**
 * The figures a model's status quo is not checked on: the appointment delay P50s whose observed
 * sample holds fewer than `MIN_CHECKED_DELAYS` values (calibration notes them).
 */
export function uncheckedFigures(model: SimulationModel): FigureKey[] {
  const out: FigureKey[] = [];
  for (const n of model.notes) {
    const figure = UNCHECKED_BY_NOTE[n.code];
    if (figure !== undefined && !out.includes(figure)) out.push(figure);
  }
  return out;
}

/**
 * The status quo rule (planning.md §3) on the means over the replications: occupancy
 * (programmed) and passages per week within 5 % of the observed values, the outpatient and
 * inpatient appointment delay P50 within 20 % or 1 day, whichever is larger. Figures with no
 * observed value, and those listed in `unchecked`, are not checked; a checked figure the
 * simulation cannot give (mean null) fails, with `simulated` NaN.
 */
export function statusQuoCheck(
  observed: Figures,
  simulated: Record<FigureKey, Estimate>,
  unchecked: readonly FigureKey[] = [],
): { reproduces: boolean; failing: FailingFigure[] } {
  const failing: FailingFigure[] = [];
  for (const { figure, tolerance } of CHECKED) {
    const o = observed[figure];
    if (o === null || unchecked.includes(figure)) continue;
    const s = simulated[figure].mean;
    const tol = tolerance(o);
    if (s === null || !(Math.abs(s - o) <= tol))
      failing.push({ figure, observed: o, simulated: s ?? NaN, tolerance: tol });
  }
  return { reproduces: failing.length === 0, failing };
}

/** Options of `runSimulation`. */
export interface RunSimulationOptions {
  /** Replications per scenario (default 20, at least 2 for an interval). */
  replications?: number;
  /** Master seed (default 1). */
  seed?: number;
  /** Weeks measured (default the model's `gridWeeks`). */
  weeks?: number;
  /** Weeks simulated before measuring (default `defaultWarmupWeeks(model)`). */
  warmupWeeks?: number;
  /** Called after each replication of each scenario (status quo first). */
  onProgress?: (done: number, total: number) => void;
}

/**
 * Warm-up long enough for the agenda to fill: 4 weeks, or more when the model's longest lead
 * time is longer (a request made before the run starts is never simulated, so an exam of the
 * window with a longer lead would be missing), at most 26 weeks.
 */
export function defaultWarmupWeeks(model: SimulationModel): number {
  let longest = 0;
  for (const sample of Object.values(model.scheduled.leadMinutes)) {
    if (!sample) continue;
    for (const v of sample) if (v > longest) longest = v;
  }
  const weeks = Math.ceil((longest * MS_PER_MINUTE) / (7 * MS_PER_DAY));
  return Math.min(MAX_WARMUP_WEEKS, Math.max(DEFAULT_WARMUP_WEEKS, weeks));
}

/** `performance.now()` where the platform has it (browsers, Node), else `Date.now()`: timing only. */
function now(): number {
  return typeof performance !== 'undefined' ? performance.now() : Date.now();
}

/** Per figure, the values of each replication. */
type Series = Record<FigureKey, (number | null)[]>;

const emptySeries = (): Series =>
  Object.fromEntries(FIGURE_KEYS.map((k) => [k, []])) as unknown as Series;

function estimates(series: Series): Record<FigureKey, Estimate> {
  return Object.fromEntries(FIGURE_KEYS.map((k) => [k, estimate(series[k])])) as Record<
    FigureKey,
    Estimate
  >;
}

/**
 * The status quo and each scenario over R replications with common random numbers (replication
 * r of every scenario uses the same `(seed, r)` streams), their figures as mean ± 95 % interval,
 * each scenario's paired difference with the status quo, the status quo rule, and the engine's
 * events per second. A scenario is `reliable` only when the status quo reproduces the campaign.
 *
 * @example
 * const report = runSimulation(calibrate(records), [{ name: 'Saturday', changes: [...] }]);
 * report.scenarios[0].delta['appointmentDelayDays.outpatient.p50']; // { mean, ci95, significant }
 */
export function runSimulation(
  model: SimulationModel,
  scenarios: readonly Scenario[],
  options: RunSimulationOptions = {},
): SimulationReport {
  const replications = options.replications ?? DEFAULT_REPLICATIONS;
  const seed = options.seed ?? DEFAULT_SEED;
  const weeks = options.weeks ?? model.gridWeeks;
  const warmupWeeks = options.warmupWeeks ?? defaultWarmupWeeks(model);
  if (!Number.isInteger(replications) || replications < 1)
    throw new RangeError(`replications must be a whole number ≥ 1: ${replications}`);
  const notes: CalibrationNote[] = [...model.notes];
  if (options.warmupWeeks === undefined && warmupWeeks > DEFAULT_WARMUP_WEEKS)
    notes.push({ code: 'warmup-extended', params: { weeks: warmupWeeks } });

  const models = [model, ...scenarios.map((s) => applyScenario(model, s))];
  const series = models.map(emptySeries);
  const total = replications * models.length;
  let done = 0;
  let events = 0;
  let elapsed = 0;
  for (let r = 0; r < replications; r++) {
    models.forEach((m, k) => {
      const t0 = now();
      const output = simulate(m, { seed, replication: r, warmupWeeks, weeks });
      elapsed += now() - t0;
      events += output.events;
      const figures = figuresOf(output, m, weeks);
      const s = series[k] as Series;
      for (const key of FIGURE_KEYS) s[key].push(figures[key]);
      options.onProgress?.(++done, total);
    });
  }

  const statusQuoSeries = series[0] as Series;
  const simulated = estimates(statusQuoSeries);
  const check = statusQuoCheck(model.observed, simulated, uncheckedFigures(model));
  const results: ScenarioResult[] = scenarios.map((scenario, i) => {
    const s = series[i + 1] as Series;
    return {
      name: scenario.name,
      changes: scenario.changes,
      figures: estimates(s),
      delta: Object.fromEntries(
        FIGURE_KEYS.map((k) => [k, pairedDelta(statusQuoSeries[k], s[k])]),
      ) as Record<FigureKey, Delta>,
      reliable: check.reproduces,
    };
  });
  for (const m of models.slice(1)) for (const n of m.notes.slice(model.notes.length)) notes.push(n);
  const seconds = elapsed / 1000;
  return {
    campaign: { id: model.campaign.id, name: model.campaign.name },
    equipmentIds: model.machines.map((m) => m.equipmentId),
    weeks,
    warmupWeeks,
    replications,
    seed,
    statusQuo: {
      observed: model.observed,
      simulated,
      reproduces: check.reproduces,
      failing: check.failing,
    },
    scenarios: results,
    engine: { events, seconds, eventsPerSecond: seconds > 0 ? events / seconds : 0 },
    notes,
  };
}
