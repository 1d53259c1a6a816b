/**
 * Opens plateau's store: embedded PGlite in a data folder by default, or a PostgreSQL server
 * when a `postgres://` URL is given. Both get the same schema through the same migrations; the
 * rest of plateau only sees a `Store`.
 */
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Db, Engine } from './db.ts';
import { StoreError } from './errors.ts';
import { migrate, schemaTag } from './migrate.ts';
import { dataFolderState, openPgliteDb } from './pglite/pglite-db.ts';
import { openPostgresDb, redactUrl } from './postgres/postgres-db.ts';
import { lockStore } from './store-lock.ts';
import type { StoreHolder, StoreLock } from './store-lock.ts';

/** The data folder used when neither `--data` nor `PLATEAU_DATA` says otherwise. */
export const DEFAULT_DATA_DIR = './plateau-data';

/** An open, migrated store. Close it when done (PGlite flushes its files on close). */
export interface Store {
  readonly db: Db;
  readonly engine: Engine;
  /** The data folder (absolute) or the server URL with its password hidden. */
  readonly location: string;
  /**
   * Adds to what this process tells others who find the data folder held (a server's URL, so
   * that a CLI can hand it its work). Nothing for an in-memory store or a PostgreSQL server.
   */
  announce?(update: Pick<StoreHolder, 'url'>): void;
  close(): Promise<void>;
}

export interface OpenStoreOptions {
  /** PGlite data folder (created when missing); `memory://` for a throwaway in-memory store. */
  dataDir?: string;
  /** `postgres://…` URL of a PostgreSQL server; when given, `dataDir` is ignored. */
  url?: string;
  /**
   * PGlite only: the template (a migrated empty store) a new data folder is unpacked from
   * instead of running initdb, or false for none. Default: a per-machine cache in plateau's
   * `node_modules/.cache/plateau/`, written the first time a data folder is created.
   */
  pgliteTemplate?: string | false;
  /**
   * PGlite only: false to refuse (`StoreError` `no-store`) a data folder that is missing or
   * holds no store, creating nothing, for commands that only read. Default true.
   */
  create?: boolean;
  /** PGlite only: what this process runs, as the lock shows it to others (default from argv). */
  command?: string;
  /**
   * PostgreSQL only: false to open without touching the schema (a server's app role may not
   * create tables; `schemaStatus` then says whether the owner must run `plateau migrate`).
   * Default true.
   */
  migrate?: boolean;
}

/**
 * The data folder to use: the `--data` flag, else `PLATEAU_DATA`, else `./plateau-data`,
 * resolved against the working directory.
 *
 * @example
 * resolveDataDir(undefined, { PLATEAU_DATA: '/srv/plateau' }); // '/srv/plateau'
 */
export function resolveDataDir(
  flag?: string,
  env: Record<string, string | undefined> = process.env,
): string {
  const chosen = flag?.trim() || env['PLATEAU_DATA']?.trim() || DEFAULT_DATA_DIR;
  return chosen.startsWith('memory://') ? chosen : resolve(chosen);
}

/**
 * Opens the store and brings its schema up to date. Refuses (`StoreError` `newer-schema`) a
 * store written by a newer plateau, (`open-failed`) a folder or server it cannot open,
 * (`locked`) a data folder another process holds, and (`no-store`, with `create: false`) a data
 * folder that holds no store. A data folder is this process's alone until `close()`.
 *
 * @example
 * const store = await openStore({ dataDir: resolveDataDir(flags.data) });
 * try { … } finally { await store.close(); }
 */
export async function openStore(options: OpenStoreOptions = {}): Promise<Store> {
  let db: Db;
  let location: string;
  let lock: StoreLock | null = null;
  if (options.url !== undefined) {
    if (!/^postgres(ql)?:\/\//.test(options.url)) {
      throw new StoreError(
        'open-failed',
        `not a PostgreSQL URL: ${redactUrl(options.url)} (expected postgres://user@host:port/database)`,
      );
    }
    db = await openPostgresDb(options.url);
    location = redactUrl(options.url);
    if (options.migrate === false)
      return { db, engine: db.engine, location, close: () => db.close() };
  } else {
    location = resolveDataDir(options.dataDir);
    if (!location.startsWith('memory://')) lock = await lockFolder(location, options);
    try {
      // A new folder starts from a cached template that already holds this schema.
      db = await openPgliteDb(location, {
        template: options.pgliteTemplate,
        templateTag: schemaTag(),
        prepare: migrate,
      });
    } catch (error) {
      await lock?.release();
      throw error;
    }
  }
  return migrated(db, location, lock);
}

/**
 * Takes the lock of the data folder `dir`, creating the folder unless `create` is false (then a
 * folder without a store is refused).
 */
async function lockFolder(dir: string, options: OpenStoreOptions): Promise<StoreLock> {
  if (options.create === false && dataFolderState(dir) !== 'store') {
    throw new StoreError('no-store', `there is no store in ${dir}`);
  }
  try {
    mkdirSync(dir, { recursive: true });
  } catch (cause) {
    throw new StoreError(
      'open-failed',
      `cannot create the data folder ${dir}: ${(cause as Error).message}`,
      { cause },
    );
  }
  return lockStore(dir, options.command !== undefined ? { command: options.command } : {});
}

/** The store over `db` once its schema is up to date; closing it lets the lock go. */
async function migrated(db: Db, location: string, lock: StoreLock | null): Promise<Store> {
  const close = async (): Promise<void> => {
    try {
      await db.close();
    } finally {
      await lock?.release();
    }
  };
  try {
    await migrate(db);
  } catch (error) {
    await close();
    throw error;
  }
  return {
    db,
    engine: db.engine,
    location,
    ...(lock ? { announce: (update: Pick<StoreHolder, 'url'>) => lock.announce(update) } : {}),
    close,
  };
}
