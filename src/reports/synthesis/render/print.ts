/**
 * Small print adjustments over the web's chart options and the report's flow: more room above
 * a plot whose legend would touch its axis title at the A4 width, and blocks kept on one page.
 */
import type { EChartsOption } from 'echarts';
import type { Html, HtmlValue } from '../../html.ts';
import { html } from '../../html.ts';

/**
 * The option with its (single) grid starting `top` pixels down, the rest unchanged.
 *
 * @example
 * withGridTop(openingsOption({ points, lang }), 64);
 */
export function withGridTop(option: EChartsOption, top: number): EChartsOption {
  const grid = option.grid;
  if (Array.isArray(grid) || grid === undefined) return option;
  return { ...option, grid: { ...grid, top } };
}

/** Fragments printed together on one page (a reading and the chart it reads). */
export function keepTogether(parts: readonly HtmlValue[]): Html {
  return html`<div class="keep">${parts}</div>`;
}
