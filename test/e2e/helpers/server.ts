/**
 * plateau's real server for the end-to-end suites: a copy of the national campaign's store,
 * `startServer` on a free loopback port, and the built web app (dist/web) as its web root.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer } from '../../../src/server/index.ts';
import type { Store } from '../../../src/storage/index.ts';
import { openStore } from '../../../src/storage/index.ts';
import { nationalStoreCopy } from './national-store.ts';

/** The built web app the server hands to the browser. */
export const WEB_ROOT = join(import.meta.dirname, '../../../dist/web');

/** A running server over its own store; `close()` stops it and deletes the store. */
export interface E2eServer {
  url: string;
  store: Store;
  close(): Promise<void>;
}

/**
 * Starts plateau's server over a fresh copy of the national campaign's store (or of the store
 * `storeCopy` makes inside the folder it is given, e.g. the demo years').
 * Throws when the web app was not built (dist/web/index.html).
 *
 * @example
 * const server = await startE2eServer();
 * await fetch(`${server.url}/api/campaigns`);
 * await server.close();
 */
export async function startE2eServer(
  storeCopy: (parent: string) => Promise<string> = nationalStoreCopy,
): Promise<E2eServer> {
  if (!existsSync(join(WEB_ROOT, 'index.html'))) {
    throw new Error(
      `the web app is not built (no ${join(WEB_ROOT, 'index.html')}): run npm run build`,
    );
  }
  const dir = mkdtempSync(join(tmpdir(), 'plateau-e2e-'));
  let store: Store | null = null;
  try {
    store = await openStore({ dataDir: await storeCopy(dir) });
    const running = await startServer({ store, port: 0, host: '127.0.0.1', webRoot: WEB_ROOT });
    const opened = store;
    return {
      url: running.url.replace(/\/$/, ''),
      store: opened,
      async close() {
        await running.close();
        await opened.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await store?.close();
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
}
