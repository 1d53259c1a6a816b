/**
 * The I/O side of the site fiche's "what would change" pages: for each machine of the site with
 * a lead to simulate, its records read from the store, its duration model and calibration, then
 * the status quo and its leads' scenarios over `WHAT_IF_REPLICATIONS` replications with the fixed
 * seed (the same campaign prints the same page). Machines are taken one after the other within a
 * time budget; one that cannot be computed gets its reason (`MachineWhatIf`), never an error.
 */
import { PROGRAMMED_TYPES } from '../../core/indicators/openings.ts';
import type { CampaignIndex } from '../../core/views/index.ts';
import { establishmentView, rankLeads } from '../../core/views/index.ts';
import { simulationModelOf } from '../../compute/simulation.ts';
import { runSimulation } from '../../plan/simulation/runner.ts';
import type { Scenario } from '../../plan/simulation/types.ts';
import { loadSimulationRecords } from '../../storage/machine-records.ts';
import type { Store } from '../../storage/index.ts';
import type { MachineWhatIf } from './what-would-change.ts';
import {
  MIN_PROGRAMMED_SESSIONS,
  MIN_SCHEDULED_EXAMS,
  planWhatIf,
  WHAT_IF_REPLICATIONS,
  WHAT_IF_SEED,
} from './what-would-change.ts';

/** Time given to all the simulations of one fiche (ms); machines left when it has run out are "not computed". */
export const WHAT_IF_BUDGET_MS = 30_000;

/** Options of `whatWouldChangeOfSite` (tests shorten them). */
export interface WhatIfRunOptions {
  budgetMs?: number;
  replications?: number;
  seed?: number;
  /** The clock of the budget (ms), `performance.now` by default. */
  now?: () => number;
}

const PROGRAMMED = new Set(PROGRAMMED_TYPES);

/**
 * The simulated leads of every machine of establishment `finess` (by equipment id), for
 * `siteFiche(…, whatIf)`; an empty map when the campaign has no such establishment, or when it
 * came as a signed bundle (no exam rows).
 *
 * @example
 * const whatIf = await whatWouldChangeOfSite(store, index, '590780193');
 * const doc = buildReport(index, { kind: 'site', finess: '590780193' }, 'fr', { whatIf });
 */
export async function whatWouldChangeOfSite(
  store: Store,
  index: CampaignIndex,
  finess: string,
  options: WhatIfRunOptions = {},
): Promise<Map<string, MachineWhatIf>> {
  const out = new Map<string, MachineWhatIf>();
  const view = establishmentView(index, finess, 'modality');
  // A site that came as a signed bundle has no records to simulate on (its fiche says why).
  if (!view || index.isBundleSite(finess)) return out;
  const now = options.now ?? (() => performance.now());
  const budget = options.budgetMs ?? WHAT_IF_BUDGET_MS;
  const started = now();
  for (const machine of view.machines) {
    const id = machine.point.equipmentId;
    const ranking = rankLeads(machine.indicators, index.data.samples.get(id));
    const plans = planWhatIf(machine.indicators, ranking);
    if (plans.length === 0) {
      out.set(id, { state: 'no-lead' });
      continue;
    }
    if (now() - started > budget) {
      out.set(id, { state: 'time-budget', seconds: Math.round(budget / 1000) });
      continue;
    }
    try {
      const records = await loadSimulationRecords(store, index.ref.id, [id]);
      if (!records) {
        out.set(id, { state: 'no-records' });
        continue;
      }
      const { model } = simulationModelOf(records);
      const scheduledExams = model.scheduled.pool.length;
      const programmedSessions = model.sessions.filter((s) => PROGRAMMED.has(s.type)).length;
      if (scheduledExams < MIN_SCHEDULED_EXAMS || programmedSessions < MIN_PROGRAMMED_SESSIONS) {
        out.set(id, { state: 'too-little-data', scheduledExams, programmedSessions });
        continue;
      }
      const final = planWhatIf(machine.indicators, ranking, {
        predictedDurations: Object.keys(model.predictedSlotMinutes).length > 0,
      });
      const scenarios = final.flatMap((p): Scenario[] => (p.scenario ? [p.scenario] : []));
      const report = runSimulation(model, scenarios, {
        replications: options.replications ?? WHAT_IF_REPLICATIONS,
        seed: options.seed ?? WHAT_IF_SEED,
      });
      out.set(id, { state: 'computed', plans: final, report });
    } catch (error) {
      out.set(id, {
        state: 'failed',
        message: error instanceof Error ? error.message : String(error),
      });
    }
    // Let the server answer other requests between two machines.
    await new Promise((resolve) => setImmediate(resolve));
  }
  return out;
}
