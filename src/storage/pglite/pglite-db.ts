/**
 * `Db` over embedded PGlite (PostgreSQL compiled to WebAssembly), file-backed in a data folder.
 * One PGlite instance serves one process: it is single-connection, so PGlite itself queues
 * queries and transactions; a second process on the same folder would lose writes, so
 * `openStore` takes the folder's lock (store-lock.ts) before opening it. A new folder starts from
 * a cached template when there is one (see template.ts), and bulk loads go through binary COPY
 * from an in-memory blob.
 *
 * Durability: PGlite writes through the operating system (Emscripten's NODEFS), and a commit
 * writes its WAL before it returns, so a committed transaction survives the process being killed
 * (kill -9): the next open replays the WAL. PGlite has no fsync (`-F`): a crash of the whole
 * machine may lose the last commits. A folder whose creation was interrupted (marked by
 * `plateau.creating`) is created again on the next open.
 */
import {
  accessSync,
  constants,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import type { Transaction } from '@electric-sql/pglite';
import type { Db, Queryable, Row } from '../db.ts';
import { StoreError } from '../errors.ts';
import { LOCK_FILE } from '../store-lock.ts';
import {
  defaultTemplatePath,
  emptyFolder,
  packFolder,
  unpackInto,
  writeAtomically,
} from './template.ts';

/**
 * PGlite's own start parameters, plus `wal_level = minimal`: rows loaded into a table file
 * created by the same transaction (see `intoEmptyTable`) then need no WAL, about a sixth of a
 * bulk load. PGlite has no replication nor archiving that would need more WAL; crash recovery
 * works as before.
 */
const START_PARAMS = [
  ...PGlite.defaultStartParams,
  '-c',
  'wal_level=minimal',
  '-c',
  'max_wal_senders=0',
];

/** Opens (or creates, by initdb) the PGlite database in `dataDir`. */
function start(dataDir: string): Promise<PGlite> {
  return PGlite.create(dataDir, { startParams: START_PARAMS });
}

/**
 * A Blob whose bytes PGlite reads (through `arrayBuffer()`, all it calls) straight from `bytes`.
 * A plain `new Blob([data])` copies the data, and PGlite's `arrayBuffer()` copies it again: two
 * copies per COPY chunk left to the garbage collector, which let them pile up (300 MB of them on
 * a 1.7 M-exam import, gigabytes on a national year).
 */
class BytesBlob extends Blob {
  readonly #bytes: ArrayBuffer;

  constructor(bytes: ArrayBuffer) {
    super([]);
    this.#bytes = bytes;
  }

  override arrayBuffer(): Promise<ArrayBuffer> {
    return Promise.resolve(this.#bytes);
  }
}

/** `data` as an ArrayBuffer of exactly its bytes (PGlite reads the whole buffer): its own, or a copy. */
function exactBuffer(data: Uint8Array): ArrayBuffer {
  if (
    data.byteOffset === 0 &&
    data.byteLength === data.buffer.byteLength &&
    data.buffer instanceof ArrayBuffer
  )
    return data.buffer;
  return data.slice().buffer;
}

function wrap(target: PGlite | Transaction): Required<Queryable> {
  return {
    exclusive: true,
    async query<R extends Row = Row>(sql: string, params: readonly unknown[] = []): Promise<R[]> {
      const result = await target.query<R>(sql, params as unknown[]);
      return result.rows;
    },
    async exec(sql: string): Promise<void> {
      await target.exec(sql);
    },
    async copyBinary(table: string, columns: readonly string[], data: Uint8Array): Promise<number> {
      // PGlite serves `/dev/blob` from the blob given with the query. Table and column names
      // come from the repositories, never from input.
      const result = await target.query(
        `copy ${table} (${columns.join(', ')}) from '/dev/blob' with (format binary)`,
        [],
        { blob: new BytesBlob(exactBuffer(data)) },
      );
      return result.affectedRows ?? 0;
    },
  };
}

function asDb(pg: PGlite): Db {
  const direct = wrap(pg);
  // Counted as they are called: PGlite runs them one at a time, in that order.
  let started = 0;
  return {
    engine: 'pglite',
    exclusive: true,
    query: <R extends Row = Row>(sql: string, params?: readonly unknown[]) => {
      started++;
      return direct.query<R>(sql, params);
    },
    exec: (sql: string) => {
      started++;
      return direct.exec(sql);
    },
    copyBinary: (table: string, columns: readonly string[], data: Uint8Array) => {
      started++;
      return direct.copyBinary(table, columns, data);
    },
    transaction: (fn) => {
      started++;
      return pg.transaction((tx) => fn(wrap(tx)));
    },
    started: () => started,
    close: () => pg.close(),
  };
}

export interface PgliteOpenOptions {
  /**
   * The template a new data folder starts from (a gzipped tar, see template.ts): a path, or
   * false for none. Default: `defaultTemplatePath(templateTag)`, in plateau's package folder.
   * Written the first time a new folder is created without one.
   */
  template?: string | false;
  /** Names the default template (e.g. after the schema `prepare` gives it). */
  templateTag?: string;
  /**
   * Run on a new folder created by initdb before it is packed as the template (e.g. the
   * migrations), so that stores made from the template start with it done.
   */
  prepare?: (db: Db) => Promise<unknown>;
}

/** Marks a data folder being created: found on open, the creation was interrupted. */
const CREATING_FILE = 'plateau.creating';

/** plateau's own files in a data folder, beside PostgreSQL's: the lock and its temporary copies. */
function isLockEntry(name: string): boolean {
  return (
    name === LOCK_FILE ||
    name.startsWith(`.${LOCK_FILE}.`) ||
    name.startsWith(`${LOCK_FILE}.stale-`)
  );
}

/** Not part of the database (plateau's files, hidden files): kept when the folder is emptied, left out of the template. */
const notDatabase = (name: string): boolean =>
  isLockEntry(name) || name === CREATING_FILE || name.startsWith('.');

/**
 * What the data folder holds: `none` (missing, or nothing but plateau's lock and hidden files), `interrupted` (a
 * creation that did not finish), `store` (a PostgreSQL data folder) or `other` (files that are
 * not a store).
 */
export function dataFolderState(dataDir: string): 'none' | 'interrupted' | 'store' | 'other' {
  let entries: string[];
  try {
    entries = readdirSync(dataDir);
  } catch {
    return 'none';
  }
  if (entries.includes(CREATING_FILE)) return 'interrupted';
  if (entries.includes('PG_VERSION')) return 'store';
  // Hidden files (.DS_Store…) do not make a folder someone else's.
  return entries.every((name) => isLockEntry(name) || name.startsWith('.')) ? 'none' : 'other';
}

/** True when the template at `path` could be written (its folder exists or can be made, writable). */
function canWrite(path: string): boolean {
  try {
    mkdirSync(dirname(path), { recursive: true });
    accessSync(dirname(path), constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * A PGlite database in the empty folder `dataDir`: unpacked from the template when there is a
 * readable, intact one; else created by initdb, and then, stopped cleanly, packed as the
 * template for next time.
 */
async function createFresh(
  dataDir: string,
  template: string | null,
  prepare: (db: Db) => Promise<unknown>,
): Promise<PGlite> {
  if (template !== null) {
    let packed: Buffer | null = null;
    try {
      packed = readFileSync(template);
    } catch {
      // no template yet, or unreadable: initdb
    }
    if (packed !== null) {
      try {
        unpackInto(packed, dataDir);
        return await start(dataDir);
      } catch {
        // A damaged template: forget it (a sound one is written below) and start afresh.
        emptyFolder(dataDir, notDatabase);
        rmSync(template, { force: true });
      }
    }
  }
  const pg = await start(dataDir);
  if (template === null || !canWrite(template)) return pg;
  try {
    await prepare(asDb(pg));
  } catch {
    // Left to the caller, who runs the same preparation and reports its failure.
    return pg;
  }
  await pg.close(); // a clean shutdown: stores made from the template open without recovery
  try {
    writeAtomically(template, packFolder(dataDir, notDatabase));
  } catch {
    // The template is only a shortcut: never fail the store for it.
  }
  return start(dataDir);
}

/**
 * Opens (creating it when missing) a PGlite database in `dataDir`; `memory://` keeps it in memory.
 * The caller holds the folder's lock. A folder holding other files than a store is refused.
 *
 * @example
 * const db = await openPgliteDb('./plateau-data');
 */
export async function openPgliteDb(dataDir: string, options: PgliteOpenOptions = {}): Promise<Db> {
  let pg: PGlite;
  try {
    if (dataDir.startsWith('memory://')) {
      pg = await start(dataDir);
    } else {
      mkdirSync(dataDir, { recursive: true });
      const state = dataFolderState(dataDir);
      if (state === 'other') {
        throw new Error(
          'it holds files but no plateau store (no PG_VERSION): give a new or empty folder, or the folder of an existing store',
        );
      }
      if (state === 'store') {
        pg = await start(dataDir);
      } else {
        // Created under a marker: a process killed half-way leaves it, and the next open
        // starts the folder again instead of failing on a partial database.
        if (state === 'interrupted') emptyFolder(dataDir, isLockEntry);
        writeFileSync(
          join(dataDir, CREATING_FILE),
          'a store is being created here; if no plateau is running, it was interrupted and will be created again\n',
        );
        const template =
          options.template === false
            ? null
            : (options.template ?? defaultTemplatePath(options.templateTag));
        pg = await createFresh(dataDir, template, options.prepare ?? (() => Promise.resolve()));
        rmSync(join(dataDir, CREATING_FILE), { force: true });
      }
    }
  } catch (cause) {
    throw new StoreError(
      'open-failed',
      `cannot open the data folder ${dataDir}: ${(cause as Error).message}`,
      { cause },
    );
  }
  return asDb(pg);
}
