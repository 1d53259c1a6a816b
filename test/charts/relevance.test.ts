// The relevance chart and the on-call map options: the peers' band, median and the site's dot
// where the shares put them (values by hand), the flagged dot in vermillion; the map keeps the
// boundaries' attribution and names PDS exams per week in its tooltip.
import { describe, expect, it } from 'vitest';
import { formatExamsPerWeek, oncallMapOption } from '../../src/charts/oncall.ts';
import { relevanceOption } from '../../src/charts/relevance.ts';

type Series = { data: unknown[]; name?: string; itemStyle?: { color?: unknown } };

describe('the relevance chart', () => {
  const option = relevanceOption({
    lang: 'fr',
    rows: [
      {
        scope: 'all',
        share: 0.62,
        rank: 0.85,
        flagged: true,
        peers: { n: 40, p20: 0.3, p50: 0.45, p80: 0.6 },
      },
      {
        scope: 'scheduled',
        share: 0.4,
        rank: 0.5,
        flagged: false,
        peers: { n: 40, p20: 0.2, p50: 0.4, p80: 0.55 },
      },
      {
        scope: 'emergency',
        share: null,
        rank: null,
        flagged: false,
        peers: { n: 0, p20: null, p50: null, p80: null },
      },
    ],
  });
  const series = option.series as Series[];

  it('stacks the P20–P80 band on a transparent bar to P20, in percent', () => {
    expect(series[0]!.data).toEqual([30, 20, null]);
    expect(series[1]!.data).toEqual([30, 35, null]);
    expect(series[2]!.data).toEqual([
      [45, 0],
      [40, 1],
      [null, 2],
    ]);
  });

  it('puts the site’s dot at its share, vermillion when flagged', () => {
    expect(series[3]!.data).toEqual([
      [62, 0],
      [40, 1],
      [null, 2],
    ]);
    const color = series[3]!.itemStyle!.color as (p: { dataIndex: number }) => string;
    expect(color({ dataIndex: 0 })).toBe('#D55E00');
    expect(color({ dataIndex: 1 })).toBe('#0072B2');
    expect((option.yAxis as { data: string[] }).data).toEqual([
      'Tous les examens',
      'Programmés (A, H, R)',
      'Urgences (U)',
    ]);
  });
});

describe('the on-call map', () => {
  const option = oncallMapOption({
    lang: 'en',
    values: [
      { code: '59', name: 'Nord', value: 12.25 },
      { code: '62', name: 'Pas-de-Calais', value: null },
      { code: '75', name: 'Paris', value: 99 },
    ],
    focus: ['59', '62'],
    attribution: 'IGN Admin Express',
  });

  it('names its figure, keeps the attribution and leaves the départements outside the focus pale', () => {
    const series = option.series as Series[];
    expect(series[0]!.name).toBe('Out-of-hours exams a week');
    const graphic = JSON.stringify(option.graphic);
    expect(graphic).toContain('© IGN Admin Express');
    // Paris is outside the focus: no value, no id to follow.
    expect(series[0]!.data).toContainEqual({ name: '75', value: Number.NaN });
    const tip = (option.tooltip as { formatter: (p: unknown) => string }).formatter({
      seriesType: 'map',
      name: '59',
    });
    expect(tip).toBe('<b>Nord</b> (59)<br>Out-of-hours exams a week<br><b>12.3</b>');
    expect(formatExamsPerWeek(null, 'fr')).toBe('—');
  });
});
