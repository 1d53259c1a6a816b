/**
 * The report's figures 3–6 as an ECharts option: the earliest appointment each site offers for
 * each clinical case, sites across (sorted by mean delay, unnamed), days up, one shape and colour
 * per case. Pure, for print: white background, no animation (`baseOption`), legend above.
 */
import type { EChartsOption } from 'echarts';
import {
  baseOption,
  CATEGORY_AXIS_STYLE,
  niceScale,
  noDataGraphic,
  VALUE_AXIS_STYLE,
} from '../../../charts/common.ts';
import { INK, OKABE_ITO } from '../../../charts/palette.ts';
import type { Lang } from '../../../i18n/index.ts';
import { caseShortLabel, formatNumber } from '../../../i18n/index.ts';
import type { SiteAnswers } from '../data/facts.ts';
import { sm } from '../messages/index.ts';

const SHAPES = ['circle', 'rect', 'triangle', 'diamond', 'roundRect'] as const;
const COLORS = [
  OKABE_ITO.blue,
  OKABE_ITO.orange,
  OKABE_ITO.green,
  OKABE_ITO.vermillion,
  OKABE_ITO.purple,
] as const;

/**
 * The option of a per-site survey chart; `title` is its ARIA description.
 *
 * @example
 * renderSvg(surveySitesOption(siteAnswers(scope, 'CT', 'outpatient'), 'Délais', 'fr'), 680, 300);
 */
export function surveySitesOption(data: SiteAnswers, title: string, lang: Lang): EChartsOption {
  const values = data.cases.flatMap((c) => c.points.map((p) => p[1]));
  const empty = values.length === 0;
  const y = niceScale(values, { zero: true, minInterval: 1 });
  return {
    ...baseOption(title),
    tooltip: { show: false },
    graphic: empty ? [noDataGraphic(sm(lang, 'noData'))] : [],
    legend: {
      top: 0,
      left: 'center',
      itemWidth: 10,
      itemHeight: 10,
      textStyle: { color: INK.text, fontSize: 11 },
    },
    grid: { left: 48, right: 12, top: data.cases.length > 3 ? 48 : 28, bottom: 30 },
    xAxis: {
      type: 'value',
      show: !empty,
      min: -1,
      max: Math.max(1, data.sites.length),
      name: sm(lang, 'chart.sites'),
      nameLocation: 'middle',
      nameGap: 10,
      nameTextStyle: { color: INK.muted },
      ...CATEGORY_AXIS_STYLE,
      axisLabel: { show: false },
    },
    yAxis: {
      type: 'value',
      show: !empty,
      min: y.min,
      max: y.max,
      interval: y.interval,
      name: sm(lang, 'chart.days'),
      nameLocation: 'middle',
      nameGap: 34,
      ...VALUE_AXIS_STYLE,
      axisLabel: {
        ...VALUE_AXIS_STYLE.axisLabel,
        formatter: (v: number) => formatNumber(v, lang, y.decimals),
      },
    },
    series: data.cases.map((c, i) => ({
      type: 'scatter',
      name: caseShortLabel(c.case, lang),
      symbol: SHAPES[i % SHAPES.length],
      symbolSize: 5,
      itemStyle: { color: COLORS[i % COLORS.length], opacity: 0.8 },
      data: c.points,
    })),
  } as EChartsOption;
}
