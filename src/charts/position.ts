/**
 * A machine among its peers, figure by figure, on one common scale: its percentile rank. The
 * peers' P20–P80 band is the same for every figure (20 to 80), the median sits at 50, and the
 * machine's dot shows where it stands, labelled with its value in the figure's own unit.
 */
import type { EChartsOption } from 'echarts';
import type { FigureComparison } from '../core/views/types.ts';
import { formatInteger, formatRank, formatValue } from '../i18n/format.ts';
import type { Lang } from '../i18n/lang.ts';
import { figureLabel } from '../i18n/labels.ts';
import { t } from '../i18n/translate.ts';
import {
  baseOption,
  CATEGORY_AXIS_STYLE,
  escapeHtml,
  tooltipLine,
  VALUE_AXIS_STYLE,
} from './common.ts';
import { BAND, INK, OKABE_ITO } from './palette.ts';

export interface PositionInput {
  figures: readonly FigureComparison[];
  lang: Lang;
}

/** One row of the chart: the figure, its value as text and the dot's position (0..100, null when unranked). */
export interface PositionRow {
  key: string;
  label: string;
  valueText: string;
  percentile: number | null;
}

/** The rows, in the API's order (the site fiche's). */
export function positionRows(figures: readonly FigureComparison[], lang: Lang): PositionRow[] {
  return figures.map((f) => ({
    key: f.key,
    label: figureLabel(f.key, lang),
    valueText: formatValue(f.value, f.unit, lang),
    percentile: f.rank === null || f.value === null ? null : Math.round(f.rank * 1000) / 10,
  }));
}

/** Room (px) for the figure names on the left: on screens, and on phones. */
const LABEL_WIDTH = 260;
const PHONE_LABEL_WIDTH = 104;

/** Where the peers' P20, median and P80 fall on the percentile scale. */
const BAND_TICKS = [20, 50, 80] as const;

/** The position option: a scatter of `[percentile, rowIndex]` over a 20–80 band and a 50 line. */
export function positionOption(input: PositionInput): EChartsOption {
  const { lang } = input;
  const rows = positionRows(input.figures, lang);
  const byIndex = input.figures;
  return {
    ...baseOption(t(lang, 'chart.ariaPosition', { n: rows.length })),
    // The figure names get a fixed column (truncated beyond it): measuring them with
    // containLabel let long English names run off the left edge.
    grid: { left: LABEL_WIDTH + 12, right: 120, top: 28, bottom: 40 },
    xAxis: [
      {
        type: 'value',
        min: 0,
        max: 100,
        interval: 10,
        name: t(lang, 'chart.percentile'),
        nameLocation: 'middle',
        nameGap: 26,
        ...VALUE_AXIS_STYLE,
      },
      // The band's edges and the median named above the plot, where no dot or value label
      // can sit under them.
      {
        type: 'value',
        position: 'top',
        min: 0,
        max: 100,
        axisLine: { show: false },
        splitLine: { show: false },
        axisTick: { show: true, customValues: [...BAND_TICKS], lineStyle: { color: BAND.border } },
        axisLabel: {
          customValues: [...BAND_TICKS],
          color: BAND.median,
          fontSize: 11,
          formatter: (v: number) =>
            v === 50 ? t(lang, 'chart.median') : v === 20 ? t(lang, 'col.p20') : t(lang, 'col.p80'),
        },
      },
    ],
    yAxis: {
      type: 'category',
      data: rows.map((r) => r.label),
      inverse: true,
      ...CATEGORY_AXIS_STYLE,
      axisLabel: { color: INK.text, width: LABEL_WIDTH, overflow: 'truncate' },
      splitLine: { show: true, lineStyle: { color: INK.grid } },
    },
    tooltip: {
      ...baseOption('').tooltip,
      trigger: 'item',
      formatter: (p: unknown) => {
        const index = (p as { dataIndex?: number }).dataIndex ?? -1;
        const f = byIndex[index];
        if (!f) return '';
        const fmt = (v: number | null): string => formatValue(v, f.unit, lang);
        return [
          `<b>${escapeHtml(figureLabel(f.key, lang))}</b> (n = ${escapeHtml(formatInteger(f.peers.n, lang))})`,
          tooltipLine(
            OKABE_ITO.vermillion,
            t(lang, 'chart.thisMachine'),
            `${fmt(f.value)} — ${formatRank(f.rank, lang)}`,
            lang,
          ),
          tooltipLine(BAND.median, t(lang, 'col.p20'), fmt(f.peers.p20), lang),
          tooltipLine(BAND.median, t(lang, 'col.p50'), fmt(f.peers.p50), lang),
          tooltipLine(BAND.median, t(lang, 'col.p80'), fmt(f.peers.p80), lang),
        ].join('<br>');
      },
    },
    // On a phone the figure names get half the room, so that the plot keeps some.
    media: [
      {
        query: { maxWidth: 560 },
        option: {
          grid: { left: PHONE_LABEL_WIDTH + 8, right: 84 },
          xAxis: [
            { interval: 50 },
            { axisLabel: { formatter: (v: number) => `P${v}`, fontSize: 10 } },
          ],
          yAxis: { axisLabel: { width: PHONE_LABEL_WIDTH, fontSize: 11 } },
          series: [{ label: { fontSize: 11, distance: 4 } }],
        },
      },
    ],
    series: [
      {
        type: 'scatter',
        name: t(lang, 'chart.thisMachine'),
        symbolSize: 12,
        itemStyle: { color: OKABE_ITO.vermillion, borderColor: '#ffffff', borderWidth: 1.5 },
        label: {
          show: true,
          position: 'right',
          distance: 8,
          color: INK.text,
          formatter: (p: { dataIndex: number }) => rows[p.dataIndex]?.valueText ?? '',
        },
        data: rows.map((r, i) => (r.percentile === null ? [null, i] : [r.percentile, i])),
        markArea: {
          silent: true,
          itemStyle: { color: BAND.fill, borderColor: BAND.border, borderWidth: 1 },
          label: { show: false },
          data: [[{ xAxis: 20 }, { xAxis: 80 }]],
        },
        markLine: {
          silent: true,
          symbol: 'none',
          lineStyle: { color: BAND.median, width: 1.5, type: 'solid' },
          label: { show: false },
          data: [{ xAxis: 50 }],
        },
      },
    ],
  } as EChartsOption;
}
