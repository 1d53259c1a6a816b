/**
 * The Chromium that prints the reports: Debian's (`/usr/bin/chromium`) or `$PLATEAU_CHROMIUM`,
 * driven by playwright-core (no browser download), headless with the flags of a container.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { chromium } from 'playwright-core';
import { ReportError } from './errors.ts';

/** Flags for a headless Chromium in a container: no sandbox, no GPU, no network chatter. */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
] as const;

/** What to tell a user without a browser. */
export const CHROMIUM_HINT =
  "install Debian's Chromium (apt-get install chromium) or set PLATEAU_CHROMIUM to a Chromium executable";

/**
 * The Chromium to drive: `$PLATEAU_CHROMIUM`, else `/usr/bin/chromium`; null when neither exists.
 *
 * @example
 * findChromium({ PLATEAU_CHROMIUM: '/opt/chrome/chrome' }); // '/opt/chrome/chrome' if it exists
 */
export function findChromium(env: Record<string, string | undefined> = process.env): string | null {
  const chosen = env['PLATEAU_CHROMIUM']?.trim();
  if (chosen) return existsSync(chosen) ? chosen : null;
  return existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : null;
}

/** A launched browser and the scratch folder it writes its caches to. */
export interface LaunchedChromium {
  browser: Browser;
  close(): Promise<void>;
}

/**
 * Launches headless Chromium, or throws a `ReportError('no-browser')` saying how to get one.
 *
 * @example
 * const { browser, close } = await launchChromium();
 */
export async function launchChromium(): Promise<LaunchedChromium> {
  const executablePath = findChromium();
  if (!executablePath) {
    const where = process.env['PLATEAU_CHROMIUM']?.trim() || '/usr/bin/chromium';
    throw new ReportError(
      'no-browser',
      `cannot print a PDF: no Chromium at ${where}; ${CHROMIUM_HINT}`,
    );
  }
  // A throwaway home for the disk cache and crash dumps, so that nothing lands in the user's.
  const scratch = mkdtempSync(join(tmpdir(), 'plateau-pdf-chromium-'));
  try {
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
      async close() {
        await browser.close().catch(() => undefined);
        rmSync(scratch, { recursive: true, force: true });
      },
    };
  } catch (error) {
    rmSync(scratch, { recursive: true, force: true });
    throw new ReportError(
      'no-browser',
      `cannot print a PDF: Chromium at ${executablePath} did not start (${(error as Error).message.split('\n')[0]})`,
      { cause: error },
    );
  }
}
