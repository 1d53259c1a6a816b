/**
 * plateau's charts as pure functions from view models to ECharts options: no DOM, no React.
 * The web app draws them on a canvas; exports and the PDF reports draw the same options to SVG
 * (`render-svg.ts`). Colours come from `palette.ts`, words and numbers from `src/i18n`.
 */
export * from './palette.ts';
export { baseOption, decimalsOf, niceScale, niceStep, noDataGraphic, tickLabel } from './common.ts';
export type { AxisScale } from './common.ts';
export * from './histogram.ts';
export * from './bubble.ts';
export * from './openings.ts';
export * from './ranges.ts';
export * from './position.ts';
export * from './timeline.ts';
export * from './heatmap.ts';
export * from './shares.ts';
export * from './trends.ts';
export { CHART_PARTS } from './parts.ts';
