// The trend pages (issue 16) over three demo years of a 120-machine synthetic campaign: the
// nation (modality tabs), a region, an establishment's and a machine's Trends tab — each checked
// against the API's answer (since-last-year sentences, figures per campaign, counts, leads and
// links), the generator's documented changes (src/generate/years.ts) found in the since-last-year
// lists, the Trends links shown only when an earlier campaign is stored, in French and English,
// with screenshots to look at.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type {
  GroupTrend,
  MachineTrend,
  SiteTrend,
  TrendChange,
} from '../../src/core/trends/types.ts';
import type { EstablishmentListing } from '../../src/core/views/types.ts';
import type { YearChange } from '../../src/generate/years.ts';
import { yearChanges } from '../../src/generate/years.ts';
import { formatRank, formatValue } from '../../src/i18n/format.ts';
import type { Lang } from '../../src/i18n/lang.ts';
import type { ChangeNames } from '../../src/i18n/trend-words.ts';
import { changeSentence, verdictLabel } from '../../src/i18n/trend-words.ts';
import { browserAvailable } from './helpers/browser.ts';
import { digits, scrollThrough, tableCells, tableRows, waitForChart } from './helpers/dom.ts';
import { useE2e } from './helpers/fixture.ts';
import { YEAR_IDS, YEARS_OPTIONS, yearsStoreCopy } from './helpers/years-store.ts';

const [Y1, Y2, Y3] = YEAR_IDS;
const api = (id: string): string => `/api/campaigns/${id}`;
/** Every change of the demo years up to year 3 (year 2's are kept in year 3's list). */
const CHANGES: YearChange[] = yearChanges({ ...YEARS_OPTIONS, year: 3 });
const change = (year: number, kind: YearChange['kind']): YearChange => {
  const found = CHANGES.find((c) => c.year === year && c.kind === kind);
  if (!found) throw new Error(`no ${kind} in demo year ${year}`);
  return found;
};

/** Cell text as tableCells gives it (whitespace collapsed). */
const cell = (s: string): string => s.replace(/\s+/g, ' ').trim();

/** The since-last-year sentences on the page (the first dozen and the rest behind "show more"). */
async function sinceItems(page: Page): Promise<string[]> {
  await page.getByTestId('since-last-year').or(page.getByTestId('since-none')).first().waitFor();
  return page
    .locator('[data-testid="since-last-year"] li, [data-testid="since-last-year-more"] li')
    .evaluateAll((lis) => lis.map((li) => (li.textContent ?? '').replace(/\s+/g, ' ').trim()));
}

/** The API's since-last-year list in the page's words. */
function sentences(
  changes: readonly TrendChange[],
  lang: Lang,
  names: ChangeNames,
  subject: boolean,
): string[] {
  return changes.map((c) => cell(changeSentence(c, lang, names, subject)));
}

describe.runIf(browserAvailable())('the trend pages over three demo years', () => {
  beforeAll(async () => {
    // The years' snapshot built alone first (its generation holds the event loop).
    const parent = mkdtempSync(join(tmpdir(), 'plateau-e2e-trends-'));
    try {
      await yearsStoreCopy(parent);
    } finally {
      rmSync(parent, { recursive: true, force: true });
    }
  }, 600_000);
  const e2e = useE2e('trends', { storeCopy: yearsStoreCopy });

  it('shows the nation’s trends from the campaign’s Trends link, with the modality tabs', async () => {
    const { page } = e2e;
    await page.goto(e2e.url(`/c/${Y2}`));
    await page.getByTestId('campaign-trends').click();
    await page.waitForURL((url) => url.pathname === `/c/${Y2}/trends`);
    const trend = await e2e.api<GroupTrend>(`${api(Y2)}/trends?modality=CT`);
    expect(trend.campaigns.map((c) => c.id)).toEqual([Y1, Y2]);
    await expect.poll(() => page.locator('h1').textContent()).toBe('Tendances nationales');
    const sites = await e2e.api<EstablishmentListing[]>(`${api(Y2)}/establishments`);
    const names: ChangeNames = {
      machine: (id) => id,
      site: (f) => sites.find((s) => s.finess === f)?.name ?? f,
    };
    // Year 2 added two machines in the most under-equipped region and replaced one.
    const items = await sinceItems(page);
    expect(items).toEqual(sentences(trend.sinceLastYear, 'fr', names, true));
    const added = CHANGES.filter((c) => c.year === 2 && c.kind === 'machine-added');
    for (const a of added.filter((c) =>
      trend.sinceLastYear.some((s) => s.equipmentId === c.equipmentId),
    ))
      expect(
        items.some((s) => s.startsWith(`${a.equipmentId} (`) && s.endsWith('nouvelle machine')),
      ).toBe(true);
    // The machines, sites and exams of each campaign: the API's.
    const years = trend.byModality.CT!;
    const counts = await tableCells(page, 'group-counts');
    expect(counts).toHaveLength(2);
    for (const [i, y] of years.entries()) {
      expect(digits(counts[i]![1]!)).toBe(String(y.machines));
      expect(digits(counts[i]![2]!)).toBe(String(y.sites));
      expect(digits(counts[i]![4]!)).toBe(String(y.exams));
    }
    // The figures' medians per campaign.
    const figures = await tableCells(page, 'group-figures');
    const total = figures.find((r) => r[0] === 'Ouverture totale')!;
    expect(total[1]).toContain(
      cell(formatValue(years[0]!.figures['totalOpening']!.p50, 'h/week', 'fr')),
    );
    expect(total[2]).toContain(
      cell(formatValue(years[1]!.figures['totalOpening']!.p50, 'h/week', 'fr')),
    );
    await waitForChart(page, 'group-totalOpening');
    await scrollThrough(page);
    await e2e.shot('nation-ct-fr');

    // MRI through its tab: another answer.
    await page.getByTestId('tab-MR').click();
    await page.waitForURL((url) => url.searchParams.get('modality') === 'MR');
    const mr = await e2e.api<GroupTrend>(`${api(Y2)}/trends?modality=MR`);
    await expect
      .poll(async () => digits((await tableCells(page, 'group-counts'))[1]?.[1] ?? ''))
      .toBe(String(mr.byModality.MR![1]!.machines));
  });

  it('shows a region’s trends with the machines the generator added there', async () => {
    const { page } = e2e;
    const a = change(2, 'machine-added');
    const region = a.region!;
    await page.goto(e2e.url(`/c/${Y2}/regions/${encodeURIComponent(region)}`));
    await page.getByTestId('region-trends').click();
    await page.waitForURL(
      (url) => url.pathname === `/c/${Y2}/regions/${encodeURIComponent(region)}/trends`,
    );
    await expect.poll(() => page.locator('h1').textContent()).toBe(`Tendances — ${region}`);
    const modality = (await e2e.api<MachineTrend>(`${api(Y2)}/trends/machines/${a.equipmentId}`))
      .modality;
    if (modality !== 'CT') {
      await page.getByTestId(`tab-${modality}`).click();
      await page.waitForURL((url) => url.searchParams.get('modality') === modality);
    }
    const trend = await e2e.api<GroupTrend>(
      `${api(Y2)}/trends/regions/${encodeURIComponent(region)}?modality=${modality}`,
    );
    const sites = await e2e.api<EstablishmentListing[]>(
      `${api(Y2)}/establishments?region=${encodeURIComponent(region)}`,
    );
    const names: ChangeNames = {
      machine: (id) => id,
      site: (f) => sites.find((s) => s.finess === f)?.name ?? f,
    };
    expect(await sinceItems(page)).toEqual(sentences(trend.sinceLastYear, 'fr', names, true));
    // Each machine the generator added there is said: as a new machine, or its new site.
    for (const c of CHANGES.filter((x) => x.year === 2 && x.kind === 'machine-added')) {
      const m = await e2e.api<MachineTrend>(`${api(Y2)}/trends/machines/${c.equipmentId}`);
      if (m.modality !== modality) continue;
      expect(
        trend.sinceLastYear.some(
          (x) =>
            (x.kind === 'machine-added' && x.equipmentId === c.equipmentId) ||
            (x.kind === 'site-added' && x.finess === c.finess),
        ),
      ).toBe(true);
    }
    const years = trend.byModality[modality]!;
    const counts = await tableCells(page, 'group-counts');
    for (const [i, y] of years.entries()) expect(digits(counts[i]![1]!)).toBe(String(y.machines));
    // The region's count grew by the machines added there.
    expect(years[1]!.machines).toBeGreaterThan(years[0]!.machines);
    await waitForChart(page, 'group-totalOpening');
    await scrollThrough(page);
    await e2e.shot('region-fr');
  });

  it('shows an establishment’s trends: a late start acted on, a machine replaced', async () => {
    const { page } = e2e;
    const fixed = change(2, 'late-starts-fixed');
    await page.goto(e2e.url(`/c/${Y2}/establishments/${fixed.finess}`));
    await page.getByTestId('tab-trends').click();
    await page.waitForURL((url) => url.searchParams.get('tab') === 'trends');
    const trend = await e2e.api<SiteTrend>(`${api(Y2)}/trends/establishments/${fixed.finess}`);
    const lead = trend.sinceLastYear.find(
      (c) =>
        c.kind === 'lead' && c.equipmentId === fixed.equipmentId && c.lead === 'lateStartMinutes',
    );
    expect(lead?.verdict).toMatch(/^(acted|partly)$/);
    const items = await sinceItems(page);
    expect(items.length).toBe(trend.sinceLastYear.length);
    expect(
      items.some(
        (s) => s.includes('Démarrage tardif') && s.includes(verdictLabel(lead!.verdict!, 'fr')),
      ),
    ).toBe(true);
    // The leads followed: one row per lead of each machine and pair of campaigns, with its verdict.
    const rows = trend.machines.flatMap((m) => m.leads);
    await expect.poll(() => tableRows(page, 'site-leads').count()).toBe(rows.length);
    const leads = await tableCells(page, 'site-leads');
    expect(leads.map((r) => r[5])).toEqual(rows.map((r) => verdictLabel(r.verdict, 'fr')));
    // The site per campaign: its exams.
    const years = await tableCells(page, 'site-years');
    for (const [i, y] of trend.years.entries()) expect(digits(years[i]![5]!)).toBe(String(y.exams));
    await waitForChart(page, `trend-${fixed.equipmentId}-totalOpening`);
    await scrollThrough(page);
    await e2e.shot('site-late-starts-fr');

    // The replaced machine: its site says so, and the new machine's links reach the old id.
    const replaced = change(2, 'machine-replaced');
    await page.goto(e2e.url(`/c/${Y3}/establishments/${replaced.finess}?tab=trends`));
    const site = await e2e.api<SiteTrend>(`${api(Y3)}/trends/establishments/${replaced.finess}`);
    expect(
      site.changes.some(
        (c) =>
          c.kind === 'machine-replaced' &&
          c.equipmentId === replaced.equipmentId &&
          c.previousEquipmentId === replaced.previousEquipmentId,
      ),
    ).toBe(true);
    await expect.poll(() => tableRows(page, `trend-${replaced.equipmentId}-links`).count()).toBe(3);
    const links = await tableCells(page, `trend-${replaced.equipmentId}-links`);
    expect(links[0]![1]).toBe(replaced.previousEquipmentId);
    expect(links[0]![2]).toBe('relié (identifiant précédent)');
    expect(links[2]![1]).toBe(replaced.equipmentId);
    await scrollThrough(page);
    await e2e.shot('site-replaced-fr');
  });

  it('shows a machine’s trends: figures per campaign as the API gives them, in French and English', async () => {
    const { page } = e2e;
    const extended = change(2, 'hours-extended');
    await page.goto(e2e.url(`/c/${Y3}/machines/${extended.equipmentId}`));
    await page.getByTestId('tab-trends').click();
    await page.waitForURL((url) => url.searchParams.get('tab') === 'trends');
    const trend = await e2e.api<MachineTrend>(`${api(Y3)}/trends/machines/${extended.equipmentId}`);
    expect(trend.campaigns.map((c) => c.id)).toEqual([Y1, Y2, Y3]);
    await expect.poll(() => tableRows(page, 'trend-figures').count()).toBe(trend.figures.length);
    const cells = await tableCells(page, 'trend-figures');
    for (const [i, f] of trend.figures.entries()) {
      for (const [j, p] of f.points.entries()) {
        expect(cells[i]![1 + j]).toBe(cell(formatValue(p.value, f.unit, 'fr')));
        expect(cells[i]![4 + j]).toBe(cell(formatRank(p.rank, 'fr')));
      }
    }
    // Programmed opening grew in years 2 and 3, as the generator says.
    const programmed = trend.figures
      .find((f) => f.key === 'programmedOpening')!
      .points.map((p) => p.value!);
    expect(programmed[1]!).toBeGreaterThan(programmed[0]!);
    expect(programmed[2]!).toBeGreaterThan(programmed[1]!);
    const items = await sinceItems(page);
    expect(items).toEqual(
      sentences(trend.sinceLastYear, 'fr', { machine: (id) => id, site: (f) => f }, false),
    );
    await expect.poll(() => tableRows(page, 'trend-links').count()).toBe(3);
    await waitForChart(page, 'trend-programmedOpening');
    await scrollThrough(page);
    await e2e.shot('machine-fr');

    await page.goto(e2e.url(`/c/${Y3}/machines/${extended.equipmentId}?tab=trends&lang=en`));
    await expect
      .poll(() => page.locator('#since-last-year h2').textContent())
      .toBe('Since last year');
    const en = await tableCells(page, 'trend-figures');
    expect(en[0]![0]).toBe('Programmed opening');
    expect(en[0]![3]).toBe(cell(formatValue(trend.figures[0]!.points[2]!.value, 'h/week', 'en')));
    expect(await sinceItems(page)).toEqual(
      sentences(trend.sinceLastYear, 'en', { machine: (id) => id, site: (f) => f }, false),
    );
    await waitForChart(page, 'trend-programmedOpening');
    await e2e.shot('machine-en');
  });

  it('finds year 3’s late starts that got worse and the machine removed', async () => {
    const { page } = e2e;
    const worse = change(3, 'late-starts-worse');
    await page.goto(e2e.url(`/c/${Y3}/establishments/${worse.finess}?tab=trends&lang=en`));
    const trend = await e2e.api<SiteTrend>(`${api(Y3)}/trends/establishments/${worse.finess}`);
    const lead = trend.sinceLastYear.find(
      (c) =>
        c.kind === 'lead' && c.equipmentId === worse.equipmentId && c.lead === 'lateStartMinutes',
    );
    expect(lead?.verdict).toMatch(/^(worse|new-lead)$/);
    const items = await sinceItems(page);
    expect(
      items.some((s) => s.includes('Late start') && s.includes(verdictLabel(lead!.verdict!, 'en'))),
    ).toBe(true);
    await scrollThrough(page);
    await e2e.shot('site-worse-en');

    const removed = change(3, 'machine-removed');
    await page.goto(e2e.url(`/c/${Y3}/establishments/${removed.finess}?tab=trends&lang=fr`));
    const site = await e2e.api<SiteTrend>(`${api(Y3)}/trends/establishments/${removed.finess}`);
    const gone = site.sinceLastYear.find(
      (c) => c.kind === 'machine-removed' && c.equipmentId === removed.equipmentId,
    );
    expect(gone).toBeDefined();
    const labels = new Map(
      site.machines.flatMap((m) =>
        m.links.flatMap((l) => (l.equipmentId ? [[l.equipmentId, l.label ?? l.equipmentId]] : [])),
      ) as [string, string][],
    );
    const names: ChangeNames = {
      machine: (id) => labels.get(id) ?? id,
      site: (f) => (f === site.finess ? site.name : f),
    };
    const items3 = await sinceItems(page);
    expect(items3).toEqual(sentences(site.sinceLastYear, 'fr', names, true));
    expect(items3).toContain(sentences([gone!], 'fr', names, true)[0]);
    expect(items3.some((s) => s.endsWith('machine retirée'))).toBe(true);
    await expect
      .poll(() => page.getByTestId(`site-trend-machine-${removed.equipmentId}`).count())
      .toBe(1);
    await scrollThrough(page);
    await e2e.shot('site-removed-fr');
  });

  it('says there is no earlier campaign on the first year, and offers no Trends link there', async () => {
    const { page } = e2e;
    const m = change(2, 'hours-extended');
    await page.goto(e2e.url(`/c/${Y1}/machines/${m.equipmentId}?tab=trends`));
    await expect
      .poll(() => page.getByTestId('trends-single').textContent())
      .toBe(
        'Une seule campagne est stockée jusqu’à celle-ci : aucune campagne antérieure à comparer pour l’instant.'.replace(
          ' :',
          '\u202f:',
        ),
      );
    expect(await page.getByTestId('tab-trends').count()).toBe(0);
    await page.goto(e2e.url(`/c/${Y1}`));
    await page.getByTestId('nav-campaign').waitFor();
    await page.locator('.page-header .report-link').first().waitFor();
    expect(await page.getByTestId('campaign-trends').count()).toBe(0);
    await page.goto(e2e.url(`/c/${Y1}/trends?lang=en`));
    await expect
      .poll(() => page.getByTestId('trends-single').textContent())
      .toBe(
        'Only one campaign is stored up to this one: there is no earlier campaign to compare with yet.',
      );
    await e2e.shot('single-en');
  });
});
