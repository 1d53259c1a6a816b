import { describe, expect, it } from 'vitest';
import { positionOption, positionRows } from '../../src/charts/position.ts';
import { renderSvg } from '../../src/charts/render-svg.ts';
import type { FigureComparison } from '../../src/core/views/types.ts';

const figures: FigureComparison[] = [
  {
    key: 'programmedOpening',
    unit: 'h/week',
    value: 58.3,
    peers: { n: 326, p20: 37.4, p50: 47, p80: 56.2 },
    rank: 0.866,
  },
  {
    key: 'occupancyProgrammed',
    unit: 'fraction',
    value: 0.707,
    peers: { n: 316, p20: 0.508, p50: 0.606, p80: 0.702 },
    rank: 0.8,
  },
  {
    key: 'icrPerHour',
    unit: 'ICR/h',
    value: null,
    peers: { n: 316, p20: 130, p50: 158, p80: 191 },
    rank: null,
  },
];

describe('positionRows', () => {
  it('places each figure at its percentile rank, with its value in its unit', () => {
    expect(positionRows(figures, 'fr')).toEqual([
      {
        key: 'programmedOpening',
        label: 'Ouverture au programmé',
        valueText: '58,3\u202fh/sem',
        percentile: 86.6,
      },
      {
        key: 'occupancyProgrammed',
        label: 'Taux d’occupation (programmé)',
        valueText: '70,7\u202f%',
        percentile: 80,
      },
      { key: 'icrPerHour', label: 'ICR par heure', valueText: '—', percentile: null },
    ]);
  });
});

describe('positionOption', () => {
  const option = positionOption({ figures, lang: 'en' });
  const series = (
    option.series as {
      data: (number | null)[][];
      markArea: { data: unknown };
      markLine: { data: unknown };
    }[]
  )[0]!;

  it('draws dots [percentile, row] over the 20–80 band and the median at 50', () => {
    expect(series.data).toEqual([
      [86.6, 0],
      [80, 1],
      [null, 2],
    ]);
    expect(series.markArea.data).toEqual([[{ xAxis: 20 }, { xAxis: 80 }]]);
    expect(series.markLine.data).toEqual([{ xAxis: 50 }]);
    expect((option.yAxis as { data: string[] }).data).toEqual([
      'Programmed opening',
      'Occupancy (programmed)',
      'ICR per hour',
    ]);
  });

  it('renders to SVG', () => {
    expect(renderSvg(option, 700, 200)).toContain('Programmed opening');
  });
});
