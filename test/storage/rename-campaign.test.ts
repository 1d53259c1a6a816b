// Renaming a stored campaign on every engine: the new id holds the same records, issues and
// (recomputed) results, the old id nothing; a taken or unknown id changes nothing; a table that
// holds campaign rows but that renaming does not know stops it instead of being left behind.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { computeCampaign } from '../../src/core/indicators/index.ts';
import type { Kit } from '../../src/core/kit-types.ts';
import { copyCampaignAs } from '../../src/storage/campaign-repository.ts';
import { importKit, renameCampaign } from '../../src/storage/import-kit.ts';
import { loadKit } from '../../src/storage/load-kit.ts';
import type { Store } from '../../src/storage/open-store.ts';
import { listCampaigns, loadIssues, loadResults } from '../../src/storage/queries.ts';
import { loadSamples } from '../../src/storage/sample-repository.ts';
import { ENGINES } from './engines.ts';
import type { TestPlace } from './engines.ts';
import { smallKit, sortedKit } from './small-kit.ts';

const withId = (kit: Kit, id: string): Kit => ({ ...kit, campaign: { ...kit.campaign, id } });

async function rowsOf(store: Store, id: string): Promise<number> {
  const tables = [
    'campaigns',
    'establishments',
    'equipment',
    'sessions',
    'exams',
    'acts',
    'survey_answers',
    'import_issues',
    'machine_results',
    'machine_samples',
    'campaign_results',
  ];
  let n = 0;
  for (const t of tables) {
    const [row] = await store.db.query<{ n: number }>(
      `select count(*)::int as n from ${t} where ${t === 'campaigns' ? 'id' : 'campaign_id'} = $1`,
      [id],
    );
    n += row!.n;
  }
  return n;
}

describe.each(ENGINES)('renameCampaign on $name', ({ place: makePlace }) => {
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

  it('moves every record, issue and result to the new id and leaves nothing under the old one', async () => {
    const kit = smallKit('before');
    const issue = {
      severity: 'warning' as const,
      code: 'unknown-column',
      file: 'exams.csv',
      line: 1,
      column: 'x',
      message: 'an unknown column',
      hint: null,
    };
    await importKit(store, kit, { source: 'kits/before', issues: [issue] });
    const listed = (await listCampaigns(store)).find((c) => c.id === 'before')!;

    expect(await renameCampaign(store, 'before', 'after')).toBe('renamed');
    const renamed = withId(kit, 'after');
    expect(await loadKit(store, 'after')).toEqual(sortedKit(renamed));
    expect(await loadResults(store, 'after')).toEqual(computeCampaign(sortedKit(renamed)));
    expect([...(await loadSamples(store, 'after')).keys()].sort()).toEqual(['CT1', 'CT2', 'MR1']);
    expect(await loadIssues(store, 'after')).toEqual([{ ...issue, source: 'kits/before' }]);
    const after = (await listCampaigns(store)).find((c) => c.id === 'after')!;
    expect(after).toMatchObject({
      name: listed.name,
      start: listed.start,
      days: listed.days,
      importedAt: listed.importedAt,
      exams: listed.exams,
      hasResults: true,
    });
    expect(await rowsOf(store, 'before')).toBe(0);
    // The renamed campaign re-imported under its new id is the same campaign.
    expect(
      (await importKit(store, renamed, { source: 'kits/before', issues: [issue] })).changed,
    ).toBe(false);
  });

  it('changes nothing when the new id is taken or the old one is not stored', async () => {
    await importKit(store, smallKit('one'));
    await importKit(store, smallKit('two'));
    const before = await listCampaigns(store);
    expect(await renameCampaign(store, 'one', 'two')).toBe('taken');
    expect(await renameCampaign(store, 'none', 'three')).toBe('unknown');
    expect(await listCampaigns(store)).toEqual(before);
  });

  it('stops at a table holding campaign rows that renaming does not know', async () => {
    await importKit(store, smallKit('guarded'));
    await expect(
      store.db.transaction(async (tx) => {
        await tx.exec('create table extra_notes (campaign_id text, note text)');
        await copyCampaignAs(tx, 'guarded', 'moved');
      }),
    ).rejects.toThrow(/does not know the table\(s\) extra_notes/);
    expect((await listCampaigns(store)).map((c) => c.id)).toContain('guarded');
  });
});
