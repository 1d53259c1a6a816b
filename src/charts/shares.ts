/**
 * Shares of machines, as horizontal bars beside the 2010 published share (a diamond, or a
 * short grey bar when the report gave a range, "5 to 10 %"): night activity and on-call work
 * (the report's "permanence des soins" page).
 */
import type { CustomSeriesRenderItem, EChartsOption } from 'echarts';
import { formatPercent } from '../i18n/format.ts';
import type { Lang } from '../i18n/lang.ts';
import { t } from '../i18n/translate.ts';
import {
  baseOption,
  CATEGORY_AXIS_STYLE,
  escapeHtml,
  tooltipLine,
  VALUE_AXIS_STYLE,
} from './common.ts';
import { BAND, INK, OKABE_ITO } from './palette.ts';

export interface ShareRow {
  label: string;
  /** 0..1, `null` when the group is empty. */
  value: number | null;
  /** The 2010 share, or its published range. */
  reference: number | readonly [number, number] | null;
  color?: string;
}

export interface SharesInput {
  rows: readonly ShareRow[];
  lang: Lang;
}

/** The shares option: bars `value` per row, references as `[low, rowIndex, high]`. */
export function sharesOption(input: SharesInput): EChartsOption {
  const { lang, rows } = input;
  const refData = rows.flatMap((r, i): [number, number, number][] => {
    if (r.reference === null) return [];
    const [lo, hi] = typeof r.reference === 'number' ? [r.reference, r.reference] : r.reference;
    return [[lo, i, hi]];
  });
  const renderRef: CustomSeriesRenderItem = (_params, api) => {
    const row = Number(api.value(1));
    const [x0 = 0, y = 0] = api.coord([api.value(0), row]);
    const [x1 = 0] = api.coord([api.value(2), row]);
    if (x1 - x0 < 2) {
      const s = 6;
      return {
        type: 'polygon',
        shape: {
          points: [
            [x0, y - s],
            [x0 + s, y],
            [x0, y + s],
            [x0 - s, y],
          ],
        },
        style: { fill: BAND.reference, stroke: '#ffffff', lineWidth: 1 },
      };
    }
    return {
      type: 'rect',
      shape: { x: x0, y: y - 4, width: x1 - x0, height: 8 },
      style: { fill: BAND.reference },
    };
  };
  return {
    ...baseOption(t(lang, 'chart.ariaShares')),
    grid: { left: 8, right: 8, top: 32, bottom: 28, containLabel: true },
    legend: {
      top: 0,
      left: 'center',
      textStyle: { color: INK.text },
      itemWidth: 14,
      itemHeight: 10,
    },
    xAxis: {
      type: 'value',
      min: 0,
      max: 1,
      ...VALUE_AXIS_STYLE,
      interval: 0.5,
      axisLabel: {
        ...VALUE_AXIS_STYLE.axisLabel,
        hideOverlap: true,
        formatter: (v: number) => formatPercent(v, lang, 0),
      },
    },
    yAxis: [
      {
        type: 'category',
        inverse: true,
        data: rows.map((r) => r.label),
        ...CATEGORY_AXIS_STYLE,
        axisLabel: { color: INK.text, width: 130, overflow: 'break', lineHeight: 15 },
      },
      // The shares in a column of their own at the right, clear of the bars, of the 2010
      // marks and of the category labels.
      {
        type: 'category',
        inverse: true,
        position: 'right',
        data: rows.map((r) => formatPercent(r.value, lang)),
        axisLine: { show: false },
        axisTick: { show: false },
        axisLabel: { color: INK.text, fontWeight: 'bold', fontSize: 13 },
      },
    ],
    tooltip: {
      ...baseOption('').tooltip,
      trigger: 'item',
      formatter: (p: unknown) => {
        const item = p as { seriesType?: string; dataIndex?: number; value?: unknown };
        if (item.seriesType === 'custom') {
          const [lo = 0, row = 0, hi = 0] = (item.value as number[] | undefined) ?? [];
          const text =
            lo === hi
              ? formatPercent(lo, lang)
              : `${formatPercent(lo, lang)}–${formatPercent(hi, lang)}`;
          return `<b>${escapeHtml(rows[row]?.label ?? '')}</b><br>${tooltipLine(BAND.reference, t(lang, 'chart.reference2010'), text, lang)}`;
        }
        const row = rows[item.dataIndex ?? -1];
        if (!row) return '';
        return `<b>${escapeHtml(row.label)}</b><br>${tooltipLine(row.color ?? OKABE_ITO.blue, t(lang, 'col.share'), formatPercent(row.value, lang), lang)}`;
      },
    },
    series: [
      {
        type: 'bar',
        name: t(lang, 'chart.share'),
        barMaxWidth: 22,
        itemStyle: { color: OKABE_ITO.blue },
        data: rows.map((r) => ({
          value: r.value,
          itemStyle: r.color ? { color: r.color } : undefined,
        })),
      },
      {
        type: 'custom',
        name: t(lang, 'chart.reference2010'),
        itemStyle: { color: BAND.reference },
        renderItem: renderRef,
        encode: { x: [0, 2], y: 1 },
        z: 5,
        data: refData,
      },
    ],
  } as EChartsOption;
}
