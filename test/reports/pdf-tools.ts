// Reading printed PDFs in tests with poppler's pdftotext and pdfinfo (test tools only: plateau
// itself never needs them), and whether the PDF suites can run: Chromium to print, poppler to
// read. Without them the suites are skipped with a message, unless PLATEAU_REQUIRE_BROWSER=1.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { findChromium } from '../../src/reports/chromium.ts';

const POPPLER = ['/usr/bin/pdftotext', '/usr/bin/pdfinfo'];

/** True when Chromium and poppler are there; else warns (or throws when they are required). */
export function pdfToolsAvailable(): boolean {
  const missing = [
    findChromium() ? null : 'Chromium (apt-get install chromium, or PLATEAU_CHROMIUM)',
    ...POPPLER.map((p) => (existsSync(p) ? null : `${p} (apt-get install poppler-utils)`)),
  ].filter((m): m is string => m !== null);
  if (missing.length === 0) return true;
  const message = `PDF report tests skipped: missing ${missing.join(', ')}`;
  if (process.env['PLATEAU_REQUIRE_BROWSER'] === '1')
    throw new Error(`PLATEAU_REQUIRE_BROWSER=1 but ${message}`);
  console.warn(message);
  return false;
}

/** The text of a PDF file (all pages, or page `page` only, 1-based); `layout` keeps lines as laid out. */
export function pdfText(file: string, page?: number, layout = false): string {
  const range = page === undefined ? [] : ['-f', String(page), '-l', String(page)];
  return execFileSync(
    'pdftotext',
    [...range, ...(layout ? ['-layout'] : []), '-enc', 'UTF-8', file, '-'],
    { encoding: 'utf8' },
  );
}

/** The page count pdfinfo reads. */
export function pdfPageCount(file: string): number {
  const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
  const m = /^Pages:\s+(\d+)/m.exec(info);
  if (!m) throw new Error(`pdfinfo gave no page count for ${file}`);
  return Number(m[1]);
}

/** Text with every kind of space (no-break, narrow no-break) made a plain space. */
export function plainSpaces(text: string): string {
  return text.replace(/[\u00a0\u202f\u2009]/g, ' ');
}
