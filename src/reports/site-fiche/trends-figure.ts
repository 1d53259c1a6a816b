/**
 * Small multiples in a printed report: several small trend charts (`src/charts/trends.ts`, the
 * web's own options) side by side in a grid under one caption, kept whole on a page. The site
 * fiche's machine trends and the syntheses' chapter over the campaigns draw them.
 */
import type { EChartsOption } from 'echarts';
import { renderSvg } from '../../charts/render-svg.ts';
import type { Content, Html } from '../html.ts';
import { html, trusted } from '../html.ts';
import { COLUMN_WIDTH } from '../figures.ts';

/** Charts per row of a small-multiples grid, and the height (px) each is drawn at. */
export const MULTIPLES_COLUMNS = 3;
export const MULTIPLE_HEIGHT = 150;

/**
 * A captioned figure of `options` drawn in a grid of `MULTIPLES_COLUMNS` columns across the A4
 * text column (each chart at its own width, so that its text prints at its size).
 *
 * @example
 * smallMultiples('m1-trends', 'CT 1, campaign by campaign', figures.map((f) => trendSmallMultiple(f, campaigns, 'en')));
 */
export function smallMultiples(
  id: string,
  caption: Content,
  options: readonly EChartsOption[],
): Html {
  const gap = 8;
  const width = Math.floor((COLUMN_WIDTH - gap * (MULTIPLES_COLUMNS - 1)) / MULTIPLES_COLUMNS);
  const cells = options.map((o) =>
    trusted(
      `<div class="multiple">${renderSvg(o, width, MULTIPLE_HEIGHT).replace(/^<\?xml[^>]*>\s*/, '')}</div>`,
    ),
  );
  const grid = `display:grid;grid-template-columns:repeat(${MULTIPLES_COLUMNS},${width}px);gap:4px ${gap}px;justify-content:center`;
  return html`<figure class="chart multiples" id="${id}"><div style="${grid}">${cells}</div><figcaption>${caption}</figcaption></figure>`;
}
