// The web app in accounts mode (issue 15), in Chromium, over a real PostgreSQL server: a small
// generated campaign imported by the owner, one user of each role, and the server connected as a
// login role of plateau_app (never the owner). Per role: logging in through the page, the name
// and role in the header, the links the role is offered, the pages it lands on; the wrong
// password, the rate limit and an expired session; and the administrator's users and audit
// screens. Needs PLATEAU_TEST_PG_URL (.ci/start-postgres.sh), Chromium, and `npm run build`.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Kit } from '../../src/core/kit-types.ts';
import { generateKit } from '../../src/generate/index.ts';
import { startServer } from '../../src/server/index.ts';
import type { RunningServer } from '../../src/server/index.ts';
import type { Store, User } from '../../src/storage/index.ts';
import { addUser, importKit, openStore, revokeUserSessions } from '../../src/storage/index.ts';
import { PG_URL, pgPlace } from '../cli/pg-roles.ts';
import { kitFiles } from '../server/helpers.ts';
import type { PgPlace } from '../cli/pg-roles.ts';
import { browserAvailable, launchBrowser } from './helpers/browser.ts';
import type { E2eBrowser } from './helpers/browser.ts';
import { tableCells, tableRows } from './helpers/dom.ts';
import { WEB_ROOT } from './helpers/server.ts';
import type { WatchedPage } from './helpers/watched-page.ts';
import { ARTIFACTS, clearShots, watchedPage } from './helpers/watched-page.ts';

const CHEAP = { N: 1024, r: 8, p: 1 };
const PREFIX = 'accounts';
const CAMPAIGN_ID = 'synthetic-2010';

const PASSWORD = {
  site: 'site-password-Ké9!x',
  region: 'region-password-Zq7#',
  national: 'national-password-Wm3$',
  admin: 'admin-password-Lp2&x',
} as const;
type Role = keyof typeof PASSWORD;
const EMAIL: Record<Role, string> = {
  site: 'imagerie@site.example',
  region: 'ars@region.example',
  national: 'dgos@sante.example',
  admin: 'admin@plateau.example',
};
const NAME: Record<Role, string> = {
  site: 'Imagerie du site',
  region: 'ARS de la région',
  national: 'DGOS',
  admin: 'Administratrice',
};

const ready = Boolean(PG_URL) && existsSync(join(WEB_ROOT, 'index.html')) && browserAvailable();
if (PG_URL && !existsSync(join(WEB_ROOT, 'index.html')))
  console.warn('accounts e2e skipped: the web app is not built (npm run build)');

describe.runIf(ready)('the web app in accounts mode (PostgreSQL)', () => {
  let place: PgPlace | null = null;
  let owner: Store | null = null;
  let appStore: Store | null = null;
  let server: RunningServer | null = null;
  let browser: E2eBrowser | null = null;
  let context: BrowserContext | null = null;
  let watched: WatchedPage | null = null;
  /** Console lines a test expects (a refused login is a 401 the browser reports). */
  let expected: RegExp[] = [];
  let kit: Kit;
  const users = new Map<Role, User>();
  let siteFiness = '';
  let regionName = '';

  const url = (path: string): string => `${server!.url.replace(/\/$/, '')}${path}`;
  const page = (): Page => watched!.page;
  const shot = (step: string): Promise<string | null> => watched!.shot(step);
  /** The first screen only, for the long benchmark pages (`accounts-top-<step>.png`). */
  const topShot = async (step: string): Promise<void> => {
    if (process.env['PLATEAU_E2E_SHOTS'] === '0') return;
    await page().evaluate(() =>
      (globalThis as unknown as { scrollTo(x: number, y: number): void }).scrollTo(0, 0),
    );
    await page().screenshot({
      path: join(ARTIFACTS, `${PREFIX}-top-${step}.png`),
      animations: 'disabled',
    });
  };

  beforeAll(async () => {
    clearShots(PREFIX);
    place = await pgPlace(PG_URL!);
    owner = await openStore({ url: place.ownerUrl });
    kit = generateKit({ seed: 2010, machines: 40, days: 7 });
    await importKit(owner, kit, {
      source: 'e2e accounts: generated campaign (40 machines, 7 days)',
    });
    const site = kit.establishments[0]!;
    siteFiness = site.finess;
    // The region user's region: another region than the site's, so that its pages differ.
    regionName = kit.establishments.find((e) => e.region !== site.region)?.region ?? site.region;
    const o = { scrypt: CHEAP };
    users.set(
      'site',
      await addUser(
        owner,
        {
          email: EMAIL.site,
          role: 'site',
          finess: [siteFiness],
          displayName: NAME.site,
          password: PASSWORD.site,
        },
        o,
      ),
    );
    users.set(
      'region',
      await addUser(
        owner,
        {
          email: EMAIL.region,
          role: 'region',
          region: regionName,
          displayName: NAME.region,
          password: PASSWORD.region,
        },
        o,
      ),
    );
    users.set(
      'national',
      await addUser(
        owner,
        {
          email: EMAIL.national,
          role: 'national',
          displayName: NAME.national,
          password: PASSWORD.national,
        },
        o,
      ),
    );
    users.set(
      'admin',
      await addUser(
        owner,
        { email: EMAIL.admin, role: 'admin', displayName: NAME.admin, password: PASSWORD.admin },
        o,
      ),
    );
    appStore = await openStore({ url: await place.loginRole(), migrate: false });
    server = await startServer({
      store: appStore,
      port: 0,
      host: '127.0.0.1',
      webRoot: WEB_ROOT,
      accounts: { scrypt: CHEAP, rateLimit: { perEmail: 3, perAddress: 100 } },
    });
    browser = await launchBrowser();
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await appStore?.close();
    await owner?.close();
    await place?.dispose();
  });

  beforeEach(async () => {
    expected = [/status of 401 .*\/api\/session/];
    context = await browser!.newContext();
    watched = await watchedPage(context, PREFIX);
  });

  afterEach(async (test) => {
    const w = watched;
    if (w && test.task.result?.state === 'fail')
      await w.shot('failed', true).catch(() => undefined);
    await context?.close();
    const problems = (w?.problems ?? []).filter((p) => !expected.some((e) => e.test(p)));
    expect(problems, 'console errors, page errors or failed requests').toEqual([]);
  });

  /** Logs in through the login page shown at `path`, and waits for the app's header. */
  async function logIn(role: Role, path = '/'): Promise<void> {
    const p = page();
    await p.goto(url(path));
    await p.getByTestId('login-page').waitFor();
    await p.getByLabel('E-mail').fill(EMAIL[role]);
    await p.getByLabel('Mot de passe').fill(PASSWORD[role]);
    await p.getByRole('button', { name: 'Se connecter' }).click();
    await p.getByTestId('header-user').waitFor();
  }

  async function navTestIds(): Promise<string[]> {
    return (
      page()
        .locator('nav.main-nav a')
        // The tests' tsconfig has no DOM library: the little of an element used here.
        .evaluateAll((links) =>
          links.map(
            (a) =>
              (a as unknown as { getAttribute(name: string): string | null }).getAttribute(
                'data-testid',
              ) ?? '',
          ),
        )
    );
  }

  it('shows the login page to anyone, and one message for a wrong password', async () => {
    const p = page();
    await p.goto(url('/'));
    await p.getByTestId('login-page').waitFor();
    expect(await p.locator('h1').textContent()).toBe('Connexion');
    expect(await p.getByTestId('header-user').count()).toBe(0);
    expect(await p.locator('nav.main-nav').count()).toBe(0);
    await shot('login');

    await p.getByLabel('E-mail').fill(EMAIL.national);
    await p.getByLabel('Mot de passe').fill('not-the-password-at-all');
    await p.getByRole('button', { name: 'Se connecter' }).click();
    await expect
      .poll(() => p.getByTestId('login-error').textContent())
      .toBe('E-mail ou mot de passe incorrect.');
    // An unknown e-mail: the same words.
    await p.getByLabel('E-mail').fill('nobody@nowhere.example');
    await p.getByLabel('Mot de passe').fill('whatever-password-1');
    await p.getByRole('button', { name: 'Se connecter' }).click();
    await expect
      .poll(() => p.getByTestId('login-error').textContent())
      .toBe('E-mail ou mot de passe incorrect.');
    await shot('login-refused');
  });

  it('says how long to wait after too many failed attempts', async () => {
    const p = page();
    await p.goto(url('/?lang=en'));
    await p.getByTestId('login-page').waitFor();
    for (let i = 0; i < 3; i++) {
      await p.getByLabel('E-mail').fill('locked@site.example');
      await p.getByLabel('Password').fill(`wrong-password-${i}`);
      await p.getByRole('button', { name: 'Log in' }).click();
      await expect
        .poll(() => p.getByTestId('login-error').textContent())
        .toBe('Incorrect e-mail or password.');
      await p.getByRole('button', { name: 'Log in' }).isEnabled();
    }
    expected.push(/status of 429 .*\/api\/session/);
    await p.getByLabel('Password').fill('wrong-password-again');
    await p.getByRole('button', { name: 'Log in' }).click();
    await expect
      .poll(() => p.getByTestId('login-error').textContent())
      .toMatch(/^Too many login attempts\. Try again in 1[45]\smin\.$/);
    await shot('login-rate-limited');
  });

  it('site user: its name and FINESS in the header, lands on its establishment, no quality, national PDF or admin', async () => {
    await logIn('site');
    const p = page();
    expect(await p.getByTestId('header-user').textContent()).toBe(NAME.site);
    expect(await p.getByTestId('header-role').textContent()).toBe(`SiteFINESS ${siteFiness}`);
    await p.getByTestId('campaign-link').first().click();
    await p.waitForURL((u) => u.pathname === `/c/${CAMPAIGN_ID}/establishments/${siteFiness}`);
    const site = kit.establishments[0]!;
    await expect.poll(() => p.locator('h1').textContent()).toContain(site.name);
    const nav = await navTestIds();
    expect(nav).toContain('nav-upload');
    expect(nav).not.toContain('nav-quality');
    expect(nav).not.toContain('nav-admin');
    expect(await p.getByTestId('nav-campaign').textContent()).toBe('Mon établissement');
    expect(await p.getByTestId('report-download').count()).toBe(1); // its own fiche
    await shot('site-establishment');

    // A page of the administrator: the server says no, the page says so.
    expected.push(/status of 403 .*\/api\/admin\/users/);
    await p.goto(url('/admin/users'));
    await p.getByTestId('error-403').waitFor();
    expect(await p.getByTestId('error-403').locator('h2').textContent()).toBe('Accès non autorisé');
    await shot('site-admin-refused');

    await p.getByTestId('logout').click();
    await p.getByTestId('login-page').waitFor();
    expect(new URL(p.url()).pathname).toBe('/');
  });

  it('site user: imports its own rows through the upload page (the request carries the CSRF token)', async () => {
    const mine = (finess: string): boolean => finess === siteFiness;
    const machines = new Set(kit.equipment.filter((e) => mine(e.finess)).map((e) => e.equipmentId));
    const own: Kit = {
      campaign: kit.campaign,
      acts: kit.acts,
      establishments: kit.establishments.filter((e) => mine(e.finess)),
      equipment: kit.equipment.filter((e) => machines.has(e.equipmentId)),
      sessions: kit.sessions.filter((x) => machines.has(x.equipmentId)),
      exams: kit.exams.filter((x) => machines.has(x.equipmentId)),
      survey: kit.survey.filter((x) => mine(x.finess)),
      ...(kit.slots ? { slots: kit.slots.filter((x) => machines.has(x.equipmentId)) } : {}),
      ...(kit.costs
        ? {
            costs: {
              ...kit.costs,
              rows: kit.costs.rows.filter((x) => machines.has(x.equipmentId)),
            },
          }
        : {}),
    };
    const files = [...(await kitFiles(own))].map(([name, bytes]) => ({
      name,
      mimeType: 'text/csv',
      buffer: Buffer.from(bytes),
    }));
    await logIn('site', '/upload');
    const p = page();
    let token: string | null | undefined;
    p.on('request', (r) => {
      if (r.method() === 'POST' && r.url().endsWith('/api/uploads'))
        token = r.headers()['x-csrf-token'];
    });
    await p.getByTestId('upload-files').setInputFiles(files);
    await p.getByTestId('upload-done').waitFor({ timeout: 60_000 });
    expect(token).toMatch(/^[A-Za-z0-9_-]{20,}$/);
    await shot('site-upload-done');
  });

  it('region user: its region in the header, its region’s PDF only, no upload, quality or national PDF', async () => {
    await logIn('region', `/c/${CAMPAIGN_ID}`);
    const p = page();
    expect(await p.getByTestId('header-user').textContent()).toBe(NAME.region);
    expect(await p.getByTestId('header-role').textContent()).toBe(`Région${regionName}`);
    await expect.poll(() => p.locator('h2.section-title').count()).toBeGreaterThan(0);
    const nav = await navTestIds();
    expect(nav).not.toContain('nav-upload');
    expect(nav).not.toContain('nav-quality');
    expect(nav).not.toContain('nav-admin');
    expect(await p.getByTestId('report-download').count()).toBe(0); // no national synthesis
    await topShot('region-campaign');

    await p.goto(url(`/c/${CAMPAIGN_ID}/regions/${encodeURIComponent(regionName)}`));
    await expect.poll(() => p.locator('h1').textContent()).toContain(regionName);
    await p.getByTestId('report-download').waitFor();
    await topShot('region-own-region');
  });

  it('national user: everything but the administration', async () => {
    await logIn('national', `/c/${CAMPAIGN_ID}`);
    const p = page();
    expect(await p.getByTestId('header-role').textContent()).toBe('Nationaltoute la France');
    await expect.poll(() => p.locator('h2.section-title').count()).toBeGreaterThan(0);
    const nav = await navTestIds();
    expect(nav).toEqual(expect.arrayContaining(['nav-campaign', 'nav-quality', 'nav-upload']));
    expect(nav).not.toContain('nav-admin');
    expect(await p.getByTestId('report-download').count()).toBe(1); // the national synthesis
    await p.getByTestId('nav-quality').click();
    await p.waitForURL((u) => u.pathname === `/c/${CAMPAIGN_ID}/quality`);
    await expect.poll(() => p.locator('h1').count()).toBe(1);
    await topShot('national-quality');
  });

  it('admin: lists, adds, resets and disables users, and reads the audit log', async () => {
    await logIn('admin');
    const p = page();
    expect(await p.getByTestId('header-role').textContent()).toBe('Administrateurtoute la France');
    await p.getByTestId('nav-admin').click();
    await p.waitForURL((u) => u.pathname === '/admin/users');
    await expect.poll(() => tableRows(p, 'users').count()).toBe(4);
    const rows = await tableCells(p, 'users');
    const byEmail = new Map(rows.map((r) => [r[0], r]));
    expect(byEmail.get(EMAIL.site)?.slice(1, 4)).toEqual([
      NAME.site,
      'Site',
      `FINESS ${siteFiness}`,
    ]);
    expect(byEmail.get(EMAIL.region)?.slice(1, 4)).toEqual([NAME.region, 'Région', regionName]);
    expect(byEmail.get(EMAIL.admin)?.[5]).toBe('actif');
    // An administrator is not offered to disable their own account (the server refuses it too).
    expect(
      await p.locator(`tr[data-email="${EMAIL.admin}"]`).getByTestId('user-disable').count(),
    ).toBe(0);
    expect(
      await p.locator(`tr[data-email="${EMAIL.site}"]`).getByTestId('user-disable').count(),
    ).toBe(1);
    await shot('admin-users');

    // Add a region user: the region field shows for that role only.
    const newEmail = 'nouvelle@ars.example';
    await p.getByTestId('user-add-email').fill(newEmail);
    await p.getByTestId('user-add-name').fill('Nouvelle ARS');
    expect(await p.getByTestId('user-add-finess').count()).toBe(1);
    await p.getByTestId('user-add-role').selectOption('region');
    expect(await p.getByTestId('user-add-finess').count()).toBe(0);
    await p.getByTestId('user-add-region').fill('Bretagne');
    await p.getByTestId('user-add-password').fill('a-long-enough-password');
    await p.getByTestId('user-add-submit').click();
    await expect
      .poll(() => p.getByTestId('user-notice').textContent())
      .toBe(`${newEmail} ajouté (rôle Région).`);
    await expect.poll(() => tableRows(p, 'users').count()).toBe(5);
    const added = (await tableCells(p, 'users')).find((r) => r[0] === newEmail);
    expect(added?.slice(1, 4)).toEqual(['Nouvelle ARS', 'Région', 'Bretagne']);
    await shot('admin-user-added');

    const row = p.locator(`tr[data-email="${newEmail}"]`);
    await row.getByTestId('user-reset-open').click();
    await p.getByTestId('user-reset-password').fill('another-long-password');
    await p.getByTestId('user-reset-submit').click();
    await expect
      .poll(() => p.getByTestId('user-notice').textContent())
      .toMatch(new RegExp(`^Mot de passe de ${newEmail} changé`));

    await row.getByTestId('user-disable').click();
    await row.getByTestId('user-disable-confirm').click();
    await expect
      .poll(() => p.getByTestId('user-notice').textContent())
      .toMatch(new RegExp(`^${newEmail} est désactivé`));
    await expect
      .poll(async () => (await tableCells(p, 'users')).find((r) => r[0] === newEmail)?.[5])
      .toMatch(/^désactivé le /);
    await shot('admin-user-disabled');

    await p.getByTestId('tab-audit').click();
    await p.waitForURL((u) => u.pathname === '/admin/audit');
    await expect.poll(() => tableRows(p, 'audit').count()).toBeGreaterThan(0);
    const audit = await tableCells(p, 'audit');
    // Columns: date, user, action, target, outcome, detail; newest first.
    expect(audit[0]?.slice(1, 5)).toEqual([
      EMAIL.admin,
      'désactivation de compte',
      newEmail,
      'réussite',
    ]);
    expect(audit.some((r) => r[2] === 'création de compte' && r[3] === newEmail)).toBe(true);
    expect(audit.some((r) => r[2] === 'nouveau mot de passe' && r[3] === newEmail)).toBe(true);
    expect(audit.some((r) => r[2] === 'connexion' && r[4] === 'échec')).toBe(true);
    expect(audit.every((r) => !r.join(' ').includes('password-'))).toBe(true);
    await shot('admin-audit');

    await p.getByTestId('audit-action').selectOption('login');
    await expect.poll(() => new URL(p.url()).searchParams.get('action')).toBe('login');
    // Every login of this file (four roles, refused ones, the rate-limited one), and nothing else.
    await expect
      .poll(async () => {
        const logins = await tableCells(p, 'audit');
        return logins.length > 4 && logins.every((r) => r[2] === 'connexion');
      })
      .toBe(true);
    await shot('admin-audit-logins');

    // Paging by limit: 5 rows, then "older rows" asks for 100 more.
    await p.goto(url('/admin/audit?limit=5'));
    await expect.poll(() => tableRows(p, 'audit').count()).toBe(5);
    await p.getByTestId('audit-more').click();
    await expect.poll(() => new URL(p.url()).searchParams.get('limit')).toBe('105');
    await expect.poll(() => tableRows(p, 'audit').count()).toBeGreaterThan(5);
    expect(await p.getByTestId('audit-more').count()).toBe(0);
  });

  it('an expired session brings the login page back, then the page that was open', async () => {
    await logIn('national', `/c/${CAMPAIGN_ID}/establishments`);
    const p = page();
    await expect.poll(() => tableRows(p, 'establishments').count()).toBeGreaterThan(0);
    await revokeUserSessions(owner!, Number(users.get('national')!.id));
    expected.push(/status of 401 /);
    await p.getByTestId('nav-regions').click();
    await p.getByTestId('login-expired').waitFor();
    const there = new URL(p.url()).pathname;
    expect(there).toBe(`/c/${CAMPAIGN_ID}/regions`);
    await shot('session-expired');
    await p.getByLabel('E-mail').fill(EMAIL.national);
    await p.getByLabel('Mot de passe').fill(PASSWORD.national);
    await p.getByRole('button', { name: 'Se connecter' }).click();
    await p.getByTestId('header-user').waitFor();
    expect(new URL(p.url()).pathname).toBe(there);
    await expect.poll(() => p.locator('h1').count()).toBe(1);
  });
});
