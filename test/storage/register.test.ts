// The equipment register in the store, on every engine: a kit's register is stored in its file's
// order and read back the same (dates, field strengths, blanks); a re-import counts rows added,
// removed and unchanged as values; a kit without a register keeps the stored one (clearing the
// equipment_id of machines it no longer holds); an empty register removes it; a register imported
// on its own replaces the campaign's, checked against its machines; nothing is stored when refused.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Kit, RegisterMachine } from '../../src/core/kit-types.ts';
import { StoreError } from '../../src/storage/errors.ts';
import { importKit, renameCampaign } from '../../src/storage/import-kit.ts';
import { loadKit } from '../../src/storage/load-kit.ts';
import type { Store } from '../../src/storage/open-store.ts';
import { kitFingerprint } from '../../src/storage/fingerprint.ts';
import { loadIssues } from '../../src/storage/queries.ts';
import {
  importRegister,
  loadRegister,
  registerChanges,
} from '../../src/storage/register-repository.ts';
import { buildKit } from '../helpers/build-kit.ts';
import { ENGINES } from './engines.ts';
import type { TestPlace } from './engines.ts';

const m = (
  r: Partial<RegisterMachine> & Pick<RegisterMachine, 'finess' | 'department' | 'modality'>,
): RegisterMachine => ({
  sector: 'hospital',
  authorisationId: null,
  authorisedOn: null,
  inServiceOn: null,
  installedYear: null,
  fieldTesla: null,
  equipmentId: null,
  origin: 'register',
  ...r,
});

const FLEET: RegisterMachine[] = [
  m({
    finess: '590000001',
    department: '59',
    modality: 'MR',
    authorisationId: '59-0001',
    authorisedOn: '2004-02-29',
    inServiceOn: '2004-10-01',
    installedYear: 2009,
    fieldTesla: 1.5,
    equipmentId: 'MR1',
  }),
  m({
    finess: '590000001',
    department: '59',
    modality: 'CT',
    installedYear: 2003,
    equipmentId: 'CT1',
  }),
  m({ finess: '2A0000002', department: '2A', modality: 'CT', sector: 'private_practice' }),
  m({
    finess: '970000003',
    department: '971',
    modality: 'MR',
    sector: 'private_practice',
    fieldTesla: 3,
    origin: 'finess',
  }),
];

/** Two machines with one exam each; `register` as given (absent when undefined). */
function kitOf(
  id: string,
  register?: RegisterMachine[],
  machines: ('CT1' | 'MR1')[] = ['CT1', 'MR1'],
  start = '2010-03-01',
): Kit {
  const kit = buildKit(
    machines.map((name) => ({
      id: name,
      modality: name === 'CT1' ? 'CT' : 'MR',
      sessions: [[`${start}T08:00`, `${start}T18:00`, 'PUBLIC_SCHEDULED']],
      exams: [{ in: `${start}T09:00`, out: `${start}T09:20` }],
    })),
    { id, start },
  );
  return register === undefined ? kit : { ...kit, register };
}

async function registerRows(store: Store, id: string): Promise<number> {
  const [row] = await store.db.query<{ n: number }>(
    'select count(*)::int as n from register_machines where campaign_id = $1',
    [id],
  );
  return row!.n;
}

describe('registerChanges', () => {
  it('compares rows as values: reordered rows are unchanged, a changed row is one removed and one added', () => {
    expect(registerChanges(FLEET, [...FLEET].reverse())).toEqual({
      added: 0,
      removed: 0,
      unchanged: 4,
    });
    const edited = FLEET.map((r, i) => (i === 2 ? { ...r, department: '2B' } : r));
    expect(registerChanges(FLEET, edited)).toEqual({ added: 1, removed: 1, unchanged: 3 });
    expect(registerChanges([FLEET[2]!, FLEET[2]!], [FLEET[2]!])).toEqual({
      added: 0,
      removed: 1,
      unchanged: 1,
    });
  });
});

describe.each(ENGINES)('the equipment register on $name', ({ place: makePlace }) => {
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

  it("stores a kit's register in its order and reads it back the same; the results ignore it", async () => {
    const plain = await importKit(store, kitOf('plain'));
    expect(plain.register).toBeNull();
    expect(await loadRegister(store.db, 'plain')).toBeNull();
    const summary = await importKit(store, kitOf('fleet', FLEET));
    expect(summary.register).toEqual({ from: 'kit', added: 4, removed: 0, unchanged: 0 });
    expect(await loadRegister(store.db, 'fleet')).toEqual(FLEET);
    const stored = (await loadKit(store, 'fleet'))!;
    expect(stored.register).toEqual(FLEET);
    expect(await loadKit(store, 'plain')).not.toHaveProperty('register');
    // The stored fingerprint is of the records alone: with or without the register, the same.
    const { register: _, ...records } = stored;
    expect(summary.fingerprint).toBe(kitFingerprint(records));
    expect(kitFingerprint(stored)).toBe(kitFingerprint(records));
  });

  it('counts a re-import: the same register changes nothing, an edited one what changed', async () => {
    const again = await importKit(store, kitOf('fleet', FLEET));
    expect(again.register).toEqual({ from: 'kit', added: 0, removed: 0, unchanged: 4 });
    expect(again.changed).toBe(false);
    expect(again.results).toBeNull();
    const edited = [FLEET[0]!, FLEET[1]!, { ...FLEET[2]!, department: '2B' }];
    const summary = await importKit(store, kitOf('fleet', edited));
    expect(summary.register).toEqual({ from: 'kit', added: 1, removed: 2, unchanged: 2 });
    expect(summary.changed).toBe(true);
    // Only the register changed: the indicators are not recomputed.
    expect(summary.results).toBeNull();
    expect(await loadRegister(store.db, 'fleet')).toEqual(edited);
    await importKit(store, kitOf('fleet', FLEET));
  });

  it('keeps the stored register for a kit without one, clearing machines the kit no longer holds', async () => {
    const kept = await importKit(store, kitOf('fleet'));
    expect(kept.register).toEqual({ from: 'kept', added: 0, removed: 0, unchanged: 4 });
    expect(kept.changed).toBe(false);
    expect(await loadRegister(store.db, 'fleet')).toEqual(FLEET);
    const fewer = await importKit(store, kitOf('fleet', undefined, ['CT1']));
    expect(fewer.register).toEqual({ from: 'kept', added: 1, removed: 1, unchanged: 3 });
    const stored = await loadRegister(store.db, 'fleet');
    expect(stored?.map((r) => r.equipmentId)).toEqual([null, 'CT1', null, null]);
    expect(stored?.[0]).toEqual({ ...FLEET[0], equipmentId: null });
    const issue = fewer.issues.find((i) => i.code === 'register-detached');
    expect(issue).toMatchObject({
      severity: 'warning',
      file: 'equipment-register.csv',
      column: 'equipment_id',
    });
    expect(issue?.message).toBe(
      '1 row of the stored register named machines this kit no longer holds (MR1): their equipment_id was cleared',
    );
    expect((await loadIssues(store, 'fleet')).map((i) => i.code)).toContain('register-detached');
  });

  it('removes the register for a kit whose register is empty', async () => {
    const summary = await importKit(store, kitOf('fleet', []));
    expect(summary.register).toEqual({ from: 'kit', added: 0, removed: 4, unchanged: 0 });
    expect(await loadRegister(store.db, 'fleet')).toBeNull();
    expect(await registerRows(store, 'fleet')).toBe(0);
  });

  it('imports a register on its own, checked against the stored machines', async () => {
    await importKit(store, kitOf('alone'));
    const first = await importRegister(store, 'alone', FLEET);
    expect(first).toEqual({
      campaignId: 'alone',
      changes: { added: 4, removed: 0, unchanged: 0 },
      changed: true,
    });
    expect(await loadRegister(store.db, 'alone')).toEqual(FLEET);
    const reordered = await importRegister(store, 'alone', [...FLEET].reverse());
    expect(reordered).toEqual({
      campaignId: 'alone',
      changes: { added: 0, removed: 0, unchanged: 4 },
      changed: true,
    });
    expect(await loadRegister(store.db, 'alone')).toEqual([...FLEET].reverse());
    const same = await importRegister(store, 'alone', [...FLEET].reverse());
    expect(same.changed).toBe(false);
    // A kit re-imported without a register keeps the one imported on its own.
    await importKit(store, kitOf('alone'));
    expect(await loadRegister(store.db, 'alone')).toEqual([...FLEET].reverse());
  });

  it('refuses a register naming an unknown machine, one of another modality or one twice, and an unknown campaign: nothing stored', async () => {
    const before = await loadRegister(store.db, 'alone');
    const refusals: [string, RegisterMachine[], string][] = [
      [
        'alone',
        [m({ finess: '590000001', department: '59', modality: 'CT', equipmentId: 'CT9' })],
        'invalid-kit',
      ],
      [
        'alone',
        [m({ finess: '590000001', department: '59', modality: 'MR', equipmentId: 'CT1' })],
        'invalid-kit',
      ],
      ['alone', [FLEET[1]!, FLEET[1]!], 'invalid-kit'],
      ['nowhere', FLEET, 'unknown-campaign'],
    ];
    for (const [id, rows, code] of refusals) {
      const error = await importRegister(store, id, rows).catch((e: unknown) => e);
      expect(error, JSON.stringify(rows)).toBeInstanceOf(StoreError);
      expect((error as StoreError).code).toBe(code);
    }
    expect(await loadRegister(store.db, 'alone')).toEqual(before);
    // In a kit, the same refusal stores nothing at all.
    const kit = kitOf('refused', [
      m({ finess: '590000001', department: '59', modality: 'CT', equipmentId: 'MR1' }),
    ]);
    await expect(importKit(store, kit)).rejects.toMatchObject({ code: 'invalid-kit' });
    expect(await loadKit(store, 'refused')).toBeNull();
    expect(await registerRows(store, 'refused')).toBe(0);
  });

  it('keeps the register when the campaign is replaced over another period, and when it is renamed', async () => {
    await importKit(store, kitOf('moved', FLEET));
    const replaced = await importKit(
      store,
      kitOf('moved', undefined, ['CT1', 'MR1'], '2011-03-07'),
      { replace: true },
    );
    expect(replaced.campaign).toBe('replaced');
    expect(replaced.register).toEqual({ from: 'kept', added: 0, removed: 0, unchanged: 4 });
    expect(await loadRegister(store.db, 'moved')).toEqual(FLEET);
    expect(await renameCampaign(store, 'moved', 'moved-2011')).toBe('renamed');
    expect(await loadRegister(store.db, 'moved-2011')).toEqual(FLEET);
    expect(await loadRegister(store.db, 'moved')).toBeNull();
  });
});
