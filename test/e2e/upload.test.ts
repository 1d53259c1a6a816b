// Uploading kits through the browser: a bad kit is refused with every error located by file,
// line and column and nothing stored; a good one (a zip) is imported and listed; a workbook
// filled from the template the page links to is imported too.
import { describe, expect, it } from 'vitest';
import type { CampaignSummary } from '../../src/core/views/types.ts';
import { browserAvailable } from './helpers/browser.ts';
import { scrollThrough, tableCells, tableRows } from './helpers/dom.ts';
import { useE2e } from './helpers/fixture.ts';
import { NATIONAL_ID } from './helpers/national-store.ts';
import { badKitFiles, GOOD_KIT, goodKitZip } from './helpers/upload-kits.ts';
import { filledKitWorkbook } from '../helpers/kit-workbook.ts';

describe.runIf(browserAvailable())('uploading a data kit', () => {
  const e2e = useE2e('upload');

  it('refuses a kit with errors, lists them where they are, and stores nothing', async () => {
    const { page } = e2e;
    const before = await e2e.api<CampaignSummary[]>('/api/campaigns');
    expect(before.map((c) => c.id)).toEqual([NATIONAL_ID]);
    const { files, expected } = badKitFiles();
    await page.goto(e2e.url('/upload'));
    await page.getByTestId('upload-files').setInputFiles(files);

    await page.getByTestId('upload-rejected').waitFor();
    await expect
      .poll(() => tableRows(page, 'upload-issues').count())
      .toBeGreaterThanOrEqual(expected.length);
    expect(await page.getByTestId('upload-issues').count()).toBe(1);
    // Columns: file, line, column, severity, message, hint.
    const rows = await tableCells(page, 'upload-issues');
    for (const issue of expected) {
      const row = rows.find(
        (r) => r[0] === issue.file && r[1] === String(issue.line) && r[2] === issue.column,
      );
      expect(row, `${issue.file}:${issue.line}:${issue.column} listed`).toBeDefined();
      expect(row![3]).toBe('Erreur');
    }
    expect(rows.every((r) => r[0] !== '' && r[4] !== '')).toBe(true);
    await e2e.shot('rejected');

    expect(await e2e.api<CampaignSummary[]>('/api/campaigns')).toEqual(before);
    await page.getByTestId('nav-home').click();
    await expect.poll(() => tableRows(page, 'campaigns').count()).toBe(1);
  });

  it('imports a good kit sent as a zip, then lists its campaign', async () => {
    const { page } = e2e;
    await page.goto(e2e.url('/upload'));
    await page.getByTestId('upload-files').setInputFiles(goodKitZip());

    const done = page.getByTestId('upload-done');
    await done.waitFor({ timeout: 30_000 });
    const progress = page.getByRole('progressbar');
    expect(await progress.getAttribute('aria-valuenow')).toBe('100');
    expect(await done.textContent()).toContain(
      `${GOOD_KIT.exams} examens, ${GOOD_KIT.machines} machines, ${GOOD_KIT.establishments} établissements`,
    );
    await e2e.shot('done');
    expect(await page.getByTestId('upload-changes').count()).toBe(0); // a new campaign

    // The same kit again: the store already holds exactly it, and the page says so.
    await page.goto(e2e.url('/upload'));
    await page.getByTestId('upload-files').setInputFiles(goodKitZip());
    await page.getByTestId('upload-done').waitFor({ timeout: 30_000 });
    // (French typography puts a no-break space before the colon.)
    expect((await page.getByTestId('upload-changes').textContent())?.replace(/\s/g, ' ')).toBe(
      'La campagne enregistrée contenait déjà exactement ce kit : rien n’a changé.',
    );

    const stored = await e2e.api<CampaignSummary[]>('/api/campaigns');
    expect(stored.map((c) => c.id).sort()).toEqual([GOOD_KIT.id, NATIONAL_ID].sort());
    expect(stored.find((c) => c.id === GOOD_KIT.id)).toMatchObject({
      name: GOOD_KIT.name,
      exams: GOOD_KIT.exams,
      establishments: GOOD_KIT.establishments,
    });

    await page.getByTestId('upload-campaign-link').click();
    await page.waitForURL((url) => url.pathname === `/c/${GOOD_KIT.id}`);
    await expect.poll(() => page.locator('h1').textContent()).toBe(GOOD_KIT.name);
    await expect.poll(() => page.locator('h2.section-title').count()).toBe(2);
    await scrollThrough(page);
    await e2e.shot('campaign');

    await page.getByTestId('nav-home').click();
    await expect.poll(() => tableRows(page, 'campaigns').count()).toBe(2);
    expect(await page.getByTestId('campaign-link').allTextContents()).toContain(GOOD_KIT.name);
    await e2e.shot('campaigns');
  });

  it('links to the blank workbook and imports one filled in', async () => {
    const { page } = e2e;
    await page.goto(e2e.url('/upload'));
    const link = page.getByTestId('upload-template');
    expect(await link.getAttribute('href')).toBe('/api/kit-template.xlsx?lang=fr');
    const template = await page.request.get(e2e.url('/api/kit-template.xlsx?lang=fr'));
    expect(template.status()).toBe(200);
    expect(template.headers()['content-type']).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );

    await page.getByTestId('upload-files').setInputFiles({
      name: 'campagne.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: Buffer.from(filledKitWorkbook('classeur-e2e', 'Classeur e2e')),
    });
    const done = page.getByTestId('upload-done');
    await done.waitFor({ timeout: 30_000 });
    expect(await done.textContent()).toContain('2 examens, 1 machine, 1 établissement');
    await e2e.shot('workbook-done');
    const stored = await e2e.api<CampaignSummary[]>('/api/campaigns');
    expect(stored.map((c) => c.id)).toContain('classeur-e2e');
  });
});
