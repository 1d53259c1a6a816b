// Every screen of the web app on the national campaign, reached as a user would (links and the
// main navigation), each checked against what the API says it should show.
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import type {
  CampaignDetail,
  CampaignSummary,
  EstablishmentListing,
  EstablishmentView,
  MachineView,
  QualityView,
  RegionListing,
} from '../../src/core/views/types.ts';
import { browserAvailable } from './helpers/browser.ts';
import {
  addressOf,
  digits,
  openChartTable,
  scrollThrough,
  tableCells,
  tableRows,
  waitForChart,
} from './helpers/dom.ts';
import { useE2e } from './helpers/fixture.ts';
import { NATIONAL_ID } from './helpers/national-store.ts';

const C = `/c/${NATIONAL_ID}`;
const API = `/api/campaigns/${NATIONAL_ID}`;

describe.runIf(browserAvailable())('the screens of the web app', () => {
  const e2e = useE2e('screens');

  it('lists the stored campaigns and opens one', async () => {
    const { page } = e2e;
    const [campaign] = await e2e.api<CampaignSummary[]>('/api/campaigns');
    await page.goto(e2e.url('/'));
    await expect.poll(() => tableRows(page, 'campaigns').count()).toBe(1);
    const link = page.getByTestId('campaign-link');
    expect(await link.textContent()).toBe(campaign!.name);
    await e2e.shot('campaigns');

    await link.click();
    await page.waitForURL((url) => url.pathname === C);
    await expect.poll(() => page.locator('h1').textContent()).toBe(campaign!.name);
    expect(await page.getByTestId('header-campaign').textContent()).toBe(campaign!.name);
    // One section per modality, each saying how many machines it holds.
    const detail = await e2e.api<CampaignDetail>(API);
    const sections = page.locator('h2.section-title');
    await expect.poll(() => sections.count()).toBe(2);
    const headings = await sections.allTextContents();
    expect(headings[0]).toContain(`${detail.machines.CT} machines`);
    expect(headings[1]).toContain(`${detail.machines.MR} machines`);
    await expect.poll(() => tableRows(page, 'key-figures-CT').count()).toBeGreaterThan(5);
    await waitForChart(
      page,
      (await page.locator('[data-testid^="chart-"]').first().getAttribute('data-testid'))!.slice(6),
    );
    await scrollThrough(page);
    await e2e.shot('campaign');
  });

  it('shows the regions, then one region with its establishments and benchmark', async () => {
    const { page } = e2e;
    const regions = await e2e.api<RegionListing[]>(`${API}/regions`);
    await page.goto(e2e.url(C));
    await page.getByTestId('nav-regions').click();
    await page.waitForURL((url) => url.pathname === `${C}/regions`);
    await expect.poll(() => tableRows(page, 'regions').count()).toBe(regions.length);
    const cells = await tableCells(page, 'regions');
    expect(cells.map((row) => row[0])).toEqual(regions.map((r) => r.region));
    expect(cells.map((row) => digits(row[4]!))).toEqual(regions.map((r) => String(r.exams)));
    await e2e.shot('regions');

    const region = regions[0]!;
    await page.getByTestId('region-link').first().click();
    await page.waitForURL(
      (url) => decodeURIComponent(url.pathname) === `${C}/regions/${region.region}`,
    );
    await expect.poll(() => page.locator('h1').textContent()).toContain(region.region);
    const inRegion = await e2e.api<EstablishmentListing[]>(
      `${API}/establishments?region=${encodeURIComponent(region.region)}`,
    );
    expect(inRegion).toHaveLength(region.establishments);
    await expect
      .poll(() => tableRows(page, 'region-establishments').count())
      .toBe(Math.min(50, region.establishments));
    // The region is the page's own filter: not offered again; the others are.
    expect(await page.getByTestId('filter-region').count()).toBe(0);
    expect(await page.getByTestId('filter-modality').count()).toBe(1);
    await expect.poll(() => page.locator('h2.section-title').count()).toBeGreaterThan(0);
    const sections = await page.locator('h2.section-title').allTextContents();
    if (region.machines.CT) expect(sections.join('\n')).toContain(`${region.machines.CT} machines`);
    await scrollThrough(page);
    await e2e.shot('region');
  });

  it('lists and searches the establishments, opens one, then one of its machines', async () => {
    const { page } = e2e;
    const all = await e2e.api<EstablishmentListing[]>(`${API}/establishments`);
    // A site with both modalities, chosen the same way every run.
    const site = all.find((e) => (e.machines.CT ?? 0) > 0 && (e.machines.MR ?? 0) > 0)!;
    await page.goto(e2e.url(C));
    await page.getByTestId('nav-establishments').click();
    await page.waitForURL((url) => url.pathname === `${C}/establishments`);
    await expect
      .poll(() => tableRows(page, 'establishments').count())
      .toBe(Math.min(50, all.length));
    await e2e.shot('establishments');

    await page.getByTestId('establishment-search').fill(site.finess);
    await page.waitForURL((url) => url.searchParams.get('q') === site.finess);
    await expect.poll(() => tableRows(page, 'establishments').count()).toBe(1);
    await e2e.shot('establishments-search');

    await page.getByTestId('table-establishments').getByTestId('establishment-link').click();
    await page.waitForURL((url) => url.pathname === `${C}/establishments/${site.finess}`);
    await expect.poll(() => page.locator('h1').textContent()).toBe(site.name);
    const view = await e2e.api<EstablishmentView>(`${API}/establishments/${site.finess}`);
    const machineIds = view.machines.map((m) => m.point.equipmentId).sort();
    await expect.poll(() => page.locator('section.machine-card').count()).toBe(machineIds.length);
    const hrefs = await page
      .getByTestId('machine-link')
      .evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''));
    const linked = [
      ...new Set(
        hrefs.map((h) => decodeURIComponent(new URL(h, 'http://x').pathname.split('/').pop()!)),
      ),
    ].sort();
    expect(linked).toEqual(machineIds);
    await scrollThrough(page);
    await e2e.shot('establishment');

    // The site fiche, printed by the server, downloads from the page in the page's language.
    const [download] = await Promise.all([
      page.waitForEvent('download', { timeout: 60_000 }),
      page.getByTestId('report-download').click(),
    ]);
    expect(download.suggestedFilename()).toMatch(new RegExp(`site-${site.finess}-fr\\.pdf$`));
    const pdf = await readFile((await download.path())!);
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');

    const first = view.machines[0]!.point;
    await page.getByTestId('machine-link').first().click();
    await page.waitForURL(
      (url) => decodeURIComponent(url.pathname) === `${C}/machines/${first.equipmentId}`,
    );
    const machine = await e2e.api<MachineView>(
      `${API}/machines/${encodeURIComponent(first.equipmentId)}`,
    );
    await expect
      .poll(() => page.locator('h1').textContent())
      .toContain(first.label ?? first.equipmentId);
    const leads = Object.values(machine.machine.leads).filter((lead) => lead !== null).length;
    await expect.poll(() => tableRows(page, 'leads').count()).toBe(leads > 0 ? 4 : 0);
    await waitForChart(page, 'timeline');
    await waitForChart(page, 'heatmap');
    // The charts' data, behind their disclosures: a row per weekday, the week's spans.
    await openChartTable(page, 'heatmap');
    await expect.poll(() => tableRows(page, 'heatmap').count()).toBe(7);
    await openChartTable(page, 'timeline');
    const firstWeek = (await tableCells(page, 'timeline'))[0]?.[0];
    expect(firstWeek).toBeTruthy();
    await e2e.shot('machine');

    // Another week: the address says so, and the timeline shows that week's days.
    expect(machine.weeks.length).toBeGreaterThan(1);
    const week = machine.weeks[1]!;
    await page.getByTestId('week-select').selectOption(String(week.index));
    await page.waitForURL((url) => url.searchParams.get('week') === String(week.index));
    const timeline = await e2e.api<{ days: { date: string }[] }>(
      `${API}/machines/${encodeURIComponent(first.equipmentId)}/timeline?week=${week.index}`,
    );
    expect(timeline.days[0]!.date).toBe(week.start);
    await waitForChart(page, 'timeline');
    await openChartTable(page, 'timeline');
    await expect
      .poll(async () => {
        const day = (await tableCells(page, 'timeline'))[0]?.[0];
        return Boolean(day) && day !== firstWeek;
      })
      .toBe(true);
    await e2e.shot('machine-week');

    // Reloading the address shows the same week.
    await page.reload();
    await expect.poll(() => page.getByTestId('week-select').inputValue()).toBe(String(week.index));
    await page.getByTestId('establishment-link').first().click();
    await page.waitForURL((url) => url.pathname === `${C}/establishments/${site.finess}`);
  });

  it('shows the data quality of the campaign', async () => {
    const { page } = e2e;
    const quality = await e2e.api<QualityView>(`${API}/quality`);
    await page.goto(e2e.url(C));
    await page.getByTestId('nav-quality').click();
    await page.waitForURL((url) => url.pathname === `${C}/quality`);
    const tiles = page.getByTestId('quality-summary').locator('.tile-value');
    await expect.poll(() => tiles.count()).toBe(6);
    const q = quality.quality;
    expect((await tiles.allTextContents()).map(digits)).toEqual(
      [
        q.shortExams,
        q.overlappingExams,
        q.examsOutsideSessions,
        q.unvaluedExams,
        q.unknownActs.length,
        q.excludedFromOccupancy.length,
      ].map(String),
    );
    const excluded = quality.machines.filter((m) => !m.occupancyIncluded).length;
    expect(excluded).toBe(q.excludedFromOccupancy.length);
    if (excluded > 0)
      await expect
        .poll(() => tableRows(page, 'quality-exclusions').count())
        .toBe(Math.min(60, excluded));
    await e2e.shot('quality');
  });

  it('opens the upload screen from the navigation', async () => {
    const { page } = e2e;
    await page.goto(e2e.url('/'));
    await page.getByTestId('nav-upload').click();
    await page.waitForURL((url) => url.pathname === '/upload');
    expect(addressOf(page).pathname).toBe('/upload');
    await expect.poll(() => page.locator('h1').textContent()).toBe('Importer un kit de données');
    expect(await page.getByTestId('upload-files').getAttribute('type')).toBe('file');
    expect(await page.getByTestId('upload-files').getAttribute('multiple')).not.toBeNull();
    await e2e.shot('upload');
  });
});
