import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { ReportDocument } from '../../src/reports/document-types.ts';
import { ReportError } from '../../src/reports/errors.ts';
import { html, joinHtml, paragraph, section, table } from '../../src/reports/html.ts';
import { closePdfBrowser, printPdf, printReport } from '../../src/reports/pdf.ts';
import { namedDestinationPages } from '../../src/reports/pdf-destinations.ts';
import { pdfPageCount, pdfText, pdfToolsAvailable, plainSpaces } from './pdf-tools.ts';

const tmp = mkdtempSync(join(tmpdir(), 'plateau-pdf-'));
afterAll(async () => {
  await closePdfBrowser();
  rmSync(tmp, { recursive: true, force: true });
});

/** A synthesis-like document whose chapters and long tables spread over many pages. */
function longDocument(lang: 'fr' | 'en'): ReportDocument {
  const rows = (n: number): string[][] =>
    Array.from({ length: n }, (_, k) => [`ligne ${k + 1}`, `${1000 + k}`]);
  const sections = [1, 2, 3, 4].flatMap((i) => [
    section({
      id: `chapter-${i}`,
      title: `Chapitre ${i} — délais « accès »`,
      level: 1,
      body: joinHtml([
        paragraph('Texte accentué : é è à ç ô œ.'),
        table({
          caption: `Tableau ${i}`,
          columns: [{ label: 'Ligne' }, { label: 'Valeur', align: 'right' }],
          rows: rows(i * 25),
        }),
      ]),
    }),
    section({
      id: `chapter-${i}-detail`,
      title: `Détail ${i}.1`,
      level: 2,
      body: html`<p>${'Suite'}</p>`,
    }),
  ]);
  return {
    kind: 'national',
    lang,
    campaign: { id: 'c', name: 'Essai', start: '2010-03-01', days: 28, timeZone: 'Europe/Paris' },
    title: 'Synthèse d’essai',
    subtitle: 'Sous-titre',
    sections,
    toc: true,
  };
}

describe('printing without a browser', () => {
  it('says how to get Chromium', async () => {
    await closePdfBrowser();
    const saved = process.env['PLATEAU_CHROMIUM'];
    process.env['PLATEAU_CHROMIUM'] = join(tmp, 'no-such-chromium');
    try {
      const error = await printPdf('<p>x</p>', { lang: 'fr' }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ReportError);
      expect((error as ReportError).code).toBe('no-browser');
      expect((error as Error).message).toContain(`no Chromium at ${join(tmp, 'no-such-chromium')}`);
      expect((error as Error).message).toContain('apt-get install chromium');
    } finally {
      if (saved === undefined) delete process.env['PLATEAU_CHROMIUM'];
      else process.env['PLATEAU_CHROMIUM'] = saved;
    }
  });
});

describe.runIf(pdfToolsAvailable())('printing to PDF', () => {
  it(
    'numbers the contents with the pages where the sections really are',
    { timeout: 60_000 },
    async () => {
      const doc = longDocument('fr');
      const bytes = await printReport(doc);
      const file = join(tmp, 'long-fr.pdf');
      writeFileSync(file, bytes);
      const pages = pdfPageCount(file);
      expect(pages).toBeGreaterThanOrEqual(8);
      const { pages: parsed, destinations } = namedDestinationPages(bytes);
      expect(parsed).toBe(pages);
      // The contents page (page 2) lists each title with a page number…
      const toc = plainSpaces(pdfText(file, 2, true));
      expect(toc).toContain('Sommaire');
      for (const s of doc.sections) {
        const listed = new RegExp(
          `${s.title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s+')}\\s+(\\d+)`,
        ).exec(toc);
        expect(listed, s.title).not.toBeNull();
        const page = Number(listed![1]);
        // …which is where the title is printed, and where the PDF's link target points.
        expect(plainSpaces(pdfText(file, page)), `${s.title} on page ${page}`).toContain(s.title);
        expect(destinations.get(s.id)).toBe(page);
      }
      // Chapters start a page: chapter 2 is not on chapter 1's page.
      expect(destinations.get('chapter-2')).toBeGreaterThan(destinations.get('chapter-1')!);
      // Every page has its footer, in French, and the header carries the title.
      for (const p of [1, pages]) {
        const text = plainSpaces(pdfText(file, p));
        expect(text).toContain(`page ${p} sur ${pages}`);
        expect(text).toContain('Synthèse d’essai');
      }
    },
  );

  it('writes English footers, and reuses one browser', { timeout: 60_000 }, async () => {
    const started = performance.now();
    const bytes = await printPdf(
      '<!DOCTYPE html><html lang="en"><body><p>Hello — « é »</p></body></html>',
      { lang: 'en', headerTitle: 'A <title>' },
    );
    const warm = performance.now() - started;
    const file = join(tmp, 'short-en.pdf');
    writeFileSync(file, bytes);
    const text = plainSpaces(pdfText(file));
    expect(text).toContain('page 1 of 1');
    expect(text).toContain('A <title>');
    expect(text).toContain('Hello — « é »');
    // The browser launched by the previous test serves this one: no second launch.
    console.info(`warm print of one page: ${warm.toFixed(0)} ms`);
    expect(warm).toBeLessThan(10_000);
  });

  it('prints concurrent requests one at a time, each whole', { timeout: 60_000 }, async () => {
    const docs = ['un', 'deux', 'trois'].map(
      (word) => `<!DOCTYPE html><html><body><p>${word}</p></body></html>`,
    );
    const results = await Promise.all(docs.map((d) => printPdf(d, { lang: 'fr' })));
    results.forEach((bytes, i) => {
      const file = join(tmp, `c${i}.pdf`);
      writeFileSync(file, bytes);
      expect(pdfText(file)).toContain(['un', 'deux', 'trois'][i]);
    });
  });
});
