// The département and INSEE region filters: a machine matches through its site's place (given
// to the index by the loader), the survey follows the same sites, the filter options list the
// places in INSEE order, and an index without places selects nothing for them.
import { describe, expect, it } from 'vitest';
import { benchmarkByModality, matchesFilter, surveySummary } from '../../../src/core/benchmark.ts';
import type { SitePlace } from '../../../src/core/benchmark.ts';
import { computeCampaignDetailed } from '../../../src/core/indicators/index.ts';
import {
  benchmarkView,
  CampaignIndex,
  compareDepartmentCodes,
  filterKey,
  narrowsModality,
  normalizeFilter,
  selectMachines,
} from '../../../src/core/views/index.ts';
import { indexOf, SITES, viewsKit } from './views-kit.ts';

const kit = viewsKit();
// Saint-Éloi in the Nord (59, Hauts-de-France 32); the Clinique du Nord has no département but
// its region name places it in 32; the Hôpital Européen in Paris (75, Île-de-France 11).
const PLACES = new Map<string, SitePlace>([
  [SITES.eloi, { department: '59', inseeRegion: '32' }],
  [SITES.nord, { department: null, inseeRegion: '32' }],
  [SITES.europe, { department: '75', inseeRegion: '11' }],
]);
const { indicators, samples } = computeCampaignDetailed(kit);
const index = new CampaignIndex({
  results: indicators,
  samples,
  establishments: kit.establishments,
  equipment: kit.equipment,
  survey: kit.survey,
  updatedAt: '2026-01-02T03:04:05.000Z',
  places: PLACES,
});
const ids = (points: readonly { equipmentId: string }[]): string[] =>
  points.map((p) => p.equipmentId);

describe('département and INSEE region filters', () => {
  it('select the machines of the sites placed there', () => {
    // CT0, CT1 at Saint-Éloi; CT2, CT3 at the Clinique du Nord; CT4 and MR0 at the Hôpital Européen.
    expect(ids(selectMachines(index, { department: '59' }))).toEqual(['CT0', 'CT1']);
    expect(ids(selectMachines(index, { inseeRegion: '32' }))).toEqual(['CT0', 'CT1', 'CT2', 'CT3']);
    expect(ids(selectMachines(index, { inseeRegion: '11', modality: 'MR' }))).toEqual(['MR0']);
    expect(ids(selectMachines(index, { department: '75', inseeRegion: '32' }))).toEqual([]);
    expect(ids(selectMachines(index, { department: '2A' }))).toEqual([]);
  });
  it('recompute the benchmark and the survey over those sites', () => {
    const view = benchmarkView(index, { department: '59' });
    const eloi = index.machines.filter((m) => m.finess === SITES.eloi);
    expect(view.benchmark).toEqual(benchmarkByModality(eloi, samples));
    expect(view.benchmark.CT?.machines).toBe(2);
    // CT0 and CT1 hold 1 + 2 exams, one urgent each: one outpatient duration of 20 min.
    expect(view.benchmark.CT?.durationMinutes.A).toEqual({ n: 1, p20: 20, p50: 20, p80: 20 });
    expect(view.survey).toEqual(surveySummary(kit.survey.filter((a) => a.finess === SITES.eloi)));
    expect(view.survey.CT?.byPatient.outpatient?.p50).toBe(10);
    expect(view.filter).toEqual({ department: '59' });
    const idf = benchmarkView(index, { inseeRegion: '11' });
    expect(idf.benchmark.CT?.machines).toBe(1);
    expect(idf.benchmark.MR?.machines).toBe(1);
    expect(idf.survey.MR?.byPatient.outpatient?.p50).toBe(30);
  });
  it('list the places of the campaign in INSEE order', () => {
    expect(index.options.departments).toEqual(['59', '75']);
    expect(index.options.inseeRegions).toEqual(['11', '32']);
  });
  it('select nothing when the index was given no places', () => {
    const bare = indexOf(kit);
    expect(selectMachines(bare, { department: '59' })).toEqual([]);
    expect(benchmarkView(bare, { inseeRegion: '32' }).benchmark).toEqual({});
    const m = index.machines[0]!;
    expect(matchesFilter(m, { department: '59' })).toBe(false);
    expect(matchesFilter(m, { department: '59' }, PLACES)).toBe(true);
  });
  it('count in the filter key and narrow the modality', () => {
    expect(filterKey({ department: '59' })).not.toBe(filterKey({}));
    expect(filterKey({ department: '59' })).not.toBe(filterKey({ inseeRegion: '59' }));
    expect(filterKey({ inseeRegion: '32', modality: 'CT' })).toBe(
      filterKey({ modality: 'CT', inseeRegion: '32', region: undefined }),
    );
    expect(normalizeFilter({ inseeRegion: '32', department: undefined })).toEqual({
      inseeRegion: '32',
    });
    expect(narrowsModality({ department: '59' })).toBe(true);
    expect(narrowsModality({ inseeRegion: '32' })).toBe(true);
    expect(narrowsModality({ modality: 'CT' })).toBe(false);
  });
  it('sorts département codes as INSEE does', () => {
    expect(['971', '21', '2B', '19', '2A', '01', '95', '976'].sort(compareDepartmentCodes)).toEqual(
      ['01', '19', '2A', '2B', '21', '95', '971', '976'],
    );
  });
});
