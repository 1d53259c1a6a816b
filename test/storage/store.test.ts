// Opening stores: migrations (idempotent, only the missing ones, all-or-nothing, newer refused),
// persistence across close/reopen, the data folder resolution, and the schema's privacy rule.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { migrate } from '../../src/storage/migrate.ts';
import { MIGRATIONS } from '../../src/storage/migrations/index.ts';
import { openStore, resolveDataDir } from '../../src/storage/open-store.ts';
import { StoreError } from '../../src/storage/errors.ts';
import { importKit } from '../../src/storage/import-kit.ts';
import { listCampaigns, loadResults } from '../../src/storage/queries.ts';
import { loadKit } from '../../src/storage/load-kit.ts';
import type { Store } from '../../src/storage/open-store.ts';
import { ENGINES } from './engines.ts';
import type { TestPlace } from './engines.ts';
import { smallKit, sortedKit } from './small-kit.ts';

describe('resolveDataDir', () => {
  it('prefers the flag, then PLATEAU_DATA, then ./plateau-data, as absolute paths', () => {
    expect(resolveDataDir('/srv/flag', { PLATEAU_DATA: '/srv/env' })).toBe('/srv/flag');
    expect(resolveDataDir(undefined, { PLATEAU_DATA: '/srv/env' })).toBe('/srv/env');
    expect(resolveDataDir('', { PLATEAU_DATA: '  ' })).toBe(resolve('plateau-data'));
    expect(resolveDataDir(undefined, {})).toBe(resolve('plateau-data'));
    expect(resolveDataDir('rel/dir', {})).toBe(resolve('rel/dir'));
    expect(resolveDataDir('memory://', {})).toBe('memory://');
  });
});

describe('openStore errors', () => {
  it('refuses a URL that is not postgres://', async () => {
    await expect(openStore({ url: 'mysql://x@localhost/db' })).rejects.toMatchObject({
      code: 'open-failed',
    });
  });

  it('reports an unreachable server without its password', async () => {
    const error = await openStore({ url: 'postgres://u:secret@127.0.0.1:1/db' }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(StoreError);
    expect((error as StoreError).code).toBe('open-failed');
    expect((error as StoreError).message).toContain('127.0.0.1:1');
    expect((error as StoreError).message).not.toContain('secret');
  });
});

describe('openStore on PGlite', () => {
  it('creates a missing data folder, nested, and opens it again', async () => {
    const root = mkdtempSync(join(tmpdir(), 'plateau-new-'));
    try {
      const dataDir = join(root, 'a', 'b');
      const store = await openStore({ dataDir });
      expect(store.engine).toBe('pglite');
      expect(store.location).toBe(dataDir);
      expect(existsSync(join(dataDir, 'PG_VERSION'))).toBe(true);
      await store.close();
      const again = await openStore({ dataDir });
      expect(await listCampaigns(again)).toEqual([]);
      await again.close();
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});

async function count(store: Store, sql: string): Promise<number> {
  const [row] = await store.db.query<{ n: number }>(`select count(*)::int as n from (${sql}) x`);
  return row!.n;
}

describe.each(ENGINES)('store on $name', ({ place: makePlace }) => {
  let place: TestPlace;
  const open: Store[] = [];
  const openStoreHere = async () => {
    const store = await place.open();
    open.push(store);
    return store;
  };

  beforeEach(async () => {
    place = await makePlace();
  });
  afterEach(async () => {
    for (const s of open.splice(0)) await s.close().catch(() => undefined);
    await place.dispose();
  });

  it('applies every migration once, and none when reopened', async () => {
    const store = await openStoreHere();
    const versions = await store.db.query<{ version: number }>(
      'select version from schema_migrations order by version',
    );
    expect(versions.map((v) => v.version)).toEqual(MIGRATIONS.map((m) => m.version));
    expect(await migrate(store.db)).toEqual([]);
    await store.close();
    const again = await openStoreHere();
    expect(await count(again, 'select * from schema_migrations')).toBe(MIGRATIONS.length);
    expect(await migrate(again.db)).toEqual([]);
  });

  it('runs only the missing migrations of an existing store', async () => {
    const store = await openStoreHere();
    const next = { version: 1000, name: 'extra', sql: 'create table extra_test (x integer);' };
    expect(await migrate(store.db, [...MIGRATIONS, next])).toEqual([1000]);
    expect(await migrate(store.db, [...MIGRATIONS, next])).toEqual([]);
    expect(await count(store, 'select * from extra_test')).toBe(0);
  });

  it('applies migrations all or nothing', async () => {
    const store = await openStoreHere();
    const broken = {
      version: 1001,
      name: 'broken',
      sql: 'create table half_done (x integer); select * from no_such_table;',
    };
    await expect(migrate(store.db, [...MIGRATIONS, broken])).rejects.toThrow(/no_such_table/);
    expect(await count(store, 'select * from schema_migrations')).toBe(MIGRATIONS.length);
    expect(
      await count(store, "select * from information_schema.tables where table_name = 'half_done'"),
    ).toBe(0);
  });

  it('refuses a store written by a newer plateau, with a clear message', async () => {
    const store = await openStoreHere();
    await store.db.query(
      "insert into schema_migrations (version, name) values (9999, 'from-the-future')",
    );
    await store.close();
    const error = await place.open().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StoreError);
    expect((error as StoreError).code).toBe('newer-schema');
    expect((error as StoreError).message).toMatch(/newer plateau.*9999/);
  });

  it('keeps the data across close and reopen', async () => {
    const kit = smallKit();
    const store = await openStoreHere();
    await importKit(store, kit);
    const results = await loadResults(store, kit.campaign.id);
    await store.close();
    const reopened = await openStoreHere();
    expect(
      (await listCampaigns(reopened)).map((c) => [c.id, c.exams, c.sessions, c.hasResults]),
    ).toEqual([['small', 6, 5, true]]);
    expect(await loadKit(reopened, 'small')).toEqual(sortedKit(kit));
    expect(await loadResults(reopened, 'small')).toEqual(results);
  });

  it('has no column that could identify a patient', async () => {
    const store = await openStoreHere();
    const columns = await store.db.query<{ table_name: string; column_name: string }>(
      `select table_name::text, column_name::text from information_schema.columns
       where table_schema = current_schema() order by table_name, ordinal_position`,
    );
    expect(columns.length).toBeGreaterThan(40);
    const identifying =
      /patient_?id|patient_?name|birth|ipp|nir|ssn|insee|first_?name|last_?name|surname|maiden|sex|gender|address|phone|email|zip|postcode/i;
    // The accounts' e-mail addresses are staff logins (issue 15), not patients: exactly these two.
    const staff = (c: { table_name: string; column_name: string }): boolean =>
      c.column_name === 'email' && (c.table_name === 'users' || c.table_name === 'audit_log');
    // A site's INSEE region code (issue 15's region scope), not a person's INSEE number.
    const siteRegion = (c: { table_name: string; column_name: string }): boolean =>
      c.table_name === 'establishments' && c.column_name === 'insee_region';
    expect(
      columns.filter((c) => identifying.test(c.column_name) && !staff(c) && !siteRegion(c)),
    ).toEqual([]);
    expect(columns.filter(staff)).toHaveLength(2);
    expect(columns.filter((c) => c.table_name === 'exams').map((c) => c.column_name)).toEqual([
      'campaign_id',
      'equipment_id',
      'exam_id',
      'category',
      'room_in',
      'room_out',
      'acts',
      'icr',
      'report_validated_at',
      'requested_at',
      'scheduled_minutes',
      'age_band',
      // planning.md §1: a keyed hash of the patient (the reader refuses a raw identifier), never the identifier.
      'patient_key',
    ]);
  });
});
