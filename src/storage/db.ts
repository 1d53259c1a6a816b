/**
 * The one seam between plateau and a database: `Db` runs SQL and transactions, with one
 * implementation per engine (`pglite/`, `postgres/`). Both speak the same SQL; to keep the values
 * they return identical, queries only select text, int4, float8, boolean, text[] and json
 * (bigint, numeric, date and timestamptz are cast or converted in SQL, never returned raw).
 * Bulk loading through binary COPY is an optional extra, which both engines offer.
 */

/** A result row, keyed by column name. */
export type Row = Record<string, unknown>;

/** Something SQL can be run on: the database itself or an open transaction. */
export interface Queryable {
  /**
   * Runs one statement with `$1…` parameters (strings, numbers, null, or flat arrays of them;
   * pass JSON as a string cast to `::json`).
   */
  query<R extends Row = Row>(sql: string, params?: readonly unknown[]): Promise<R[]>;
  /** Runs a script of several statements, without parameters (migrations). */
  exec(sql: string): Promise<void>;
  /**
   * Loads rows encoded by `BinaryCopyWriter` into `table (columns)` with one
   * `copy … with (format binary)`; returns the number of rows loaded. Absent on engines that
   * cannot (PostgreSQL through `pg`): callers fall back to set-based inserts.
   */
  copyBinary?(table: string, columns: readonly string[], data: Uint8Array): Promise<number>;
  /**
   * True when no one else uses the database meanwhile (PGlite: one process, one connection), so
   * a bulk load may take table-wide locks (drop and re-add keys, truncate an empty table) for
   * speed; on a shared server they would hold readers of every campaign until commit.
   */
  readonly exclusive?: boolean;
}

export type Engine = 'pglite' | 'postgres';

/** A database connection (PGlite in-process, or a pool of connections to a PostgreSQL server). */
export interface Db extends Queryable {
  readonly engine: Engine;
  /**
   * Runs `fn` in a transaction: committed when `fn` resolves, rolled back when it throws (and
   * the error rethrown). Queries inside must go through `tx`, never through the `Db`.
   */
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
  /**
   * PGlite only: how many statements and transactions were started on the database, in the
   * order it runs them. No other process uses it (`exclusive`): the same count at two moments
   * means nothing was written between them. Absent on a server others write to.
   */
  readonly started?: () => number;
  close(): Promise<void>;
}
