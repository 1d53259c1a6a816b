/**
 * A P20/P50/P80 table as HTML: three lines per figure ("20 % ont moins de", "Médiane", "20 % ont
 * plus de", the report's own wording), the scope's value, the national one for a region, the
 * value 2010 published and the gap to it. The 2010 columns appear when 2010 published some row.
 */
import type { Lang } from '../../../i18n/index.ts';
import { formatValue, localeOf } from '../../../i18n/index.ts';
import type { Content, Html, TableColumn } from '../../html.ts';
import type { PercentileRow, PercentileTable } from '../data/percentiles.ts';
import { sm } from '../messages/index.ts';
import { relativeGap } from '../reference.ts';
import type { RenderContext } from './context.ts';

const MARKS = ['p20', 'p50', 'p80'] as const;
const MARK_LABEL = { p20: 'pct.p20', p50: 'pct.p50', p80: 'pct.p80' } as const;

const gapFormats = new Map<Lang, Intl.NumberFormat>();

/**
 * A relative gap as a signed percentage ("+3,2 %", "−4,1 %", "0 %"); "—" when unknown.
 *
 * @example
 * formatGap(-0.041, 'fr'); // "−4,1 %"
 */
export function formatGap(gap: number | null, lang: Lang): string {
  if (gap === null || !Number.isFinite(gap)) return '—';
  let format = gapFormats.get(lang);
  if (!format) {
    format = new Intl.NumberFormat(localeOf(lang), {
      style: 'percent',
      maximumFractionDigits: 1,
      signDisplay: 'exceptZero',
    });
    gapFormats.set(lang, format);
  }
  const text = format.format(gap).replace('-', '\u2212');
  return lang === 'fr' ? text.replace(/[\u00a0\u202f ]%/, '\u202f%') : text;
}

/** "Ouverture au programmé (326 machines)". */
function rowTitle(row: PercentileRow, lang: Lang): string {
  const n = row.value?.n ?? 0;
  const count =
    row.count === 'machines' ? 'n.machines' : row.count === 'answers' ? 'n.answers' : 'n.exams';
  return `${row.label} (${sm(lang, count, { n })})`;
}

/**
 * The cells of one table, line by line (what the HTML prints, and what a reader sees side by
 * side): label, mark, scope value, [national], [2010, gap].
 */
export function percentileCells(t: PercentileTable, lang: Lang, withNational: boolean): string[][] {
  const with2010 = t.rows.some((r) => r.published !== null);
  const lines: string[][] = [];
  for (const row of t.rows) {
    MARKS.forEach((mark, i) => {
      const value = row.value?.[mark] ?? null;
      const cells = [
        i === 0 ? rowTitle(row, lang) : '',
        sm(lang, MARK_LABEL[mark]),
        formatValue(value, row.unit, lang),
      ];
      if (withNational) cells.push(formatValue(row.national?.[mark] ?? null, row.unit, lang));
      if (with2010) {
        const pub = row.published?.[mark] ?? null;
        cells.push(formatValue(pub, row.unit, lang), formatGap(relativeGap(value, pub), lang));
      }
      lines.push(cells);
    });
  }
  return lines;
}

/** The numbered table of a `PercentileTable`. */
export function percentileTableHtml(ctx: RenderContext, t: PercentileTable): Html {
  const { lang } = ctx;
  const withNational = ctx.scope.national !== null;
  const with2010 = t.rows.some((r) => r.published !== null);
  const right = (label: Content): TableColumn => ({ label, align: 'right' });
  const columns: TableColumn[] = [
    { label: sm(lang, 'col.figure'), width: '34%' },
    { label: sm(lang, 'col.percentile'), width: '17%' },
    right(sm(lang, withNational ? 'col.region' : 'col.campaign')),
  ];
  if (withNational) columns.push(right(sm(lang, 'col.national')));
  if (with2010) columns.push(right(sm(lang, 'col.published')), right(sm(lang, 'col.gap')));
  return ctx.table({
    title: t.title,
    reportFigure: t.reportFigure,
    columns,
    rows: percentileCells(t, lang, withNational),
    className: `percentiles table-${t.id}`,
  });
}
