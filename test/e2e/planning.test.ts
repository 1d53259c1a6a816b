// The planning screens (issue 14) on the national campaign: an establishment's Costs tab (the
// demo's illustrative cost set under its banner, figures as the API computed them, CSV export),
// its Relevance tab (neuro CT share against the peers, the Guide du bon usage wording), and a
// territory's nights and teleradiology page reached from the département and region pages (the
// demand and pooling tables against the API's document, the settings form changing them through
// the address), in French and English, with screenshots to look at.
import { mkdtempSync, rmSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { RegionListing } from '../../src/core/views/types.ts';
import { formatNumber, formatPercent } from '../../src/i18n/format.ts';
import type { CostsDocument } from '../../src/plan/costs/document.ts';
import type { OncallDocument } from '../../src/plan/oncall/document.ts';
import type { RelevanceDocument, SiteRelevance } from '../../src/plan/relevance/document.ts';
import type { TerritoryDocument } from '../../src/plan/territories/types.ts';
import { browserAvailable } from './helpers/browser.ts';
import { addressOf, digits, tableCells, tableRows, waitForChart } from './helpers/dom.ts';
import { useE2e } from './helpers/fixture.ts';
import { NATIONAL_ID, nationalStoreCopy } from './helpers/national-store.ts';

const C = `/c/${NATIONAL_ID}`;
const API = `/api/campaigns/${NATIONAL_ID}`;

/** The headers of a table, whitespace collapsed, without the sort marks. */
async function tableHeaders(page: Page, name: string): Promise<string[]> {
  return page
    .locator(`[data-testid="table-${name}"] thead th`)
    .evaluateAll((ths) =>
      ths.map((th) => (th.textContent ?? '').replace(/[↕▲▼]/g, '').replace(/\s+/g, ' ').trim()),
    );
}

/** Clicks a table's CSV button and returns the downloaded file's name and text. */
async function downloadCsv(page: Page, name: string): Promise<{ file: string; text: string }> {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.locator(`[data-testid="table-${name}"] .export button`).first().click(),
  ]);
  return {
    file: download.suggestedFilename(),
    text: await readFile((await download.path())!, 'utf8'),
  };
}

/** A peer site (CT and MRI) with a head share, flagged ones first, and one with costs. */
async function pickSite(
  e2e: ReturnType<typeof useE2e>,
): Promise<{ site: SiteRelevance; relevance: RelevanceDocument }> {
  const relevance = await e2e.api<RelevanceDocument>(`${API}/relevance`);
  const peers = relevance.sites.filter((s) => s.peer && s.neuroCtShare !== null);
  const site =
    peers.find((s) => s.flagged && s.neuroCtShare! < 1 && s.headMr > 0) ??
    peers.find((s) => s.flagged) ??
    peers[0];
  expect(site).toBeDefined();
  return { site: site!, relevance };
}

describe.runIf(browserAvailable())('the planning screens', () => {
  // The shared store's snapshot built first, alone: built beside Chromium's launch (its
  // generation holds the event loop), it can make the launch time out on a busy machine.
  beforeAll(async () => {
    const parent = mkdtempSync(join(tmpdir(), 'plateau-e2e-planning-'));
    try {
      await nationalStoreCopy(parent);
    } finally {
      rmSync(parent, { recursive: true, force: true });
    }
  }, 300_000);
  const e2e = useE2e('planning');

  it('shows a site’s costs with their provenance, the illustrative banner, and exports them', async () => {
    const { page } = e2e;
    const { site } = await pickSite(e2e);
    const { costs } = await e2e.api<{ costs: CostsDocument | null }>(
      `${API}/costs?finess=${site.finess}`,
    );
    await page.goto(e2e.url(`${C}/establishments/${site.finess}`));
    await page.getByTestId('tab-costs').click();
    await page.waitForURL((url) => url.searchParams.get('tab') === 'costs');
    expect(await page.getByTestId('tab-costs').getAttribute('aria-current')).toBe('page');
    // The demo campaign carries the generator's illustrative cost set.
    expect(costs).not.toBeNull();
    const doc = costs!;
    expect(doc.origin).toBe('illustrative');
    await expect
      .poll(() => page.getByTestId('costs-illustrative').textContent())
      .toContain(
        'Jeu de coûts illustratif — des ordres de grandeur pour la démonstration, pas les coûts de ce site.',
      );
    await expect.poll(() => tableRows(page, 'costs-machines').count()).toBe(doc.machines.length);
    const headers = await tableHeaders(page, 'costs-machines');
    expect(headers).toContain('Coût / an (€) (illustratif)');
    expect(headers).toContain('Examens / an (mesuré)');
    expect(headers).toContain('Palier FT (référence)');
    const cells = await tableCells(page, 'costs-machines');
    for (const [i, m] of doc.machines.entries()) {
      const row = cells[i]!;
      expect(digits(row[2]!)).toBe(digits(formatNumber(m.annualisedExams, 'fr', 0)));
      expect(digits(row[3]!)).toBe(digits(formatNumber(m.costPerYear, 'fr', 0)));
      expect(row[5]).toBe(formatNumber(m.costPerExam, 'fr', 2));
      expect(row[7]).toBe(m.ftTier === null ? '—' : `palier ${m.ftTier}`);
    }
    // The site's totals: the document's.
    const site0 = doc.sites[0]!;
    const totals = (await tableCells(page, 'costs-site'))[0]!;
    expect(totals[0]).toBe(
      await page
        .locator('h1')
        .textContent()
        .then((t) => (t ?? '').trim()),
    );
    expect(digits(totals[3]!)).toBe(digits(formatNumber(site0.costPerYear, 'fr', 0)));
    await e2e.shot('costs-fr');

    // CSV: French Excel's `;`, the provenance in the headers, a line per machine.
    const csv = await downloadCsv(page, 'costs-machines');
    expect(csv.file).toMatch(/couts-par-machine\.csv$/);
    const lines = csv.text
      .replace(/^\uFEFF/, '')
      .trim()
      .split(/\r?\n/);
    expect(lines[0]).toContain('Coût / an (€) (illustratif)');
    expect(lines[0]!.split(';').length).toBeGreaterThan(8);
    expect(lines).toHaveLength(doc.machines.length + 1);

    // English.
    await page.goto(e2e.url(`${C}/establishments/${site.finess}?tab=costs&lang=en`));
    await expect
      .poll(() => page.getByTestId('costs-illustrative').textContent())
      .toContain(
        'Illustrative cost set — orders of magnitude for the demo, not this site’s costs.',
      );
    expect(await tableHeaders(page, 'costs-machines')).toContain('Cost a year (€) (illustrative)');
    await e2e.shot('costs-en');
  });

  it('places a site’s neuro CT share among its peers, worded as a prompt to review', async () => {
    const { page } = e2e;
    const { site, relevance } = await pickSite(e2e);
    await page.goto(e2e.url(`${C}/establishments/${site.finess}?tab=relevance`));
    await expect.poll(() => tableRows(page, 'relevance-neuro').count()).toBe(3);
    await waitForChart(page, 'relevance-neuro');
    const cells = await tableCells(page, 'relevance-neuro');
    expect(cells.map((r) => r[0])).toEqual([
      'Tous les examens',
      'Programmés (A, H, R)',
      'Urgences (U)',
    ]);
    expect(cells[0]![1]).toBe(String(site.headCt));
    // (tableCells collapses the narrow no-break space before "%" to a space.)
    const pct = (v: number | null): string => formatPercent(v, 'fr', 0).replace(/\s+/g, ' ');
    expect(cells[0]![3]).toBe(pct(site.neuroCtShare));
    expect(cells[0]![6]).toBe(pct(relevance.peers.sites.all.p80));
    const status = (await page.getByTestId('relevance-status').textContent()) ?? '';
    if (site.flagged) {
      expect(status).toContain('À revoir au regard du Guide du bon usage des examens d’imagerie');
      expect(status).toContain('pas un verdict');
    } else expect(status).toContain('Sous le P80 des pairs');
    expect(status).toContain('mesuré');
    const repeats = (await page.getByTestId('relevance-repeats').textContent()) ?? '';
    expect(repeats).toBe(
      site.repeatShare === null
        ? 'il faut la colonne patient_key d’exams.csv (une clé patient chiffrée)'
        : formatPercent(site.repeatShare, 'fr', 1),
    );
    await e2e.shot('relevance-fr');

    await page.goto(e2e.url(`${C}/establishments/${site.finess}?tab=relevance&lang=en`));
    await expect.poll(() => tableRows(page, 'relevance-neuro').count()).toBe(3);
    const en = (await page.getByTestId('relevance-status').textContent()) ?? '';
    expect(en).toContain(
      site.flagged ? 'To review against the Guide du bon usage des examens d’imagerie' : 'Below',
    );
    await waitForChart(page, 'relevance-neuro');
    await e2e.shot('relevance-en');
  });

  it('opens a département’s nights and teleradiology, and recomputes it from the form', async () => {
    const { page } = e2e;
    const territories = await e2e.api<TerritoryDocument>(`${API}/territories`);
    const department = [...territories.departments]
      .filter((d) => d.completeness.sites > 1)
      .sort((a, b) => b.completeness.sites - a.completeness.sites)[0]!;
    const doc = await e2e.api<OncallDocument>(`${API}/oncall?department=${department.code}`);
    await page.goto(e2e.url(`${C}/territories/${department.code}`));
    await page.getByTestId('territory-oncall').click();
    await page.waitForURL(
      (url) =>
        url.pathname === `${C}/oncall` && url.searchParams.get('department') === department.code,
    );
    await expect
      .poll(() => page.locator('h1').textContent())
      .toBe(`Nuits et téléradiologie — ${department.name} (${department.code})`);
    await expect.poll(() => tableRows(page, 'oncall-demand').count()).toBe(doc.demand.rows.length);
    await expect.poll(() => tableRows(page, 'oncall-pooling').count()).toBe(4);
    const pooling = await tableCells(page, 'oncall-pooling');
    expect(pooling.map((r) => r[0])).toEqual([
      'Sites séparés',
      'Un centre unique',
      'Centre la nuit + sites le week-end',
      'Sites la nuit + centre le week-end',
    ]);
    const hub = doc.options.find((o) => o.option === 'hub')!;
    const hubCell = (figure: string): Promise<string> =>
      page
        .getByTestId(`oncall-hub-${figure}`)
        .textContent()
        .then((t) => t ?? '');
    const words = { measured: 'mesuré', input: 'saisi', illustrative: 'illustratif' } as const;
    expect(await hubCell('linesNeeded')).toBe(
      `${hub.linesNeeded ?? '—'}${words[hub.provenance.linesNeeded]}`,
    );
    expect(await hubCell('costPerWeek')).toContain('sans tarif horaire');
    expect(await page.getByTestId('oncall-illustrative').count()).toBe(1);
    const notes = await page.getByTestId('oncall-notes').textContent();
    expect(notes).toContain('pics du soir ne sont pas modélisés');
    await waitForChart(page, 'oncall-map');
    await e2e.shot('oncall-department-fr');

    // The form: CT read in 10 min, 80 % within target, 120 € an hour: the address and the figures follow.
    await page.getByTestId('oncall-form-readingCT').fill('10');
    await page.getByTestId('oncall-form-targetSharePercent').fill('80');
    await page.getByTestId('oncall-form-hourlyRate').fill('120');
    await page.getByTestId('oncall-form-apply').click();
    await page.waitForURL((url) => url.searchParams.get('hourlyRate') === '120');
    const search = addressOf(page).search;
    expect(search.get('readingCT')).toBe('10');
    expect(search.get('targetShare')).toBe('0.8');
    const changed = await e2e.api<OncallDocument>(
      `${API}/oncall?department=${department.code}&${search.toString().replace(/department=[^&]*&?/, '')}`,
    );
    const hub2 = changed.options.find((o) => o.option === 'hub')!;
    expect(hub2.costPerWeek).not.toBeNull();
    await expect
      .poll(() => hubCell('costPerWeek').then(digits))
      .toBe(digits(formatNumber(hub2.costPerWeek, 'fr', 0)));
    expect(await hubCell('costPerWeek')).toContain('saisi');
    await expect
      .poll(() => page.getByTestId('oncall-model').textContent())
      .toContain('lecture scanner 10 min, IRM 20 min (saisi)');
    // A bad value is refused on the page, the address kept.
    await page.getByTestId('oncall-form-targetSharePercent').fill('120');
    await page.getByTestId('oncall-form-apply').click();
    expect(await page.getByTestId('oncall-form-error').textContent()).toMatch(/«\s?120\s?»/);
    expect(addressOf(page).search.get('targetShare')).toBe('0.8');

    // The pooling table exports, with a provenance column per figure.
    const csv = await downloadCsv(page, 'oncall-pooling');
    const lines = csv.text
      .replace(/^\uFEFF/, '')
      .trim()
      .split(/\r?\n/);
    expect(lines).toHaveLength(5);
    expect(lines[0]).toContain('Coût / semaine (€) — Provenance');
    expect(lines[2]).toContain('Un centre unique');

    // On a phone: one column, the map's legend under it.
    await page.setViewportSize({ width: 390, height: 844 });
    await waitForChart(page, 'oncall-map');
    await e2e.shot('oncall-department-fr-390');
  });

  it('opens a region’s nights and teleradiology from the region page, in English', async () => {
    const { page } = e2e;
    const regions = await e2e.api<RegionListing[]>(`${API}/regions`);
    const region = [...regions].sort((a, b) => b.establishments - a.establishments)[0]!;
    await page.goto(e2e.url(`${C}/regions/${encodeURIComponent(region.region)}?lang=en`));
    await page.getByTestId('region-oncall').click();
    await page.waitForURL((url) => url.pathname === `${C}/oncall`);
    const code = addressOf(page).search.get('region')!;
    expect(code).toMatch(/^\d\d$/);
    const doc = await e2e.api<OncallDocument>(`${API}/oncall?region=${code}`);
    await expect
      .poll(() => page.locator('h1').textContent())
      .toContain('Nights and teleradiology —');
    // A long table shows its first 60 rows until asked.
    await expect
      .poll(() => tableRows(page, 'oncall-demand').count())
      .toBe(Math.min(60, doc.demand.rows.length));
    const pooling = await tableCells(page, 'oncall-pooling');
    expect(pooling.map((r) => r[0])).toEqual([
      'Separate sites',
      'One hub',
      'Hub at night + sites at weekends',
      'Sites at night + hub at weekends',
    ]);
    const separate = doc.options.find((o) => o.option === 'separate')!;
    expect(digits(pooling[0]![2]!)).toBe(
      digits(formatNumber(separate.onCallHoursPerWeek, 'en', 0)),
    );
    await waitForChart(page, 'oncall-map');
    await e2e.shot('oncall-region-en');
  });
});
