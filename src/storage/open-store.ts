/**
 * Opens plateau's store: embedded PGlite in a data folder by default, or a PostgreSQL server
 * when a `postgres://` URL is given. Both get the same schema through the same migrations; the
 * rest of plateau only sees a `Store`.
 */
import { resolve } from 'node:path';
import type { Db, Engine } from './db.ts';
import { StoreError } from './errors.ts';
import { migrate, schemaTag } from './migrate.ts';
import { openPgliteDb } from './pglite/pglite-db.ts';
import { openPostgresDb, redactUrl } from './postgres/postgres-db.ts';

/** The data folder used when neither `--data` nor `PLATEAU_DATA` says otherwise. */
export const DEFAULT_DATA_DIR = './plateau-data';

/** An open, migrated store. Close it when done (PGlite flushes its files on close). */
export interface Store {
  readonly db: Db;
  readonly engine: Engine;
  /** The data folder (absolute) or the server URL with its password hidden. */
  readonly location: string;
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
 * store written by a newer plateau, and (`open-failed`) a folder or server it cannot open.
 *
 * @example
 * const store = await openStore({ dataDir: resolveDataDir(flags.data) });
 * try { … } finally { await store.close(); }
 */
export async function openStore(options: OpenStoreOptions = {}): Promise<Store> {
  let db: Db;
  let location: string;
  if (options.url !== undefined) {
    if (!/^postgres(ql)?:\/\//.test(options.url)) {
      throw new StoreError(
        'open-failed',
        `not a PostgreSQL URL: ${redactUrl(options.url)} (expected postgres://user@host:port/database)`,
      );
    }
    db = await openPostgresDb(options.url);
    location = redactUrl(options.url);
  } else {
    location = resolveDataDir(options.dataDir);
    // A new folder starts from a cached template that already holds this schema.
    db = await openPgliteDb(location, {
      template: options.pgliteTemplate,
      templateTag: schemaTag(),
      prepare: migrate,
    });
  }
  try {
    await migrate(db);
  } catch (error) {
    await db.close();
    throw error;
  }
  return { db, engine: db.engine, location, close: () => db.close() };
}
