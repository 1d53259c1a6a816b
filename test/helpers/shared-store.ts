// One open store per data folder for a whole test file. The CLI run in process (run-cli.ts)
// opens the store of its --data folder at every command, and opening PGlite costs about a
// second; a file whose steps follow one another on one store mocks open-store.ts with this:
//
//   vi.mock('../../src/storage/open-store.ts', async (actual) =>
//     (await import('../helpers/shared-store.ts')).sharingOpenStore(await actual()));
//   afterAll(closeSharedStores);
//
// The first open of a folder is the real one (so a refused command still creates nothing, and
// `create: false` still refuses a folder without a store); later opens get that same store, whose
// `close()` waits for `closeSharedStores()`. In-memory stores and server URLs are opened as usual.
import type * as OpenStoreModule from '../../src/storage/open-store.ts';
import type { OpenStoreOptions, Store } from '../../src/storage/open-store.ts';

/** The real stores, by data folder, and how to close them. */
const shared = new Map<string, Promise<Store>>();

/** `open-store.ts` with an `openStore` that hands back one open store per data folder. */
export function sharingOpenStore(actual: typeof OpenStoreModule): typeof OpenStoreModule {
  const openStore = async (options: OpenStoreOptions = {}): Promise<Store> => {
    if (options.url !== undefined) return actual.openStore(options);
    const dir = actual.resolveDataDir(options.dataDir);
    if (dir.startsWith('memory://')) return actual.openStore(options);
    let opening = shared.get(dir);
    if (!opening) {
      opening = actual.openStore(options);
      shared.set(dir, opening);
      // A refused open (no store, locked…) is not kept: the next one tries again for real.
      opening.catch(() => shared.delete(dir));
    }
    const store = await opening;
    return { ...store, close: () => Promise.resolve() };
  };
  return { ...actual, openStore };
}

/** Closes the stores opened through `sharingOpenStore` (afterAll). */
export async function closeSharedStores(): Promise<void> {
  const stores = [...shared.values()];
  shared.clear();
  for (const opening of stores) {
    const store = await opening.catch(() => null);
    await store?.close();
  }
}
