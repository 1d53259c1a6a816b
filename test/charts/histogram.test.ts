import { describe, expect, it } from 'vitest';
import { histogramBins, histogramOption } from '../../src/charts/histogram.ts';
import { renderSvg } from '../../src/charts/render-svg.ts';

describe('histogramBins', () => {
  it('covers every finite value with nice, equal-width bins', () => {
    const bins = histogramBins([1, 2, 2, 3, 9, null, Number.NaN], 4);
    expect(bins[0]!.from).toBe(0);
    const widths = new Set(bins.map((b) => b.to - b.from));
    expect([...widths]).toEqual([2]);
    expect(bins.reduce((s, b) => s + b.count, 0)).toBe(5);
    expect(bins.map((b) => b.count)).toEqual([1, 3, 0, 0, 1]);
  });

  it('puts the maximum in the last bin and keeps edges free of float dust', () => {
    const bins = histogramBins([0.51, 0.6, 0.7, 0.55], 10);
    expect(bins.at(-1)!.to).toBeGreaterThan(0.7);
    for (const b of bins) expect(String(b.from).length).toBeLessThan(8);
    expect(bins.reduce((s, b) => s + b.count, 0)).toBe(4);
  });

  it('gives one bin around a single value and none without values', () => {
    const [only, ...rest] = histogramBins([5, 5], 10);
    expect(rest).toEqual([]);
    expect(only!.from).toBeLessThan(5);
    expect(only!.to).toBeGreaterThan(5);
    expect(only!.count).toBe(2);
    expect(histogramBins([null], 10)).toEqual([]);
  });
});

describe('histogramOption', () => {
  const option = histogramOption({
    label: 'ICR par heure',
    values: [120, 150, 160, 170, 200, null],
    quantiles: { n: 5, p20: 140, p50: 160, p80: 180 },
    reference: [130.4, 158.8, 191.1],
    unit: 'ICR/h',
    lang: 'fr',
  });
  const series = (
    option.series as {
      data: number[][];
      markArea: { data: unknown };
      markLine: { data: { xAxis: number }[] };
    }[]
  )[0]!;

  it('draws the bins as [from, to, count] data', () => {
    expect(series.data.reduce((s, d) => s + d[2]!, 0)).toBe(5);
    for (const d of series.data) expect(d[1]!).toBeGreaterThan(d[0]!);
  });

  it('marks the P20–P80 band, the median and the 2010 median', () => {
    expect(series.markArea.data).toEqual([[{ xAxis: 140 }, { xAxis: 180 }]]);
    expect(series.markLine.data.map((d) => d.xAxis)).toEqual([160, 158.8]);
  });

  it('describes itself for screen readers, in the chosen language', () => {
    const aria = option.aria as { label: { description: string } };
    expect(aria.label.description).toContain('ICR par heure');
    expect(aria.label.description).toContain('160\u202fICR/h');
  });

  it('renders to SVG without a DOM', () => {
    const svg = renderSvg(option, 600, 300);
    expect(svg.startsWith('<svg')).toBe(true);
    expect(svg).toContain('Médiane');
    expect(svg.match(/<path/g)!.length).toBeGreaterThan(5);
  });
});
