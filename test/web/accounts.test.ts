// The web app's accounts mode without a browser: what each role is offered (permissions.ts), and
// the session state (session.ts) driven by the answers of a stubbed fetch — local mode, the login
// page, the CSRF header on state-changing requests, a later 401 sending back to the login page.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { SessionInfo } from '../../src/core/views/account-types.ts';
import { getJson, sendJson } from '../../src/web/lib/api.ts';
import { campaignLanding, can, canRegionPdf } from '../../src/web/lib/permissions.ts';
import type { Capability } from '../../src/web/lib/permissions.ts';
import {
  checkSession,
  logIn,
  logOut,
  retryAfterSeconds,
  sessionState,
  waitText,
} from '../../src/web/lib/session.ts';

const user = (role: SessionInfo['role'], over: Partial<SessionInfo> = {}): SessionInfo => ({
  id: 7,
  email: `${role}@x.example`,
  displayName: null,
  role,
  finess: role === 'site' ? ['590780193', '590000139'] : [],
  region: role === 'region' ? '53' : null,
  regionName: role === 'region' ? 'Bretagne' : null,
  ...over,
});

describe('what a role is offered', () => {
  const CAPS: Capability[] = ['quality', 'nationalPdf', 'upload', 'oncall', 'admin'];
  // Hand-copied from design15.md's route table.
  const EXPECTED: Record<string, Record<Capability, boolean>> = {
    local: { quality: true, nationalPdf: true, upload: true, oncall: true, admin: false },
    site: { quality: false, nationalPdf: false, upload: true, oncall: false, admin: false },
    region: { quality: false, nationalPdf: false, upload: false, oncall: true, admin: false },
    national: { quality: true, nationalPdf: true, upload: true, oncall: true, admin: false },
    admin: { quality: true, nationalPdf: true, upload: true, oncall: true, admin: true },
  };

  it('follows the route table for every role and the embedded store', () => {
    for (const [who, expected] of Object.entries(EXPECTED)) {
      const u = who === 'local' ? null : user(who as SessionInfo['role']);
      for (const cap of CAPS) expect(can(u, cap), `${who} ${cap}`).toBe(expected[cap]);
    }
  });

  it('gives a region user its own region’s synthesis only, by name or code', () => {
    const r = user('region');
    expect(canRegionPdf(r, 'Bretagne')).toBe(true);
    expect(canRegionPdf(r, '53')).toBe(true);
    expect(canRegionPdf(r, 'Hauts-de-France')).toBe(false);
    expect(canRegionPdf(r, '32')).toBe(false);
    expect(canRegionPdf(user('site'), 'Bretagne')).toBe(false);
    expect(canRegionPdf(user('national'), 'Hauts-de-France')).toBe(true);
    expect(canRegionPdf(null, 'Hauts-de-France')).toBe(true);
  });

  it('opens a campaign on a site user’s first establishment, elsewhere on the campaign', () => {
    expect(campaignLanding(user('site'), 'anap 2010')).toBe(
      '/c/anap%202010/establishments/590780193',
    );
    expect(campaignLanding(user('site', { finess: [] }), 'x')).toBeNull();
    expect(campaignLanding(user('region'), 'x')).toBeNull();
    expect(campaignLanding(null, 'x')).toBeNull();
  });
});

describe('the wait after too many attempts', () => {
  it('reads Retry-After as seconds or as a date', () => {
    expect(retryAfterSeconds('900')).toBe(900);
    expect(retryAfterSeconds(null)).toBeNull();
    expect(retryAfterSeconds('soon')).toBeNull();
    const now = Date.parse('2026-12-06T10:00:00Z');
    expect(retryAfterSeconds('Sun, 06 Dec 2026 10:01:30 GMT', now)).toBe(90);
  });

  it('says it in seconds under a minute, else in minutes rounded up', () => {
    expect(waitText(45, 'fr')).toBe('45\u00a0s');
    expect(waitText(60, 'en')).toBe('1\u00a0min');
    expect(waitText(601, 'fr')).toBe('11\u00a0min');
  });
});

describe('the session state', () => {
  type Call = { url: string; init: RequestInit | undefined };
  let calls: Call[] = [];
  let answers: Response[] = [];
  const json = (status: number, body: unknown, headers: Record<string, string> = {}): Response =>
    new Response(body === null ? null : JSON.stringify(body), {
      status,
      headers: { 'content-type': 'application/json', ...headers },
    });

  beforeEach(() => {
    calls = [];
    answers = [];
    vi.stubGlobal('fetch', async (url: string, init?: RequestInit) => {
      calls.push({ url, init });
      const next = answers.shift();
      if (!next) throw new Error(`unexpected fetch ${url}`);
      return next;
    });
  });
  afterEach(() => vi.unstubAllGlobals());

  const headersOf = (call: Call | undefined): Record<string, string> =>
    (call?.init?.headers ?? {}) as Record<string, string>;

  it('is local on the embedded store (and on a server without the route): no CSRF header', async () => {
    answers.push(json(200, { mode: 'local' }));
    await checkSession();
    expect(sessionState()).toEqual({ status: 'local' });
    answers.push(json(404, { error: { code: 'not-found', message: 'no route' } }));
    await checkSession();
    expect(sessionState()).toEqual({ status: 'local' });
    answers.push(json(202, { id: 'u1' }));
    await sendJson('POST', '/api/uploads', {});
    expect(headersOf(calls.at(-1))['X-CSRF-Token']).toBeUndefined();
  });

  it('shows the login page on 401, and the error on a server failure', async () => {
    answers.push(json(401, { error: { code: 'login-required', message: 'log in' } }));
    await checkSession();
    expect(sessionState()).toEqual({ status: 'login', expired: false });
    answers.push(json(500, { error: { code: 'internal', message: 'boom' } }));
    await checkSession();
    const s = sessionState();
    expect(s.status === 'error' && s.error.code).toBe('internal');
  });

  it('logs in, sends the CSRF token with every change, and goes back to the login page on a later 401', async () => {
    const me = user('national');
    answers.push(
      json(401, { error: { code: 'bad-credentials', message: 'wrong e-mail or password' } }),
    );
    expect(await logIn('n@x.example', 'nope')).toEqual({ kind: 'bad-credentials' });
    answers.push(
      json(
        429,
        { error: { code: 'too-many-attempts', message: 'later' } },
        { 'Retry-After': '840' },
      ),
    );
    expect(await logIn('n@x.example', 'nope')).toEqual({ kind: 'too-many', retryAfter: 840 });
    // A refused login changes nothing.
    expect(sessionState().status).not.toBe('accounts');

    answers.push(json(200, { user: me, csrf: 'tok-1' }));
    expect(await logIn('n@x.example', 'right-password')).toBeNull();
    expect(JSON.parse(String(calls.at(-1)?.init?.body))).toEqual({
      email: 'n@x.example',
      password: 'right-password',
    });
    expect(sessionState()).toEqual({ status: 'accounts', user: me, csrf: 'tok-1' });

    answers.push(json(201, { user: me }));
    await sendJson('POST', '/api/admin/users', { email: 'a@x.example' });
    expect(headersOf(calls.at(-1))['X-CSRF-Token']).toBe('tok-1');
    // A read carries no token.
    answers.push(json(200, []));
    await getJson('/api/campaigns');
    expect(headersOf(calls.at(-1))['X-CSRF-Token']).toBeUndefined();

    // The session ends on the server: the next answer is 401, and the login page comes back.
    answers.push(json(401, { error: { code: 'login-required', message: 'log in' } }));
    await expect(getJson('/api/campaigns')).rejects.toMatchObject({ status: 401 });
    expect(sessionState()).toEqual({ status: 'login', expired: true });
  });

  it('logs out with DELETE /api/session and the token', async () => {
    answers.push(json(200, { user: user('admin'), csrf: 'tok-2' }));
    await logIn('a@x.example', 'right-password');
    answers.push(new Response(null, { status: 204 }));
    await logOut();
    expect(calls.at(-1)?.url).toBe('/api/session');
    expect(calls.at(-1)?.init?.method).toBe('DELETE');
    expect(headersOf(calls.at(-1))['X-CSRF-Token']).toBe('tok-2');
    expect(sessionState()).toEqual({ status: 'login', expired: false });
  });
});
