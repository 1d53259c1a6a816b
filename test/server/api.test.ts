// Every read route through the app object (no port) over an in-memory PGlite store holding a
// small campaign: the views, their filters, and the answers to bad parameters, unknown ids,
// unknown routes, wrong methods and server failures; security headers on every answer.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PlateauApp } from '../../src/server/app.ts';
import { computeCampaign } from '../../src/core/indicators/index.ts';
import type {
  ApiError,
  BenchmarkView,
  CampaignDetail,
  CampaignSummary,
  EstablishmentListing,
  EstablishmentView,
  HeatmapView,
  MachinePoint,
  MachineView,
  QualityView,
  RegionListing,
  TimelineView,
} from '../../src/core/views/types.ts';
import { createApp } from '../../src/server/index.ts';
import type { Store } from '../../src/storage/index.ts';
import { importKit } from '../../src/storage/index.ts';
import { SITES, viewsKit } from '../core/views/views-kit.ts';
import { json, memoryStore, wrappedStore } from './helpers.ts';

let store: Store;
let app: PlateauApp;
const lines: string[] = [];
const kit = viewsKit();
const base = '/api/campaigns/views';

beforeAll(async () => {
  store = await memoryStore();
  await importKit(store, kit, {
    source: 'test',
    issues: [
      {
        severity: 'warning',
        code: 'w',
        file: 'exams.csv',
        line: 2,
        column: 'icr',
        message: 'm',
        hint: null,
      },
    ],
  });
  app = createApp({ store, log: (line) => lines.push(line) });
});
afterAll(async () => {
  await store?.close();
});

async function expectError(
  path: string,
  status: number,
  code: string,
  ...fragments: string[]
): Promise<ApiError> {
  const response = await app.request(path);
  expect(response.status, path).toBe(status);
  expect(response.headers.get('content-type')).toMatch(/^application\/json/);
  const body = await json<ApiError>(response);
  expect(body.error.code).toBe(code);
  for (const f of fragments) expect(body.error.message).toContain(f);
  return body;
}

describe('meta routes', () => {
  it('answers health with the engine, and security headers', async () => {
    const response = await app.request('/api/health');
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok', engine: 'pglite' });
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('referrer-policy')).toBe('no-referrer');
    const csp = response.headers.get('content-security-policy')!;
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("style-src 'self' 'unsafe-inline'");
    expect(csp).toContain("img-src 'self' data: blob:");
    expect(csp).not.toContain('unsafe-eval');
  });
  it('logs one line per request when given a log', async () => {
    const before = lines.length;
    await app.request('/api/health');
    await app.request('/api/nope');
    expect(lines.slice(before)).toEqual([
      expect.stringMatching(/^GET \/api\/health 200 [\d.]+ ms$/),
      expect.stringMatching(/^GET \/api\/nope 404 /),
    ]);
  });
});

describe('campaigns', () => {
  it('lists the stored campaigns and details one with its options', async () => {
    const list = await json<CampaignSummary[]>(await app.request('/api/campaigns'));
    expect(list).toEqual([
      {
        id: 'views',
        name: 'Views',
        start: '2010-03-01',
        days: 7,
        timeZone: 'Europe/Paris',
        updatedAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
        exams: 16,
        machines: { CT: 5, MR: 1 },
        establishments: 3,
      },
    ]);
    const detail = await json<CampaignDetail>(await app.request(base));
    const { options, ...summary } = detail;
    expect(summary).toEqual(list[0]);
    expect(options.regions).toEqual(['Hauts-de-France', 'Île-de-France']);
    expect(options.legalStatuses).toEqual(['CH', 'CHU', 'PRIVATE']);
  });
  it('answers 404 for an unknown campaign on every campaign route', async () => {
    for (const tail of [
      '',
      '/benchmark',
      '/regions',
      '/establishments',
      `/establishments/${SITES.eloi}`,
      '/machines',
      '/machines/CT0',
      '/machines/CT0/timeline',
      '/machines/CT0/heatmap',
      '/quality',
    ]) {
      await expectError(`/api/campaigns/nope${tail}`, 404, 'not-found', "'nope'");
    }
  });
});

describe('benchmark', () => {
  it('gives the stored benchmark without filter', async () => {
    const view = await json<BenchmarkView>(await app.request(`${base}/benchmark`));
    expect(view.benchmark).toEqual(JSON.parse(JSON.stringify(computeCampaign(kit).benchmark)));
    expect(view.pooledExact).toBe(true);
    expect(view.machines).toHaveLength(6);
    expect(view.filter).toEqual({});
    expect(view.campaign.id).toBe('views');
  });
  it('narrows by the filters, pooling the samples stored at import', async () => {
    const response = await app.request(
      `${base}/benchmark?modality=CT&region=${encodeURIComponent('Hauts-de-France')}&legalStatus=&typology=`,
    );
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    const view = await json<BenchmarkView>(response);
    expect(view.filter).toEqual({ modality: 'CT', region: 'Hauts-de-France' });
    expect(view.machines.map((m) => m.equipmentId)).toEqual(['CT0', 'CT1', 'CT2', 'CT3']);
    expect(view.benchmark.CT?.machines).toBe(4);
    expect(view.pooledExact).toBe(true);
    // CT0..CT3 hold 1 + 2 + 3 + 4 exams, one urgent each: 6 outpatient durations of 20 min.
    expect(view.benchmark.CT?.durationMinutes.A).toEqual({ n: 6, p20: 20, p50: 20, p80: 20 });
    // The memoized answer is the same.
    expect(
      await json(
        await app.request(
          `${base}/benchmark?region=${encodeURIComponent('Hauts-de-France')}&modality=CT`,
        ),
      ),
    ).toEqual(view);
  });
  it('leaves pooled figures out when no samples are stored', async () => {
    const blind = createApp({ store, loadSamples: async () => new Map() });
    const view = await json<BenchmarkView>(
      await blind.request(`${base}/benchmark?region=${encodeURIComponent('Hauts-de-France')}`),
    );
    expect(view.pooledExact).toBe(false);
    expect(view.benchmark.CT?.durationMinutes).toEqual({});
    expect(view.benchmark.CT?.machines).toBe(4);
  });
  it('refuses unknown values, naming the parameter and what it takes', async () => {
    await expectError(
      `${base}/benchmark?modality=XR`,
      400,
      'bad-request',
      'modality',
      'CT, MR',
      "'XR'",
    );
    await expectError(
      `${base}/benchmark?region=Bretagne`,
      400,
      'bad-request',
      'region',
      'Hauts-de-France, Île-de-France',
    );
    await expectError(
      `${base}/benchmark?legalStatus=HOSPITAL`,
      400,
      'bad-request',
      'legalStatus',
      'CHU',
    );
    await expectError(
      `${base}/benchmark?typology=big`,
      400,
      'bad-request',
      'typology',
      'emergency-dedicated, scheduled-centred',
    );
    await expectError(
      `${base}/benchmark?modalities=CT`,
      400,
      'bad-request',
      "unknown query parameter 'modalities'",
      'modality, region, legalStatus, typology',
    );
    await expectError(
      `${base}/benchmark?modality=CT&modality=MR`,
      400,
      'bad-request',
      "'modality' is given more than once",
    );
    await expectError(
      `${base}?x=1`,
      400,
      'bad-request',
      "unknown query parameter 'x'",
      'takes none',
    );
  });
});

describe('regions and establishments', () => {
  it('lists regions', async () => {
    const rows = await json<RegionListing[]>(await app.request(`${base}/regions`));
    expect(rows.map((r) => [r.region, r.establishments, r.exams])).toEqual([
      ['Hauts-de-France', 2, 10],
      ['Île-de-France', 1, 6],
    ]);
  });
  it('lists, filters and searches establishments', async () => {
    const all = await json<EstablishmentListing[]>(await app.request(`${base}/establishments`));
    expect(all.map((e) => e.name)).toEqual([
      'Clinique du Nord',
      'Hôpital Européen',
      'Hôpital Saint-Éloi',
    ]);
    const found = await json<EstablishmentListing[]>(
      await app.request(`${base}/establishments?q=${encodeURIComponent('HOPITAL st')}`),
    );
    expect(found).toEqual([]);
    const eloi = await json<EstablishmentListing[]>(
      await app.request(`${base}/establishments?q=${encodeURIComponent('saint eloi')}`),
    );
    expect(eloi.map((e) => e.finess)).toEqual([SITES.eloi]);
    const byFiness = await json<EstablishmentListing[]>(
      await app.request(`${base}/establishments?q=59000000`),
    );
    expect(byFiness).toHaveLength(2);
    const filtered = await json<EstablishmentListing[]>(
      await app.request(
        `${base}/establishments?region=${encodeURIComponent('Hauts-de-France')}&legalStatus=PRIVATE`,
      ),
    );
    expect(filtered.map((e) => e.finess)).toEqual([SITES.nord]);
    await expectError(`${base}/establishments?region=Corse`, 400, 'bad-request', 'region');
    await expectError(`${base}/establishments?legalStatus=x`, 400, 'bad-request', 'legalStatus');
    await expectError(
      `${base}/establishments?q=${'a'.repeat(201)}`,
      400,
      'bad-request',
      'q must be at most 200',
    );
    await expectError(
      `${base}/establishments?modality=CT`,
      400,
      'bad-request',
      "unknown query parameter 'modality'",
    );
  });
  it('gives the establishment view with the peers asked', async () => {
    const view = await json<EstablishmentView>(
      await app.request(`${base}/establishments/${SITES.eloi}`),
    );
    expect(view.scope).toBe('modality');
    expect(view.establishment.name).toBe('Hôpital Saint-Éloi');
    expect(view.machines.map((m) => [m.point.equipmentId, m.peerCount])).toEqual([
      ['CT0', 5],
      ['CT1', 5],
    ]);
    const byRegion = await json<EstablishmentView>(
      await app.request(`${base}/establishments/${SITES.eloi}?peers=region`),
    );
    expect(byRegion.scope).toBe('region');
    expect(byRegion.machines[0]!.peerFilter).toEqual({ modality: 'CT', region: 'Hauts-de-France' });
    expect(byRegion.machines[0]!.peerCount).toBe(4);
    await expectError(
      `${base}/establishments/${SITES.eloi}?peers=country`,
      400,
      'bad-request',
      'peers',
      'modality, region, legalStatus, typology',
    );
    await expectError(`${base}/establishments/000000000`, 404, 'not-found', "'000000000'");
  });
});

describe('machines', () => {
  it('lists machine points with filters', async () => {
    const mr = await json<MachinePoint[]>(await app.request(`${base}/machines?modality=MR`));
    expect(mr.map((m) => m.equipmentId)).toEqual(['MR0']);
    expect(mr[0]!.establishment).toBe('Hôpital Européen');
    const chu = await json<MachinePoint[]>(
      await app.request(`${base}/machines?legalStatus=CHU&modality=CT`),
    );
    expect(chu.map((m) => m.equipmentId)).toEqual(['CT4']);
    await expectError(`${base}/machines?typology=x`, 400, 'bad-request', 'typology');
  });
  it('gives the machine view', async () => {
    const view = await json<MachineView>(await app.request(`${base}/machines/CT1`));
    expect(view.machine.point.equipmentId).toBe('CT1');
    expect(view.establishment.finess).toBe(SITES.eloi);
    expect(view.weeks).toEqual([{ index: 0, start: '2010-03-01' }]);
    const byStatus = await json<MachineView>(
      await app.request(`${base}/machines/CT1?peers=legalStatus`),
    );
    expect(byStatus.machine.peerCount).toBe(2);
    await expectError(`${base}/machines/CT9`, 404, 'not-found', "'CT9'");
    await expectError(`${base}/machines/CT1?peers=all`, 400, 'bad-request', 'peers');
  });
  it("gives a week's timeline from the machine's stored records", async () => {
    const view = await json<TimelineView>(await app.request(`${base}/machines/CT1/timeline`));
    expect(view.weeks).toBe(1);
    expect(view.days).toHaveLength(7);
    expect(view.days[0]).toEqual({
      date: '2010-03-01',
      weekday: 1,
      sessions: [{ startMinute: 480, endMinute: 600, type: 'PUBLIC_SCHEDULED' }],
      exams: [
        { startMinute: 480, endMinute: 500, category: 'U', short: false },
        { startMinute: 500, endMinute: 520, category: 'A', short: false },
      ],
    });
    expect(await json(await app.request(`${base}/machines/CT1/timeline?week=0`))).toEqual(view);
    await expectError(
      `${base}/machines/CT1/timeline?week=1`,
      400,
      'bad-request',
      'week',
      'from 0 to 0',
    );
    await expectError(`${base}/machines/CT1/timeline?week=-1`, 400, 'bad-request', 'week');
    await expectError(`${base}/machines/CT1/timeline?week=0.5`, 400, 'bad-request', 'week');
    await expectError(`${base}/machines/CT1/timeline?week=first`, 400, 'bad-request', 'week');
    await expectError(`${base}/machines/XX/timeline`, 404, 'not-found', "'XX'");
  });
  it('gives the heatmap', async () => {
    const view = await json<HeatmapView>(await app.request(`${base}/machines/CT4/heatmap`));
    expect(view.daysPerWeekday).toEqual([1, 1, 1, 1, 1, 1, 1]);
    expect(view.cells[0]![8]).toBe(3);
    expect(view.cells[0]![9]).toBe(2);
    expect(view.max).toBe(3);
    await expectError(`${base}/machines/XX/heatmap`, 404, 'not-found');
    await expectError(
      `${base}/machines/CT4/heatmap?week=0`,
      400,
      'bad-request',
      "unknown query parameter 'week'",
    );
  });
});

describe('quality', () => {
  it('gives the quality view with the stored issues', async () => {
    const view = await json<QualityView>(await app.request(`${base}/quality`));
    expect(view.machines).toHaveLength(6);
    expect(view.issues).toEqual([
      {
        severity: 'warning',
        code: 'w',
        file: 'exams.csv',
        line: 2,
        column: 'icr',
        message: 'm',
        hint: null,
        source: 'test',
      },
    ]);
    expect(view.issueCounts).toEqual({ error: 0, warning: 1, info: 0 });
  });
});

describe('unknown routes, wrong methods, failures', () => {
  it('answers 404 JSON for an unknown /api path and for pages when no web app is served', async () => {
    await expectError('/api/nope', 404, 'not-found', 'no route GET /api/nope');
    await expectError('/api', 404, 'not-found');
    await expectError('/api/campaigns/views/benchmarks', 404, 'not-found');
    await expectError('/', 404, 'not-found', 'API under /api only');
  });
  it('answers 405 with Allow for a known path and another method', async () => {
    const post = await app.request('/api/campaigns', { method: 'POST' });
    expect(post.status).toBe(405);
    expect(post.headers.get('allow')).toBe('GET, HEAD');
    expect((await json<ApiError>(post)).error.code).toBe('method-not-allowed');
    const del = await app.request(`${base}/machines/CT1`, { method: 'DELETE' });
    expect(del.status).toBe(405);
    const get = await app.request('/api/uploads');
    expect(get.status).toBe(405);
    expect(get.headers.get('allow')).toBe('POST');
    const head = await app.request('/api/health', { method: 'HEAD' });
    expect(head.status).toBe(200);
  });
  it('answers 500 without a stack when the store fails, and logs it', async () => {
    const logged: string[] = [];
    const broken = createApp({
      store: wrappedStore(store, {
        query: async () => {
          throw new Error('disk on fire');
        },
      }),
      log: (line) => logged.push(line),
    });
    const response = await broken.request('/api/health');
    expect(response.status).toBe(500);
    const text = await response.text();
    expect(JSON.parse(text)).toEqual({
      error: { code: 'internal', message: 'internal server error' },
    });
    expect(text).not.toContain('disk on fire');
    expect(logged.some((l) => l.includes('disk on fire'))).toBe(true);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  });
});
