/**
 * A worker thread of the national status-quo test (status-quo.test.ts): machines are independent
 * (each calibrated on its own records and replayed with its own seeded streams), so the test hands
 * their indices to a few of these and gathers the reports; the figures are those of one thread.
 * Runs type-stripped (test/helpers/transpile-tree.ts), outside vitest.
 */
import { parentPort } from 'node:worker_threads';
import { calibrate } from '../../../src/plan/simulation/calibrate.ts';
import { runSimulation } from '../../../src/plan/simulation/runner.ts';
import type { SimulationReport } from '../../../src/plan/simulation/types.ts';
import { nationalPlan, nationalRecords } from './records.ts';

/** One machine to check. */
export interface StatusQuoJob {
  seed: number;
  machines: number;
  index: number;
  replications: number;
}

/** Its report, or why there is none. */
export type StatusQuoAnswer =
  { index: number; report: SimulationReport } | { index: number; error: string };

parentPort?.on('message', (job: StatusQuoJob) => {
  try {
    const plan = nationalPlan(job.seed, job.machines);
    const model = calibrate(nationalRecords(plan, job.index));
    const answer: StatusQuoAnswer = {
      index: job.index,
      report: runSimulation(model, [], { replications: job.replications }),
    };
    parentPort?.postMessage(answer);
  } catch (error) {
    parentPort?.postMessage({
      index: job.index,
      error: error instanceof Error ? (error.stack ?? error.message) : String(error),
    } satisfies StatusQuoAnswer);
  }
});
