// Login sessions on every engine: a token opens its user's session until it expires, is revoked or
// its user is disabled; unknown and altered tokens open nothing; the table holds only the token's
// SHA-256, never the token.
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createSession,
  purgeExpired,
  revokeSession,
  revokeUserSessions,
  sessionUser,
} from '../../src/storage/login-sessions.ts';
import type { Store } from '../../src/storage/open-store.ts';
import { ENGINES, type TestPlace } from './engines.ts';

describe.each(ENGINES)('login sessions on $name', ({ place: makePlace }) => {
  let place: TestPlace;
  let store: Store;
  let siteId: number;
  let regionId: number;

  const addUser = async (
    email: string,
    role: string,
    finess: string[],
    region: string | null,
    name: string | null,
  ) => {
    const rows = await store.db.query<{ id: string }>(
      `insert into users (email, role, finess, region, password_hash, display_name) values ($1, $2, $3, $4, 'scrypt$x', $5) returning id::text as id`,
      [email, role, finess, region, name],
    );
    return Number(rows[0]!.id);
  };

  beforeAll(async () => {
    place = await makePlace();
    store = await place.open();
    siteId = await addUser('site@chu.example', 'site', ['350000001', '350000002'], null, 'Dr Site');
    regionId = await addUser('ars@ars.example', 'region', [], '53', null);
  });
  afterAll(async () => {
    await store?.close();
    await place?.dispose();
  });

  it('opens the session of the user the token was made for, and marks it seen', async () => {
    const token = await createSession(store, siteId);
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    await store.db.query(`update user_sessions set last_seen_at = now() - interval '1 hour'`);
    expect(await sessionUser(store, token)).toEqual({
      id: siteId,
      email: 'site@chu.example',
      role: 'site',
      finess: ['350000001', '350000002'],
      region: null,
      displayName: 'Dr Site',
    });
    const [row] = await store.db.query<{ fresh: boolean; hours: number }>(
      `select last_seen_at > now() - interval '1 minute' as fresh,
              extract(epoch from expires_at - created_at)::float8 / 3600 as hours
         from user_sessions where user_id = $1`,
      [siteId],
    );
    expect(row).toEqual({ fresh: true, hours: 8 });
    // Seen less than a minute ago: the lookup reads, it does not write the mark again.
    await store.db.query(`update user_sessions set last_seen_at = now() - interval '30 seconds'`);
    expect(await sessionUser(store, token)).toMatchObject({ id: siteId });
    const [kept] = await store.db.query<{ age: number }>(
      `select round(extract(epoch from now() - last_seen_at))::int as age from user_sessions where user_id = $1`,
      [siteId],
    );
    expect(kept!.age).toBeGreaterThanOrEqual(30);
    const other = await createSession(store, regionId, { ttlHours: 1 });
    expect(other).not.toBe(token);
    expect(await sessionUser(store, other)).toMatchObject({
      id: regionId,
      role: 'region',
      region: '53',
      finess: [],
      displayName: null,
    });
  });

  it('stores only the SHA-256 of the token', async () => {
    const token = await createSession(store, siteId);
    const rows = await store.db.query<{ hex: string; text: string }>(
      `select encode(token_hash, 'hex') as hex, encode(token_hash, 'escape') as text from user_sessions`,
    );
    const expected = createHash('sha256').update(token).digest('hex');
    expect(rows.map((r) => r.hex)).toContain(expected);
    const dump = (
      await store.db.query<{ t: string }>(
        `select string_agg(s::text, ' ') as t from user_sessions s`,
      )
    )[0]!.t;
    expect(dump).not.toContain(token);
    expect(dump).not.toContain(Buffer.from(token, 'base64url').toString('hex'));
  });

  it('opens nothing for an unknown or altered token', async () => {
    const token = await createSession(store, siteId);
    const flipped = (token[0] === 'A' ? 'B' : 'A') + token.slice(1);
    expect(await sessionUser(store, flipped)).toBeNull();
    expect(await sessionUser(store, token.slice(0, -1))).toBeNull();
    expect(await sessionUser(store, '')).toBeNull();
    expect(await sessionUser(store, 'x'.repeat(43))).toBeNull();
    expect(await sessionUser(store, token)).not.toBeNull();
  });

  it('opens nothing once expired, and purges expired sessions', async () => {
    const token = await createSession(store, siteId, { ttlHours: 1 });
    expect(await sessionUser(store, token)).not.toBeNull();
    const hash = createHash('sha256').update(token).digest();
    await store.db.query(
      `update user_sessions set expires_at = now() - interval '1 second' where token_hash = $1`,
      [hash],
    );
    expect(await sessionUser(store, token)).toBeNull();
    const before = await store.db.query(`select 1 from user_sessions`);
    expect(await purgeExpired(store)).toBe(1);
    const after = await store.db.query(`select 1 from user_sessions`);
    expect(after.length).toBe(before.length - 1);
    await expect(createSession(store, siteId, { ttlHours: 0 })).rejects.toThrow(RangeError);
  });

  it('opens nothing once revoked, one session or all of a user', async () => {
    const a = await createSession(store, siteId);
    const b = await createSession(store, siteId);
    const c = await createSession(store, regionId);
    expect(await revokeSession(store, a)).toBe(true);
    expect(await revokeSession(store, a)).toBe(false);
    expect(await sessionUser(store, a)).toBeNull();
    expect(await sessionUser(store, b)).not.toBeNull();
    expect(await revokeUserSessions(store, siteId)).toBeGreaterThanOrEqual(1);
    expect(await sessionUser(store, b)).toBeNull();
    expect(await sessionUser(store, c)).not.toBeNull();
  });

  it('opens nothing for a disabled user', async () => {
    const token = await createSession(store, regionId);
    expect(await sessionUser(store, token)).not.toBeNull();
    await store.db.query(`update users set disabled_at = now() where id = $1`, [regionId]);
    expect(await sessionUser(store, token)).toBeNull();
    await store.db.query(`update users set disabled_at = null where id = $1`, [regionId]);
    expect(await sessionUser(store, token)).not.toBeNull();
  });
});
