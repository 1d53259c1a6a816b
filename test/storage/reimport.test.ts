// Re-importing a campaign on every engine: the store then holds exactly the last kit (rows it no
// longer holds removed, with what hangs off them), a kit over another period is refused unless
// `replace`, and every stored figure stays within its possible range whatever the sequence of
// imports (a property over random kits and edits).
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { computeCampaign } from '../../src/core/indicators/index.ts';
import type {
  Campaign,
  Category,
  Exam,
  Kit,
  Session,
  SessionType,
} from '../../src/core/kit-types.ts';
import { SESSION_TYPES } from '../../src/core/kit-types.ts';
import { StoreError } from '../../src/storage/errors.ts';
import { importKit } from '../../src/storage/import-kit.ts';
import { loadKit } from '../../src/storage/load-kit.ts';
import type { Store } from '../../src/storage/open-store.ts';
import { listCampaigns, loadIssues, loadResults } from '../../src/storage/queries.ts';
import { loadSamples } from '../../src/storage/sample-repository.ts';
import { buildKit } from '../helpers/build-kit.ts';
import { ENGINES } from './engines.ts';
import type { TestPlace } from './engines.ts';
import { maxOpeningHours, outOfRange } from '../helpers/figure-ranges.ts';
import { smallKit, sortedKit } from './small-kit.ts';

const DAY = 86_400_000;
const HOUR = 3_600_000;

/** One machine on call around the clock, each day of a 28-day campaign from `start`. */
function roundTheClock(id: string, start: string, timeZone = 'Europe/Paris'): Kit {
  const sessions: [string, string, SessionType][] = [];
  const first = Date.parse(`${start}T00:00:00Z`);
  for (let d = 0; d < 28; d++) {
    const day = new Date(first + d * DAY).toISOString().slice(0, 10);
    const next = new Date(first + (d + 1) * DAY).toISOString().slice(0, 10);
    sessions.push([`${day}T00:00`, `${next}T00:00`, 'ON_CALL']);
  }
  return buildKit(
    [{ id: 'CT1', sessions, exams: [{ in: `${start}T10:00`, out: `${start}T10:20`, cat: 'U' }] }],
    {
      id,
      start,
      timeZone,
    },
  );
}

/** Row counts of every table that hangs off a campaign. */
async function rowCounts(store: Store, id: string): Promise<Record<string, number>> {
  const tables = [
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
  const out: Record<string, number> = {};
  for (const t of tables) {
    const [row] = await store.db.query<{ n: number }>(
      `select count(*)::int as n from ${t} where campaign_id = $1`,
      [id],
    );
    out[t] = row!.n;
  }
  return out;
}

// ---- random kits for the property: 1-3 machines, sessions inside the campaign's days, exams
// anywhere in them (overlapping one another or not), and edits between imports.

const START = Date.UTC(2010, 2, 1);
const CAMPAIGN: Campaign = {
  id: 'prop',
  name: 'Property',
  start: '2010-03-01',
  days: 28,
  timeZone: 'UTC',
};

const sessionArb = (machines: number): fc.Arbitrary<Session> =>
  fc
    .record({
      machine: fc.nat(machines - 1),
      day: fc.nat(27),
      hour: fc.nat(23),
      hours: fc.integer({ min: 1, max: 30 }),
      type: fc.constantFrom(...SESSION_TYPES),
    })
    .map(({ machine, day, hour, hours, type }) => {
      const start = START + day * DAY + hour * HOUR;
      // Kept inside the campaign's days (see the skipped test below for sessions past its end).
      const end = Math.min(start + hours * HOUR, START + 28 * DAY);
      return { equipmentId: `M${machine}`, start, end, type };
    });

const examArb = (machines: number): fc.Arbitrary<Exam> =>
  fc
    .record({
      machine: fc.nat(machines - 1),
      id: fc.nat(40),
      minute: fc.nat(28 * 24 * 60 - 1),
      minutes: fc.integer({ min: 1, max: 90 }),
      category: fc.constantFrom<Category>('A', 'H', 'R', 'U'),
    })
    .map(({ machine, id, minute, minutes, category }) => ({
      examId: `E${id}`,
      equipmentId: `M${machine}`,
      category,
      roomIn: START + minute * 60_000,
      roomOut: START + (minute + minutes) * 60_000,
      acts: [],
      icr: 50,
      reportValidatedAt: null,
      requestedAt: null,
      scheduledMinutes: null,
      ageBand: null,
    }));

/** A kit of `machines` machines (M0…), unique sessions and exam ids per machine. */
const kitArb = fc.integer({ min: 1, max: 3 }).chain((machines) =>
  fc
    .record({
      sessions: fc.uniqueArray(sessionArb(machines), {
        maxLength: 40,
        selector: (s) => `${s.equipmentId}/${s.start}/${s.end}/${s.type}`,
      }),
      exams: fc.uniqueArray(examArb(machines), {
        maxLength: 60,
        selector: (e) => `${e.equipmentId}/${e.examId}`,
      }),
      mr: fc.boolean(),
    })
    .map(({ sessions, exams, mr }): Kit => ({
      campaign: CAMPAIGN,
      establishments: [
        { finess: '590000001', name: 'Site 1', legalStatus: 'CH', region: 'HDF', department: '59' },
        {
          finess: '590000002',
          name: 'Site 2',
          legalStatus: 'PRIVATE',
          region: 'HDF',
          department: null,
        },
      ].slice(0, machines === 1 ? 1 : 2) as Kit['establishments'],
      equipment: [...Array(machines).keys()].map((i) => ({
        equipmentId: `M${i}`,
        finess: i === 0 ? '590000001' : '590000002',
        modality: mr && i === machines - 1 ? 'MR' : 'CT',
        label: null,
        installedYear: null,
        role: 'general',
      })),
      sessions,
      exams,
      acts: [],
      survey: [],
    })),
);

describe.each(ENGINES)('re-importing a campaign on $name', ({ place: makePlace }) => {
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

  it('refuses the same campaign id over another period, and replaces it whole when told to', async () => {
    await importKit(store, roundTheClock('period', '2010-03-01'));
    const march = await loadResults(store, 'period');
    const moved = roundTheClock('period', '2010-04-05');
    // Before: the two periods' sessions were merged, 335.75 h of opening a week.
    const error = await importKit(store, moved).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StoreError);
    expect((error as StoreError).code).toBe('invalid-kit');
    expect((error as Error).message).toContain('stored for 2010-03-01, 28 days (Europe/Paris)');
    expect((error as Error).message).toContain('start 2010-03-01 → 2010-04-05');
    expect((error as Error).message).toContain('--replace');
    expect(await loadResults(store, 'period')).toEqual(march);

    const summary = await importKit(store, moved, { replace: true, source: 'kits/april' });
    expect(summary.campaign).toBe('replaced');
    expect(summary.replaced).toEqual({
      previous: expect.objectContaining({ start: '2010-03-01' }),
      current: moved.campaign,
    });
    expect(summary.sessions).toEqual({ inserted: 28, updated: 0, unchanged: 0, removed: 28 });
    expect(summary.exams).toEqual({ inserted: 1, updated: 0, unchanged: 0, removed: 1 });
    const results = (await loadResults(store, 'period'))!;
    expect(results.campaign.start).toBe('2010-04-05');
    expect(results.machines[0]!.openingHoursPerWeek.total).toBe(168);
    expect(outOfRange(results)).toEqual([]);
    expect(await loadKit(store, 'period')).toEqual(sortedKit(moved));
    // Again: the same period now, nothing to replace.
    expect((await importKit(store, moved, { replace: true })).changed).toBe(false);
    // A time zone alone is another period too.
    const elsewhere = roundTheClock('period', '2010-04-05', 'America/Cayenne');
    await expect(importKit(store, elsewhere)).rejects.toThrow(
      /timeZone Europe\/Paris → America\/Cayenne/,
    );
  });

  it('removes what the kit no longer holds, with its results, samples and issues', async () => {
    const kit = smallKit('shrink');
    await importKit(store, kit, {
      source: 'kits/shrink',
      issues: [
        {
          severity: 'warning',
          code: 'unknown-column',
          file: 'exams.csv',
          line: 1,
          column: 'x',
          message: 'm',
          hint: null,
        },
      ],
    });
    // Site 590000002 and its two machines (MR1, CT2) gone; one CT1 exam, one session, one act and
    // one survey answer gone; one exam changed.
    const next: Kit = structuredClone(kit);
    next.establishments = next.establishments.filter((e) => e.finess === '590000001');
    next.equipment = next.equipment.filter((m) => m.equipmentId === 'CT1');
    next.sessions = next.sessions.filter((s) => s.equipmentId === 'CT1').slice(1);
    next.exams = next.exams.filter((e) => e.equipmentId === 'CT1' && e.examId !== 'CT1-3');
    next.exams[0] = { ...next.exams[0]!, category: 'U' };
    next.acts = next.acts.slice(1);
    next.survey = next.survey.slice(1).filter((a) => a.finess === '590000001');
    const summary = await importKit(store, next, { source: 'kits/shrink' });
    expect(summary).toMatchObject({
      campaign: 'unchanged',
      replaced: null,
      changed: true,
      establishments: { inserted: 0, updated: 0, unchanged: 1, removed: 1 },
      equipment: { inserted: 0, updated: 0, unchanged: 1, removed: 2 },
      sessions: { inserted: 0, updated: 0, unchanged: 2, removed: 3 },
      exams: { inserted: 0, updated: 1, unchanged: 2, removed: 3 },
      acts: { inserted: 0, updated: 0, unchanged: 1, removed: 1 },
      survey: { inserted: 0, updated: 0, unchanged: 1, removed: 2 },
    });
    expect(summary.results?.machines.deleted).toBe(0); // gone with their machines already
    expect(await loadKit(store, 'shrink')).toEqual(sortedKit(next));
    expect(await loadResults(store, 'shrink')).toEqual(computeCampaign(sortedKit(next)));
    expect([...(await loadSamples(store, 'shrink')).keys()]).toEqual(['CT1']);
    expect(await rowCounts(store, 'shrink')).toMatchObject({
      machine_results: 1,
      machine_samples: 1,
      import_issues: 0,
    });
    expect(await loadIssues(store, 'shrink')).toEqual([]);
    // The same kit again: nothing changed, nothing removed.
    const again = await importKit(store, next, { source: 'kits/shrink' });
    expect(again.changed).toBe(false);
    expect(again.exams).toEqual({ inserted: 0, updated: 0, unchanged: 3, removed: 0 });
    expect((await listCampaigns(store)).find((c) => c.id === 'shrink')).toMatchObject({
      equipment: 1,
      exams: 3,
    });
  });

  it('holds exactly the last kit imported, with every figure in its range (property)', async () => {
    let round = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(kitArb, { minLength: 2, maxLength: 3 }), async (kits) => {
        const id = `prop-${round++}`;
        for (const raw of kits) {
          const kit = { ...raw, campaign: { ...raw.campaign, id } };
          await importKit(store, kit);
          expect(await loadKit(store, id)).toEqual(sortedKit(kit));
          const results = (await loadResults(store, id))!;
          expect(results).toEqual(computeCampaign(sortedKit(kit)));
          expect(outOfRange(results)).toEqual([]);
        }
        const last = { ...kits.at(-1)!, campaign: { ...CAMPAIGN, id } };
        expect((await importKit(store, last)).changed).toBe(false);
      }),
      { numRuns: 6 },
    );
  });

  it('counts a session past the campaign’s last day whole, as the conformance kits do: opening passes 168 h by that night only, within the accepted window', async () => {
    const kit = roundTheClock('overrun', '2010-04-05');
    // The last night's on-call runs 10 h past the campaign's end (2010-05-03 00:00 in Paris).
    kit.sessions.push({
      equipmentId: 'CT1',
      start: Date.UTC(2010, 4, 2, 22),
      end: Date.UTC(2010, 4, 3, 8),
      type: 'ON_CALL',
    });
    await importKit(store, kit);
    const results = (await loadResults(store, 'overrun'))!;
    expect(results.machines[0]!.openingHoursPerWeek.total).toBeCloseTo((28 * 24 + 10) / 4, 9);
    expect(outOfRange(results)).toEqual([]);
    // The 335.75 h of the merged periods (before imports replaced) is out of that range.
    const merged = {
      ...results,
      machines: results.machines.map((m) => ({
        ...m,
        openingHoursPerWeek: { ...m.openingHoursPerWeek, total: 335.75 },
      })),
    };
    expect(outOfRange(merged)).toEqual([
      expect.stringContaining('CT1 openingHoursPerWeek.total = 335.75'),
    ]);
    expect(maxOpeningHours(results.campaign)).toBe(180);
  });
});
