// What the server reads as its views need it (issue 17, a national year in a store): a campaign's
// exam samples per narrowed benchmark rather than all before the first answer, and a machine's
// records for the timeline's week only. Each answer equals the one built from everything read
// eagerly, and 50 parallel first requests read once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  benchmarkView,
  CampaignIndex,
  timelineView,
  weekCount,
} from '../../src/core/views/index.ts';
import type { BenchmarkView } from '../../src/core/views/types.ts';
import { generateKit } from '../../src/generate/index.ts';
import type { AccessScope } from '../../src/core/access.ts';
import { createApp } from '../../src/server/app.ts';
import { CampaignCache } from '../../src/server/campaign-cache.ts';
import type { PlateauApp } from '../../src/server/app.ts';
import { sitePlaces } from '../../src/plan/territories/site-places.ts';
import type { Store } from '../../src/storage/index.ts';
import {
  importKit,
  loadCampaignData,
  loadMachineRecords,
  loadSamples,
} from '../../src/storage/index.ts';
import { json, memoryStore, wrappedStore } from './helpers.ts';

const LOCAL: AccessScope = { kind: 'local' };

describe('lazy reads of the server', () => {
  let store: Store;
  let eager: CampaignIndex;
  let id: string;
  beforeAll(async () => {
    store = await memoryStore();
    const kit = generateKit({ seed: 17, machines: 24, days: 15 });
    id = kit.campaign.id;
    await importKit(store, kit);
    const data = (await loadCampaignData(store, id))!;
    eager = new CampaignIndex({ ...data, places: sitePlaces(data.establishments) });
  }, 60_000);
  afterAll(async () => store?.close());

  /** An app counting its samples reads, and the machines each read asked for. */
  function countingApp(): { app: PlateauApp; reads: (readonly string[] | undefined)[] } {
    const reads: (readonly string[] | undefined)[] = [];
    const app = createApp({
      store,
      loadSamples: (s, campaignId, ids) => {
        reads.push(ids);
        return loadSamples(s, campaignId, ids);
      },
    });
    return { app, reads };
  }

  it('answers the campaign without reading samples, then each narrowed benchmark as an eager index does, 50 parallel first requests reading once', async () => {
    const { app, reads } = countingApp();
    expect((await app.request(`/api/campaigns/${id}`)).status).toBe(200);
    expect(reads).toEqual([]);
    const [region] = eager.options.regions;
    const url = `/api/campaigns/${id}/benchmark?modality=CT&region=${encodeURIComponent(region!)}`;
    const answers = await Promise.all(
      Array.from({ length: 50 }, async () => json<BenchmarkView>(await app.request(url))),
    );
    expect(reads).toHaveLength(1);
    const expected = JSON.parse(
      JSON.stringify(benchmarkView(eager, { modality: 'CT', region })),
    ) as BenchmarkView;
    expect(expected.pooledExact).toBe(true);
    for (const answer of answers) expect(answer).toEqual(expected);
    // Only that region's CT machines were read.
    const selected = eager.machines.filter((m) => m.modality === 'CT' && m.region === region);
    expect([...reads[0]!].sort()).toEqual(selected.map((m) => m.equipmentId).sort());
    for (const other of eager.options.regions) {
      for (const modality of eager.options.modalities) {
        const view = await json<BenchmarkView>(
          await app.request(
            `/api/campaigns/${id}/benchmark?modality=${modality}&region=${encodeURIComponent(other)}`,
          ),
        );
        expect(view).toEqual(
          JSON.parse(JSON.stringify(benchmarkView(eager, { modality, region: other }))),
        );
      }
    }
  });

  it('reads every stored machine’s samples, in the stored order, for a caller that needs them all', async () => {
    const reads: (readonly string[] | undefined)[] = [];
    const cache = new CampaignCache(store, (s, campaignId, ids) => {
      reads.push(ids);
      return loadSamples(s, campaignId, ids);
    });
    const lazy = (await cache.get(id, LOCAL, { lazySamples: true }))!;
    const [region] = eager.options.regions;
    await lazy.benchmarkJson({ modality: 'MR', region });
    const some = lazy.index.data.samples.size;
    expect(some).toBeGreaterThan(0);
    expect(some).toBeLessThan(eager.data.samples.size);
    const [full, again] = await Promise.all([cache.get(id, LOCAL), cache.get(id, LOCAL)]);
    expect(full).toBe(lazy);
    expect(again).toBe(lazy);
    expect(reads.filter((r) => r === undefined)).toHaveLength(1);
    expect([...full!.index.data.samples]).toEqual([...eager.data.samples]);
  });

  it('gives every week’s timeline of a machine from that week’s records as from all of them', async () => {
    const { app } = countingApp();
    const machine = eager.machines[3]!.equipmentId;
    const records = (await loadMachineRecords(store, id, machine))!;
    for (let week = 0; week < weekCount(eager.calendar); week++) {
      const answer = await json<unknown>(
        await app.request(`/api/campaigns/${id}/machines/${machine}/timeline?week=${week}`),
      );
      const expected = timelineView(eager.calendar, machine, week, records.sessions, records.exams);
      expect(expected.days.some((d) => d.exams.length > 0)).toBe(true);
      expect(answer).toEqual(JSON.parse(JSON.stringify(expected)));
    }
  });

  it('lists the campaigns on PGlite without asking the stamps again while no statement ran', async () => {
    let stampReads = 0;
    const counting = wrappedStore(store, {
      query: (sql: string, params?: readonly unknown[]) => {
        if (sql.includes('from campaigns order by id')) stampReads++;
        return store.db.query(sql, params) as never;
      },
      started: store.db.started!,
    });
    const cache = new CampaignCache(counting, loadSamples);
    // The first listing's counts are read after its stamps: the next one asks them once more.
    await cache.list(LOCAL);
    const first = await cache.list(LOCAL);
    const reads = stampReads;
    for (let i = 0; i < 5; i++) expect(await cache.list(LOCAL)).toBe(first);
    expect(stampReads).toBe(reads);
    await store.db.query(
      `update campaigns set updated_at = updated_at + interval '1 second' where id = $1`,
      [id],
    );
    const [changed] = await cache.list(LOCAL);
    expect(stampReads).toBe(reads + 1);
    expect(changed!.updatedAt).not.toBe(first[0]!.updatedAt);
  });
});
