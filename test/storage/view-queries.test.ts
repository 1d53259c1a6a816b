// The server's reads on every engine: establishments, machines and survey of a campaign, the
// machine counts of every campaign, and one machine's sessions and exams, equal to what loadKit
// gives for that machine (same values, same order).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  readCampaignHeaders,
  readCampaignListings,
} from '../../src/storage/campaign-repository.ts';
import { importKit } from '../../src/storage/import-kit.ts';
import { loadKit } from '../../src/storage/load-kit.ts';
import type { Store } from '../../src/storage/open-store.ts';
import {
  countMachinesByModality,
  loadEquipment,
  loadEstablishments,
  loadMachineRecords,
  loadSurvey,
} from '../../src/storage/index.ts';
import type { TestPlace } from './engines.ts';
import { ENGINES } from './engines.ts';
import { smallKit } from './small-kit.ts';

describe.each(ENGINES)('view queries on $name', ({ place: makePlace }) => {
  let place: TestPlace;
  let store: Store;
  beforeAll(async () => {
    place = await makePlace();
    store = await place.open();
    await importKit(store, smallKit('views-a'));
    const other = smallKit('views-b');
    other.equipment = other.equipment.filter((e) => e.modality === 'CT');
    other.sessions = other.sessions.filter((s) => s.equipmentId !== 'MR1');
    other.exams = other.exams.filter((x) => x.equipmentId !== 'MR1');
    await importKit(store, other);
  });
  afterAll(async () => {
    await store?.close();
    await place?.dispose();
  });

  it('reads the directory of a campaign as loadKit does', async () => {
    const kit = (await loadKit(store, 'views-a'))!;
    expect(await loadEstablishments(store, 'views-a')).toEqual(kit.establishments);
    expect(await loadEquipment(store, 'views-a')).toEqual(kit.equipment);
    expect(await loadSurvey(store, 'views-a')).toEqual(kit.survey);
    expect(kit.survey).toHaveLength(3);
    expect(await loadEstablishments(store, 'nope')).toEqual([]);
  });

  it('counts machines per modality of every campaign', async () => {
    const counts = await countMachinesByModality(store);
    expect(counts.get('views-a')).toEqual({ CT: 2, MR: 1 });
    expect(counts.get('views-b')).toEqual({ CT: 2 });
    expect(counts.has('nope')).toBe(false);
  });

  it("reads one machine's sessions and exams as loadKit orders them", async () => {
    const kit = (await loadKit(store, 'views-a'))!;
    for (const id of ['CT1', 'MR1', 'CT2']) {
      const records = (await loadMachineRecords(store, 'views-a', id))!;
      expect(records.sessions).toEqual(kit.sessions.filter((s) => s.equipmentId === id));
      expect(records.exams).toEqual(kit.exams.filter((x) => x.equipmentId === id));
    }
    const ct1 = (await loadMachineRecords(store, 'views-a', 'CT1'))!;
    expect(ct1.exams.length).toBeGreaterThan(2);
    expect(ct1.exams.some((x) => x.acts.length === 2 && x.icr === null)).toBe(true);
    expect((await loadMachineRecords(store, 'views-a', 'CT2'))!.exams).toEqual([]);
  });

  it('is null for an unknown machine or campaign', async () => {
    expect(await loadMachineRecords(store, 'views-a', 'XX')).toBeNull();
    expect(await loadMachineRecords(store, 'views-b', 'MR1')).toBeNull();
    expect(await loadMachineRecords(store, 'nope', 'CT1')).toBeNull();
  });

  it("lists each campaign's exams from its stored results, as many as its exam rows", async () => {
    const rows = async (): Promise<Map<string, number>> =>
      new Map(
        (
          await store.db.query<{ id: string; n: number }>(
            'select c.id, (select count(*)::int from exams x where x.campaign_id = c.id) as n from campaigns c',
          )
        ).map((r) => [r.id, r.n]),
      );
    const listed = async (): Promise<Map<string, number>> => {
      const headers = await readCampaignHeaders(store.db);
      expect(headers).toEqual(
        (await readCampaignListings(store.db)).map(({ equipment: _e, sessions: _s, ...h }) => h),
      );
      return new Map(headers.map((h) => [h.id, h.exams]));
    };
    const before = await rows();
    expect(before.get('views-a')).toBeGreaterThan(before.get('views-b')!);
    expect(await listed()).toEqual(before);
    // A site that came as a signed bundle has figures (its machines' exams) but no exam rows.
    await store.db.query(`insert into bundle_keys (key_id, finess, public_key, added_by)
      values ('00112233445566ff', '590000002', 'pem', 'test')`);
    await store.db
      .query(`insert into bundle_sites (campaign_id, finess, key_id, sha256, created_at, plateau_version)
      values ('views-a', '590000002', '00112233445566ff', repeat('a', 64), now(), 'test')`);
    await store.db.query(
      `delete from exams where campaign_id = 'views-a' and equipment_id in
        (select equipment_id from equipment where campaign_id = 'views-a' and finess = '590000002')`,
    );
    // A campaign without results is counted row by row.
    await store.db.query("delete from machine_results where campaign_id = 'views-b'");
    const after = await rows();
    expect(after.get('views-a')).toBeLessThan(before.get('views-a')!);
    expect(await listed()).toEqual(after);
  });
});
