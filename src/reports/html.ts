/**
 * Escaped HTML for the reports. Markup is an `Html` value, made only by these helpers, which
 * escape every plain string they are given: text from a kit or a label can never become markup
 * by accident, and markup is never escaped twice.
 *
 * How to use it (site fiche and syntheses alike):
 *
 *   import { html, table, figure, paragraph, note, joinHtml, section } from '../html.ts';
 *
 *   const body = joinHtml([
 *     paragraph(`${name} — ${formatInteger(n, lang)} examens`),     // plain text: escaped
 *     table({
 *       caption: 'Délais de rendez-vous (jours)',
 *       columns: [{ label: 'Région' }, { label: 'P50', align: 'right' }],
 *       rows: [['Île-de-France', formatNumber(12, lang)]],            // cells: string (escaped) or Html
 *     }),
 *     figure({ id: 'fig-occupancy', caption: 'Taux d’occupation', svg: renderSvg(option, 640, 320) }),
 *     note('Source : campagne 2010.'),
 *     html`<p>Texte avec <strong>${userText}</strong></p>`,          // interpolations are escaped
 *   ]);
 *   const s: ReportSection = section({ id: 'occupancy', title: '…', level: 1, body });
 *
 * Figures keep their caption with them on one page, table rows never split across pages and
 * table headers repeat (the CSS is in `document.ts`). Give each figure a caption: tests find
 * figures in the printed PDF by it. Sizes: the A4 text column is about 680 px wide at 96 dpi.
 */
import type { ReportSection } from './document-types.ts';

/**
 * A fragment of HTML known to be safe: made only by the helpers below (which escape every
 * string they are given) or by `trusted` for plateau's own markup. A class rather than a
 * branded `string` so that the helpers can tell markup from text at run time: a plain string
 * is always escaped, an `Html` never is. `String(fragment)` gives the markup.
 */
export class Html {
  readonly #markup: string;

  /** @internal Use `html`, `esc` or `trusted`. */
  constructor(markup: string, token: typeof TOKEN) {
    if (token !== TOKEN)
      throw new Error('Html is made by the report helpers (html`…`, esc, trusted)');
    this.#markup = markup;
  }

  /** The markup. */
  toString(): string {
    return this.#markup;
  }
}

const TOKEN: unique symbol = Symbol('html');
const make = (markup: string): Html => new Html(markup, TOKEN);
const EMPTY = make('');

/** What may be interpolated in `html\`…\``: text (escaped), numbers, markup, lists of markup. */
export type HtmlValue = Html | string | number | null | undefined | false | readonly HtmlValue[];

/** Text or markup: strings are escaped, `Html` kept. */
export type Content = string | Html;

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

const escapeText = (text: string): string => text.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);

/**
 * Text made safe for HTML content and attribute values.
 *
 * @example
 * String(esc('R&D <b>')); // "R&amp;D &lt;b&gt;"
 */
export function esc(text: string | number): Html {
  return make(escapeText(String(text)));
}

/**
 * Marks markup produced by plateau itself (an SVG from `renderSvg`, a fixed fragment) as HTML.
 * Never pass text that came from a kit, a request or a user.
 */
export function trusted(markup: string): Html {
  return make(markup);
}

function markupOf(value: HtmlValue): string {
  if (value === null || value === undefined || value === false) return '';
  if (value instanceof Html) return value.toString();
  if (Array.isArray(value)) return (value as readonly HtmlValue[]).map(markupOf).join('');
  return escapeText(String(value));
}

/**
 * Template tag: the literal parts are markup, every interpolated string or number is escaped,
 * `Html` values (and arrays of them) are inserted as they are.
 *
 * @example
 * String(html`<p class="lead">${'a < b'}</p>`); // "<p class=\"lead\">a &lt; b</p>"
 */
export function html(strings: TemplateStringsArray, ...values: HtmlValue[]): Html {
  let out = strings[0] ?? '';
  values.forEach((value, i) => {
    out += markupOf(value) + (strings[i + 1] ?? '');
  });
  return make(out);
}

/** Concatenates fragments (no separator); strings are escaped, falsy entries skipped. */
export function joinHtml(parts: readonly HtmlValue[]): Html {
  return parts.length === 0 ? EMPTY : make(markupOf(parts));
}

function content(value: Content): Html {
  return value instanceof Html ? value : esc(value);
}

function classAttr(className: string | undefined): Html {
  return className ? html` class="${className}"` : EMPTY;
}

/** A paragraph of text (escaped) or markup. */
export function paragraph(text: Content, className?: string): Html {
  return html`<p${classAttr(className)}>${content(text)}</p>`;
}

/** A boxed remark: a caveat, a data-quality warning, a source. */
export function note(text: Content, kind: 'info' | 'warning' = 'info'): Html {
  return html`<div class="${`note note-${kind}`}">${content(text)}</div>`;
}

/** A bulleted list. */
export function list(items: readonly Content[], className?: string): Html {
  return html`<ul${classAttr(className)}>${items.map((i) => html`<li>${content(i)}</li>`)}</ul>`;
}

/** Emphasised inline text. */
export function strong(text: Content): Html {
  return html`<strong>${content(text)}</strong>`;
}

/** A column of a `table`. */
export interface TableColumn {
  label: Content;
  /** `right` for numbers. Default `left`. */
  align?: 'left' | 'right' | 'center';
  /** CSS width, e.g. `30%`. */
  width?: string;
}

/** A header cell spanning several columns, above the column labels (e.g. "2010 | campagne"). */
export interface TableGroup {
  label: Content;
  span: number;
}

/** What `table` draws. */
export interface TableSpec {
  caption?: Content;
  columns: readonly TableColumn[];
  /** Optional first header row grouping columns; spans must add up to the column count. */
  groups?: readonly TableGroup[];
  rows: readonly (readonly Content[])[];
  /** A class per body row (`muted`, `highlight`), by row index. */
  rowClasses?: readonly (string | undefined)[];
  /** Rows drawn in bold after the body (totals). */
  footer?: readonly (readonly Content[])[];
  className?: string;
  /** Shown as a single row when `rows` is empty. */
  empty?: Content;
}

/**
 * A table whose rows never split across pages and whose header repeats on each page.
 *
 * @example
 * table({ columns: [{ label: 'Machine' }, { label: 'P50', align: 'right' }], rows: [['CT 1', '61 %']] });
 */
export function table(spec: TableSpec): Html {
  const align = (i: number): Html => {
    const a = spec.columns[i]?.align;
    return a && a !== 'left' ? classAttr(`align-${a}`) : EMPTY;
  };
  const row = (cells: readonly Content[], tag: 'td' | 'th', className?: string): Html =>
    html`<tr${classAttr(className)}>${cells.map((c, i) => (tag === 'td' ? html`<td${align(i)}>${content(c)}</td>` : html`<th${align(i)}>${content(c)}</th>`))}</tr>`;
  const groups = spec.groups
    ? html`<tr class="groups">${spec.groups.map((g) => html`<th colspan="${g.span}">${content(g.label)}</th>`)}</tr>`
    : null;
  const widths = spec.columns.some((c) => c.width)
    ? html`<colgroup>${spec.columns.map((c) => (c.width ? html`<col style="${`width:${c.width}`}">` : html`<col>`))}</colgroup>`
    : null;
  const head = html`<thead>${groups}<tr>${spec.columns.map((c, i) => html`<th${align(i)}>${content(c.label)}</th>`)}</tr></thead>`;
  const body =
    spec.rows.length > 0
      ? spec.rows.map((r, i) => row(r, 'td', spec.rowClasses?.[i]))
      : [
          html`<tr><td class="empty" colspan="${spec.columns.length}">${content(spec.empty ?? '—')}</td></tr>`,
        ];
  const foot = spec.footer?.length
    ? html`<tfoot>${spec.footer.map((r) => row(r, 'td'))}</tfoot>`
    : null;
  const cls = ['data', spec.className].filter(Boolean).join(' ');
  return html`<table class="${cls}">${spec.caption !== undefined ? html`<caption>${content(spec.caption)}</caption>` : null}${widths}${head}<tbody>${body}</tbody>${foot}</table>`;
}

/** What `figure` draws. */
export interface FigureSpec {
  /** An SVG document from `renderSvg` (trusted: plateau's own chart output). */
  svg: string;
  /** Printed under the chart; tests find figures by it in the PDF's text. */
  caption: Content;
  /** Anchor id, unique in the document. */
  id: string;
  /** Optional source or reading note under the caption. */
  source?: Content;
}

/**
 * A chart with its caption, kept whole on one page.
 *
 * @example
 * figure({ id: 'fig-openings', caption: 'Ouverture hebdomadaire', svg: renderSvg(opt, 640, 300) });
 */
export function figure(spec: FigureSpec): Html {
  const svg = spec.svg.replace(/^<\?xml[^>]*>\s*/, '');
  if (!svg.trimStart().startsWith('<svg'))
    throw new Error(`figure ${spec.id}: not an SVG document`);
  return html`<figure class="chart" id="${spec.id}">${trusted(svg)}<figcaption>${content(spec.caption)}${spec.source !== undefined ? html`<span class="source">${content(spec.source)}</span>` : null}</figcaption></figure>`;
}

/**
 * Labelled values in two columns: `facts` (identity blocks, values in bold) or `definitions`
 * (terms in bold, plain text).
 */
export function definitionList(
  items: readonly (readonly [Content, Content])[],
  kind: 'facts' | 'definitions' = 'facts',
): Html {
  return html`<dl class="${kind}">${items.map(([k, v]) => html`<dt>${content(k)}</dt><dd>${content(v)}</dd>`)}</dl>`;
}

/**
 * A report section from a body of markup (`ReportSection.html` is its string).
 *
 * @example
 * section({ id: 'method', title: 'Méthode', level: 1, body: paragraph('…') });
 */
export function section(spec: {
  id: string;
  title: string;
  level: 1 | 2;
  body: Html;
}): ReportSection {
  if (!/^[a-z0-9-]+$/.test(spec.id))
    throw new Error(`section id '${spec.id}' must match [a-z0-9-]+`);
  return { id: spec.id, title: spec.title, level: spec.level, html: spec.body.toString() };
}
