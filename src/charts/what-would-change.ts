/**
 * "What would change": a few figures of a simulated machine, status quo beside each scenario, as
 * small panels side by side, each value a dot on its 95 % interval (a whisker with caps). Each
 * panel has its own value axis fitted to its intervals (not from zero: the differences are the
 * point). Words and number formats come in with the input, so the builder stays a pure function.
 */
import type { CustomSeriesRenderItem, EChartsOption } from 'echarts';
import { baseOption, CATEGORY_AXIS_STYLE, niceScale, VALUE_AXIS_STYLE } from './common.ts';
import { INK, OKABE_ITO } from './palette.ts';

/** A mean and its 95 % interval. */
export interface IntervalPoint {
  mean: number;
  low: number;
  high: number;
}

/** One panel: a figure, one value per series (null when the figure cannot be computed). */
export interface WhatIfPanel {
  /** The figure and its unit, e.g. "Passages par semaine". */
  title: string;
  /** One per series of `WhatIfChartInput.series`, in the same order. */
  values: readonly (IntervalPoint | null)[];
  /** Writes a tick of the value axis. */
  format: (value: number) => string;
}

/** What `whatWouldChangeOption` draws. */
export interface WhatIfChartInput {
  /** The ARIA description of the chart. */
  description: string;
  /** The status quo first, then each scenario: `name` for the legend, `short` under the panels. */
  series: readonly { name: string; short: string }[];
  panels: readonly WhatIfPanel[];
}

/** The status quo in grey, then the scenarios in Okabe–Ito hues. */
export const WHAT_IF_COLORS = [
  INK.muted,
  OKABE_ITO.blue,
  OKABE_ITO.orange,
  OKABE_ITO.green,
  OKABE_ITO.purple,
] as const;

const colorOf = (i: number): string => WHAT_IF_COLORS[i % WHAT_IF_COLORS.length] ?? INK.muted;

/** Draws one dot on its interval: data `[seriesIndex, mean, low, high]`. */
const whisker =
  (color: string): CustomSeriesRenderItem =>
  (_params, api) => {
    const x = Number(api.value(0));
    const [cx = 0, cy = 0] = api.coord([x, api.value(1)]);
    const [, yLow = 0] = api.coord([x, api.value(2)]);
    const [, yHigh = 0] = api.coord([x, api.value(3)]);
    const cap = 6;
    return {
      type: 'group',
      children: [
        {
          type: 'line',
          shape: { x1: cx, y1: yLow, x2: cx, y2: yHigh },
          style: { stroke: color, lineWidth: 2 },
        },
        {
          type: 'line',
          shape: { x1: cx - cap, y1: yLow, x2: cx + cap, y2: yLow },
          style: { stroke: color, lineWidth: 2 },
        },
        {
          type: 'line',
          shape: { x1: cx - cap, y1: yHigh, x2: cx + cap, y2: yHigh },
          style: { stroke: color, lineWidth: 2 },
        },
        {
          type: 'circle',
          shape: { cx, cy, r: 4.5 },
          style: { fill: color, stroke: '#ffffff', lineWidth: 1 },
        },
      ],
    };
  };

/**
 * The option: `panels.length` grids side by side (a title over each), one custom series per
 * (panel, series) named after the series so that the legend lists each series once.
 *
 * @example
 * whatWouldChangeOption({
 *   description: 'Statu quo et scénarios',
 *   series: [{ name: 'Statu quo', short: 'SQ' }, { name: '1 · Démarrage à l’heure', short: '1' }],
 *   panels: [{ title: 'Passages/sem', values: [{ mean: 185, low: 183, high: 187 }, { mean: 199, low: 197, high: 201 }], format: String }],
 * });
 */
export function whatWouldChangeOption(input: WhatIfChartInput): EChartsOption {
  const n = Math.max(1, input.panels.length);
  const gap = 4; // % between panels
  const left = 2;
  const right = 2;
  const width = (100 - left - right - gap * (n - 1)) / n;
  const categories = input.series.map((s) => s.short);
  const grids = input.panels.map((_, i) => ({
    left: `${left + i * (width + gap)}%`,
    width: `${width}%`,
    top: 62,
    bottom: 28,
    containLabel: true,
  }));
  const titles = input.panels.map((p, i) => ({
    text: p.title,
    left: `${left + i * (width + gap) + width / 2}%`,
    top: 34,
    textAlign: 'center',
    textStyle: { fontSize: 11, fontWeight: 'bold', color: INK.text },
  }));
  const xAxes = input.panels.map((_, i) => ({
    type: 'category',
    gridIndex: i,
    data: categories,
    ...CATEGORY_AXIS_STYLE,
    axisLabel: { color: INK.text, interval: 0 },
  }));
  const yAxes = input.panels.map((p, i) => {
    const values = p.values.flatMap((v) => (v ? [v.low, v.high, v.mean] : []));
    const scale = niceScale(values, { ticks: 4 });
    return {
      type: 'value',
      gridIndex: i,
      min: scale.min,
      max: scale.max,
      interval: scale.interval,
      ...VALUE_AXIS_STYLE,
      axisLabel: {
        ...VALUE_AXIS_STYLE.axisLabel,
        formatter: (v: number) => p.format(v),
        hideOverlap: true,
      },
    };
  });
  const series = input.panels.flatMap((p, panel) =>
    input.series.map((s, k) => ({
      type: 'custom',
      name: s.name,
      xAxisIndex: panel,
      yAxisIndex: panel,
      itemStyle: { color: colorOf(k) },
      renderItem: whisker(colorOf(k)),
      encode: { x: 0, y: [1, 2, 3] },
      data: p.values[k] ? [[k, p.values[k].mean, p.values[k].low, p.values[k].high]] : [],
    })),
  );
  return {
    ...baseOption(input.description),
    title: titles,
    legend: {
      top: 0,
      left: 'center',
      data: input.series.map((s) => s.name),
      textStyle: { color: INK.text },
      itemWidth: 12,
      itemHeight: 10,
      itemGap: 20,
    },
    grid: grids,
    xAxis: xAxes,
    yAxis: yAxes,
    series,
  } as EChartsOption;
}
