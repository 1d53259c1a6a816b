/**
 * What every chart shares: no animation (the same picture on screen, in PNG, in SVG and in a
 * PDF), the system font, muted axes, an ARIA description, and small scale helpers.
 */
import type { EChartsOption } from 'echarts';
import type { FigureUnit } from '../i18n/format.ts';
import { formatMinutes, formatNumber, formatPercent } from '../i18n/format.ts';
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

/** How many decimals a number needs to be written exactly (0.25 → 2, 2.5 → 1, 40 → 0). */
export function decimalsOf(value: number): number {
  for (let d = 0; d < 12; d++) {
    const scaled = Math.abs(value) * 10 ** d;
    if (Math.abs(scaled - Math.round(scaled)) < 1e-9 * Math.max(1, scaled)) return d;
  }
  return 12;
}

/** A linear axis: its bounds, its tick interval and the decimals its labels need. */
export interface AxisScale {
  min: number;
  max: number;
  interval: number;
  /** Decimals that write every tick exactly: two ticks never read the same. */
  decimals: number;
}

/**
 * A linear axis fitted to `values`: a nice interval (about `ticks` of them, never under
 * `minInterval`), bounds on multiples of it that contain every value, and the decimals that
 * tell the ticks apart. A single value gets one interval on each side. With `zero`, the axis
 * starts at 0 (when the values are positive).
 *
 * @example
 * niceScale([1.25, 1.33]); // { min: 1.24, max: 1.34, interval: 0.02, decimals: 2 }
 * niceScale([3, 47], { zero: true }); // { min: 0, max: 50, interval: 10, decimals: 0 }
 */
export function niceScale(
  values: readonly number[],
  options: { ticks?: number; minInterval?: number; zero?: boolean } = {},
): AxisScale {
  const finite = values.filter((v) => Number.isFinite(v));
  const least = finite.length > 0 ? Math.min(...finite) : 0;
  const lo = options.zero && least > 0 ? 0 : least;
  const hi = finite.length > 0 ? Math.max(...finite) : 1;
  const ticks = options.ticks ?? 5;
  let interval = hi > lo ? niceStep((hi - lo) / ticks) : niceStep(Math.abs(lo) / ticks || 1);
  if (options.minInterval !== undefined && interval < options.minInterval)
    interval = niceStep(options.minInterval);
  let min = Math.floor(lo / interval + 1e-9) * interval;
  let max = Math.ceil(hi / interval - 1e-9) * interval;
  if (max <= min) {
    min -= interval;
    max += interval;
    if (options.zero && lo >= 0 && min < 0) min = 0;
  }
  const decimals = decimalsOf(interval);
  const round = (v: number): number => Number(v.toFixed(Math.min(12, decimals + 2)));
  return { min: round(min), max: round(max), interval, decimals };
}

/**
 * The label of a tick of an axis in `unit`: as many decimals as the scale's interval needs (so
 * that "1,2 1,2 1,3" never happens), percent for fractions, hours and days for long minute
 * spans. The axis title carries the unit.
 */
export function tickLabel(value: number, unit: FigureUnit, scale: AxisScale, lang: Lang): string {
  if (unit === 'fraction') return formatPercent(value, lang, Math.max(0, scale.decimals - 2));
  if (unit === 'min') return formatMinutes(value, lang);
  return formatNumber(value, lang, scale.decimals);
}

/**
 * Breaks `text` into lines of at most `width` characters at spaces (a word longer than that
 * stays whole). Done here rather than by ECharts so that the lines centre the same way on a
 * canvas, in SVG and in a PDF.
 *
 * @example
 * wrapText('Aucune machine retenue pour l’occupation', 20); // "Aucune machine\nretenue pour\nl’occupation"
 */
export function wrapText(text: string, width: number): string {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/ +/)) {
    if (line !== '' && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line === '' ? word : `${line} ${word}`;
  }
  if (line !== '') lines.push(line);
  return lines.join('\n');
}

/**
 * A centred message in place of a chart that has nothing to draw, saying why (ECharts `graphic`
 * text, so that it shows on screen and in PNG, SVG and PDF exports alike).
 */
export function noDataGraphic(text: string): object {
  return {
    type: 'text',
    left: 'center',
    top: 'middle',
    silent: true,
    style: {
      text: wrapText(text, 42),
      lineHeight: 18,
      fill: INK.muted,
      fontSize: 13,
      fontFamily: FONT_FAMILY,
      textAlign: 'center',
    },
  };
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
