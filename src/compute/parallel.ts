/**
 * The indicator engine on several cores: machines are independent, so their columns (built on
 * shared memory) are split into balanced batches, one per worker thread, and the results are
 * assembled by the same pure `assembleCampaign` as the single-threaded path. The numbers are
 * identical either way; only the wall time changes.
 */
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { CampaignCalendar } from '../core/calendar.ts';
import type {
  CampaignComputation,
  MachineColumns,
  MachineResult,
} from '../core/indicators/index.ts';
import { assembleCampaign, computeMachine } from '../core/indicators/index.ts';
import { kitColumns } from '../core/indicators/machine-columns.ts';
import { examCount } from '../core/exam-table.ts';
import type { Kit } from '../core/kit-types.ts';
import type { WorkerRequest, WorkerResponse } from './protocol.ts';

/**
 * Below this many exams a campaign is computed on the calling thread: starting workers and
 * sharing the columns costs about what a second core saves. Measured on 2 cores (issue 17,
 * load ~2): 1.7 M exams computed in 1.01–1.15 s on one thread, 0.93–1.06 s on two, and the whole
 * `plateau indicators` process no faster with two (+20 MB); 17.3 M exams 10.1 s on one, 6.5 s on two.
 */
export const PARALLEL_MIN_EXAMS = 5_000_000;

export interface ParallelOptions {
  /** Worker threads (default: the machine's available parallelism); 1 computes in this thread. */
  threads?: number;
}

/** The compiled worker script, or null when running from TypeScript sources (tests), where workers cannot load it. */
function workerScript(): URL | null {
  const url = new URL('./machine-worker.js', import.meta.url);
  return import.meta.url.endsWith('.js') && existsSync(fileURLToPath(url)) ? url : null;
}

/** True when this build can compute on worker threads. */
export function canRunInParallel(): boolean {
  return workerScript() !== null;
}

/** Splits machines into `k` batches of about the same number of exams (largest first, to the lightest batch). */
export function balancedBatches(columns: readonly MachineColumns[], k: number): MachineColumns[][] {
  const batches: MachineColumns[][] = Array.from({ length: k }, () => []);
  const load = new Array<number>(k).fill(0);
  const order = [...columns].sort((a, b) => b.roomIn.length - a.roomIn.length);
  for (const cols of order) {
    let lightest = 0;
    for (let i = 1; i < k; i++) if ((load[i] as number) < (load[lightest] as number)) lightest = i;
    (batches[lightest] as MachineColumns[]).push(cols);
    load[lightest] = (load[lightest] as number) + cols.roomIn.length + cols.sessionStart.length;
  }
  return batches.filter((b) => b.length > 0);
}

function runBatch(script: URL, request: WorkerRequest): Promise<MachineResult[]> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(script);
    worker.once('message', (response: WorkerResponse) => {
      void worker.terminate();
      if ('error' in response) reject(new Error(`indicator worker failed: ${response.error}`));
      else resolve(response.results);
    });
    worker.once('error', reject);
    worker.postMessage(request);
  });
}

/**
 * Every machine's figures, on worker threads when the build allows it and `threads` > 1,
 * otherwise in this thread. Results come back in the order of `columns`.
 */
export async function computeMachines(
  columns: readonly MachineColumns[],
  campaign: WorkerRequest['campaign'],
  options: ParallelOptions = {},
): Promise<MachineResult[]> {
  const threads = Math.max(1, Math.min(options.threads ?? availableParallelism(), columns.length));
  const script = workerScript();
  if (threads === 1 || script === null) {
    const calendar = new CampaignCalendar(campaign.start, campaign.days, campaign.timeZone);
    return columns.map((cols) => computeMachine(cols, calendar));
  }
  const batches = balancedBatches(columns, threads);
  const answers = await Promise.all(
    batches.map((machines, id) => runBatch(script, { id, campaign, machines })),
  );
  const byId = new Map<string, MachineResult>();
  for (const list of answers) for (const r of list) byId.set(r.indicators.equipmentId, r);
  return columns.map((cols) => byId.get(cols.equipment.equipmentId) as MachineResult);
}

/**
 * Every figure of a campaign, like `computeCampaignDetailed`, using worker threads for large
 * campaigns (from `PARALLEL_MIN_EXAMS` exams). The machines' exam columns are views of the kit's
 * exam table (on shared memory when the reader made it; copied there once otherwise), so the
 * workers read them without a copy; `kit.exams` is never materialised.
 */
export async function computeCampaignParallel(
  kit: Kit,
  options: ParallelOptions = {},
): Promise<CampaignComputation> {
  const threads = options.threads ?? availableParallelism();
  const parallel = threads > 1 && examCount(kit) >= PARALLEL_MIN_EXAMS && canRunInParallel();
  const columns = kitColumns(kit, { shared: parallel });
  const results = await computeMachines(columns, kit.campaign, { threads: parallel ? threads : 1 });
  return assembleCampaign(kit, results);
}
