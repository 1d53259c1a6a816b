// The campaign cache per access scope (issue 15). On PGlite (the owner: no row is hidden): one
// entry per campaign and scope key, partial for site and region scopes with the stored peer
// groups read once, every scope's entry dropped by invalidate, at most SCOPED_ENTRIES site and
// region entries kept. On a PostgreSQL server, through a login role of plateau_app: a site
// scope's entry holds only its machines and compares them as the full campaign does.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AccessScope } from '../../src/core/access.ts';
import {
  campaignDetail,
  establishmentView,
  machineComparison,
  PEER_SCOPES,
} from '../../src/core/views/index.ts';
import { SCOPED_ENTRIES, CampaignCache } from '../../src/server/campaign-cache.ts';
import type { Store } from '../../src/storage/index.ts';
import { importKit, loadSamples, openStore } from '../../src/storage/index.ts';
import { ALPHA, SITES, scopedKit } from '../core/views/scoped-kit.ts';
import { PG_URL, pgPlace } from '../cli/pg-roles.ts';
import type { PgPlace } from '../cli/pg-roles.ts';
import { memoryStore, wrappedStore } from './helpers.ts';

const LOCAL: AccessScope = { kind: 'local' };
const NATIONAL: AccessScope = { kind: 'national', userId: 1, admin: false };
const ADMIN: AccessScope = { kind: 'national', userId: 2, admin: true };
const site = (finess: string, userId = 10): AccessScope => ({
  kind: 'site',
  userId,
  finess: [finess],
});
/** Hauts-de-France: Alpha (59) and Bravo (62). */
const HDF: AccessScope = { kind: 'region', userId: 20, region: '32' };

describe('the campaign cache per scope (PGlite)', () => {
  let store: Store;
  let peerReads = 0;
  let cache: CampaignCache;
  beforeAll(async () => {
    store = await memoryStore();
    await importKit(store, scopedKit());
    // A site or region scope's reads run in transactions (scopedStore sets the scope first).
    const counting = wrappedStore(store, {
      transaction: (fn) =>
        store.db.transaction((tx) =>
          fn({
            query: (sql: string, params?: readonly unknown[]) => {
              if (sql.includes('from peer_groups')) peerReads++;
              return tx.query(sql, params) as never;
            },
            exec: (sql: string) => tx.exec(sql),
          } as typeof tx),
        ),
    });
    cache = new CampaignCache(counting, loadSamples);
  }, 60_000);
  afterAll(async () => store?.close());

  it('keeps one entry per scope key, partial for the scopes that do not see everything', async () => {
    const local = (await cache.get('scoped', LOCAL))!;
    expect(local.index.partial).toBe(false);
    expect(local.index.machines).toHaveLength(14);
    expect(await cache.get('scoped', LOCAL)).toBe(local);
    const national = (await cache.get('scoped', NATIONAL))!;
    expect(national).not.toBe(local);
    expect(national.index.partial).toBe(false);
    expect((await cache.get('scoped', ADMIN))!.index.partial).toBe(false);
    const mine = (await cache.get('scoped', site(ALPHA.finess)))!;
    expect(mine.index.partial).toBe(true);
    // Two users of the same site share the entry; another site has its own.
    expect(await cache.get('scoped', site(ALPHA.finess, 11))).toBe(mine);
    expect(await cache.get('scoped', site(SITES[1].finess))).not.toBe(mine);
    const region = (await cache.get('scoped', HDF))!;
    expect(region.index.partial).toBe(true);
    // The stored peer groups, read once for every partial entry of the campaign.
    expect(peerReads).toBe(1);
    expect(mine.index.data.peers).toBe(region.index.data.peers);
    expect(mine.index.storedGroup({ modality: 'CT' })?.n).toBe(11);
    expect(cache.size).toEqual({ full: 3, scoped: 3 });
    expect(await cache.get('nowhere', site(ALPHA.finess))).toBeNull();
    expect(cache.size.scoped).toBe(3);
  });

  it('drops every scope’s entry, and the peer groups, on invalidate', async () => {
    const local = await cache.get('scoped', LOCAL);
    const mine = await cache.get('scoped', site(ALPHA.finess));
    const reads = peerReads;
    cache.invalidate('scoped');
    expect(cache.size).toEqual({ full: 0, scoped: 0 });
    expect(await cache.get('scoped', LOCAL)).not.toBe(local);
    expect(await cache.get('scoped', site(ALPHA.finess))).not.toBe(mine);
    expect(peerReads).toBe(reads + 1);
  });

  it('keeps at most scopedEntries site and region entries, the least recently used dropped', async () => {
    expect(SCOPED_ENTRIES).toBe(256);
    const small = new CampaignCache(store, loadSamples, { scopedEntries: 3 });
    const [a, b, c, d] = ['000000000', '000000001', '000000002', '000000003'].map((f) => site(f));
    const first = await small.get('scoped', a!);
    const kept = await small.get('scoped', b!);
    await small.get('scoped', c!);
    // b used again: the least recent is a, dropped when d comes.
    expect(await small.get('scoped', b!)).toBe(kept);
    await small.get('scoped', d!);
    expect(small.size.scoped).toBe(3);
    expect(await small.get('scoped', b!)).toBe(kept);
    expect(await small.get('scoped', a!)).not.toBe(first);
    expect(small.size.scoped).toBe(3);
    // Full-visibility entries are not counted against the bound.
    await small.get('scoped', LOCAL);
    await small.get('scoped', NATIONAL);
    expect(small.size).toEqual({ full: 2, scoped: 3 });
    // A region scope's entry counts as one of them.
    await small.get('scoped', HDF);
    expect(small.size.scoped).toBe(3);
  });

  it('lists the campaigns, and drops entries older than the stored campaign', async () => {
    const [summary] = await cache.list(LOCAL);
    expect(summary).toMatchObject({ id: 'scoped', establishments: 5, machines: { CT: 11, MR: 3 } });
    const mine = await cache.get('scoped', site(ALPHA.finess));
    await store.db.query(
      `update campaigns set updated_at = updated_at + interval '1 second' where id = 'scoped'`,
    );
    await cache.list(site(ALPHA.finess));
    await new Promise((r) => setTimeout(r, 0));
    expect(await cache.get('scoped', site(ALPHA.finess))).not.toBe(mine);
  });

  it('keeps a scope’s listing while no campaign changed, and counts again once one did', async () => {
    const first = await cache.list(site(ALPHA.finess));
    expect(await cache.list(site(ALPHA.finess))).toBe(first);
    const before = (await cache.list(LOCAL))[0]!.exams;
    // A machine's stored exam count changed behind the cache's back is not seen until the
    // campaign's stamp moves (the listing counts exams from the stored figures).
    await store.db.query(
      `update machine_results set indicators = jsonb_set(indicators::jsonb, '{exams}', to_jsonb((indicators ->> 'exams')::int - 1))::json
       where campaign_id = 'scoped' and equipment_id = (select equipment_id from machine_results where campaign_id = 'scoped' and exams > 0 order by 1 limit 1)`,
    );
    expect((await cache.list(LOCAL))[0]!.exams).toBe(before);
    expect(await cache.list(site(ALPHA.finess))).toBe(first);
    await store.db.query(
      `update campaigns set updated_at = updated_at + interval '1 second' where id = 'scoped'`,
    );
    expect((await cache.list(LOCAL))[0]!.exams).toBe(before - 1);
    expect(await cache.list(site(ALPHA.finess))).not.toBe(first);
  });
});

describe.skipIf(!PG_URL)('the campaign cache over a plateau_app login role (PostgreSQL)', () => {
  let place: PgPlace;
  let owner: Store;
  let app: Store;
  let cache: CampaignCache;
  beforeAll(async () => {
    place = await pgPlace(PG_URL!);
    owner = await openStore({ url: place.ownerUrl });
    await importKit(owner, scopedKit());
    app = await openStore({ url: await place.loginRole(), migrate: false });
    cache = new CampaignCache(app, loadSamples);
  }, 120_000);
  afterAll(async () => {
    await app?.close();
    await owner?.close();
    await place?.dispose();
  });

  it('holds only the site’s machines, compared as the full campaign compares them', async () => {
    const mine = (await cache.get('scoped', site(ALPHA.finess)))!;
    const full = (await cache.get('scoped', NATIONAL))!;
    expect(full.index.machines).toHaveLength(14);
    expect(mine.index.machines.map((m) => m.equipmentId)).toEqual([
      'CT-ALPHA-1',
      'CT-ALPHA-2',
      'CT-ALPHA-3',
      'MR-ALPHA-1',
    ]);
    expect(mine.index.data.establishments.map((e) => e.finess)).toEqual([ALPHA.finess]);
    expect([...mine.index.data.samples.keys()].sort()).toEqual([
      'CT-ALPHA-1',
      'CT-ALPHA-2',
      'CT-ALPHA-3',
      'MR-ALPHA-1',
    ]);
    expect(campaignDetail(mine.index)).toMatchObject({
      establishments: 1,
      machines: { CT: 3, MR: 1 },
      exams: 1 + 2 + 3 + 2,
    });
    for (const m of mine.index.machines) {
      for (const scope of PEER_SCOPES) {
        const a = machineComparison(mine.index, m, scope);
        const b = machineComparison(full.index, full.index.machineById.get(m.equipmentId)!, scope);
        expect(a.peerCount).toBe(b.peerCount);
        if (b.peerCount >= 5) expect(a.figures).toEqual(b.figures);
        else expect(a.figures.every((f) => f.rank === null && f.peers.p50 === null)).toBe(true);
      }
    }
    const text = JSON.stringify(
      PEER_SCOPES.map((scope) => establishmentView(mine.index, ALPHA.finess, scope)),
    );
    for (const other of SITES.slice(1)) expect(text).not.toContain(other.finess);
  });

  it('reads records, lists and regions through the scope', async () => {
    const mine = (await cache.get('scoped', site(ALPHA.finess)))!;
    expect((await mine.machineRecords('CT-ALPHA-3'))?.exams).toHaveLength(3);
    // Another site's machine is no row of this scope's store.
    expect(await mine.machineRecords('CT-BRAVO-1')).toBeNull();
    const [listed] = await cache.list(site(ALPHA.finess));
    expect(listed).toMatchObject({
      id: 'scoped',
      establishments: 1,
      exams: 8,
      machines: { CT: 3, MR: 1 },
    });
    const [all] = await cache.list(NATIONAL);
    expect(all).toMatchObject({ establishments: 5, machines: { CT: 11, MR: 3 } });
    const region = (await cache.get('scoped', HDF))!;
    expect(region.index.machines.map((m) => m.finess).sort()).toEqual([
      ...Array(4).fill(ALPHA.finess),
      ...Array(2).fill(SITES[1].finess),
    ]);
  });
});
