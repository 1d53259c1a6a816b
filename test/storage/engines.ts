// The engines the storage suite runs on: PGlite always, a real PostgreSQL server too when
// PLATEAU_TEST_PG_URL is set (.ci/start-postgres.sh prints it). Each test gets a fresh store: a
// new data folder, or a new database created on the server and dropped afterwards.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { Engine } from '../../src/storage/db.ts';
import type { Store } from '../../src/storage/open-store.ts';
import { openStore } from '../../src/storage/open-store.ts';

/** A place a store can be opened, and reopened, until `dispose`. */
export interface TestPlace {
  engine: Engine;
  open(): Promise<Store>;
  dispose(): Promise<void>;
}

export interface EngineCase {
  name: Engine;
  place(): Promise<TestPlace>;
}

/**
 * A fresh, empty PGlite folder: the first open unpacks plateau's cached template (a migrated
 * empty store, see src/storage/pglite/template.ts) as any new store does, instead of an initdb.
 */
async function pglitePlace(): Promise<TestPlace> {
  const dir = mkdtempSync(join(tmpdir(), 'plateau-store-'));
  return {
    engine: 'pglite',
    open: () => openStore({ dataDir: dir }),
    dispose: async () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** A new empty database on the test server, and how to drop it. */
export async function serverDatabase(
  adminUrl: string,
): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `plateau_t_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      // An autovacuum worker busy in the database is a backend this role may not terminate:
      // FORCE then fails with 42501, and the worker is gone a moment later.
      const c = new pg.Client({ connectionString: adminUrl });
      await c.connect();
      try {
        for (let attempt = 1; ; attempt++) {
          try {
            await c.query(`drop database if exists ${name} with (force)`);
            break;
          } catch (error) {
            if ((error as { code?: string }).code !== '42501' || attempt >= 20) throw error;
            await new Promise((r) => setTimeout(r, 250));
          }
        }
      } finally {
        await c.end();
      }
    },
  };
}

async function postgresPlace(adminUrl: string): Promise<TestPlace> {
  const database = await serverDatabase(adminUrl);
  return {
    engine: 'postgres',
    open: () => openStore({ url: database.url }),
    dispose: database.drop,
  };
}

const pgUrl = process.env['PLATEAU_TEST_PG_URL'];

/** PGlite, then PostgreSQL when PLATEAU_TEST_PG_URL is set. */
export const ENGINES: EngineCase[] = [
  { name: 'pglite', place: pglitePlace },
  ...(pgUrl ? [{ name: 'postgres' as const, place: () => postgresPlace(pgUrl) }] : []),
];
