// The benchmark view (stored benchmark when no filter narrows, recomputed peer group with
// pooled samples when they cover it, pooled figures left out when they do not), the machine
// points, and the establishment and machine views' comparisons with peers.
import { describe, expect, it } from 'vitest';
import {
  benchmarkByModality,
  MACHINE_FIGURES,
  surveySummary,
} from '../../../src/core/benchmark.ts';
import { CampaignCalendar } from '../../../src/core/calendar.ts';
import { quantiles } from '../../../src/core/stats.ts';
import {
  benchmarkView,
  establishmentView,
  filterKey,
  machineView,
  selectMachines,
  weekRefs,
} from '../../../src/core/views/index.ts';
import { indexOf, SITES, viewsKit } from './views-kit.ts';

const kit = viewsKit();
const index = indexOf(kit);
const blind = indexOf(kit, false);

describe('benchmark view', () => {
  it('gives the stored benchmark and survey when no filter narrows', () => {
    const view = benchmarkView(index, {});
    expect(view.benchmark).toEqual(index.data.results.benchmark);
    expect(view.survey).toEqual(index.data.results.survey);
    expect(view.pooledExact).toBe(true);
    expect(view.machines.map((m) => m.equipmentId)).toEqual([
      'CT0',
      'CT1',
      'CT2',
      'CT3',
      'CT4',
      'MR0',
    ]);
    expect(view.options).toBe(index.options);
    const mr = benchmarkView(blind, { modality: 'MR' });
    expect(Object.keys(mr.benchmark)).toEqual(['MR']);
    expect(mr.benchmark.MR).toEqual(index.data.results.benchmark.MR);
    expect(mr.pooledExact).toBe(true);
    expect(mr.filter).toEqual({ modality: 'MR' });
  });
  it('recomputes a narrowed peer group, pooling its samples', () => {
    const view = benchmarkView(index, { region: 'Hauts-de-France' });
    const hdf = index.machines.filter((m) => m.region === 'Hauts-de-France');
    expect(view.benchmark).toEqual(benchmarkByModality(hdf, index.data.samples));
    expect(view.benchmark.CT?.machines).toBe(4);
    expect(view.benchmark.MR).toBeUndefined();
    // CT0..CT3 hold 1 + 2 + 3 + 4 exams, one urgent each: 6 outpatient durations of 20 min.
    expect(view.benchmark.CT?.durationMinutes.A).toEqual({ n: 6, p20: 20, p50: 20, p80: 20 });
    expect(view.pooledExact).toBe(true);
    expect(view.machines.map((m) => m.equipmentId)).toEqual(['CT0', 'CT1', 'CT2', 'CT3']);
  });
  it('leaves pooled distributions out, and says so, when the samples are not stored', () => {
    const view = benchmarkView(blind, { region: 'Hauts-de-France' });
    expect(view.pooledExact).toBe(false);
    expect(view.benchmark.CT?.durationMinutes).toEqual({});
    expect(view.benchmark.CT?.reportDelayMinutes).toEqual({});
    expect(view.benchmark.CT?.appointmentDelayDays).toEqual({});
    // Per-machine figures need no samples.
    expect(view.benchmark.CT?.occupancyProgrammed).toEqual(
      benchmarkView(index, { region: 'Hauts-de-France' }).benchmark.CT?.occupancyProgrammed,
    );
    expect(view.benchmark.CT?.durationMedianMinutes.A?.n).toBe(3);
  });
  it("takes the survey over the selected establishments' answers", () => {
    const view = benchmarkView(index, { region: 'Hauts-de-France' });
    expect(view.survey).toEqual(surveySummary(kit.survey.filter((a) => a.finess !== SITES.europe)));
    expect(view.survey.CT?.byPatient.outpatient).toEqual(quantiles([10, 20]));
    expect(benchmarkView(index, { legalStatus: 'CHU', modality: 'MR' }).survey).toEqual({
      MR: surveySummary([kit.survey[3]!]).MR,
    });
  });
  it('narrows by typology over machines of that typology only', () => {
    const typology = index.machineById.get('CT0')!.typology;
    const view = benchmarkView(index, { typology });
    const expected = index.machines.filter((m) => m.typology === typology);
    expect(view.machines.map((m) => m.equipmentId)).toEqual(expected.map((m) => m.equipmentId));
    const none = benchmarkView(index, { region: 'Île-de-France', legalStatus: 'CH' });
    expect(none).toMatchObject({ benchmark: {}, survey: {}, machines: [], pooledExact: true });
  });
  it('keys equal filters alike', () => {
    expect(filterKey({ region: 'X', modality: 'CT' })).toBe(
      filterKey({ modality: 'CT', region: 'X', typology: undefined }),
    );
    expect(filterKey({ modality: 'CT' })).not.toBe(filterKey({ modality: 'MR' }));
  });
});

describe('machine points', () => {
  it('carry identity, peer keys and every figure', () => {
    const [ct0] = selectMachines(index, { modality: 'CT', legalStatus: 'CH' });
    const stored = index.machineById.get('CT0')!;
    expect(ct0).toMatchObject({
      equipmentId: 'CT0',
      label: 'Scanner A',
      finess: SITES.eloi,
      establishment: 'Hôpital Saint-Éloi',
      modality: 'CT',
      region: 'Hauts-de-France',
      legalStatus: 'CH',
      typology: stored.typology,
      occupancyIncluded: stored.occupancyIncluded,
      exams: 1,
      nightLevel: stored.night.level,
      significantOnCall: stored.significantOnCall,
    });
    expect(Object.keys(ct0!.figures).sort()).toEqual(
      [...MACHINE_FIGURES.map((f) => f.key), 'programmedPlusEmergencyOpening'].sort(),
    );
    expect(ct0!.figures['occupancyProgrammed']).toBeCloseTo(20 / 120, 12);
    expect(ct0!.figures['programmedOpening']).toBe(2);
    expect(selectMachines(index, { modality: 'CT', legalStatus: 'CH' })).toHaveLength(2);
  });
});

describe('establishment view', () => {
  it('compares each machine with its modality by default', () => {
    const view = establishmentView(index, SITES.eloi, 'modality')!;
    expect(view.establishment.name).toBe('Hôpital Saint-Éloi');
    expect(view.scope).toBe('modality');
    expect(view.machines.map((m) => m.point.equipmentId)).toEqual(['CT0', 'CT1']);
    const ct1 = view.machines[1]!;
    expect(ct1.peerFilter).toEqual({ modality: 'CT' });
    expect(ct1.peerCount).toBe(5);
    expect(ct1.figures.map((f) => f.key)).toEqual(MACHINE_FIGURES.map((f) => f.key));
    const occupancy = ct1.figures.find((f) => f.key === 'occupancyProgrammed')!;
    // Occupancies of CT0..CT4: (k + 1) × 20 / 120; CT1 is second of five: (1 + 0.5) / 5.
    expect(occupancy.unit).toBe('fraction');
    expect(occupancy.value).toBeCloseTo(40 / 120, 12);
    expect(occupancy.peers).toEqual(quantiles([1, 2, 3, 4, 5].map((k) => (k * 20) / 120)));
    expect(occupancy.rank).toBeCloseTo(1.5 / 5, 12);
    // Ranks against the whole modality are those stored at import.
    for (const f of ct1.figures) expect(f.rank).toBe(ct1.indicators.percentRank?.[f.key] ?? null);
    expect(ct1.leads).toBe(ct1.indicators.leads);
  });
  it('narrows the peers to the machine region, legal status or typology', () => {
    const ct1 = establishmentView(index, SITES.eloi, 'region')!.machines[1]!;
    expect(ct1.peerFilter).toEqual({ modality: 'CT', region: 'Hauts-de-France' });
    expect(ct1.peerCount).toBe(4);
    const occupancy = ct1.figures.find((f) => f.key === 'occupancyProgrammed')!;
    expect(occupancy.peers).toEqual(quantiles([1, 2, 3, 4].map((k) => (k * 20) / 120)));
    expect(occupancy.rank).toBeCloseTo(1.5 / 4, 12);
    const byStatus = establishmentView(index, SITES.eloi, 'legalStatus')!.machines[1]!;
    expect(byStatus.peerFilter).toEqual({ modality: 'CT', legalStatus: 'CH' });
    expect(byStatus.peerCount).toBe(2);
    const mr = establishmentView(index, SITES.europe, 'typology')!.machines.find(
      (m) => m.point.modality === 'MR',
    )!;
    expect(mr.peerCount).toBe(1);
    expect(mr.figures.find((f) => f.key === 'programmedOpening')!.rank).toBe(0.5);
  });
  it('is null for an unknown FINESS', () => {
    expect(establishmentView(index, '000000000', 'modality')).toBeNull();
  });
});

describe('machine view', () => {
  it('gives the comparison, the establishment and the weeks', () => {
    const view = machineView(index, 'CT3', 'region')!;
    expect(view.establishment.finess).toBe(SITES.nord);
    expect(view.machine.point.equipmentId).toBe('CT3');
    expect(view.machine.peerCount).toBe(4);
    expect(view.weeks).toEqual([{ index: 0, start: '2010-03-01' }]);
    expect(machineView(index, 'nope')).toBeNull();
  });
  it('counts ceil(days / 7) weeks, from local dates across DST', () => {
    expect(weekRefs(new CampaignCalendar('2010-03-22', 30, 'Europe/Paris'))).toEqual([
      { index: 0, start: '2010-03-22' },
      { index: 1, start: '2010-03-29' },
      { index: 2, start: '2010-04-05' },
      { index: 3, start: '2010-04-12' },
      { index: 4, start: '2010-04-19' },
    ]);
    expect(weekRefs(new CampaignCalendar('2010-03-01', 28, 'Europe/Paris'))).toHaveLength(4);
  });
});
