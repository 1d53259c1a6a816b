// Volume, when PLATEAU_STORAGE_VOLUME=1: the national-scale campaign of the 2010 report (517
// machines, about 270,000 exams) imported on every engine, with its timings printed. A campaign
// spanning several bulk-write chunks is tested in every run, in import-kit.test.ts.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { importKit } from '../../src/storage/import-kit.ts';
import type { ImportSummary } from '../../src/storage/import-kit.ts';
import type { Store } from '../../src/storage/open-store.ts';
import { loadResults } from '../../src/storage/queries.ts';
import { ENGINES } from './engines.ts';
import type { TestPlace } from './engines.ts';
import { syntheticKit } from './synthetic-kit.ts';

const timings = (s: ImportSummary) =>
  Object.entries(s.timings)
    .map(([k, v]) => `${k} ${(v / 1000).toFixed(1)} s`)
    .join(', ');

describe.each(ENGINES)('volume on $name', ({ name, place: makePlace }) => {
  let place: TestPlace;
  let store: Store;
  beforeEach(async () => {
    place = await makePlace();
    store = await place.open();
  });
  afterEach(async () => {
    await store.close();
    await place.dispose();
  });

  it.skipIf(!process.env['PLATEAU_STORAGE_VOLUME'])(
    'imports 270,000 exams (set PLATEAU_STORAGE_VOLUME=1; minutes of CPU, so not in every run)',
    async () => {
      const kit = syntheticKit({ machines: 517, examsPerMachine: 522 });
      const first = await importKit(store, kit);
      console.log(
        `${name}: first import of ${kit.exams.length} exams, ${kit.sessions.length} sessions: ${timings(first)}`,
      );
      const again = await importKit(store, kit);
      console.log(`${name}: unchanged re-import: ${timings(again)}`);
      const started = performance.now();
      const results = await loadResults(store, kit.campaign.id);
      console.log(
        `${name}: loadResults of ${results?.machines.length} machines: ${(performance.now() - started).toFixed(0)} ms`,
      );
      expect(first.exams.inserted).toBe(kit.exams.length);
      expect(again.exams.unchanged).toBe(kit.exams.length);
      expect(results?.machines).toHaveLength(517);
    },
    900_000,
  );
});
