/**
 * Small reading helpers over the app's test hooks (`table-<name>`, `chart-<name>`), so that the
 * suites read like what a user checks on screen.
 */
import type { Locator, Page } from 'playwright-core';

/** The body rows of the table `data-testid="table-<name>"`. */
export function tableRows(page: Page, name: string): Locator {
  return page.locator(`[data-testid="table-${name}"] tbody tr`);
}

/** The text of each cell of each body row of a table, whitespace collapsed. */
export async function tableCells(page: Page, name: string): Promise<string[][]> {
  return tableRows(page, name).evaluateAll((rows) =>
    rows.map((row) =>
      [...row.querySelectorAll('td')].map((cell) =>
        (cell.textContent ?? '').replace(/\s+/g, ' ').trim(),
      ),
    ),
  );
}

/** The pathname and query of the page's address. */
export function addressOf(page: Page): { pathname: string; search: URLSearchParams } {
  const url = new URL(page.url());
  return { pathname: url.pathname, search: url.searchParams };
}

/**
 * Waits until the chart `data-testid="chart-<name>"` has drawn: its canvas exists and has
 * non-blank pixels. Scrolls it into view first (charts draw when they come near the viewport).
 */
export async function waitForChart(page: Page, name: string): Promise<void> {
  const chart = page.getByTestId(`chart-${name}`).first();
  await chart.scrollIntoViewIfNeeded();
  await page.waitForFunction(
    (el) => {
      const canvas = el?.querySelector('canvas');
      if (!canvas || canvas.width === 0 || canvas.height === 0) return false;
      const ctx = canvas.getContext('2d');
      if (!ctx) return false;
      const { data } = ctx.getImageData(0, 0, canvas.width, canvas.height);
      for (let i = 3; i < data.length; i += 4 * 16) if ((data[i] ?? 0) > 0) return true;
      return false;
    },
    await chart.elementHandle(),
    { timeout: 15_000 },
  );
}

/**
 * Opens the data table behind the chart `data-testid="chart-<name>"` (its "show the data as a
 * table" disclosure), as a reader would, and returns the table's name for `tableRows`.
 */
export async function openChartTable(page: Page, name: string): Promise<string> {
  const block = page
    .locator('.chart-with-table', { has: page.getByTestId(`chart-${name}`) })
    .first();
  const details = block.locator('details').first();
  if ((await details.getAttribute('open')) === null) await details.locator('summary').click();
  await block.getByTestId(`table-${name}`).waitFor();
  return name;
}

/**
 * Scrolls the whole page down a viewport at a time, so that every lazily drawn chart draws
 * before a full-page screenshot, then back to the top.
 */
export async function scrollThrough(page: Page): Promise<void> {
  const step = page.viewportSize()?.height ?? 900;
  for (let y = 0; ; y += step) {
    const height = await page.evaluate((top) => {
      // This runs in the page; the tests' tsconfig has no DOM library.
      const win = globalThis as unknown as BrowserWindow;
      win.scrollTo(0, top);
      return win.document.documentElement.scrollHeight;
    }, y);
    await page.waitForTimeout(60);
    if (y + step >= height) break;
  }
  await page.evaluate(() => (globalThis as unknown as BrowserWindow).scrollTo(0, 0));
}

/** The little of `window` the helpers use in the page. */
interface BrowserWindow {
  scrollTo(x: number, y: number): void;
  document: { documentElement: { scrollHeight: number } };
}

/** Digits only: compares counts whatever the language's thousands separator. */
export const digits = (text: string): string => text.replace(/[^\d]/g, '');
