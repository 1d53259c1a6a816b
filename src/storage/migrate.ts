/**
 * Applies the missing numbered migrations in one transaction and records them in
 * `schema_migrations`. An advisory lock serialises two processes opening the same server; a
 * store that has a migration this plateau does not know is refused before anything is touched.
 */
import { createHash } from 'node:crypto';
import type { Db } from './db.ts';
import { StoreError } from './errors.ts';
import type { Migration } from './migrations/index.ts';
import { MIGRATIONS } from './migrations/index.ts';

/** Arbitrary constant ('plat' in ASCII) naming plateau's migration lock on a shared server. */
const MIGRATION_LOCK = 0x706c6174;

/**
 * Brings the schema of `db` up to date; returns the versions it applied (empty when none).
 * Throws a `StoreError` `newer-schema` when the store was written by a newer plateau.
 *
 * @example
 * await migrate(db); // [1] on a new store, [] afterwards
 */
export async function migrate(
  db: Db,
  migrations: readonly Migration[] = MIGRATIONS,
): Promise<number[]> {
  return db.transaction(async (tx) => {
    await tx.query('select 1 from pg_advisory_xact_lock($1::bigint)', [MIGRATION_LOCK]);
    await tx.exec(`create table if not exists schema_migrations (
      version integer primary key,
      name text not null,
      applied_at timestamptz not null default now()
    )`);
    const rows = await tx.query<{ version: number }>(
      'select version from schema_migrations order by version',
    );
    const applied = new Set(rows.map((r) => r.version));
    const known = new Set(migrations.map((m) => m.version));
    const unknown = [...applied].filter((v) => !known.has(v));
    if (unknown.length > 0) {
      const newest = Math.max(0, ...known);
      throw new StoreError(
        'newer-schema',
        `this store was written by a newer plateau: it has schema migration ${unknown.join(', ')}, ` +
          `and this plateau only knows migrations up to ${newest}. Upgrade plateau, or use another data folder or database.`,
      );
    }
    const missing = [...migrations]
      .filter((m) => !applied.has(m.version))
      .sort((a, b) => a.version - b.version);
    for (const m of missing) {
      await tx.exec(m.sql);
      await tx.query('insert into schema_migrations (version, name) values ($1, $2)', [
        m.version,
        m.name,
      ]);
    }
    return missing.map((m) => m.version);
  });
}

/**
 * A short name for the schema `migrations` build (sha256 of their versions, names and SQL), for
 * caches holding a migrated store: a changed or added migration gives another name.
 *
 * @example
 * schemaTag(); // 'schema-1-3f9a0c2b71de'
 */
export function schemaTag(migrations: readonly Migration[] = MIGRATIONS): string {
  const hash = createHash('sha256');
  for (const m of migrations) hash.update(`${m.version}\u0000${m.name}\u0000${m.sql}\u0000`);
  const newest = Math.max(0, ...migrations.map((m) => m.version));
  return `schema-${newest}-${hash.digest('hex').slice(0, 12)}`;
}

/** Where a store's schema stands against this plateau's migrations (`schemaStatus`). */
export interface SchemaStatus {
  /** Versions this plateau has and the store has not applied. */
  missing: number[];
  /** Versions the store has applied that this plateau does not know (a newer plateau wrote it). */
  unknown: number[];
}

/**
 * Reads, without changing anything, which migrations `db` lacks or has beyond this plateau's:
 * for a connection that may not migrate (a server's app role). A store without
 * `schema_migrations` lacks every migration.
 *
 * @example
 * const { missing } = await schemaStatus(db); // [] when up to date
 */
export async function schemaStatus(
  db: Pick<Db, 'query'>,
  migrations: readonly Migration[] = MIGRATIONS,
): Promise<SchemaStatus> {
  const [table] = await db.query<{ present: boolean }>(
    "select to_regclass('schema_migrations') is not null as present",
  );
  const applied = new Set(
    table?.present
      ? (await db.query<{ version: number }>('select version from schema_migrations')).map(
          (r) => r.version,
        )
      : [],
  );
  const known = new Set(migrations.map((m) => m.version));
  return {
    missing: [...known].filter((v) => !applied.has(v)).sort((a, b) => a - b),
    unknown: [...applied].filter((v) => !known.has(v)).sort((a, b) => a - b),
  };
}
