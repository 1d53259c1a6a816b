// CSRF in accounts mode (issue 15): every POST/PUT/PATCH/DELETE but the login needs the session's
// X-CSRF-Token (HMAC-SHA256 of its token under the server's key): missing, wrong or another
// session's value → 403 csrf, nothing done; the right one passes. Anonymous ones are 401 first.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHmac } from 'node:crypto';
import type { PlateauApp } from '../../src/server/app.ts';
import { CsrfTokens } from '../../src/server/auth/csrf.ts';
import type { Store } from '../../src/storage/index.ts';
import { listUsers } from '../../src/storage/index.ts';
import { accountsApp, seedUsers, session } from './auth-helpers.ts';
import { json, memoryStore } from './helpers.ts';

let store: Store;
let app: PlateauApp;

beforeAll(async () => {
  store = await memoryStore();
  await seedUsers(store);
  app = accountsApp(store);
}, 60_000);
afterAll(async () => {
  await store?.close();
});

const newUser = (email: string) =>
  JSON.stringify({ email, role: 'national', password: 'a-new-password-Qw1!' });

describe('CsrfTokens', () => {
  it('is the HMAC-SHA256 of the session token under the key, base64url, checked exactly', () => {
    const key = Buffer.alloc(32, 7);
    const tokens = new CsrfTokens(key);
    const expected = createHmac('sha256', key).update('token-a').digest('base64url');
    expect(tokens.valueOf('token-a')).toBe(expected);
    expect(tokens.check('token-a', expected)).toBe(true);
    expect(tokens.check('token-b', expected)).toBe(false);
    expect(tokens.check('token-a', expected.slice(0, -1))).toBe(false);
    expect(tokens.check('token-a', `${expected}x`)).toBe(false);
    expect(tokens.check('token-a', undefined)).toBe(false);
    // Another key (another server process) gives another value.
    expect(new CsrfTokens(Buffer.alloc(32, 8)).valueOf('token-a')).not.toBe(expected);
    expect(() => new CsrfTokens(Buffer.alloc(16))).toThrow(RangeError);
  });
});

describe('state-changing requests in accounts mode', () => {
  it('refuses a POST without the header, with a wrong one or with another session’s value (403 csrf), and does nothing', async () => {
    const admin = await session(app, 'admin');
    const other = await session(app, 'national');
    for (const [i, header] of [
      undefined,
      'wrong',
      other.csrf,
      admin.csrf.toLowerCase(),
    ].entries()) {
      const headers: Record<string, string> = {
        cookie: admin.cookie,
        'content-type': 'application/json',
      };
      if (header !== undefined) headers['x-csrf-token'] = header;
      const response = await app.request('/api/admin/users', {
        method: 'POST',
        headers,
        body: newUser(`refused${i}@x.example`),
      });
      expect(response.status, String(header)).toBe(403);
      expect((await json<{ error: { code: string } }>(response)).error.code).toBe('csrf');
    }
    expect(
      (await listUsers(store)).map((u) => u.email).filter((e) => e.startsWith('refused')),
    ).toEqual([]);
  });

  it('lets the right value through', async () => {
    const admin = await session(app, 'admin');
    const response = await app.request('/api/admin/users', {
      method: 'POST',
      headers: {
        cookie: admin.cookie,
        'content-type': 'application/json',
        'x-csrf-token': admin.csrf,
      },
      body: newUser('passed@x.example'),
    });
    expect(response.status).toBe(201);
    expect((await listUsers(store)).some((u) => u.email === 'passed@x.example')).toBe(true);
  });

  it('needs it for the logout too (the session stays open without it)', async () => {
    const site = await session(app, 'site');
    const refused = await app.request('/api/session', {
      method: 'DELETE',
      headers: { cookie: site.cookie },
    });
    expect(refused.status).toBe(403);
    expect((await app.request('/api/session', { headers: { cookie: site.cookie } })).status).toBe(
      200,
    );
    const done = await app.request('/api/session', {
      method: 'DELETE',
      headers: { cookie: site.cookie, 'x-csrf-token': site.csrf },
    });
    expect(done.status).toBe(204);
  });

  it('does not ask it of the login, and answers an anonymous POST 401 before any CSRF check', async () => {
    const anonymous = await app.request('/api/admin/users', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: newUser('anon@x.example'),
    });
    expect(anonymous.status).toBe(401);
    const put = await app.request('/api/campaigns/x', { method: 'PUT' });
    expect(put.status).toBe(401);
    // A logged-in PUT without the header: 403 before the route's own 405.
    const { cookie } = await session(app, 'national');
    expect(
      (await app.request('/api/campaigns', { method: 'PUT', headers: { cookie } })).status,
    ).toBe(403);
  });

  it('keeps the origin guard: a cross-site page is refused even with the right value', async () => {
    const admin = await session(app, 'admin');
    const response = await app.request('/api/admin/users', {
      method: 'POST',
      headers: {
        cookie: admin.cookie,
        'content-type': 'application/json',
        'x-csrf-token': admin.csrf,
        origin: 'https://evil.example',
        'sec-fetch-site': 'cross-site',
      },
      body: newUser('cross@x.example'),
    });
    expect(response.status).toBe(403);
    expect((await listUsers(store)).some((u) => u.email === 'cross@x.example')).toBe(false);
  });
});
