// Importing kits on every engine: what is stored and read back, re-imports that change nothing,
// changed exams replaced rather than duplicated, a part of a kit replacing the whole, duplicates,
// issues, and imports that fail leaving nothing behind (more on re-imports: reimport.test.ts). One store per engine; each test uses its own campaign id.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { computeCampaign } from '../../src/core/indicators/index.ts';
import type { Issue } from '../../src/core/issues.ts';
import type { Kit } from '../../src/core/kit-types.ts';
import { StoreError } from '../../src/storage/errors.ts';
import type { ImportProgress } from '../../src/storage/import-kit.ts';
import { importKit, recomputeResults } from '../../src/storage/import-kit.ts';
import { loadKit } from '../../src/storage/load-kit.ts';
import type { Store } from '../../src/storage/open-store.ts';
import {
  deleteCampaign,
  listCampaigns,
  loadIssues,
  loadResults,
} from '../../src/storage/queries.ts';
import { kitFingerprint } from '../../src/storage/fingerprint.ts';
import { CHUNK_ROWS } from '../../src/storage/bulk.ts';
import { ENGINES } from './engines.ts';
import { syntheticKit } from './synthetic-kit.ts';
import type { TestPlace } from './engines.ts';
import { at, smallKit, sortedKit } from './small-kit.ts';

const TABLES = [
  'establishments',
  'equipment',
  'sessions',
  'exams',
  'acts',
  'survey_answers',
  'import_issues',
  'machine_results',
  'campaign_results',
] as const;

/** Row counts of every table for one campaign. */
async function counts(store: Store, campaignId: string): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  const [c] = await store.db.query<{ n: number }>(
    'select count(*)::int as n from campaigns where id = $1',
    [campaignId],
  );
  out['campaigns'] = c!.n;
  for (const table of TABLES) {
    const [row] = await store.db.query<{ n: number }>(
      `select count(*)::int as n from ${table} where campaign_id = $1`,
      [campaignId],
    );
    out[table] = row!.n;
  }
  return out;
}

const none = { inserted: 0, updated: 0, removed: 0 };

describe.each(ENGINES)('importKit on $name', ({ place: makePlace }) => {
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

  it('stores every record and the computed results, and reads both back', async () => {
    const kit = smallKit('stores');
    const progress: ImportProgress[] = [];
    const summary = await importKit(store, kit, { onProgress: (p) => progress.push(p) });
    expect(summary).toMatchObject({
      campaignId: 'stores',
      campaign: 'inserted',
      establishments: { inserted: 2, updated: 0, unchanged: 0 },
      equipment: { inserted: 3, updated: 0, unchanged: 0 },
      sessions: { inserted: 5, updated: 0, unchanged: 0 },
      exams: { inserted: 6, updated: 0, unchanged: 0 },
      acts: { inserted: 2, updated: 0, unchanged: 0 },
      survey: { inserted: 3, updated: 0, unchanged: 0 },
      changed: true,
      issues: [],
    });
    expect(summary.results).toMatchObject({
      campaign: 'inserted',
      machines: { inserted: 3, updated: 0, unchanged: 0, deleted: 0 },
    });
    expect(summary.fingerprint).toMatch(/^[0-9a-f]{64}$/);
    expect(progress.map((p) => p.phase)).toEqual(
      expect.arrayContaining(['write', 'load', 'compute', 'save']),
    );
    expect(progress.filter((p) => p.table === 'exams').at(-1)).toMatchObject({ done: 6, total: 6 });

    const stored = await loadKit(store, 'stores');
    expect(stored).toEqual(sortedKit(kit));
    expect(summary.fingerprint).toBe(kitFingerprint(stored!));
    const results = await loadResults(store, 'stores');
    expect(results).toEqual(computeCampaign(sortedKit(kit)));
    expect(results?.machines.map((m) => m.equipmentId)).toEqual(['CT1', 'CT2', 'MR1']);
    expect(await counts(store, 'stores')).toMatchObject({
      campaigns: 1,
      exams: 6,
      sessions: 5,
      machine_results: 3,
      campaign_results: 1,
    });
  });

  it('keeps instants, nulls, acts and decimals exactly', async () => {
    const kit = smallKit('exact');
    kit.exams[0] = {
      ...kit.exams[0]!,
      roomIn: kit.exams[0]!.roomIn + 1,
      roomOut: kit.exams[0]!.roomOut + 999,
      scheduledMinutes: 12.5,
    };
    kit.acts[1] = { ...kit.acts[1]!, icr: 0.1 + 0.2 };
    await importKit(store, kit);
    const stored = (await loadKit(store, 'exact'))!;
    expect(stored).toEqual(sortedKit(kit));
    const night = stored.exams.find((e) => e.category === 'R')!;
    expect(night.roomOut - night.roomIn).toBe(20 * 60_000); // 01:50 CET to 03:10 CEST
    expect(stored.exams.find((e) => e.examId === 'CT1-1')?.acts).toEqual(['ZBQK002', 'ZCQK004']);
    expect(stored.exams.find((e) => e.examId === 'MR1-0')?.acts).toEqual([]);
    expect(stored.acts[1]?.icr).toBe(0.30000000000000004);
  });

  it('changes nothing when the same kit is imported again', async () => {
    const kit = smallKit('twice');
    await importKit(store, kit);
    const before = {
      counts: await counts(store, 'twice'),
      results: await loadResults(store, 'twice'),
      list: await listCampaigns(store),
    };
    const summary = await importKit(store, kit);
    expect(summary).toMatchObject({
      campaign: 'unchanged',
      establishments: { ...none, unchanged: 2 },
      equipment: { ...none, unchanged: 3 },
      sessions: { ...none, unchanged: 5 },
      exams: { ...none, unchanged: 6 },
      acts: { ...none, unchanged: 2 },
      survey: { ...none, unchanged: 3 },
      changed: false,
      results: null,
    });
    expect(await counts(store, 'twice')).toEqual(before.counts);
    expect(await loadResults(store, 'twice')).toEqual(before.results);
    expect(await listCampaigns(store)).toEqual(before.list);
    // The same records in another order are the same kit.
    const shuffled = {
      ...kit,
      exams: [...kit.exams].reverse(),
      sessions: [...kit.sessions].reverse(),
    };
    expect((await importKit(store, shuffled)).changed).toBe(false);
  });

  it('replaces a changed exam instead of duplicating it, and recomputes', async () => {
    const kit = smallKit('changed');
    const first = await importKit(store, kit);
    const before = await loadResults(store, 'changed');
    const next: Kit = structuredClone(kit);
    next.exams[1] = { ...next.exams[1]!, roomOut: at('2010-03-01T08:50'), category: 'A' };
    next.exams.push({
      ...next.exams[0]!,
      examId: 'CT1-new',
      roomIn: at('2010-03-01T09:00'),
      roomOut: at('2010-03-01T09:10'),
    });
    const summary = await importKit(store, next);
    expect(summary.exams).toEqual({ inserted: 1, updated: 1, unchanged: 5, removed: 0 });
    expect(summary.changed).toBe(true);
    expect(summary.results?.campaign).toBe('updated');
    expect(summary.fingerprint).not.toBe(first.fingerprint);
    expect((await counts(store, 'changed')).exams).toBe(7);
    const stored = (await loadKit(store, 'changed'))!;
    expect(stored.exams.filter((e) => e.examId === 'CT1-1')).toEqual([next.exams[1]]);
    const after = await loadResults(store, 'changed');
    expect(after).toEqual(computeCampaign(sortedKit(next)));
    expect(after?.machines.find((m) => m.equipmentId === 'CT1')?.exams).toBe(5);
    expect(after).not.toEqual(before);
    const listing = (await listCampaigns(store)).find((c) => c.id === 'changed')!;
    expect(Date.parse(listing.updatedAt)).toBeGreaterThanOrEqual(Date.parse(listing.importedAt));
  });

  it('makes the stored campaign exactly a second kit holding part of the first', async () => {
    const kit = smallKit('merge');
    const firstPart: Kit = {
      ...kit,
      equipment: kit.equipment.filter((m) => m.equipmentId !== 'MR1'),
    };
    firstPart.sessions = kit.sessions.filter((s) => s.equipmentId !== 'MR1');
    firstPart.exams = kit.exams.filter((e) => e.equipmentId !== 'MR1');
    const secondPart: Kit = {
      ...kit,
      equipment: kit.equipment.filter((m) => m.equipmentId === 'MR1'),
    };
    secondPart.sessions = kit.sessions.filter((s) => s.equipmentId === 'MR1');
    secondPart.exams = kit.exams.filter((e) => e.equipmentId === 'MR1');
    await importKit(store, firstPart, { source: 'feed-1' });
    const summary = await importKit(store, secondPart, { source: 'feed-2' });
    expect(summary.exams).toEqual({ inserted: 2, updated: 0, unchanged: 0, removed: 4 });
    expect(summary.equipment).toEqual({ inserted: 1, updated: 0, unchanged: 0, removed: 2 });
    expect(summary.sessions).toMatchObject({ inserted: 1, removed: 4 });
    expect(await loadKit(store, 'merge')).toEqual(sortedKit(secondPart));
    expect(await loadResults(store, 'merge')).toEqual(computeCampaign(sortedKit(secondPart)));
    expect((await listCampaigns(store)).find((c) => c.id === 'merge')?.source).toBe('feed-2');
  });

  it('updates the campaign row and the results when the campaign changes', async () => {
    const kit = smallKit('renamed');
    await importKit(store, kit);
    const summary = await importKit(store, {
      ...kit,
      campaign: { ...kit.campaign, name: 'New name' },
    });
    expect(summary.campaign).toBe('updated');
    expect(summary.results?.campaign).toBe('updated');
    expect(summary.results?.machines).toMatchObject({ inserted: 0, updated: 0, unchanged: 3 });
    expect((await loadResults(store, 'renamed'))?.campaign.name).toBe('New name');
    expect((await listCampaigns(store)).find((c) => c.id === 'renamed')?.name).toBe('New name');
  });

  it('stores a duplicated record once (the last one) and says so', async () => {
    const kit = smallKit('dupes');
    const changedCopy = { ...kit.exams[0]!, category: 'U' as const };
    kit.exams.push(changedCopy);
    kit.sessions.push({ ...kit.sessions[0]! });
    kit.survey.push({ ...kit.survey[0]!, days: 9 });
    const readIssue: Issue = {
      severity: 'warning',
      code: 'unknown-column',
      file: 'exams.csv',
      line: 1,
      column: 'comment',
      message: 'unknown column',
      hint: null,
    };
    const summary = await importKit(store, kit, { issues: [readIssue], source: 'kits/dupes' });
    expect(summary.exams).toEqual({ inserted: 6, updated: 0, unchanged: 0, removed: 0 });
    expect(summary.sessions).toEqual({ inserted: 5, updated: 0, unchanged: 0, removed: 0 });
    expect(summary.survey).toEqual({ inserted: 3, updated: 0, unchanged: 0, removed: 0 });
    expect(summary.issues.map((i) => [i.code, i.file, i.column])).toEqual([
      ['duplicate-record', 'appointment-survey.csv', 'case'],
      ['duplicate-record', 'exams.csv', 'exam_id'],
    ]);
    expect(summary.issues[1]?.message).toMatch(/^1 exams .* CT1\/CT1-0$/);
    const stored = (await loadKit(store, 'dupes'))!;
    expect(stored.exams.find((e) => e.examId === 'CT1-0')?.category).toBe('U');
    expect(
      stored.survey.find((a) => a.patient === 'outpatient' && a.case === 'CT_BRAIN_80F')?.days,
    ).toBe(9);

    const issues = await loadIssues(store, 'dupes');
    expect(issues.map((i) => [i.source, i.code])).toEqual([
      ['kits/dupes', 'unknown-column'],
      ['kits/dupes', 'duplicate-record'],
      ['kits/dupes', 'duplicate-record'],
    ]);
    expect(issues[0]).toEqual({ ...readIssue, source: 'kits/dupes' });
    // An import replaces the campaign's issues, whatever source they came from.
    await importKit(store, smallKit('dupes'), { source: 'other', issues: [readIssue] });
    expect((await loadIssues(store, 'dupes')).map((i) => i.source)).toEqual(['other']);
    await importKit(store, smallKit('dupes'), { source: 'kits/dupes' });
    expect(await loadIssues(store, 'dupes')).toEqual([]);
  });

  it('leaves nothing when the kit breaks a foreign key (an exam on an unknown machine)', async () => {
    const kit = smallKit('fk');
    kit.exams.push({ ...kit.exams[0]!, examId: 'ghost', equipmentId: 'NOPE' });
    const error = await importKit(store, kit).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StoreError);
    expect(error).toMatchObject({ code: 'invalid-kit' });
    expect((error as Error).message).toMatch(/not in equipment\.csv.*NOPE.*Nothing was stored/s);
    expect(Object.values(await counts(store, 'fk')).every((n) => n === 0)).toBe(true);
  });

  it('leaves nothing when a check fails (an exam over 24 h)', async () => {
    const kit = smallKit('check');
    kit.exams[2] = { ...kit.exams[2]!, roomOut: kit.exams[2]!.roomIn + 25 * 3_600_000 };
    await expect(importKit(store, kit)).rejects.toMatchObject({
      code: 'invalid-kit',
      message: expect.stringMatching(/more than 24 hours .*\[exams_duration_check\]/),
    });
    expect(Object.values(await counts(store, 'check')).every((n) => n === 0)).toBe(true);
  });

  it('leaves the stored campaign as it was when the computation fails mid-import', async () => {
    const kit = smallKit('rollback');
    await importKit(store, kit);
    const before = {
      counts: await counts(store, 'rollback'),
      kit: await loadKit(store, 'rollback'),
      results: await loadResults(store, 'rollback'),
    };
    const next: Kit = structuredClone(kit);
    next.exams[0] = { ...next.exams[0]!, category: 'U' };
    next.exams.push({ ...next.exams[0]!, examId: 'extra' });
    next.sessions.push({
      equipmentId: 'CT2',
      start: at('2010-03-04T08:00'),
      end: at('2010-03-04T12:00'),
      type: 'PRIVATE',
    });
    let computed = false;
    const failing = () => {
      computed = true;
      throw new Error('engine exploded');
    };
    await expect(importKit(store, next, { compute: failing, issues: [] })).rejects.toThrow(
      'engine exploded',
    );
    expect(computed).toBe(true);
    expect(await counts(store, 'rollback')).toEqual(before.counts);
    expect(await loadKit(store, 'rollback')).toEqual(before.kit);
    expect(await loadResults(store, 'rollback')).toEqual(before.results);
  });

  it('recomputes on demand without changing identical results', async () => {
    const kit = smallKit('recompute');
    await importKit(store, kit);
    const summary = await importKit(store, kit, { recompute: true });
    expect(summary.changed).toBe(false);
    expect(summary.results).toEqual({
      campaign: 'unchanged',
      machines: { inserted: 0, updated: 0, unchanged: 3, deleted: 0 },
    });
    const direct = await recomputeResults(store, 'recompute');
    expect(direct).toMatchObject({ campaign: 'unchanged', fingerprint: summary.fingerprint });
    expect(await recomputeResults(store, 'no-such-campaign')).toBeNull();
  });

  it('imports a campaign with no records at all', async () => {
    const kit: Kit = {
      ...smallKit('empty'),
      establishments: [],
      equipment: [],
      sessions: [],
      exams: [],
      acts: [],
      survey: [],
    };
    const summary = await importKit(store, kit);
    expect(summary.campaign).toBe('inserted');
    expect(await loadKit(store, 'empty')).toEqual(kit);
    expect(await loadResults(store, 'empty')).toEqual(computeCampaign(kit));
  });

  it('writes, re-imports and updates a campaign larger than one chunk', async () => {
    const kit = syntheticKit({ id: 'chunks', machines: 40, examsPerMachine: 520 });
    expect(kit.exams.length).toBeGreaterThan(CHUNK_ROWS);
    const progress: ImportProgress[] = [];
    const first = await importKit(store, kit, { onProgress: (p) => progress.push(p) });
    expect(first.exams).toEqual({
      inserted: kit.exams.length,
      updated: 0,
      unchanged: 0,
      removed: 0,
    });
    // Progress after each chunk, whichever way the engine loads a new campaign.
    expect(progress.filter((p) => p.table === 'exams')).toEqual(
      [...Array(Math.ceil(kit.exams.length / CHUNK_ROWS)).keys()].map((i) => ({
        phase: 'write',
        table: 'exams',
        done: Math.min((i + 1) * CHUNK_ROWS, kit.exams.length),
        total: kit.exams.length,
      })),
    );
    const again = await importKit(store, kit);
    expect(again.exams).toEqual({
      inserted: 0,
      updated: 0,
      unchanged: kit.exams.length,
      removed: 0,
    });
    expect(again.results).toBeNull();
    // One changed exam in each chunk.
    const changed = kit.exams.map((e, i) => (i % CHUNK_ROWS === 7 ? { ...e, icr: 999 } : e));
    const third = await importKit(store, { ...kit, exams: changed });
    expect(third.exams).toEqual({
      inserted: 0,
      updated: Math.ceil(kit.exams.length / CHUNK_ROWS),
      unchanged: kit.exams.length - Math.ceil(kit.exams.length / CHUNK_ROWS),
      removed: 0,
    });
    expect((await counts(store, 'chunks')).exams).toBe(kit.exams.length);
    // One exam in each chunk left out: removed, the rest untouched.
    const fewer = changed.filter((_, i) => i % CHUNK_ROWS !== 11);
    const fourth = await importKit(store, { ...kit, exams: fewer });
    expect(fourth.exams).toEqual({
      inserted: 0,
      updated: 0,
      unchanged: fewer.length,
      removed: kit.exams.length - fewer.length,
    });
    expect((await counts(store, 'chunks')).exams).toBe(fewer.length);
  });

  it('computes a new campaign from the kit exactly as it reads back (order, values, escapes)', async () => {
    // Machine ids around U+E000 and U+1F600 sort differently in UTF-16 and in collate "C"; exam
    // ids and act codes hold what text and array formats escape; optional fields are left out.
    const kit = smallKit('as-read');
    const ids = ['CT1', 'M\ue000', 'M😀'];
    kit.equipment = [
      ...kit.equipment,
      { ...kit.equipment[0]!, equipmentId: ids[2]!, label: 'Scanner 😀' },
      { ...kit.equipment[0]!, equipmentId: ids[1]!, label: null },
    ];
    const extra = ids.slice(1).flatMap((equipmentId, m) =>
      ['a\tb', 'a"b', 'a\\b', 'a\nb', '{a,b}', 'NULL', 'é', '😀', 'z'].map((examId, i) => ({
        ...kit.exams[0]!,
        equipmentId,
        examId,
        roomIn: kit.exams[0]!.roomIn + (i % 3) * 60_000 + m,
        roomOut: kit.exams[0]!.roomOut + 3_600_000,
        acts: i % 2 ? ['A"B', 'C,D', '{E}', 'F\\G', 'H I', 'NULL', 'é'] : [],
        icr: i === 0 ? -0 : i % 3 ? (0.1 + 0.2) * i : null,
        scheduledMinutes: i % 4 ? 1e-7 * i : null,
      })),
    );
    for (const e of extra.slice(0, 3)) delete (e as Partial<typeof e>).ageBand;
    kit.exams = [...extra.reverse(), ...kit.exams, { ...kit.exams[0]!, category: 'H' }];
    kit.sessions = [
      ...kit.sessions,
      {
        equipmentId: ids[2]!,
        start: kit.sessions[0]!.start,
        end: kit.sessions[0]!.end,
        type: 'LIBERAL',
      },
      {
        equipmentId: ids[1]!,
        start: kit.sessions[0]!.start,
        end: kit.sessions[0]!.end,
        type: 'LIBERAL',
      },
    ];
    kit.establishments[0] = { ...kit.establishments[0]!, name: 'Hôpital « Nord »\t\\' };
    const summary = await importKit(store, kit);
    expect(summary.exams.inserted).toBe(extra.length + 6);
    const stored = (await loadKit(store, 'as-read'))!;
    expect(stored.equipment.map((m) => m.equipmentId)).toEqual([
      'CT1',
      'CT2',
      'MR1',
      ...ids.slice(1),
    ]);
    expect(stored.exams.find((e) => e.examId === 'a"b' && e.acts.length)?.acts).toEqual([
      'A"B',
      'C,D',
      '{E}',
      'F\\G',
      'H I',
      'NULL',
      'é',
    ]);
    expect(stored.exams.find((e) => e.examId === 'CT1-0')?.category).toBe('H');
    expect(summary.fingerprint).toBe(kitFingerprint(stored));
    expect(await loadResults(store, 'as-read')).toEqual(computeCampaign(stored));
    // Reading back and computing again finds the same input and the same results.
    expect(await recomputeResults(store, 'as-read')).toMatchObject({
      campaign: 'unchanged',
      machines: { inserted: 0, updated: 0 },
      fingerprint: summary.fingerprint,
    });
  });

  it('reads a new campaign back when storage rounds one of its values', async () => {
    const kit = smallKit('rounded');
    kit.exams[0] = { ...kit.exams[0]!, roomIn: kit.exams[0]!.roomIn + 0.25 }; // sub-millisecond
    kit.equipment[1] = { ...kit.equipment[1]!, label: 'bad \ud800 half' }; // stored as U+FFFD
    const summary = await importKit(store, kit);
    const stored = (await loadKit(store, 'rounded'))!;
    expect(
      stored.equipment.find((m) => m.equipmentId === kit.equipment[1]!.equipmentId)?.label,
    ).toBe('bad \ufffd half');
    expect(summary.fingerprint).toBe(kitFingerprint(stored));
    expect(await loadResults(store, 'rounded')).toEqual(computeCampaign(stored));
  });

  it('keeps every key, check and index as it was, after an import and after a failed one', async () => {
    // Loading a new campaign into empty tables drops their keys and indexes and adds them back:
    // a store of its own, so that its tables are empty.
    const own = await makePlace();
    const fresh = await own.open();
    try {
      const keys = () =>
        fresh.db.query<{ name: string; def: string; validated: boolean }>(
          `select conname::text as name, pg_get_constraintdef(oid) as def, convalidated as validated
           from pg_constraint where conrelid::regclass::text not like 'pg_%'
           union all
           select indexname::text, indexdef, true from pg_indexes where schemaname = current_schema()
           order by 1, 2`,
        );
      const before = await keys();
      expect(before.map((k) => k.name)).toEqual(
        expect.arrayContaining([
          'exams_campaign_id_equipment_id_fkey',
          'exams_pkey',
          'exams_duration_check',
          'sessions_campaign_id_equipment_id_fkey',
          'sessions_pkey',
          'survey_answers_campaign_id_finess_fkey',
          'survey_answers_pkey',
        ]),
      );
      const failing = () => {
        throw new Error('engine exploded');
      };
      await expect(importKit(fresh, smallKit('keys-failed'), { compute: failing })).rejects.toThrow(
        'engine exploded',
      );
      expect(await keys()).toEqual(before);
      expect(Object.values(await counts(fresh, 'keys-failed')).every((n) => n === 0)).toBe(true);
      await importKit(fresh, smallKit('keys-ok'));
      expect(await keys()).toEqual(before);
      // And they still hold.
      await expect(
        fresh.db.query(
          `insert into exams (campaign_id, equipment_id, exam_id, category, room_in, room_out)
           values ('keys-ok', 'NOPE', 'x', 'A', now(), now())`,
        ),
      ).rejects.toMatchObject({ code: '23503' });
      await expect(
        fresh.db.query(
          `insert into exams select * from exams where campaign_id = 'keys-ok' limit 1`,
        ),
      ).rejects.toMatchObject({ code: '23505', constraint: 'exams_pkey' });
    } finally {
      await fresh.close();
      await own.dispose();
    }
  });

  it('refuses an exam on an unknown machine when checked row by row (a small load into a large table)', async () => {
    await importKit(store, syntheticKit({ id: 'large', machines: 20, examsPerMachine: 520 }));
    const kit = smallKit('fk-small');
    kit.exams.push({ ...kit.exams[0]!, examId: 'ghost', equipmentId: 'NOPE' });
    kit.sessions.push({ ...kit.sessions[0]!, equipmentId: 'NOPE2' });
    const error = await importKit(store, kit).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'invalid-kit' });
    expect((error as Error).message).toMatch(/not in equipment\.csv.*NOPE.*Nothing was stored/s);
    expect(Object.values(await counts(store, 'fk-small')).every((n) => n === 0)).toBe(true);
  });

  it('deletes a campaign with everything stored for it', async () => {
    await importKit(store, smallKit('gone'), { issues: [] });
    expect(await deleteCampaign(store, 'gone')).toBe(true);
    expect(Object.values(await counts(store, 'gone')).every((n) => n === 0)).toBe(true);
    expect(await deleteCampaign(store, 'gone')).toBe(false);
    expect(await loadKit(store, 'gone')).toBeNull();
    expect(await loadResults(store, 'gone')).toBeNull();
  });
});
