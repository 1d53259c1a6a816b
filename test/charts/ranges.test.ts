import { describe, expect, it } from 'vitest';
import { durationTicks, rangesOption } from '../../src/charts/ranges.ts';
import { renderSvg } from '../../src/charts/render-svg.ts';

const rows = [
  {
    label: 'A',
    series: 'Exams',
    quantiles: { n: 300, p20: 5, p50: 10, p80: 15.8 },
    reference: [5, 10, 15.8] as const,
  },
  { label: 'A', series: 'Machines', quantiles: { n: 20, p20: 8, p50: 10, p80: 12 } },
  {
    label: 'H',
    series: 'Exams',
    quantiles: { n: 100, p20: 7, p50: 12, p80: 20 },
    reference: [7.1, 12, 20] as const,
  },
  { label: 'H', series: 'Machines', quantiles: null },
  { label: 'R', series: 'Exams', quantiles: { n: 0, p20: null, p50: null, p80: null } },
];

describe('rangesOption', () => {
  const option = rangesOption({ title: 'Durations', rows, unit: 'min', lang: 'fr' });
  const series = option.series as { type: string; name: string; data: unknown[] }[];

  it('draws one custom series per series name, [p20, row, p50, p80, n], rows without quantiles left out', () => {
    expect(series.filter((s) => s.type === 'custom').map((s) => s.name)).toEqual([
      'Exams',
      'Machines',
    ]);
    expect(series[0]!.data).toEqual([
      [5, 0, 10, 15.8, 300],
      [7, 1, 12, 20, 100],
    ]);
    expect(series[1]!.data).toEqual([[8, 0, 10, 12, 20]]);
    expect((option.yAxis as { data: string[] }).data).toEqual(['A', 'H', 'R']);
  });

  it('adds the 2010 values once per row, the median larger', () => {
    const ref = series.find((s) => s.type === 'scatter')!;
    expect(ref.name).toBe('2010');
    expect(ref.data).toEqual([
      { value: [5, 0], symbolSize: 8 },
      { value: [10, 0], symbolSize: 12 },
      { value: [15.8, 0], symbolSize: 8 },
      { value: [7.1, 1], symbolSize: 8 },
      { value: [12, 1], symbolSize: 12 },
      { value: [20, 1], symbolSize: 8 },
    ]);
  });

  it('keeps values above the floor of a logarithmic axis and uses duration ticks', () => {
    const log = rangesOption({
      title: 'Report delays',
      rows: [{ label: 'U', series: 'Exams', quantiles: { n: 5, p20: 0, p50: 40, p80: 1650 } }],
      unit: 'min',
      lang: 'en',
      log: true,
    });
    const data = (log.series as { data: number[][] }[])[0]!.data;
    expect(data[0]![0]).toBe(10);
    const axis = log.xAxis as {
      type: string;
      min: number;
      max: number;
      axisLabel: { customValues: number[] };
    };
    expect(axis).toMatchObject({ type: 'log', min: 10, max: 4320 });
    expect(axis.axisLabel.customValues).toEqual([10, 30, 60, 180, 720, 1440, 4320]);
    expect(renderSvg(log, 500, 200)).toContain('<svg');
  });

  it('renders to SVG', () => {
    expect(renderSvg(option, 600, 300)).toContain('<svg');
  });
});

describe('durationTicks', () => {
  it('gives readable minute marks within the range', () => {
    expect(durationTicks(10, 1440)).toEqual([10, 30, 60, 180, 720, 1440]);
    expect(durationTicks(100, 150)).toEqual([]);
  });
});
