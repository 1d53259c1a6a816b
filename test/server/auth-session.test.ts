// Accounts mode over HTTP (issue 15): login (ok, bad password, unknown e-mail, disabled: one
// answer), the cookie's attributes over HTTP and HTTPS, GET /api/session, logout revoking, expired
// and revoked sessions refused, anonymous requests refused but the public routes, no-store and
// HSTS; a password never in a log line nor the audit log; local mode unchanged.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/server/app.ts';
import type { PlateauApp } from '../../src/server/app.ts';
import type { Store } from '../../src/storage/index.ts';
import { readAudit, revokeUserSessions } from '../../src/storage/index.ts';
import {
  accountsApp,
  cookieOf,
  EMAILS,
  login,
  PASSWORDS,
  seedUsers,
  session,
} from './auth-helpers.ts';
import { json, memoryStore, wrappedStore } from './helpers.ts';

let store: Store;
let app: PlateauApp;
const lines: string[] = [];

beforeAll(async () => {
  store = await memoryStore();
  await seedUsers(store);
  app = accountsApp(store, {}, (line) => lines.push(line));
}, 60_000);
afterAll(async () => {
  await store?.close();
});

const badCredentials = { error: { code: 'bad-credentials', message: 'wrong e-mail or password' } };

describe('POST /api/session (accounts mode)', () => {
  it('logs a site user in: its SessionInfo, a CSRF value and an HttpOnly SameSite=Strict cookie (not Secure over HTTP)', async () => {
    const response = await login(app, EMAILS.site, PASSWORDS.site);
    expect(response.status).toBe(200);
    const body = await json<{ user: Record<string, unknown>; csrf: string }>(response);
    expect(body.user).toEqual({
      id: expect.any(Number),
      email: EMAILS.site,
      displayName: 'Imagerie CHU',
      role: 'site',
      finess: ['590780193'],
      region: null,
      regionName: null,
    });
    expect(body.csrf).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const set = response.headers.get('set-cookie')!;
    expect(set).toMatch(/^plateau_session=[A-Za-z0-9_-]{43}; /);
    expect(set).toContain('Max-Age=28800');
    expect(set).toContain('Path=/');
    expect(set).toContain('HttpOnly');
    expect(set).toContain('SameSite=Strict');
    expect(set).not.toContain('Secure');
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(response.headers.get('strict-transport-security')).toBeNull();
  });

  it("gives a region user its region's code and name", async () => {
    const body = await json<{ user: { region: string; regionName: string; role: string } }>(
      await login(app, EMAILS.region, PASSWORDS.region),
    );
    expect(body.user).toMatchObject({ role: 'region', region: '53', regionName: 'Bretagne' });
  });

  it('sets a Secure __Host- cookie and HSTS over HTTPS (TLS)', async () => {
    const response = await login(app, EMAILS.national, PASSWORDS.national, {
      url: 'https://localhost/api/session',
    });
    expect(response.status).toBe(200);
    const set = response.headers.get('set-cookie')!;
    expect(set).toMatch(/^__Host-plateau_session=[A-Za-z0-9_-]{43}; /);
    expect(set).toContain('Secure');
    expect(set).toContain('HttpOnly');
    expect(set).toContain('SameSite=Strict');
    expect(set).toContain('Path=/');
    expect(set).not.toContain('Domain');
    expect(response.headers.get('strict-transport-security')).toBe('max-age=31536000');
    // The __Host- cookie opens the session over HTTPS only; the plain name is not read there.
    const cookie = cookieOf(response);
    expect(
      (await app.request('https://localhost/api/session', { headers: { cookie } })).status,
    ).toBe(200);
    expect(
      (await app.request('http://localhost/api/session', { headers: { cookie } })).status,
    ).toBe(401);
    const plain = cookie.replace('__Host-', '');
    expect(
      (await app.request('https://localhost/api/session', { headers: { cookie: plain } })).status,
    ).toBe(401);
  });

  it('believes X-Forwarded-Proto: https only with trustProxy', async () => {
    const headers = { 'x-forwarded-proto': 'https' };
    const untrusted = await login(app, EMAILS.national, PASSWORDS.national, { headers });
    expect(untrusted.headers.get('set-cookie')).toMatch(/^plateau_session=/);
    expect(untrusted.headers.get('set-cookie')).not.toContain('Secure');
    const proxied = accountsApp(store, { trustProxy: true });
    const trusted = await login(proxied, EMAILS.national, PASSWORDS.national, { headers });
    expect(trusted.headers.get('set-cookie')).toMatch(/^__Host-plateau_session=.*; Secure/);
    expect(trusted.headers.get('strict-transport-security')).toBe('max-age=31536000');
  });

  it('answers the same 401 for a wrong password, an unknown e-mail and a disabled account, without a cookie', async () => {
    for (const [email, password] of [
      [EMAILS.site, 'not-the-password-1234'],
      ['nobody@nowhere.example', PASSWORDS.site],
      [EMAILS.disabled, PASSWORDS.disabled],
    ] as const) {
      const response = await login(app, email, password);
      expect(response.status, email).toBe(401);
      expect(await response.json()).toEqual(badCredentials);
      expect(response.headers.get('set-cookie')).toBeNull();
    }
  });

  it('refuses a body that is not {"email","password"} with a 400 that does not quote it', async () => {
    const secret = 'quoted-password-Xy9!';
    for (const body of [
      `{"email":"a@b.example","password":"${secret}"`,
      JSON.stringify({ email: 'a@b.example', password: secret, remember: true }),
      JSON.stringify({ email: 'a@b.example' }),
    ]) {
      const response = await app.request('/api/session', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body,
      });
      expect(response.status).toBe(400);
      expect(await response.text()).not.toContain(secret);
    }
  });
});

describe('the session', () => {
  it('GET /api/session gives the user and the same CSRF value; 401 without a cookie', async () => {
    const response = await login(app, EMAILS.admin, PASSWORDS.admin);
    const { csrf } = await json<{ csrf: string }>(response);
    const cookie = cookieOf(response);
    const got = await app.request('/api/session', { headers: { cookie } });
    expect(got.status).toBe(200);
    expect(await got.json()).toMatchObject({
      mode: 'accounts',
      user: { email: EMAILS.admin, role: 'admin', finess: [], region: null },
      csrf,
    });
    const anonymous = await app.request('/api/session');
    expect(anonymous.status).toBe(401);
    expect((await json<{ error: { code: string } }>(anonymous)).error.code).toBe('login-required');
    expect(
      (
        await app.request('/api/session', {
          headers: { cookie: 'plateau_session=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA' },
        })
      ).status,
    ).toBe(401);
  });

  it('refuses anonymous /api requests but health, openapi.json and session; lets logged-in ones through, marked no-store', async () => {
    for (const path of [
      '/api/campaigns',
      '/api/references',
      '/api/uploads/x',
      '/api/admin/users',
      '/api/nowhere',
    ]) {
      const response = await app.request(path);
      expect(response.status, path).toBe(401);
      expect((await json<{ error: { code: string } }>(response)).error.code).toBe('login-required');
      expect(response.headers.get('cache-control')).toBe('no-store');
    }
    const upload = await app.request('/api/uploads', { method: 'POST', body: 'x' });
    expect(upload.status).toBe(401);
    for (const path of ['/api/health', '/api/openapi.json']) {
      const response = await app.request(path);
      expect(response.status, path).toBe(200);
      expect(response.headers.get('cache-control')).toBe('no-store');
    }
    const { cookie } = await session(app, 'national');
    const campaigns = await app.request('/api/campaigns', { headers: { cookie } });
    expect(campaigns.status).toBe(200);
    expect(await campaigns.json()).toEqual([]);
    expect(campaigns.headers.get('cache-control')).toBe('no-store');
  });

  it('lets anyone fetch the web app (non-/api paths are not behind the login)', async () => {
    const response = await app.request('/index.html');
    expect(response.status).toBe(404); // no web root here: the app's own 404, not a 401
    expect((await json<{ error: { code: string } }>(response)).error.code).toBe('not-found');
  });

  it('DELETE /api/session revokes the session, clears the cookie and is audited', async () => {
    const { cookie, csrf } = await session(app, 'region');
    const out = await app.request('/api/session', {
      method: 'DELETE',
      headers: { cookie, 'x-csrf-token': csrf },
    });
    expect(out.status).toBe(204);
    expect(out.headers.get('set-cookie')).toMatch(
      /^plateau_session=; Max-Age=0; Path=\/; HttpOnly; SameSite=Strict/,
    );
    // The browser could replay the old cookie: the session itself is revoked.
    expect((await app.request('/api/session', { headers: { cookie } })).status).toBe(401);
    expect((await app.request('/api/campaigns', { headers: { cookie } })).status).toBe(401);
    const [row] = await readAudit(store, { action: 'logout', limit: 1 });
    expect(row).toMatchObject({
      action: 'logout',
      email: EMAILS.region,
      outcome: 'success',
      target: EMAILS.region,
    });
  });

  it('refuses an expired session (expires_at in the past)', async () => {
    const { cookie } = await session(app, 'site');
    expect((await app.request('/api/session', { headers: { cookie } })).status).toBe(200);
    await store.db.query(
      `update user_sessions set expires_at = now() - interval '1 second' where user_id = (select id from users where email = $1)`,
      [EMAILS.site],
    );
    expect((await app.request('/api/session', { headers: { cookie } })).status).toBe(401);
    expect((await app.request('/api/campaigns', { headers: { cookie } })).status).toBe(401);
  });

  it('refuses a revoked session', async () => {
    const { cookie } = await session(app, 'national');
    expect((await app.request('/api/campaigns', { headers: { cookie } })).status).toBe(200);
    const [row] = await store.db.query<{ id: string }>(
      `select id::text as id from users where email = $1`,
      [EMAILS.national],
    );
    expect(await revokeUserSessions(store, Number(row!.id))).toBeGreaterThan(0);
    expect((await app.request('/api/campaigns', { headers: { cookie } })).status).toBe(401);
  });

  it('lives sessionHours: the cookie Max-Age and the stored expiry', async () => {
    const short = accountsApp(store, { sessionHours: 1 });
    const response = await login(short, EMAILS.admin, PASSWORDS.admin);
    expect(response.headers.get('set-cookie')).toContain('Max-Age=3600');
    const [row] = await store.db.query<{ minutes: number }>(
      `select round(extract(epoch from (expires_at - created_at)) / 60)::int as minutes from user_sessions order by created_at desc limit 1`,
    );
    expect(row!.minutes).toBe(60);
  });
});

describe('the audit log and the request log', () => {
  it('audits each login with its outcome and reason, and never holds a password; no log line does either', async () => {
    const audited = await readAudit(store, { action: 'login', limit: 1000 });
    const byReason = (reason: string) => audited.filter((r) => r.detail?.['reason'] === reason);
    expect(
      audited.filter((r) => r.outcome === 'success' && r.email === EMAILS.site).length,
    ).toBeGreaterThan(0);
    expect(byReason('bad-password')[0]).toMatchObject({
      email: EMAILS.site,
      outcome: 'failure',
      userId: expect.any(Number),
    });
    expect(byReason('unknown-email')[0]).toMatchObject({
      email: 'nobody@nowhere.example',
      outcome: 'failure',
      userId: null,
    });
    expect(byReason('disabled')[0]).toMatchObject({ email: EMAILS.disabled, outcome: 'denied' });
    const everything = JSON.stringify(await readAudit(store, { limit: 10_000 }));
    expect(lines.length).toBeGreaterThan(10);
    for (const password of [
      ...Object.values(PASSWORDS),
      'not-the-password-1234',
      'quoted-password-Xy9!',
    ]) {
      expect(everything).not.toContain(password);
      for (const line of lines) expect(line).not.toContain(password);
    }
    expect(lines).toContain(lines.find((l) => /^POST \/api\/session 401 /.test(l)));
  });

  it('does not store what was typed in the e-mail field when it is not an address (a password in the wrong field)', async () => {
    const typed = 'oops-this-is-my-Password1';
    expect((await login(app, typed, 'whatever-password-1')).status).toBe(401);
    const [row] = await readAudit(store, { action: 'login', limit: 1 });
    expect(row).toMatchObject({ email: null, target: null, outcome: 'failure' });
    expect(JSON.stringify(row)).not.toContain(typed);
    for (const line of lines) expect(line).not.toContain(typed);
  });
});

describe('a failing store during a login', () => {
  it('answers a plain 500 and logs the error, without the password', async () => {
    const failing = wrappedStore(store, {
      query: ((sql: string, params?: unknown[]) =>
        store.db.query(
          sql.replace('insert into audit_log', 'insert into audit_log_missing'),
          params,
        )) as typeof store.db.query,
    });
    const logged: string[] = [];
    const broken = accountsApp(failing, {}, (line) => logged.push(line));
    const response = await login(broken, EMAILS.admin, PASSWORDS.admin);
    expect(response.status).toBe(500);
    expect(await response.json()).toEqual({
      error: { code: 'internal', message: 'internal server error' },
    });
    expect(
      logged.some(
        (l) => l.startsWith('error POST /api/session: ') && l.includes('audit_log_missing'),
      ),
    ).toBe(true);
    for (const line of logged) expect(line).not.toContain(PASSWORDS.admin);
  });
});

describe('local mode (no accounts option)', () => {
  it('is unchanged: GET /api/session says local, routes need no login, no HSTS', async () => {
    const local = createApp({ store });
    const response = await local.request('https://localhost/api/session');
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ mode: 'local' });
    expect(response.headers.get('strict-transport-security')).toBeNull();
    expect((await local.request('/api/campaigns')).status).toBe(200);
    const refused = await login(local, EMAILS.admin, PASSWORDS.admin);
    expect(refused.status).toBe(409);
    expect(refused.headers.get('set-cookie')).toBeNull();
    expect((await local.request('/api/admin/users')).status).toBe(404);
  });
});
