/**
 * The distribution of one per-machine figure across a peer group: a histogram of the machines'
 * values, the group's P20–P80 band, its median, and the 2010 published median when there is
 * one (report's figures 9 to 16 read as distributions).
 */
import type { CustomSeriesRenderItem, EChartsOption } from 'echarts';
import type { Triple } from '../core/reference-2010.ts';
import type { Quantiles } from '../core/stats.ts';
import type { FigureUnit } from '../i18n/format.ts';
import { formatAxisValue, formatValue } from '../i18n/format.ts';
import type { Lang } from '../i18n/lang.ts';
import { unitLabel } from '../i18n/labels.ts';
import { t } from '../i18n/translate.ts';
import { baseOption, escapeHtml, niceStep, VALUE_AXIS_STYLE } from './common.ts';
import { BAND, OKABE_ITO } from './palette.ts';

/** One bar of a histogram: machines whose value lies in `[from, to)` (the last bin is closed). */
export interface Bin {
  from: number;
  to: number;
  count: number;
}

/**
 * Equal-width bins of "nice" width (1, 2, 2.5 or 5 × 10ⁿ) covering the finite values, about
 * `target` of them. `null` and non-finite values are left out; no value gives no bin.
 *
 * @example
 * histogramBins([1, 2, 2, 3, 9], 4); // 0–2: 1, 2–4: 3, 4–6: 0, 6–8: 0, 8–10: 1
 */
export function histogramBins(values: readonly (number | null)[], target = 20): Bin[] {
  const finite = values.filter((v): v is number => v !== null && Number.isFinite(v));
  if (finite.length === 0) return [];
  let min = Infinity;
  let max = -Infinity;
  for (const v of finite) {
    if (v < min) min = v;
    if (v > max) max = v;
  }
  const step =
    max > min ? niceStep((max - min) / Math.max(1, target)) : niceStep(Math.abs(min) / 10 || 1);
  const start = max > min ? Math.floor(min / step) * step : min - step / 2;
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
}

/**
 * A histogram option: bins drawn by a custom series over a value axis (so that the P20–P80
 * band and the medians sit at their exact values), the band as a mark area, the medians as
 * mark lines.
 */
export function histogramOption(input: HistogramInput): EChartsOption {
  const { lang, unit } = input;
  const bins = histogramBins(input.values, input.bins ?? 20);
  const color = input.color ?? OKABE_ITO.blue;
  const q = input.quantiles;
  const first = bins[0];
  const last = bins[bins.length - 1];
  const fmt = (v: number | null | undefined): string => formatValue(v, unit, lang);
  const description = t(lang, 'chart.ariaHistogram', {
    figure: input.label,
    n: q?.n ?? input.values.filter((v) => v !== null).length,
    p20: fmt(q?.p20),
    p50: fmt(q?.p50),
    p80: fmt(q?.p80),
  });

  const renderBin: CustomSeriesRenderItem = (_params, api) => {
    const from = Number(api.value(0));
    const to = Number(api.value(1));
    const count = Number(api.value(2));
    const [x0 = 0, yTop = 0] = api.coord([from, count]);
    const [x1 = 0, yBase = 0] = api.coord([to, 0]);
    return {
      type: 'rect',
      shape: {
        x: x0 + 0.5,
        y: yTop,
        width: Math.max(0.5, x1 - x0 - 1),
        height: Math.max(0, yBase - yTop),
      },
      style: { fill: color, opacity: 0.85 },
    };
  };

  const markLines: { xAxis: number; lineStyle: object }[] = [];
  if (q?.p50 !== null && q?.p50 !== undefined) {
    markLines.push({ xAxis: q.p50, lineStyle: { color: BAND.median, width: 2, type: 'solid' } });
  }
  const ref = input.reference;
  if (ref)
    markLines.push({
      xAxis: ref[1],
      lineStyle: { color: BAND.reference, width: 1.5, type: 'dashed' },
    });
  const summary = [
    q?.p50 !== null && q?.p50 !== undefined ? `{m|${t(lang, 'chart.median')} ${fmt(q.p50)}}` : '',
    ref ? `{r|${t(lang, 'chart.reference2010')} ${fmt(ref[1])}}` : '',
  ]
    .filter((s) => s !== '')
    .join('  ');
  const xs = [first?.from, last?.to, ref?.[1], q?.p20, q?.p80].filter(
    (v): v is number => typeof v === 'number',
  );

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
          m: { color: BAND.median, fontWeight: 'bold', fontSize: 11 },
          r: { color: BAND.reference, fontSize: 11 },
        },
      },
    },
    grid: { left: 52, right: 16, top: 30, bottom: 44, containLabel: false },
    xAxis: {
      type: 'value',
      min: xs.length > 0 ? Math.min(...xs) : 0,
      max: xs.length > 0 ? Math.max(...xs) : 1,
      name: unitLabel(unit, lang),
      nameLocation: 'middle',
      nameGap: 28,
      ...VALUE_AXIS_STYLE,
      splitLine: { show: false },
      axisLabel: {
        ...VALUE_AXIS_STYLE.axisLabel,
        hideOverlap: true,
        formatter: (v: number) => formatAxisValue(v, unit, lang),
      },
    },
    yAxis: {
      type: 'value',
      ...VALUE_AXIS_STYLE,
      minInterval: 1,
      name: t(lang, 'chart.machineCount'),
      nameLocation: 'middle',
      nameGap: 34,
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
        markArea:
          q && q.p20 !== null && q.p80 !== null
            ? {
                silent: true,
                itemStyle: { color: BAND.fill, borderColor: BAND.border, borderWidth: 1 },
                label: {
                  show: true,
                  position: 'insideTop',
                  color: BAND.median,
                  formatter: t(lang, 'chart.band'),
                },
                data: [[{ xAxis: q.p20 }, { xAxis: q.p80 }]],
              }
            : undefined,
        markLine:
          markLines.length > 0
            ? { silent: true, symbol: 'none', label: { show: false }, data: markLines }
            : undefined,
      },
    ],
  } as EChartsOption;
}
