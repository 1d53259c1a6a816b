/**
 * The status-quo check of every machine on several cores: machines are independent (each is
 * calibrated and replayed alone, with its own seeded streams), so they are split into batches of
 * about the same number of exams, one per worker thread. The checks are identical to the
 * one-thread run's; only the wall time changes.
 */
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Kit } from '../core/kit-types.ts';
import type { RunSimulationOptions } from '../plan/simulation/runner.ts';
import type { MachineRecords } from '../plan/simulation/types.ts';
import type { StatusQuoCheck } from './simulation.ts';
import { machineRecordsOfKit } from './simulation.ts';

export type CheckOptions = Pick<RunSimulationOptions, 'replications' | 'seed'>;

export interface SimulationWorkerRequest {
  id: number;
  options: CheckOptions;
  machines: MachineRecords[];
}

/** After each machine its id (`done`), then the batch's checks, or the failure. */
export type SimulationWorkerResponse =
  | { id: number; done: string }
  | { id: number; checks: StatusQuoCheck[] }
  | { id: number; error: string };

/** The compiled worker script, or null when running from TypeScript sources (tests). */
function workerScript(): URL | null {
  const url = new URL('./simulation-worker.js', import.meta.url);
  return import.meta.url.endsWith('.js') && existsSync(fileURLToPath(url)) ? url : null;
}

function runBatch(
  script: URL,
  request: SimulationWorkerRequest,
  onDone: (equipmentId: string) => void,
): Promise<StatusQuoCheck[]> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(script);
    worker.on('message', (response: SimulationWorkerResponse) => {
      if ('done' in response) return onDone(response.done);
      void worker.terminate();
      if ('error' in response) reject(new Error(`simulation worker failed: ${response.error}`));
      else resolve(response.checks);
    });
    worker.once('error', reject);
    worker.postMessage(request);
  });
}

/**
 * Every machine's status-quo check on `threads` worker threads (default: the available
 * parallelism), in the kit's equipment order, `onMachine` called as each is done; null when this build cannot start workers (from
 * TypeScript sources) so that the caller runs them in its own thread.
 */
export async function statusQuoChecksParallel(
  kit: Kit,
  options: CheckOptions,
  parallel: {
    threads?: number;
    onMachine?: (done: number, total: number, equipmentId: string) => void;
  } = {},
): Promise<StatusQuoCheck[] | null> {
  const script = workerScript();
  const threads = Math.max(
    1,
    Math.min(parallel.threads ?? availableParallelism(), kit.equipment.length),
  );
  if (script === null || threads < 2) return null;
  const counts = new Map<string, number>();
  for (const e of kit.exams) counts.set(e.equipmentId, (counts.get(e.equipmentId) ?? 0) + 1);
  // Largest first, each to the lightest batch; each batch remembers the machines' places.
  const batches: { at: number[]; machines: MachineRecords[]; load: number }[] = Array.from(
    { length: threads },
    () => ({ at: [], machines: [], load: 0 }),
  );
  const order = kit.equipment
    .map((m, i) => ({ m, i, n: counts.get(m.equipmentId) ?? 0 }))
    .sort((a, b) => b.n - a.n || a.i - b.i);
  const split = splitKit(kit);
  for (const { m, i, n } of order) {
    const lightest = batches.reduce((best, b) => (b.load < best.load ? b : best));
    lightest.at.push(i);
    lightest.machines.push(split(m.equipmentId));
    lightest.load += n + 1;
  }
  const used = batches.filter((b) => b.machines.length > 0);
  let done = 0;
  const onDone = (equipmentId: string): void =>
    parallel.onMachine?.(++done, kit.equipment.length, equipmentId);
  const answers = await Promise.all(
    used.map((b, id) => runBatch(script, { id, options, machines: b.machines }, onDone)),
  );
  const out = new Array<StatusQuoCheck>(kit.equipment.length);
  used.forEach((b, k) =>
    b.at.forEach((i, j) => (out[i] = (answers[k] as StatusQuoCheck[])[j] as StatusQuoCheck)),
  );
  return out;
}

/** The records of each machine of a kit, split in one pass (`machineRecordsOfKit` per machine). */
function splitKit(kit: Kit): (equipmentId: string) => MachineRecords {
  const groups = new Map<string, Kit>();
  for (const m of kit.equipment)
    groups.set(m.equipmentId, { ...kit, equipment: [m], sessions: [], exams: [], slots: [] });
  for (const s of kit.sessions) groups.get(s.equipmentId)?.sessions.push(s);
  for (const e of kit.exams) groups.get(e.equipmentId)?.exams.push(e);
  for (const s of kit.slots ?? []) groups.get(s.equipmentId)?.slots?.push(s);
  return (id) => machineRecordsOfKit(groups.get(id) as Kit, [id]) as MachineRecords;
}
