// THE done-when test of issue 16: a machine followed over three campaigns (trend-kits.ts), every
// value, band, rank, lead verdict and change checked against the hand computation written beside it.
import { describe, expect, it } from 'vitest';
import { MACHINE_FIGURES } from '../../../src/core/benchmark.ts';
import type { FigureTrend, MachineTrend, TrendChange } from '../../../src/core/trends/index.ts';
import { machineTrend } from '../../../src/core/trends/index.ts';
import { leadVerdict } from '../../../src/core/trends/lead-follow-up.ts';
import { fullSeries, S1 } from './trend-kits.ts';

const series = fullSeries();
const trend = machineTrend(series, 'CT-A2') as MachineTrend;
const figure = (t: MachineTrend, key: string): FigureTrend =>
  t.figures.find((f) => f.key === key) as FigureTrend;
const values = (t: MachineTrend, key: string) => figure(t, key).points.map((p) => p.value);
const ranks = (t: MachineTrend, key: string) => figure(t, key).points.map((p) => p.rank);
const bands = (t: MachineTrend, key: string) =>
  figure(t, key).points.map((p) => p.peers && [p.peers.p20, p.peers.p50, p.peers.p80]);
const said = (c: TrendChange): string =>
  `${c.kind}:${c.figure ?? c.lead ?? c.previousEquipmentId ?? ''}`;

describe('a machine followed over three campaigns (hand-checked)', () => {
  it('follows CT-A2 back through its previous id CT-A', () => {
    expect(trend.campaigns.map((c) => c.id)).toEqual(['y2010', 'y2011', 'y2012']);
    expect(trend).toMatchObject({
      equipmentId: 'CT-A2',
      finess: S1,
      establishment: 'Hôpital Un',
      modality: 'CT',
    });
    expect(trend.links.map((l) => [l.equipmentId, l.link, l.installedYear, l.origin])).toEqual([
      ['CT-A', 'same-id', 2005, 'raw'],
      ['CT-A', 'mapped', 2005, 'raw'],
      ['CT-A2', 'same-id', 2005, 'raw'],
    ]);
    expect(trend.figures.map((f) => f.key)).toEqual(MACHINE_FIGURES.map((f) => f.key));
  });

  it('gives each year’s value, the five CT’s P20/P50/P80 (type 7) and the stored rank', () => {
    // Programmed opening: 5 days × 4 h, 6 h, 5 h. Peers 10, 20, 30, 40 h/week.
    expect(values(trend, 'programmedOpening')).toEqual([20, 30, 25]);
    expect(values(trend, 'totalOpening')).toEqual([20, 30, 25]);
    // Sorted [10,20,20,30,40]: P20 at h = 0.8 → 10 + 0.8 × 10 = 18, P50 = 20, P80 at h = 3.2 → 30 + 0.2 × 10 = 32;
    // 2011 [10,20,30,30,40] → 18, 30, 32; 2012 [10,20,25,30,40] → 18, 25, 32.
    expect(bands(trend, 'programmedOpening')).toEqual([
      [18, 20, 32],
      [18, 30, 32],
      [18, 25, 32],
    ]);
    // Rank = (below + equal / 2) / 5: 2010 (1 + 1) / 5, 2011 (2 + 1) / 5, 2012 (2 + 0.5) / 5.
    expect(ranks(trend, 'programmedOpening')).toEqual([0.4, 0.6, 0.5]);
    expect(figure(trend, 'programmedOpening').points.map((p) => p.peerCount)).toEqual([5, 5, 5]);
    // Passages: 2, 3, 4 exams a day; peers 5, 10, 15, 20.
    expect(values(trend, 'passagesPerWeek')).toEqual([10, 15, 20]);
    // [5,10,10,15,20] → 9, 10, 16; [5,10,15,15,20] → 9, 15, 16; [5,10,15,20,20] → 9, 15, 20.
    expect(bands(trend, 'passagesPerWeek')).toEqual([
      [9, 10, 16],
      [9, 15, 16],
      [9, 15, 20],
    ]);
    expect(ranks(trend, 'passagesPerWeek')).toEqual([0.4, 0.6, 0.8]);
    // Occupancy 1/4, 1.5/6, 2/5 (every peer 0.25); ICR/h 200/4, 300/6, 600/5.
    expect(values(trend, 'occupancyProgrammed')).toEqual([0.25, 0.25, 0.4]);
    // A machine counts among its peers: 0.4 above four 0.25 → (4 + 1/2) / 5.
    expect(ranks(trend, 'occupancyProgrammed')).toEqual([0.5, 0.5, 0.9]);
    expect(values(trend, 'icrPerHour')).toEqual([50, 50, 120]);
    expect(values(trend, 'durationMedianA')).toEqual([30, 30, 30]);
    expect(values(trend, 'reportDelayMedian_outpatient')).toEqual([null, null, null]);
  });

  it('says whether each lead of the year before was acted on', () => {
    const hours = (key: string) =>
      trend.leads
        .filter((l) => l.key === key)
        .map((l) => [l.before?.hoursPerWeek, l.after?.hoursPerWeek, l.verdict]);
    // Late start 60, 30, 60 min a day × 5: 5 → 2.5 h (ratio 0.5, acted), 2.5 → 5 (worse).
    expect(hours('lateStartMinutes')).toEqual([
      [5, 2.5, 'acted'],
      [2.5, 5, 'worse'],
    ]);
    // Early end 12:00−10:00, 14:00−10:00, 13:00−11:00: 10 → 20 h (worse), 20 → 10 (acted).
    expect(hours('earlyEndMinutes')).toEqual([
      [10, 20, 'worse'],
      [20, 10, 'acted'],
    ]);
    // Exams back to back: no gap (no-lead); no booked duration: overrun unknown.
    expect(hours('turnoverGapMinutes')).toEqual([
      [0, 0, 'no-lead'],
      [0, 0, 'no-lead'],
    ]);
    expect(trend.leads.filter((l) => l.key === 'overrunMinutes').map((l) => l.verdict)).toEqual([
      'unknown',
      'unknown',
    ]);
    expect(trend.leads.map((l) => `${l.from}>${l.to}`)).toEqual([
      ...Array(4).fill('y2010>y2011'),
      ...Array(4).fill('y2011>y2012'),
    ]);
  });

  it('lists the changes step by step and what is notable', () => {
    const first = trend.changes.filter((c) => c.to === 'y2011');
    // Openings 20 → 30 (+50 %, rank 0.4 → 0.6), passages 10 → 15; occupancy, ICR/h unchanged.
    expect(first.map(said)).toEqual([
      'lead:lateStartMinutes',
      'lead:earlyEndMinutes',
      'figure:programmedOpening',
      'figure:extendedOpening',
      'figure:totalOpening',
      'figure:passagesPerWeek',
    ]);
    expect(first.every((c) => c.notable)).toBe(true);
    const passages = first.find((c) => c.figure === 'passagesPerWeek');
    expect(passages).toMatchObject({
      before: 10,
      after: 15,
      rankBefore: 0.4,
      rankAfter: 0.6,
      equipmentId: 'CT-A',
      from: 'y2010',
    });
  });

  it('orders since last year: events, leads by hours moved, figures by relative change', () => {
    // Renamed (same installation year); early end moved 10 h, late start 2.5 h; ICR/h +140 %,
    // occupancy +60 % (both kinds), passages +33 %, openings −16.7 % (ties keep the figures' order).
    expect(trend.sinceLastYear.map(said)).toEqual([
      'machine-renamed:CT-A',
      'lead:earlyEndMinutes',
      'lead:lateStartMinutes',
      'figure:icrPerHour',
      'figure:occupancyProgrammed',
      'figure:occupancyProgrammedPlusEmergency',
      'figure:passagesPerWeek',
      'figure:programmedOpening',
      'figure:extendedOpening',
      'figure:totalOpening',
    ]);
    expect(trend.sinceLastYear[1]).toMatchObject({ verdict: 'acted', before: 20, after: 10 });
    expect(trend.sinceLastYear[2]).toMatchObject({ verdict: 'worse', before: 2.5, after: 5 });
    expect(trend.sinceLastYear[0]).toMatchObject({
      from: 'y2011',
      to: 'y2012',
      equipmentId: 'CT-A2',
      notable: true,
    });
  });
});

describe('machines mapped across campaigns', () => {
  it('a machine replaced (previous_id, another installation year) is followed and said replaced', () => {
    const t = machineTrend(series, 'P2-NEW') as MachineTrend;
    expect(t.links.map((l) => [l.equipmentId, l.link, l.installedYear])).toEqual([
      ['P2', 'mapped', 2001],
      ['P2-NEW', 'same-id', 2011],
      ['P2-NEW', 'same-id', 2011],
    ]);
    expect(t.changes.filter((c) => c.kind !== 'figure').map(said)).toEqual(['machine-replaced:P2']);
    // Same sessions and exams: same figures; only its ranks move as CT-A moves (no notable one):
    // 20 h among [10,20,20,30,40] → 0.4, among [10,20,30,30,40] → (1 + 1/2) / 5 = 0.3.
    expect(values(t, 'passagesPerWeek')).toEqual([10, 10, 10]);
    const figures = t.changes.filter((c) => c.kind === 'figure');
    expect(figures.every((c) => c.before === c.after && !c.notable)).toBe(true);
    expect(figures.find((c) => c.figure === 'programmedOpening')).toMatchObject({
      from: 'y2010',
      rankBefore: 0.4,
      rankAfter: 0.3,
    });
    // 2012: site 2 came as a bundle.
    expect(t.links.map((l) => l.origin)).toEqual(['raw', 'raw', 'bundle']);
    expect(t.sinceLastYear).toEqual([]);
  });

  it('a machine no longer in the last campaign has no trend of its own', () => {
    expect(machineTrend(series, 'P4')).toBeNull();
    expect(machineTrend(series, 'CT-A')).toBeNull();
  });

  it('a series of one campaign has no change and an empty since last year', () => {
    const t = machineTrend(series.slice(2), 'CT-A2') as MachineTrend;
    expect(t.links.map((l) => l.link)).toEqual(['same-id']);
    expect(values(t, 'programmedOpening')).toEqual([25]);
    expect(t.leads).toEqual([]);
    expect(t.changes).toEqual([]);
    expect(t.sinceLastYear).toEqual([]);
  });
});

describe('lead verdicts', () => {
  const lead = (hoursPerWeek: number) => ({ n: 5, p50: 10, p80: 20, hoursPerWeek });
  it('follows the thresholds of LeadVerdict', () => {
    expect(leadVerdict(lead(2), lead(1))).toBe('acted');
    expect(leadVerdict(lead(2), lead(1.6))).toBe('partly');
    expect(leadVerdict(lead(2), lead(2.4))).toBe('unchanged');
    expect(leadVerdict(lead(2), lead(2.41))).toBe('worse');
    expect(leadVerdict(lead(0.4), lead(0.49))).toBe('no-lead');
    expect(leadVerdict(lead(0.4), lead(0.5))).toBe('new-lead');
    expect(leadVerdict(null, lead(3))).toBe('unknown');
    expect(leadVerdict(lead(3), null)).toBe('unknown');
  });
});
