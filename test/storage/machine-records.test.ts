// The records the simulation calibrates on, read for a few machines with SQL narrowed to them:
// equal to loadKit's campaign filtered to those machines (same values, same order), slots when
// stored, and null for an unknown campaign or machine.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importKit } from '../../src/storage/import-kit.ts';
import { loadKit } from '../../src/storage/load-kit.ts';
import { loadSimulationRecords } from '../../src/storage/machine-records.ts';
import type { Store } from '../../src/storage/open-store.ts';
import type { TestPlace } from './engines.ts';
import { ENGINES } from './engines.ts';
import { smallKit } from './small-kit.ts';

describe.each(ENGINES)('machine records on $name', ({ place: makePlace }) => {
  let place: TestPlace;
  let store: Store;
  beforeAll(async () => {
    place = await makePlace();
    store = await place.open();
    await importKit(store, smallKit('records-a'));
    await importKit(store, smallKit('records-b'));
  });
  afterAll(async () => {
    await store?.close();
    await place?.dispose();
  });

  it('reads the chosen machines as loadKit filtered to them', async () => {
    const kit = (await loadKit(store, 'records-a'))!;
    for (const ids of [['CT1'], ['MR1'], ['MR1', 'CT2'], ['CT2', 'MR1', 'CT1']]) {
      const records = (await loadSimulationRecords(store, 'records-a', ids))!;
      const keep = (id: string): boolean => ids.includes(id);
      expect(records.campaign).toEqual(kit.campaign);
      expect(records.equipment).toEqual(kit.equipment.filter((m) => keep(m.equipmentId)));
      expect(records.sessions).toEqual(kit.sessions.filter((s) => keep(s.equipmentId)));
      expect(records.exams).toEqual(kit.exams.filter((x) => keep(x.equipmentId)));
      expect(records.acts).toEqual(kit.acts);
      expect(records.slots).toBeUndefined();
      const first = records.equipment[0]!;
      expect(records.establishment).toEqual(
        kit.establishments.find((e) => e.finess === first.finess),
      );
    }
  });

  it('keeps machine order by id whatever the order asked, and the other campaign apart', async () => {
    const records = (await loadSimulationRecords(store, 'records-a', ['MR1', 'CT2']))!;
    expect(records.equipment.map((m) => m.equipmentId)).toEqual(['CT2', 'MR1']);
    // Hand-checked against small-kit.ts: CT2 has one session and no exam, MR1 one session and two exams.
    expect(records.sessions).toHaveLength(2);
    expect(records.exams.map((x) => x.equipmentId)).toEqual(['MR1', 'MR1']);
    expect(records.establishment?.name).toBe('Clinique du Nord');
    const ct1 = (await loadSimulationRecords(store, 'records-a', ['CT1']))!;
    expect(ct1.exams).toHaveLength(4);
    expect(ct1.exams[0]!.requestedAt).toBe(Date.UTC(2010, 1, 20, 8));
    expect(ct1.exams[0]!.scheduledMinutes).toBe(15);
  });

  it('reads their slots in file order, as loadKit does, when the campaign has some', async () => {
    const slot = (
      equipmentId: string,
      start: number,
      minutes: number,
      status: 'free' | 'busy',
      seen: number,
    ) => ({
      equipmentId,
      start,
      end: start + minutes * 60_000,
      status,
      observedAt: seen,
    });
    const withSlots = smallKit('records-b');
    withSlots.slots = [
      slot('MR1', Date.UTC(2010, 2, 5, 8, 30), 30, 'free', Date.UTC(2010, 2, 1, 7)),
      slot('CT1', Date.UTC(2010, 2, 4, 8), 20, 'busy', Date.UTC(2010, 2, 1, 7)),
      slot('MR1', Date.UTC(2010, 2, 4, 10), 30, 'busy', Date.UTC(2010, 2, 2, 7)),
    ];
    await importKit(store, withSlots);
    const kit = (await loadKit(store, 'records-b'))!;
    expect(kit.slots).toHaveLength(3);
    const mr = (await loadSimulationRecords(store, 'records-b', ['MR1']))!;
    // File order (row_no), not time order: the slot of the 5th before that of the 4th.
    expect(mr.slots).toEqual([withSlots.slots[0], withSlots.slots[2]]);
    expect(mr.slots).toEqual(kit.slots!.filter((s) => s.equipmentId === 'MR1'));
    const both = (await loadSimulationRecords(store, 'records-b', ['MR1', 'CT1']))!;
    expect(both.slots).toEqual(kit.slots);
    expect((await loadSimulationRecords(store, 'records-b', ['CT2']))!.slots).toBeUndefined();
    expect((await loadSimulationRecords(store, 'records-a', ['MR1']))!.slots).toBeUndefined();
  });

  it('is null for an unknown campaign, an unknown machine, or no machine', async () => {
    expect(await loadSimulationRecords(store, 'nope', ['CT1'])).toBeNull();
    expect(await loadSimulationRecords(store, 'records-a', ['CT1', 'XX'])).toBeNull();
    expect(await loadSimulationRecords(store, 'records-a', [])).toBeNull();
  });
});
