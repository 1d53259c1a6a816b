/**
 * Set-based bulk writes shared by the repositories: rows travel as one array per column,
 * expanded server-side by `unnest`, in chunks, through an `INSERT … ON CONFLICT … DO UPDATE …
 * WHERE (row differs)` whose `xmax = 0` trick tells inserted rows from updated ones. Rows that
 * cannot conflict (a campaign this transaction created) may instead be loaded by binary COPY
 * (both engines).
 * A re-import then removes the stored rows its kit no longer holds (`deleteAbsent`).
 */
import { BinaryCopyWriter } from './copy-binary.ts';
import type { Queryable } from './db.ts';

/** What an upsert did: new rows, rows replaced because they differed, rows left alone. */
export interface UpsertCounts {
  inserted: number;
  updated: number;
  unchanged: number;
}

/** Rows per statement: large enough to amortise round trips, small enough to bound memory. */
export const CHUNK_ROWS = 20_000;

/**
 * Wraps an `insert … returning (xmax = 0) as inserted` statement so that it answers one row of
 * counts instead of one row per written record. A row the `where` clause of `do update` skipped
 * is not returned at all: it is counted as unchanged by the caller.
 */
export function countingUpsert(insertSql: string): string {
  return `with written as (${insertSql}
  returning (xmax = 0) as inserted)
select count(*) filter (where inserted)::int as inserted,
       count(*) filter (where not inserted)::int as updated
from written`;
}

/**
 * Runs `sql` (built with `countingUpsert`) over `rows` in chunks of `chunkRows`; `toParams`
 * turns one chunk into the statement's parameters (one array per column).
 */
export async function upsertInChunks<T>(
  q: Queryable,
  sql: string,
  rows: readonly T[],
  toParams: (chunk: readonly T[]) => unknown[],
  options: { chunkRows?: number; onChunk?: (done: number, total: number) => void } = {},
): Promise<UpsertCounts> {
  return upsertRangesInChunks(
    q,
    sql,
    rows.length,
    (start, end) => toParams(rows.slice(start, end)),
    options,
  );
}

/**
 * `upsertInChunks` over `count` rows that are not an array (e.g. rows of an `ExamTable`):
 * `toParams(start, end)` gives the parameters of rows `[start, end)`.
 */
export async function upsertRangesInChunks(
  q: Queryable,
  sql: string,
  count: number,
  toParams: (start: number, end: number) => unknown[],
  options: { chunkRows?: number; onChunk?: (done: number, total: number) => void } = {},
): Promise<UpsertCounts> {
  const size = options.chunkRows ?? CHUNK_ROWS;
  let inserted = 0;
  let updated = 0;
  for (let start = 0; start < count; start += size) {
    const end = Math.min(start + size, count);
    const [counts] = await q.query<{ inserted: number; updated: number }>(
      sql,
      toParams(start, end),
    );
    inserted += counts?.inserted ?? 0;
    updated += counts?.updated ?? 0;
    options.onChunk?.(end, count);
  }
  return { inserted, updated, unchanged: count - inserted - updated };
}

/**
 * SQL turning a float8 of UTC epoch ms into a timestamptz (exact for whole milliseconds). Instants
 * travel as float8[] rather than timestamptz[] of ISO strings: nothing to format in JavaScript,
 * and measured about 10 % faster on PGlite for 270,000 exams.
 */
export function fromEpochMs(expression: string): string {
  return `to_timestamp(${expression} / 1000)`;
}

/**
 * SQL for an instant as UTC epoch ms (numeric, exact to the microsecond). Used instead of
 * returning timestamptz, which the two drivers would turn into `Date`s in their own ways.
 */
export function epochMs(column: string): string {
  return `(extract(epoch from ${column}) * 1000)`;
}

/** One column of a table's key, and the SQL that turns its `unnest`ed value into the column's type. */
export interface KeyColumn {
  name: string;
  /** The array type the key's values travel as (`text[]`, `float8[]`). */
  arrayType: string;
  /** SQL of the stored value from `k.<name>` (default `k.<name>`), e.g. `fromEpochMs`. */
  value?: (expression: string) => string;
}

/**
 * Deletes the rows of `table` for `campaignId` whose key (`columns`, one array of values each in
 * `keys`, or a function giving them, called only when some row is absent, `kept` keys in all, unique) is not among `keys`, and returns how many it deleted. Called
 * after the upsert of those same keys, so every one of them is stored: when the campaign holds
 * exactly `kept` rows, none is absent and nothing is read. Otherwise one anti-join over the keys
 * (planned as a hash anti-join: about 3 s on PGlite to find 2,743 of 274,389 exams absent).
 */
export async function deleteAbsent(
  q: Queryable,
  table: string,
  campaignId: string,
  columns: readonly KeyColumn[],
  keys: readonly unknown[][] | (() => readonly unknown[][]),
  kept: number,
): Promise<number> {
  const [stored] = await q.query<{ n: number }>(
    `select count(*)::int as n from ${table} where campaign_id = $1`,
    [campaignId],
  );
  if ((stored?.n ?? 0) <= kept) return 0;
  const params = columns.map((c, i) => `$${i + 2}::${c.arrayType}`).join(', ');
  const names = columns.map((c) => c.name).join(', ');
  const match = columns
    .map((c) => `t.${c.name} = ${c.value ? c.value(`k.${c.name}`) : `k.${c.name}`}`)
    .join(' and ');
  const [row] = await q.query<{ n: number }>(
    `with gone as (
       delete from ${table} t where t.campaign_id = $1
         and not exists (select 1 from unnest(${params}) as k (${names}) where ${match})
       returning 1)
     select count(*)::int as n from gone`,
    [campaignId, ...(typeof keys === 'function' ? keys() : keys)],
  );
  return row?.n ?? 0;
}

/** A `Queryable` that can bulk-load by binary COPY. */
export type CopyQueryable = Queryable & { copyBinary: NonNullable<Queryable['copyBinary']> };

/** True when `q` can load rows by binary COPY. */
export function canCopy(q: Queryable): q is CopyQueryable {
  return typeof q.copyBinary === 'function';
}

/**
 * True when `q` can load rows by binary COPY into every table of `tables`: PostgreSQL refuses
 * COPY FROM into a table whose row-level security policies apply to the role (not its owner, no
 * BYPASSRLS); such a role takes the INSERT path.
 */
export async function canCopyInto(q: Queryable, tables: readonly string[]): Promise<boolean> {
  if (!canCopy(q)) return false;
  const [row] = await q.query<{ ok: boolean }>(
    `select coalesce(bool_and(not c.relrowsecurity or pg_has_role(c.relowner, 'USAGE')), true)
       or (select rolbypassrls from pg_roles where rolname = current_user) as ok
     from pg_class c where c.oid = any ($1::text[]::regclass[])`,
    [tables],
  );
  return row?.ok === true;
}

/**
 * Loads `rows` into `table (columns)` by binary COPY, in chunks of `chunkRows` (one COPY each, so
 * that progress can be reported); `encode` writes the fields of one row. COPY has no
 * `on conflict`: only for rows that cannot already be stored (a row conflicting with another
 * fails the whole load with a unique violation). Counts every row as inserted.
 */
export async function copyInChunks<T>(
  q: CopyQueryable,
  table: string,
  columns: readonly string[],
  rows: readonly T[],
  encode: (writer: BinaryCopyWriter, row: T) => void,
  options: { chunkRows?: number; onChunk?: (done: number, total: number) => void } = {},
): Promise<UpsertCounts> {
  return copyCountInChunks(
    q,
    table,
    columns,
    rows.length,
    (w, i) => encode(w, rows[i] as T),
    options,
  );
}

/** `copyInChunks` over `count` rows that are not an array: `encode` writes the fields of row `i`. */
export async function copyCountInChunks(
  q: CopyQueryable,
  table: string,
  columns: readonly string[],
  count: number,
  encode: (writer: BinaryCopyWriter, i: number) => void,
  options: { chunkRows?: number; onChunk?: (done: number, total: number) => void } = {},
): Promise<UpsertCounts> {
  const size = options.chunkRows ?? CHUNK_ROWS;
  const writer = new BinaryCopyWriter();
  for (let start = 0; start < count; start += size) {
    const end = Math.min(start + size, count);
    writer.reset();
    for (let i = start; i < end; i++) {
      writer.row(columns.length);
      encode(writer, i);
    }
    await q.copyBinary(table, columns, writer.finish());
    options.onChunk?.(end, count);
  }
  return { inserted: count, updated: 0, unchanged: 0 };
}

/**
 * Stored bytes of `table` per new row above which checking each new row's foreign keys (one
 * lookup per row, about 17 µs on PGlite) costs less than checking the whole table once (about
 * 0.65 µs per stored row of about 200 bytes): revalidating is worth it up to roughly 20 stored
 * rows per new row.
 */
const REVALIDATE_BYTES_PER_NEW_ROW = 4096;

/**
 * Runs `load` (which adds `newRows` rows to `table`) with the foreign keys of `table` checked once
 * for the whole table rather than row by row: they are dropped, then added back under the same
 * name and definition, and adding a foreign key makes PostgreSQL check every row in one
 * set-based query (on 274,000 exams: 0.2 s instead of 4.6 s). Only on an `exclusive` database
 * (PGlite): elsewhere just runs `load`. All of it inside the caller's transaction, so a row breaking a key fails the import as a per-row check would (SQLSTATE 23503,
 * same constraint name) and the keys are never missing for anyone else; if `load` throws, the
 * transaction must be rolled back (as `Db.transaction` does), which restores them. Falls back to
 * per-row checks when the table already holds far more rows than are added, or when one of its
 * keys is not validated (re-adding it would no longer check the new rows). On a shared server
 * the DDL would lock both tables against readers of every campaign until commit (on PostgreSQL
 * the per-row check is about 40 % of the cost of inserting an exam).
 */
export async function withForeignKeysCheckedOnce<T>(
  q: Queryable,
  table: string,
  newRows: number,
  load: () => Promise<T>,
): Promise<T> {
  if (!q.exclusive) return load();
  const [size] = await q.query<{ bytes: number }>(
    'select pg_relation_size($1::regclass)::float8 as bytes',
    [table],
  );
  if ((size?.bytes ?? 0) > newRows * REVALIDATE_BYTES_PER_NEW_ROW) return load();
  const keys = await q.query<{ drop_sql: string; add_sql: string; validated: boolean }>(
    `select format('alter table %s drop constraint %I', conrelid::regclass, conname) as drop_sql,
       format('alter table %s add constraint %I %s', conrelid::regclass, conname,
         pg_get_constraintdef(oid)) as add_sql,
       convalidated as validated
     from pg_constraint where conrelid = $1::regclass and contype = 'f'
     order by conname collate "C"`,
    [table],
  );
  if (keys.length === 0 || keys.some((k) => !k.validated)) return load();
  for (const key of keys) await q.exec(key.drop_sql);
  const result = await load();
  for (const key of keys) await q.exec(key.add_sql);
  return result;
}

/**
 * Runs `load` (which fills `table`), first giving the table a new, empty file when it holds no row
 * and no foreign key references it (so that nothing else is touched), with its keys and indexes
 * built after the load:
 * - the new file is created by this transaction, and with `wal_level = minimal` (PGlite, see
 *   pglite-db.ts) rows loaded into it are written without WAL;
 * - a primary key built once by sorting costs less than one index insertion per row (about 0.8 s
 *   of 4 s for 274,000 exams). It is added back under the same name and definition, so a
 *   duplicate fails the load as a per-row check would (SQLSTATE 23505, same constraint name).
 * When the table holds rows, or the database is not `exclusive`, just runs `load`: on a shared
 * server, the truncation and the DDL would lock the table against readers until commit.
 */
export async function intoEmptyTable<T>(
  q: Queryable,
  table: string,
  load: () => Promise<T>,
): Promise<T> {
  if (!q.exclusive) return load();
  const [row] = await q.query<{ empty: boolean }>(
    `select not exists (select 1 from ${table})
       and not exists (select 1 from pg_constraint where confrelid = $1::regclass) as empty`,
    [table],
  );
  if (!row?.empty) return load();
  await q.exec(`truncate ${table}`);
  // Keys (primary, unique) then the other indexes, each with the statements that remake it.
  const indexes = await q.query<{ drop_sql: string; add_sql: string }>(
    `select format('alter table %s drop constraint %I', conrelid::regclass, conname) as drop_sql,
       format('alter table %s add constraint %I %s', conrelid::regclass, conname,
         pg_get_constraintdef(oid)) as add_sql
     from pg_constraint where conrelid = $1::regclass and contype in ('p', 'u')
     union all
     select format('drop index %s', indexrelid::regclass), pg_get_indexdef(indexrelid)
     from pg_index i where indrelid = $1::regclass
       and not exists (select 1 from pg_constraint c where c.conindid = i.indexrelid)`,
    [table],
  );
  for (const index of indexes) await q.exec(index.drop_sql);
  const result = await load();
  for (const index of indexes) await q.exec(index.add_sql);
  return result;
}
