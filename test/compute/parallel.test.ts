// The parallel engine gives exactly the single-threaded figures. Worker threads load the
// compiled build (dist/, made by `npm install`); from TypeScript sources they cannot start,
// so this suite drives dist/ and is skipped, with the reason, when no build is there.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { computeCampaignDetailed } from '../../src/core/indicators/index.ts';
import { generateKit } from '../../src/generate/index.ts';
import { balancedBatches, canRunInParallel } from '../../src/compute/parallel.ts';
import { kitColumns } from '../../src/core/indicators/machine-columns.ts';
import type * as ParallelModule from '../../src/compute/parallel.ts';
import type * as ColumnsModule from '../../src/core/indicators/machine-columns.ts';
import type * as IndicatorsModule from '../../src/core/indicators/index.ts';

const dist = join(import.meta.dirname, '../../dist/compute/parallel.js');
const built = existsSync(dist);

describe('balanced batches', () => {
  it('spreads machines over threads by exam count, keeping every machine once', () => {
    const kit = generateKit({ seed: 7, machines: 30, days: 7 });
    const cols = kitColumns(kit);
    const batches = balancedBatches(cols, 3);
    expect(batches).toHaveLength(3);
    expect(
      batches
        .flat()
        .map((c) => c.equipment.equipmentId)
        .sort(),
    ).toEqual(cols.map((c) => c.equipment.equipmentId).sort());
    const loads = batches.map((b) => b.reduce((n, c) => n + c.roomIn.length, 0));
    expect(Math.max(...loads) - Math.min(...loads)).toBeLessThanOrEqual(
      Math.max(...cols.map((c) => c.roomIn.length)) + 200,
    );
  });
  it('computes in this thread when running from sources', () => {
    expect(canRunInParallel()).toBe(false);
  });
});

describe.skipIf(!built)('worker threads (dist/ build)', () => {
  it('give the same figures as one thread', async () => {
    const parallel = (await import(pathToFileURL(dist).href)) as typeof ParallelModule;
    const columns = (await import(
      pathToFileURL(join(import.meta.dirname, '../../dist/core/indicators/machine-columns.js')).href
    )) as typeof ColumnsModule;
    const indicators = (await import(
      pathToFileURL(join(import.meta.dirname, '../../dist/core/indicators/index.js')).href
    )) as typeof IndicatorsModule;
    expect(parallel.canRunInParallel()).toBe(true);
    const kit = generateKit({ seed: 11, machines: 24, days: 14 });
    const results = await parallel.computeMachines(
      columns.kitColumns(kit, { shared: true }),
      kit.campaign,
      { threads: 2 },
    );
    const got = indicators.assembleCampaign(kit, results);
    const expected = computeCampaignDetailed(kit);
    expect(JSON.parse(JSON.stringify(got.indicators))).toEqual(
      JSON.parse(JSON.stringify(expected.indicators)),
    );
    expect([...got.samples.keys()]).toEqual([...expected.samples.keys()]);
  });
});
