// Issue 16: a site that came as a signed bundle has no sessions or exams, so the routes that need
// them answer 409 aggregates-only (timeline, heatmap, simulation model) instead of empty or wrong
// figures, and the territory documents (on-call, relevance) leave it out and say so. The store: a
// 20-machine synthetic campaign's other sites imported as raw data, and one site's signed bundle
// (its figures and binned samples, no exam) imported with its registered key.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Kit } from '../../src/core/kit-types.ts';
import type {
  ApiError,
  EstablishmentListing,
  MachineView,
  RegionListing,
} from '../../src/core/views/types.ts';
import { generateKit } from '../../src/generate/index.ts';
import { generateSiteKey, keyIdOf, signBundle } from '../../src/ingest/bundle/index.ts';
import { siteBundleOrigin } from '../../src/storage/index.ts';
import type { PlateauApp } from '../../src/server/app.ts';
import { createApp } from '../../src/server/index.ts';
import type { Store } from '../../src/storage/index.ts';
import { addBundleKey, importBundle, importKit, importSiteKit } from '../../src/storage/index.ts';
import { bundlePayloadOf } from '../helpers/bundle-payload.ts';
import { siteKit } from '../helpers/site-kit.ts';
import { json, memoryStore } from './helpers.ts';

let store: Store;
let app: PlateauApp;
let kit: Kit;
/** The bundle site, one of its machines, and a raw site's machine. */
let site: string;
let machine: string;
let rawSite: string;
let rawMachine: string;
let keyId: string;
const C = '/api/campaigns/synthetic-2016';

beforeAll(async () => {
  kit = generateKit({ seed: 2016, machines: 20, days: 14 });
  const [first, second] = [...new Set(kit.equipment.map((e) => e.finess))];
  site = first!;
  rawSite = second!;
  machine = kit.equipment.find((e) => e.finess === site)!.equipmentId;
  rawMachine = kit.equipment.find((e) => e.finess === rawSite)!.equipmentId;
  store = await memoryStore();
  // The other sites as raw data, then the site's signed bundle, as the observatory receives them.
  await importKit(
    store,
    siteKit(
      kit,
      kit.establishments.map((e) => e.finess).filter((f) => f !== site),
    ),
    { source: 'test' },
  );
  const key = generateSiteKey();
  keyId = keyIdOf(key.publicPem);
  await addBundleKey(store, { finess: site, publicKey: key.publicPem }, { email: 'console:test' });
  const payload = bundlePayloadOf(kit, site, '2016-04-01T10:00:00.000Z');
  await importBundle(store, JSON.stringify(signBundle(payload, key.privatePem)));
  app = createApp({ store });
}, 60_000);
afterAll(async () => {
  await store?.close();
});

async function aggregatesOnly(path: string): Promise<string> {
  const response = await app.request(path);
  expect(response.status).toBe(409);
  const body = await json<ApiError>(response);
  expect(body.error.code).toBe('aggregates-only');
  expect(body.error.message).toContain(
    `site ${site} sent aggregates only (a signed bundle): no exams to`,
  );
  return body.error.message;
}

describe('a bundle site through the API', () => {
  it('is marked in the listings and views, which keep its figures', async () => {
    const sites = await json<EstablishmentListing[]>(await app.request(`${C}/establishments`));
    expect(sites.filter((s) => s.origin === 'bundle').map((s) => s.finess)).toEqual([site]);
    const view = await json<MachineView>(await app.request(`${C}/machines/${machine}`));
    expect(view.machine.point.origin).toBe('bundle');
    expect(view.establishment.origin).toBe('bundle');
    // Its stored figures are served as they are (the bundle's), not recomputed from no exams.
    expect(view.machine.indicators.exams).toBe(
      kit.exams.filter((e) => e.equipmentId === machine).length,
    );
    const regions = await json<RegionListing[]>(await app.request(`${C}/regions`));
    expect(regions.reduce((n, r) => n + (r.bundleSites ?? 0), 0)).toBe(1);
    const summary = await json<{ bundleSites?: number; bundleMachines?: number }>(
      await app.request(C),
    );
    expect(summary.bundleSites).toBe(1);
    expect(summary.bundleMachines).toBe(kit.equipment.filter((e) => e.finess === site).length);
  });

  it('answers 409 aggregates-only for its timeline, heatmap and simulation model', async () => {
    expect(await aggregatesOnly(`${C}/machines/${machine}/timeline?week=1`)).toContain('timeline');
    expect(await aggregatesOnly(`${C}/machines/${machine}/heatmap`)).toContain('heatmap');
    expect(await aggregatesOnly(`${C}/simulation/model?machines=${machine}`)).toContain('simulate');
    // A raw machine is served as before.
    expect((await app.request(`${C}/machines/${rawMachine}/timeline`)).status).toBe(200);
    expect((await app.request(`${C}/machines/${rawMachine}/heatmap`)).status).toBe(200);
  });

  it('is left out of on-call pooling and relevance, which say so', async () => {
    const both = await json<{
      sites: { finess: string }[];
      bundleNote?: { code: string; sites: { finess: string }[] };
    }>(await app.request(`${C}/oncall?sites=${site},${rawSite}`));
    expect(both.sites.map((s) => s.finess)).toEqual([rawSite]);
    expect(both.bundleNote?.code).toBe('bundleSitesLeftOut');
    expect(both.bundleNote?.sites.map((s) => s.finess)).toEqual([site]);
    const only = await json<{ bundleNote?: unknown }>(
      await app.request(`${C}/oncall?sites=${rawSite}`),
    );
    expect(only.bundleNote).toBeUndefined();
    expect(await aggregatesOnly(`${C}/oncall?sites=${site}`)).toContain('pool');
    const relevance = await json<{
      sites: { finess: string }[];
      bundleNote?: { sites: { finess: string }[] };
    }>(await app.request(`${C}/relevance?level=site`));
    expect(relevance.bundleNote?.sites.map((s) => s.finess)).toEqual([site]);
    expect(relevance.sites.some((s) => s.finess === site)).toBe(false);
  });

  it('gives the fiche the bundle’s key and date', async () => {
    expect(await siteBundleOrigin(store.db, 'synthetic-2016', site)).toEqual({
      keyId,
      createdAt: '2016-04-01T10:00:00.000Z',
    });
    expect(await siteBundleOrigin(store.db, 'synthetic-2016', rawSite)).toBeNull();
  });

  it("is not silently replaced by the site's own kit upload, which is refused at its row", async () => {
    const before = await store.db.query<{ n: number }>(
      'select count(*)::int as n from bundle_sites',
    );
    await expect(importSiteKit(store, siteKit(kit, [site]), [site])).rejects.toThrow(
      new RegExp(
        `establishments\\.csv \\(record 1\\):finess: site ${site} came as a signed bundle into campaign synthetic-2016`,
      ),
    );
    expect(
      await store.db.query<{ n: number }>('select count(*)::int as n from bundle_sites'),
    ).toEqual(before);
    expect(
      (
        await store.db.query<{ n: number }>(
          'select count(*)::int as n from exams e join equipment q using (campaign_id, equipment_id) where q.finess = $1',
          [site],
        )
      )[0]?.n,
    ).toBe(0);
  });
});
