// A site's import on PGlite (the store as owner; row-level security is tested on PostgreSQL in
// test/server/upload-site.test.ts): the site's rows become the kit's, its machines' figures are
// the full engine's, another site's rows and results are untouched, and a kit that would write
// anything shared or foreign is refused with nothing changed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { computeCampaign } from '../../src/core/indicators/index.ts';
import type { Kit } from '../../src/core/kit-types.ts';
import { refreshAggregates } from '../../src/storage/aggregates.ts';
import { StoreError } from '../../src/storage/errors.ts';
import { importKit, recomputeResults } from '../../src/storage/import-kit.ts';
import { loadPeerGroups } from '../../src/storage/peer-groups.ts';
import { importSiteKit } from '../../src/storage/import-site.ts';
import { loadKit } from '../../src/storage/load-kit.ts';
import type { Store } from '../../src/storage/open-store.ts';
import { loadResults } from '../../src/storage/queries.ts';
import { ENGINES } from './engines.ts';
import type { TestPlace } from './engines.ts';
import { syntheticKit } from './synthetic-kit.ts';
import { siteKit } from '../helpers/site-kit.ts';

const A = '590000000';
const B = '590000001';

/** Every stored row of establishment `finess` (and its machines), as text, to compare before/after. */
async function rowsOf(store: Store, finess: string): Promise<string> {
  const q = (sql: string) => store.db.query(sql, [finess]);
  const machines = `(select equipment_id from equipment where finess = $1)`;
  const parts = [
    await q(`select * from establishments where finess = $1 order by campaign_id`),
    await q(`select * from equipment where finess = $1 order by equipment_id`),
    await q(
      `select * from survey_answers where finess = $1 order by modality, clinical_case, patient_type`,
    ),
    await q(
      `select * from sessions where equipment_id in ${machines} order by equipment_id, start_at, end_at, type`,
    ),
    await q(`select * from exams where equipment_id in ${machines} order by equipment_id, exam_id`),
    await q(
      `select equipment_id, encode(samples, 'base64') from machine_samples where equipment_id in ${machines} order by equipment_id`,
    ),
  ];
  return JSON.stringify(parts);
}

async function resultsOf(store: Store, finess: string): Promise<Record<string, unknown>> {
  const rows = await store.db.query<{
    equipment_id: string;
    indicators: { percentRank?: unknown };
  }>(
    `select equipment_id, indicators from machine_results r join equipment e using (campaign_id, equipment_id)
     where e.finess = $1 order by equipment_id`,
    [finess],
  );
  // Percentile ranks are campaign-wide (the aggregator's); the machine's own figures are compared.
  return Object.fromEntries(
    rows.map((r) => [r.equipment_id, { ...r.indicators, percentRank: undefined }]),
  );
}

describe.each(ENGINES)('site import on $name', (engine) => {
  let place: TestPlace;
  let store: Store;
  const kit = syntheticKit({ id: 'sites', machines: 12, examsPerMachine: 120 });

  beforeAll(async () => {
    place = await engine.place();
    store = await place.open();
    await importKit(store, kit);
  }, 120_000);
  afterAll(async () => {
    await store?.close();
    await place?.dispose();
  });

  it('a site re-imports with one machine changed: its figures change, the other site is untouched, aggregates equal a recompute', async () => {
    const mine = siteKit(kit, [A]);
    const machine = mine.equipment[0]!.equipmentId;
    const examsBefore = mine.exams.filter((e) => e.equipmentId === machine).length;
    expect(examsBefore).toBeGreaterThan(20);
    // Drop half of one machine's exams.
    let dropped = 0;
    const changed: Kit = {
      ...mine,
      exams: mine.exams.filter((e) => e.equipmentId !== machine || dropped++ % 2 === 1),
    };
    const otherRows = await rowsOf(store, B);
    const otherResults = await resultsOf(store, B);
    const mineBefore = await resultsOf(store, A);

    const summary = await importSiteKit(store, changed, [A], { source: 'test site' });
    expect(summary.exams.removed).toBe(Math.ceil(examsBefore / 2));
    expect(summary.exams.inserted).toBe(0);
    expect(summary.equipment).toEqual({
      inserted: 0,
      updated: 0,
      unchanged: mine.equipment.length,
      removed: 0,
    });
    expect(summary.acts).toBe('matched');
    expect(summary.changed).toBe(true);
    expect(summary.machines.sort()).toEqual(mine.equipment.map((m) => m.equipmentId).sort());

    // The other site: every row and every figure as before.
    expect(await rowsOf(store, B)).toBe(otherRows);
    expect(await resultsOf(store, B)).toEqual(otherResults);
    // This site: the changed machine's figures changed, to what the engine gives over the store.
    const mineAfter = await resultsOf(store, A);
    expect((mineAfter[machine] as { exams: number }).exams).toBe(
      examsBefore - Math.ceil(examsBefore / 2),
    );
    expect(mineAfter[machine]).not.toEqual(mineBefore[machine]);
    for (const m of mine.equipment.slice(1))
      expect(mineAfter[m.equipmentId]).toEqual(mineBefore[m.equipmentId]);

    const refresh = await refreshAggregates(store, 'sites');
    expect(refresh).toMatchObject({ machines: 12, survey: 'recomputed' });
    const stored = await loadResults(store, 'sites');
    const scratch = computeCampaign((await loadKit(store, 'sites'))!);
    expect(JSON.parse(JSON.stringify(stored!.benchmark))).toEqual(
      JSON.parse(JSON.stringify(scratch.benchmark)),
    );
    expect(stored!.quality).toEqual(JSON.parse(JSON.stringify(scratch.quality)));
    expect(stored!.survey).toEqual(JSON.parse(JSON.stringify(scratch.survey)));
    // Every machine, ranks included, in the full import's order.
    expect(stored!.machines).toEqual(JSON.parse(JSON.stringify(scratch.machines)));
    // The peer groups are those a full recompute stores (it rewrites them from scratch).
    const groups = await loadPeerGroups(store, 'sites');
    expect(groups.length).toBe(refresh!.peerGroups);
    await recomputeResults(store, 'sites');
    expect(await loadPeerGroups(store, 'sites')).toEqual(groups);
  }, 120_000);

  it('refuses a foreign FINESS row, a changed act, another period or an unknown campaign, changing nothing', async () => {
    const before = (await rowsOf(store, A)) + (await rowsOf(store, B));
    const mine = siteKit(kit, [A]);
    const foreign = kit.equipment.find((m) => m.finess === B)!;
    const refused = async (
      k: Kit,
      locate?: (f: string, c: string, v: string) => number | null,
    ): Promise<string> => {
      const e = await importSiteKit(store, k, [A], { locate }).then(
        () => null,
        (error: unknown) => error,
      );
      expect(e).toBeInstanceOf(StoreError);
      expect((e as StoreError).code).toBe('invalid-kit');
      return (e as StoreError).message;
    };
    // A machine of B in equipment.csv, located by the upload's files (line 5 here).
    expect(
      await refused({ ...mine, equipment: [...mine.equipment, foreign] }, (f, c, v) =>
        f === 'equipment.csv' && c === 'finess' && v === B ? 5 : null,
      ),
    ).toMatch(
      new RegExp(
        `equipment\\.csv:5:finess: machine ${foreign.equipmentId}: FINESS ${B} is not one of your establishments`,
      ),
    );
    // B's establishment row, without a locator: its rank among the records.
    expect(
      await refused({
        ...mine,
        establishments: [...mine.establishments, kit.establishments.find((e) => e.finess === B)!],
      }),
    ).toMatch(
      /establishments\.csv \(record 2\):finess: FINESS 590000001 is not one of your establishments/,
    );
    // An exam of a machine not in the kit's equipment.csv.
    expect(
      await refused({
        ...mine,
        exams: [
          ...mine.exams,
          { ...kit.exams.find((e) => e.equipmentId === foreign.equipmentId)! },
        ],
      }),
    ).toMatch(
      new RegExp(
        `exams\\.csv \\(record ${mine.exams.length + 1}\\):equipment_id: machine ${foreign.equipmentId} is not one of your machines`,
      ),
    );
    // A survey answer of B.
    expect(
      await refused({ ...mine, survey: [...mine.survey, kit.survey.find((a) => a.finess === B)!] }),
    ).toMatch(/appointment-survey\.csv .*FINESS 590000001/);
    // A changed act, and a new one.
    const act = kit.acts[0]!;
    expect(await refused({ ...mine, acts: [{ ...act, icr: act.icr + 1 }] })).toMatch(
      new RegExp(`acts\\.csv \\(record 1\\):code: act ${act.code} differs`),
    );
    expect(
      await refused({ ...mine, acts: [...mine.acts, { code: 'NEW0001', label: 'x', icr: 1 }] }),
    ).toMatch(/act NEW0001 is not in the campaign's act table/);
    // Another period; an unknown campaign.
    expect(await refused({ ...mine, campaign: { ...mine.campaign, days: 27 } })).toMatch(
      /campaign\.json: .*days 28 → 27/,
    );
    expect(await refused({ ...mine, campaign: { ...mine.campaign, id: 'nope' } })).toMatch(
      /campaign nope is not in the store/,
    );
    expect((await rowsOf(store, A)) + (await rowsOf(store, B))).toBe(before);
  }, 60_000);

  it('a site kit without acts.csv and with a subset of acts is accepted; a machine id of another site is refused', async () => {
    const mine = siteKit(kit, [A]);
    const none = await importSiteKit(store, { ...mine, acts: [] }, [A]);
    expect(none.acts).toBe('absent');
    expect(none.changed).toBe(true); // the exams dropped by the first test are back
    const subset = await importSiteKit(store, { ...mine, acts: kit.acts.slice(0, 1) }, [A]);
    expect(subset).toMatchObject({ acts: 'matched', changed: false });
    const foreign = kit.equipment.find((m) => m.finess === B)!;
    const before = await rowsOf(store, B);
    await expect(
      importSiteKit(store, { ...mine, equipment: [...mine.equipment, { ...foreign, finess: A }] }, [
        A,
      ]),
    ).rejects.toThrow(
      new RegExp(
        `equipment\\.csv \\(record ${mine.equipment.length + 1}\\):equipment_id: equipment_id ${foreign.equipmentId} is already a machine of another establishment`,
      ),
    );
    expect(await rowsOf(store, B)).toBe(before);
  }, 60_000);

  it('a site kit without slots.csv or costs.csv keeps the site’s stored ones, as a full import keeps a campaign’s', async () => {
    const mine = siteKit(kit, [A]);
    const [first, second] = mine.equipment;
    const day = Date.parse(`${kit.campaign.start}T08:00:00Z`);
    const withBoth: Kit = {
      ...mine,
      slots: [
        {
          equipmentId: first!.equipmentId,
          start: day,
          end: day + 30 * 60_000,
          status: 'free',
          observedAt: day,
        },
      ],
      costs: {
        origin: 'input',
        rows: [first!, second!].map((m) => ({
          equipmentId: m.equipmentId,
          purchasePrice: 1_000_000,
          amortisationYears: 7,
          maintenance: 80_000,
          staff: 400_000,
          consumablesPerExam: 12,
          overhead: 50_000,
        })),
      },
    };
    await importSiteKit(store, withBoth, [A]);
    const stored = async () => ({
      slots: await store.db.query(
        `select equipment_id, status from slots where campaign_id = 'sites' order by equipment_id`,
      ),
      costs: await store.db.query(
        `select equipment_id, staff, origin from costs where campaign_id = 'sites' order by equipment_id`,
      ),
    });
    const kept = await stored();
    expect(kept.slots).toEqual([{ equipment_id: first!.equipmentId, status: 'free' }]);
    expect(kept.costs).toHaveLength(2);
    const summary = await importSiteKit(store, mine, [A]);
    expect(await stored()).toEqual(kept);
    expect(summary.slots).toMatchObject({ inserted: 0, removed: 0 });
    expect(summary.costs).toMatchObject({ inserted: 0, removed: 0 });
    // A machine the kit drops takes its costs with it.
    await importSiteKit(
      store,
      {
        ...mine,
        equipment: mine.equipment.filter((m) => m !== second),
        sessions: mine.sessions.filter((x) => x.equipmentId !== second!.equipmentId),
        exams: mine.exams.filter((x) => x.equipmentId !== second!.equipmentId),
      },
      [A],
    );
    expect((await stored()).costs).toEqual([kept.costs[0]]);
    await importSiteKit(store, mine, [A]);
  }, 60_000);
});
