// The booking slots in the store, on every engine: a kit's slots are stored in their file's order
// and read back the same (instants to the millisecond, repeated observations kept); a re-import
// counts rows added, removed and unchanged as values; a kit without slots.csv leaves none stored
// (the store holds exactly the kit); the indicators and the fingerprint ignore them; a kit whose
// slots name an unknown machine stores nothing; replacing and renaming a campaign carry them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Kit, Slot } from '../../src/core/kit-types.ts';
import { importKit, renameCampaign } from '../../src/storage/import-kit.ts';
import { kitFingerprint } from '../../src/storage/fingerprint.ts';
import { loadKit } from '../../src/storage/load-kit.ts';
import type { Store } from '../../src/storage/open-store.ts';
import { loadSlots, slotChanges } from '../../src/storage/slot-repository.ts';
import { storedKitOf } from '../../src/storage/stored-kit.ts';
import { buildKit } from '../helpers/build-kit.ts';
import { ENGINES } from './engines.ts';
import type { TestPlace } from './engines.ts';

const utc = (text: string): number => Date.parse(`${text}Z`);
const s = (
  equipmentId: string,
  start: string,
  end: string,
  status: Slot['status'],
  seen: string,
): Slot => ({
  equipmentId,
  start: utc(start),
  end: utc(end),
  status,
  observedAt: utc(seen),
});

const SLOTS: Slot[] = [
  s('MR1', '2010-03-02T08:00', '2010-03-02T08:30', 'free', '2010-03-01T06:00:00.125'),
  s('CT1', '2010-03-02T08:00', '2010-03-02T08:20', 'free', '2010-03-01T06:00'),
  s('CT1', '2010-03-02T08:00', '2010-03-02T08:20', 'busy', '2010-03-01T14:12:07'),
  // Seen twice the same: both rows kept.
  s('CT1', '2010-03-02T08:20', '2010-03-02T08:40', 'free', '2010-03-01T06:00'),
  s('CT1', '2010-03-02T08:20', '2010-03-02T08:40', 'free', '2010-03-01T06:00'),
  // Weeks past the campaign: the agenda looks ahead.
  s('CT1', '2010-05-10T07:00', '2010-05-10T07:20', 'free', '2010-03-01T06:00'),
];

/** Two machines with one exam each; `slots` as given (absent when undefined). */
function kitOf(id: string, slots?: Slot[], start = '2010-03-01'): Kit {
  const kit = buildKit(
    (['CT1', 'MR1'] as const).map((name) => ({
      id: name,
      modality: name === 'CT1' ? 'CT' : 'MR',
      sessions: [[`${start}T08:00`, `${start}T18:00`, 'PUBLIC_SCHEDULED']],
      exams: [{ in: `${start}T09:00`, out: `${start}T09:20` }],
    })),
    { id, start },
  );
  return slots === undefined ? kit : { ...kit, slots };
}

async function slotRows(store: Store, id: string): Promise<number> {
  const [row] = await store.db.query<{ n: number }>(
    'select count(*)::int as n from slots where campaign_id = $1',
    [id],
  );
  return row!.n;
}

describe('slotChanges', () => {
  it('compares rows as values: reordered rows are unchanged, a repeated row counts as often as it comes', () => {
    expect(slotChanges(SLOTS, [...SLOTS].reverse())).toEqual({
      added: 0,
      removed: 0,
      unchanged: 6,
    });
    const edited = SLOTS.map((x, i) => (i === 1 ? { ...x, status: 'busy' as const } : x));
    expect(slotChanges(SLOTS, edited)).toEqual({ added: 1, removed: 1, unchanged: 5 });
    expect(slotChanges(SLOTS, SLOTS.slice(0, 4))).toEqual({ added: 0, removed: 2, unchanged: 4 });
  });
});

describe.each(ENGINES)('the booking slots on $name', ({ place: makePlace }) => {
  let place: TestPlace;
  let store: Store;

  beforeAll(async () => {
    place = await makePlace();
    store = await place.open();
  });
  afterAll(async () => {
    await store?.close();
    await place?.dispose();
  });

  it('stores a kit’s slots in their order and reads them back the same; results and fingerprint ignore them', async () => {
    const plain = await importKit(store, kitOf('plain'));
    expect(plain.slots).toBeNull();
    expect(await loadSlots(store.db, 'plain')).toBeNull();
    const summary = await importKit(store, kitOf('agenda', SLOTS));
    expect(summary.slots).toEqual({ added: 6, removed: 0, unchanged: 0 });
    expect(await loadSlots(store.db, 'agenda')).toEqual(SLOTS);
    const stored = (await loadKit(store, 'agenda'))!;
    expect(stored.slots).toEqual(SLOTS);
    expect(await loadKit(store, 'plain')).not.toHaveProperty('slots');
    // What a new campaign is computed from (storedKitOf) is what readKit gives back.
    expect(storedKitOf(kitOf('agenda', SLOTS))).toEqual(stored);
    const { slots: _, ...records } = stored;
    expect(summary.fingerprint).toBe(kitFingerprint(records));
    expect(kitFingerprint(stored)).toBe(kitFingerprint(records));
  });

  it('counts a re-import: the same slots change nothing, edited ones what changed, without recomputing', async () => {
    const again = await importKit(store, kitOf('agenda', SLOTS));
    expect(again.slots).toEqual({ added: 0, removed: 0, unchanged: 6 });
    expect(again.changed).toBe(false);
    expect(again.results).toBeNull();
    const edited = [
      ...SLOTS.slice(0, 3),
      s('CT1', '2010-03-02T08:40', '2010-03-02T09:00', 'free', '2010-03-01T06:00'),
    ];
    const summary = await importKit(store, kitOf('agenda', edited));
    expect(summary.slots).toEqual({ added: 1, removed: 3, unchanged: 3 });
    expect(summary.changed).toBe(true);
    expect(summary.results).toBeNull();
    expect(await loadSlots(store.db, 'agenda')).toEqual(edited);
  });

  it('leaves no slot stored for a kit without slots.csv, or with a header alone', async () => {
    const without = await importKit(store, kitOf('agenda'));
    expect(without.slots).toEqual({ added: 0, removed: 4, unchanged: 0 });
    expect(without.changed).toBe(true);
    expect(await loadSlots(store.db, 'agenda')).toBeNull();
    expect(await slotRows(store, 'agenda')).toBe(0);
    await importKit(store, kitOf('agenda', SLOTS));
    const empty = await importKit(store, kitOf('agenda', []));
    expect(empty.slots).toEqual({ added: 0, removed: 6, unchanged: 0 });
    expect(await slotRows(store, 'agenda')).toBe(0);
  });

  it('refuses a kit whose slots name a machine it does not hold: nothing stored', async () => {
    const kit = kitOf('refused', [
      ...SLOTS,
      s('CT9', '2010-03-02T08:00', '2010-03-02T08:20', 'free', '2010-03-01T06:00'),
    ]);
    const error = await importKit(store, kit).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'invalid-kit' });
    expect((error as Error).message).toContain('CT9');
    expect(await loadKit(store, 'refused')).toBeNull();
    expect(await slotRows(store, 'refused')).toBe(0);
  });

  it('replaces the slots with the kit’s when the campaign is replaced over another period, and carries them in a rename', async () => {
    await importKit(store, kitOf('moved', SLOTS));
    const later = SLOTS.map((x) => ({
      ...x,
      start: x.start + 7 * 86_400_000,
      end: x.end + 7 * 86_400_000,
    }));
    const replaced = await importKit(store, kitOf('moved', later, '2010-03-08'), { replace: true });
    expect(replaced.campaign).toBe('replaced');
    expect(replaced.slots).toEqual({ added: 6, removed: 6, unchanged: 0 });
    expect(await loadSlots(store.db, 'moved')).toEqual(later);
    expect(await renameCampaign(store, 'moved', 'moved-2')).toBe('renamed');
    expect(await loadSlots(store.db, 'moved-2')).toEqual(later);
    expect(await loadSlots(store.db, 'moved')).toBeNull();
  });
});
