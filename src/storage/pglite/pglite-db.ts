/**
 * `Db` over embedded PGlite (PostgreSQL compiled to WebAssembly), file-backed in a data folder.
 * One PGlite instance serves one process: it is single-connection, so PGlite itself queues
 * queries and transactions; do not open the same folder from two processes at once.
 */
import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import type { Transaction } from '@electric-sql/pglite';
import type { Db, Queryable, Row } from '../db.ts';
import { StoreError } from '../errors.ts';

function wrap(target: PGlite | Transaction): Queryable {
  return {
    async query<R extends Row = Row>(sql: string, params: readonly unknown[] = []): Promise<R[]> {
      const result = await target.query<R>(sql, params as unknown[]);
      return result.rows;
    },
    async exec(sql: string): Promise<void> {
      await target.exec(sql);
    },
  };
}

/**
 * Opens (creating it when missing) a PGlite database in `dataDir`; `memory://` keeps it in memory.
 *
 * @example
 * const db = await openPgliteDb('./plateau-data');
 */
export async function openPgliteDb(dataDir: string): Promise<Db> {
  let pg: PGlite;
  try {
    if (!dataDir.startsWith('memory://')) mkdirSync(dataDir, { recursive: true });
    pg = await PGlite.create(dataDir);
  } catch (cause) {
    throw new StoreError(
      'open-failed',
      `cannot open the data folder ${dataDir}: ${(cause as Error).message}`,
      { cause },
    );
  }
  const direct = wrap(pg);
  return {
    engine: 'pglite',
    query: direct.query,
    exec: direct.exec,
    transaction: (fn) => pg.transaction((tx) => fn(wrap(tx))),
    close: () => pg.close(),
  };
}
