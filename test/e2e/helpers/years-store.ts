/**
 * A PGlite store holding three demo years of a smaller synthetic national campaign (issue 16:
 * `generateKit({ year })`), for the trend pages' end-to-end suite. Built once into a snapshot
 * shared across runs (national-store.ts's `cachedStoreCopy`: under a lock, keyed by the source
 * hash); each file gets its own copy.
 */
import { generateKit } from '../../../src/generate/index.ts';
import type { GenerateOptions } from '../../../src/generate/options.ts';
import { importKit } from '../../../src/storage/index.ts';
import { cachedStoreCopy } from './national-store.ts';

/** The demo years' options but the year: 120 machines keep the store small (both modalities, most regions). */
export const YEARS_OPTIONS: GenerateOptions = { seed: 2010, machines: 120 };

/** The campaigns' ids, year 1 to 3. */
export const YEAR_IDS = ['synthetic-2010', 'synthetic-2010-y2', 'synthetic-2010-y3'] as const;

/**
 * A fresh PGlite data folder (inside `parent`) holding years 1, 2 and 3.
 *
 * @example
 * const server = await startE2eServer(yearsStoreCopy);
 */
export async function yearsStoreCopy(parent: string): Promise<string> {
  return cachedStoreCopy(parent, 'years', async (store) => {
    for (const year of [1, 2, 3]) {
      await importKit(store, generateKit({ ...YEARS_OPTIONS, year }), {
        source: `e2e: generated demo year ${year} (seed 2010, 120 machines)`,
      });
    }
  });
}
