import { describe, expect, it } from 'vitest';
import { renderSvg } from '../../src/charts/render-svg.ts';
import {
  groupTrendSmallMultiple,
  trendCampaignLabels,
  trendSmallMultiple,
} from '../../src/charts/trends.ts';
import type { FigureTrend, GroupTrendYear } from '../../src/core/trends/types.ts';
import type { CampaignRef } from '../../src/core/views/types.ts';

const ref = (id: string, name: string, start: string): CampaignRef => ({
  id,
  name,
  start,
  days: 7,
  timeZone: 'Europe/Paris',
});
const campaigns = [
  ref('a', 'Campagne 2010', '2010-03-08'),
  ref('b', 'Campagne 2011', '2011-03-07'),
  ref('c', 'Campagne 2012', '2012-03-05'),
];

type AnySeries = { type: string; name: string; data: unknown[]; lineStyle?: { type: string } };
const seriesOf = (option: unknown): AnySeries[] => (option as { series: AnySeries[] }).series;

const figure: FigureTrend = {
  key: 'programmedOpening',
  unit: 'h/week',
  points: [
    {
      campaignId: 'a',
      value: 50,
      peers: { n: 12, p20: 40, p50: 55, p80: 60 },
      peerCount: 12,
      rank: 0.3,
    },
    { campaignId: 'b', value: null, peers: null, peerCount: 0, rank: null },
    {
      campaignId: 'c',
      value: 62.5,
      peers: { n: 14, p20: 45, p50: 57, p80: 65 },
      peerCount: 14,
      rank: 0.7,
    },
  ],
};

describe('trendCampaignLabels', () => {
  it('writes the start year, or the name when two campaigns share a year', () => {
    expect(trendCampaignLabels(campaigns)).toEqual(['2010', '2011', '2012']);
    expect(
      trendCampaignLabels([
        ref('x', 'Printemps', '2011-03-07'),
        ref('y', 'Automne', '2011-10-03'),
        campaigns[2]!,
      ]),
    ).toEqual(['Printemps', 'Automne', '2012']);
  });
});

describe('trendSmallMultiple', () => {
  it('draws the inputs: values with a gap, the peers’ band and dashed median, labels on x', () => {
    const option = trendSmallMultiple(figure, campaigns, 'fr');
    const [band, median, value] = seriesOf(option);
    expect(value?.type).toBe('line');
    expect(value?.data).toEqual([50, null, 62.5]);
    expect(median?.data).toEqual([55, null, 57]);
    expect(median?.lineStyle?.type).toBe('dashed');
    expect(band?.data).toEqual([
      [0, 40, 60],
      [2, 45, 65],
    ]);
    expect((option.xAxis as { data: string[] }).data).toEqual(['2010', '2011', '2012']);
    expect((option.yAxis as { name: string }).name).toBe('h/sem');
    const y = option.yAxis as { min: number; max: number };
    expect(y.min).toBe(0);
    expect(y.max).toBeGreaterThanOrEqual(65);
  });

  it('matches points to campaigns by id and renders to SVG', () => {
    const shuffled = {
      ...figure,
      points: [figure.points[2]!, figure.points[0]!, figure.points[1]!],
    };
    expect(seriesOf(trendSmallMultiple(shuffled, campaigns, 'en'))[2]?.data).toEqual([
      50,
      null,
      62.5,
    ]);
    const svg = renderSvg(trendSmallMultiple(figure, campaigns, 'en'), 300, 190);
    expect(svg).toContain('<svg');
    expect(svg).toContain('Programmed opening'.slice(0, 4));
    expect(svg).toContain('2012');
  });
});

describe('groupTrendSmallMultiple', () => {
  const year = (
    campaignId: string,
    q: [number, number, number] | null,
    nation: [number, number, number] | null,
  ): GroupTrendYear => ({
    campaignId,
    machines: 10,
    sites: 5,
    bundleSites: 0,
    exams: 1000,
    figures: { icrPerHour: q ? { n: 10, p20: q[0], p50: q[1], p80: q[2] } : null },
    national: nation
      ? { icrPerHour: { n: 100, p20: nation[0], p50: nation[1], p80: nation[2] } }
      : null,
  });

  it('a region: its band and median, and the nation’s median dashed', () => {
    const years = [
      year('a', [1, 1.5, 2], [1.1, 1.6, 2.1]),
      year('b', [1.2, 1.7, 2.2], [1.1, 1.8, 2.1]),
      year('c', null, [1, 1.9, 2]),
    ];
    const series = seriesOf(
      groupTrendSmallMultiple({ key: 'icrPerHour', years, campaigns, lang: 'fr' }),
    );
    expect(series.map((s) => s.type)).toEqual(['custom', 'line', 'line']);
    expect(series[0]?.data).toEqual([
      [0, 1, 2],
      [1, 1.2, 2.2],
    ]);
    expect(series[1]?.data).toEqual([1.5, 1.7, null]);
    expect(series[2]?.data).toEqual([1.6, 1.8, 1.9]);
    expect(series[2]?.lineStyle?.type).toBe('dashed');
  });

  it('the nation: no national line', () => {
    const years = [year('a', [1, 1.5, 2], null), year('c', [1.2, 1.7, 2.2], null)];
    const option = groupTrendSmallMultiple({ key: 'icrPerHour', years, campaigns, lang: 'en' });
    const series = seriesOf(option);
    expect(series).toHaveLength(2);
    expect(series[1]?.data).toEqual([1.5, null, 1.7]);
    expect((option.yAxis as { name: string }).name).toBe('ICR/h');
    expect(renderSvg(option, 300, 190)).toContain('<svg');
  });
});
