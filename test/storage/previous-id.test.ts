// equipment.previous_id (migration 0009) on every engine: a new campaign's machines go in by binary
// COPY with their previous ids, loadKit and loadEquipment give them back (absent, not null, when
// blank) the same as storedKitOf, and the stored kit's fingerprint is the read kit's; a re-import
// (upserts) that changes, adds and clears previous ids is stored as changed, and the same kit
// again changes nothing. A kit without the column keeps the fingerprint it had before the column.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Kit } from '../../src/core/kit-types.ts';
import { parseKit } from '../../src/ingest/kit/parse-kit.ts';
import { kitFingerprint } from '../../src/storage/fingerprint.ts';
import { importKit } from '../../src/storage/import-kit.ts';
import { loadKit } from '../../src/storage/load-kit.ts';
import type { Store } from '../../src/storage/open-store.ts';
import { storedKitOf } from '../../src/storage/stored-kit.ts';
import { loadEquipment } from '../../src/storage/view-queries.ts';
import { ENGINES, type TestPlace } from './engines.ts';

function kitOf(equipment: string): Kit {
  const { kit, issues } = parseKit(
    new Map([
      [
        'campaign.json',
        JSON.stringify({
          id: 'prev',
          name: 'Previous ids',
          start: '2011-03-07',
          days: 7,
          timeZone: 'Europe/Paris',
        }),
      ],
      [
        'establishments.csv',
        'finess,name,legal_status,region\n590000001,CH Nord,CH,Hauts-de-France\n',
      ],
      ['equipment.csv', equipment],
      [
        'sessions.csv',
        'equipment_id,start,end,type\nCT-2,2011-03-08T08:00,2011-03-08T18:00,PUBLIC_SCHEDULED\nMR-1,2011-03-08T08:00,2011-03-08T18:00,PUBLIC_SCHEDULED\n',
      ],
      [
        'exams.csv',
        'exam_id,equipment_id,category,room_in,room_out\nE1,CT-2,A,2011-03-08T09:00,2011-03-08T09:20\nE2,MR-1,H,2011-03-08T10:00,2011-03-08T10:30\n',
      ],
    ]),
  );
  if (kit === null) throw new Error(issues.map((i) => i.message).join('; '));
  return kit;
}

const previousIds = (machines: readonly { equipmentId: string; previousId?: string }[]) =>
  machines.map((m) => [m.equipmentId, 'previousId' in m ? m.previousId : 'absent']);

describe.each(ENGINES)('equipment.previous_id on $name', ({ place: makePlace }) => {
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

  it('is stored by COPY and by upsert, and read back absent when blank', async () => {
    const kit = kitOf(
      'equipment_id,finess,modality,previous_id\nCT-2,590000001,CT,CT-OLD\nMR-1,590000001,MR,\n',
    );
    await importKit(store, kit);
    const stored = (await loadKit(store, 'prev'))!;
    expect(previousIds(stored.equipment)).toEqual([
      ['CT-2', 'CT-OLD'],
      ['MR-1', 'absent'],
    ]);
    expect(previousIds(await loadEquipment(store, 'prev'))).toEqual([
      ['CT-2', 'CT-OLD'],
      ['MR-1', 'absent'],
    ]);
    expect(storedKitOf(kit)).toEqual(stored);
    expect(kitFingerprint(stored)).toBe(kitFingerprint(kit));
    const [row] = await store.db.query<{ n: number }>(
      `select count(*)::int as n from equipment where previous_id is null`,
    );
    expect(row?.n).toBe(1);

    const edited = kitOf(
      'equipment_id,finess,modality,previous_id\nCT-2,590000001,CT,\nMR-1,590000001,MR,MR-0\n',
    );
    expect((await importKit(store, edited)).changed).toBe(true);
    expect(previousIds((await loadKit(store, 'prev'))!.equipment)).toEqual([
      ['CT-2', 'absent'],
      ['MR-1', 'MR-0'],
    ]);
    expect((await importKit(store, edited)).changed).toBe(false);
  });

  it('leaves a kit without the column with the fingerprint it had before (no previous_id in it)', async () => {
    const plain = kitOf('equipment_id,finess,modality\nCT-2,590000001,CT\nMR-1,590000001,MR\n');
    const blank = kitOf(
      'equipment_id,finess,modality,previous_id\nCT-2,590000001,CT,\nMR-1,590000001,MR,\n',
    );
    const named = kitOf(
      'equipment_id,finess,modality,previous_id\nCT-2,590000001,CT,CT-OLD\nMR-1,590000001,MR,\n',
    );
    expect(kitFingerprint(blank)).toBe(kitFingerprint(plain));
    expect(kitFingerprint(named)).not.toBe(kitFingerprint(plain));
    await importKit(store, plain);
    const stored = (await loadKit(store, 'prev'))!;
    expect(previousIds(stored.equipment)).toEqual([
      ['CT-2', 'absent'],
      ['MR-1', 'absent'],
    ]);
    expect(kitFingerprint(stored)).toBe(kitFingerprint(plain));
  });
});
