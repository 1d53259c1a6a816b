// Uploads by role (issue 15). On PGlite: a job records its owner and scope, a site's upload is a
// site import followed by the aggregates' refresh, a region may not upload, a user reads only its
// own jobs, and every import by a user is audited. On a PostgreSQL server, through a login role of
// plateau_app (row-level security on): site A re-imports with one machine's exams changed and only
// its rows and figures change, B's are as before, the aggregates equal a full recompute; a kit with
// a foreign FINESS row is refused at its line with nothing changed; and RLS alone, with the site
// import's own check bypassed, refuses writing another site's row.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AccessScope } from '../../src/core/access.ts';
import { computeCampaign } from '../../src/core/indicators/index.ts';
import type { Kit } from '../../src/core/kit-types.ts';
import type { UploadStatus } from '../../src/core/views/types.ts';
import { ApiError } from '../../src/server/errors.ts';
import { UploadJobs } from '../../src/server/uploads/upload-jobs.ts';
import { readAudit } from '../../src/storage/audit-repository.ts';
import { addUser } from '../../src/storage/user-repository.ts';
import { importKit, recomputeResults } from '../../src/storage/import-kit.ts';
import { loadPeerGroups } from '../../src/storage/peer-groups.ts';
import { importSiteKit } from '../../src/storage/import-site.ts';
import { loadKit } from '../../src/storage/load-kit.ts';
import type { Store } from '../../src/storage/open-store.ts';
import { openStore } from '../../src/storage/open-store.ts';
import { loadResults } from '../../src/storage/queries.ts';
import { scopedStore } from '../../src/storage/scoped-store.ts';
import { PG_URL, pgPlace } from '../cli/pg-roles.ts';
import type { PgPlace } from '../cli/pg-roles.ts';
import { at } from '../storage/small-kit.ts';
import { syntheticKit } from '../storage/synthetic-kit.ts';
import { kitFiles, memoryStore } from './helpers.ts';
import { siteKit } from '../helpers/site-kit.ts';

const A = '590000000';
const B = '590000001';
const CHEAP = { scrypt: { N: 1024, r: 8, p: 1 } };

/** Accounts for the jobs' owners (the audit log names real users): site A's, a national one, an admin. */
async function accounts(
  store: Store,
): Promise<{ siteA: AccessScope; national: AccessScope; admin: AccessScope; siteB: AccessScope }> {
  const add = async (email: string, role: string, finess?: string[]) =>
    Number(
      (
        await addUser(
          store,
          { email, role, ...(finess ? { finess } : {}), password: 'a long enough password' },
          CHEAP,
        )
      ).id,
    );
  return {
    siteA: { kind: 'site', userId: await add('a@x.example', 'site', [A]), finess: [A] },
    siteB: { kind: 'site', userId: await add('b@x.example', 'site', [B]), finess: [B] },
    national: { kind: 'national', userId: await add('n@x.example', 'national'), admin: false },
    admin: { kind: 'national', userId: await add('admin@x.example', 'admin'), admin: true },
  };
}

/** Half of the first machine's exams dropped. */
function withFewerExams(kit: Kit): { kit: Kit; machine: string; left: number } {
  const machine = kit.equipment[0]!.equipmentId;
  let i = 0;
  const exams = kit.exams.filter((e) => e.equipmentId !== machine || i++ % 2 === 1);
  return {
    kit: { ...kit, exams },
    machine,
    left: exams.filter((e) => e.equipmentId === machine).length,
  };
}

/** Every row of establishment `finess` and its machines (results included), as text. */
async function rowsOf(owner: Store, finess: string): Promise<string> {
  const q = (sql: string) => owner.db.query(sql, [finess]);
  const machines = `(select equipment_id from equipment where finess = $1)`;
  return JSON.stringify([
    await q(
      `select campaign_id, finess, name, legal_status, region, department from establishments where finess = $1`,
    ),
    await q(`select * from equipment where finess = $1 order by equipment_id`),
    await q(
      `select * from survey_answers where finess = $1 order by modality, clinical_case, patient_type`,
    ),
    await q(
      `select * from sessions where equipment_id in ${machines} order by equipment_id, start_at, end_at, type`,
    ),
    await q(`select * from exams where equipment_id in ${machines} order by equipment_id, exam_id`),
    await q(
      `select equipment_id, encode(samples, 'base64') from machine_samples where equipment_id in ${machines} order by equipment_id`,
    ),
  ]);
}

/** The stored figures of the machines of `finess`, percentile ranks aside (they are campaign-wide). */
async function figuresOf(
  owner: Store,
  finess: string,
): Promise<Record<string, Record<string, unknown>>> {
  const rows = await owner.db.query<{ equipment_id: string; indicators: Record<string, unknown> }>(
    `select equipment_id, indicators from machine_results r join equipment e using (campaign_id, equipment_id)
     where e.finess = $1 order by equipment_id`,
    [finess],
  );
  return Object.fromEntries(
    rows.map((r) => [r.equipment_id, { ...r.indicators, percentRank: undefined }]),
  );
}

/** The stored aggregates equal what the engine gives over the stored records from scratch. */
async function expectAggregatesFresh(owner: Store, id: string): Promise<void> {
  const stored = await loadResults(owner, id);
  const scratch = JSON.parse(
    JSON.stringify(computeCampaign((await loadKit(owner, id))!)),
  ) as ReturnType<typeof computeCampaign>;
  expect(JSON.parse(JSON.stringify(stored!.benchmark))).toEqual(scratch.benchmark);
  expect(stored!.quality).toEqual(scratch.quality);
  expect(stored!.machines).toEqual(scratch.machines);
  // The peer groups a site is compared with: as a full recompute (which rewrites them) stores them.
  const groups = await loadPeerGroups(owner, id);
  await recomputeResults(owner, id);
  expect(await loadPeerGroups(owner, id)).toEqual(groups);
}

async function settle(jobs: UploadJobs, status: UploadStatus): Promise<UploadStatus> {
  await jobs.idle();
  return jobs.get(status.id)!;
}

describe('upload jobs by scope (PGlite)', () => {
  let store: Store;
  let who: Awaited<ReturnType<typeof accounts>>;
  const kit = syntheticKit({ id: 'jobs', machines: 10, examsPerMachine: 60 });

  beforeAll(async () => {
    store = await memoryStore();
    await importKit(store, kit);
    who = await accounts(store);
  }, 60_000);
  afterAll(async () => store?.close());

  it("runs a site's upload as a site import then a refresh, readable by its user only, audited", async () => {
    const jobs = new UploadJobs(store);
    const changed = withFewerExams(siteKit(kit, [A]));
    const other = await rowsOf(store, B);
    const { siteA } = who;
    const first = jobs.submit(await kitFiles(changed.kit), 'site-a.zip', 'kit', {
      scope: siteA,
      email: 'a@x.example',
    });
    const status = await settle(jobs, first);
    expect(status.error).toBeNull();
    expect(status).toMatchObject({
      state: 'done',
      campaignId: 'jobs',
      summary: { campaign: 'updated', establishments: 1 },
    });
    expect(status.summary!.changes.exams.removed).toBe(
      kit.exams.filter((e) => e.equipmentId === changed.machine).length - changed.left,
    );
    expect(jobs.ownerOf(first.id)).toEqual({
      userId: siteA.kind === 'site' ? siteA.userId : null,
      scope: siteA,
    });
    expect(((await figuresOf(store, A))[changed.machine] as { exams: number }).exams).toBe(
      changed.left,
    );
    expect(await rowsOf(store, B)).toBe(other);
    await expectAggregatesFresh(store, 'jobs');
    // Its user reads it; another site's user does not; an administrator does.
    expect(jobs.get(first.id, siteA)?.state).toBe('done');
    expect(jobs.get(first.id, who.siteB)).toBeUndefined();
    expect(jobs.get(first.id, who.national)).toBeUndefined();
    expect(jobs.get(first.id, who.admin)?.state).toBe('done');
    const [row] = await readAudit(store, { action: 'import' });
    expect(row).toMatchObject({
      userId: siteA.kind === 'site' ? siteA.userId : 0,
      email: 'a@x.example',
      action: 'import',
      target: 'jobs',
      outcome: 'success',
    });
    expect(row!.detail).toMatchObject({ scope: `site:${A}`, origin: 'site-a.zip', kind: 'kit' });
  }, 60_000);

  it("refuses a site's kit holding another site's machine at its equipment.csv line, audited as a failure", async () => {
    const jobs = new UploadJobs(store);
    const mine = siteKit(kit, [A]);
    const foreign = kit.equipment.find((m) => m.finess === B)!;
    // B's establishment and one of its machines (with its exams, so the kit itself reads clean).
    const bad: Kit = {
      ...mine,
      establishments: [...mine.establishments, kit.establishments.find((e) => e.finess === B)!],
      equipment: [...mine.equipment, foreign],
      exams: [...mine.exams, ...kit.exams.filter((e) => e.equipmentId === foreign.equipmentId)],
    };
    const before = (await rowsOf(store, A)) + (await rowsOf(store, B));
    const status = await settle(
      jobs,
      jobs.submit(await kitFiles(bad), 'bad.zip', 'kit', { scope: who.siteA }),
    );
    expect(status.state).toBe('rejected');
    // establishments.csv: header, A (line 2), B (line 3); equipment.csv: header, A's machines, then B's.
    expect(status.error!.message).toMatch(
      /establishments\.csv:3:finess: FINESS 590000001 is not one of your establishments/,
    );
    expect(status.error!.message).toContain(
      `equipment.csv:${mine.equipment.length + 2}:finess: machine ${foreign.equipmentId}`,
    );
    expect((await rowsOf(store, A)) + (await rowsOf(store, B))).toBe(before);
    const [row] = await readAudit(store, { action: 'import' });
    expect(row).toMatchObject({
      email: null,
      action: 'import',
      target: 'jobs',
      outcome: 'failure',
      detail: { reason: 'invalid-kit' },
    });
  }, 60_000);

  it('refuses a region (403) and keeps the full import for local and national scopes', async () => {
    const jobs = new UploadJobs(store);
    const files = await kitFiles(kit);
    expect(() =>
      jobs.submit(files, 'k.zip', 'kit', { scope: { kind: 'region', userId: 5, region: '32' } }),
    ).toThrow(ApiError);
    const national = await settle(
      jobs,
      jobs.submit(files, 'k.zip', 'kit', { scope: who.national, email: 'n@x.example' }),
    );
    expect(national).toMatchObject({
      state: 'done',
      summary: { establishments: kit.establishments.length },
    });
    expect(jobs.ownerOf(national.id)).toEqual({
      userId: (who.national as { userId: number }).userId,
      scope: who.national,
    });
    const local = await settle(jobs, jobs.submit(files, 'k.zip'));
    expect(local.state).toBe('done');
    expect(jobs.ownerOf(local.id)).toEqual({ userId: null, scope: { kind: 'local' } });
    expect((await readAudit(store, { action: 'import' }))[0]).toMatchObject({
      email: 'n@x.example',
      outcome: 'success',
      detail: { scope: 'national' },
    });
  }, 60_000);
});

describe.skipIf(!PG_URL)('site uploads under row-level security (PostgreSQL)', () => {
  let place: PgPlace;
  let owner: Store;
  let app: Store;
  let siteA: AccessScope;
  const kit = syntheticKit({ id: 'rls-sites', machines: 12, examsPerMachine: 80 });

  beforeAll(async () => {
    place = await pgPlace(PG_URL!);
    owner = await openStore({ url: place.ownerUrl });
    await importKit(owner, kit);
    siteA = (await accounts(owner)).siteA;
    app = await openStore({ url: await place.loginRole(), migrate: false });
  }, 120_000);
  afterAll(async () => {
    await app?.close();
    await owner?.close();
    await place?.dispose();
  });

  it('site A re-imports through the app role: its figures change, B is untouched, aggregates equal a recompute', async () => {
    const jobs = new UploadJobs(app);
    const changed = withFewerExams(siteKit(kit, [A]));
    const otherRows = await rowsOf(owner, B);
    const otherFigures = await figuresOf(owner, B);
    const status = await settle(
      jobs,
      jobs.submit(await kitFiles(changed.kit), 'a.zip', 'kit', {
        scope: siteA,
        email: 'a@x.example',
      }),
    );
    expect(status.error).toBeNull();
    expect(status.state).toBe('done');
    expect(((await figuresOf(owner, A))[changed.machine] as { exams: number }).exams).toBe(
      changed.left,
    );
    expect(await rowsOf(owner, B)).toBe(otherRows);
    expect(await figuresOf(owner, B)).toEqual(otherFigures);
    await expectAggregatesFresh(owner, 'rls-sites');
    expect(
      (await owner.db.query(`select source from campaigns where id = 'rls-sites'`))[0],
    ).toEqual({ source: 'upload: a.zip' });
  }, 120_000);

  it('refuses a foreign FINESS row at its line, changing nothing', async () => {
    const jobs = new UploadJobs(app);
    const mine = siteKit(kit, [A]);
    // B's survey answer, with B's establishment row (the kit reader wants the FINESS it names).
    const bad: Kit = {
      ...mine,
      establishments: [...mine.establishments, kit.establishments.find((e) => e.finess === B)!],
      survey: [...mine.survey, kit.survey.find((a) => a.finess === B)!],
    };
    const before = (await rowsOf(owner, A)) + (await rowsOf(owner, B));
    const status = await settle(
      jobs,
      jobs.submit(await kitFiles(bad), 'bad.zip', 'kit', { scope: siteA }),
    );
    expect(status.state).toBe('rejected');
    expect(status.error!.message).toContain(
      `establishments.csv:3:finess: FINESS ${B} is not one of your establishments`,
    );
    expect(status.error!.message).toContain(
      `appointment-survey.csv:${mine.survey.length + 2}:finess: FINESS ${B} is not one of your establishments`,
    );
    expect((await rowsOf(owner, A)) + (await rowsOf(owner, B))).toBe(before);
  }, 60_000);

  it("replaces the site's slots and costs only, numbering its slots past the rows of others it cannot see", async () => {
    // Slots and costs for every machine, the rows of A's and B's machines interleaved.
    const slotsOf = (m: string, n: number, status: 'free' | 'busy') =>
      Array.from({ length: n }, (_, i) => ({
        equipmentId: m,
        start: at(`2010-03-0${i + 2}T08:00`),
        end: at(`2010-03-0${i + 2}T08:30`),
        status,
        observedAt: at('2010-03-01T07:00'),
      }));
    const costOf = (m: string, staff: number) => ({
      equipmentId: m,
      purchasePrice: 1e6,
      amortisationYears: 7,
      maintenance: 8e4,
      staff,
      consumablesPerExam: 12,
      overhead: 1e4,
    });
    const full: Kit = {
      ...kit,
      slots: kit.equipment.flatMap((m) => slotsOf(m.equipmentId, 2, 'free')),
      costs: { origin: 'input', rows: kit.equipment.map((m) => costOf(m.equipmentId, 2e5)) },
    };
    await importKit(owner, full);
    const bSlots = async () =>
      owner.db.query(
        `select * from slots s join equipment e using (campaign_id, equipment_id) where e.finess = $1 order by row_no`,
        [B],
      );
    const bCosts = async () =>
      owner.db.query(
        `select c.* from costs c join equipment e using (campaign_id, equipment_id) where e.finess = $1 order by equipment_id`,
        [B],
      );
    const slotsB = await bSlots();
    const costsB = await bCosts();
    const mine = siteKit(full, [A]);
    const machines = mine.equipment.map((m) => m.equipmentId);
    // Three busy slots per machine now (more than the rows it had: the numbers it frees are too few).
    const summary = await importSiteKit(
      scopedStore(app, siteA),
      {
        ...mine,
        slots: machines.flatMap((m) => slotsOf(m, 3, 'busy')),
        costs: { origin: 'input', rows: machines.map((m) => costOf(m, 3e5)) },
      },
      [A],
    );
    expect(summary.slots).toMatchObject({
      inserted: 3 * machines.length,
      removed: 2 * machines.length,
    });
    expect(summary.costs).toMatchObject({ updated: machines.length, removed: 0 });
    expect(await bSlots()).toEqual(slotsB);
    expect(await bCosts()).toEqual(costsB);
    const aSlots = await owner.db.query<{ status: string; n: number }>(
      `select status, count(*)::int as n from slots s join equipment e using (campaign_id, equipment_id) where e.finess = $1 group by status`,
      [A],
    );
    expect(aSlots).toEqual([{ status: 'busy', n: 3 * machines.length }]);
    const aStaff = await owner.db.query<{ staff: number }>(
      `select distinct staff from costs c join equipment e using (campaign_id, equipment_id) where e.finess = $1`,
      [A],
    );
    expect(aStaff).toEqual([{ staff: 3e5 }]);
    // Restore the kit without slots or costs for the other tests.
    await importKit(owner, kit);
  }, 120_000);

  it("row-level security alone refuses another site's rows when the import's own check is bypassed", async () => {
    const before = (await rowsOf(owner, A)) + (await rowsOf(owner, B));
    const mineAndB = siteKit(kit, [A, B]);
    // The import is told both FINESS are the user's; the database knows better.
    await expect(importSiteKit(scopedStore(app, siteA), mineAndB, [A, B])).rejects.toThrow(
      /would write a key another establishment holds, or a row outside your establishments/,
    );
    // And by hand: a machine for B, a change to B's exams, a delete of B's establishment.
    const asA = scopedStore(app, siteA);
    await expect(
      asA.db.query(
        `insert into equipment (campaign_id, equipment_id, finess, modality, role) values ('rls-sites', 'X1', $1, 'CT', 'general')`,
        [B],
      ),
    ).rejects.toMatchObject({ code: '42501' });
    const machineOfB = kit.equipment.find((m) => m.finess === B)!.equipmentId;
    expect(
      await asA.db.query(
        `update exams set category = 'A' where campaign_id = 'rls-sites' and equipment_id = $1 returning 1`,
        [machineOfB],
      ),
    ).toEqual([]);
    await expect(
      asA.db.query(
        `insert into exams (campaign_id, equipment_id, exam_id, category, room_in, room_out) values ('rls-sites', $1, 'X', 'A', now(), now())`,
        [machineOfB],
      ),
    ).rejects.toMatchObject({ code: '42501' });
    expect(
      await asA.db.query(`delete from establishments where finess = $1 returning 1`, [B]),
    ).toEqual([]);
    expect((await rowsOf(owner, A)) + (await rowsOf(owner, B))).toBe(before);
  }, 60_000);
});
