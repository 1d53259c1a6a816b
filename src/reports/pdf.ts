/**
 * Printing to PDF with Debian's Chromium through playwright-core: one browser, launched on first
 * use and reused (a launch costs about a second; a page, milliseconds), printing one document at
 * a time; `closePdfBrowser()` ends it. `printReport` prints a `ReportDocument` twice when it has
 * a table of contents: the first print tells on which page each section landed.
 */
import type { Lang } from '../i18n/index.ts';
import { DEFAULT_LANG } from '../i18n/index.ts';
import type { LaunchedChromium } from './chromium.ts';
import { launchChromium } from './chromium.ts';
import type { RenderOptions } from './document.ts';
import { PAGE_MARGINS, REPORT_FONTS, renderReportHtml } from './document.ts';
import type { ReportDocument } from './document-types.ts';
import { esc } from './html.ts';
import { rt } from './messages/index.ts';
import { namedDestinationPages } from './pdf-destinations.ts';

/** How to print. */
export interface PrintOptions {
  /** Shown small at the top right of every page (the report's title). */
  headerTitle?: string;
  /** Language of the footer ("page 3 sur 12" / "page 3 / 12"). */
  lang: Lang;
}

let launched: Promise<LaunchedChromium> | null = null;
let queue: Promise<unknown> = Promise.resolve();

async function browser(): Promise<LaunchedChromium> {
  if (launched) {
    const current = await launched.catch(() => null);
    if (current?.browser.isConnected()) return current;
    launched = null;
  }
  const starting = launchChromium();
  launched = starting;
  starting.catch(() => {
    if (launched === starting) launched = null;
  });
  return starting;
}

/** Runs `task` after every earlier print: Chromium prints one document at a time here. */
function serialized<T>(task: () => Promise<T>): Promise<T> {
  const run = queue.then(task, task);
  queue = run.catch(() => undefined);
  return run;
}

const templateStyle = `font-family: ${REPORT_FONTS}; font-size: 7.5pt; color: #6b7785; width: 100%; display: flex; justify-content: space-between; align-items: center; padding: 0 ${PAGE_MARGINS.right} 0 ${PAGE_MARGINS.left}; -webkit-print-color-adjust: exact;`;

function headerTemplate(title: string | undefined): string {
  return `<div style="${templateStyle}"><span>plateau</span><span>${title ? esc(title).toString() : ''}</span></div>`;
}

function footerTemplate(lang: Lang): string {
  const page = esc(rt(lang, 'doc.page')).toString();
  const of = esc(rt(lang, 'doc.pageOf')).toString();
  return `<div style="${templateStyle} justify-content: flex-end;"><span>${page} <span class="pageNumber"></span> ${of} <span class="totalPages"></span></span></div>`;
}

/**
 * Prints a standalone HTML page (from `renderReportHtml`) to an A4 PDF with page numbers.
 * Throws a `ReportError('no-browser')` when there is no Chromium.
 *
 * @example
 * const bytes = await printPdf(renderReportHtml(doc), { lang: 'fr', headerTitle: doc.title });
 * await closePdfBrowser();
 */
export function printPdf(
  html: string,
  options: PrintOptions = { lang: DEFAULT_LANG },
): Promise<Uint8Array> {
  return serialized(async () => {
    const { browser: chromium } = await browser();
    const context = await chromium.newContext({
      locale: options.lang === 'fr' ? 'fr-FR' : 'en-GB',
      javaScriptEnabled: false,
    });
    try {
      context.setDefaultTimeout(180_000);
      const page = await context.newPage();
      // No network: a report is self-contained, and nothing it holds may call out.
      await page.route('**/*', (route) => route.abort());
      await page.setContent(html, { waitUntil: 'load', timeout: 60_000 });
      await page.emulateMedia({ media: 'print' });
      const pdf = await page.pdf({
        format: 'A4',
        printBackground: true,
        preferCSSPageSize: true,
        displayHeaderFooter: true,
        headerTemplate: headerTemplate(options.headerTitle),
        footerTemplate: footerTemplate(options.lang),
        margin: PAGE_MARGINS,
        outline: true,
        tagged: true,
      });
      return new Uint8Array(pdf.buffer, pdf.byteOffset, pdf.byteLength);
    } finally {
      await context.close().catch(() => undefined);
    }
  });
}

/**
 * Prints a report: lays it out, and when it has a table of contents prints it a first time to
 * learn on which page each section starts, then again with those page numbers.
 *
 * @example
 * const bytes = await printReport(synthesisDocument(index, {}, 'fr'));
 */
export async function printReport(doc: ReportDocument): Promise<Uint8Array> {
  const options: PrintOptions = { lang: doc.lang, headerTitle: doc.title };
  const first = await printPdf(renderReportHtml(doc), options);
  if (!doc.toc) return first;
  const { destinations } = namedDestinationPages(first);
  const missing = doc.sections.filter((s) => !destinations.has(s.id)).map((s) => s.id);
  if (missing.length > 0)
    throw new Error(`sections not found in the printed PDF: ${missing.join(', ')}`);
  const render: RenderOptions = { tocPages: destinations };
  return printPdf(renderReportHtml(doc, render), options);
}

/** Closes the shared browser (tests, the CLI before it exits, the server on shutdown). */
export async function closePdfBrowser(): Promise<void> {
  const current = launched;
  launched = null;
  if (!current) return;
  await queue;
  const open = await current.catch(() => null);
  await open?.close();
}
