/**
 * `Db` over a PostgreSQL server through a `pg` connection pool. A transaction holds one pooled
 * client from BEGIN to COMMIT; plain queries take any free client.
 */
import pg from 'pg';
import type { Db, Queryable, Row } from '../db.ts';
import { StoreError } from '../errors.ts';

/** What of `pg`'s connection a COPY FROM STDIN uses (it is there, though not in its types). */
type CopyConnection = pg.Connection & {
  sendCopyFromChunk(chunk: Buffer): void;
  endCopyFrom(): void;
};

/**
 * One `copy … from stdin` of `data`, as a query `pg` runs in turn on a client (a submittable, the
 * road pg-copy-streams takes, without streams): when the server asks for the data, all of it goes
 * as one CopyData message, then CopyDone. Settles once the server is ready for the next query:
 * with the rows copied, or the server's error (SQLSTATE, constraint and detail, as any query's).
 */
class CopyFromBytes implements pg.Submittable {
  #rows = 0;
  #error: Error | null = null;
  readonly done: Promise<number>;
  #settle: { resolve: (rows: number) => void; reject: (error: Error) => void } | null = null;

  constructor(
    readonly text: string,
    private readonly data: Uint8Array,
  ) {
    this.done = new Promise((resolve, reject) => (this.#settle = { resolve, reject }));
  }

  submit(connection: pg.Connection): void {
    connection.query(this.text);
  }

  handleCopyInResponse(connection: CopyConnection): void {
    const { buffer, byteOffset, byteLength } = this.data;
    connection.sendCopyFromChunk(Buffer.from(buffer, byteOffset, byteLength));
    connection.endCopyFrom();
  }

  handleCommandComplete(message: { text?: string }): void {
    const m = /^COPY (\d+)/.exec(message.text ?? '');
    if (m) this.#rows = Number(m[1]);
  }

  handleError(error: Error): void {
    // Settled now (a broken connection sends no ReadyForQuery); the client queues what follows.
    this.#error ??= error;
    this.#settle?.reject(error);
  }

  handleReadyForQuery(): void {
    if (this.#error === null) this.#settle?.resolve(this.#rows);
  }

  handleRowDescription(): void {}
  handleDataRow(): void {}
  handlePortalSuspended(): void {}
  handleEmptyQuery(): void {}
  handleCopyData(): void {}
}

/** Runs one binary COPY of `data` into `table (columns)` on `client`; the rows loaded. */
function copyInto(
  client: pg.ClientBase,
  table: string,
  columns: readonly string[],
  data: Uint8Array,
): Promise<number> {
  // Table and column names come from the repositories, never from input.
  const copy = new CopyFromBytes(
    `copy ${table} (${columns.join(', ')}) from stdin with (format binary)`,
    data,
  );
  client.query(copy);
  return copy.done;
}

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
    async copyBinary(table: string, columns: readonly string[], data: Uint8Array): Promise<number> {
      if (!(target instanceof pg.Pool)) return copyInto(target, table, columns, data);
      const client = await target.connect();
      try {
        return await copyInto(client, table, columns, data);
      } finally {
        client.release();
      }
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
    copyBinary: direct.copyBinary,
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
