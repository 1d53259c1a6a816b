/**
 * A site's CT share of head imaging against its peers, one row per scope (all, scheduled,
 * emergency), on the share's own scale (0–100 %): the peers' P20–P80 band, their median as a
 * tick, the site's dot labelled with its share. Like the position chart, one look says where the
 * site stands; unlike it, the scale is the share itself, so the band's width shows the spread.
 */
import type { EChartsOption } from 'echarts';
import type { Quantiles } from '../core/stats.ts';
import { formatPercent, formatRank } from '../i18n/format.ts';
import type { Lang } from '../i18n/lang.ts';
import { t } from '../i18n/translate.ts';
import type { NeuroScope } from '../plan/relevance/types.ts';
import {
  baseOption,
  CATEGORY_AXIS_STYLE,
  escapeHtml,
  tooltipLine,
  VALUE_AXIS_STYLE,
} from './common.ts';
import { BAND, INK, OKABE_ITO } from './palette.ts';

/** One row: a scope's share of the site (0–1, null when it has no head exam), rank and peers. */
export interface RelevanceRow {
  scope: NeuroScope;
  share: number | null;
  rank: number | null;
  flagged: boolean;
  peers: Quantiles;
}

export interface RelevanceChartInput {
  rows: readonly RelevanceRow[];
  lang: Lang;
}

const pct = (v: number | null): number | null => (v === null ? null : Math.round(v * 1000) / 10);

/**
 * The option: per row a transparent bar to P20 and the band P20→P80 stacked on it, the median
 * as a bar-shaped mark, and the site's dot (vermillion when flagged, blue otherwise).
 */
export function relevanceOption(input: RelevanceChartInput): EChartsOption {
  const { lang, rows } = input;
  const labels = rows.map((r) => t(lang, `planning.web.relevance.scope.${r.scope}`));
  const site = t(lang, 'planning.web.relevance.chart.site');
  return {
    ...baseOption(t(lang, 'planning.web.relevance.chart.aria')),
    grid: { left: 170, right: 72, top: 28, bottom: 44 },
    xAxis: {
      type: 'value',
      min: 0,
      max: 100,
      interval: 10,
      name: t(lang, 'planning.web.relevance.chart.axis'),
      nameLocation: 'middle',
      nameGap: 28,
      ...VALUE_AXIS_STYLE,
      axisLabel: { color: INK.muted, formatter: (v: number) => formatPercent(v / 100, lang, 0) },
    },
    yAxis: {
      type: 'category',
      data: labels,
      inverse: true,
      ...CATEGORY_AXIS_STYLE,
      axisLabel: { color: INK.text, width: 160, overflow: 'truncate' },
    },
    legend: { show: false },
    tooltip: {
      ...baseOption('').tooltip,
      trigger: 'axis',
      axisPointer: { type: 'none' },
      formatter: (p: unknown) => {
        const list = p as { dataIndex?: number }[];
        const r = rows[list[0]?.dataIndex ?? -1];
        if (!r) return '';
        const f = (v: number | null): string => formatPercent(v, lang, 0);
        return [
          `<b>${escapeHtml(labels[rows.indexOf(r)] ?? '')}</b> (n = ${r.peers.n})`,
          tooltipLine(
            r.flagged ? OKABE_ITO.vermillion : OKABE_ITO.blue,
            site,
            `${f(r.share)} — ${formatRank(r.rank, lang)}`,
            lang,
          ),
          tooltipLine(BAND.median, t(lang, 'col.p20'), f(r.peers.p20), lang),
          tooltipLine(BAND.median, t(lang, 'col.p50'), f(r.peers.p50), lang),
          tooltipLine(BAND.median, t(lang, 'col.p80'), f(r.peers.p80), lang),
        ].join('<br>');
      },
    },
    series: [
      {
        type: 'bar',
        stack: 'band',
        silent: true,
        barWidth: 18,
        itemStyle: { color: 'transparent' },
        data: rows.map((r) => pct(r.peers.p20)),
      },
      {
        type: 'bar',
        stack: 'band',
        name: `${t(lang, 'col.p20')}–${t(lang, 'col.p80')}`,
        barWidth: 18,
        itemStyle: { color: BAND.fill, borderColor: BAND.border, borderWidth: 1 },
        data: rows.map((r) =>
          r.peers.p20 === null || r.peers.p80 === null ? null : pct(r.peers.p80 - r.peers.p20),
        ),
      },
      {
        type: 'scatter',
        name: t(lang, 'col.p50'),
        symbol: 'rect',
        symbolSize: [3, 24],
        itemStyle: { color: BAND.median },
        data: rows.map((r, i) => [pct(r.peers.p50), i]),
        z: 3,
      },
      {
        type: 'scatter',
        name: site,
        symbolSize: 13,
        itemStyle: {
          color: (p: { dataIndex: number }) =>
            rows[p.dataIndex]?.flagged ? OKABE_ITO.vermillion : OKABE_ITO.blue,
          borderColor: '#ffffff',
          borderWidth: 1.5,
        },
        label: {
          show: true,
          position: 'right',
          distance: 8,
          color: INK.text,
          fontWeight: 'bold',
          formatter: (p: { dataIndex: number }) => formatPercent(rows[p.dataIndex]?.share, lang, 0),
        },
        data: rows.map((r, i) => [pct(r.share), i]),
        z: 4,
      },
    ],
  } as EChartsOption;
}
