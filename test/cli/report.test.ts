// `plateau report` on a small stored campaign: the site fiche in French and English (read back
// with pdftotext and pdfinfo), the national synthesis with its contents, --html, and the errors
// a user can make. The PDF parts need Chromium and poppler (skipped with a message otherwise).
// The store is opened once for the file (test/helpers/shared-store.ts), not once per command.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { importKit, openStore } from '../../src/storage/index.ts';
import { runCli } from '../helpers/run-cli.ts';
import { closeSharedStores } from '../helpers/shared-store.ts';
import { LATE_SITE, lateStartKit } from '../reports/late-start-kit.ts';
import { pdfPageCount, pdfText, pdfToolsAvailable, plainSpaces } from '../reports/pdf-tools.ts';

vi.mock('../../src/storage/open-store.ts', async (actual) =>
  (await import('../helpers/shared-store.ts')).sharingOpenStore(await actual()),
);

const tmp = mkdtempSync(join(tmpdir(), 'plateau-report-'));
const data = join(tmp, 'data');
const pagesDir = join(import.meta.dirname, '../../.tmp/ra-pages');

beforeAll(async () => {
  const store = await openStore({ dataDir: data });
  try {
    await importKit(store, lateStartKit(), { source: 'test' });
  } finally {
    await store.close();
  }
}, 60_000);
afterAll(async () => {
  await closeSharedStores();
  rmSync(tmp, { recursive: true, force: true });
});

/** The whole text on one line per paragraph: captions wrap in the PDF. */
const flat = (text: string): string => plainSpaces(text).replace(/\s+/g, ' ');

describe('plateau report: usage and errors', () => {
  it('has help, and exits 2 for a command line it cannot run', async () => {
    const help = await runCli(['report', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/^Usage: plateau report/);
    for (const args of [
      ['report', '--out', 'x.pdf'],
      ['report', '--site', LATE_SITE, '--national', '--out', 'x.pdf'],
      ['report', '--site', LATE_SITE],
      ['report', '--site', LATE_SITE, '--lang', 'de', '--out', 'x.pdf'],
      ['report', '--national', '--scope', 'region', '--out', 'x.pdf'],
      ['report', '--site', LATE_SITE, '--scope', 'planet', '--out', 'x.pdf'],
      ['report', 'extra', '--national', '--out', 'x.pdf'],
    ]) {
      const r = await runCli([...args, '--data', data]);
      expect(r.code, args.join(' ')).toBe(2);
    }
  });

  it('exits 1 naming close matches for an unknown FINESS, region or campaign', async () => {
    const out = join(tmp, 'never.pdf');
    const site = await runCli(['report', '--site', '590000011', '--out', out, '--data', data]);
    expect(site.code).toBe(1);
    expect(site.stderr).toContain(
      "no establishment with FINESS '590000011' in campaign 'late'; close matches: 590000001",
    );
    const region = await runCli([
      'report',
      '--region',
      'Haut-de-France',
      '--out',
      out,
      '--data',
      data,
    ]);
    expect(region.code).toBe(1);
    expect(region.stderr).toContain('close matches: Hauts-de-France');
    const campaign = await runCli([
      'report',
      '--national',
      '--campaign',
      'lat',
      '--out',
      out,
      '--data',
      data,
    ]);
    expect(campaign.code).toBe(1);
    expect(campaign.stderr).toContain("no campaign 'lat'");
    expect(campaign.stderr).toContain('close matches: late');
    const empty = await runCli([
      'report',
      '--national',
      '--out',
      out,
      '--data',
      join(tmp, 'empty-store'),
    ]);
    expect(empty.code).toBe(1);
    expect(empty.stderr).toContain('there is no plateau store in');
  }, 60_000);

  it('writes the HTML page with --html', async () => {
    const out = join(tmp, 'fiche.html');
    const r = await runCli([
      'report',
      '--site',
      LATE_SITE,
      '--html',
      '--lang',
      'en',
      '--out',
      out,
      '--data',
      data,
    ]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`wrote ${out} (HTML`);
    const page = readFileSync(out, 'utf8');
    expect(page).toContain('<html lang="en">');
    expect(page).toContain('Site report — Hôpital Saint-Éloi &amp; Cie &lt;test&gt;');
  }, 60_000);
});

describe.runIf(pdfToolsAvailable())('plateau report: PDFs', () => {
  /** Prints a site fiche and returns its file. */
  async function fiche(lang: 'fr' | 'en'): Promise<string> {
    const out = join(tmp, `fiche-${lang}.pdf`);
    const r = await runCli([
      'report',
      '--site',
      LATE_SITE,
      '--lang',
      lang,
      '--out',
      out,
      '--data',
      data,
    ]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(
      new RegExp(
        `^wrote ${out.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} \\(\\d+ pages, \\d+ KB\\) in [\\d.]+ s\\n$`,
      ),
    );
    return out;
  }

  it('prints the site fiche in French with French numbers and accents', async () => {
    const file = await fiche('fr');
    const pages = pdfPageCount(file);
    // title and panel, openings, survey | CT-LATE from a new page, its "what would change" from
    // another | MR likewise | method
    expect(pages).toBeGreaterThanOrEqual(6);
    expect(pages).toBeLessThanOrEqual(16);
    const text = flat(pdfText(file));
    expect(text).toContain('Fiche établissement — Hôpital Saint-Éloi & Cie <test>');
    expect(text).toContain('Taux d’occupation');
    expect(text).toContain('Examens enregistrés 1 100'); // 740 + 360, grouped the French way
    expect(text).toContain('50 h/sem'); // CT-LATE's programmed opening: 5 × 10 h
    expect(text).toContain('86,3 %'); // its occupancy: 37 × 14 min / 600 min
    expect(text).toContain('Démarrage tardif 20 45 min 45 min 3,75 h/sem 16,1');
    expect(text).toContain(`page 1 sur ${pages}`);
    for (const caption of [
      'Ouverture hebdomadaire des machines de l’établissement, en heures sur 168',
      'Délais de rendez-vous déclarés — Scanner',
      'Délais de rendez-vous déclarés — IRM',
      'Position de Scanner Écho 1 (CT-LATE) parmi ses pairs',
      'Durées d’examen de Scanner Écho 1 (CT-LATE) et de ses pairs',
      'Heures par semaine en jeu pour chaque piste de Scanner Écho 1 (CT-LATE)',
      'Position de MR-LATE-SITE parmi ses pairs',
    ]) {
      expect(text, caption).toContain(caption);
    }
    // Each machine's chapter opens a page.
    const firstPageOf = (title: string): number => {
      for (let p = 1; p <= pages; p++) if (flat(pdfText(file, p)).includes(title)) return p;
      return -1;
    };
    const ct = firstPageOf('Scanner Écho 1 (CT-LATE) — Scanner');
    expect(ct).toBeGreaterThan(1);
    expect(flat(pdfText(file, ct)).startsWith('plateau Fiche établissement')).toBe(true);
    mkdirSync(pagesDir, { recursive: true });
    execFileSync('pdftoppm', ['-r', '60', '-png', file, join(pagesDir, 'fiche-fr')]);
  }, 60_000);

  it('prints the site fiche in English', async () => {
    const file = await fiche('en');
    const text = flat(pdfText(file));
    expect(text).toContain('Site report — Hôpital Saint-Éloi & Cie <test>');
    expect(text).toContain('Exams recorded 1,100');
    expect(text).toContain('3.75 h/week');
    expect(text).toContain('Position of Scanner Écho 1 (CT-LATE) among its peers');
    expect(text).toContain(`page 1 of ${pdfPageCount(file)}`);
    execFileSync('pdftoppm', [
      '-r',
      '60',
      '-png',
      '-f',
      '1',
      '-l',
      '3',
      file,
      join(pagesDir, 'fiche-en'),
    ]);
  }, 60_000);

  it('prints the national synthesis with a contents page whose numbers are right', async () => {
    const out = join(tmp, 'national.pdf');
    const r = await runCli(['report', '--national', '--out', out, '--data', data]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const pages = pdfPageCount(out);
    const toc = plainSpaces(pdfText(out, 2, true));
    expect(toc).toContain('Sommaire');
    const entries = [...toc.matchAll(/^\s*(\S.*?\S)\s{2,}(\d+)\s*$/gm)].map((m) => ({
      title: m[1]!,
      page: Number(m[2]),
    }));
    expect(entries.length).toBeGreaterThanOrEqual(10);
    for (const { title, page } of entries) {
      expect(page, title).toBeGreaterThanOrEqual(3);
      expect(page, title).toBeLessThanOrEqual(pages);
      expect(flat(pdfText(out, page)), `${title} on page ${page}`).toContain(
        title.replace(/\s+/g, ' '),
      );
    }
    execFileSync('pdftoppm', [
      '-r',
      '60',
      '-png',
      '-f',
      '1',
      '-l',
      '4',
      out,
      join(pagesDir, 'national-fr'),
    ]);
  }, 120_000);
});
