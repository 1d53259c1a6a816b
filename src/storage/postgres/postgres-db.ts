/**
 * `Db` over a PostgreSQL server through a `pg` connection pool. A transaction holds one pooled
 * client from BEGIN to COMMIT; plain queries take any free client.
 */
import pg from 'pg';
import type { Db, Queryable, Row } from '../db.ts';
import { StoreError } from '../errors.ts';

function wrap(target: pg.Pool | pg.PoolClient): Queryable {
  return {
    async query<R extends Row = Row>(sql: string, params: readonly unknown[] = []): Promise<R[]> {
      const result = await target.query<R>(sql, params as unknown[]);
      return result.rows;
    },
    async exec(sql: string): Promise<void> {
      // Without parameters pg uses the simple protocol, which accepts several statements.
      await target.query(sql);
    },
  };
}

/** `postgres://user:***@host:port/db`: the URL with its password hidden, for messages. */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return '(unparsable URL)';
  }
}

/**
 * Connects to the PostgreSQL server at `url` and checks that it answers.
 *
 * @example
 * const db = await openPostgresDb('postgres://plateau@localhost/plateau');
 */
export async function openPostgresDb(url: string): Promise<Db> {
  const pool = new pg.Pool({ connectionString: url, max: 4 });
  // An idle client losing its server emits 'error' on the pool, which would otherwise crash the
  // process; the next query reports the problem instead.
  pool.on('error', () => undefined);
  try {
    await pool.query('select 1');
  } catch (cause) {
    await pool.end().catch(() => undefined);
    throw new StoreError(
      'open-failed',
      `cannot connect to ${redactUrl(url)}: ${(cause as Error).message}`,
      { cause },
    );
  }
  const direct = wrap(pool);
  return {
    engine: 'postgres',
    query: direct.query,
    exec: direct.exec,
    async transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T> {
      const client = await pool.connect();
      let broken: Error | undefined;
      try {
        await client.query('begin');
        const result = await fn(wrap(client));
        await client.query('commit');
        return result;
      } catch (error) {
        try {
          await client.query('rollback');
        } catch (rollbackError) {
          broken = rollbackError as Error;
        }
        throw error;
      } finally {
        // A client whose rollback failed is in an unknown state: destroy it rather than reuse it.
        client.release(broken);
      }
    },
    close: () => pool.end(),
  };
}
