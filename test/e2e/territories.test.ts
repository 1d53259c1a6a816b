// The territories screens on the national campaign and its register: the map of France drawn,
// a territory followed from the map (a region to its départements), the ranking against the
// API's document (as many columns as fit, never scrolling sideways), the gap's reference chosen
// or typed, a département's page and its benchmark, both languages, and screenshots at desktop
// and phone widths to look at. The screen's pure helpers are checked first, without a browser.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { territoryFigureValue } from '../../src/charts/territory-map.ts';
import type { TerritoryDocument } from '../../src/plan/territories/types.ts';
import {
  gapPickOf,
  rankingColumns,
  targetGapTo,
  targetsOf,
  territoriesView,
} from '../../src/web/lib/territories.ts';
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

/** The headers of a table, whitespace collapsed, without the sort marks. */
async function tableHeaders(page: Page, name: string): Promise<string[]> {
  return page
    .locator(`[data-testid="table-${name}"] thead th`)
    .evaluateAll((ths) =>
      ths.map((th) => (th.textContent ?? '').replace(/[↕▲▼]/g, '').replace(/\s+/g, ' ').trim()),
    );
}

/** Whether a table's scrolling box is wider inside than outside (it scrolls sideways). */
async function scrollsSideways(page: Page, name: string): Promise<boolean> {
  return page
    .locator(`[data-testid="table-${name}"] .table-scroll`)
    .evaluate((el) => el.scrollWidth > el.clientWidth + 1);
}

describe('the territories screen’s choices', () => {
  it('reads the gap’s reference from the address as the API takes it', () => {
    const view = (q: string) => territoriesView(new URLSearchParams(q), ['CT', 'MR']);
    expect(view('').gapTo).toBeNull();
    expect(view('gapTo=%20oecd:2015%20').gapTo).toBe('oecd:2015');
    // The figure's former name still opens the gap.
    expect(view('figure=gapOecd').figure).toBe('gap');
    expect(gapPickOf(null)).toEqual({ reference: 'oecd' });
    expect(gapPickOf('national')).toEqual({ reference: 'national' });
    expect(gapPickOf('OECD : 2015')).toEqual({ reference: 'oecd', year: 2015 });
    expect(gapPickOf('CT=20,MR=15')).toEqual({ reference: 'target' });
  });

  it('turns typed densities into the API’s text, and names the first that is not one', () => {
    expect(targetGapTo({ CT: ' 20 ', MR: '12,5' }, ['CT', 'MR'])).toEqual({
      gapTo: 'CT=20,MR=12.5',
    });
    expect(targetGapTo({ CT: '', MR: '9' }, ['CT', 'MR'])).toEqual({ gapTo: 'MR=9' });
    expect(targetGapTo({ CT: '-3' }, ['CT', 'MR'])).toEqual({ invalid: '-3', modality: 'CT' });
    expect(targetGapTo({ MR: '20 par million' }, ['CT', 'MR'])).toMatchObject({ modality: 'MR' });
    expect(targetGapTo({}, ['CT', 'MR'])).toEqual({ empty: true });
    expect(targetsOf('CT=12.5,MR=9', true)).toEqual({ CT: '12,5', MR: '9' });
    expect(targetsOf('national', false)).toEqual({});
  });

  it('gives the ranking as many figure columns as its box holds, the map’s first', () => {
    // 66 (rank) + 160 (territory) + 104 per figure.
    expect(rankingColumns('gap', 570, 1280)).toEqual(['gap', 'units', 'population']);
    expect(rankingColumns('delayP50', 400, 1280)).toEqual(['delayP50']);
    expect(rankingColumns('unitsPerMillion', 1000, 1000)).toHaveLength(7);
    expect(rankingColumns('unitsPerMillion', 570, 1280, 1)).toEqual(['unitsPerMillion', 'units']);
    // A phone: the territory's column is narrower.
    expect(rankingColumns('examsPer1000', 340, 390)).toEqual(['examsPer1000']);
    expect(rankingColumns('examsPer1000', 420, 390)).toEqual(['examsPer1000', 'units']);
  });
});

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
    // The map's figure, the units and the populations, the document's; nothing to scroll sideways.
    const headers = await tableHeaders(page, 'territories');
    expect(headers.slice(0, 4)).toEqual(['Rang', 'Territoire', 'Par million d’hab.', 'Appareils']);
    expect(await scrollsSideways(page, 'territories')).toBe(false);
    const byName = new Map(doc.regions.map((r) => [r.name, r]));
    const population = headers.indexOf('Population');
    expect(population).toBeGreaterThan(3);
    for (const row of cells) {
      const region = byName.get(nameOf(row[1]!))!;
      expect(digits(row[3]!)).toBe(String(region.units.CT!.total));
      expect(digits(row[population]!)).toBe(String(region.population));
    }
    // The population's source in the page's language, built from the table's years.
    const source = await page.getByTestId('territory-population').textContent();
    expect(source).toContain('en vigueur au 1er janvier 2026');
    expect(source).toMatch(/via @etalab\/decoupage-administratif \d+\.\d+\.\d+/);
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

    // The gap's reference: the national density, then a typed target (refused, then taken).
    await page.getByTestId('territory-figure').selectOption('gap');
    await page.getByTestId('territory-gap').selectOption('national');
    await page.waitForURL((url) => url.searchParams.get('gapTo') === 'national');
    const national = await e2e.api<TerritoryDocument>(`${API}/territories?gapTo=national`);
    const gapOf = (d: TerritoryDocument, code: string): number =>
      territoryFigureValue(
        d.departments.find((x) => x.code === code)!,
        'gap',
        'MR',
        d === national ? { reference: 'national' } : { reference: 'target' },
      )!;
    const gapCell = async (code: string): Promise<string> =>
      (await tableCells(page, 'territories')).find((row) => row[1]!.endsWith(` ${code}`))![2]!;
    await expect.poll(() => gapCell('59').then(digits)).toBe(String(gapOf(national, '59')));
    await page.getByTestId('territory-gap').selectOption('target');
    await page.getByTestId('territory-gap-MR').fill('douze');
    await page.getByTestId('territory-gap-apply').click();
    expect(await page.getByTestId('territory-gap-error').textContent()).toMatch(/«\s?douze\s?»/);
    expect(addressOf(page).search.get('gapTo')).toBe('national');
    await page.getByTestId('territory-gap-MR').fill('12,5');
    await page.getByTestId('territory-gap-MR').press('Enter');
    await page.waitForURL((url) => url.searchParams.get('gapTo') === 'MR=12.5');
    expect(await page.getByTestId('territory-gap-error').count()).toBe(0);
    const target = await e2e.api<TerritoryDocument>(`${API}/territories?gapTo=MR%3D12.5`);
    await expect.poll(() => gapCell('59').then(digits)).toBe(String(gapOf(target, '59')));
    expect(await page.locator('.territory-map-card h2').textContent()).toContain(
      'cible saisie (12,5 par million)',
    );
    await waitForChart(page, 'territory-map');
    await e2e.shot('departments-gap-target-fr-1280');

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
    const source = await page.getByTestId('territory-population').textContent();
    expect(source).toContain('in force on 1 January 2026');
    expect(source).not.toContain('en vigueur');
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
    // The ranking too: the rank, the territory and the map's figure at least, side by side.
    expect((await tableHeaders(page, 'territories')).slice(0, 3)).toEqual([
      'Rank',
      'Territory',
      'Per million',
    ]);
    expect(await scrollsSideways(page, 'territories')).toBe(false);
    await e2e.shot('regions-en-390');
    await page.goto(e2e.url(`${C}/territories?level=department&lang=fr`));
    await waitForChart(page, 'territory-map');
    await expect.poll(() => tableRows(page, 'territories').count()).toBe(101);
    await e2e.shot('departments-fr-390');
    await page.goto(e2e.url(`${C}/territories/2A?lang=en`));
    await expect.poll(() => page.locator('h1').textContent()).toContain('(2A)');
    await waitForChart(page, 'territory-region-map');
    await e2e.shot('department-en-390');
  });
});
