/**
 * The report's bubble charts (figures 13–14 and 17–18): one bubble per machine kept by the
 * inclusion rule, opening across, occupancy up, size by ICR per hour, colour by the share of
 * patients from the emergency department; for programmed sessions, or programmed + emergency.
 */
import type { EChartsOption } from 'echarts';
import type { MachinePoint } from '../core/views/types.ts';
import {
  formatHoursPerWeek,
  formatIcrPerHour,
  formatNumber,
  formatPercent,
} from '../i18n/format.ts';
import type { Lang } from '../i18n/lang.ts';
import { figureLabel } from '../i18n/labels.ts';
import { t } from '../i18n/translate.ts';
import {
  baseOption,
  escapeHtml,
  niceScale,
  niceStep,
  noDataGraphic,
  tooltipLine,
  VALUE_AXIS_STYLE,
} from './common.ts';
import { BAND, INK, SEQUENTIAL_RED } from './palette.ts';

/** Which sessions the opening and occupancy are taken over. */
export type BubbleMode = 'programmed' | 'programmedPlusEmergency';

/** One bubble. */
export interface BubbleDatum {
  equipmentId: string;
  name: string;
  opening: number;
  occupancy: number;
  icrPerHour: number | null;
  emergencyShare: number | null;
}

/** The figure keys a mode reads from `MachinePoint.figures`. */
export const BUBBLE_KEYS: Readonly<Record<BubbleMode, { opening: string; occupancy: string }>> = {
  programmed: { opening: 'programmedOpening', occupancy: 'occupancyProgrammed' },
  programmedPlusEmergency: {
    opening: 'programmedPlusEmergencyOpening',
    occupancy: 'occupancyProgrammedPlusEmergency',
  },
};

/** A machine's display name: its label, else its id, with its establishment. */
export function machineName(
  p: Pick<MachinePoint, 'label' | 'equipmentId' | 'establishment'>,
): string {
  return `${p.label ?? p.equipmentId} — ${p.establishment}`;
}

/**
 * The bubbles of a mode: machines that pass the inclusion rule and have both an opening and an
 * occupancy (as the report, whose occupancy figures leave the other machines out).
 */
export function bubbleData(points: readonly MachinePoint[], mode: BubbleMode): BubbleDatum[] {
  const keys = BUBBLE_KEYS[mode];
  const out: BubbleDatum[] = [];
  for (const p of points) {
    if (!p.occupancyIncluded) continue;
    const opening = p.figures[keys.opening] ?? null;
    const occupancy = p.figures[keys.occupancy] ?? null;
    if (opening === null || occupancy === null) continue;
    out.push({
      equipmentId: p.equipmentId,
      name: machineName(p),
      opening,
      occupancy,
      icrPerHour: p.figures['icrPerHour'] ?? null,
      emergencyShare: p.figures['emergencyShare'] ?? null,
    });
  }
  return out;
}

/**
 * Bubble diameter (px) for an ICR per hour: the area grows with the value, from 4 px (no
 * production) to 34 px (the group's largest).
 */
export function bubbleSize(icrPerHour: number | null, maxIcrPerHour: number): number {
  if (icrPerHour === null || !(icrPerHour > 0) || !(maxIcrPerHour > 0)) return 4;
  return 4 + 30 * Math.sqrt(Math.min(1, icrPerHour / maxIcrPerHour));
}

export interface BubbleInput {
  points: readonly MachinePoint[];
  mode: BubbleMode;
  lang: Lang;
  /** The group's medians, drawn as cross lines (from the API's benchmark). */
  medians?: { opening: number | null; occupancy: number | null };
}

/**
 * Why a bubble chart is empty, in the reader's language: no machine passes the inclusion rule,
 * or the machines kept lack an opening or an occupancy. `null` when there are bubbles.
 */
export function bubbleEmptyText(
  points: readonly MachinePoint[],
  mode: BubbleMode,
  lang: Lang,
): string | null {
  if (bubbleData(points, mode).length > 0) return null;
  if (!points.some((p) => p.occupancyIncluded))
    return t(lang, 'chart.noneIncluded', { n: points.length });
  return t(lang, 'chart.noData');
}

/**
 * The bubble chart option. Data items are `[opening, occupancy, icrPerHour, emergencyShare]`
 * with the machine's id as `id` (a click can open the machine).
 */
export function bubbleOption(input: BubbleInput): EChartsOption {
  const { lang, mode } = input;
  const data = bubbleData(input.points, mode);
  const maxIcr = Math.max(0, ...data.map((d) => d.icrPerHour ?? 0));
  const maxShare = Math.max(0.1, ...data.map((d) => d.emergencyShare ?? 0));
  const shareTop = Math.min(
    1,
    Math.ceil(maxShare / niceStep(maxShare / 5)) * niceStep(maxShare / 5),
  );
  const keys = BUBBLE_KEYS[mode];
  const emptyText = bubbleEmptyText(input.points, mode, lang);
  const medianLines: object[] = [];
  const m = input.medians;
  const known = (v: number | null | undefined): v is number => typeof v === 'number';
  const xScale = niceScale([...data.map((d) => d.opening), m?.opening].filter(known), {
    minInterval: 1,
  });
  const yScale = niceScale([...data.map((d) => d.occupancy), m?.occupancy].filter(known), {
    minInterval: 0.05,
  });
  if (m?.opening !== null && m?.opening !== undefined) {
    medianLines.push({
      xAxis: m.opening,
      label: {
        formatter: `${t(lang, 'chart.median')} ${formatHoursPerWeek(m.opening, lang)}`,
        position: 'end',
      },
    });
  }
  if (m?.occupancy !== null && m?.occupancy !== undefined) {
    medianLines.push({
      yAxis: m.occupancy,
      label: {
        formatter: `${t(lang, 'chart.median')} ${formatPercent(m.occupancy, lang)}`,
        position: 'insideEndTop',
      },
    });
  }

  return {
    ...baseOption(t(lang, 'chart.ariaBubble', { n: data.length })),
    // Room above the plot for the y axis's name, then below it the opening median's label.
    grid: { left: 56, right: 120, top: 48, bottom: 48 },
    graphic: emptyText !== null ? [noDataGraphic(emptyText)] : [],
    xAxis: {
      type: 'value',
      show: emptyText === null,
      min: xScale.min,
      max: xScale.max,
      interval: xScale.interval,
      name: `${figureLabel(keys.opening, lang)} (${lang === 'fr' ? 'h/sem' : 'h/week'})`,
      nameLocation: 'middle',
      nameGap: 30,
      ...VALUE_AXIS_STYLE,
      axisLabel: {
        ...VALUE_AXIS_STYLE.axisLabel,
        hideOverlap: true,
        formatter: (v: number) => formatNumber(v, lang, xScale.decimals),
      },
    },
    yAxis: {
      type: 'value',
      show: emptyText === null,
      ...VALUE_AXIS_STYLE,
      min: Math.max(0, yScale.min),
      max: Math.min(1, yScale.max),
      interval: yScale.interval,
      name: figureLabel(keys.occupancy, lang),
      nameLocation: 'end',
      nameGap: 30,
      nameTextStyle: { align: 'left', color: INK.muted },
      axisLabel: {
        ...VALUE_AXIS_STYLE.axisLabel,
        formatter: (v: number) => formatPercent(v, lang, Math.max(0, yScale.decimals - 2)),
      },
    },
    visualMap: {
      show: emptyText === null,
      type: 'continuous',
      dimension: 3,
      min: 0,
      max: shareTop,
      calculable: false,
      inRange: { color: [...SEQUENTIAL_RED] },
      right: 8,
      top: 'middle',
      itemHeight: 120,
      itemWidth: 12,
      text: [
        `${formatPercent(shareTop, lang, 0)} ${t(lang, 'chart.fromEd')}`,
        formatPercent(0, lang, 0),
      ],
      textStyle: { color: INK.muted },
      seriesIndex: 0,
    },
    tooltip: {
      ...baseOption('').tooltip,
      trigger: 'item',
      formatter: (p: unknown) => {
        const item = p as { name?: string; value?: (number | null)[]; color?: string };
        const v = item.value ?? [];
        const color = typeof item.color === 'string' ? item.color : INK.muted;
        return [
          `<b>${escapeHtml(item.name ?? '')}</b>`,
          tooltipLine(color, figureLabel(keys.opening, lang), formatHoursPerWeek(v[0], lang), lang),
          tooltipLine(color, figureLabel(keys.occupancy, lang), formatPercent(v[1], lang), lang),
          tooltipLine(color, figureLabel('icrPerHour', lang), formatIcrPerHour(v[2], lang), lang),
          tooltipLine(color, t(lang, 'chart.emergencyShare'), formatPercent(v[3], lang), lang),
        ].join('<br>');
      },
    },
    series: [
      {
        type: 'scatter',
        name: figureLabel(keys.occupancy, lang),
        data: data.map((d) => ({
          id: d.equipmentId,
          name: d.name,
          value: [d.opening, d.occupancy, d.icrPerHour, d.emergencyShare ?? 0],
        })),
        symbolSize: (value: (number | null)[]) => bubbleSize(value[2] ?? null, maxIcr),
        itemStyle: { borderColor: 'rgba(31, 41, 51, 0.55)', borderWidth: 0.6, opacity: 0.85 },
        emphasis: { itemStyle: { borderColor: INK.text, borderWidth: 1.5 } },
        markLine:
          medianLines.length > 0 && emptyText === null
            ? {
                silent: true,
                symbol: 'none',
                lineStyle: { color: BAND.median, type: 'dashed', width: 1 },
                label: { color: BAND.median },
                data: medianLines,
              }
            : undefined,
      },
    ],
  } as EChartsOption;
}
