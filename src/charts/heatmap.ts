/**
 * When a machine works: mean exams started per hour, by weekday (rows, Monday on top) and
 * hour of the day (columns), on a light-to-dark sequential scale.
 */
import type { EChartsOption } from 'echarts';
import type { HeatmapView } from '../core/views/types.ts';
import { formatNumber, weekdayName } from '../i18n/format.ts';
import type { Lang } from '../i18n/lang.ts';
import { t } from '../i18n/translate.ts';
import { baseOption, CATEGORY_AXIS_STYLE, escapeHtml } from './common.ts';
import { INK, SEQUENTIAL_BLUE } from './palette.ts';

export interface HeatmapInput {
  heatmap: HeatmapView;
  lang: Lang;
}

/** The cells as `[hour, weekdayIndex, mean]`, Monday = 0. */
export function heatmapData(heatmap: HeatmapView): [number, number, number][] {
  const out: [number, number, number][] = [];
  heatmap.cells.forEach((row, day) => row.forEach((value, hour) => out.push([hour, day, value])));
  return out;
}

/** The heatmap option. */
export function heatmapOption(input: HeatmapInput): EChartsOption {
  const { lang, heatmap } = input;
  const days = [1, 2, 3, 4, 5, 6, 7].map((d) => weekdayName(d, lang, 'short'));
  const hours = Array.from({ length: 24 }, (_, h) =>
    lang === 'fr' ? `${h}\u202fh` : String(h).padStart(2, '0'),
  );
  return {
    ...baseOption(t(lang, 'chart.ariaHeatmap')),
    grid: { left: 8, right: 16, top: 12, bottom: 72, containLabel: true },
    xAxis: { type: 'category', data: hours, ...CATEGORY_AXIS_STYLE, splitArea: { show: false } },
    yAxis: { type: 'category', data: days, inverse: true, ...CATEGORY_AXIS_STYLE },
    visualMap: {
      type: 'continuous',
      min: 0,
      max: Math.max(heatmap.max, 0.1),
      calculable: false,
      orient: 'horizontal',
      left: 'center',
      bottom: 0,
      itemWidth: 12,
      itemHeight: 180,
      inRange: { color: [...SEQUENTIAL_BLUE] },
      text: [formatNumber(heatmap.max, lang), '0'],
      textStyle: { color: INK.muted },
    },
    tooltip: {
      ...baseOption('').tooltip,
      trigger: 'item',
      formatter: (p: unknown) => {
        const [hour = 0, day = 0, value = 0] = ((p as { value?: number[] }).value ??
          []) as number[];
        return `${escapeHtml(weekdayName(day + 1, lang))} ${String(hour).padStart(2, '0')}:00–${String(hour + 1).padStart(2, '0')}:00<br><b>${escapeHtml(formatNumber(value, lang, 2))}</b> ${escapeHtml(t(lang, 'chart.meanExams').toLowerCase())}`;
      },
    },
    series: [
      {
        type: 'heatmap',
        name: t(lang, 'chart.meanExams'),
        data: heatmapData(heatmap),
        itemStyle: { borderColor: '#ffffff', borderWidth: 1 },
        emphasis: { itemStyle: { borderColor: INK.text, borderWidth: 1 } },
      },
    ],
  } as EChartsOption;
}
