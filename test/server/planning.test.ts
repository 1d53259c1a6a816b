// The planning routes (costs, relevance, on-call pooling) through the app object over a
// throwaway store holding a two-site kit whose figures are counted by hand:
//
// One week from Monday 2026-01-05 in Paris (CET, no DST, no holiday). PDS hours: 5 nights ×
// 12 h = 60 and the weekend's 48 h. Site A (590000001, Nord 59): A-CT has one exam 08:10–08:30
// … 19:10–19:30 of every weekday daytime hour (60, not PDS) and one ending at hh:30 of every PDS
// hour (108: 60 night, 48 weekend); its first 6 daytime exams are head CTs (ACQK001). A-MR has
// 4 brain MRIs (ACQN001) on Monday morning. Site B (620000002, Pas-de-Calais 62): B-CT one exam
// every other PDS hour (54: 30 night, 24 weekend), its first 2 head CTs; B-MR 2 brain MRIs.
//   On-call demand: A 60 night + 48 weekend CT exams a week, B 30 + 24; no MRI in PDS hours.
//   Neuro CT share: A 6 / (6 + 4) = 0.6, B 2 / (2 + 2) = 0.5; both peers, A at the P80 → flagged.
//   Costs (A-CT only, installed 2022, age 4 < 7 years: amortised): 700,000 / 7 + 50,000 maintenance
//   + 200,000 staff + 10 € × 8,760 exams a year (168 × 365 / 7) = 437,600 € a year; per exam
//   437,600 / 8,760 = 49.954; programmed sessions Mon–Fri 08:00–20:00 = 60 h a week × 52 =
//   3,120 h → 140.256 € per opening hour; ICR 100 per exam → 876,000 a year → 0.49954 € per point.
// Reading 10 min exponential (Erlang C), target 30 min (see test/cli/oncall.test.ts): target
// 90 %: each site 1 line, the hub 2 lines (one line reads only 89.46 %), 216 on-call hours either
// way; the hub with two lines reads 94.8563 % within target.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PlateauApp } from '../../src/server/app.ts';
import type { CostSet, Kit } from '../../src/core/kit-types.ts';
import type { ApiError } from '../../src/core/views/types.ts';
import type { CostsDocument } from '../../src/plan/costs/index.ts';
import type { OncallDocument } from '../../src/plan/oncall/index.ts';
import type { RelevanceDocument } from '../../src/plan/relevance/document.ts';
import { createApp } from '../../src/server/index.ts';
import type { Db, Store } from '../../src/storage/index.ts';
import { importKit } from '../../src/storage/index.ts';
import { buildKit, type MiniExam } from '../helpers/build-kit.ts';
import { json, memoryStore, wrappedStore } from './helpers.ts';

const A = '590000001';
const B = '620000002';
const pad = (n: number): string => String(n).padStart(2, '0');

function planningKit(id: string): Kit {
  const aCt: MiniExam[] = [];
  const bCt: MiniExam[] = [];
  let k = 0;
  let daytime = 0;
  for (let day = 5; day <= 11; day++)
    for (let h = 0; h < 24; h++) {
      const exam: MiniExam = {
        in: `2026-01-${pad(day)}T${pad(h)}:10`,
        out: `2026-01-${pad(day)}T${pad(h)}:30`,
      };
      if (day <= 9 && h >= 8 && h < 20) {
        aCt.push({ ...exam, acts: daytime++ < 6 ? ['ACQK001'] : [] }); // daytime: not PDS
        continue;
      }
      aCt.push(exam);
      if (k % 2 === 0) bCt.push({ ...exam, acts: bCt.length < 2 ? ['ACQK001'] : [] });
      k++;
    }
  const mri = (n: number): MiniExam[] =>
    Array.from({ length: n }, (_, i) => ({
      in: `2026-01-05T${pad(9 + i)}:00`,
      out: `2026-01-05T${pad(9 + i)}:30`,
      acts: ['ACQN001'],
    }));
  const weekdays: [string, string, 'PUBLIC_SCHEDULED'][] = [5, 6, 7, 8, 9].map((d) => [
    `2026-01-${pad(d)}T08:00`,
    `2026-01-${pad(d)}T20:00`,
    'PUBLIC_SCHEDULED',
  ]);
  const kit = buildKit(
    [
      { id: 'A-CT', finess: A, exams: aCt, sessions: weekdays },
      { id: 'A-MR', finess: A, modality: 'MR', exams: mri(4) },
      { id: 'B-CT', finess: B, exams: bCt },
      { id: 'B-MR', finess: B, modality: 'MR', exams: mri(2) },
    ],
    { id, name: 'Deux sites', start: '2026-01-05', days: 7 },
  );
  Object.assign(
    kit.establishments.find((e) => e.finess === A)!,
    { name: 'Site A' },
  );
  Object.assign(
    kit.establishments.find((e) => e.finess === B)!,
    { name: 'Site B', department: '62' },
  );
  Object.assign(
    kit.equipment.find((e) => e.equipmentId === 'A-CT')!,
    { installedYear: 2022 },
  );
  return kit;
}

const ROW = {
  equipmentId: 'A-CT',
  purchasePrice: 700_000,
  amortisationYears: 7,
  maintenance: 50_000,
  staff: 200_000,
  consumablesPerExam: 10,
  overhead: 0,
};

let store: Store;
let app: PlateauApp;
let examReads = 0;

beforeAll(async () => {
  store = await memoryStore();
  const kits: [string, CostSet | undefined][] = [
    ['plan', { origin: 'input', rows: [ROW] }],
    ['plan-demo', { origin: 'illustrative', rows: [ROW] }],
    ['plan-none', undefined],
  ];
  for (const [id, costs] of kits) {
    await importKit(store, { ...planningKit(id), ...(costs ? { costs } : {}) }, { source: 'test' });
  }
  const query: Db['query'] = (sql, params) => {
    if (/from exams\s+where campaign_id/i.test(sql)) examReads++;
    return store.db.query(sql, params);
  };
  app = createApp({ store: wrappedStore(store, { query }) });
}, 120_000);
afterAll(async () => {
  await store?.close();
});

async function get<T>(path: string): Promise<T> {
  const response = await app.request(path);
  expect(
    response.status,
    `${path}: ${response.status === 200 ? '' : await response.clone().text()}`,
  ).toBe(200);
  return json<T>(response);
}

async function expectError(path: string, status: 400 | 404, ...fragments: string[]): Promise<void> {
  const response = await app.request(path);
  expect(response.status, path).toBe(status);
  const body = await json<ApiError>(response);
  expect(body.error.code).toBe(status === 400 ? 'bad-request' : 'not-found');
  for (const f of fragments) expect(body.error.message, path).toContain(f);
}

describe('the planning kit is read once per campaign', () => {
  it('reads no exam for the costs, the exams once for the other documents and every query, then serves from memory', async () => {
    const before = examReads;
    // The costs need the cost table and the indicators, not the exams.
    await get('/api/campaigns/plan/costs?finess=590000001');
    expect(examReads - before).toBe(0);
    await get('/api/campaigns/plan/relevance');
    expect(examReads - before).toBe(1);
    await get('/api/campaigns/plan/relevance');
    await get('/api/campaigns/plan/relevance?level=region');
    await get('/api/campaigns/plan/costs');
    await get('/api/campaigns/plan/oncall?department=59');
    await get('/api/campaigns/plan/oncall?sites=620000002,590000001&readingCT=10');
    expect(examReads - before).toBe(1);
    // The same normalized query (sites in another order, a value written otherwise) is the same memo.
    const one = await (
      await app.request('/api/campaigns/plan/oncall?sites=590000001,620000002&readingCT=1e1')
    ).text();
    const two = await (
      await app.request('/api/campaigns/plan/oncall?sites=620000002,590000001&readingCT=10')
    ).text();
    expect(one).toBe(two);
    expect(examReads - before).toBe(1);
  });
});

describe('GET /api/campaigns/:id/costs', () => {
  it('gives each machine and site its costs from the stored cost set and the measured activity', async () => {
    const { costs } = await get<{ costs: CostsDocument | null }>('/api/campaigns/plan/costs');
    expect(costs).not.toBeNull();
    expect(costs!.origin).toBe('input');
    const aCt = costs!.machines.find((m) => m.equipmentId === 'A-CT')!;
    expect(aCt.annualisedExams).toBeCloseTo(8760, 9);
    expect(aCt.ageYears).toBe(4);
    expect(aCt.amortisationCounted).toBe(true);
    expect(aCt.costPerYear).toBeCloseTo(437_600, 6);
    expect(aCt.costPerExam).toBeCloseTo(437_600 / 8760, 9);
    expect(aCt.costPerOpeningHour).toBeCloseTo(437_600 / 3120, 9);
    expect(aCt.costPerIcr).toBeCloseTo(437_600 / 876_000, 9);
    expect(aCt.provenance).toEqual({
      costs: 'input',
      annualisedExams: 'measured',
      ftTier: 'reference',
    });
    const bCt = costs!.machines.find((m) => m.equipmentId === 'B-CT')!;
    expect(bCt.costPerYear).toBeNull();
    expect(bCt.nullReasons.costPerYear).toBe('no-cost-row');
    const siteA = costs!.sites.find((s) => s.finess === A)!;
    expect(siteA).toMatchObject({ machines: 2, machinesWithoutCosts: ['A-MR'] });
    expect(siteA.costPerYear).toBeCloseTo(437_600, 6);
    expect(costs!.sites.find((s) => s.finess === B)!.costPerYear).toBeNull();
  });

  it('narrows to one site with finess', async () => {
    const { costs } = await get<{ costs: CostsDocument }>(`/api/campaigns/plan/costs?finess=${B}`);
    expect(costs.machines.map((m) => m.equipmentId).sort()).toEqual(['B-CT', 'B-MR']);
    expect(costs.sites.map((s) => s.finess)).toEqual([B]);
  });

  it('says illustrative when the stored cost set is', async () => {
    const { costs } = await get<{ costs: CostsDocument }>('/api/campaigns/plan-demo/costs');
    expect(costs.origin).toBe('illustrative');
    expect(costs.machines.find((m) => m.equipmentId === 'A-CT')!.provenance.costs).toBe(
      'illustrative',
    );
    expect(costs.sites.every((s) => s.provenance.costs === 'illustrative')).toBe(true);
  });

  it('is null for a campaign without costs', async () => {
    expect(await get('/api/campaigns/plan-none/costs')).toEqual({ costs: null });
  });

  it('answers 404 for an unknown campaign or site, 400 for an unknown parameter', async () => {
    await expectError('/api/campaigns/nope/costs', 404, "no campaign 'nope'");
    await expectError(
      '/api/campaigns/plan/costs?finess=999999999',
      404,
      "no establishment '999999999'",
    );
    await expectError(
      '/api/campaigns/plan/costs?site=1',
      400,
      "unknown query parameter 'site'",
      'finess',
    );
  });
});

describe('GET /api/campaigns/:id/relevance', () => {
  it('gives the neuro CT share of each site against its peers, by département by default', async () => {
    const d = await get<RelevanceDocument>('/api/campaigns/plan/relevance');
    expect(d.level).toBe('department');
    const a = d.sites.find((s) => s.finess === A)!;
    const b = d.sites.find((s) => s.finess === B)!;
    expect([a.headCt, a.headMr, a.neuroCtShare]).toEqual([6, 4, 0.6]);
    expect([b.headCt, b.headMr, b.neuroCtShare]).toEqual([2, 2, 0.5]);
    expect(a.peer && b.peer).toBe(true);
    expect(a.flagged).toBe(true);
    expect(b.flagged).toBe(false);
    expect(d.territories.map((t) => [t.id, t.neuroCtShare]).sort()).toEqual([
      ['59', 0.6],
      ['62', 0.5],
    ]);
    // No patient key in this kit: repeats cannot be counted, and the document says so.
    expect(a.repeatShare).toBeNull();
    expect(d.notes.map((n) => n.code)).toContain('repeats-need-patient-key');
  });

  it('groups by region or not at all', async () => {
    const region = await get<RelevanceDocument>('/api/campaigns/plan/relevance?level=region');
    // Both départements are in Hauts-de-France (32): (6 + 2) / (6 + 4 + 2 + 2) = 8 / 14.
    expect(region.territories.map((t) => [t.id, t.headCt, t.headMr])).toEqual([['32', 8, 6]]);
    expect(region.territories[0]!.neuroCtShare).toBeCloseTo(8 / 14, 12);
    expect(
      (await get<RelevanceDocument>('/api/campaigns/plan/relevance?level=site')).territories,
    ).toEqual([]);
  });

  it('answers 400 for an unknown level, 404 for an unknown campaign', async () => {
    await expectError(
      '/api/campaigns/plan/relevance?level=nation',
      400,
      'level must be one of site, department, region',
    );
    await expectError('/api/campaigns/nope/relevance', 404, "no campaign 'nope'");
  });
});

describe('GET /api/campaigns/:id/oncall', () => {
  const handmade = 'readingCT=10&readingMR=20&reading=exponential&hourlyRate=100';
  const opt = (d: OncallDocument, id: string) => d.options.find((o) => o.option === id)!;

  it('measures the PDS demand of the region by hand', async () => {
    const d = await get<OncallDocument>(`/api/campaigns/plan/oncall?region=32&${handmade}`);
    expect(d.territory).toMatchObject({ kind: 'region', code: '32', name: 'Hauts-de-France' });
    expect(d.sites.map((s) => [s.finess, s.department])).toEqual([
      [A, '59'],
      [B, '62'],
    ]);
    expect(d.demand.hoursPerWeek).toEqual({ night: 60, weekend: 48 });
    const ct = d.demand.rows
      .filter((r) => r.modality === 'CT')
      .map((r) => [r.site, r.perWeek.night, r.perWeek.weekend]);
    expect(ct).toEqual([
      [A, 60, 48],
      [B, 30, 24],
    ]);
    expect(
      d.demand.rows
        .filter((r) => r.modality === 'MR')
        .every((r) => r.perWeek.night + r.perWeek.weekend === 0),
    ).toBe(true);
    // Kept for the charts: 168 hours, A's Monday 20:00 slot holds one exam a week.
    const a = d.demand.rows.find((r) => r.site === A && r.modality === 'CT')!;
    expect(a.byHourOfWeek).toHaveLength(168);
    expect(a.byHourOfWeek[20]).toBe(1);
    expect(a.byHourOfWeek[12]).toBe(0);
  });

  it('gives the four options by hand (Erlang C), with their provenance', async () => {
    const d = await get<OncallDocument>(`/api/campaigns/plan/oncall?sites=${B},${A}&${handmade}`);
    expect(d.territory).toEqual({ kind: 'sites', code: null, name: null, sites: [A, B] });
    const sep = opt(d, 'separate');
    expect(sep).toMatchObject({ linesNeeded: 2, onCallHoursPerWeek: 216, costPerWeek: 21_600 });
    expect(sep.shareReadWithinTarget).toBeCloseTo((108 * 0.917915 + 54 * 0.936072) / 162, 5);
    const hub = opt(d, 'hub');
    expect(hub).toMatchObject({ linesNeeded: 2, onCallHoursPerWeek: 216 });
    expect(hub.shareReadWithinTarget).toBeCloseTo(0.948563, 5);
    expect(hub.provenance.linesNeeded).toBe('input');
    expect(d.model).toMatchObject({
      distribution: 'exponential',
      readingProvenance: 'input',
      hourlyRate: 100,
      holidays: [],
    });
    expect(d.notes.map((n) => n.code)).not.toContain('illustrativeReading');
    // Target 85 %: the hub reads for both with one line, half the hours.
    const low = await get<OncallDocument>(
      `/api/campaigns/plan/oncall?sites=${A},${B}&${handmade}&targetShare=0.85`,
    );
    expect(opt(low, 'hub')).toMatchObject({
      linesNeeded: 1,
      onCallHoursPerWeek: 108,
      costPerWeek: 10_800,
    });
  });

  it('defaults: illustrative reading times read in fixed time, said in the model, provenance and notes', async () => {
    const d = await get<OncallDocument>('/api/campaigns/plan/oncall?department=59');
    expect(d.sites.map((s) => s.finess)).toEqual([A]);
    expect(d.model).toMatchObject({
      readingMinutes: { CT: 15, MR: 20 },
      readingProvenance: 'illustrative',
      distribution: 'deterministic',
    });
    expect(opt(d, 'hub').provenance.linesNeeded).toBe('illustrative');
    expect(opt(d, 'hub').costPerWeek).toBeNull();
    expect(d.notes.map((n) => n.code)).toEqual(
      expect.arrayContaining(['illustrativeReading', 'noHolidays']),
    );
    // Fixed 15 min, λ = 1/h: (1 − ρ)·e^{λS} = 0.75·e^{0.25} = 96.3 % within 30 min with one line.
    expect(opt(d, 'hub').linesNeeded).toBe(1);
    // One reading time given, the other left illustrative: the model stays illustrative.
    const half = await get<OncallDocument>('/api/campaigns/plan/oncall?department=59&readingCT=12');
    expect(half.model.readingMinutes).toEqual({ CT: 12, MR: 20 });
    expect(half.model.readingProvenance).toBe('illustrative');
  });

  it('counts a holiday as a weekend day', async () => {
    const d = await get<OncallDocument>(
      `/api/campaigns/plan/oncall?department=59&${handmade}&holidays=2026-01-06`,
    );
    expect(d.demand.hoursPerWeek).toEqual({ night: 48, weekend: 72 });
    expect(d.model.holidays).toEqual(['2026-01-06']);
  });

  it.each([
    ['', 'exactly one of department'],
    ['department=59&region=32', 'exactly one of department'],
    ['department=99', 'department must be the INSEE code'],
    ['region=Atlantis', 'region must be the INSEE code or the name'],
    ['sites=', 'exactly one of department'],
    ['sites=590000001;620000002', 'sites must be'],
    ['department=59&readingCT=0', 'readingCT must be minutes'],
    ['department=59&readingMR=abc', 'readingMR must be minutes'],
    ['department=59&readingMR=0x10', 'readingMR must be minutes'],
    ['department=59&readingMR=Infinity', 'readingMR must be minutes'],
    ['department=59&reading=gamma', 'reading must be one of fixed, exponential'],
    ['department=59&targetMinutes=-5', 'targetMinutes must be'],
    ['department=59&targetShare=1', 'targetShare must be a share between 0 and 1'],
    ['department=59&hourlyRate=-1', 'hourlyRate must be'],
    ['department=59&holidays=2026-02-30', 'holidays must be dates YYYY-MM-DD'],
    ['department=59&target=1', "unknown query parameter 'target'"],
  ])('answers 400 for %j, naming the parameter', async (q, words) => {
    await expectError(`/api/campaigns/plan/oncall?${q}`, 400, words);
  });

  it('answers 404 for a territory without site, an unknown site or campaign', async () => {
    await expectError(
      '/api/campaigns/plan/oncall?department=75',
      404,
      'no site in département 75 (Paris)',
    );
    await expectError(
      `/api/campaigns/plan/oncall?sites=${A},999999999`,
      404,
      "no establishment '999999999'",
    );
    await expectError('/api/campaigns/nope/oncall?department=59', 404, "no campaign 'nope'");
  });
});
