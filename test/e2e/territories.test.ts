// The territories screens on the national campaign and its register: the map of France drawn,
// a territory followed from the map (a region to its départements), the ranking against the
// API's document, a département's page and its benchmark, both languages, and screenshots at
// desktop and phone widths to look at.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { territoryFigureValue } from '../../src/charts/territory-map.ts';
import type { TerritoryDocument } from '../../src/plan/territories/types.ts';
import { browserAvailable } from './helpers/browser.ts';
import { addressOf, digits, tableCells, tableRows, waitForChart } from './helpers/dom.ts';
import { useE2e } from './helpers/fixture.ts';
import { NATIONAL_ID } from './helpers/national-store.ts';

const C = `/c/${NATIONAL_ID}`;
const API = `/api/campaigns/${NATIONAL_ID}`;

/** The text of the map's tooltip (ECharts' HTML tooltip inside the chart's box), or ''. */
async function tooltipText(page: Page, chart: string): Promise<string> {
  return page
    .getByTestId(`chart-${chart}`)
    .evaluate((box) => {
      const tip = [...box.querySelectorAll('div')].find(
        (d) => d.style.position === 'absolute' && d.style.display !== 'none' && d.textContent,
      );
      return tip?.style.opacity === '0' ? '' : (tip?.textContent ?? '');
    })
    .catch(() => '');
}

/**
 * Moves over the map on a grid, from its middle outwards, until the tooltip names one of
 * `names`; returns that name and the point (page coordinates).
 */
async function findTerritory(
  page: Page,
  chart: string,
  names: readonly string[],
): Promise<{ name: string; x: number; y: number }> {
  const box = (await page.getByTestId(`chart-${chart}`).boundingBox())!;
  const points: [number, number][] = [];
  for (let i = 1; i < 12; i++)
    for (let j = 1; j < 12; j++)
      points.push([box.x + (box.width * i) / 12, box.y + (box.height * j) / 12]);
  const cx = box.x + box.width / 2;
  const cy = box.y + box.height / 2;
  points.sort((a, b) => Math.hypot(a[0] - cx, a[1] - cy) - Math.hypot(b[0] - cx, b[1] - cy));
  for (const [x, y] of points) {
    await page.mouse.move(x, y);
    await page.waitForTimeout(40);
    const text = await tooltipText(page, chart);
    // The longest name the tooltip holds ("Provence-Alpes-Côte d'Azur" before "Corse").
    const name = [...names].sort((a, b) => b.length - a.length).find((n) => text.includes(n));
    if (name) return { name, x, y };
  }
  throw new Error('no territory under the map grid');
}

describe.runIf(browserAvailable())('the territories screens', () => {
  const e2e = useE2e('territories');

  it('maps the 18 regions, ranks them by the figure, and opens a region from the map', async () => {
    const { page } = e2e;
    const doc = await e2e.api<TerritoryDocument>(`${API}/territories`);
    expect(doc.regions).toHaveLength(18);
    expect(doc.departments).toHaveLength(101);

    await page.goto(e2e.url(C));
    await page.getByTestId('nav-territories').click();
    await page.waitForURL((url) => url.pathname === `${C}/territories`);
    expect(await page.getByTestId('nav-territories').textContent()).toBe('Territoires');
    await expect.poll(() => page.locator('h1').textContent()).toBe('Territoires');
    await waitForChart(page, 'territory-map');
    await expect.poll(() => tableRows(page, 'territories').count()).toBe(18);

    // Ranked by CT units per million, highest first, as the API computed them.
    const cells = await tableCells(page, 'territories');
    const expected = [...doc.regions]
      .filter((r) => territoryFigureValue(r, 'unitsPerMillion', 'CT') !== null)
      .sort(
        (a, b) =>
          territoryFigureValue(b, 'unitsPerMillion', 'CT')! -
            territoryFigureValue(a, 'unitsPerMillion', 'CT')! || a.name.localeCompare(b.name),
      );
    // The territory's cell: its name, then its code.
    const nameOf = (cell: string): string => cell.replace(/ \S+$/, '');
    expect(cells[0]![1]).toBe(`${expected[0]!.name} ${expected[0]!.code}`);
    // The map's figure comes right after the name and code.
    expect(digits(cells[0]![2]!)).toBe(
      digits(territoryFigureValue(expected[0]!, 'unitsPerMillion', 'CT')!.toFixed(1)),
    );
    // Populations are the document's.
    const byName = new Map(doc.regions.map((r) => [r.name, r]));
    for (const row of cells)
      expect(digits(row[3]!)).toBe(String(byName.get(nameOf(row[1]!))!.population));
    // The nation, the published figures and the caveats.
    expect(await page.getByTestId('table-references').count()).toBe(1);
    await expect.poll(() => tableRows(page, 'references').count()).toBeGreaterThan(0);
    expect(await page.getByTestId('territory-caveats').textContent()).toContain(
      'lieu de l’appareil',
    );
    // The attribution of the boundaries is drawn on the map's canvas: checked through the SVG
    // export's source, the same option (test/charts/territory-map.test.ts).
    await e2e.shot('regions-fr-1280');

    // A region under the mouse: its tooltip names it, a click shows its départements.
    const found = await findTerritory(
      page,
      'territory-map',
      doc.regions.map((r) => r.name),
    );
    const region = byName.get(found.name)!;
    await page.mouse.click(found.x, found.y);
    await page.waitForURL(
      (url) =>
        url.searchParams.get('level') === 'department' &&
        url.searchParams.get('inseeRegion') === region.code,
    );
    const inRegion = doc.departments.filter((d) => d.region === region.code);
    await expect.poll(() => tableRows(page, 'territories').count()).toBe(inRegion.length);
    expect(await page.getByTestId('territory-crumb').textContent()).toContain(region.name);
    const benchmark = await page.getByTestId('territory-benchmark').getAttribute('href');
    expect(new URL(benchmark!, e2e.url('/')).searchParams.get('inseeRegion')).toBe(region.code);
    expect(addressOf(page).search.get('figure')).toBeNull();
    await waitForChart(page, 'territory-map');
    await e2e.shot('region-departments-fr-1280');
  });

  it('lists the 101 départements, opens one, and narrows the benchmark to it', async () => {
    const { page } = e2e;
    const doc = await e2e.api<TerritoryDocument>(`${API}/territories`);
    await page.goto(e2e.url(`${C}/territories?level=department&figure=examsPer1000&modality=MR`));
    await waitForChart(page, 'territory-map');
    await expect.poll(() => tableRows(page, 'territories').count()).toBe(101);
    expect(await page.getByTestId('territory-figure').inputValue()).toBe('examsPer1000');
    expect(await page.getByTestId('territory-modality').inputValue()).toBe('MR');

    const nord = doc.departments.find((d) => d.code === '59')!;
    await page
      .locator('[data-testid="table-territories"] tbody tr', { hasText: nord.name })
      .first()
      .getByTestId('territory-link')
      .click();
    await page.waitForURL((url) => url.pathname === `${C}/territories/59`);
    await expect.poll(() => page.locator('h1').textContent()).toBe(`${nord.name} (59)`);
    await expect.poll(() => tableRows(page, 'territory-figures').count()).toBeGreaterThan(10);
    const figures = await tableCells(page, 'territory-figures');
    expect(digits(figures[0]![1]!)).toBe(String(nord.population));
    await e2e.shot('department-fr-1280');

    await page.getByTestId('territory-benchmark').click();
    await page.waitForURL(
      (url) => url.pathname === C && url.searchParams.get('department') === '59',
    );
    await expect.poll(() => page.getByTestId('filter-department').textContent()).toContain('Nord');
    await e2e.shot('benchmark-department-fr-1280');
    await page.getByTestId('filter-department-clear').click();
    await page.waitForURL((url) => url.pathname === C && !url.searchParams.has('department'));
    expect(await page.getByTestId('filter-department').count()).toBe(0);
  });

  it('speaks English once chosen, and fits a phone', async () => {
    const { page } = e2e;
    await page.goto(e2e.url(`${C}/territories`));
    await waitForChart(page, 'territory-map');
    await page.getByTestId('lang-switch').click();
    await page.waitForURL((url) => url.searchParams.get('lang') === 'en');
    await expect.poll(() => page.locator('h1').textContent()).toBe('Territories');
    expect(await page.getByTestId('nav-territories').textContent()).toBe('Territories');
    expect(await page.getByTestId('territory-caveats').textContent()).toContain(
      'not where the patient lives',
    );
    await waitForChart(page, 'territory-map');
    await e2e.shot('regions-en-1280');

    await page.setViewportSize({ width: 390, height: 844 });
    await waitForChart(page, 'territory-map');
    // Nothing wider than the phone's screen but the tables' own scrolling boxes.
    const overflow = await page.evaluate(
      () =>
        (globalThis as unknown as { document: { documentElement: { scrollWidth: number } } })
          .document.documentElement.scrollWidth,
    );
    expect(overflow).toBeLessThanOrEqual(390);
    await e2e.shot('regions-en-390');
    await page.goto(e2e.url(`${C}/territories?level=department&lang=fr`));
    await waitForChart(page, 'territory-map');
    await expect.poll(() => tableRows(page, 'territories').count()).toBe(101);
    await e2e.shot('departments-fr-390');
    await page.goto(e2e.url(`${C}/territories/2A?lang=en`));
    await expect.poll(() => page.locator('h1').textContent()).toContain('(2A)');
    await e2e.shot('department-en-390');
  });
});
