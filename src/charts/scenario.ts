/**
 * Status quo against a scenario (planning.md §3), figure by figure: each value a dot on its 95 %
 * interval (a whisker with caps), the status quo above the scenario in each row, the campaign's
 * measured value as a grey diamond. Pure functions of a `SimulationReport`'s parts, so that the
 * web app's Scenarios tab and the PDF draw the same charts (delays, occupancy, overtime).
 */
import type { CustomSeriesRenderItem, EChartsOption } from 'echarts';
import type { Estimate, FigureKey, ScenarioResult, StatusQuo } from '../plan/simulation/types.ts';
import type { FigureUnit } from '../i18n/format.ts';
import { formatValue } from '../i18n/format.ts';
import type { Lang } from '../i18n/lang.ts';
import { unitLabel } from '../i18n/labels.ts';
import { t } from '../i18n/translate.ts';
import type { AxisScale } from './common.ts';
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

/** The unit each simulated figure is written in (`formatValue`'s units). */
export const FIGURE_UNITS: Readonly<Record<FigureKey, FigureUnit>> = {
  'occupancy.programmed': 'fraction',
  passagesPerWeek: 'exams/week',
  icrPerHour: 'ICR/h',
  'appointmentDelayDays.outpatient.p20': 'days',
  'appointmentDelayDays.outpatient.p50': 'days',
  'appointmentDelayDays.outpatient.p80': 'days',
  'appointmentDelayDays.inpatient.p20': 'days',
  'appointmentDelayDays.inpatient.p50': 'days',
  'appointmentDelayDays.inpatient.p80': 'days',
  'unscheduledWaitMinutes.p50': 'min',
  'unscheduledWaitMinutes.p90': 'min',
  overtimeMinutesPerWeek: 'min',
  idleMinutesPerWeek: 'min',
};

/** The status quo's and the scenario's colours (the measured value is grey). */
export const SCENARIO_COLORS = { statusQuo: OKABE_ITO.blue, scenario: OKABE_ITO.orange } as const;

/** One row: a figure's measured value, its simulated status quo and its scenario value. */
export interface ComparisonRow {
  label: string;
  /** The campaign's measured value (null: not measured, e.g. waits of unscheduled patients). */
  observed: number | null;
  statusQuo: Estimate;
  /** Null when only the status quo was run. */
  scenario: Estimate | null;
}

export interface ComparisonInput {
  /** What the chart shows (its ARIA description). */
  title: string;
  rows: readonly ComparisonRow[];
  unit: FigureUnit;
  lang: Lang;
  /** The scenario's name for the legend. */
  scenarioName: string;
  /** Start the value axis at 0 (delays, minutes); otherwise it fits the intervals. */
  zero?: boolean;
}

/** `[mean, row, low, high]` of an estimate, or null when it has no mean (an interval-less mean is its own interval). */
export function whiskerDatum(estimate: Estimate | null, row: number): number[] | null {
  if (!estimate || estimate.mean === null || !Number.isFinite(estimate.mean)) return null;
  const [low, high] = estimate.ci95 ?? [estimate.mean, estimate.mean];
  return [estimate.mean, row, low, high];
}

/** Draws a dot on its interval in slot `slot` (0 upper, 1 lower) of its row: data `[mean, row, low, high]`. */
const whisker =
  (slot: number, slots: number, color: string): CustomSeriesRenderItem =>
  (_params, api) => {
    const row = Number(api.value(1));
    const [cx = 0, yMid = 0] = api.coord([api.value(0), row]);
    const [xLow = 0] = api.coord([api.value(2), row]);
    const [xHigh = 0] = api.coord([api.value(3), row]);
    const band = (api.size?.([0, 1]) as number[] | undefined)?.[1] ?? 30;
    const slotHeight = (band * 0.7) / slots;
    const cy = yMid - (band * 0.7) / 2 + slotHeight * (slot + 0.5);
    const cap = Math.max(3, Math.min(7, slotHeight * 0.3));
    const stroke = { stroke: color, lineWidth: 2 };
    return {
      type: 'group',
      children: [
        { type: 'line', shape: { x1: xLow, y1: cy, x2: xHigh, y2: cy }, style: stroke },
        { type: 'line', shape: { x1: xLow, y1: cy - cap, x2: xLow, y2: cy + cap }, style: stroke },
        {
          type: 'line',
          shape: { x1: xHigh, y1: cy - cap, x2: xHigh, y2: cy + cap },
          style: stroke,
        },
        {
          type: 'circle',
          shape: { cx, cy, r: 5 },
          style: { fill: color, stroke: '#ffffff', lineWidth: 1 },
        },
      ],
    };
  };

/** Steps of a minutes axis: whole minutes, then quarter and half hours, hours, days. */
const MINUTE_STEPS = [1, 2, 5, 10, 15, 20, 30, 60, 120, 180, 240, 360, 480, 720, 1440, 2880, 10080];

/**
 * A minutes axis whose ticks read as clock durations (1 h, 2 h, 3 h rather than 3 h 20): the
 * smallest step of `MINUTE_STEPS` that gives at most about five intervals.
 *
 * @example
 * minuteScale([95, 600], true); // { min: 0, max: 600, interval: 120, decimals: 0 }
 */
export function minuteScale(values: readonly number[], zero: boolean): AxisScale {
  const finite = values.filter((v) => Number.isFinite(v));
  const least = finite.length > 0 ? Math.min(...finite) : 0;
  const lo = zero && least > 0 ? 0 : least;
  const hi = finite.length > 0 ? Math.max(...finite) : 60;
  const span = Math.max(hi - lo, 1);
  const interval =
    MINUTE_STEPS.find((step) => span / step <= 6) ?? Math.ceil(span / 6 / 10080) * 10080;
  let min = Math.floor(lo / interval) * interval;
  let max = Math.ceil(hi / interval) * interval;
  if (max <= min) {
    max = min + interval;
    if (!(zero && min === 0)) min -= interval;
  }
  return { min, max, interval, decimals: 0 };
}

/**
 * The comparison option: a custom series per side (status quo, scenario) with data
 * `[mean, row, low, high]`, and the measured values as a scatter series `[value, row]`. Rows
 * without any value are left out; a chart with nothing to draw says so.
 */
export function comparisonOption(input: ComparisonInput): EChartsOption {
  const { lang, unit } = input;
  const rows = input.rows.filter(
    (r) =>
      whiskerDatum(r.statusQuo, 0) !== null ||
      whiskerDatum(r.scenario, 0) !== null ||
      (r.observed !== null && Number.isFinite(r.observed)),
  );
  const labels = rows.map((r) => r.label);
  const hasScenario = rows.some((r) => r.scenario !== null);
  const slots = hasScenario ? 2 : 1;
  const statusQuoName = t(lang, 'scenarios.web.statusQuo');
  const sides = [
    {
      name: statusQuoName,
      color: SCENARIO_COLORS.statusQuo,
      pick: (r: ComparisonRow) => r.statusQuo,
    },
    ...(hasScenario
      ? [
          {
            name: input.scenarioName,
            color: SCENARIO_COLORS.scenario,
            pick: (r: ComparisonRow) => r.scenario,
          },
        ]
      : []),
  ];
  const series: object[] = sides.map((side, slot) => ({
    type: 'custom',
    name: side.name,
    itemStyle: { color: side.color },
    renderItem: whisker(slot, slots, side.color),
    encode: { x: [0, 2, 3], y: 1 },
    data: rows.flatMap((r, i) => {
      const d = whiskerDatum(side.pick(r), i);
      return d ? [d] : [];
    }),
  }));
  const observed = rows.flatMap((r, i) =>
    r.observed !== null && Number.isFinite(r.observed) ? [[r.observed, i]] : [],
  );
  if (observed.length > 0) {
    series.push({
      type: 'scatter',
      name: t(lang, 'scenarios.web.observed'),
      symbol: 'diamond',
      symbolSize: 11,
      itemStyle: { color: BAND.reference, borderColor: '#ffffff', borderWidth: 1 },
      z: 5,
      data: observed,
    });
  }
  const values = [
    ...series.flatMap((s) =>
      (s as { data: number[][] }).data.flatMap((d) => d.filter((_, k) => k !== 1)),
    ),
  ].filter((v) => Number.isFinite(v));
  const empty = values.length === 0;
  const scale =
    unit === 'min'
      ? minuteScale(values, input.zero ?? false)
      : niceScale(values, { zero: input.zero ?? false });
  const fmt = (v: number | undefined): string => formatValue(v ?? null, unit, lang);
  return {
    ...baseOption(t(lang, 'scenarios.web.chart.aria', { title: input.title })),
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
      type: 'value',
      show: !empty,
      min: scale.min,
      max: scale.max,
      interval: scale.interval,
      name: unitLabel(unit, lang),
      nameLocation: 'middle',
      nameGap: 26,
      ...VALUE_AXIS_STYLE,
      axisLabel: {
        ...VALUE_AXIS_STYLE.axisLabel,
        hideOverlap: true,
        formatter: (v: number) => tickLabel(v, unit, scale, lang),
      },
    },
    yAxis: {
      type: 'category',
      show: !empty,
      data: labels,
      inverse: true,
      ...CATEGORY_AXIS_STYLE,
      axisLabel: { color: INK.text, width: 180, overflow: 'break', lineHeight: 14 },
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
        const label = labels[v[1] ?? -1] ?? '';
        const head = `<b>${escapeHtml(label)}</b>`;
        if (item.seriesType === 'scatter')
          return `${head}<br>${tooltipLine(color, item.seriesName ?? '', fmt(v[0]), lang)}`;
        const ci = t(lang, 'scenarios.web.chart.ci', { low: fmt(v[2]), high: fmt(v[3]) });
        return `${head}<br>${tooltipLine(color, item.seriesName ?? '', `${fmt(v[0])} — ${ci}`, lang)}`;
      },
    },
    series,
  } as EChartsOption;
}

/** What the three figure charts take: the report's status quo and one of its scenarios. */
export interface ScenarioChartInput {
  statusQuo: StatusQuo;
  /** Null to draw the status quo alone. */
  scenario: ScenarioResult | null;
  lang: Lang;
}

/** A figure's row, labelled `label` (its full name by default). */
function rowOf(input: ScenarioChartInput, key: FigureKey, label?: string): ComparisonRow {
  return {
    label: label ?? t(input.lang, `scenarios.web.figure.${key}`),
    observed: input.statusQuo.observed[key],
    statusQuo: input.statusQuo.simulated[key],
    scenario: input.scenario ? input.scenario.figures[key] : null,
  };
}

const scenarioNameOf = (input: ScenarioChartInput): string => input.scenario?.name ?? '';

/**
 * Appointment delays of scheduled patients (days): P20, median and P80 of outpatients then
 * inpatients, status quo against scenario with their intervals.
 */
export function delayComparisonOption(input: ScenarioChartInput): EChartsOption {
  const { lang } = input;
  const rows: ComparisonRow[] = [];
  for (const patient of ['outpatient', 'inpatient'] as const) {
    const who = t(lang, `scenarios.web.chart.${patient}`);
    for (const q of ['p20', 'p50', 'p80'] as const) {
      const quantile = t(lang, q === 'p20' ? 'col.p20' : q === 'p50' ? 'col.p50' : 'col.p80');
      rows.push(rowOf(input, `appointmentDelayDays.${patient}.${q}`, `${who} — ${quantile}`));
    }
  }
  return comparisonOption({
    title: t(lang, 'scenarios.web.chart.delays'),
    rows,
    unit: 'days',
    lang,
    scenarioName: scenarioNameOf(input),
    zero: true,
  });
}

/** Occupancy of the programmed sessions (a share), status quo against scenario. */
export function occupancyComparisonOption(input: ScenarioChartInput): EChartsOption {
  return comparisonOption({
    title: t(input.lang, 'scenarios.web.chart.occupancy'),
    rows: [rowOf(input, 'occupancy.programmed')],
    unit: 'fraction',
    lang: input.lang,
    scenarioName: scenarioNameOf(input),
  });
}

/** Overtime past the sessions' end and idle programmed time, minutes per week. */
export function overtimeComparisonOption(input: ScenarioChartInput): EChartsOption {
  return comparisonOption({
    title: t(input.lang, 'scenarios.web.chart.overtime'),
    rows: [rowOf(input, 'overtimeMinutesPerWeek'), rowOf(input, 'idleMinutesPerWeek')],
    unit: 'min',
    lang: input.lang,
    scenarioName: scenarioNameOf(input),
    zero: true,
  });
}
