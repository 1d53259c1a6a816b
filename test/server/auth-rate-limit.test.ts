// Login rate limiting (issue 15): 10 failures per e-mail, 30 per client address, within 15
// minutes (a sliding window, clock injected) → 429 too-many-attempts with Retry-After, audited as
// denied; it recovers once the window has slid past. The address is the socket's peer, or with
// trustProxy the last hop of X-Forwarded-For.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PlateauApp } from '../../src/server/app.ts';
import { LoginRateLimiter } from '../../src/server/auth/rate-limit.ts';
import type { Store } from '../../src/storage/index.ts';
import { readAudit } from '../../src/storage/index.ts';
import { startServer } from '../../src/server/start-server.ts';
import { accountsApp, CHEAP, EMAILS, login, PASSWORDS, seedUsers } from './auth-helpers.ts';
import { json, memoryStore } from './helpers.ts';

const MINUTE = 60_000;

describe('LoginRateLimiter', () => {
  it('refuses the 11th attempt of an e-mail within 15 minutes, and says how long to wait', () => {
    let now = 1_000_000;
    const limiter = new LoginRateLimiter({ now: () => now });
    for (let i = 0; i < 10; i++) {
      expect(limiter.begin('A@x.example', '10.0.0.1').allowed).toBe(true);
      now += MINUTE; // failures at t0, t0+1, …, t0+9 min
    }
    // now = t0 + 10 min: the first failure leaves the window at t0 + 15 min → 5 min to wait.
    const refused = limiter.begin('a@x.example', '10.0.0.2');
    expect(refused).toEqual({ allowed: false, retryAfterSeconds: 300, by: 'email' });
    now += 5 * MINUTE - 1;
    expect(limiter.begin('a@x.example', '10.0.0.2')).toEqual({
      allowed: false,
      retryAfterSeconds: 1,
      by: 'email',
    });
    now += 1;
    expect(limiter.begin('a@x.example', '10.0.0.2').allowed).toBe(true);
    // That attempt counts again: ten in the window (t0+1 … t0+9, t0+15).
    expect(limiter.begin('a@x.example', '10.0.0.2').allowed).toBe(false);
    // Another e-mail is not concerned.
    expect(limiter.begin('b@x.example', '10.0.0.2').allowed).toBe(true);
  });

  it('refuses the 31st attempt from one address whatever the e-mails', () => {
    const now = 5_000_000;
    const limiter = new LoginRateLimiter({ now: () => now });
    for (let i = 0; i < 30; i++)
      expect(limiter.begin(`u${i}@x.example`, '10.0.0.9').allowed).toBe(true);
    expect(limiter.begin('fresh@x.example', '10.0.0.9')).toEqual({
      allowed: false,
      retryAfterSeconds: 900,
      by: 'address',
    });
    expect(limiter.begin('fresh@x.example', '10.0.0.8').allowed).toBe(true);
  });

  it('forgets an e-mail’s failures on a success, and takes the successful attempt back', () => {
    const limiter = new LoginRateLimiter({ now: () => 0, perEmail: 3, perAddress: 4 });
    for (let i = 0; i < 2; i++) limiter.begin('a@x.example', 'h');
    const verdict = limiter.begin('a@x.example', 'h');
    if (!verdict.allowed) throw new Error('refused too early');
    verdict.attempt.succeeded();
    for (let i = 0; i < 2; i++) expect(limiter.begin('a@x.example', 'h').allowed).toBe(true);
    // The address kept its two failures and the two new ones: four, its limit.
    expect(limiter.begin('c@x.example', 'h')).toMatchObject({ allowed: false, by: 'address' });
  });

  it('refuses limits that are not positive whole numbers', () => {
    expect(() => new LoginRateLimiter({ perEmail: 0 })).toThrow(RangeError);
    expect(() => new LoginRateLimiter({ windowMs: 1.5 })).toThrow(RangeError);
  });

  it('keeps at most maxKeys keys', () => {
    const limiter = new LoginRateLimiter({ now: () => 0, maxKeys: 100, perAddress: 1_000 });
    for (let i = 0; i < 1_000; i++) limiter.begin(`u${i}@x.example`, 'h');
    // The oldest e-mails were forgotten, so they may try again; the limiter did not grow past 100 keys.
    expect(limiter.begin('u0@x.example', 'h').allowed).toBe(true);
  });
});

describe('POST /api/session rate limiting', () => {
  let store: Store;
  let now = Date.UTC(2026, 2, 2, 8);
  let app: PlateauApp;
  const socket = (address: string) => ({ incoming: { socket: { remoteAddress: address } } });

  beforeAll(async () => {
    store = await memoryStore();
    await seedUsers(store);
    app = accountsApp(store, { rateLimit: { now: () => now } });
  }, 60_000);
  afterAll(async () => {
    await store?.close();
  });

  it('answers 429 with Retry-After after 10 failures for an e-mail, even to the right password, then recovers', async () => {
    for (let i = 0; i < 10; i++) {
      const response = await login(app, EMAILS.site, `wrong-password-${i}-xx`, {
        env: socket(`10.1.0.${i}`),
      });
      expect(response.status).toBe(401);
    }
    const refused = await login(app, EMAILS.site, PASSWORDS.site, { env: socket('10.1.1.1') });
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toBe('900');
    expect((await json<{ error: { code: string } }>(refused)).error.code).toBe('too-many-attempts');
    expect(refused.headers.get('set-cookie')).toBeNull();
    const [row] = await readAudit(store, { action: 'login', limit: 1 });
    expect(row).toMatchObject({
      email: EMAILS.site,
      outcome: 'denied',
      detail: { reason: 'rate-limited', by: 'email', address: '10.1.1.1' },
    });
    expect(JSON.stringify(row)).not.toContain(PASSWORDS.site);

    now += 15 * 60_000;
    const recovered = await login(app, EMAILS.site, PASSWORDS.site, { env: socket('10.1.1.1') });
    expect(recovered.status).toBe(200);
  });

  it('counts 30 failures per client address (the socket’s peer), whatever the e-mails', async () => {
    for (let i = 0; i < 30; i++) {
      expect(
        (
          await login(app, `nobody${i}@x.example`, 'some-password-1234', {
            env: socket('192.0.2.7'),
          })
        ).status,
      ).toBe(401);
    }
    const refused = await login(app, EMAILS.national, PASSWORDS.national, {
      env: socket('192.0.2.7'),
    });
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBe(900);
    // Another address logs in; X-Forwarded-For is not believed without trustProxy.
    expect(
      (await login(app, EMAILS.national, PASSWORDS.national, { env: socket('192.0.2.8') })).status,
    ).toBe(200);
    const spoofed = await login(app, EMAILS.national, PASSWORDS.national, {
      env: socket('192.0.2.7'),
      headers: { 'x-forwarded-for': '203.0.113.5' },
    });
    expect(spoofed.status).toBe(429);
    now += 15 * 60_000;
    expect(
      (await login(app, EMAILS.national, PASSWORDS.national, { env: socket('192.0.2.7') })).status,
    ).toBe(200);
  });

  it('reads the client address from the Node socket of a real server', async () => {
    const server = await startServer({ store, port: 0, accounts: { scrypt: CHEAP } });
    try {
      const response = await fetch(`${server.url}api/session`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: 'socket@x.example', password: 'some-password-1234' }),
      });
      expect(response.status).toBe(401);
      const [row] = await readAudit(store, { action: 'login', limit: 1 });
      expect(row).toMatchObject({
        email: 'socket@x.example',
        detail: {
          reason: 'unknown-email',
          address: expect.stringMatching(/^(::ffff:)?127\.0\.0\.1$/),
        },
      });
    } finally {
      await server.close();
    }
  });

  it('with trustProxy, counts by the last hop of X-Forwarded-For', async () => {
    const proxied = accountsApp(store, {
      trustProxy: true,
      rateLimit: { now: () => now, perAddress: 3 },
    });
    const proxy = socket('127.0.0.1');
    for (let i = 0; i < 3; i++) {
      const headers = { 'x-forwarded-for': `198.51.100.${i}, 203.0.113.9` }; // the client may forge the first hops
      expect(
        (await login(proxied, `ghost${i}@x.example`, 'some-password-1234', { env: proxy, headers }))
          .status,
      ).toBe(401);
    }
    const refused = await login(proxied, EMAILS.admin, PASSWORDS.admin, {
      env: proxy,
      headers: { 'x-forwarded-for': '203.0.113.9' },
    });
    expect(refused.status).toBe(429);
    const other = await login(proxied, EMAILS.admin, PASSWORDS.admin, {
      env: proxy,
      headers: { 'x-forwarded-for': '203.0.113.10' },
    });
    expect(other.status).toBe(200);
  });
});
