// The trend routes (issue 16) on a store of the three demo years of a small synthetic campaign
// (30 machines, 7 days, seed 2016; year 2 replaces a machine with a previous_id): the series up to
// the campaign asked (oldest first, ?campaigns= narrowing it), a machine's figures read from each
// campaign's stored results, the replaced machine followed back through its previous id, a site,
// a region (by name and by INSEE code) and the nation per modality; 400 for a bad parameter,
// 404 for an unknown campaign, machine, site or region.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Kit } from '../../src/core/kit-types.ts';
import type { GroupTrend, MachineTrend, SiteTrend } from '../../src/core/trends/index.ts';
import { generateKit, yearChanges } from '../../src/generate/index.ts';
import type { PlateauApp } from '../../src/server/app.ts';
import { createApp } from '../../src/server/index.ts';
import type { Store } from '../../src/storage/index.ts';
import { importKit, loadResults } from '../../src/storage/index.ts';
import { json, memoryStore } from './helpers.ts';

const OPTIONS = { seed: 2016, machines: 30, days: 7 };
const IDS = ['synthetic-2016', 'synthetic-2016-y2', 'synthetic-2016-y3'];
const LAST = `/api/campaigns/${IDS[2]}`;
let store: Store;
let app: PlateauApp;
const kits: Kit[] = [];

beforeAll(async () => {
  store = await memoryStore();
  for (const year of [1, 2, 3]) {
    const kit = generateKit({ ...OPTIONS, year });
    kits.push(kit);
    await importKit(store, kit, { source: 'test' });
  }
  app = createApp({ store });
}, 120_000);
afterAll(async () => {
  await store?.close();
});

async function get<T>(path: string, status = 200): Promise<T> {
  const response = await app.request(path);
  expect(response.status, `${path}: ${status === 200 ? await response.clone().text() : ''}`).toBe(
    status,
  );
  return json<T>(response);
}

describe('the trend routes', () => {
  it('the kits: ids and starts a year apart', () => {
    expect(kits.map((k) => [k.campaign.id, k.campaign.start])).toEqual([
      [IDS[0], '2010-03-01'],
      [IDS[1], '2011-03-07'],
      [IDS[2], '2012-03-05'],
    ]);
  });

  it('follows a machine over the three campaigns, its values those stored for each', async () => {
    const id = kits[0]!.equipment.find((m) =>
      kits[2]!.equipment.some((n) => n.equipmentId === m.equipmentId),
    )!.equipmentId;
    const trend = await get<MachineTrend>(`${LAST}/trends/machines/${id}`);
    expect(trend.campaigns.map((c) => c.id)).toEqual(IDS);
    expect(trend.links.map((l) => [l.campaignId, l.equipmentId, l.link])).toEqual(
      IDS.map((c) => [c, id, 'same-id']),
    );
    const opening = trend.figures.find((f) => f.key === 'programmedOpening')!;
    for (const [k, campaign] of IDS.entries()) {
      const stored = (await loadResults(store, campaign))!.machines.find(
        (m) => m.equipmentId === id,
      )!;
      expect(opening.points[k]).toMatchObject({
        campaignId: campaign,
        value: stored.openingHoursPerWeek.programmed,
      });
      expect(opening.points[k]!.peers).not.toBeNull();
    }
    // Anchored on year 2, or narrowed to years 1 and 3.
    expect(
      (await get<MachineTrend>(`/api/campaigns/${IDS[1]}/trends/machines/${id}`)).campaigns.map(
        (c) => c.id,
      ),
    ).toEqual(IDS.slice(0, 2));
    const narrowed = await get<MachineTrend>(`${LAST}/trends/machines/${id}?campaigns=${IDS[0]}`);
    expect(narrowed.campaigns.map((c) => c.id)).toEqual([IDS[0], IDS[2]]);
    expect(narrowed.figures[0]!.points).toHaveLength(2);
  });

  it('follows the machine year 2 replaced back through its previous_id', async () => {
    const replaced = yearChanges({ ...OPTIONS, year: 3 }).find(
      (c) => c.kind === 'machine-replaced',
    )!;
    expect(kits[2]!.equipment.find((m) => m.equipmentId === replaced.equipmentId)?.previousId).toBe(
      replaced.previousEquipmentId,
    );
    const trend = await get<MachineTrend>(`${LAST}/trends/machines/${replaced.equipmentId}`);
    expect(trend.links.map((l) => [l.equipmentId, l.link])).toEqual([
      [replaced.previousEquipmentId, 'mapped'],
      [replaced.equipmentId, 'same-id'],
      [replaced.equipmentId, 'same-id'],
    ]);
    expect(
      trend.changes.some(
        (c) =>
          c.kind === 'machine-replaced' && c.previousEquipmentId === replaced.previousEquipmentId,
      ),
    ).toBe(true);
  });

  it('gives a site, a region (by its name or INSEE code) and the nation per modality', async () => {
    const site = kits[2]!.establishments[0]!;
    const trend = await get<SiteTrend>(`${LAST}/trends/establishments/${site.finess}`);
    expect(trend.years.map((y) => y.campaignId)).toEqual(IDS);
    const machines = kits.map((k) => k.equipment.filter((m) => m.finess === site.finess).length);
    expect(trend.years.map((y) => (y.machines.CT ?? 0) + (y.machines.MR ?? 0))).toEqual(machines);

    const region = await get<GroupTrend>(
      `${LAST}/trends/regions/${encodeURIComponent(site.region)}?modality=CT`,
    );
    expect([region.level, region.region, Object.keys(region.byModality)]).toEqual([
      'region',
      site.region,
      ['CT'],
    ]);
    const regionSites = (k: Kit) =>
      new Set(k.establishments.filter((e) => e.region === site.region).map((e) => e.finess));
    const ctOf = (k: Kit) =>
      k.equipment.filter((m) => m.modality === 'CT' && regionSites(k).has(m.finess)).length;
    expect(region.byModality.CT!.map((y) => y.machines)).toEqual(kits.map(ctOf));

    const nation = await get<GroupTrend>(`${LAST}/trends`);
    expect(nation.level).toBe('nation');
    expect(nation.campaigns.map((c) => c.id)).toEqual(IDS);
    expect(nation.byModality.MR!.map((y) => y.machines)).toEqual(
      kits.map((k) => k.equipment.filter((m) => m.modality === 'MR').length),
    );
    expect(Object.keys((await get<GroupTrend>(`${LAST}/trends?modality=MR`)).byModality)).toEqual([
      'MR',
    ]);
  });

  it('answers 400 for a bad parameter and 404 for what is not stored', async () => {
    for (const path of [
      `${LAST}/trends?modality=XR`,
      `${LAST}/trends?campaigns=nope`,
      `${LAST}/trends?zzz=1`,
      `${LAST}/trends/machines/x?modality=CT`,
    ]) {
      expect((await app.request(path)).status, path).toBe(400);
    }
    expect(
      (await get<{ error: { message: string } }>(`${LAST}/trends?campaigns=nope`, 400)).error
        .message,
    ).toContain(IDS[0]);
    for (const path of [
      '/api/campaigns/nope/trends',
      `${LAST}/trends/machines/NOPE`,
      `${LAST}/trends/establishments/000000000`,
      `${LAST}/trends/regions/Atlantis`,
    ]) {
      expect((await app.request(path)).status, path).toBe(404);
    }
  });
});
