import { describe, expect, it } from 'vitest';
import { openingRows, openingsOption } from '../../src/charts/openings.ts';
import { renderSvg } from '../../src/charts/render-svg.ts';
import { point } from './points.ts';

const points = [
  point('A', { programmedOpening: 47, extendedOpening: 53, totalOpening: 168 }),
  point('B', { programmedOpening: 20, extendedOpening: 168, totalOpening: 168 }),
  point('C', { programmedOpening: 60, extendedOpening: 60, totalOpening: 60 }),
  point('D', { programmedOpening: null, extendedOpening: 10, totalOpening: 10 }),
];

describe('openingRows', () => {
  it('sorts machines by extended, then total, then programmed opening, leaving out incomplete ones', () => {
    expect(openingRows(points).map((r) => r.equipmentId)).toEqual(['B', 'C', 'A']);
  });
});

describe('openingsOption', () => {
  const option = openingsOption({ points, lang: 'en' });
  const series = option.series as { name: string; stack: string; data: number[] }[];

  it('stacks programmed, what extended adds and what total adds, summing to the total opening', () => {
    expect(series.map((s) => s.name)).toEqual([
      'Programmed sessions',
      'Extended sessions (added)',
      'Total sessions (added)',
    ]);
    expect(new Set(series.map((s) => s.stack)).size).toBe(1);
    expect(series[0]!.data).toEqual([20, 60, 47]);
    expect(series[1]!.data).toEqual([148, 0, 6]);
    expect(series[2]!.data).toEqual([0, 0, 115]);
    const totals = [0, 1, 2].map((i) => series.reduce((s, x) => s + x.data[i]!, 0));
    expect(totals).toEqual([168, 60, 168]);
  });

  it('draws on 168 hours, the machines as categories in the sorted order', () => {
    expect(option.yAxis).toMatchObject({ min: 0, max: 168, interval: 24 });
    expect((option.xAxis as { data: string[] }).data).toEqual(['B', 'C', 'A']);
    expect(renderSvg(option, 600, 300)).toContain('<svg');
  });
});
