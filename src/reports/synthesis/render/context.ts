/**
 * What every section of a synthesis is written with: the scope, the language, and the running
 * numbers of figures and tables (the document numbers its own; a caption names the 2010
 * report's figure when the same one was published there). Charts are drawn to SVG here, at the
 * A4 text column's width.
 */
import type { EChartsOption } from 'echarts';
import { renderSvg } from '../../../charts/render-svg.ts';
import type { Lang } from '../../../i18n/index.ts';
import type { Content, Html, TableSpec } from '../../html.ts';
import { figure, table } from '../../html.ts';
import { sm } from '../messages/index.ts';
import { keepTogether } from './print.ts';
import type { SynthesisScope } from '../scope.ts';

/** Width (px) charts are drawn at: the A4 text column (180 mm at 96 dpi). */
export const CHART_WIDTH = 680;

/** Tables up to this many rows are kept on one page with their caption. */
export const KEEP_WHOLE_ROWS = 15;

/** A chart to place in the document. */
export interface ChartSpec {
  /** Anchor id, unique in the document. */
  id: string;
  title: string;
  /** The 2010 report's figure number for the same chart. */
  reportFigure?: number | null;
  option: EChartsOption;
  height: number;
  source?: Content;
}

/** The writing context of one synthesis. */
export interface RenderContext {
  scope: SynthesisScope;
  lang: Lang;
  /** A numbered figure. */
  chart(spec: ChartSpec): Html;
  /** A numbered table; `title` becomes its caption. */
  table(spec: Omit<TableSpec, 'caption'> & { title: string; reportFigure?: number | null }): Html;
}

/** A fresh context: figure and table numbers start at 1. */
export function renderContext(scope: SynthesisScope, lang: Lang): RenderContext {
  let figures = 0;
  let tables = 0;
  const titled = (title: string, reportFigure: number | null | undefined): string =>
    reportFigure === null || reportFigure === undefined
      ? title
      : sm(lang, 'figure.report', { title, ref: reportFigure });
  return {
    scope,
    lang,
    chart(spec) {
      figures++;
      return figure({
        id: spec.id,
        svg: renderSvg(spec.option, CHART_WIDTH, spec.height),
        caption: sm(lang, 'figure', { n: figures, title: titled(spec.title, spec.reportFigure) }),
        ...(spec.source !== undefined ? { source: spec.source } : {}),
      });
    },
    table(spec) {
      tables++;
      const { title, reportFigure, ...rest } = spec;
      const markup = table({
        ...rest,
        caption: sm(lang, 'table.caption', { n: tables, title: titled(title, reportFigure) }),
      });
      // Chromium may leave a caption alone at the foot of a page: a short table moves whole.
      return rest.rows.length <= KEEP_WHOLE_ROWS ? keepTogether([markup]) : markup;
    },
  };
}
