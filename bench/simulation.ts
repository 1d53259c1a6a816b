/**
 * The capacity simulation's speed (issue 13): the engine's events per second on a busy machine of
 * the national campaign (seed 2010), the machine with the most exams, calibrated on its own
 * campaign, several runs of R replications of its status quo, median; then the national status-quo
 * run: every machine of the campaign calibrated alone and replayed 20 times (the `plateau simulate
 * --all` work, without the store), timed: wall seconds, events per second, share reproducing.
 *
 * Events per second count the engine only (`simulate`, calibration and figures aside), from the
 * events it took off its calendar; the national run's figure is over its whole wall time.
 */
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Kit } from '../src/core/kit-types.ts';
import { machineRecordsOfKit, statusQuoChecksOfKit } from '../src/compute/simulation.ts';
import { statusQuoChecksParallel } from '../src/compute/simulation-parallel.ts';
import { writeGeneratedKit } from '../src/generate/index.ts';
import { readKitDir } from '../src/ingest/kit/read-kit.ts';
import { calibrate } from '../src/plan/simulation/calibrate.ts';
import { simulate } from '../src/plan/simulation/engine.ts';
import { defaultWarmupWeeks } from '../src/plan/simulation/runner.ts';

/** One measured figure. */
export interface SimulationBenchRow {
  what: string;
  size: string;
  runs: number;
  /** Median wall time of a run (ms). */
  medianMs: number;
  /** What the run gives: events per second, share reproducing… */
  rate: string;
}

const median = (values: number[]): number => {
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
};
const millions = (r: number): string => `${(r / 1e6).toFixed(2)} M`;
const fmt = (n: number): string => n.toLocaleString('en-US');

/** Replications per engine run (about half a second), and engine runs measured (after one warm-up run). */
const ENGINE_REPLICATIONS = 100;
const ENGINE_RUNS = 7;
/** The national status-quo run's replications (the spec's minimum). */
const NATIONAL_REPLICATIONS = 20;

/** Events per second of the engine on the kit's busiest machine (most exams). */
function engineRate(kit: Kit): SimulationBenchRow {
  const counts = new Map<string, number>();
  for (const e of kit.exams) counts.set(e.equipmentId, (counts.get(e.equipmentId) ?? 0) + 1);
  const [busiest, exams] = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0] as [
    string,
    number,
  ];
  const records = machineRecordsOfKit(kit, [busiest]);
  if (!records) throw new Error(`machine ${busiest} has no records`);
  const model = calibrate(records);
  const weeks = model.gridWeeks;
  const warmupWeeks = defaultWarmupWeeks(model);
  const rates: number[] = [];
  const walls: number[] = [];
  let events = 0;
  for (let run = 0; run <= ENGINE_RUNS; run++) {
    (globalThis as { gc?: () => void }).gc?.();
    let n = 0;
    const t = performance.now();
    for (let r = 0; r < ENGINE_REPLICATIONS; r++)
      n += simulate(model, { seed: 1 + run, replication: r, warmupWeeks, weeks }).events;
    const ms = performance.now() - t;
    if (run === 0) continue; // warms the JIT
    events = n;
    walls.push(ms);
    rates.push(n / (ms / 1000));
  }
  const rate = median(rates);
  console.log(
    `engine on ${busiest} (${fmt(exams)} exams, ${weeks} + ${warmupWeeks} warm-up weeks): median ${millions(rate)} events/s over ${ENGINE_RUNS} runs of ${ENGINE_REPLICATIONS} replications  [${rates.map(millions).join(', ')}]`,
  );
  return {
    what: `engine: busiest machine, ${ENGINE_REPLICATIONS} replications`,
    size: `${busiest}, ${fmt(exams)} exams, ${fmt(events)} events a run`,
    runs: ENGINE_RUNS,
    medianMs: median(walls),
    rate: `${millions(rate)} events/s`,
  };
}

/** The national status-quo run, in this thread and on worker threads when the build allows. */
async function nationalRun(kit: Kit): Promise<SimulationBenchRow[]> {
  const rows: SimulationBenchRow[] = [];
  const options = { replications: NATIONAL_REPLICATIONS, seed: 1 };
  (globalThis as { gc?: () => void }).gc?.();
  let t = performance.now();
  const checks = statusQuoChecksOfKit(kit, options);
  let ms = performance.now() - t;
  const events = checks.reduce((n, c) => n + c.events, 0);
  const engineSeconds = checks.reduce((n, c) => n + c.seconds, 0);
  const reproduce = checks.filter((c) => c.reproduces).length;
  const share = `${reproduce} of ${checks.length} reproduce (${((100 * reproduce) / checks.length).toFixed(1)} %)`;
  console.log(
    `national status quo, one thread: ${(ms / 1000).toFixed(1)} s, ${fmt(events)} events, ${millions(events / (ms / 1000))} events/s overall (${millions(events / engineSeconds)} in the engine); ${share}`,
  );
  const byFigure = new Map<string, number>();
  for (const c of checks)
    for (const f of c.failing) byFigure.set(f.figure, (byFigure.get(f.figure) ?? 0) + 1);
  console.log(
    `  failing figures: ${[...byFigure].map(([f, n]) => `${f} ${n}`).join(', ') || 'none'}`,
  );
  for (const c of checks.filter((x) => !x.reproduces).slice(0, 12)) {
    const why = c.failing.map(
      (f) =>
        `${f.figure} observed ${f.observed.toFixed(2)} simulated ${f.simulated.toFixed(2)} (±${f.tolerance.toFixed(2)})`,
    );
    console.log(`  ${c.equipmentId}: ${why.join('; ')}`);
  }
  rows.push({
    what: `national status quo, ${NATIONAL_REPLICATIONS} replications, one thread`,
    size: `${checks.length} machines, ${fmt(kit.exams.length)} exams, ${fmt(events)} events`,
    runs: 1,
    medianMs: ms,
    rate: `${millions(events / (ms / 1000))} events/s; ${share}`,
  });
  const threads = availableParallelism();
  if (threads > 1) {
    (globalThis as { gc?: () => void }).gc?.();
    t = performance.now();
    const parallel = await statusQuoChecksParallel(kit, options, { threads });
    ms = performance.now() - t;
    if (parallel === null) {
      console.log(
        'national status quo on worker threads: skipped (running from TypeScript sources)',
      );
      return rows;
    }
    const same = parallel.every(
      (c, i) =>
        c.reproduces === checks[i]?.reproduces &&
        JSON.stringify(c.statusQuo) === JSON.stringify(checks[i]?.statusQuo),
    );
    if (!same) throw new Error('the status quo on worker threads differs from the one-thread run');
    console.log(
      `national status quo, ${threads} worker threads: ${(ms / 1000).toFixed(1)} s (${millions(events / (ms / 1000))} events/s), same checks`,
    );
    rows.push({
      what: `national status quo, ${NATIONAL_REPLICATIONS} replications, ${threads} worker threads`,
      size: `${checks.length} machines`,
      runs: 1,
      medianMs: ms,
      rate: `${millions(events / (ms / 1000))} events/s; same checks`,
    });
  }
  return rows;
}

/**
 * Runs the simulation benches on the national campaign, generated into `root`.
 *
 * @example
 * console.log(simulationTable(await benchSimulation(root)));
 */
export async function benchSimulation(root: string): Promise<SimulationBenchRow[]> {
  const dir = join(root, 'simulation-campaign');
  const written = await writeGeneratedKit(dir, { seed: 2010 });
  const read = await readKitDir(dir);
  if (!read.kit) throw new Error('the generated campaign does not read back without errors');
  console.log(
    `national campaign: ${fmt(written.exams)} exams, ${read.kit.equipment.length} machines`,
  );
  return [engineRate(read.kit), ...(await nationalRun(read.kit))];
}

/** The rows as a Markdown table. */
export function simulationTable(rows: readonly SimulationBenchRow[]): string {
  const time = (v: number): string =>
    v >= 1000 ? `${(v / 1000).toFixed(2)} s` : `${v.toFixed(1)} ms`;
  return [
    '| Simulation | size | runs | median (wall) | throughput |',
    '|---|---|---|---|---|',
    ...rows.map((r) => `| ${r.what} | ${r.size} | ${r.runs} | ${time(r.medianMs)} | ${r.rate} |`),
  ].join('\n');
}
