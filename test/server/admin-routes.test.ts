// The administrator's API (issue 15): 403 for site, region and national users (audited denied);
// for an admin, the accounts listed without hashes, added (201, 400 invalid, 409 taken),
// disabled (sessions revoked, 409 for oneself), given a new password (old one refused), unknown
// ones 404; the audit log read with since/limit/action, each change audited naming the admin.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PlateauApp } from '../../src/server/app.ts';
import type { Store } from '../../src/storage/index.ts';
import { readAudit } from '../../src/storage/index.ts';
import { accountsApp, EMAILS, login, PASSWORDS, seedUsers, session } from './auth-helpers.ts';
import { json, memoryStore } from './helpers.ts';

let store: Store;
let app: PlateauApp;
let admin: { cookie: string; csrf: string };
let adminId: number;

beforeAll(async () => {
  store = await memoryStore();
  await seedUsers(store);
  app = accountsApp(store);
  admin = await session(app, 'admin');
  const [row] = await store.db.query<{ id: string }>(
    `select id::text as id from users where email = $1`,
    [EMAILS.admin],
  );
  adminId = Number(row!.id);
}, 60_000);
afterAll(async () => {
  await store?.close();
});

const get = (path: string, who = admin) => app.request(path, { headers: { cookie: who.cookie } });
const post = (path: string, body: unknown, who = admin) =>
  app.request(path, {
    method: 'POST',
    headers: { cookie: who.cookie, 'x-csrf-token': who.csrf, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
const errorOf = async (response: Response) =>
  (await json<{ error: { code: string; message: string } }>(response)).error;

describe('/api/admin/* for users who are not administrators', () => {
  it('answers 403 forbidden to site, region and national users, and audits the refusal', async () => {
    for (const role of ['site', 'region', 'national'] as const) {
      const who = await session(app, role);
      for (const response of [
        await get('/api/admin/users', who),
        await get('/api/admin/audit', who),
        await post(
          '/api/admin/users',
          { email: `x-${role}@x.example`, role: 'admin', password: 'long-enough-password' },
          who,
        ),
        await post(`/api/admin/users/${EMAILS.site}/disable`, {}, who),
        await post(
          `/api/admin/users/${EMAILS.site}/reset`,
          { password: 'long-enough-password' },
          who,
        ),
      ]) {
        expect(response.status, role).toBe(403);
        expect((await errorOf(response)).code).toBe('forbidden');
      }
    }
    const denied = (await readAudit(store, { limit: 1000 })).filter(
      (r) => r.outcome === 'denied' && r.action.startsWith('admin.'),
    );
    expect(denied.map((r) => r.email)).toEqual(
      expect.arrayContaining([EMAILS.site, EMAILS.region, EMAILS.national]),
    );
    // Nothing was changed.
    expect((await login(app, EMAILS.site, 'long-enough-password')).status).toBe(401);
  });
});

describe('/api/admin/users for an administrator', () => {
  it('lists the accounts by e-mail, without any hash', async () => {
    const response = await get('/api/admin/users');
    expect(response.status).toBe(200);
    const { users } = await json<{ users: Record<string, unknown>[] }>(response);
    expect(users.map((u) => u.email)).toEqual([...Object.values(EMAILS)].sort());
    const region = users.find((u) => u.email === EMAILS.region)!;
    expect(region).toMatchObject({
      role: 'region',
      region: '53',
      regionName: 'Bretagne',
      finess: [],
      disabledAt: null,
      id: expect.any(Number),
    });
    expect(users.find((u) => u.email === EMAILS.disabled)!.disabledAt).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect(JSON.stringify(users)).not.toMatch(/scrypt|hash|password"/i);
  });

  it('adds an account (201), audited user.add naming the admin, without the password', async () => {
    const password = 'fresh-site-password-9!';
    const response = await post('/api/admin/users', {
      email: 'New.Site@CH-Vannes.example',
      role: 'site',
      finess: ['560000184'],
      displayName: 'CH Vannes',
      password,
    });
    expect(response.status).toBe(201);
    expect((await json<{ user: unknown }>(response)).user).toMatchObject({
      email: 'new.site@ch-vannes.example',
      role: 'site',
      finess: ['560000184'],
      displayName: 'CH Vannes',
    });
    expect((await login(app, 'new.site@ch-vannes.example', password)).status).toBe(200);
    const [row] = await readAudit(store, { action: 'user.add', limit: 1 });
    expect(row).toMatchObject({
      userId: adminId,
      email: EMAILS.admin,
      target: 'new.site@ch-vannes.example',
      outcome: 'success',
    });
    expect(JSON.stringify(row)).not.toContain(password);
  });

  it('refuses an invalid account (400 with the reason) and a taken e-mail (409)', async () => {
    const short = await post('/api/admin/users', {
      email: 'short@x.example',
      role: 'national',
      password: 'short',
    });
    expect(short.status).toBe(400);
    expect((await errorOf(short)).message).toContain('at least 12 characters');
    const noFiness = await post('/api/admin/users', {
      email: 'nofiness@x.example',
      role: 'site',
      password: 'long-enough-password',
    });
    expect(noFiness.status).toBe(400);
    expect((await errorOf(noFiness)).message).toContain('FINESS');
    const badRole = await post('/api/admin/users', {
      email: 'root@x.example',
      role: 'root',
      password: 'long-enough-password',
    });
    expect(badRole.status).toBe(400);
    const badFiness = await post('/api/admin/users', {
      email: 'f@x.example',
      role: 'site',
      finess: '560000184',
      password: 'long-enough-password',
    });
    expect(badFiness.status).toBe(400);
    const taken = await post('/api/admin/users', {
      email: EMAILS.national.toUpperCase(),
      role: 'national',
      password: 'long-enough-password',
    });
    expect(taken.status).toBe(409);
    expect(await errorOf(taken)).toEqual({
      code: 'user-exists',
      message: `a user ${EMAILS.national} already exists`,
    });
  });

  it('disables an account: its sessions are revoked, it can no longer log in; audited user.disable', async () => {
    const victim = await session(app, 'region');
    const response = await post(
      `/api/admin/users/${encodeURIComponent(EMAILS.region)}/disable`,
      {},
    );
    expect(response.status).toBe(200);
    expect(
      (await json<{ user: { disabledAt: string | null } }>(response)).user.disabledAt,
    ).not.toBeNull();
    expect((await get('/api/session', victim)).status).toBe(401);
    const [row] = await readAudit(store, { action: 'user.disable', limit: 1 });
    expect(row).toMatchObject({ userId: adminId, email: EMAILS.admin, target: EMAILS.region });
  });

  it('refuses to disable the admin’s own account (409) and unknown accounts (404)', async () => {
    const own = await post(`/api/admin/users/${EMAILS.admin}/disable`, {});
    expect(own.status).toBe(409);
    expect((await get('/api/session')).status).toBe(200);
    const unknown = await post('/api/admin/users/nobody@x.example/disable', {});
    expect(unknown.status).toBe(404);
    expect((await errorOf(unknown)).message).toBe('there is no user nobody@x.example');
  });

  it('sets a new password: the old one is refused, sessions revoked; audited user.reset without it', async () => {
    const before = await session(app, 'national');
    const password = 'the-new-national-password';
    const response = await post(`/api/admin/users/${EMAILS.national}/reset`, { password });
    expect(response.status).toBe(200);
    expect((await get('/api/session', before)).status).toBe(401);
    expect((await login(app, EMAILS.national, PASSWORDS.national)).status).toBe(401);
    expect((await login(app, EMAILS.national, password)).status).toBe(200);
    const [row] = await readAudit(store, { action: 'user.reset', limit: 1 });
    expect(row).toMatchObject({ userId: adminId, email: EMAILS.admin, target: EMAILS.national });
    expect(JSON.stringify(await readAudit(store, { limit: 10_000 }))).not.toContain(password);
    expect(
      (await post(`/api/admin/users/${EMAILS.national}/reset`, { password: 'short' })).status,
    ).toBe(400);
    expect((await post('/api/admin/users/nobody@x.example/reset', { password })).status).toBe(404);
  });
});

describe('/api/admin/audit', () => {
  it('reads the log newest first, narrowed by action, limit and since', async () => {
    const all = await json<{ entries: { id: number; action: string; at: string }[] }>(
      await get('/api/admin/audit?limit=1000'),
    );
    expect(all.entries.length).toBeGreaterThan(10);
    const ids = all.entries.map((e) => e.id);
    expect(ids).toEqual([...ids].sort((a, b) => b - a));
    const logins = await json<{ entries: { action: string }[] }>(
      await get('/api/admin/audit?action=login&limit=1000'),
    );
    expect(logins.entries.length).toBeGreaterThan(3);
    expect(new Set(logins.entries.map((e) => e.action))).toEqual(new Set(['login']));
    const one = await json<{ entries: unknown[] }>(await get('/api/admin/audit?limit=1'));
    expect(one.entries).toHaveLength(1);
    expect(one.entries[0]).toEqual(all.entries[0]);
    const future = await json<{ entries: unknown[] }>(
      await get('/api/admin/audit?since=2999-01-01'),
    );
    expect(future.entries).toEqual([]);
    const past = await json<{ entries: unknown[] }>(
      await get('/api/admin/audit?since=2000-01-01T00:00:00Z&limit=1000'),
    );
    expect(past.entries).toHaveLength(all.entries.length);
  });

  it('refuses bad parameters (400)', async () => {
    for (const q of ['since=yesterday', 'limit=0', 'limit=1001', 'action=DROP%20TABLE', 'zzz=1']) {
      expect((await get(`/api/admin/audit?${q}`)).status, q).toBe(400);
    }
  });
});
