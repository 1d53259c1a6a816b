/**
 * What every chart shares: no animation (the same picture on screen, in PNG, in SVG and in a
 * PDF), the system font, muted axes, an ARIA description, and small scale helpers.
 */
import type { EChartsOption } from 'echarts';
import type { Lang } from '../i18n/lang.ts';
import { FONT_FAMILY, INK } from './palette.ts';

/**
 * The options every builder starts from. `description` becomes the chart's ARIA label (the
 * canvas and the SVG both carry it).
 */
export function baseOption(description: string): EChartsOption {
  return {
    animation: false,
    backgroundColor: '#ffffff',
    textStyle: { fontFamily: FONT_FAMILY, color: INK.text, fontSize: 12 },
    aria: { enabled: true, label: { description } },
    tooltip: {
      confine: true,
      backgroundColor: '#ffffff',
      borderColor: INK.axis,
      textStyle: { color: INK.text, fontFamily: FONT_FAMILY, fontSize: 12 },
    },
  };
}

/** Axis styling shared by value axes. */
export const VALUE_AXIS_STYLE = {
  axisLine: { show: true, lineStyle: { color: INK.axis } },
  axisTick: { show: true, lineStyle: { color: INK.axis } },
  axisLabel: { color: INK.muted },
  splitLine: { show: true, lineStyle: { color: INK.grid } },
  nameTextStyle: { color: INK.muted },
} as const;

/** Axis styling shared by category axes. */
export const CATEGORY_AXIS_STYLE = {
  axisLine: { show: true, lineStyle: { color: INK.axis } },
  axisTick: { show: false },
  axisLabel: { color: INK.text },
  splitLine: { show: false },
} as const;

/**
 * The "nice" step (1, 2, 2.5 or 5 times a power of ten) closest above `raw`.
 *
 * @example
 * niceStep(3.7); // 5
 * niceStep(0.023); // 0.025
 */
export function niceStep(raw: number): number {
  if (!(raw > 0) || !Number.isFinite(raw)) return 1;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  for (const m of [1, 2, 2.5, 5, 10]) {
    const step = m * magnitude;
    if (step >= raw * (1 - 1e-9)) return step;
  }
  return 10 * magnitude;
}

/** Escapes text put into an HTML tooltip. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** A tooltip line with a coloured dot: "● label : value" (French spacing) or "● label: value". */
export function tooltipLine(color: string, label: string, value: string, lang: Lang): string {
  const colon = lang === 'fr' ? '\u202f: ' : ': ';
  return `<span style="display:inline-block;width:8px;height:8px;border-radius:4px;background:${color};margin-right:6px"></span>${escapeHtml(label)}${colon}<b>${escapeHtml(value)}</b>`;
}
