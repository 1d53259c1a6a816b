/**
 * The end-to-end suites' browser: Debian's Chromium driven by playwright-core (no browser
 * download). Without a Chromium the suites are skipped with a message saying how to install it,
 * unless PLATEAU_REQUIRE_BROWSER=1 (CI), where a missing browser fails the run.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext } from 'playwright-core';
import { chromium } from 'playwright-core';
import {
  CHROMIUM_ARGS,
  CHROMIUM_HINT as INSTALL_HINT,
  findChromium,
} from '../../../src/reports/chromium.ts';

// The browser lookup and its flags are the reports' own (src/reports/chromium.ts): one place.
export { CHROMIUM_ARGS, findChromium };

/**
 * Whether the end-to-end suites can run. Prints why they are skipped when they cannot, and
 * throws when PLATEAU_REQUIRE_BROWSER=1 asks for them to run.
 *
 * @example
 * describe.runIf(browserAvailable())('the campaign screens', () => { … });
 */
export function browserAvailable(env: Record<string, string | undefined> = process.env): boolean {
  if (findChromium(env)) return true;
  const where = env['PLATEAU_CHROMIUM']?.trim() || '/usr/bin/chromium';
  if (env['PLATEAU_REQUIRE_BROWSER'] === '1') {
    throw new Error(
      `PLATEAU_REQUIRE_BROWSER=1 but there is no Chromium at ${where}: ${INSTALL_HINT}`,
    );
  }
  console.warn(`end-to-end tests skipped: no Chromium at ${where}; ${INSTALL_HINT}`);
  return false;
}

/** A launched browser; `close()` also removes its scratch folder. */
export interface E2eBrowser {
  browser: Browser;
  /** A fresh context (cookies, storage): French-speaking, Paris time, desktop-sized. */
  newContext(): Promise<BrowserContext>;
  close(): Promise<void>;
}

/**
 * Launches Chromium headless (one per test file; a fresh context per test).
 *
 * @example
 * const b = await launchBrowser();
 * const page = await (await b.newContext()).newPage();
 * await b.close();
 */
export async function launchBrowser(): Promise<E2eBrowser> {
  const executablePath = findChromium();
  if (!executablePath) throw new Error(`no Chromium: ${INSTALL_HINT}`);
  // Playwright gives Chromium a throwaway profile itself; this one is for the disk cache and
  // crash dumps, so that nothing lands in the user's home.
  const scratch = mkdtempSync(join(tmpdir(), 'plateau-e2e-chromium-'));
  const browser = await chromium.launch({
    executablePath,
    args: [
      ...CHROMIUM_ARGS,
      `--disk-cache-dir=${join(scratch, 'cache')}`,
      `--crash-dumps-dir=${join(scratch, 'crashes')}`,
    ],
    env: { ...process.env, HOME: scratch, XDG_CONFIG_HOME: scratch, XDG_CACHE_HOME: scratch },
    timeout: 30_000,
  });
  return {
    browser,
    async newContext() {
      const context = await browser.newContext({
        viewport: { width: 1280, height: 900 },
        locale: 'fr-FR',
        timezoneId: 'Europe/Paris',
      });
      context.setDefaultTimeout(15_000);
      context.setDefaultNavigationTimeout(20_000);
      return context;
    },
    async close() {
      await browser.close().catch(() => undefined);
      rmSync(scratch, { recursive: true, force: true });
    },
  };
}
