// The campaign screen's peer-group filters (written to the address, figures recomputed from the
// API's view of that group) and the language switch (French by default, English on demand,
// remembered across reloads and new visits).
import { describe, expect, it } from 'vitest';
import type { BenchmarkView, CampaignDetail } from '../../src/core/views/types.ts';
import { browserAvailable } from './helpers/browser.ts';
import { addressOf, tableCells } from './helpers/dom.ts';
import { useE2e } from './helpers/fixture.ts';
import { NATIONAL_ID } from './helpers/national-store.ts';

const C = `/c/${NATIONAL_ID}`;
const API = `/api/campaigns/${NATIONAL_ID}`;

describe.runIf(browserAvailable())('filters and language', () => {
  const e2e = useE2e('filters-language');

  it('narrows the benchmark by modality then region, in the address, with the API figures', async () => {
    const { page } = e2e;
    const detail = await e2e.api<CampaignDetail>(API);
    expect(detail.options.modalities).toEqual(['CT', 'MR']);
    await page.goto(e2e.url(C));
    const sections = page.locator('h2.section-title');
    await expect.poll(() => sections.count()).toBe(2);
    for (const key of ['modality', 'region', 'legalStatus', 'typology'])
      expect(await page.getByTestId(`filter-${key}`).count()).toBe(1);
    const nationalMr = await tableCells(page, 'key-figures-MR');

    await page.getByTestId('filter-modality').selectOption('MR');
    await page.waitForURL((url) => url.searchParams.get('modality') === 'MR');
    await expect.poll(() => sections.count()).toBe(1);
    expect(await page.getByTestId('table-key-figures-CT').count()).toBe(0);
    const mr = await e2e.api<BenchmarkView>(`${API}/benchmark?modality=MR`);
    expect(await sections.first().textContent()).toContain(`${mr.benchmark.MR!.machines} machines`);
    await e2e.shot('modality-MR');

    // The region with the most MR machines, so that its figures are not all blank.
    const counts = new Map<string, number>();
    for (const m of mr.machines)
      if (m.region) counts.set(m.region, (counts.get(m.region) ?? 0) + 1);
    const region = [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]![0];
    await page.getByTestId('filter-region').selectOption(region);
    await page.waitForURL(
      (url) =>
        url.searchParams.get('region') === region && url.searchParams.get('modality') === 'MR',
    );
    const narrowed = await e2e.api<BenchmarkView>(
      `${API}/benchmark?modality=MR&region=${encodeURIComponent(region)}`,
    );
    expect(narrowed.benchmark.MR!.machines).toBe(counts.get(region));
    expect(narrowed.benchmark.MR!.machines).toBeLessThan(mr.benchmark.MR!.machines);
    await expect
      .poll(() => sections.first().textContent())
      .toContain(`${narrowed.benchmark.MR!.machines} machines`);
    const regionalMr = await tableCells(page, 'key-figures-MR');
    expect(regionalMr).not.toEqual(nationalMr);
    // The figure counts (n column) are those of the narrowed group.
    const n = regionalMr.map((row) => Number(row[4]!.replace(/\D/g, '')));
    expect(Math.max(...n)).toBeLessThanOrEqual(narrowed.benchmark.MR!.machines);
    expect(await page.getByTestId('filter-region').inputValue()).toBe(region);
    await e2e.shot('modality-MR-region');

    // The address alone rebuilds the view.
    await page.reload();
    await expect.poll(() => sections.count()).toBe(1);
    await expect.poll(() => tableCells(page, 'key-figures-MR')).toEqual(regionalMr);
    expect(await page.getByTestId('filter-modality').inputValue()).toBe('MR');

    // Back to every modality: both sections again, with the national figures.
    await page.getByTestId('filter-modality').selectOption('');
    await page.getByTestId('filter-region').selectOption('');
    await page.waitForURL(
      (url) => !url.searchParams.has('modality') && !url.searchParams.has('region'),
    );
    await expect.poll(() => sections.count()).toBe(2);
    await expect.poll(() => tableCells(page, 'key-figures-MR')).toEqual(nationalMr);
  });

  it('speaks French by default, English once chosen, and remembers the choice', async () => {
    const { page } = e2e;
    await page.goto(e2e.url(C));
    const keyFigures = page.getByTestId('table-key-figures-CT');
    await expect.poll(() => keyFigures.textContent()).toMatch(/Taux d['’]occupation/);
    expect(await page.locator('html').getAttribute('lang')).toBe('fr');
    expect(await page.getByTestId('nav-regions').textContent()).toBe('Régions');
    await e2e.shot('french');

    await page.getByTestId('lang-switch').click();
    await page.waitForURL((url) => url.searchParams.get('lang') === 'en');
    await expect.poll(() => keyFigures.textContent()).toContain('Occupancy');
    expect(await keyFigures.textContent()).not.toMatch(/Taux d['’]occupation/);
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    expect(await page.getByTestId('nav-regions').textContent()).toBe('Regions');
    // Links carry the language.
    expect(
      new URL(
        (await page.getByTestId('nav-regions').getAttribute('href'))!,
        e2e.url('/'),
      ).searchParams.get('lang'),
    ).toBe('en');
    await e2e.shot('english');

    await page.reload();
    await expect.poll(() => keyFigures.textContent()).toContain('Occupancy');

    // A new visit without ?lang= keeps the last choice.
    await page.goto(e2e.url(`${C}/quality`));
    await expect.poll(() => page.locator('h1').textContent()).toBe('Data quality');
    expect(addressOf(page).search.get('lang')).toBeNull();

    await page.getByTestId('lang-switch').click();
    await expect.poll(() => page.locator('h1').textContent()).toBe('Qualité des données');
    expect(addressOf(page).search.get('lang')).toBeNull();
    await page.reload();
    await expect.poll(() => page.locator('h1').textContent()).toBe('Qualité des données');
  });
});
