/**
 * The site's CT share of head imaging against its peer sites, one row per scope (all,
 * scheduled, emergency) on the share's own 0–100 % scale: the peers' P20–P80 band (a stacked
 * bar over a transparent one), their median as a tick, the site's dot labelled with its share
 * (vermillion when flagged). A small option of the fiche, drawn to SVG by `chartFigure`.
 */
import type { EChartsOption } from 'echarts';
import { baseOption, CATEGORY_AXIS_STYLE, VALUE_AXIS_STYLE } from '../../charts/common.ts';
import { BAND, INK, OKABE_ITO } from '../../charts/index.ts';
import type { Quantiles } from '../../core/stats.ts';
import type { Lang } from '../../i18n/index.ts';
import { formatPercent } from '../../i18n/index.ts';
import type { NeuroScope } from '../../plan/relevance/types.ts';
import { rt } from '../messages/index.ts';

/** One row of the chart. */
export interface RelevanceChartRow {
  scope: NeuroScope;
  share: number | null;
  flagged: boolean;
  peers: Quantiles;
}

const pct = (v: number | null): number | null => (v === null ? null : Math.round(v * 1000) / 10);

/** The option: per row, the band P20→P80, the median tick and the site's dot. */
export function relevanceOption(rows: readonly RelevanceChartRow[], lang: Lang): EChartsOption {
  const labels = rows.map((r) => rt(lang, `plan.rel.scope.${r.scope}`));
  const banded = (r: RelevanceChartRow): boolean => r.peers.p20 !== null && r.peers.p80 !== null;
  return {
    ...baseOption(rt(lang, 'plan.rel.chart.caption')),
    grid: { left: 150, right: 40, top: 12, bottom: 40 },
    xAxis: {
      type: 'value',
      min: 0,
      max: 100,
      interval: 10,
      name: rt(lang, 'plan.rel.col.share'),
      nameLocation: 'middle',
      nameGap: 24,
      ...VALUE_AXIS_STYLE,
      axisLabel: { color: INK.muted, formatter: (v: number) => formatPercent(v / 100, lang, 0) },
    },
    yAxis: {
      type: 'category',
      data: labels,
      inverse: true,
      ...CATEGORY_AXIS_STYLE,
      axisLabel: { color: INK.text, width: 140, overflow: 'truncate' },
    },
    series: [
      {
        type: 'bar',
        stack: 'band',
        silent: true,
        barWidth: 20,
        itemStyle: { color: 'transparent' },
        data: rows.map((r) => (banded(r) ? pct(r.peers.p20) : null)),
      },
      {
        type: 'bar',
        stack: 'band',
        barWidth: 20,
        itemStyle: { color: BAND.fill, borderColor: BAND.border, borderWidth: 1 },
        data: rows.map((r) => (banded(r) ? (pct(r.peers.p80) ?? 0) - (pct(r.peers.p20) ?? 0) : null)),
      },
      {
        type: 'scatter',
        symbol: 'rect',
        symbolSize: [3, 24],
        itemStyle: { color: BAND.median },
        data: rows.flatMap((r, i) => (r.peers.p50 === null ? [] : [[pct(r.peers.p50), i]])),
      },
      {
        type: 'scatter',
        symbolSize: 12,
        data: rows.flatMap((r, i) =>
          r.share === null
            ? []
            : [
                {
                  value: [pct(r.share), i],
                  itemStyle: { color: r.flagged ? OKABE_ITO.vermillion : OKABE_ITO.blue, borderColor: '#ffffff', borderWidth: 1.5 },
                  label: { show: true, position: 'top', distance: 6, color: INK.text, fontWeight: 'bold', formatter: formatPercent(r.share, lang) },
                },
              ],
        ),
      },
    ],
  } as EChartsOption;
}
