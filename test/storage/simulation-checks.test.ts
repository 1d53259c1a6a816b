// The stored status-quo checks: replaced whole, read back as written, and cleared by an import
// that changes the campaign's records (kept by one that changes nothing, and other campaigns' kept).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Estimate, Figures, FigureKey, StatusQuo } from '../../src/plan/simulation/types.ts';
import { FIGURE_KEYS } from '../../src/plan/simulation/types.ts';
import { importKit } from '../../src/storage/import-kit.ts';
import type { Store } from '../../src/storage/open-store.ts';
import type { SimulationCheckWrite } from '../../src/storage/simulation-checks.ts';
import {
  loadSimulationChecks,
  replaceSimulationChecks,
} from '../../src/storage/simulation-checks.ts';
import type { TestPlace } from './engines.ts';
import { ENGINES } from './engines.ts';
import { smallKit } from './small-kit.ts';

function statusQuo(occupancy: number, reproduces: boolean): StatusQuo {
  const observed = Object.fromEntries(FIGURE_KEYS.map((k) => [k, null])) as Figures;
  observed['occupancy.programmed'] = 0.8;
  const simulated = Object.fromEntries(
    FIGURE_KEYS.map((k) => [k, { mean: null, ci95: null }]),
  ) as Record<FigureKey, Estimate>;
  simulated['occupancy.programmed'] = {
    mean: occupancy,
    ci95: [occupancy - 0.01, occupancy + 0.01],
  };
  const failing = reproduces
    ? []
    : [
        {
          figure: 'occupancy.programmed' as const,
          observed: 0.8,
          simulated: occupancy,
          tolerance: 0.04,
        },
      ];
  return { observed, simulated, reproduces, failing };
}

const check = (
  equipmentId: string,
  occupancy: number,
  reproduces: boolean,
): SimulationCheckWrite => {
  const sq = statusQuo(occupancy, reproduces);
  return {
    equipmentId,
    reproduces,
    failing: sq.failing,
    statusQuo: sq,
    replications: 20,
    seed: 2 ** 40 + 3,
  };
};

describe.each(ENGINES)('simulation checks on $name', ({ place: makePlace }) => {
  let place: TestPlace;
  let store: Store;
  beforeAll(async () => {
    place = await makePlace();
    store = await place.open();
    await importKit(store, smallKit('checks-a'));
    await importKit(store, smallKit('checks-b'));
  });
  afterAll(async () => {
    await store?.close();
    await place?.dispose();
  });

  it('replaces the set whole and reads it back as written', async () => {
    expect(await loadSimulationChecks(store, 'checks-a')).toEqual([]);
    await replaceSimulationChecks(store, 'checks-a', [
      check('MR1', 0.6, false),
      check('CT1', 0.79, true),
    ]);
    await replaceSimulationChecks(store, 'checks-a', [
      check('MR1', 0.5, false),
      check('CT1', 0.81, true),
    ]);
    const read = await loadSimulationChecks(store, 'checks-a');
    expect(read.map((c) => c.equipmentId)).toEqual(['CT1', 'MR1']);
    const mr = read[1]!;
    expect(mr.reproduces).toBe(false);
    expect(mr.failing).toEqual([
      { figure: 'occupancy.programmed', observed: 0.8, simulated: 0.5, tolerance: 0.04 },
    ]);
    expect(mr.statusQuo).toEqual(statusQuo(0.5, false));
    expect(mr.seed).toBe(2 ** 40 + 3);
    expect(mr.replications).toBe(20);
    expect(mr.computedAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
    await replaceSimulationChecks(store, 'checks-b', [check('CT1', 0.8, true)]);
  });

  it('keeps the checks through an import that changes nothing, and clears them when the records change', async () => {
    await importKit(store, smallKit('checks-a'));
    expect(await loadSimulationChecks(store, 'checks-a')).toHaveLength(2);
    const changed = smallKit('checks-a');
    changed.exams = changed.exams.slice(1);
    const summary = await importKit(store, changed);
    expect(summary.exams.removed).toBe(1);
    expect(await loadSimulationChecks(store, 'checks-a')).toEqual([]);
    expect(await loadSimulationChecks(store, 'checks-b')).toHaveLength(1);
  });
});
