// A region and the nation over three campaigns (trend-kits.ts), from full indexes and from a site
// scope's partial ones (its rows, bands from the stored peer groups, none under MIN_PEERS).
import { describe, expect, it } from 'vitest';
import type { Quantiles } from '../../../src/core/stats.ts';
import type {
  GroupTrend,
  GroupTrendYear,
  MachineTrend,
  TrendChange,
} from '../../../src/core/trends/index.ts';
import { groupTrend, machineTrend } from '../../../src/core/trends/index.ts';
import { CampaignIndex } from '../../../src/core/views/index.ts';
import { dataOf, fullSeries, S1, S4, scopedData, trendKit } from './trend-kits.ts';

const series = fullSeries();
const partial = ([0, 1, 2] as const).map(
  (y) => new CampaignIndex(scopedData(dataOf(trendKit(y)), [S1])),
);
const band = (q: Quantiles | null | undefined) => (q ? [q.n, q.p20, q.p50, q.p80] : null);
const counts = (years: GroupTrendYear[] | undefined) =>
  years?.map((y) => [y.machines, y.sites, y.bundleSites, y.exams]);
const said = (c: TrendChange): string =>
  `${c.kind}:${c.modality ?? ''}:${c.figure ?? c.equipmentId ?? c.finess ?? ''}`;

describe('the nation over three campaigns', () => {
  const nation = groupTrend(series, null) as GroupTrend;

  it('counts machines, sites, bundle sites and exams per modality per campaign', () => {
    expect(nation.level).toBe('nation');
    expect(Object.keys(nation.byModality)).toEqual(['CT', 'MR']);
    // CT exams: 10/15/20 (CT-A) + 5 + 10 + 15 + 20; site 2 is a bundle in 2012.
    expect(counts(nation.byModality.CT)).toEqual([
      [5, 3, 0, 60],
      [5, 3, 0, 65],
      [5, 3, 1, 70],
    ]);
    expect(counts(nation.byModality.MR)).toEqual([
      [1, 1, 0, 1],
      [1, 1, 0, 1],
      [2, 2, 0, 2],
    ]);
  });

  it('gives each figure’s P20/P50/P80 over the modality’s machines', () => {
    const ct = nation.byModality.CT as GroupTrendYear[];
    expect(ct.map((y) => band(y.figures['programmedOpening']))).toEqual([
      [5, 18, 20, 32],
      [5, 18, 30, 32],
      [5, 18, 25, 32],
    ]);
    // Occupancy over included machines (all are): [.25 × 5] then [.25 × 4, .4] → P80 .25 + .2 × .15.
    expect(band(ct[2]?.figures['occupancyProgrammed'])).toEqual([
      5,
      0.25,
      0.25,
      0.25 + 0.2 * (0.4 - 0.25),
    ]);
    expect(band(ct[0]?.figures['reportDelayMedian_outpatient'])).toBeNull();
    expect(ct[0]?.national).toBeNull();
  });

  it('says since last year: the site and machines that came and went, then the moves of the bands', () => {
    expect(nation.sinceLastYear.map(said)).toEqual([
      `site-added::${S4}`,
      'machine-added:CT:P5',
      'machine-removed:CT:P4',
      'machine-renamed:CT:CT-A2',
      'figure:CT:programmedOpening',
      'figure:CT:extendedOpening',
      'figure:CT:totalOpening',
    ]);
    expect(nation.sinceLastYear[4]).toMatchObject({
      before: 30,
      after: 25,
      from: 'y2011',
      to: 'y2012',
    });
    // MR-4 came with its site: listed, not notable on its own.
    expect(nation.changes.find((c) => c.equipmentId === 'MR-4')).toMatchObject({
      kind: 'machine-added',
      notable: false,
    });
    expect(nation.changes.filter((c) => c.to === 'y2011' && c.notable).map(said)).toEqual([
      'machine-replaced:CT:P2-NEW',
      'figure:CT:programmedOpening',
      'figure:CT:extendedOpening',
      'figure:CT:totalOpening',
      'figure:CT:passagesPerWeek',
    ]);
  });

  it('narrows to one modality', () => {
    const mr = groupTrend(series, null, 'MR') as GroupTrend;
    expect(Object.keys(mr.byModality)).toEqual(['MR']);
    expect(mr.sinceLastYear.map(said)).toEqual([`site-added::${S4}`]);
  });
});

describe('a region over three campaigns', () => {
  const hdf = groupTrend(series, 'Hauts-de-France') as GroupTrend;

  it('bands its machines and gives the nation’s beside', () => {
    expect(hdf).toMatchObject({ level: 'region', region: 'Hauts-de-France' });
    expect(counts(hdf.byModality.CT)).toEqual([
      [3, 2, 0, 25],
      [3, 2, 0, 30],
      [3, 2, 1, 35],
    ]);
    // [10,20,20]: P20 at h = 0.4 → 14, P50 20, P80 at h = 1.6 → 20; 2012 [10,20,25] → 14, 20, 23.
    const ct = hdf.byModality.CT as GroupTrendYear[];
    expect(ct.map((y) => band(y.figures['programmedOpening']))).toEqual([
      [3, 14, 20, 20],
      [3, 14, 20, 26],
      [3, 14, 20, 23],
    ]);
    expect(ct.map((y) => band(y.national?.['programmedOpening']))).toEqual([
      [5, 18, 20, 32],
      [5, 18, 30, 32],
      [5, 18, 25, 32],
    ]);
    expect(hdf.sinceLastYear.map(said)).toEqual(['machine-renamed:CT:CT-A2']);
  });

  it('a region that came in the last campaign, and one in none', () => {
    const bretagne = groupTrend(series, 'Bretagne') as GroupTrend;
    expect(Object.keys(bretagne.byModality)).toEqual(['MR']);
    expect(counts(bretagne.byModality.MR)).toEqual([
      [0, 0, 0, 0],
      [0, 0, 0, 0],
      [1, 1, 0, 1],
    ]);
    expect(bretagne.byModality.MR?.[0]?.figures['programmedOpening']).toBeNull();
    expect(groupTrend(series, 'Nowhere')).toBeNull();
  });

  it('a series of one campaign has no change', () => {
    const one = groupTrend(series.slice(0, 1), 'Hauts-de-France') as GroupTrend;
    expect(one.campaigns.map((c) => c.id)).toEqual(['y2010']);
    expect(one.changes).toEqual([]);
    expect(one.sinceLastYear).toEqual([]);
  });
});

describe('a site scope’s partial indexes', () => {
  it('follow its own machine with the stored bands and ranks, and hide groups under MIN_PEERS', () => {
    const t = machineTrend(partial, 'CT-A2') as MachineTrend;
    const opening = t.figures.find((f) => f.key === 'programmedOpening');
    expect(opening?.points.map((p) => [p.value, band(p.peers), p.peerCount, p.rank])).toEqual([
      [20, [5, 18, 20, 32], 5, 0.4],
      [30, [5, 18, 30, 32], 5, 0.6],
      [25, [5, 18, 25, 32], 5, 0.5],
    ]);
    expect(t.sinceLastYear.map((c) => c.kind).slice(0, 3)).toEqual([
      'machine-renamed',
      'lead',
      'lead',
    ]);
    // MR: one machine, then two: stored, never shown.
    const mr = machineTrend(partial, 'MR-1') as MachineTrend;
    expect(mr.figures[0]?.points.map((p) => [p.value, p.peers, p.peerCount, p.rank])).toEqual([
      [10, null, 1, null],
      [10, null, 1, null],
      [10, null, 2, null],
    ]);
    expect(machineTrend(partial, 'P3')).toBeNull();
  });

  it('count only its own machines, band the nation from the stored group, the region not (3 < MIN_PEERS)', () => {
    const nation = groupTrend(partial, null) as GroupTrend;
    expect(counts(nation.byModality.CT)).toEqual([
      [2, 1, 0, 15],
      [2, 1, 0, 20],
      [2, 1, 0, 25],
    ]);
    expect(nation.byModality.CT?.map((y) => band(y.figures['programmedOpening']))).toEqual([
      [5, 18, 20, 32],
      [5, 18, 30, 32],
      [5, 18, 25, 32],
    ]);
    expect(nation.byModality.MR?.map((y) => y.figures['programmedOpening'])).toEqual([
      null,
      null,
      null,
    ]);
    const hdf = groupTrend(partial, 'Hauts-de-France') as GroupTrend;
    expect(hdf.byModality.CT?.map((y) => y.figures['programmedOpening'])).toEqual([
      null,
      null,
      null,
    ]);
    expect(hdf.byModality.CT?.map((y) => band(y.national?.['programmedOpening']))).toEqual([
      [5, 18, 20, 32],
      [5, 18, 30, 32],
      [5, 18, 25, 32],
    ]);
    expect(groupTrend(partial, 'Île-de-France')).toBeNull();
  });
});
