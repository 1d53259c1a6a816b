/**
 * A browser page that records every console error, uncaught page error and failed request, and
 * saves a numbered screenshot of each step to test-artifacts/e2e/ (git-ignored) for a human to
 * look at after the run. PLATEAU_E2E_SHOTS=0 (CI, whose folder nobody looks at) skips the steps'
 * full-page shots (about a tenth of an end-to-end file's time); a failed test's page is always shot.
 */
import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';

/** Where the screenshots go. */
export const ARTIFACTS = join(import.meta.dirname, '../../../test-artifacts/e2e');

/** Whether the steps are shot (a failed test's page always is). */
const SHOTS = process.env['PLATEAU_E2E_SHOTS'] !== '0';

/** Steps shot so far per prefix: numbers run on across the tests of a file. */
const steps = new Map<string, number>();

/** Removes the screenshots an earlier run of the file `prefix` left, so that none is stale. */
export function clearShots(prefix: string): void {
  mkdirSync(ARTIFACTS, { recursive: true });
  for (const name of readdirSync(ARTIFACTS)) {
    if (name.startsWith(`${prefix}-`) && name.endsWith('.png'))
      rmSync(join(ARTIFACTS, name), { force: true });
  }
}

/** A page and what went wrong in it. */
export interface WatchedPage {
  page: Page;
  /** Console errors, page errors and failed requests, in order, each one line. */
  problems: string[];
  /**
   * Saves `test-artifacts/e2e/<prefix>-<nn>-<step>.png` (the full page) and returns its path;
   * with PLATEAU_E2E_SHOTS=0 does nothing and returns null, unless `always`.
   */
  shot(step: string, always?: boolean): Promise<string | null>;
  close(): Promise<void>;
}

/**
 * Opens a page in `context` that watches for errors; screenshots are named after `prefix`.
 *
 * @example
 * const w = await watchedPage(context, 'screens');
 * await w.page.goto(url);
 * await w.shot('campaigns');
 * expect(w.problems).toEqual([]);
 */
export async function watchedPage(context: BrowserContext, prefix: string): Promise<WatchedPage> {
  mkdirSync(ARTIFACTS, { recursive: true });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') {
      const where = message.location();
      problems.push(
        `console error: ${message.text()}${where.url ? ` (${where.url}:${where.lineNumber})` : ''}`,
      );
    }
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('requestfailed', (request) => {
    // A navigation away aborts the requests still in flight: not a failure of the app.
    const reason = request.failure()?.errorText ?? '';
    if (!reason.includes('ERR_ABORTED'))
      problems.push(`request failed: ${request.method()} ${request.url()} ${reason}`);
  });
  return {
    page,
    problems,
    async shot(name: string, always = false) {
      if (!SHOTS && !always) return null;
      const step = (steps.get(prefix) ?? 0) + 1;
      steps.set(prefix, step);
      const file = join(
        ARTIFACTS,
        `${prefix}-${String(step).padStart(2, '0')}-${name.replace(/[^a-z0-9-]+/gi, '-')}.png`,
      );
      // From the top: a sticky header would otherwise be drawn where the page was scrolled to.
      await page.evaluate(() =>
        (globalThis as unknown as { scrollTo(x: number, y: number): void }).scrollTo(0, 0),
      );
      await page.screenshot({ path: file, fullPage: true, animations: 'disabled' });
      return file;
    },
    close: () => page.close(),
  };
}
