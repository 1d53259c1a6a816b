/**
 * `Db` over embedded PGlite (PostgreSQL compiled to WebAssembly), file-backed in a data folder.
 * One PGlite instance serves one process: it is single-connection, so PGlite itself queues
 * queries and transactions; do not open the same folder from two processes at once. A new folder
 * starts from a cached template when there is one (see template.ts), and bulk loads go through
 * binary COPY from an in-memory blob.
 */
import { accessSync, constants, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import type { Transaction } from '@electric-sql/pglite';
import type { Db, Queryable, Row } from '../db.ts';
import { StoreError } from '../errors.ts';
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

function wrap(target: PGlite | Transaction): Queryable {
  return {
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
        { blob: new Blob([data]) },
      );
      return result.affectedRows ?? 0;
    },
  };
}

function asDb(pg: PGlite): Db {
  const direct = wrap(pg);
  return {
    engine: 'pglite',
    query: direct.query,
    exec: direct.exec,
    copyBinary: direct.copyBinary,
    transaction: (fn) => pg.transaction((tx) => fn(wrap(tx))),
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
        emptyFolder(dataDir);
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
    writeAtomically(template, packFolder(dataDir));
  } catch {
    // The template is only a shortcut: never fail the store for it.
  }
  return start(dataDir);
}

/**
 * Opens (creating it when missing) a PGlite database in `dataDir`; `memory://` keeps it in memory.
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
      if (readdirSync(dataDir).length === 0) {
        const template =
          options.template === false
            ? null
            : (options.template ?? defaultTemplatePath(options.templateTag));
        pg = await createFresh(dataDir, template, options.prepare ?? (() => Promise.resolve()));
      } else {
        pg = await start(dataDir);
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
