/**
 * Weekly opening of every machine out of 168 hours, as stacked bars sorted from the most open
 * (report, figures 9–10): programmed sessions, what extended opening adds (emergency,
 * reconditioning, breakdown, research), what total opening adds (on-call, maintenance, quality
 * control).
 */
import type { EChartsOption } from 'echarts';
import type { MachinePoint } from '../core/views/types.ts';
import { formatHoursPerWeek } from '../i18n/format.ts';
import type { Lang } from '../i18n/lang.ts';
import { t } from '../i18n/translate.ts';
import {
  baseOption,
  CATEGORY_AXIS_STYLE,
  escapeHtml,
  tooltipLine,
  VALUE_AXIS_STYLE,
} from './common.ts';
import { machineName } from './bubble.ts';
import { INK, OPENING_COLORS } from './palette.ts';

/** One machine's bar: the three openings (h/week) and the two increments the bar stacks. */
export interface OpeningRow {
  equipmentId: string;
  name: string;
  programmed: number;
  extended: number;
  total: number;
}

/**
 * Machines with their three openings, sorted by extended opening, then total, then programmed
 * (descending), machines without openings left out.
 */
export function openingRows(points: readonly MachinePoint[]): OpeningRow[] {
  const rows: OpeningRow[] = [];
  for (const p of points) {
    const programmed = p.figures['programmedOpening'] ?? null;
    const extended = p.figures['extendedOpening'] ?? null;
    const total = p.figures['totalOpening'] ?? null;
    if (programmed === null || extended === null || total === null) continue;
    rows.push({ equipmentId: p.equipmentId, name: machineName(p), programmed, extended, total });
  }
  return rows.sort(
    (a, b) =>
      b.extended - a.extended ||
      b.total - a.total ||
      b.programmed - a.programmed ||
      a.equipmentId.localeCompare(b.equipmentId),
  );
}

export interface OpeningsInput {
  points: readonly MachinePoint[];
  lang: Lang;
}

/** The stacked-bar option; category axis values are equipment ids, in the sorted order. */
export function openingsOption(input: OpeningsInput): EChartsOption {
  const { lang } = input;
  const rows = openingRows(input.points);
  const labels = {
    programmed: t(lang, 'opening.programmed'),
    extended: t(lang, 'opening.extendedOnly'),
    total: t(lang, 'opening.totalOnly'),
  };
  const bar = (name: string, color: string, values: number[]): object => ({
    type: 'bar',
    name,
    stack: 'opening',
    barCategoryGap: rows.length > 60 ? '0%' : '20%',
    // A handful of machines keep bars of a bar's width, not slabs across the whole chart.
    barMaxWidth: 48,
    itemStyle: { color },
    emphasis: { disabled: true },
    data: values,
  });
  return {
    ...baseOption(t(lang, 'chart.ariaOpenings', { n: rows.length })),
    grid: { left: 48, right: 16, top: 40, bottom: 36 },
    legend: {
      top: 0,
      left: 'center',
      textStyle: { color: INK.text },
      itemWidth: 14,
      itemHeight: 10,
    },
    xAxis: {
      type: 'category',
      data: rows.map((r) => r.equipmentId),
      name: t(lang, 'chart.openingsAxis'),
      nameLocation: 'middle',
      nameGap: 14,
      nameTextStyle: { color: INK.muted },
      ...CATEGORY_AXIS_STYLE,
      axisLabel: { show: false },
    },
    yAxis: {
      type: 'value',
      ...VALUE_AXIS_STYLE,
      min: 0,
      max: 168,
      interval: 24,
      name: t(lang, 'chart.hoursPerWeek'),
      nameLocation: 'end',
      nameTextStyle: { align: 'left', color: INK.muted },
    },
    tooltip: {
      ...baseOption('').tooltip,
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      formatter: (params: unknown) => {
        const list = params as { dataIndex: number }[];
        const row = rows[list[0]?.dataIndex ?? -1];
        if (!row) return '';
        return [
          `<b>${escapeHtml(row.name)}</b>`,
          tooltipLine(
            OPENING_COLORS.programmed,
            t(lang, 'figure.programmedOpening'),
            formatHoursPerWeek(row.programmed, lang),
            lang,
          ),
          tooltipLine(
            OPENING_COLORS.extended,
            t(lang, 'figure.extendedOpening'),
            formatHoursPerWeek(row.extended, lang),
            lang,
          ),
          tooltipLine(
            OPENING_COLORS.total,
            t(lang, 'figure.totalOpening'),
            formatHoursPerWeek(row.total, lang),
            lang,
          ),
        ].join('<br>');
      },
    },
    series: [
      bar(
        labels.programmed,
        OPENING_COLORS.programmed,
        rows.map((r) => r.programmed),
      ),
      bar(
        labels.extended,
        OPENING_COLORS.extended,
        rows.map((r) => Math.max(0, r.extended - r.programmed)),
      ),
      bar(
        labels.total,
        OPENING_COLORS.total,
        rows.map((r) => Math.max(0, r.total - r.extended)),
      ),
    ],
  } as EChartsOption;
}
