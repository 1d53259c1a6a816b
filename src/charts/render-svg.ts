/**
 * Renders an option to an SVG string without any DOM, with ECharts' server-side SVG renderer:
 * the web app's "SVG" export and the PDF reports draw exactly what the screen shows.
 */
import type { EChartsOption } from 'echarts';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { FONT_FAMILY } from './palette.ts';
import { CHART_PARTS } from './parts.ts';

echarts.use([...CHART_PARTS, SVGRenderer]);

const SVG_FONT_FAMILY = FONT_FAMILY.replace(/"/g, "'");

/**
 * The SVG document of `option` drawn at `width` × `height` pixels.
 *
 * @example
 * const svg = renderSvg(histogramOption({ ... }), 640, 320); // "<svg width=\"640\" …"
 */
export function renderSvg(option: EChartsOption, width: number, height: number): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  try {
    chart.setOption(option);
    // ECharts writes the font stack as is into `style="…"`: its double quotes ("Segoe UI")
    // would end the attribute and make the file invalid XML.
    return chart.renderToSVGString().split(FONT_FAMILY).join(SVG_FONT_FAMILY);
  } finally {
    chart.dispose();
  }
}

/**
 * Registers boundaries under `name` for every chart drawn afterwards (in the browser as in
 * Node: ECharts keeps one registry), once: a second call with the same name does nothing.
 *
 * @example
 * registerMapOnce(TERRITORY_MAP_NAMES.region, REGIONS); // then renderSvg(territoryMapOption(…), …)
 */
export function registerMapOnce(name: string, geoJson: object): void {
  if (echarts.getMap(name)) return;
  echarts.registerMap(name, geoJson as Parameters<typeof echarts.registerMap>[1]);
}
