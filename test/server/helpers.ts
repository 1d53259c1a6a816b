// Shared pieces of the server tests: a throwaway store, a kit's files as an upload would send
// them, multipart forms, polling an upload until it settles, and a store whose database can be
// made to fail or watched.
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { PlateauApp } from '../../src/server/app.ts';
import type { Kit } from '../../src/core/kit-types.ts';
import type { UploadStatus } from '../../src/core/views/types.ts';
import { writeKitDir } from '../../src/ingest/kit/write-kit.ts';
import type { Db, Store } from '../../src/storage/index.ts';
import { openStore } from '../../src/storage/index.ts';

/**
 * A throwaway store: a fresh data folder unpacked from plateau's cached empty-store template
 * (an in-memory store runs initdb, ~6 s on these machines), removed when the store is closed.
 */
export async function memoryStore(): Promise<Store> {
  const dir = await mkdtemp(join(tmpdir(), 'plateau-server-test-'));
  const store = await openStore({ dataDir: dir });
  const close = store.close.bind(store);
  return Object.assign(store, {
    close: async () => {
      try {
        await close();
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    },
  });
}

/** The files of a folder, by name. */
export async function filesOf(dir: string): Promise<Map<string, Uint8Array>> {
  const out = new Map<string, Uint8Array>();
  for (const name of (await readdir(dir)).sort())
    out.set(name, new Uint8Array(await readFile(join(dir, name))));
  return out;
}

/** The files `writeKitDir` writes for `kit`, by name. */
export async function kitFiles(kit: Kit): Promise<Map<string, Uint8Array>> {
  const dir = await mkdtemp(join(tmpdir(), 'plateau-upload-'));
  try {
    await writeKitDir(dir, kit);
    return await filesOf(dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** A multipart form with one `files` field per file, named `prefix + name`. */
export function uploadForm(files: ReadonlyMap<string, Uint8Array>, prefix = ''): FormData {
  const form = new FormData();
  for (const [name, bytes] of files)
    form.append('files', new Blob([new Uint8Array(bytes)]), prefix + name);
  return form;
}

export async function json<T>(response: Response): Promise<T> {
  return (await response.json()) as T;
}

/** Polls an upload until it is done, rejected or failed. */
export async function settled(
  app: PlateauApp,
  id: string,
  timeoutMs = 60_000,
): Promise<UploadStatus> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const status = await json<UploadStatus>(await app.request(`/api/uploads/${id}`));
    if (status.state === 'done' || status.state === 'rejected' || status.state === 'failed')
      return status;
    if (Date.now() > deadline)
      throw new Error(`upload ${id} still ${status.state} after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** `store` with its database wrapped by `wrap` (the same store underneath). */
export function wrappedStore(store: Store, wrap: Partial<Db>): Store {
  const db = store.db;
  const wrapped: Db = {
    engine: db.engine,
    query: db.query.bind(db),
    exec: db.exec.bind(db),
    transaction: db.transaction.bind(db),
    close: db.close.bind(db),
    ...wrap,
  };
  return { ...store, db: wrapped };
}
