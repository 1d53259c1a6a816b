/**
 * P20–P80 ranges with their medians, row by row, beside the 2010 published values: exam
 * durations by category (report, figures 11–12), report delays (7–8), appointment delays by
 * patient type and clinical case (1–6). Each row may hold several series (exams pooled,
 * machines' medians, survey, realized), drawn side by side inside the row.
 */
import type { CustomSeriesRenderItem, EChartsOption } from 'echarts';
import type { Triple } from '../core/reference-2010.ts';
import type { Quantiles } from '../core/stats.ts';
import type { FigureUnit } from '../i18n/format.ts';
import { formatAxisValue, formatInteger, formatValue } from '../i18n/format.ts';
import type { Lang } from '../i18n/lang.ts';
import { unitLabel } from '../i18n/labels.ts';
import { t } from '../i18n/translate.ts';
import {
  baseOption,
  CATEGORY_AXIS_STYLE,
  escapeHtml,
  niceScale,
  noDataGraphic,
  tickLabel,
  tooltipLine,
  VALUE_AXIS_STYLE,
} from './common.ts';
import { BAND, INK, OKABE_ITO } from './palette.ts';

/** One range: a row label, the series it belongs to, its quantiles and the row's 2010 values. */
export interface RangeRow {
  /** The row (y axis) label, e.g. "Ambulatoire (A)". */
  label: string;
  /** A longer name for tooltips and tables (e.g. a clinical case's full wording). */
  longLabel?: string;
  /** The series, e.g. "Examens" or "Machines"; rows of one series share a colour. */
  series: string;
  quantiles: Quantiles | null;
  /** The row's 2010 P20/P50/P80 (given once per label is enough). */
  reference?: Triple | null;
}

export interface RangesInput {
  /** What the chart shows, for its ARIA description. */
  title: string;
  rows: readonly RangeRow[];
  unit: FigureUnit;
  lang: Lang;
  /** A logarithmic value axis, for delays spanning minutes to days. */
  log?: boolean;
  /** Colour per series name; the default cycle otherwise. */
  colors?: Readonly<Record<string, string>>;
}

const CYCLE = [
  OKABE_ITO.blue,
  OKABE_ITO.orange,
  OKABE_ITO.green,
  OKABE_ITO.purple,
  OKABE_ITO.vermillion,
];

/** The distinct values of a list, in first-seen order. */
function distinct(values: readonly string[]): string[] {
  return [...new Set(values)];
}

/**
 * The ranges option: one custom series per series name, data `[p20, rowIndex, p50, p80, n]`;
 * the 2010 values as grey diamonds (`[value, rowIndex]`, the median's larger).
 */
export function rangesOption(input: RangesInput): EChartsOption {
  const { lang, unit } = input;
  const labels = distinct(input.rows.map((r) => r.label));
  const longLabels = new Map(input.rows.map((r) => [r.label, r.longLabel ?? r.label]));
  const seriesNames = distinct(input.rows.map((r) => r.series));
  const slots = seriesNames.length;
  const floor = input.log ? logFloor(input.rows) : null;
  const clamp = (v: number): number => (floor !== null ? Math.max(v, floor) : v);
  const fmt = (v: number | null | undefined): string => formatValue(v, unit, lang);

  const renderer =
    (slot: number, color: string): CustomSeriesRenderItem =>
    (_params, api) => {
      const row = Number(api.value(1));
      const [xLow = 0, yMid = 0] = api.coord([api.value(0), row]);
      const [xMedian = 0] = api.coord([api.value(2), row]);
      const [xHigh = 0] = api.coord([api.value(3), row]);
      const band = (api.size?.([0, 1]) as number[] | undefined)?.[1] ?? 20;
      const slotHeight = (band * 0.8) / slots;
      const height = Math.max(4, Math.min(18, slotHeight * 0.75));
      const y = yMid - (band * 0.8) / 2 + slotHeight * slot + (slotHeight - height) / 2;
      return {
        type: 'group',
        children: [
          {
            type: 'rect',
            shape: { x: xLow, y, width: Math.max(2, xHigh - xLow), height },
            style: { fill: color, opacity: 0.35, stroke: color, lineWidth: 1 },
          },
          {
            type: 'line',
            shape: { x1: xMedian, y1: y - 2, x2: xMedian, y2: y + height + 2 },
            style: { stroke: color, lineWidth: 3 },
          },
        ],
      };
    };

  const colorOf = (name: string, i: number): string =>
    input.colors?.[name] ?? CYCLE[i % CYCLE.length] ?? OKABE_ITO.blue;
  const series: object[] = seriesNames.map((name, slot) => ({
    type: 'custom',
    name,
    itemStyle: { color: colorOf(name, slot) },
    renderItem: renderer(slot, colorOf(name, slot)),
    encode: { x: [0, 2, 3], y: 1 },
    data: input.rows
      .filter(
        (r) =>
          r.series === name &&
          r.quantiles !== null &&
          r.quantiles.p20 !== null &&
          r.quantiles.p50 !== null &&
          r.quantiles.p80 !== null,
      )
      .map((r) => {
        const q = r.quantiles as { n: number; p20: number; p50: number; p80: number };
        return [clamp(q.p20), labels.indexOf(r.label), clamp(q.p50), clamp(q.p80), q.n];
      }),
  }));

  const referenceData: { value: [number, number]; symbolSize: number }[] = [];
  const seen = new Set<string>();
  for (const r of input.rows) {
    if (!r.reference || seen.has(r.label)) continue;
    seen.add(r.label);
    const row = labels.indexOf(r.label);
    r.reference.forEach((v, i) =>
      referenceData.push({ value: [clamp(v), row], symbolSize: i === 1 ? 12 : 8 }),
    );
  }
  if (referenceData.length > 0) {
    series.push({
      type: 'scatter',
      name: t(lang, 'chart.reference2010'),
      symbol: 'diamond',
      itemStyle: { color: BAND.reference, borderColor: '#ffffff', borderWidth: 1 },
      z: 5,
      data: referenceData,
    });
  }

  const drawn = series.flatMap((s) => (s as { data: number[][] }).data);
  const empty = drawn.length === 0;
  // A linear axis from 0 over every range and 2010 value, with ticks that read apart.
  const scale = niceScale(
    [...drawn.flatMap((d) => [d[0], d[2], d[3]]), ...referenceData.map((d) => d.value[0])].filter(
      (v): v is number => typeof v === 'number',
    ),
    { zero: true },
  );
  return {
    ...baseOption(t(lang, 'chart.ariaRanges', { title: input.title })),
    graphic: empty ? [noDataGraphic(t(lang, 'chart.noData'))] : [],
    grid: { left: 8, right: 24, top: 36, bottom: 40, containLabel: true },
    legend: {
      top: 0,
      left: 'center',
      textStyle: { color: INK.text },
      itemWidth: 14,
      itemHeight: 10,
    },
    xAxis: {
      type: input.log ? 'log' : 'value',
      show: !empty,
      ...(input.log
        ? { logBase: 10, min: floor ?? 1, max: logCeil(input.rows) }
        : { min: scale.min, max: scale.max, interval: scale.interval }),
      name: unitLabel(unit, lang),
      nameLocation: 'middle',
      nameGap: 26,
      ...VALUE_AXIS_STYLE,
      axisLabel: {
        ...VALUE_AXIS_STYLE.axisLabel,
        hideOverlap: true,
        formatter: (v: number) =>
          input.log ? formatAxisValue(v, unit, lang) : tickLabel(v, unit, scale, lang),
        ...(input.log && unit === 'min'
          ? { customValues: durationTicks(floor ?? 1, logCeil(input.rows)) }
          : {}),
      },
      ...(input.log && unit === 'min'
        ? {
            axisTick: {
              ...VALUE_AXIS_STYLE.axisTick,
              customValues: durationTicks(floor ?? 1, logCeil(input.rows)),
            },
          }
        : {}),
    },
    yAxis: {
      type: 'category',
      show: !empty,
      data: labels,
      inverse: true,
      ...CATEGORY_AXIS_STYLE,
      axisLabel: { color: INK.text, width: 270, overflow: 'truncate' },
      splitLine: { show: true, lineStyle: { color: INK.grid } },
    },
    tooltip: {
      ...baseOption('').tooltip,
      trigger: 'item',
      formatter: (p: unknown) => {
        const item = p as {
          seriesName?: string;
          value?: number[];
          color?: string;
          seriesType?: string;
        };
        const v = item.value ?? [];
        const color = typeof item.color === 'string' ? item.color : INK.muted;
        if (item.seriesType === 'scatter') {
          const label = longLabels.get(labels[v[1] ?? -1] ?? '') ?? '';
          return `<b>${escapeHtml(label)}</b><br>${tooltipLine(color, t(lang, 'chart.reference2010'), fmt(v[0]), lang)}`;
        }
        const label = longLabels.get(labels[v[1] ?? -1] ?? '') ?? '';
        return [
          `<b>${escapeHtml(label)}</b> — ${escapeHtml(item.seriesName ?? '')} (n = ${escapeHtml(formatInteger(v[4], lang))})`,
          tooltipLine(color, t(lang, 'col.p20'), fmt(v[0]), lang),
          tooltipLine(color, t(lang, 'col.p50'), fmt(v[2]), lang),
          tooltipLine(color, t(lang, 'col.p80'), fmt(v[3]), lang),
        ].join('<br>');
      },
    },
    series,
  } as EChartsOption;
}

/** Readable ticks for a logarithmic axis of minutes: 10 min, 30 min, 1 h, 3 h, 12 h, 1 d, 3 d, 1 week… */
export function durationTicks(min: number, max: number): number[] {
  const candidates = [1, 3, 10, 30, 60, 180, 720, 1440, 4320, 10080, 43200];
  return candidates.filter((v) => v >= min && v <= max);
}

/** The largest value of the rows, rounded up to a tick that shows it (log axes). */
function logCeil(rows: readonly RangeRow[]): number {
  let max = 1;
  for (const r of rows) {
    for (const v of [r.quantiles?.p80, ...(r.reference ?? [])])
      if (typeof v === 'number' && v > max) max = v;
  }
  const ticks = [10, 30, 60, 180, 720, 1440, 4320, 10080, 43200, 129600];
  return ticks.find((t) => t >= max) ?? max;
}

/** The power of ten just under the smallest positive value of the rows (log axes cannot show 0). */
function logFloor(rows: readonly RangeRow[]): number {
  let min = Infinity;
  for (const r of rows) {
    for (const v of [
      r.quantiles?.p20,
      r.quantiles?.p50,
      r.quantiles?.p80,
      ...(r.reference ?? []),
    ]) {
      if (typeof v === 'number' && v > 0 && v < min) min = v;
    }
  }
  return Number.isFinite(min) ? 10 ** Math.floor(Math.log10(min)) : 1;
}
