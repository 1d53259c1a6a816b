/**
 * ECharts for the browser: the core, the pieces plateau's charts use, and the canvas renderer
 * (the SVG renderer comes with `charts/render-svg.ts`, for exports).
 */
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { CHART_PARTS } from '../../charts/parts.ts';

echarts.use([...CHART_PARTS, CanvasRenderer]);

export { echarts };
