/**
 * Charts of the printed reports: an ECharts option drawn to SVG at the A4 text column's width,
 * wrapped in a captioned figure. Both the site fiche and the syntheses use it.
 */
import type { EChartsOption } from 'echarts';
import { renderSvg } from '../charts/render-svg.ts';
import type { Content, Html } from './html.ts';
import { figure } from './html.ts';

/** The A4 text column at 96 dpi (210 mm − 2 × 15 mm margins ≈ 680 px). */
export const COLUMN_WIDTH = 680;

/** A chart as a figure: `option` drawn `height` px tall across the text column. */
export function chartFigure(spec: {
  id: string;
  caption: Content;
  option: EChartsOption;
  height: number;
  width?: number;
  source?: Content;
}): Html {
  const svg = renderSvg(spec.option, spec.width ?? COLUMN_WIDTH, Math.round(spec.height));
  return figure({
    id: spec.id,
    caption: spec.caption,
    svg,
    ...(spec.source !== undefined ? { source: spec.source } : {}),
  });
}
