/**
 * Lays a `ReportDocument` out as one standalone HTML page for A4 printing: the print CSS, the
 * title page (a title block for a site fiche), the table of contents and the sections. Page
 * numbers of the contents are not known before printing: `pdf.ts` prints once, reads where each
 * section landed and calls this again with `tocPages`. Chapters (level 1) open a page, except in
 * a site fiche, where only machine chapters (ids starting with `machine-`) do.
 */
import { addDays, formatDate } from '../i18n/index.ts';
import type { ReportDocument, ReportSection } from './document-types.ts';
import type { Html } from './html.ts';
import { html, joinHtml, trusted } from './html.ts';
import { rt } from './messages/index.ts';

/** How to lay the document out. */
export interface RenderOptions {
  /** Page (1-based, in the printed PDF) of each section id; placeholders when absent. */
  tocPages?: ReadonlyMap<string, number>;
}

/** The font stack: Debian's Liberation (Arial metrics) and DejaVu cover every French accent. */
export const REPORT_FONTS = "'Liberation Sans', 'DejaVu Sans', Arial, Helvetica, sans-serif";

/** Page margins, shared with the header and footer templates of `pdf.ts`. */
export const PAGE_MARGINS = { top: '18mm', right: '15mm', bottom: '18mm', left: '15mm' } as const;

const CSS = `
@page { size: A4; margin: ${PAGE_MARGINS.top} ${PAGE_MARGINS.right} ${PAGE_MARGINS.bottom} ${PAGE_MARGINS.left}; }
* { box-sizing: border-box; }
html { font-family: ${REPORT_FONTS}; font-size: 9.5pt; line-height: 1.38; color: #1b1f24;
  -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { margin: 0; }
p { margin: 0 0 0.55em; orphans: 3; widows: 3; }
a { color: inherit; text-decoration: none; }
h1, h2, h3 { font-weight: 700; color: #0b3a5b; break-after: avoid; page-break-after: avoid; }
h1 { font-size: 15pt; margin: 0 0 0.6em; padding-bottom: 0.2em; border-bottom: 1.5pt solid #0b3a5b; }
h2 { font-size: 11.5pt; margin: 1.1em 0 0.45em; }
h3 { font-size: 10pt; margin: 0.9em 0 0.35em; color: #1b1f24; }
section.level-1 { margin-top: 1.6em; }
section.level-1.new-page { break-before: page; page-break-before: always; margin-top: 0; }
/* A site fiche flows, but each machine's chapter (id "machine-…") opens a page. */
.report-site section.level-1[id^="machine-"] { break-before: page; page-break-before: always; margin-top: 0; }
/* A machine's "what would change" (its simulated leads) is a page of its own. */
.report-site section.level-2[id$="-what-would-change"] { break-before: page; page-break-before: always; }
.report-site section.level-2[id$="-what-would-change"] > h2 { margin-top: 0; }
.page-break { break-before: page; page-break-before: always; }
.keep { break-inside: avoid; page-break-inside: avoid; }

.title-page { break-after: page; page-break-after: always; min-height: 240mm; display: flex;
  flex-direction: column; justify-content: center; padding: 0 8mm; }
.title-page .brand, .title-block .brand { font-size: 8.5pt; letter-spacing: 0.04em; text-transform: uppercase; color: #51606f; }
.title-page .doc-title { font-size: 24pt; font-weight: 700; color: #0b3a5b; margin: 0.5em 0 0.3em; line-height: 1.2; }
.title-page .doc-subtitle { font-size: 12pt; color: #33414e; margin: 0 0 1.2em; }
.title-page .campaign { font-size: 10pt; color: #51606f; border-top: 1pt solid #c5ced6; padding-top: 0.6em; }
.title-block { border-bottom: 2pt solid #0b3a5b; padding-bottom: 0.5em; margin-bottom: 1em; }
.title-block .doc-title { font-size: 17pt; font-weight: 700; color: #0b3a5b; margin: 0.2em 0 0.1em; line-height: 1.2; }
.title-block .doc-subtitle { font-size: 10pt; color: #33414e; }
.title-block .campaign { font-size: 8.5pt; color: #51606f; margin-top: 0.2em; }

nav.toc { break-after: page; page-break-after: always; }
nav.toc ol { list-style: none; margin: 0; padding: 0; }
nav.toc li { break-inside: avoid; }
nav.toc a { display: flex; align-items: baseline; gap: 0.4em; padding: 0.18em 0; }
nav.toc .toc-l1 { font-weight: 700; margin-top: 0.45em; }
nav.toc .toc-l2 { padding-left: 1.6em; }
nav.toc .toc-title { flex: 0 1 auto; }
nav.toc .toc-dots { flex: 1 1 auto; border-bottom: 1pt dotted #8894a0; transform: translateY(-0.25em); min-width: 1em; }
nav.toc .toc-page { flex: 0 0 2.6em; text-align: right; font-variant-numeric: tabular-nums; }
nav.toc .toc-page.pending { visibility: hidden; }

table.data { width: 100%; border-collapse: collapse; margin: 0.4em 0 1em; font-size: 8.5pt;
  font-variant-numeric: tabular-nums; }
table.data caption { caption-side: top; text-align: left; font-weight: 700; padding: 0 0 0.3em; color: #1b1f24; }
table.data thead { display: table-header-group; }
table.data tfoot { display: table-row-group; font-weight: 700; }
table.data tr { break-inside: avoid; page-break-inside: avoid; }
table.data th { background: #e8eef3; color: #0b3a5b; font-weight: 700; text-align: left;
  padding: 0.3em 0.45em; border-bottom: 1pt solid #9fb1c1; vertical-align: bottom; }
table.data tr.groups th { text-align: center; border-bottom: 0.5pt solid #c5ced6; }
table.data td { padding: 0.25em 0.45em; border-bottom: 0.5pt solid #dde3e8; vertical-align: top; }
table.data tbody tr:nth-child(even) td { background: #f7f9fa; }
table.data .align-right { text-align: right; }
table.data td.align-right { white-space: nowrap; }
table.data .align-center { text-align: center; }
table.data td.empty { color: #6b7785; font-style: italic; text-align: center; }
table.data tr.highlight td { background: #fff4d6; font-weight: 700; }
table.data tr.muted td { color: #5b6875; font-style: italic; }

figure.chart { margin: 0.6em 0 1.1em; break-inside: avoid; page-break-inside: avoid; text-align: center; }
figure.chart svg { max-width: 100%; height: auto; }
figure.chart figcaption { font-size: 8.5pt; color: #33414e; margin-top: 0.3em; text-align: center; }
figure.chart figcaption .source { display: block; color: #6b7785; font-size: 7.5pt; }

.note { border-left: 3pt solid #7a98b3; background: #f1f5f8; padding: 0.45em 0.7em; margin: 0.5em 0 0.9em;
  font-size: 8.5pt; break-inside: avoid; page-break-inside: avoid; }
.note-warning { border-left-color: #c98a12; background: #fdf6e7; }
ul { margin: 0.2em 0 0.7em; padding-left: 1.3em; }
li { margin: 0.12em 0; }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: 0.2em 1.2em; margin: 0.3em 0 1em; }
dl.facts dt { color: #51606f; }
dl.facts dd { margin: 0; font-weight: 700; }
dl.definitions { display: grid; grid-template-columns: 9.5em 1fr; gap: 0.35em 1em; margin: 0.3em 0 1em; }
dl.definitions dt { font-weight: 700; color: #0b3a5b; }
dl.definitions dd { margin: 0; }
dl dt, dl dd { break-inside: avoid; page-break-inside: avoid; }
.muted { color: #6b7785; }
/* Planning sections: an illustrative figure (a demo cost set, default reading times) is badged. */
.badge { display: inline-block; padding: 0.05em 0.45em; border-radius: 2pt; font-size: 7.5pt; font-weight: 700;
  letter-spacing: 0.04em; text-transform: uppercase; vertical-align: 0.08em; }
.badge-illustrative { background: #c98a12; color: #ffffff; }
table.data tr.groups th .badge { font-size: 7pt; }
`;

/** The campaign line of the title: its name and period. */
function campaignLine(doc: ReportDocument): Html {
  const { campaign, lang } = doc;
  const end = addDays(campaign.start, Math.max(0, campaign.days - 1));
  const period = rt(lang, 'doc.period', {
    start: formatDate(campaign.start, lang),
    end: formatDate(end, lang),
    days: campaign.days,
  });
  return html`${campaign.name} — ${period}`;
}

function titleBlock(doc: ReportDocument): Html {
  const cls = doc.kind === 'site' ? 'title-block' : 'title-page';
  return html`<header class="${cls}"><div class="brand">${rt(doc.lang, 'doc.brand')}</div><div class="doc-title">${doc.title}</div><div class="doc-subtitle">${doc.subtitle}</div><div class="campaign">${campaignLine(doc)}</div></header>`;
}

function tocOf(doc: ReportDocument, pages: ReadonlyMap<string, number> | undefined): Html {
  const items = doc.sections.map((s) => {
    const page = pages?.get(s.id);
    const number =
      page === undefined
        ? html`<span class="toc-page pending">000</span>`
        : html`<span class="toc-page">${page}</span>`;
    return html`<li class="${`toc-l${s.level}`}"><a href="${`#${s.id}`}"><span class="toc-title">${s.title}</span><span class="toc-dots"></span>${number}</a></li>`;
  });
  return html`<nav class="toc" id="toc"><h1>${rt(doc.lang, 'doc.toc')}</h1><ol>${items}</ol></nav>`;
}

function sectionOf(doc: ReportDocument, s: ReportSection): Html {
  // Adjacent forced breaks collapse into one: the break after the title page or the contents
  // and the one before the first chapter make a single page break.
  const newPage = s.level === 1 && doc.kind !== 'site';
  const cls = `section level-${s.level}${newPage ? ' new-page' : ''}`;
  const heading = s.level === 1 ? html`<h1>${s.title}</h1>` : html`<h2>${s.title}</h2>`;
  // Section bodies are made by the report builders with the escaping helpers of html.ts.
  return html`<section class="${cls}" id="${s.id}">${heading}${trusted(s.html)}</section>`;
}

/**
 * The complete standalone HTML page of a report (inline CSS and SVG, no external resource).
 *
 * @example
 * const page = renderReportHtml(siteFiche(index, '590780193', 'fr'));
 * const paged = renderReportHtml(doc, { tocPages: new Map([['panel', 3]]) });
 */
export function renderReportHtml(doc: ReportDocument, options: RenderOptions = {}): string {
  const ids = new Set<string>();
  for (const s of doc.sections) {
    if (!/^[a-z0-9-]+$/.test(s.id)) throw new Error(`section id '${s.id}' must match [a-z0-9-]+`);
    if (ids.has(s.id)) throw new Error(`section id '${s.id}' is used twice`);
    ids.add(s.id);
  }
  const body = joinHtml([
    titleBlock(doc),
    doc.toc ? tocOf(doc, options.tocPages) : null,
    ...doc.sections.map((s) => sectionOf(doc, s)),
  ]);
  return `<!DOCTYPE html>
<html lang="${doc.lang}">
<head>
<meta charset="utf-8">
<title>${html`${doc.title}`.toString()}</title>
<style>${CSS}</style>
</head>
<body class="${`report report-${doc.kind}`}">
${body.toString()}
</body>
</html>
`;
}
