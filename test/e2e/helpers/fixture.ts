/**
 * One end-to-end test file's world: a server over its own copy of the national campaign, one
 * browser, and per test a fresh context and watched page whose console and page errors fail it.
 */
import { afterAll, afterEach, beforeAll, beforeEach, expect } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import type { E2eBrowser } from './browser.ts';
import { launchBrowser } from './browser.ts';
import type { E2eServer } from './server.ts';
import { startE2eServer } from './server.ts';
import type { WatchedPage } from './watched-page.ts';
import { clearShots, watchedPage } from './watched-page.ts';

/** What a test sees; the getters throw when used outside a test. */
export interface E2e {
  readonly server: E2eServer;
  readonly browser: E2eBrowser;
  readonly watched: WatchedPage;
  readonly page: Page;
  /** Absolute URL of an app path (`/c/x/quality`). */
  url(path: string): string;
  /** GET a JSON route of the API, failing on any status but 200. */
  api<T>(path: string): Promise<T>;
  /** Screenshot of the current page as the next numbered step (null when PLATEAU_E2E_SHOTS=0). */
  shot(step: string): Promise<string | null>;
}

function defined<T>(value: T | null, what: string): T {
  if (value === null) throw new Error(`${what} is only there inside a test`);
  return value;
}

/**
 * Registers the hooks of an end-to-end file (call at the top of its `describe`); `storeCopy`
 * gives the server another store than the national campaign (years-store.ts).
 *
 * @example
 * describe.runIf(browserAvailable())('screens', () => {
 *   const e2e = useE2e('screens');
 *   it('opens', async () => { await e2e.page.goto(e2e.url('/')); });
 * });
 */
export function useE2e(
  prefix: string,
  options: { storeCopy?: (parent: string) => Promise<string> } = {},
): E2e {
  let server: E2eServer | null = null;
  let browser: E2eBrowser | null = null;
  let context: BrowserContext | null = null;
  let watched: WatchedPage | null = null;

  beforeAll(async () => {
    clearShots(prefix);
    // Started side by side; when one fails, the other is still kept so that afterAll stops it.
    const [started, launched] = await Promise.allSettled([
      startE2eServer(options.storeCopy),
      launchBrowser(),
    ]);
    if (started.status === 'fulfilled') server = started.value;
    if (launched.status === 'fulfilled') browser = launched.value;
    if (started.status === 'rejected') throw started.reason;
    if (launched.status === 'rejected') throw launched.reason;
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
  beforeEach(async () => {
    // A fresh context per test: a language chosen in one test is not another's default.
    context = await defined(browser, 'the browser').newContext();
    watched = await watchedPage(context, prefix);
  });
  afterEach(async (test) => {
    const page = watched;
    const opened = context;
    watched = null;
    context = null;
    if (page && test.task.result?.state === 'fail')
      await page.shot('failed', true).catch(() => undefined);
    await opened?.close();
    if (page) expect(page.problems, 'console errors, page errors or failed requests').toEqual([]);
  });

  return {
    get server() {
      return defined(server, 'the server');
    },
    get browser() {
      return defined(browser, 'the browser');
    },
    get watched() {
      return defined(watched, 'the page');
    },
    get page() {
      return defined(watched, 'the page').page;
    },
    url: (path) => `${defined(server, 'the server').url}${path}`,
    async api<T>(path: string): Promise<T> {
      const response = await fetch(`${defined(server, 'the server').url}${path}`);
      if (response.status !== 200)
        throw new Error(`GET ${path}: ${response.status} ${await response.text()}`);
      return (await response.json()) as T;
    },
    shot: (step) => defined(watched, 'the page').shot(step),
  };
}
