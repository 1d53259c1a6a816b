// A partial campaign index (issue 15: what a site or region scope loads, its own rows plus the
// stored peer groups) against the full one: the same comparisons for groups of at least
// MIN_PEERS machines, none below, and no other site's machine or FINESS in any view's JSON.
import { describe, expect, it } from 'vitest';
import type { StoredPeerGroup } from '../../../src/core/access.ts';
import { MACHINE_FIGURES } from '../../../src/core/benchmark.ts';
import { computeCampaignDetailed } from '../../../src/core/indicators/index.ts';
import type { CampaignData, MachineComparison } from '../../../src/core/views/index.ts';
import {
  benchmarkView,
  CampaignIndex,
  campaignDetail,
  establishmentListings,
  establishmentView,
  machineComparison,
  machineView,
  PEER_SCOPES,
  qualityView,
  regionListings,
  selectMachines,
} from '../../../src/core/views/index.ts';
import { storedPeerGroups } from '../../../src/core/views/peer-groups.ts';
import { sitePlaces } from '../../../src/plan/territories/site-places.ts';
import { ALPHA, SITES, scopedKit } from './scoped-kit.ts';

const kit = scopedKit();
const { indicators, samples } = computeCampaignDetailed(kit);
const fullData: CampaignData = {
  results: indicators,
  samples,
  establishments: kit.establishments,
  equipment: kit.equipment,
  survey: kit.survey,
  updatedAt: '2026-01-02T03:04:05.000Z',
};
const full = new CampaignIndex(fullData);
const peers: readonly StoredPeerGroup[] = storedPeerGroups(full);

/**
 * What a scope seeing `finess` loads from the store: the machines' rows, directory and samples of
 * those sites (row-level security), the campaign-level results as stored, the stored peer groups.
 */
function scopedData(finess: readonly string[]): CampaignData {
  const sites = new Set(finess);
  const machines = indicators.machines.filter((m) => sites.has(m.finess));
  return {
    results: { ...indicators, machines },
    samples: new Map([...samples].filter(([id]) => machines.some((m) => m.equipmentId === id))),
    establishments: kit.establishments.filter((e) => sites.has(e.finess)),
    equipment: kit.equipment.filter((e) => sites.has(e.finess)),
    survey: kit.survey.filter((a) => sites.has(a.finess)),
    updatedAt: fullData.updatedAt,
    peers,
  };
}

const alpha = new CampaignIndex(scopedData([ALPHA.finess]));
const hdf = new CampaignIndex(
  scopedData(SITES.filter((s) => s.region === 'Hauts-de-France').map((s) => s.finess)),
);

const fig = (c: MachineComparison, key: string) => c.figures.find((f) => f.key === key)!;

describe('a partial index compares its machines as the full one does', () => {
  it('holds only the scope’s machines and is marked partial', () => {
    expect(full.partial).toBe(false);
    expect(alpha.partial).toBe(true);
    expect(alpha.machines.map((m) => m.equipmentId)).toEqual([
      'CT-ALPHA-1',
      'CT-ALPHA-2',
      'CT-ALPHA-3',
      'MR-ALPHA-1',
    ]);
    expect(hdf.machines).toHaveLength(6);
  });

  it('gives the hand-checked quantiles and ranks of the stored groups', () => {
    // CT machines hold 1…11 exams in one week: passages per week 1…11.
    const ct3 = machineComparison(alpha, alpha.machineById.get('CT-ALPHA-3')!, 'modality');
    expect(ct3.peerCount).toBe(11);
    expect(fig(ct3, 'passagesPerWeek')).toMatchObject({
      value: 3,
      peers: { n: 11, p20: 3, p50: 6, p80: 9 },
    });
    // 2 peers below 3, itself counting half: 2.5 / 11.
    expect(fig(ct3, 'passagesPerWeek').rank).toBeCloseTo(2.5 / 11, 12);
    // Hauts-de-France: Alpha's 1, 2, 3 and Bravo's 4, 5 exams.
    const region = machineComparison(alpha, alpha.machineById.get('CT-ALPHA-3')!, 'region');
    expect(region.peerCount).toBe(5);
    expect(fig(region, 'passagesPerWeek')).toMatchObject({
      peers: { n: 5, p20: 1.8, p50: 3, p80: 4.2 },
      rank: 0.5,
    });
    // CH: Alpha's 1, 2, 3, Delta's 9, 10 and Echo's 11.
    const ch = machineComparison(alpha, alpha.machineById.get('CT-ALPHA-3')!, 'legalStatus');
    expect(ch.peerCount).toBe(6);
    expect(fig(ch, 'passagesPerWeek').peers).toEqual({ n: 6, p20: 2, p50: 6, p80: 10 });
  });

  it('matches the full index for every group of at least 5 machines, and shows nothing below', () => {
    let shown = 0;
    let hidden = 0;
    for (const index of [alpha, hdf]) {
      for (const m of index.machines) {
        for (const scope of PEER_SCOPES) {
          const mine = machineComparison(index, m, scope);
          const reference = machineComparison(full, full.machineById.get(m.equipmentId)!, scope);
          expect(mine.peerCount).toBe(reference.peerCount);
          expect(mine.peerFilter).toEqual(reference.peerFilter);
          expect(mine.point).toEqual(reference.point);
          if (reference.peerCount >= 5) {
            shown++;
            expect(mine.figures).toEqual(reference.figures);
          } else {
            hidden++;
            for (const f of mine.figures) {
              expect(f.peers).toEqual({ n: 0, p20: null, p50: null, p80: null });
              expect(f.rank).toBeNull();
            }
            // Its own value stays.
            expect(mine.figures.map((f) => f.value)).toEqual(reference.figures.map((f) => f.value));
            // The stored ranks among a hidden modality are dropped too.
            if (scope === 'modality')
              expect(
                Object.values(mine.indicators.percentRank ?? {}).every((r) => r === null),
              ).toBe(true);
          }
        }
      }
    }
    // CT-ALPHA-1's typology (emergency-dedicated, alone), every MR group, Bravo's PRIVATE CT.
    expect(hidden).toBeGreaterThanOrEqual(1 + 4 + 2);
    expect(shown).toBeGreaterThanOrEqual(12);
    const emergency = machineComparison(alpha, alpha.machineById.get('CT-ALPHA-1')!, 'typology');
    expect(emergency).toMatchObject({
      peerFilter: { modality: 'CT', typology: 'emergency-dedicated' },
      peerCount: 1,
    });
  });

  it('counts 0 peers for a group the store does not hold', () => {
    const bare = new CampaignIndex({ ...scopedData([ALPHA.finess]), peers: [] });
    const c = machineComparison(bare, bare.machineById.get('CT-ALPHA-2')!, 'modality');
    expect(c.peerCount).toBe(0);
    expect(c.figures.every((f) => f.rank === null && f.peers.p50 === null)).toBe(true);
  });
});

describe('the benchmark of a partial index', () => {
  it('shows its machines, and the stored benchmark of a modality of at least 5 machines only', () => {
    const view = benchmarkView(alpha, {});
    expect(view.machines.map((m) => m.equipmentId)).toEqual([
      'CT-ALPHA-1',
      'CT-ALPHA-2',
      'CT-ALPHA-3',
      'MR-ALPHA-1',
    ]);
    expect(Object.keys(view.benchmark)).toEqual(['CT']);
    expect(view.benchmark.CT).toEqual(benchmarkView(full, {}).benchmark.CT);
    expect(view.benchmark.CT?.passagesPerWeek).toEqual({ n: 11, p20: 3, p50: 6, p80: 9 });
    expect(view.pooledExact).toBe(true);
    expect(Object.keys(view.survey)).toEqual(['CT']);
    expect(benchmarkView(alpha, { modality: 'MR' }).benchmark).toEqual({});
  });

  it('takes a narrowed group from the stored one, with the figures the full index computes', () => {
    const view = benchmarkView(alpha, { modality: 'CT', region: 'Hauts-de-France' });
    const reference = benchmarkView(full, { modality: 'CT', region: 'Hauts-de-France' }).benchmark
      .CT!;
    const mine = view.benchmark.CT!;
    for (const f of MACHINE_FIGURES.filter(
      (f) => !f.key.startsWith('durationMedian') && !f.key.startsWith('reportDelay'),
    )) {
      expect(mine[f.key as 'icrPerHour']).toEqual(reference[f.key as 'icrPerHour']);
    }
    expect(mine.durationMedianMinutes).toEqual(reference.durationMedianMinutes);
    expect(mine.reportDelayMedianMinutes).toEqual(reference.reportDelayMedianMinutes);
    expect(mine.passagesPerWeek).toEqual({ n: 5, p20: 1.8, p50: 3, p80: 4.2 });
    expect(mine.machines).toBe(5);
    expect(mine.includedMachines).toBe(reference.includedMachines);
    // What needs the peers' exams or rows is not stored.
    expect(mine).toMatchObject({
      durationMinutes: {},
      reportDelayMinutes: {},
      appointmentDelayDays: {},
      significantOnCallShare: null,
    });
    expect(view.pooledExact).toBe(false);
    expect(view.survey).toEqual({});
    expect(view.machines.map((m) => m.equipmentId)).toEqual([
      'CT-ALPHA-1',
      'CT-ALPHA-2',
      'CT-ALPHA-3',
    ]);
  });

  it('shows no distribution for a group under 5 machines or a combination not stored', () => {
    expect(benchmarkView(alpha, { modality: 'CT', legalStatus: 'PRIVATE' }).benchmark).toEqual({});
    expect(benchmarkView(alpha, { modality: 'CT', region: 'Bretagne' }).benchmark).toEqual({});
    expect(
      benchmarkView(alpha, { modality: 'CT', region: 'Hauts-de-France', legalStatus: 'CH' })
        .benchmark,
    ).toEqual({});
    expect(benchmarkView(alpha, { department: '59' }).benchmark).toEqual({});
    // Not even from the machines it sees: HDF holds Alpha's and Bravo's 5 CT, but the group
    // Hauts-de-France × CH (Alpha's 3) is not a stored one.
    expect(benchmarkView(hdf, { region: 'Hauts-de-France', legalStatus: 'CH' }).benchmark).toEqual(
      {},
    );
    expect(benchmarkView(hdf, { legalStatus: 'CH' }).benchmark.CT?.machines).toBe(6);
  });
});

describe('a region scope’s benchmark of a place inside its region', () => {
  // A region scope sees every site of its region (row-level security), so a benchmark narrowed
  // to a place there is computed from its own rows, as the full index computes it.
  const places = sitePlaces(kit.establishments);
  const withPlaces = new CampaignIndex({ ...fullData, places });
  const hdfFiness: string[] = SITES.filter((s) => s.region === 'Hauts-de-France').map(
    (s) => s.finess,
  );
  const region = new CampaignIndex({
    ...scopedData(hdfFiness),
    places: sitePlaces(kit.establishments.filter((e) => hdfFiness.includes(e.finess))),
    wholeRegion: '32',
  });

  it('equals the full index’s for its kit region, INSEE region and départements, any narrowing', () => {
    for (const filter of [
      { region: 'Hauts-de-France' },
      { region: 'Hauts-de-France', legalStatus: 'CH' },
      { inseeRegion: '32', modality: 'CT' as const },
      { department: '59' },
    ]) {
      const own = benchmarkView(region, filter);
      const reference = benchmarkView(withPlaces, filter);
      expect(own.benchmark).toEqual(reference.benchmark);
      expect(own.machines).toEqual(reference.machines);
      expect(Object.keys(own.benchmark).length).toBeGreaterThan(0);
    }
  });

  it('falls back to the stored groups for a place outside its region, and names no other site', () => {
    expect(benchmarkView(region, { region: 'Bretagne' }).benchmark).toEqual({});
    expect(benchmarkView(region, { inseeRegion: '11' }).benchmark).toEqual({});
    expect(benchmarkView(region, { department: '75' }).machines).toEqual([]);
    const text = JSON.stringify(benchmarkView(region, { region: 'Hauts-de-France' }));
    for (const site of SITES.filter((s) => s.region !== 'Hauts-de-France'))
      expect(text).not.toContain(site.finess);
  });
});

describe('a partial index names no other site', () => {
  const others = (finess: readonly string[]) => {
    const mine = new Set(finess);
    const outside = SITES.filter((s) => !mine.has(s.finess));
    return [
      ...outside.flatMap((s) => [s.finess, s.name]),
      ...kit.equipment.filter((e) => !mine.has(e.finess)).map((e) => `"${e.equipmentId}"`),
    ];
  };

  function everyView(index: CampaignIndex): string[] {
    const out: unknown[] = [
      campaignDetail(index),
      regionListings(index),
      establishmentListings(index),
      qualityView(index, []),
    ];
    const filters = [
      {},
      { modality: 'CT' as const },
      { modality: 'MR' as const },
      ...index.options.regions.map((region) => ({ region })),
    ];
    for (const region of SITES.map((s) => s.region)) filters.push({ region });
    for (const legalStatus of ['CH', 'CHU', 'PRIVATE']) filters.push({ legalStatus } as never);
    for (const f of filters) out.push(benchmarkView(index, f), selectMachines(index, f));
    for (const scope of PEER_SCOPES) {
      for (const s of SITES) out.push(establishmentView(index, s.finess, scope));
      for (const e of kit.equipment) out.push(machineView(index, e.equipmentId, scope));
    }
    return out.map((v) => JSON.stringify(v));
  }

  it('in any view of a site’s index', () => {
    const forbidden = others([ALPHA.finess]);
    expect(forbidden).toContain('"CT-BRAVO-1"');
    const texts = everyView(alpha);
    // The views do hold the site's own machines.
    expect(texts.some((t) => t.includes('"CT-ALPHA-2"'))).toBe(true);
    for (const text of texts) for (const word of forbidden) expect(text).not.toContain(word);
    // The full index names them (the test can fail).
    expect(
      everyView(full).some((t) => t.includes('"CT-BRAVO-1"') && t.includes('Hôpital Delta')),
    ).toBe(true);
  });

  it('in any view of a region’s index', () => {
    const forbidden = others(
      SITES.filter((s) => s.region === 'Hauts-de-France').map((s) => s.finess),
    );
    for (const text of everyView(hdf))
      for (const word of forbidden) expect(text).not.toContain(word);
  });

  it('recounts the quality over its own machines', () => {
    expect(
      alpha.data.results.quality.excludedFromOccupancy.every((id) => id.includes('ALPHA')),
    ).toBe(true);
    expect(qualityView(alpha, []).machines.map((m) => m.finess)).toEqual([
      ALPHA.finess,
      ALPHA.finess,
      ALPHA.finess,
      ALPHA.finess,
    ]);
  });
});
