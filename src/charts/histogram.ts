/**
 * The distribution of one per-machine figure across a peer group: a histogram of the machines'
 * values, the group's P20–P80 band, its median, and the 2010 published median when there is
 * one (report's figures 9 to 16 read as distributions).
 */
import type { CustomSeriesRenderItem, EChartsOption } from 'echarts';
import type { Triple } from '../core/reference-2010.ts';
import type { Quantiles } from '../core/stats.ts';
import type { FigureUnit } from '../i18n/format.ts';
import { formatAxisValue, formatPercent, formatValue } from '../i18n/format.ts';
import type { Lang } from '../i18n/lang.ts';
import { unitLabel } from '../i18n/labels.ts';
import { t } from '../i18n/translate.ts';
import type { AxisScale } from './common.ts';
import {
  baseOption,
  escapeHtml,
  niceScale,
  niceStep,
  noDataGraphic,
  tickLabel,
  VALUE_AXIS_STYLE,
} from './common.ts';
import { BAND, INK, OKABE_ITO } from './palette.ts';

/** One bar of a histogram: machines whose value lies in `[from, to)` (the last bin is closed). */
export interface Bin {
  from: number;
  to: number;
  count: number;
}

/**
 * Equal-width bins of "nice" width (1, 2, 2.5 or 5 × 10ⁿ) covering the finite values, about
 * `target` of them over the values' range, or over `span` when given (the whole axis, marks
 * included: a lone value far from the 2010 median keeps a bar as wide as the others, not a
 * hairline). `null` and non-finite values are left out; no value gives no bin.
 *
 * @example
 * histogramBins([1, 2, 2, 3, 9], 4); // 0–2: 1, 2–4: 3, 4–6: 0, 6–8: 0, 8–10: 1
 * histogramBins([1.3], 20, { min: 1.3, max: 47 }); // one bin 0–2.5
 */
export function histogramBins(
  values: readonly (number | null)[],
  target = 20,
  span?: { min: number; max: number },
): Bin[] {
  const finite = values.filter((v): v is number => v !== null && Number.isFinite(v));
  if (finite.length === 0) return [];
  let min = Infinity;
  let max = -Infinity;
  for (const v of finite) {
    if (v < min) min = v;
    if (v > max) max = v;
  }
  const lo = span ? Math.min(span.min, min) : min;
  const hi = span ? Math.max(span.max, max) : max;
  const step =
    hi > lo ? niceStep((hi - lo) / Math.max(1, target)) : niceStep(Math.abs(min) / 10 || 1);
  const start = hi > lo ? Math.floor(min / step + 1e-9) * step : min - step / 2;
  const count = Math.max(1, Math.floor((max - start) / step + 1e-9) + 1);
  const bins: Bin[] = Array.from({ length: count }, (_, i) => ({
    from: roundTo(start + i * step, step),
    to: roundTo(start + (i + 1) * step, step),
    count: 0,
  }));
  for (const v of finite) {
    const i = Math.min(count - 1, Math.max(0, Math.floor((v - start) / step + 1e-9)));
    const bin = bins[i];
    if (bin) bin.count++;
  }
  return bins;
}

/** What a histogram shows besides its bars: the P20–P80 band, the median and the 2010 median. */
export interface HistogramMarks {
  quantiles: Quantiles | null;
  reference?: Triple | null;
}

/**
 * The bins and the value axis of a histogram: bins sized over the values and the marks (band,
 * medians) together, an axis with nice ticks containing all of them. The chart and its data
 * table use the same bins.
 */
export function histogramLayout(
  values: readonly (number | null)[],
  marks: HistogramMarks,
  target = 20,
): { bins: Bin[]; scale: AxisScale } {
  const q = marks.quantiles;
  const extra = [q?.p20, q?.p50, q?.p80, marks.reference?.[1]].filter(
    (v): v is number => typeof v === 'number' && Number.isFinite(v),
  );
  const finite = values.filter((v): v is number => v !== null && Number.isFinite(v));
  const all = [...finite, ...extra];
  const span = all.length > 0 ? { min: Math.min(...all), max: Math.max(...all) } : undefined;
  const bins = histogramBins(values, target, span);
  const first = bins[0];
  const last = bins[bins.length - 1];
  const edges = first && last ? [first.from, last.to] : [];
  // A lone bar gets room on both sides: a histogram, not a block filling the plot.
  if (first && bins.length === 1) {
    const width = first.to - first.from;
    edges.push(first.from >= 0 ? Math.max(0, first.from - width) : first.from - width);
    edges.push(first.to + width);
  }
  return { bins, scale: niceScale([...edges, ...extra], { ticks: 5 }) };
}

/** Removes floating-point dust from a bin edge (0.30000000000000004 → 0.3). */
function roundTo(value: number, step: number): number {
  const digits = Math.max(0, -Math.floor(Math.log10(step)) + 3);
  return Number(value.toFixed(digits));
}

export interface HistogramInput {
  /** The figure's name, e.g. "ICR par heure". */
  label: string;
  /** One value per machine (`null` where the figure cannot be computed). */
  values: readonly (number | null)[];
  /** The peer group's P20/P50/P80, as the API computed them. */
  quantiles: Quantiles | null;
  /** The 2010 published P20/P50/P80, when the report gave them. */
  reference?: Triple | null;
  unit: FigureUnit;
  lang: Lang;
  color?: string;
  /** About how many bars. */
  bins?: number;
  /**
   * Why there is no value to draw, shown in place of the bars (by default, "no data for this
   * figure in the selection").
   */
  emptyText?: string;
}

/**
 * A histogram option: bins drawn by a custom series over a value axis (so that the P20–P80
 * band and the medians sit at their exact values), the band as a mark area, the medians as
 * mark lines.
 */
export function histogramOption(input: HistogramInput): EChartsOption {
  const { lang, unit } = input;
  const q = input.quantiles;
  const ref = input.reference ?? null;
  const { bins, scale } = histogramLayout(
    input.values,
    { quantiles: q, reference: ref },
    input.bins ?? 20,
  );
  const color = input.color ?? OKABE_ITO.blue;
  const fmt = (v: number | null | undefined): string => formatValue(v, unit, lang);
  const description = t(lang, 'chart.ariaHistogram', {
    figure: input.label,
    n: q?.n ?? input.values.filter((v) => v !== null).length,
    p20: fmt(q?.p20),
    p50: fmt(q?.p50),
    p80: fmt(q?.p80),
  });
  const empty = bins.length === 0;

  const renderBin: CustomSeriesRenderItem = (_params, api) => {
    const from = Number(api.value(0));
    const to = Number(api.value(1));
    const count = Number(api.value(2));
    const [x0 = 0, yTop = 0] = api.coord([from, count]);
    const [x1 = 0, yBase = 0] = api.coord([to, 0]);
    // A bar stays at least 3 px wide, centred on its bin, however wide the axis.
    const width = Math.max(3, x1 - x0 - 1);
    return {
      type: 'rect',
      shape: {
        x: (x0 + x1) / 2 - width / 2,
        y: yTop,
        width,
        height: Math.max(0, yBase - yTop),
      },
      style: { fill: color, opacity: 0.85 },
    };
  };

  const markLines: { xAxis: number; lineStyle: object }[] = [];
  if (q?.p50 !== null && q?.p50 !== undefined) {
    markLines.push({ xAxis: q.p50, lineStyle: { color: BAND.median, width: 2, type: 'solid' } });
  }
  if (ref)
    markLines.push({
      xAxis: ref[1],
      lineStyle: { color: BAND.reference, width: 1.5, type: 'dashed' },
    });
  const band = q !== null && q.p20 !== null && q.p80 !== null && q.p80 > q.p20 && !empty;
  // The legend of the marks, above the plot: nothing is written inside it, so no label sits on
  // a bar, a tick or another label. Values without their unit (the axis title gives it), so
  // that the line fits a phone's width.
  const short = (v: number): string =>
    unit === 'fraction' ? formatPercent(v, lang) : formatAxisValue(v, unit, lang);
  const summary = [
    band ? `{b|${t(lang, 'chart.band')}}` : '',
    q?.p50 !== null && q?.p50 !== undefined ? `{m|${t(lang, 'chart.median')} ${short(q.p50)}}` : '',
    ref ? `{r|${t(lang, 'chart.reference2010')} ${short(ref[1])}}` : '',
  ]
    .filter((s) => s !== '')
    .join('  ');

  return {
    ...baseOption(description),
    title: {
      text: summary,
      right: 8,
      top: 0,
      textStyle: {
        fontSize: 11,
        fontWeight: 'normal',
        rich: {
          b: {
            color: BAND.median,
            fontSize: 11,
            backgroundColor: BAND.fill,
            borderColor: BAND.border,
            borderWidth: 1,
            padding: [1, 4],
          },
          m: { color: BAND.median, fontWeight: 'bold', fontSize: 11 },
          r: { color: BAND.reference, fontSize: 11 },
        },
      },
    },
    graphic: empty ? [noDataGraphic(input.emptyText ?? t(lang, 'chart.noData'))] : [],
    grid: { left: 52, right: 16, top: 30, bottom: 44, containLabel: false },
    xAxis: {
      type: 'value',
      show: !empty,
      min: scale.min,
      max: scale.max,
      interval: scale.interval,
      name: unitLabel(unit, lang),
      nameLocation: 'middle',
      nameGap: 28,
      ...VALUE_AXIS_STYLE,
      splitLine: { show: false },
      axisLabel: {
        ...VALUE_AXIS_STYLE.axisLabel,
        hideOverlap: true,
        formatter: (v: number) => tickLabel(v, unit, scale, lang),
      },
    },
    yAxis: {
      type: 'value',
      show: !empty,
      ...VALUE_AXIS_STYLE,
      minInterval: 1,
      name: t(lang, 'chart.machineCount'),
      nameLocation: 'middle',
      nameGap: 34,
      nameTextStyle: { color: INK.muted },
    },
    tooltip: {
      ...baseOption('').tooltip,
      trigger: 'item',
      formatter: (p: unknown) => {
        const value = (p as { value?: unknown }).value;
        if (!Array.isArray(value)) return '';
        const [from, to, n] = value as [number, number, number];
        return escapeHtml(t(lang, 'chart.binTooltip', { from: fmt(from), to: fmt(to), n }));
      },
    },
    series: [
      {
        type: 'custom',
        name: input.label,
        renderItem: renderBin,
        encode: { x: [0, 1], y: 2 },
        data: bins.map((b) => [b.from, b.to, b.count]),
        markArea: band
          ? {
              silent: true,
              itemStyle: { color: BAND.fill, borderColor: BAND.border, borderWidth: 1 },
              label: { show: false },
              data: [[{ xAxis: q.p20 }, { xAxis: q.p80 }]],
            }
          : undefined,
        markLine:
          markLines.length > 0 && !empty
            ? { silent: true, symbol: 'none', label: { show: false }, data: markLines }
            : undefined,
      },
    ],
  } as EChartsOption;
}
