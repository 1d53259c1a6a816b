// The stored peer groups on every engine: an import writes exactly storedPeerGroups of the
// campaign's index (values kept to the last bit, null under five machines), a re-import after a
// change replaces them, a recompute rewrites them, and deleting the campaign removes them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CampaignIndex } from '../../src/core/views/campaign-index.ts';
import { peerGroupKey, storedPeerGroups } from '../../src/core/views/peer-groups.ts';
import { importKit, recomputeResults } from '../../src/storage/import-kit.ts';
import type { Store } from '../../src/storage/open-store.ts';
import { loadCampaignData } from '../../src/storage/campaign-data.ts';
import { loadPeerGroups, writePeerGroups } from '../../src/storage/peer-groups.ts';
import { deleteCampaign } from '../../src/storage/queries.ts';
import { viewsKit } from '../core/views/views-kit.ts';
import { ENGINES, type TestPlace } from './engines.ts';

describe.each(ENGINES)('stored peer groups on $name', ({ place: makePlace }) => {
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

  const fromIndex = async () =>
    storedPeerGroups(new CampaignIndex((await loadCampaignData(store, 'views'))!));

  it('are written by the import, as the index of the stored campaign gives them', async () => {
    await importKit(store, viewsKit());
    const stored = await loadPeerGroups(store, 'views');
    expect(stored).toEqual(await fromIndex());
    const ct = stored.find((g) => peerGroupKey(g.filter) === '["CT",null,null,null]')!;
    expect(ct.n).toBe(5);
    // CT0…CT4 hold 1…5 exams in one week, the first of each urgent.
    expect(ct.values!['passagesPerWeek']).toEqual([1, 2, 3, 4, 5]);
    expect(ct.values!['emergencyShare']).toEqual([1 / 5, 1 / 4, 1 / 3, 1 / 2, 1]);
    expect(stored.filter((g) => g.values !== null)).toHaveLength(1);
  });

  it('are replaced when the records change, and rewritten by a recompute', async () => {
    const kit = viewsKit();
    kit.establishments = kit.establishments.map((e) => ({ ...e, region: 'Hauts-de-France' }));
    await importKit(store, kit);
    const stored = await loadPeerGroups(store, 'views');
    expect(stored).toEqual(await fromIndex());
    expect(
      stored.find((g) => peerGroupKey(g.filter) === '["CT","Hauts-de-France",null,null]')?.values?.[
        'passagesPerWeek'
      ],
    ).toEqual([1, 2, 3, 4, 5]);
    expect(stored.some((g) => g.filter.region === 'Île-de-France')).toBe(false);
    await store.db.transaction((tx) => writePeerGroups(tx, 'views', []));
    expect(await loadPeerGroups(store, 'views')).toEqual([]);
    await recomputeResults(store, 'views');
    expect(await loadPeerGroups(store, 'views')).toEqual(stored);
  });

  it('go with their campaign', async () => {
    await deleteCampaign(store, 'views');
    expect(await loadPeerGroups(store, 'views')).toEqual([]);
    expect(await store.db.query('select count(*)::int as n from peer_groups')).toEqual([{ n: 0 }]);
  });
});
