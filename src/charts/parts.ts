/**
 * The ECharts pieces plateau's charts use, registered once with `echarts.use`: importing ECharts
 * piece by piece keeps the web bundle small. A renderer (canvas in the browser, SVG for
 * exports and PDF reports) is added by whoever draws.
 */
import {
  BarChart,
  CustomChart,
  HeatmapChart,
  LineChart,
  MapChart,
  ScatterChart,
} from 'echarts/charts';
import {
  AriaComponent,
  GraphicComponent,
  GridComponent,
  LegendComponent,
  MarkAreaComponent,
  MarkLineComponent,
  TitleComponent,
  TooltipComponent,
  VisualMapComponent,
} from 'echarts/components';
// `grid.containLabel` (labels kept inside the chart) is a separate feature since ECharts 6.
import { LegacyGridContainLabel } from 'echarts/features';

/** Every chart type and component the option builders of `src/charts` need. */
export const CHART_PARTS = [
  BarChart,
  CustomChart,
  HeatmapChart,
  // The trends' small multiples (a value over the campaigns).
  LineChart,
  // The territories' choropleth (its geo component comes with it).
  MapChart,
  ScatterChart,
  AriaComponent,
  GraphicComponent,
  GridComponent,
  LegendComponent,
  MarkAreaComponent,
  MarkLineComponent,
  TitleComponent,
  TooltipComponent,
  VisualMapComponent,
  LegacyGridContainLabel,
];
