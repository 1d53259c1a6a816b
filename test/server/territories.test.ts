// The territory routes and the place filters of the benchmark, through the app object (no
// port) over an in-memory store holding the hand-checked kit of test/cli/territories-kit.ts:
// the document and its filters, the 400s naming what is accepted, the memo seeing a newer load
// of references, and GET /api/references.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PlateauApp } from '../../src/server/app.ts';
import type {
  ApiError,
  BenchmarkView,
  CampaignDetail,
  MachinePoint,
} from '../../src/core/views/types.ts';
import { POPULATION } from '../../src/plan/territories/population.ts';
import { SHIPPED_REFERENCES } from '../../src/plan/territories/references.ts';
import type { ReferenceFigure, TerritoryDocument } from '../../src/plan/territories/types.ts';
import { createApp } from '../../src/server/index.ts';
import type { Store } from '../../src/storage/index.ts';
import { importKit } from '../../src/storage/index.ts';
import { storeReferences } from '../../src/storage/reference-repository.ts';
import { territoriesKit } from '../cli/territories-kit.ts';
import type { TestPlace } from '../storage/engines.ts';
import { ENGINES } from '../storage/engines.ts';
import { json } from './helpers.ts';

let place: TestPlace;
let store: Store;
let app: PlateauApp;
const base = '/api/campaigns/terr';
const TOTAL = POPULATION.departments.reduce((s, d) => s + d.population, 0);

beforeAll(async () => {
  // A data folder unpacked from the cached empty store: seconds faster than an in-memory initdb.
  place = await ENGINES[0]!.place();
  store = await place.open();
  await importKit(store, territoriesKit(), { source: 'test' });
  app = createApp({ store });
});
afterAll(async () => {
  await store?.close();
  await place?.dispose();
});

async function get<T>(path: string): Promise<T> {
  const response = await app.request(path);
  expect(
    response.status,
    `${path}: ${response.status === 200 ? '' : await response.clone().text()}`,
  ).toBe(200);
  return json<T>(response);
}

async function expectBadRequest(path: string, ...fragments: string[]): Promise<void> {
  const response = await app.request(path);
  expect(response.status, path).toBe(400);
  const body = await json<ApiError>(response);
  expect(body.error.code).toBe('bad-request');
  for (const f of fragments) expect(body.error.message, path).toContain(f);
}

describe('GET /api/campaigns/:id/territories', () => {
  it('gives the nation, 18 regions and 101 départements from the stored register and sessions', async () => {
    const d = await get<TerritoryDocument>(`${base}/territories`);
    expect(d.regions).toHaveLength(18);
    expect(d.departments).toHaveLength(101);
    expect(d.national.population).toBe(TOTAL);
    // The stored register: 4 rows, 3 in service on 2010-03-01.
    expect(d.register).toMatchObject({ source: 'register', rows: 4, inService: 3 });
    expect(d.national.units.CT).toEqual({
      total: 2,
      hospital: 1,
      privatePractice: 1,
      unknownSector: 0,
    });
    // MR1's on-call session 21:00–23:00, read from the store: night MRI access in Paris.
    expect(d.departments.find((x) => x.code === '75')!.nightCoverage.nightMriAccess).toBe(true);
    expect(d.national.nightCoverage.nightMriMachines).toBe(1);
    expect(d.departments.find((x) => x.code === '59')!.imputedShare.CT).toBeCloseTo(0.5, 12);
    expect(d.references.length).toBe(SHIPPED_REFERENCES.length);
  });
  it('takes the filters: modality, region listed, measured machines by place, gap references', async () => {
    expect((await get<TerritoryDocument>(`${base}/territories?modality=MR`)).modalities).toEqual([
      'MR',
    ]);
    const hdf = await get<TerritoryDocument>(`${base}/territories?region=Nord-Pas-de-Calais`);
    expect(hdf.regions.map((r) => r.code)).toEqual(['32']);
    expect(hdf.departments.map((x) => x.code)).toEqual(['02', '59', '60', '62', '80']);
    const paris = await get<TerritoryDocument>(`${base}/territories?department=75`);
    expect(paris.national.nightCoverage.campaignMachines).toMatchObject({ MR: 1 });
    expect(paris.national.nightCoverage.campaignMachines.CT ?? 0).toBe(0);
    const nord = await get<TerritoryDocument>(`${base}/territories?inseeRegion=32&legalStatus=CH`);
    expect(nord.national.nightCoverage.campaignMachines).toMatchObject({ CT: 1 });
    expect(nord.national.nightCoverage.campaignMachines.MR ?? 0).toBe(0);
    const target = await get<TerritoryDocument>(
      `${base}/territories?gapTo=${encodeURIComponent('CT=20')}&modality=CT`,
    );
    expect(target.national.gapTo).toEqual([
      expect.objectContaining({
        reference: 'target',
        modality: 'CT',
        unitsPerMillion: 20,
        machines: Math.ceil((20 * TOTAL) / 1e6 - 2),
      }),
    ]);
    const oecd = await get<TerritoryDocument>(`${base}/territories?gapTo=oecd:2015&modality=MR`);
    expect(oecd.national.gapTo).toEqual([
      expect.objectContaining({ reference: 'oecd', year: 2015, unitsPerMillion: 15.9 }),
    ]);
  });
  it('answers 400 naming what each parameter accepts, and 404 for an unknown campaign', async () => {
    await expectBadRequest(
      `${base}/territories?region=Atlantis`,
      'region must be',
      '32',
      'Atlantis',
    );
    await expectBadRequest(
      `${base}/territories?department=20`,
      'department must be one of 01, 02',
      '2A, 2B',
      '976',
    );
    await expectBadRequest(
      `${base}/territories?inseeRegion=99`,
      'inseeRegion must be one of 01',
      '94',
    );
    await expectBadRequest(
      `${base}/territories?gapTo=oecd:15`,
      'gapTo must be national, oecd, oecd:YEAR',
    );
    await expectBadRequest(
      `${base}/territories?gapTo=oecd:1990`,
      'no OECD average density for 1990',
      '2015',
    );
    await expectBadRequest(`${base}/territories?modality=XR`, 'modality must be one of CT, MR');
    await expectBadRequest(`${base}/territories?level=region`, "unknown query parameter 'level'");
    const missing = await app.request('/api/campaigns/nope/territories');
    expect(missing.status).toBe(404);
  });
  it('serves the memoized text again, and sees references loaded since', async () => {
    const first = await (await app.request(`${base}/territories?modality=CT`)).text();
    expect(await (await app.request(`${base}/territories?modality=CT`)).text()).toBe(first);
    const newer: ReferenceFigure = {
      measure: 'unitsPerMillion',
      modality: 'CT',
      sector: null,
      area: 'OECD',
      year: 2021,
      value: 30,
      source: 'test export',
      note: null,
      origin: 'loaded',
    };
    await storeReferences(store, [newer], 'oecd.csv');
    const after = JSON.parse(
      await (await app.request(`${base}/territories?modality=CT`)).text(),
    ) as TerritoryDocument;
    expect(after.references).toContainEqual(newer);
    // The latest OECD average is now 2021's.
    expect(after.national.gapTo.find((g) => g.reference === 'oecd')).toMatchObject({
      year: 2021,
      unitsPerMillion: 30,
    });
    const refs = await get<ReferenceFigure[]>('/api/references');
    expect(refs).toContainEqual(newer);
    expect(refs).toHaveLength(SHIPPED_REFERENCES.length + 1);
    await expectBadRequest('/api/references?modality=CT', "unknown query parameter 'modality'");
  });
});

describe('benchmark and machines by département and INSEE region', () => {
  const ids = (points: readonly MachinePoint[]): string[] => points.map((p) => p.equipmentId);
  it('lists the places of the campaign among the filter options', async () => {
    const detail = await get<CampaignDetail>(base);
    expect(detail.options.departments).toEqual(['59', '75']);
    expect(detail.options.inseeRegions).toEqual(['11', '32']);
  });
  it('selects the machines of the sites of a place', async () => {
    const paris = await get<BenchmarkView>(`${base}/benchmark?department=75`);
    expect(ids(paris.machines)).toEqual(['MR1']);
    expect(paris.filter).toEqual({ department: '75' });
    expect(Object.keys(paris.benchmark)).toEqual(['MR']);
    expect(ids((await get<BenchmarkView>(`${base}/benchmark?inseeRegion=32`)).machines)).toEqual([
      'CT1',
    ]);
    expect(ids(await get<MachinePoint[]>(`${base}/machines?inseeRegion=11`))).toEqual(['MR1']);
    // A département written as FINESS or a hand would, and one without sites: an empty selection.
    const corsica = await get<BenchmarkView>(`${base}/benchmark?department=2a`);
    expect(corsica.filter).toEqual({ department: '2A' });
    expect(corsica.machines).toEqual([]);
    expect(corsica.benchmark).toEqual({});
  });
  it('refuses a value that is no INSEE code, naming the codes', async () => {
    await expectBadRequest(
      `${base}/benchmark?department=20`,
      'department must be one of',
      '2A, 2B',
    );
    await expectBadRequest(
      `${base}/machines?inseeRegion=Picardie`,
      'inseeRegion must be one of',
      '32',
    );
  });
});
