import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { computeCampaignDetailed } from '../../src/core/indicators/index.ts';
import type { Store } from '../../src/storage/index.ts';
import { importKit, loadCampaignData, openStore } from '../../src/storage/index.ts';
import { lateStartKit } from './late-start-kit.ts';

let store: Store;
const kit = lateStartKit();

beforeAll(async () => {
  store = await openStore({ dataDir: 'memory://' });
  await importKit(store, kit, { source: 'test' });
}, 60_000);
afterAll(async () => {
  await store?.close();
});

describe('loadCampaignData', () => {
  it('reads back what the views and reports are built from', async () => {
    const data = (await loadCampaignData(store, 'late'))!;
    const { indicators, samples } = computeCampaignDetailed(kit);
    expect(data.results.machines.map((m) => m.equipmentId).sort()).toEqual(
      indicators.machines.map((m) => m.equipmentId).sort(),
    );
    expect(data.results.machines.find((m) => m.equipmentId === 'CT-LATE')!.leads).toEqual(
      indicators.machines.find((m) => m.equipmentId === 'CT-LATE')!.leads,
    );
    expect([...data.samples.keys()].sort()).toEqual([...samples.keys()].sort());
    expect(data.samples.get('CT-LATE')!.durationMinutes.A!.length).toBe(
      samples.get('CT-LATE')!.durationMinutes.A!.length,
    );
    expect(data.establishments.map((e) => e.name).sort()).toEqual(
      kit.establishments.map((e) => e.name).sort(),
    );
    expect(data.equipment).toHaveLength(4);
    expect(data.survey).toHaveLength(3);
    expect(data.updatedAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);
  });

  it('is null for a campaign the store does not hold, and takes another samples reader', async () => {
    expect(await loadCampaignData(store, 'nope')).toBeNull();
    const blind = await loadCampaignData(store, 'late', { loadSamples: async () => new Map() });
    expect(blind!.samples.size).toBe(0);
  });
});
