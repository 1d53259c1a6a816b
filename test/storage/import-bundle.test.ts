// Signed bundles stored in the observatory (issue 16), on both engines: a generated campaign
// (60 machines, 14 days) imported raw, against the same with a third of its sites sent as signed
// bundles and the rest raw: every stored machine figure and rank identical, every pooled benchmark
// quantile within the binning's half-width (the max differences are measured and printed), the
// rest of the benchmark, the quality and the survey identical. A store made from a bundle alone;
// the refusals (bad signature, unknown or revoked key, tampered figure, an exam row, a site present
// as raw data, another period) store nothing; a kit naming a bundle site is refused at its row and
// keeps the bundle sites' rows otherwise; a newer bundle replaces the older; rename and delete.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BundlePayload } from '../../src/core/bundle/types.ts';
import { BINNING } from '../../src/core/bundle/types.ts';
import type { CampaignIndicators, MachineIndicators } from '../../src/core/indicators/types.ts';
import { generateKit } from '../../src/generate/index.ts';
import type { SiteKey } from '../../src/ingest/bundle/index.ts';
import { generateSiteKey, signBundle } from '../../src/ingest/bundle/index.ts';
import type { Store } from '../../src/storage/index.ts';
import {
  addBundleKey,
  BundleImportError,
  deleteCampaign,
  importBundle,
  importKit,
  loadCampaignData,
  loadResults,
  renameCampaign,
  revokeBundleKey,
} from '../../src/storage/index.ts';
import { scopedStore } from '../../src/storage/scoped-store.ts';
import { openStore } from '../../src/storage/open-store.ts';
import type { PgPlace } from '../cli/pg-roles.ts';
import { PG_URL, pgPlace } from '../cli/pg-roles.ts';
import { bundlePayloadOf } from '../helpers/bundle-payload.ts';
import { siteKit } from '../helpers/site-kit.ts';
import type { TestPlace } from './engines.ts';
import { ENGINES } from './engines.ts';

const ADMIN = { email: 'console:test' };
const kit = generateKit({ seed: 16, machines: 60, days: 14 });
const ID = kit.campaign.id;
/** Sites with machines, by FINESS; every third one sends a bundle. */
const sites = [...new Set(kit.equipment.map((m) => m.finess))].sort();
const bundled = sites.filter((_, i) => i % 3 === 0);
const rawKit = siteKit(
  kit,
  kit.establishments.map((e) => e.finess).filter((f) => !bundled.includes(f)),
);
const keys = new Map<string, SiteKey>(bundled.map((f) => [f, generateSiteKey()]));

const payloadOf = bundlePayloadOf;

const fileOf = (payload: BundlePayload, key: SiteKey): string =>
  JSON.stringify(signBundle(payload, key.privatePem));
const texts = new Map(bundled.map((f) => [f, fileOf(payloadOf(kit, f), keys.get(f)!)]));

async function registerKeys(store: Store): Promise<void> {
  for (const [finess, key] of keys)
    await addBundleKey(store, { finess, publicKey: key.publicPem }, ADMIN);
}

/** Rows of the tables a bundle writes, for "nothing stored". */
async function footprint(store: Store): Promise<string> {
  const rows = await store.db.query<{ t: string; n: number }>(
    `select 'c' as t, count(*)::int as n from campaigns union all select 'e', count(*)::int from establishments
     union all select 'm', count(*)::int from equipment union all select 'r', count(*)::int from machine_results
     union all select 's', count(*)::int from machine_samples union all select 'b', count(*)::int from bundle_sites
     union all select 'a', count(*)::int from survey_answers`,
  );
  const [head] = await store.db.query<{ b: string | null; r: string | null }>(
    `select (select md5(benchmark::text) from campaign_results where campaign_id = $1) as b,
       (select md5(string_agg(indicators::text, ',' order by equipment_id)) from machine_results) as r`,
    [ID],
  );
  return `${rows.map((r) => `${r.t}${r.n}`).join(' ')} ${head?.b ?? '-'} ${head?.r ?? '-'}`;
}

const FAMILIES = ['durationMinutes', 'reportDelayMinutes', 'appointmentDelayDays'] as const;

/**
 * Compares two campaigns' results: machines equal (figures and ranks), benchmark equal but for the
 * pooled families, whose quantiles are each within `BINNING[family] / 2`; returns the max
 * difference per family.
 */
function compare(
  a: CampaignIndicators,
  b: CampaignIndicators,
): Record<(typeof FAMILIES)[number], number> {
  const byId = (list: readonly MachineIndicators[]) => new Map(list.map((m) => [m.equipmentId, m]));
  const ma = byId(a.machines);
  const mb = byId(b.machines);
  expect([...mb.keys()].sort()).toEqual([...ma.keys()].sort());
  for (const [id, m] of ma) expect(mb.get(id), id).toEqual(m);
  expect(b.quality).toEqual(a.quality);
  expect(b.survey).toEqual(a.survey);
  const max = { durationMinutes: 0, reportDelayMinutes: 0, appointmentDelayDays: 0 };
  expect(Object.keys(b.benchmark).sort()).toEqual(Object.keys(a.benchmark).sort());
  for (const [modality, pa] of Object.entries(a.benchmark)) {
    const pb = b.benchmark[modality as keyof typeof b.benchmark]!;
    const { durationMinutes: da, reportDelayMinutes: ra, appointmentDelayDays: aa, ...restA } = pa!;
    const { durationMinutes: db, reportDelayMinutes: rb, appointmentDelayDays: ab, ...restB } = pb;
    expect(restB, modality).toEqual(restA);
    const pairs = [
      ['durationMinutes', da, db],
      ['reportDelayMinutes', ra, rb],
      ['appointmentDelayDays', aa, ab],
    ] as const;
    for (const [family, x, y] of pairs) {
      expect(Object.keys(y).sort(), `${modality} ${family}`).toEqual(Object.keys(x).sort());
      for (const [k, q] of Object.entries(x)) {
        const r = (y as Record<string, typeof q>)[k]!;
        expect(r.n, `${modality} ${family}.${k} n`).toBe(q!.n);
        for (const p of ['p20', 'p50', 'p80'] as const) {
          const u = q![p];
          const v = r[p];
          expect(v === null, `${modality} ${family}.${k}.${p} null`).toBe(u === null);
          if (u === null || v === null) continue;
          const d = Math.abs(u - v);
          expect(d, `${modality} ${family}.${k}.${p}`).toBeLessThanOrEqual(
            BINNING[family] / 2 + 1e-9,
          );
          max[family] = Math.max(max[family], d);
        }
      }
    }
  }
  return max;
}

describe.each(ENGINES)('signed bundles in the store on $name', (engine) => {
  let rawPlace: TestPlace;
  let mixedPlace: TestPlace;
  let raw: Store;
  let mixed: Store;

  beforeAll(async () => {
    rawPlace = await engine.place();
    mixedPlace = await engine.place();
    raw = await rawPlace.open();
    mixed = await mixedPlace.open();
    await importKit(raw, kit);
    await registerKeys(mixed);
  }, 120_000);

  afterAll(async () => {
    await raw?.close();
    await mixed?.close();
    await rawPlace?.dispose();
    await mixedPlace?.dispose();
  });

  it('gives the raw figures and ranks, and pooled quantiles within the bin half-width, with a third of the sites as bundles', async () => {
    expect(bundled.length).toBeGreaterThanOrEqual(3);
    // The bundles first (the campaign is created from the first one), then the raw sites' kit.
    const first = await importBundle(mixed, texts.get(bundled[0]!)!);
    expect([first.campaign, first.finess, first.replaced]).toEqual(['inserted', bundled[0], false]);
    for (const f of bundled.slice(1))
      expect((await importBundle(mixed, texts.get(f)!)).campaign).toBe('existing');
    await importKit(mixed, rawKit);
    const a = (await loadResults(raw, ID))!;
    const b = (await loadResults(mixed, ID))!;
    const max = compare(a, b);
    console.log(
      `bundles (${engine.name}): ${bundled.length} of ${sites.length} sites bundled; max |Δ| of pooled P20/P50/P80 — ` +
        FAMILIES.map((f) => `${f} ${max[f].toFixed(3)} (bound ${BINNING[f] / 2})`).join(', '),
    );
    // The stored order is the full import's (by equipment id) in both.
    const order = async (s: Store) =>
      (
        await s.db.query<{ equipment_id: string }>(
          'select equipment_id from machine_results where campaign_id = $1 order by ordinal',
          [ID],
        )
      ).map((r) => r.equipment_id);
    expect(await order(mixed)).toEqual(await order(raw));
    const data = (await loadCampaignData(mixed, ID))!;
    expect([...(data.bundleSites ?? [])].sort()).toEqual(bundled);
    expect((await loadCampaignData(raw, ID))!.bundleSites).toBeUndefined();
  }, 120_000);

  it('refuses, storing nothing: bad signature, unknown key, revoked key, tampered figure, exam row, raw site, other period', async () => {
    const f = bundled[1]!;
    const before = await footprint(mixed);
    const key = keys.get(f)!;
    const signed = JSON.parse(texts.get(f)!) as { payload: string; signature: { value: string } };
    const payload = JSON.parse(signed.payload) as BundlePayload & {
      machines: { indicators: Record<string, unknown> }[];
    };
    const refusal = async (text: string, reason: string, words: string | RegExp) => {
      const error = await importBundle(mixed, text).then(
        () => null,
        (e: unknown) => e,
      );
      expect(error, reason).toBeInstanceOf(BundleImportError);
      expect((error as BundleImportError).reason, (error as Error).message).toBe(reason);
      expect((error as Error).message).toMatch(words);
      expect(await footprint(mixed), reason).toBe(before);
    };
    // Bad signature: another key's signature under this key's id.
    const other = JSON.parse(fileOf(payloadOf(kit, f), generateSiteKey())) as {
      signature: { value: string };
    };
    await refusal(
      JSON.stringify({
        ...signed,
        signature: { ...signed.signature, value: other.signature.value },
      }),
      'invalid',
      /signature/i,
    );
    // Unknown key: signed by a key nobody registered.
    await refusal(fileOf(payloadOf(kit, f), generateSiteKey()), 'unknown-key', /key/i);
    // Tampered figure: the payload text changed after signing.
    const tampered = {
      ...payload,
      machines: payload.machines.map((m, i) =>
        i === 0 ? { ...m, indicators: { ...m.indicators, exams: 1 } } : m,
      ),
    };
    await refusal(
      JSON.stringify({ ...signed, payload: JSON.stringify(tampered) }),
      'invalid',
      /signature/i,
    );
    // An exam row inside, validly signed: refused by the allow-list.
    const withExams = {
      ...payload,
      machines: payload.machines.map((m, i) =>
        i === 0 ? { ...m, exams: [{ examId: 'X1', roomIn: 0 }] } : m,
      ),
    };
    await refusal(fileOf(withExams as BundlePayload, key), 'invalid', /exams/);
    // A site present as raw data.
    const rawSite = sites.find((s) => !bundled.includes(s))!;
    const rawKey = generateSiteKey();
    await addBundleKey(mixed, { finess: rawSite, publicKey: rawKey.publicPem }, ADMIN);
    const beforeRaw = await footprint(mixed);
    const error = await importBundle(mixed, fileOf(payloadOf(kit, rawSite), rawKey)).catch(
      (e: unknown) => e,
    );
    expect((error as BundleImportError).reason).toBe('raw-site');
    expect((error as Error).message).toContain(
      `site ${rawSite} is in campaign ${ID} as raw data; a bundle cannot replace it`,
    );
    expect(await footprint(mixed)).toBe(beforeRaw);
    // Another period.
    const later = payloadOf(
      { ...kit, campaign: { ...kit.campaign, days: kit.campaign.days - 1 } },
      f,
    );
    const periodError = await importBundle(mixed, fileOf(later, key)).catch((e: unknown) => e);
    expect((periodError as BundleImportError).reason).toBe('period');
    // Revoked key: then refused, though it verified before.
    const revokedKey = generateSiteKey();
    const added = await addBundleKey(mixed, { finess: f, publicKey: revokedKey.publicPem }, ADMIN);
    await revokeBundleKey(mixed, added.keyId, ADMIN);
    await refusal(fileOf(payloadOf(kit, f), revokedKey), 'revoked-key', /revoked/i);
  }, 120_000);

  it('refuses a kit naming a bundle site at its row, keeps bundle sites through a kit import, replaces a bundle by a newer one', async () => {
    const f = bundled[2]!;
    const error = await importKit(mixed, kit).catch((e: unknown) => e);
    const line = kit.establishments.findIndex((e) => e.finess === bundled[0]) + 2;
    expect((error as Error).message).toContain(
      `establishments.csv:${line}:finess: site ${bundled[0]} came as a bundle`,
    );
    // A kit import of the raw sites (one machine's exams fewer) keeps every bundle site and machine.
    const dropped = rawKit.equipment[0]!.equipmentId;
    const lessKit = {
      ...rawKit,
      exams: rawKit.exams.filter((x) => !(x.equipmentId === dropped && x.examId.endsWith('1'))),
    };
    await importKit(mixed, lessKit);
    const after = (await loadResults(mixed, ID))!;
    const bundleMachines = kit.equipment
      .filter((m) => bundled.includes(m.finess))
      .map((m) => m.equipmentId);
    expect(after.machines.filter((m) => bundleMachines.includes(m.equipmentId)).length).toBe(
      bundleMachines.length,
    );
    expect(after.machines.length).toBe(kit.equipment.length);
    const [{ n }] = (await mixed.db.query<{ n: number }>(
      'select count(*)::int as n from bundle_sites where campaign_id = $1',
      [ID],
    )) as [{ n: number }];
    expect(n).toBe(bundled.length);
    await importKit(mixed, rawKit);
    // A newer bundle of a site, its machine's figure changed: replaces the older one's rows.
    const newer = payloadOf(kit, f, '2026-12-05T10:00:00.000Z');
    const machine = newer.machines[0]!;
    newer.machines = newer.machines.slice(0, 1);
    const summary = await importBundle(mixed, fileOf(newer, keys.get(f)!));
    expect([summary.replaced, summary.machines]).toEqual([true, [machine.equipment.equipmentId]]);
    const stored = (await loadResults(mixed, ID))!;
    const gone = kit.equipment
      .filter((m) => m.finess === f)
      .map((m) => m.equipmentId)
      .slice(1);
    expect(stored.machines.filter((m) => gone.includes(m.equipmentId))).toEqual([]);
    expect(
      stored.machines.find((m) => m.equipmentId === machine.equipment.equipmentId)?.exams,
    ).toBe(machine.indicators.exams);
    const [row] = await mixed.db.query<{ created: string }>(
      `select to_char(created_at at time zone 'UTC', 'YYYY-MM-DD') as created from bundle_sites where campaign_id = $1 and finess = $2`,
      [ID, f],
    );
    expect(row?.created).toBe('2026-12-05');
    // Back to the full bundle for what follows.
    await importBundle(mixed, texts.get(f)!);
  }, 120_000);

  it('keeps bundle sites through a rename, and deletes them with the campaign', async () => {
    const before = (await loadResults(mixed, ID))!;
    expect(await renameCampaign(mixed, ID, 'renamed')).toBe('renamed');
    const after = (await loadResults(mixed, 'renamed'))!;
    compare(before, after);
    const data = (await loadCampaignData(mixed, 'renamed'))!;
    expect([...(data.bundleSites ?? [])].sort()).toEqual(bundled);
    expect(await deleteCampaign(mixed, 'renamed')).toBeTruthy();
    const [{ n }] = (await mixed.db.query<{ n: number }>(
      'select count(*)::int as n from bundle_sites',
    )) as [{ n: number }];
    expect(n).toBe(0);
  }, 120_000);

  it("makes a store from a bundle alone (with a machine's previous id)", async () => {
    const place = await engine.place();
    const store = await place.open();
    try {
      const f = bundled[0]!;
      await addBundleKey(store, { finess: f, publicKey: keys.get(f)!.publicPem }, ADMIN);
      // A machine naming its id in an earlier campaign: stored as the kit's column would be.
      const payload = payloadOf(kit, f);
      payload.machines[0]!.equipment = { ...payload.machines[0]!.equipment, previousId: 'OLD-1' };
      const summary = await importBundle(store, fileOf(payload, keys.get(f)!));
      const [previous] = await store.db.query<{ previous_id: string }>(
        'select previous_id from equipment where equipment_id = $1',
        [payload.machines[0]!.equipment.equipmentId],
      );
      expect(previous?.previous_id).toBe('OLD-1');
      expect(summary.campaign).toBe('inserted');
      const data = (await loadCampaignData(store, ID))!;
      expect(data.results.campaign).toEqual(kit.campaign);
      expect(data.establishments.map((e) => e.finess)).toEqual([f]);
      const mine = kit.equipment
        .filter((m) => m.finess === f)
        .map((m) => m.equipmentId)
        .sort();
      expect(data.results.machines.map((m) => m.equipmentId).sort()).toEqual(mine);
      // Ranks among its own machines, computed by the store (the bundle carries none).
      for (const m of data.results.machines)
        expect(Object.keys(m.percentRank ?? {}).length).toBeGreaterThan(0);
      expect([...data.bundleSites!]).toEqual([f]);
      const [{ n }] = (await store.db.query<{ n: number }>(
        'select (select count(*) from exams)::int + (select count(*) from sessions)::int as n',
      )) as [{ n: number }];
      expect(n).toBe(0);
    } finally {
      await store.close();
      await place.dispose();
    }
  }, 60_000);
});

// Row-level security (accounts mode): the app role under a site's scope imports its own bundle
// into an existing campaign (the aggregates recomputed as the aggregator), never another site's
// (its key is invisible to the scope); a region scope imports nothing; only an administrator's
// scope adds or revokes keys.
describe.skipIf(!PG_URL)('signed bundles under row-level security (PostgreSQL)', () => {
  let place: PgPlace;
  let owner: Store;
  let app: Store;
  const [f, g] = [bundled[0]!, bundled[1]!];
  const site = (finess: string) => scopedStore(app, { kind: 'site', userId: 1, finess: [finess] });

  beforeAll(async () => {
    place = await pgPlace(PG_URL!);
    owner = await openStore({ url: place.ownerUrl });
    await importKit(owner, rawKit);
    app = await openStore({ url: await place.loginRole(), migrate: false });
  }, 120_000);
  afterAll(async () => {
    await app?.close();
    await owner?.close();
    await place?.dispose();
  });

  it('lets only an admin scope add and revoke keys', async () => {
    const national = scopedStore(app, { kind: 'national', userId: 2, admin: false });
    const admin = scopedStore(app, { kind: 'national', userId: 3, admin: true });
    for (const store of [national, site(f)]) {
      const error = await addBundleKey(
        store,
        { finess: f, publicKey: keys.get(f)!.publicPem },
        ADMIN,
      ).catch((e: unknown) => e);
      expect((error as { code?: string }).code).toBe('42501');
    }
    for (const finess of [f, g])
      await addBundleKey(admin, { finess, publicKey: keys.get(finess)!.publicPem }, ADMIN);
    const revoked = generateSiteKey();
    const added = await addBundleKey(admin, { finess: f, publicKey: revoked.publicPem }, ADMIN);
    await expect(revokeBundleKey(site(f), added.keyId, ADMIN)).rejects.toThrow();
    expect((await revokeBundleKey(admin, added.keyId, ADMIN)).revokedAt).not.toBeNull();
  }, 60_000);

  it("imports a site's own bundle through its scope, and refuses another's and a region's", async () => {
    const before = await footprint(owner);
    // Another site's bundle: its key is not one the site's scope may read (bundle_keys' policy), with
    // or without the explicit FINESS check.
    for (const options of [{ finess: [f] }, {}]) {
      const foreign = await importBundle(site(f), texts.get(g)!, options).catch((e: unknown) => e);
      expect((foreign as BundleImportError).reason).toBe('unknown-key');
    }
    const region = await importBundle(
      scopedStore(app, { kind: 'region', userId: 4, region: '11' }),
      texts.get(f)!,
    ).catch((e: unknown) => e);
    expect(region).toBeInstanceOf(BundleImportError);
    expect(await footprint(owner)).toBe(before);
    // Its own: stored, and ranked among every machine by the aggregator.
    const summary = await importBundle(site(f), texts.get(f)!, { finess: [f] });
    expect(summary.aggregates?.machines).toBe(rawKit.equipment.length + summary.machines.length);
    const results = (await loadResults(owner, ID))!;
    const mine = results.machines.filter((m) => summary.machines.includes(m.equipmentId));
    expect(mine.length).toBe(summary.machines.length);
    for (const m of mine)
      expect(Object.values(m.percentRank ?? {}).some((v) => v !== null)).toBe(true);
  }, 60_000);
});
