// Row-level security (migration 0008, issue 15). On every engine: the migration runs, fills each
// site's INSEE region (backfill and trigger) exactly as sitePlace does, and a store's owner sees
// everything. On a PostgreSQL server: through a login role of plateau_app, a site scope sees only
// its sites' rows of every table, a region scope its region's, national all, a connection with no
// scope nothing; a site cannot write another's rows; the audit log is append-only and read by
// the admin scope only; the aggregator role reads every machine's results and no exam.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AccessScope } from '../../src/core/access.ts';
import type { Kit } from '../../src/core/kit-types.ts';
import { makeIssue } from '../../src/i18n/issues/index.ts';
import { POPULATION, regionNames } from '../../src/plan/territories/population.ts';
import { sitePlace } from '../../src/plan/territories/site-places.ts';
import { canCopyInto } from '../../src/storage/bulk.ts';
import { connectionRole, rlsBinds } from '../../src/storage/connection-role.ts';
import type { Db } from '../../src/storage/db.ts';
import { importKit } from '../../src/storage/import-kit.ts';
import { migrate } from '../../src/storage/migrate.ts';
import { MIGRATIONS } from '../../src/storage/migrations/index.ts';
import type { Store } from '../../src/storage/open-store.ts';
import { openStore } from '../../src/storage/open-store.ts';
import { peerGroupKey } from '../../src/core/views/peer-groups.ts';
import { loadPeerGroups } from '../../src/storage/peer-groups.ts';
import { openPgliteDb } from '../../src/storage/pglite/pglite-db.ts';
import { openPostgresDb } from '../../src/storage/postgres/postgres-db.ts';
import { scopedStore } from '../../src/storage/scoped-store.ts';
import { ENGINES, serverDatabase } from './engines.ts';
import { at, smallKit } from './small-kit.ts';

const pgUrl = process.env['PLATEAU_TEST_PG_URL'];

/** A raw, unmigrated database of `engine`. */
async function rawDb(
  engine: 'pglite' | 'postgres',
): Promise<{ db: Db; dispose: () => Promise<void> }> {
  if (engine === 'pglite') {
    const db = await openPgliteDb('memory://');
    return { db, dispose: () => db.close() };
  }
  const place = await serverDatabase(pgUrl!);
  const db = await openPostgresDb(place.url);
  return {
    db,
    dispose: async () => {
      await db.close();
      await place.drop();
    },
  };
}

describe.each(ENGINES)('migration 0008 on $name', ({ name: engine }) => {
  let db: Db;
  let dispose: () => Promise<void>;
  beforeAll(async () => {
    ({ db, dispose } = await rawDb(engine));
    await migrate(
      db,
      MIGRATIONS.filter((m) => m.version < 8),
    );
  });
  afterAll(async () => dispose?.());

  it("backfills the stored sites' INSEE region, and the trigger fills new and changed rows", async () => {
    await db.query(
      `insert into campaigns (id, name, start_date, days, time_zone) values ('c', 'C', '2010-03-01', 28, 'Europe/Paris')`,
    );
    await db.query(
      `insert into establishments (campaign_id, finess, name, legal_status, region, department) values
        ('c', '590000001', 'A', 'CH', 'Hauts-de-France', '59'),
        ('c', '350000001', 'B', 'CH', 'Bretagne', null),
        ('c', '970000001', 'C', 'CH', 'Guadeloupe', '9A'),
        ('c', '200000001', 'D', 'CH', 'Corse', '20'),
        ('c', '000000001', 'E', 'CH', 'Atlantis', null)`,
    );
    expect(await migrate(db)).toEqual(
      MIGRATIONS.filter((m) => m.version >= 8).map((m) => m.version),
    );
    const regions = async () =>
      Object.fromEntries(
        (
          await db.query<{ finess: string; insee_region: string | null }>(
            `select finess, insee_region from establishments`,
          )
        ).map((r) => [r.finess, r.insee_region]),
      );
    // Nord → 32; Bretagne by name → 53; FINESS's 9A → 971 → 01; Corsica's old 20 is no département: by name, 94.
    expect(await regions()).toEqual({
      '590000001': '32',
      '350000001': '53',
      '970000001': '01',
      '200000001': '94',
      '000000001': null,
    });
    await db.query(`insert into establishments (campaign_id, finess, name, legal_status, region, department)
      values ('c', '750000001', 'F', 'CHU', 'x', ' 75 ')`);
    await db.query(`update establishments set department = '2a' where finess = '000000001'`);
    expect(await regions()).toMatchObject({ '750000001': '11', '000000001': '94' });
  });

  it('reads départements and regions exactly as sitePlace does', async () => {
    const cells: [string | null, string][] = [];
    for (const d of POPULATION.departments) {
      cells.push([d.code, 'x'], [` ${d.code.toLowerCase()} `, ''], [d.code.replace(/^0/, ''), 'x']);
    }
    for (const r of POPULATION.regions) {
      cells.push(
        [null, r.code],
        [null, ` ${r.code.replace(/^0/, '')} `],
        [null, r.name],
        [null, r.name.toUpperCase()],
        ['99', r.name],
      );
    }
    for (const key of regionNames.keys())
      cells.push([null, key], [null, key.replaceAll(' ', '-').toUpperCase()], ['', ` ${key} `]);
    cells.push(
      ['9A', ''],
      ['9b', ''],
      ['9E', 'Bretagne'],
      ['9F', ''],
      ['20', ''],
      ['0', 'x'],
      ['', ''],
      [null, 'Provence-Alpes-Côte d’Azur'],
      [null, "Provence-Alpes-Côte d'Azur"],
      [null, 'Région Bretagne'],
      [null, 'Nord\u00a0Pas de Calais'],
      [null, '1'],
      [null, '05'],
    );
    const rows = await db.query<{ r: string | null }>(
      `select plateau_insee_region(d, r) as r from unnest($1::text[], $2::text[]) with ordinality as u (d, r, i) order by i`,
      [cells.map((c) => c[0]), cells.map((c) => c[1])],
    );
    const sql = rows.map((x) => x.r);
    const ts = cells.map(([department, region]) => sitePlace({ department, region }).inseeRegion);
    expect(sql).toEqual(ts);
    // Not vacuous: most cells name a region, some none.
    expect(ts.filter((x) => x !== null).length).toBeGreaterThan(400);
    expect(ts.filter((x) => x === null).length).toBeGreaterThan(3);
  });

  it('fills the INSEE region of an imported kit (COPY into a new campaign, upserts into a stored one)', async () => {
    const store: Store = { db, engine: db.engine, location: engine, close: async () => undefined };
    await importKit(store, twoRegionKit());
    expect(
      await db.query(
        `select finess, insee_region from establishments where campaign_id = 'rls' order by finess`,
      ),
    ).toEqual([
      { finess: '590000001', insee_region: '32' },
      { finess: '590000002', insee_region: '53' },
    ]);
    // The upsert path (a stored campaign) keeps it in step with a changed département.
    const kit = twoRegionKit();
    kit.establishments = kit.establishments.map((e) =>
      e.finess === '590000002' ? { ...e, department: '75' } : e,
    );
    await importKit(store, kit);
    expect(
      await db.query(`select insee_region from establishments where finess = '590000002'`),
    ).toEqual([{ insee_region: '11' }]);
  });

  it('tells the owner that row-level security does not bind it', async () => {
    const role = await connectionRole(db);
    // PGlite's one role is a superuser, the server's test owner is not.
    expect(role).toMatchObject(
      engine === 'pglite'
        ? { engine, ownsTables: true, superuser: true }
        : { engine, ownsTables: true, superuser: false, bypassRls: false },
    );
    expect(rlsBinds(role)).toBe(false);
  });
});

/** The small kit with its two sites in two regions, costs, slots, and an import issue. */
function twoRegionKit(): Kit {
  const kit = smallKit('rls');
  kit.establishments = kit.establishments.map((e) =>
    e.finess === '590000001'
      ? { ...e, region: 'Hauts-de-France', department: '59' }
      : { ...e, region: 'Bretagne', department: null },
  );
  kit.costs = {
    origin: 'input',
    rows: ['CT1', 'MR1', 'CT2'].map((equipmentId) => ({
      equipmentId,
      purchasePrice: 1e6,
      amortisationYears: 7,
      maintenance: 1e5,
      staff: 3e5,
      consumablesPerExam: 10,
      overhead: 5e4,
    })),
  };
  kit.slots = [
    {
      equipmentId: 'CT1',
      start: at('2010-03-02T08:00'),
      end: at('2010-03-02T08:20'),
      status: 'free',
      observedAt: at('2010-03-01T08:00'),
    },
    {
      equipmentId: 'MR1',
      start: at('2010-03-02T08:00'),
      end: at('2010-03-02T08:30'),
      status: 'busy',
      observedAt: at('2010-03-01T08:00'),
    },
    {
      equipmentId: 'MR1',
      start: at('2010-03-02T09:00'),
      end: at('2010-03-02T09:30'),
      status: 'free',
      observedAt: at('2010-03-01T08:00'),
    },
  ];
  return kit;
}

const SITE_A = '590000001'; // CT1, Hauts-de-France (32)
const SITE_B = '590000002'; // MR1 and CT2, Bretagne (53)

/** The rows of each site table per site (hand-counted from small-kit.ts and twoRegionKit). */
const ROWS_A = {
  establishments: 1,
  equipment: 1,
  sessions: 3,
  exams: 4,
  machine_results: 1,
  costs: 1,
  slots: 1,
  survey_answers: 2,
  simulation_checks: 1,
};
const ROWS_B = {
  establishments: 1,
  equipment: 2,
  sessions: 2,
  exams: 2,
  machine_results: 2,
  costs: 2,
  slots: 2,
  survey_answers: 1,
  simulation_checks: 1,
};
const SITE_TABLES = [...Object.keys(ROWS_A), 'machine_samples'] as const;
const CAMPAIGN_TABLES = ['campaigns', 'campaign_results', 'acts', 'peer_groups'] as const;

const site = (finess: string[]): AccessScope => ({ kind: 'site', userId: 1, finess });
const REGION_32: AccessScope = { kind: 'region', userId: 2, region: '32' };
const REGION_53: AccessScope = { kind: 'region', userId: 3, region: '53' };
const NATIONAL: AccessScope = { kind: 'national', userId: 4, admin: false };
const ADMIN: AccessScope = { kind: 'national', userId: 5, admin: true };

describe.skipIf(!pgUrl)('row-level security on a PostgreSQL server', () => {
  let database: Awaited<ReturnType<typeof serverDatabase>>;
  let owner: Store;
  let app: Store;
  const login = `plateau_t_${randomBytes(6).toString('hex')}`;
  const password = randomBytes(12).toString('hex');
  /** machine_samples rows per site, as the owner counts them through equipment. */
  let samples: Record<string, number>;

  beforeAll(async () => {
    database = await serverDatabase(pgUrl!);
    owner = await openStore({ url: database.url });
    await owner.db.query(`create role ${login} login password '${password}' in role plateau_app`);
    await importKit(owner, twoRegionKit(), {
      issues: [
        makeIssue('warning', 'duplicate-record', 'exams.csv', 3, 'exam_id', {
          n: 1,
          what: 'exams',
          'what@fr': 'examens',
          shown: 'x',
        }),
      ],
    });
    await owner.db.query(
      `insert into simulation_checks (campaign_id, equipment_id, reproduces, failing, status_quo, replications, seed)
       values ('rls', 'CT1', true, '[]', '{}', 1, 1), ('rls', 'MR1', false, '[]', '{}', 1, 1)`,
    );
    samples = Object.fromEntries(
      (
        await owner.db.query<{ finess: string; n: number }>(
          `select q.finess, count(*)::int as n from machine_samples s join equipment q using (campaign_id, equipment_id) group by q.finess`,
        )
      ).map((r) => [r.finess, r.n]),
    );
    const url = new URL(database.url);
    url.username = login;
    url.password = password;
    app = await openStore({ url: url.toString(), migrate: false });
  });
  afterAll(async () => {
    await app?.close();
    await owner?.close();
    await database?.drop();
    const c = new pg.Client({ connectionString: pgUrl });
    await c.connect();
    await c.query(`drop role if exists ${login}`);
    await c.end();
  });

  const counts = async (
    store: Store,
    tables: readonly string[],
  ): Promise<Record<string, number>> => {
    const out: Record<string, number> = {};
    for (const t of tables)
      out[t] = (await store.db.query<{ n: number }>(`select count(*)::int as n from ${t}`))[0]!.n;
    return out;
  };
  const sum = (a: Record<string, number>, b: Record<string, number>) =>
    Object.fromEntries(Object.keys(a).map((k) => [k, a[k]! + b[k]!]));
  const expected = (rows: Record<string, number>, finess: string[]) => ({
    ...rows,
    machine_samples: finess.reduce((n, f) => n + (samples[f] ?? 0), 0),
  });

  it('connects the app as a role row-level security binds', async () => {
    const role = await connectionRole(app.db);
    expect(role).toEqual({
      engine: 'postgres',
      user: login,
      ownsTables: false,
      superuser: false,
      bypassRls: false,
      memberOfApp: true,
    });
    expect(rlsBinds(role)).toBe(true);
    expect(rlsBinds(await connectionRole(owner.db))).toBe(false);
  });

  it('bulk-loads by COPY as the owner only: PostgreSQL refuses COPY FROM where policies bind', async () => {
    expect(await canCopyInto(owner.db, ['exams', 'sessions'])).toBe(true);
    expect(await canCopyInto(app.db, ['exams', 'sessions'])).toBe(false);
  });

  it('shows a site scope its own rows of every table, and campaign-wide tables', async () => {
    expect(samples[SITE_A]).toBeGreaterThan(0);
    expect(await counts(scopedStore(app, site([SITE_A])), SITE_TABLES)).toEqual(
      expected(ROWS_A, [SITE_A]),
    );
    expect(await counts(scopedStore(app, site([SITE_B])), SITE_TABLES)).toEqual(
      expected(ROWS_B, [SITE_B]),
    );
    expect(await counts(scopedStore(app, site([SITE_A, SITE_B])), SITE_TABLES)).toEqual(
      expected(sum(ROWS_A, ROWS_B), [SITE_A, SITE_B]),
    );
    expect(await counts(scopedStore(app, site(['750000001'])), SITE_TABLES)).toEqual(
      Object.fromEntries(SITE_TABLES.map((t) => [t, 0])),
    );
    const wide = await counts(scopedStore(app, site([SITE_A])), CAMPAIGN_TABLES);
    expect(wide).toMatchObject({ campaigns: 1, campaign_results: 1, acts: 2 });
    expect(wide['peer_groups']).toBeGreaterThan(0);
  });

  it("shows a region scope its region's sites, national and admin everything", async () => {
    expect(await counts(scopedStore(app, REGION_32), SITE_TABLES)).toEqual(
      expected(ROWS_A, [SITE_A]),
    );
    expect(await counts(scopedStore(app, REGION_53), SITE_TABLES)).toEqual(
      expected(ROWS_B, [SITE_B]),
    );
    const all = expected(sum(ROWS_A, ROWS_B), [SITE_A, SITE_B]);
    expect(await counts(scopedStore(app, NATIONAL), SITE_TABLES)).toEqual(all);
    expect(await counts(scopedStore(app, ADMIN), SITE_TABLES)).toEqual(all);
    expect(await counts(owner, SITE_TABLES)).toEqual(all);
  });

  it('shows a connection that set no scope no row at all', async () => {
    const none = await counts(app, [
      ...SITE_TABLES,
      ...CAMPAIGN_TABLES,
      'import_issues',
      'audit_log',
    ]);
    expect(Object.values(none).every((n) => n === 0)).toBe(true);
    // Even with an unknown scope, or a region scope missing its region.
    const odd = async (settings: string) =>
      app.db.transaction(async (tx) => {
        await tx.query(settings);
        return (
          await tx.query<{ n: number }>(
            `select (select count(*) from establishments) + (select count(*) from exams) as n`,
          )
        )[0]!.n;
      });
    expect(Number(await odd(`select set_config('plateau.scope', 'everything', true)`))).toBe(0);
    expect(Number(await odd(`select set_config('plateau.scope', 'region', true)`))).toBe(0);
    expect(Number(await odd(`select set_config('plateau.scope', 'site', true)`))).toBe(0);
  });

  it('hides import issues from site and region scopes', async () => {
    expect(await counts(owner, ['import_issues'])).toEqual({ import_issues: 1 });
    expect(await counts(scopedStore(app, NATIONAL), ['import_issues'])).toEqual({
      import_issues: 1,
    });
    expect(await counts(scopedStore(app, site([SITE_A])), ['import_issues'])).toEqual({
      import_issues: 0,
    });
    expect(await counts(scopedStore(app, REGION_32), ['import_issues'])).toEqual({
      import_issues: 0,
    });
  });

  it('lets a site write its own rows only, and a region none', async () => {
    const mine = scopedStore(app, site([SITE_A]));
    const affected = async (store: Store, sql: string) =>
      (await store.db.query(`${sql} returning 1 as x`)).length;
    expect(await affected(mine, `update exams set icr = icr where equipment_id = 'CT1'`)).toBe(4);
    expect(await affected(mine, `update exams set icr = 1 where equipment_id = 'MR1'`)).toBe(0);
    expect(await affected(mine, `delete from sessions where equipment_id = 'MR1'`)).toBe(0);
    expect(await affected(mine, `delete from costs where equipment_id = 'CT2'`)).toBe(0);
    expect(
      await affected(mine, `update establishments set name = 'Mine' where finess = '${SITE_B}'`),
    ).toBe(0);
    expect(
      await affected(
        mine,
        `delete from machine_results where campaign_id = 'rls' and equipment_id <> 'CT1'`,
      ),
    ).toBe(0);
    await expect(
      mine.db
        .query(`insert into exams (campaign_id, equipment_id, exam_id, category, room_in, room_out)
        values ('rls', 'MR1', 'X1', 'A', '2010-03-02T10:00Z', '2010-03-02T10:10Z')`),
    ).rejects.toMatchObject({ code: '42501' });
    await expect(
      mine.db.query(
        `insert into establishments (campaign_id, finess, name, legal_status, region) values ('rls', '590000099', 'X', 'CH', 'Bretagne')`,
      ),
    ).rejects.toMatchObject({ code: '42501' });
    // Moving its own machine to another site is refused too (WITH CHECK).
    await expect(
      mine.db.query(`update equipment set finess = '${SITE_B}' where equipment_id = 'CT1'`),
    ).rejects.toMatchObject({ code: '42501' });
    await expect(
      mine.db.query(`insert into acts (campaign_id, code, label, icr) values ('rls', 'X', 'X', 1)`),
    ).rejects.toMatchObject({ code: '42501' });
    // It may mark the campaign updated, not change what it is.
    expect(
      await affected(
        mine,
        `update campaigns set updated_at = now(), source = 'site upload' where id = 'rls'`,
      ),
    ).toBe(1);
    await expect(
      mine.db.query(`update campaigns set name = 'Mine' where id = 'rls'`),
    ).rejects.toMatchObject({ code: '42501' });
    const region = scopedStore(app, REGION_32);
    expect(await affected(region, `update exams set icr = icr where equipment_id = 'CT1'`)).toBe(0);
    expect(await affected(region, `update campaigns set updated_at = now() where id = 'rls'`)).toBe(
      0,
    );
    expect(
      await affected(
        scopedStore(app, NATIONAL),
        `update exams set icr = icr where campaign_id = 'rls'`,
      ),
    ).toBe(6);
    expect(await counts(owner, ['exams', 'sessions', 'costs', 'establishments'])).toEqual({
      exams: 6,
      sessions: 5,
      costs: 3,
      establishments: 2,
    });
    expect(
      (await owner.db.query(`select name from establishments where finess = '${SITE_B}'`))[0],
    ).toEqual({ name: 'Clinique du Nord' });
  });

  it('keeps the audit log append-only, read by the admin scope only', async () => {
    const mine = scopedStore(app, site([SITE_A]));
    await mine.db.query(
      `insert into audit_log (user_id, email, action, outcome) values (null, 'a@b.example', 'read.site', 'success')`,
    );
    await app.db.query(
      `insert into audit_log (email, action, outcome) values ('c@d.example', 'login', 'failure')`,
    );
    for (const sql of [
      `update audit_log set outcome = 'denied'`,
      `delete from audit_log`,
      `truncate audit_log`,
    ]) {
      await expect(scopedStore(app, ADMIN).db.query(sql), sql).rejects.toMatchObject({
        code: '42501',
      });
    }
    expect(await counts(mine, ['audit_log'])).toEqual({ audit_log: 0 });
    expect(await counts(scopedStore(app, REGION_32), ['audit_log'])).toEqual({ audit_log: 0 });
    expect(await counts(scopedStore(app, NATIONAL), ['audit_log'])).toEqual({ audit_log: 0 });
    expect(await counts(scopedStore(app, ADMIN), ['audit_log'])).toEqual({ audit_log: 2 });
    expect(await counts(owner, ['audit_log'])).toEqual({ audit_log: 2 });
  });

  it('lets the app role use accounts before any scope', async () => {
    const [user] = await app.db.query<{ id: string }>(
      `insert into users (email, role, password_hash) values ('n@x.example', 'national', 'scrypt$x') returning id::text as id`,
    );
    await app.db.query(
      `insert into user_sessions (token_hash, user_id, expires_at) values ($1, $2, now() + interval '1 hour')`,
      [Buffer.alloc(32, 7), user!.id],
    );
    expect(
      await app.db.query(
        `update user_sessions set revoked_at = now() where user_id = $1 returning 1 as x`,
        [user!.id],
      ),
    ).toHaveLength(1);
    expect(await app.db.query(`select email from users`)).toEqual([{ email: 'n@x.example' }]);
    await expect(app.db.query(`delete from users`)).rejects.toMatchObject({ code: '42501' });
  });

  it("lets the aggregator read every machine's results, and no exam", async () => {
    const asAggregator = (scope: AccessScope | null, sql: string) => {
      const store = scope === null ? app : scopedStore(app, scope);
      return store.db.transaction(async (tx) => {
        await tx.query('set local role plateau_aggregator');
        return tx.query<{ n: number }>(sql);
      });
    };
    for (const scope of [site([SITE_A]), null]) {
      expect(await asAggregator(scope, `select count(*)::int as n from machine_results`)).toEqual([
        { n: 3 },
      ]);
      expect(await asAggregator(scope, `select count(*)::int as n from equipment`)).toEqual([
        { n: 3 },
      ]);
      expect(await asAggregator(scope, `select count(*)::int as n from establishments`)).toEqual([
        { n: 2 },
      ]);
      expect(await asAggregator(scope, `select count(*)::int as n from peer_groups`)).toEqual([
        { n: (await counts(owner, ['peer_groups']))['peer_groups'] },
      ]);
      // The benchmark pools the machines' samples, the survey summary every site's answers (aggregates.ts).
      expect(await asAggregator(scope, `select count(*)::int as n from machine_samples`)).toEqual([
        { n: 3 },
      ]);
      for (const t of ['exams', 'sessions', 'slots', 'costs']) {
        await expect(
          asAggregator(scope, `select count(*)::int as n from ${t}`),
          t,
        ).rejects.toMatchObject({ code: '42501' });
      }
    }
    // Its members gain nothing by being members: the clause is on current_user.
    expect(await counts(scopedStore(app, site([SITE_A])), ['machine_results'])).toEqual({
      machine_results: 1,
    });
    expect(
      await asAggregator(
        site([SITE_A]),
        `update campaign_results set computed_at = computed_at returning 1 as n`,
      ),
    ).toHaveLength(1);
  });

  it('stores the peer groups at import, sized, with no values under five machines', async () => {
    const groups = await loadPeerGroups(scopedStore(app, site([SITE_A])), 'rls');
    const sizes = Object.fromEntries(groups.map((g) => [peerGroupKey(g.filter), g.n]));
    // CT1 (CH, Hauts-de-France) and CT2 (PRIVATE, Bretagne); MR1 (PRIVATE, Bretagne).
    expect(sizes).toMatchObject({
      '["CT",null,null,null]': 2,
      '["MR",null,null,null]': 1,
      '["CT","Hauts-de-France",null,null]': 1,
      '["CT","Bretagne",null,null]': 1,
      '["CT",null,"CH",null]': 1,
      '["CT",null,"PRIVATE",null]': 1,
      '["MR","Bretagne",null,null]': 1,
      '["MR",null,"PRIVATE",null]': 1,
    });
    expect(
      groups.find(
        (g) => g.n === 2 && g.filter.region === undefined && g.filter.typology === undefined,
      )?.filter,
    ).toEqual({ modality: 'CT' });
    expect(groups.every((g) => g.values === null)).toBe(true);
    expect(await loadPeerGroups(app, 'rls')).toEqual([]);
  });
});
