// Charts of small groups (one machine, a few, none kept for occupancy): axes whose ticks never
// read the same twice, bars that stay visible beside a far 2010 median, and a sentence saying
// why a chart is empty instead of bare axes.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bubbleEmptyText, bubbleOption } from '../../src/charts/bubble.ts';
import type { AxisScale } from '../../src/charts/common.ts';
import { decimalsOf, niceScale, tickLabel, wrapText } from '../../src/charts/common.ts';
import { histogramLayout, histogramOption } from '../../src/charts/histogram.ts';
import { positionOption } from '../../src/charts/position.ts';
import { rangesOption } from '../../src/charts/ranges.ts';
import { renderSvg } from '../../src/charts/render-svg.ts';
import type { FigureUnit } from '../../src/i18n/format.ts';
import type { Lang } from '../../src/i18n/lang.ts';
import { point } from './points.ts';

/** The ticks of a scale, as the axis draws them. */
function ticks(scale: AxisScale): number[] {
  const out: number[] = [];
  const steps = Math.round((scale.max - scale.min) / scale.interval);
  for (let i = 0; i <= steps; i++) out.push(scale.min + i * scale.interval);
  return out;
}

interface AxisOption {
  show?: boolean;
  min: number;
  max: number;
  interval: number;
  axisLabel: { formatter: (v: number) => string };
}

/** The tick labels an option's value axis writes. */
function labelsOf(axis: AxisOption): string[] {
  const scale = { min: axis.min, max: axis.max, interval: axis.interval, decimals: 0 };
  return ticks(scale).map((v) => axis.axisLabel.formatter(v));
}

const graphicTexts = (option: object): string[] =>
  ((option as { graphic?: { style: { text: string } }[] }).graphic ?? []).map((g) =>
    g.style.text.replace(/\n/g, ' '),
  );

describe('niceScale and tickLabel', () => {
  it('fits tight groups with ticks that read apart', () => {
    expect(niceScale([1.25, 1.33])).toEqual({ min: 1.24, max: 1.34, interval: 0.02, decimals: 2 });
    expect(niceScale([3, 47], { zero: true })).toEqual({
      min: 0,
      max: 50,
      interval: 10,
      decimals: 0,
    });
    expect(decimalsOf(2.5)).toBe(1);
    expect(decimalsOf(0.025)).toBe(3);
  });

  it('gives a single value an interval on each side', () => {
    const scale = niceScale([3.8]);
    expect(scale.min).toBeLessThan(3.8);
    expect(scale.max).toBeGreaterThan(3.8);
    expect(niceScale([0], { zero: true }).min).toBe(0);
  });

  it('never writes two ticks alike, whatever the values, unit and language', () => {
    const units: FigureUnit[] = ['h/week', 'fraction', 'ICR/h', 'exams/week', 'days'];
    fc.assert(
      fc.property(
        // Figures as stored: at most three decimals (0.1 h/week, 0.1 % of a fraction).
        fc.array(fc.integer({ min: 0, max: 500_000 }), { minLength: 1, maxLength: 6 }),
        fc.constantFrom(...units),
        fc.constantFrom<Lang>('fr', 'en'),
        (values, unit, lang) => {
          const scaled = values.map((v) => (unit === 'fraction' ? v / 500_000 : v / 1000));
          const scale = niceScale(scaled);
          const labels = ticks(scale).map((v) => tickLabel(v, unit, scale, lang));
          expect(new Set(labels).size).toBe(labels.length);
          for (const v of scaled) {
            expect(v).toBeGreaterThanOrEqual(scale.min - 1e-9);
            expect(v).toBeLessThanOrEqual(scale.max + 1e-9);
          }
        },
      ),
    );
  });
});

describe('wrapText', () => {
  it('breaks at spaces into lines of at most the width, keeping every word', () => {
    const text =
      'Aucune machine retenue pour l’occupation : la machine de la sélection n’a pas 95 %';
    const lines = wrapText(text, 20).split('\n');
    expect(lines.every((l) => l.length <= 20)).toBe(true);
    expect(lines.join(' ')).toBe(text);
    expect(wrapText('incompréhensiblement long', 5)).toBe('incompréhensiblement\nlong');
  });
});

describe('a histogram of one or few machines', () => {
  it('writes distinct ticks for a lone value (no "1,2 1,2 1,3")', () => {
    for (const value of [1.3, 3.98, 0.27, 4]) {
      const option = histogramOption({
        label: 'Ouverture élargie',
        values: [value],
        quantiles: { n: 1, p20: value, p50: value, p80: value },
        unit: 'h/week',
        lang: 'fr',
      });
      const labels = labelsOf(option.xAxis as AxisOption);
      expect(new Set(labels).size, `${value}: ${labels.join(' ')}`).toBe(labels.length);
    }
  });

  it('keeps the bar visible beside a far 2010 median, on an axis holding both', () => {
    const input = {
      label: 'Ouverture au programmé',
      values: [1.3],
      quantiles: { n: 1, p20: 1.3, p50: 1.3, p80: 1.3 },
      reference: [37.4, 47, 56.2] as const,
      unit: 'h/week' as const,
      lang: 'fr' as const,
    };
    const option = histogramOption(input);
    const axis = option.xAxis as AxisOption;
    expect(axis.min).toBeLessThanOrEqual(1.3);
    expect(axis.max).toBeGreaterThanOrEqual(47);
    const [bin] = (option.series as { data: number[][] }[])[0]!.data;
    expect(bin![2]).toBe(1);
    // The bar is a twentieth of the axis or so, not a hairline.
    expect((bin![1]! - bin![0]!) / (axis.max - axis.min)).toBeGreaterThan(1 / 30);
    // The table under the chart lists the same bins.
    expect(histogramLayout(input.values, input).bins.map((b) => [b.from, b.to, b.count])).toEqual(
      (option.series as { data: number[][] }[])[0]!.data,
    );
  });

  it('names the band above the plot instead of writing inside it', () => {
    const option = histogramOption({
      label: 'ICR',
      values: [120, 150, 160],
      quantiles: { n: 3, p20: 130, p50: 150, p80: 158 },
      unit: 'ICR/h',
      lang: 'en',
    });
    const series = (option.series as { markArea: { label: { show: boolean } } }[])[0]!;
    expect(series.markArea.label.show).toBe(false);
    expect((option.title as { text: string }).text).toContain('{b|P20–P80}');
  });

  it('says why it is empty instead of drawing bare axes', () => {
    const option = histogramOption({
      label: 'Occupancy',
      values: [],
      quantiles: { n: 0, p20: null, p50: null, p80: null },
      reference: [0.508, 0.606, 0.702],
      unit: 'fraction',
      lang: 'en',
      emptyText: 'No machine kept for occupancy.',
    });
    expect(graphicTexts(option)).toEqual(['No machine kept for occupancy.']);
    expect((option.xAxis as AxisOption).show).toBe(false);
    expect(renderSvg(option, 400, 220)).toContain('No machine kept for occupancy.');
    const fallback = histogramOption({
      label: 'x',
      values: [null],
      quantiles: null,
      unit: 'ICR/h',
      lang: 'fr',
    });
    expect(graphicTexts(fallback)).toEqual([
      'Pas de données pour cet indicateur dans la sélection.',
    ]);
  });
});

describe('bubble charts with no machine kept for occupancy', () => {
  const excluded = [
    point('A', { programmedOpening: 1.3, occupancyProgrammed: 0.05 }, { occupancyIncluded: false }),
  ];

  it('say that no machine passes the inclusion rule', () => {
    const option = bubbleOption({ points: excluded, mode: 'programmed', lang: 'fr' });
    const [text] = graphicTexts(option);
    expect(text).toContain('Aucune machine retenue pour l’occupation');
    expect(text).toContain('la machine de la sélection n’a pas 95');
    expect((option.xAxis as AxisOption).show).toBe(false);
    expect((option.yAxis as AxisOption).show).toBe(false);
    expect(bubbleEmptyText([...excluded, ...excluded], 'programmed', 'en')).toContain(
      'none of the 2 selected machines has',
    );
  });

  it('draw no message when there are bubbles, on an axis with distinct ticks', () => {
    const kept = [point('B', { programmedOpening: 42.3, occupancyProgrammed: 0.557 })];
    const option = bubbleOption({
      points: kept,
      mode: 'programmed',
      lang: 'fr',
      medians: { opening: 42.3, occupancy: 0.557 },
    });
    expect(graphicTexts(option)).toEqual([]);
    expect(bubbleEmptyText(kept, 'programmed', 'fr')).toBeNull();
    for (const axis of [option.xAxis, option.yAxis] as AxisOption[]) {
      const labels = labelsOf(axis);
      expect(new Set(labels).size, labels.join(' ')).toBe(labels.length);
    }
  });
});

describe('the position chart', () => {
  it('names P20, the median and P80 on an axis above the plot, not over the dots', () => {
    const option = positionOption({
      lang: 'fr',
      figures: [
        {
          key: 'programmedOpening',
          unit: 'h/week',
          value: 45.8,
          peers: { n: 326, p20: 37.4, p50: 46.8, p80: 55.8 },
          rank: 0.46,
        },
      ],
    });
    const [bottom, top] = option.xAxis as {
      position?: string;
      axisLabel: { customValues?: number[]; formatter?: (v: number) => string };
    }[];
    expect(bottom!.position).toBeUndefined();
    expect(top!.position).toBe('top');
    expect(top!.axisLabel.customValues).toEqual([20, 50, 80]);
    expect([20, 50, 80].map((v) => top!.axisLabel.formatter!(v))).toEqual([
      'P20',
      'Médiane',
      'P80',
    ]);
    const series = (option.series as { markArea: { label: { show: boolean } } }[])[0]!;
    expect(series.markArea.label.show).toBe(false);
  });
});

describe('ranges with nothing to draw', () => {
  it('say so', () => {
    const option = rangesOption({
      title: 'Delays',
      rows: [{ label: 'A', series: 'Survey', quantiles: null }],
      unit: 'days',
      lang: 'en',
    });
    expect(graphicTexts(option)).toEqual(['No data for this figure in the selection.']);
  });

  it('write distinct ticks on a short linear axis', () => {
    const option = rangesOption({
      title: 'Delays',
      rows: [{ label: 'A', series: 'Survey', quantiles: { n: 1, p20: 0.2, p50: 0.25, p80: 0.3 } }],
      unit: 'days',
      lang: 'fr',
    });
    const labels = labelsOf(option.xAxis as AxisOption);
    expect(new Set(labels).size, labels.join(' ')).toBe(labels.length);
  });
});
