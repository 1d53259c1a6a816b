// The status quo rule (planning.md §3) on the synthetic national campaign (seed 2010), all its 517
// machines: each machine calibrated on its own records and simulated over 20 replications; the
// share that reproduces its campaign, and why the others do not. All of them: a sample of 44 has a
// standard error of about 4.5 points around 90 %, too wide to judge the rule. The machines are
// independent, so they are shared among worker threads (status-quo-worker.ts, type-stripped): the
// reports are those of one thread (seeded per machine), the wall time about halved on two cores.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { calibrate } from '../../../src/plan/simulation/calibrate.ts';
import { runSimulation } from '../../../src/plan/simulation/runner.ts';
import type { SimulationReport } from '../../../src/plan/simulation/types.ts';
import { ROOT, transpileTree } from '../../helpers/transpile-tree.ts';
import { nationalPlan, nationalRecords } from './records.ts';
import type { StatusQuoAnswer, StatusQuoJob } from './status-quo-worker.ts';

interface Checked {
  index: number;
  label: string;
  report: SimulationReport;
}

const checked: Checked[] = [];

const tmp = mkdtempSync(join(tmpdir(), 'plateau-status-quo-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** The reports of machines `0 … machines - 1` of the national campaign, on `threads` worker threads. */
async function reportsOnThreads(
  seed: number,
  machines: number,
  replications: number,
  threads: number,
): Promise<SimulationReport[]> {
  const code = join(tmp, 'code');
  await transpileTree(join(ROOT, 'test/plan/simulation/status-quo-worker.ts'), code);
  // ES modules without relying on Node's syntax detection.
  writeFileSync(join(code, 'package.json'), '{ "private": true, "type": "module" }\n');
  const reports = new Array<SimulationReport>(machines);
  let next = 0;
  const workers = Array.from(
    { length: Math.min(threads, machines) },
    () => new Worker(join(code, 'test/plan/simulation/status-quo-worker.js')),
  );
  try {
    await Promise.all(
      workers.map(
        (worker) =>
          new Promise<void>((resolve, reject) => {
            // Each thread takes the next machine as soon as it is free.
            const give = (): void => {
              if (next >= machines) return resolve();
              worker.postMessage({
                seed,
                machines,
                index: next++,
                replications,
              } satisfies StatusQuoJob);
            };
            worker.on('message', (answer: StatusQuoAnswer) => {
              if ('error' in answer)
                return reject(new Error(`machine ${answer.index}: ${answer.error}`));
              reports[answer.index] = answer.report;
              give();
            });
            worker.once('error', reject);
            give();
          }),
      ),
    );
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
  return reports;
}

beforeAll(async () => {
  const plan = nationalPlan(2010, 517);
  // Two threads on CI's two cores (vitest runs one file at a time there), at most four elsewhere.
  const reports = await reportsOnThreads(
    2010,
    517,
    20,
    Math.min(4, Math.max(2, availableParallelism())),
  );
  reports.forEach((report, index) => {
    const eq = plan.equipment[index]!;
    checked.push({ index, label: `${eq.equipmentId} ${eq.modality} (${eq.role})`, report });
  });
  const failing = checked.filter((c) => !c.report.statusQuo.reproduces);
  const share = (checked.length - failing.length) / checked.length;
  console.log(
    `status quo: ${checked.length - failing.length}/${checked.length} reproduce (${(100 * share).toFixed(1)} %)\n` +
      failing
        .map(
          (c) =>
            `  ${c.label}, simulated occupancy ${c.report.statusQuo.simulated['occupancy.programmed'].mean?.toFixed(2) ?? '—'}: ` +
            c.report.statusQuo.failing
              .map(
                (f) =>
                  `${f.figure} observed ${f.observed.toFixed(2)}, simulated ${f.simulated.toFixed(2)} (± ${f.tolerance.toFixed(2)})`,
              )
              .join('; '),
        )
        .join('\n'),
  );
}, 300_000);

describe('status quo on the synthetic national campaign', () => {
  it('checks every machine, each failure with the figures that fail', () => {
    expect(checked.length).toBe(517);
    for (const c of checked) {
      expect(c.report.replications).toBe(20);
      expect(c.report.statusQuo.failing.length > 0).toBe(!c.report.statusQuo.reproduces);
    }
  });

  it('has from the threads the reports one thread gives (the first and last machines, here)', () => {
    const plan = nationalPlan(2010, 517);
    for (const index of [0, 516]) {
      const here = runSimulation(calibrate(nationalRecords(plan, index)), [], { replications: 20 });
      const there = checked[index]!.report;
      expect(there.equipmentIds).toEqual(here.equipmentIds);
      expect(there.statusQuo).toEqual(here.statusQuo);
    }
  });

  it('reproduces occupancy and passages within 5 % on at least 90 % of the machines', () => {
    const volumes = checked.filter(
      (c) =>
        !c.report.statusQuo.failing.some(
          (f) => f.figure === 'occupancy.programmed' || f.figure === 'passagesPerWeek',
        ),
    );
    expect(volumes.length / checked.length).toBeGreaterThanOrEqual(0.9);
  });

  it('reproduces the whole rule on at least 90 % of the machines (467 of 517, 90.3 %: CT 308 of 326, MR 159 of 191)', () => {
    expect(
      checked.filter((c) => c.report.statusQuo.reproduces).length / checked.length,
    ).toBeGreaterThanOrEqual(0.9);
  });
});
