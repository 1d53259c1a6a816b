/**
 * Small multiples of the trends (issue 16): one small chart per figure, x = the campaigns of the
 * series (short labels), the value line with its points over the peers' P20–P80 band and their
 * dashed median; a group's (region, nation) band and median, and beside a region the nation's.
 * The web draws these options on a canvas and the PDF sections through `renderSvg`: same pictures.
 */
import type { CustomSeriesRenderItem, EChartsOption } from 'echarts';
import { MACHINE_FIGURES } from '../core/benchmark.ts';
import type { Quantiles } from '../core/stats.ts';
import type { FigureTrend, GroupTrendYear } from '../core/trends/types.ts';
import type { CampaignRef, FigureKey } from '../core/views/types.ts';
import type { FigureUnit } from '../i18n/format.ts';
import { formatValue, unitSymbol } from '../i18n/format.ts';
import type { Lang } from '../i18n/lang.ts';
import { figureLabel } from '../i18n/labels.ts';
import { t } from '../i18n/translate.ts';
import {
  baseOption,
  CATEGORY_AXIS_STYLE,
  escapeHtml,
  niceScale,
  tickLabel,
  tooltipLine,
  VALUE_AXIS_STYLE,
  wrapText,
} from './common.ts';
import { BAND, FONT_FAMILY, INK, OKABE_ITO } from './palette.ts';

/** The colours of a trend chart, for a legend written beside the small multiples (HTML). */
export const TREND_COLORS = {
  value: OKABE_ITO.vermillion,
  band: BAND.fill,
  bandBorder: BAND.border,
  median: BAND.median,
  nation: OKABE_ITO.orange,
} as const;

/**
 * The short label of each campaign on a trend's x axis: its start year, or its name when another
 * campaign of the list starts the same year.
 *
 * @example
 * trendCampaignLabels([{ start: '2010-03-08', name: 'A', … }, { start: '2011-03-07', name: 'B', … }]); // ['2010', '2011']
 */
export function trendCampaignLabels(
  campaigns: readonly Pick<CampaignRef, 'name' | 'start'>[],
): string[] {
  const years = campaigns.map((c) => c.start.slice(0, 4));
  return campaigns.map((c, i) =>
    years.filter((y) => y === years[i]).length > 1 ? c.name : (years[i] ?? c.name),
  );
}

/** The unit of a machine figure (`MACHINE_FIGURES`); hours per week for an unknown key. */
export function trendFigureUnit(key: FigureKey): FigureUnit {
  return MACHINE_FIGURES.find((f) => f.key === key)?.unit ?? 'h/week';
}

/** Options shared by both small multiples. */
export interface TrendChartOptions {
  /** Draw the figure's name above the plot (default true); false when the page writes it. */
  title?: boolean;
  /** The name drawn, when it is not the figure's (`figureLabel(key)`): a lead's hours, say. */
  label?: string;
}

interface BandPoint {
  index: number;
  low: number;
  high: number;
}

/** The band's points (campaign index, P20, P80), the campaigns where both are known. */
function bandPoints(bands: readonly (Quantiles | null)[]): BandPoint[] {
  const out: BandPoint[] = [];
  bands.forEach((q, index) => {
    if (q && q.p20 !== null && q.p80 !== null) out.push({ index, low: q.p20, high: q.p80 });
  });
  return out;
}

/**
 * A P20–P80 band as a custom series: a trapezoid from each campaign to the next one when both
 * have a band, a short bar when a campaign's band has no neighbour (absent the years around).
 * Its data are the inputs: `[campaign index, P20, P80]`.
 */
function bandSeries(name: string, points: readonly BandPoint[]): object {
  const known = new Map(points.map((p) => [p.index, p]));
  const renderItem: CustomSeriesRenderItem = (params, api) => {
    const p = points[params.dataIndex];
    if (!p) return null;
    const style = { fill: BAND.fill, stroke: BAND.border, lineWidth: 1 };
    const next = known.get(p.index + 1);
    const at = (x: number, y: number): number[] => api.coord([x, y]) as number[];
    if (next) {
      const [a, b, c, d] = [
        at(p.index, p.low),
        at(next.index, next.low),
        at(next.index, next.high),
        at(p.index, p.high),
      ];
      const edge = { stroke: BAND.border, lineWidth: 1 };
      return {
        type: 'group',
        children: [
          { type: 'polygon', shape: { points: [a, b, c, d] }, style: { fill: BAND.fill } },
          { type: 'polyline', shape: { points: [a, b] }, style: edge },
          { type: 'polyline', shape: { points: [d, c] }, style: edge },
        ],
      };
    }
    if (known.has(p.index - 1)) return null;
    const width = ((api.size?.([1, 0]) as number[] | undefined)?.[0] ?? 40) * 0.36;
    const [x = 0, yLow = 0] = at(p.index, p.low);
    const [, yHigh = 0] = at(p.index, p.high);
    return {
      type: 'rect',
      shape: { x: x - width / 2, y: yHigh, width, height: Math.max(1, yLow - yHigh) },
      style,
    };
  };
  return {
    type: 'custom',
    name,
    silent: true,
    z: 1,
    itemStyle: { color: BAND.fill, borderColor: BAND.border },
    renderItem,
    encode: { x: 0, y: [1, 2] },
    data: points.map((p) => [p.index, p.low, p.high]),
  };
}

/** Characters of a title line: about a small multiple's width (220 px) at 12 px bold. */
const TITLE_WIDTH = 26;

interface Frame {
  description: string;
  title: string | null;
  labels: string[];
  unit: FigureUnit;
  lang: Lang;
  values: readonly (number | null)[];
  tooltip: (index: number) => string;
}

/** The axes, title and tooltip of a small multiple over every value it draws. */
function frame(f: Frame): EChartsOption {
  const finite = f.values.filter((v): v is number => v !== null && Number.isFinite(v));
  const scale = niceScale(finite, { zero: true, ticks: 4 });
  // A small chart is narrow: a long figure name goes on two lines rather than off the edge.
  const title = f.title === null ? null : wrapText(f.title, TITLE_WIDTH);
  const titleLines = title === null ? 0 : title.split('\n').length;
  return {
    ...baseOption(f.description),
    ...(title === null
      ? {}
      : {
          title: {
            text: title,
            left: 4,
            top: 2,
            textStyle: {
              fontSize: 12,
              lineHeight: 15,
              fontWeight: 'bold',
              color: INK.text,
              fontFamily: FONT_FAMILY,
            },
          },
        }),
    grid: { left: 8, right: 14, top: 26 + titleLines * 16, bottom: 6, containLabel: true },
    xAxis: {
      type: 'category',
      data: f.labels,
      boundaryGap: true,
      ...CATEGORY_AXIS_STYLE,
      axisLabel: { color: INK.text, interval: 0, fontSize: 11, hideOverlap: true },
    },
    yAxis: {
      type: 'value',
      min: scale.min,
      max: scale.max,
      interval: scale.interval,
      name: unitSymbol(f.unit, f.lang),
      nameLocation: 'end',
      nameGap: 8,
      ...VALUE_AXIS_STYLE,
      nameTextStyle: { color: INK.muted, fontSize: 11, align: 'left' },
      axisLabel: {
        color: INK.muted,
        fontSize: 11,
        formatter: (v: number) => tickLabel(v, f.unit, scale, f.lang),
      },
    },
    tooltip: {
      ...baseOption('').tooltip,
      trigger: 'axis',
      axisPointer: { type: 'line', lineStyle: { color: INK.axis } },
      formatter: (p: unknown) => {
        const first = (Array.isArray(p) ? p[0] : p) as { dataIndex?: number } | undefined;
        return f.tooltip(first?.dataIndex ?? -1);
      },
    },
  };
}

/** A line over the campaigns: nulls are gaps (never joined), points shown. */
function lineSeries(
  name: string,
  data: readonly (number | null)[],
  color: string,
  style: { dashed?: boolean; width?: number; symbolSize?: number; z?: number },
): object {
  return {
    type: 'line',
    name,
    data: [...data],
    connectNulls: false,
    showSymbol: true,
    symbol: 'circle',
    symbolSize: style.symbolSize ?? 4,
    z: style.z ?? 2,
    itemStyle: { color },
    lineStyle: { color, width: style.width ?? 1.5, type: style.dashed ? 'dashed' : 'solid' },
  };
}

/**
 * One figure of a machine over the campaigns: its value (line with points, gaps where it is
 * absent or not computable), its peers' P20–P80 band and their median (dashed). `campaigns` are
 * the trend's, oldest first; a point is matched to its campaign by id.
 *
 * @example
 * renderSvg(trendSmallMultiple(trend.figures[0], trend.campaigns, 'fr'), 300, 190);
 */
export function trendSmallMultiple(
  figure: FigureTrend,
  campaigns: readonly CampaignRef[],
  lang: Lang,
  options: TrendChartOptions = {},
): EChartsOption {
  const labels = trendCampaignLabels(campaigns);
  const points = campaigns.map((c) => figure.points.find((p) => p.campaignId === c.id) ?? null);
  const values = points.map((p) => p?.value ?? null);
  const bands = points.map((p) => p?.peers ?? null);
  const medians = bands.map((q) => q?.p50 ?? null);
  const name = options.label ?? figureLabel(figure.key, lang);
  const fmt = (v: number | null | undefined): string => formatValue(v, figure.unit, lang);
  const tooltip = (i: number): string => {
    const c = campaigns[i];
    const p = points[i];
    if (!c) return '';
    const q = p?.peers ?? null;
    const lines = [
      `<b>${escapeHtml(name)}</b> — ${escapeHtml(c.name)}`,
      tooltipLine(
        TREND_COLORS.value,
        t(lang, 'trendChart.value'),
        p?.value == null ? t(lang, 'trendChart.absent') : fmt(p.value),
        lang,
      ),
    ];
    if (q) {
      lines.push(
        tooltipLine(BAND.median, t(lang, 'col.p20'), fmt(q.p20), lang),
        tooltipLine(BAND.median, t(lang, 'trendChart.peersMedian'), fmt(q.p50), lang),
        tooltipLine(BAND.median, t(lang, 'col.p80'), fmt(q.p80), lang),
        escapeHtml(t(lang, 'trendChart.peerCount', { n: p?.peerCount ?? q.n })),
      );
    }
    return lines.join('<br>');
  };
  return {
    ...frame({
      description: t(lang, 'trendChart.aria', {
        figure: name,
        first: labels[0] ?? '',
        last: labels.at(-1) ?? '',
      }),
      title: options.title === false ? null : name,
      labels,
      unit: figure.unit,
      lang,
      values: [...values, ...bands.flatMap((q) => (q ? [q.p20, q.p50, q.p80] : []))],
      tooltip,
    }),
    series: [
      bandSeries(t(lang, 'trendChart.band'), bandPoints(bands)),
      lineSeries(t(lang, 'trendChart.peersMedian'), medians, TREND_COLORS.median, {
        dashed: true,
        width: 1.5,
        symbolSize: 3,
      }),
      lineSeries(t(lang, 'trendChart.value'), values, TREND_COLORS.value, {
        width: 2.5,
        symbolSize: 7,
        z: 3,
      }),
    ],
  } as EChartsOption;
}

/** What `groupTrendSmallMultiple` draws: one figure of a group (a region, the nation) of one modality. */
export interface GroupTrendChartInput {
  key: FigureKey;
  /** The group's years (`GroupTrend.byModality[m]`), matched to `campaigns` by id. */
  years: readonly GroupTrendYear[];
  campaigns: readonly CampaignRef[];
  lang: Lang;
  /** The figure's unit; by default the `MACHINE_FIGURES` one. */
  unit?: FigureUnit;
}

/**
 * One figure of a group over the campaigns: the group's P20–P80 band and median (solid, with
 * points), and for a region the nation's median (dashed) of each campaign.
 *
 * @example
 * renderSvg(groupTrendSmallMultiple({ key: 'icrPerHour', years: trend.byModality.CT ?? [], campaigns: trend.campaigns, lang }), 300, 190);
 */
export function groupTrendSmallMultiple(
  input: GroupTrendChartInput,
  options: TrendChartOptions = {},
): EChartsOption {
  const { key, campaigns, lang } = input;
  const unit = input.unit ?? trendFigureUnit(key);
  const labels = trendCampaignLabels(campaigns);
  const years = campaigns.map((c) => input.years.find((y) => y.campaignId === c.id) ?? null);
  const bands = years.map((y) => y?.figures[key] ?? null);
  const medians = bands.map((q) => q?.p50 ?? null);
  const nation = years.map((y) => y?.national?.[key]?.p50 ?? null);
  const hasNation = years.some((y) => y !== null && y.national !== null);
  const name = options.label ?? figureLabel(key, lang);
  const fmt = (v: number | null | undefined): string => formatValue(v, unit, lang);
  const tooltip = (i: number): string => {
    const c = campaigns[i];
    const y = years[i];
    if (!c) return '';
    const q = bands[i] ?? null;
    const lines = [`<b>${escapeHtml(name)}</b> — ${escapeHtml(c.name)}`];
    lines.push(
      tooltipLine(BAND.median, t(lang, 'col.p20'), fmt(q?.p20), lang),
      tooltipLine(BAND.median, t(lang, 'trendChart.groupMedian'), fmt(q?.p50), lang),
      tooltipLine(BAND.median, t(lang, 'col.p80'), fmt(q?.p80), lang),
    );
    if (hasNation)
      lines.push(
        tooltipLine(TREND_COLORS.nation, t(lang, 'trendChart.nationMedian'), fmt(nation[i]), lang),
      );
    lines.push(escapeHtml(t(lang, 'trendChart.machineCount', { n: y?.machines ?? 0 })));
    return lines.join('<br>');
  };
  const series: object[] = [
    bandSeries(t(lang, 'trendChart.groupBand'), bandPoints(bands)),
    lineSeries(t(lang, 'trendChart.groupMedian'), medians, TREND_COLORS.median, {
      width: 2.5,
      symbolSize: 6,
      z: 3,
    }),
  ];
  if (hasNation)
    series.push(
      lineSeries(t(lang, 'trendChart.nationMedian'), nation, TREND_COLORS.nation, {
        dashed: true,
        width: 1.5,
        symbolSize: 4,
      }),
    );
  return {
    ...frame({
      description: t(lang, 'trendChart.ariaGroup', {
        figure: name,
        first: labels[0] ?? '',
        last: labels.at(-1) ?? '',
      }),
      title: options.title === false ? null : name,
      labels,
      unit,
      lang,
      values: [...bands.flatMap((q) => (q ? [q.p20, q.p50, q.p80] : [])), ...nation],
      tooltip,
    }),
    series,
  } as EChartsOption;
}
