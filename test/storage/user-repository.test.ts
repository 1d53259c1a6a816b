// User accounts (issue 15) on every engine: add/list/disable/reset/verify, the role rules refused
// with their reason, a reset revoking the user's sessions, one audit row per change, and the
// password in no error message and no audit row.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../../src/storage/open-store.ts';
import {
  addUser,
  disableUser,
  listUsers,
  resetPassword,
  UserAccountError,
  verifyLogin,
} from '../../src/storage/user-repository.ts';
import { ENGINES, type TestPlace } from './engines.ts';

const FAST = { scrypt: { N: 2 ** 10, r: 8, p: 1 } };
const PW = 'Secret-Passw0rd-xyz';

describe.each(ENGINES)('user accounts on $name', ({ place: makePlace }) => {
  let place: TestPlace;
  let store: Store;

  beforeAll(async () => {
    place = await makePlace();
    store = await place.open();
  });
  afterAll(async () => {
    await store?.close();
    await place?.dispose();
  });

  /** The message of what `p` rejects with (and checks it is a UserAccountError without the password). */
  async function refusal(p: Promise<unknown>): Promise<string> {
    const error = await p.then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(UserAccountError);
    const message = (error as Error).message;
    expect(message).not.toContain(PW);
    expect(message).not.toContain('short-pw');
    return message;
  }

  it('adds users of each role, trimmed and lower-cased, and lists them by e-mail', async () => {
    const site = await addUser(
      store,
      {
        email: '  Imagerie@CHU.example ',
        role: 'site',
        finess: ['350000001', '350000002'],
        password: PW,
        displayName: 'Imagerie CHU',
      },
      FAST,
    );
    expect(site).toMatchObject({
      email: 'imagerie@chu.example',
      role: 'site',
      finess: ['350000001', '350000002'],
      region: null,
      displayName: 'Imagerie CHU',
      disabledAt: null,
    });
    const byName = await addUser(
      store,
      { email: 'ars@ars.example', role: 'region', region: 'Bretagne', password: PW },
      FAST,
    );
    expect(byName.region).toBe('53');
    const byCode = await addUser(
      store,
      { email: 'ars-idf@ars.example', role: 'region', region: '11', password: PW },
      FAST,
    );
    expect(byCode.region).toBe('11');
    await addUser(store, { email: 'dgos@sante.example', role: 'national', password: PW }, FAST);
    await addUser(store, { email: 'admin@plateau.example', role: 'admin', password: PW }, FAST);
    const users = await listUsers(store);
    expect(users.map((u) => u.email)).toEqual([
      'admin@plateau.example',
      'ars-idf@ars.example',
      'ars@ars.example',
      'dgos@sante.example',
      'imagerie@chu.example',
    ]);
    expect(JSON.stringify(users)).not.toContain('scrypt');
    expect(users[0]!.createdAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
  });

  it('refuses the role rules with their reason', async () => {
    const add = (u: Partial<Parameters<typeof addUser>[1]>) =>
      addUser(store, { email: 'x@y.example', role: 'site', password: PW, ...u }, FAST);
    expect(await refusal(add({ finess: [] }))).toMatch(/site user needs at least one FINESS/);
    expect(await refusal(add({ finess: ['12345'] }))).toMatch(/not a FINESS.*12345/);
    expect(await refusal(add({ role: 'region' }))).toMatch(/region user needs a region/);
    expect(await refusal(add({ role: 'region', region: 'Atlantis' }))).toMatch(
      /'Atlantis' is not a French region/,
    );
    expect(await refusal(add({ role: 'national', finess: ['350000001'] }))).toMatch(
      /only a site user has FINESS/,
    );
    expect(await refusal(add({ role: 'admin', region: '53' }))).toMatch(
      /only a region user has a region/,
    );
    expect(await refusal(add({ role: 'root' }))).toMatch(
      /unknown role 'root'.*site, region, national, admin/,
    );
    expect(await refusal(add({ email: 'not-an-address', role: 'admin' }))).toMatch(
      /not an e-mail address/,
    );
    expect(await refusal(add({ role: 'admin', password: 'short-pw' }))).toMatch(
      /too short.*12 characters/,
    );
    expect(await refusal(add({ email: 'DGOS@sante.example', role: 'national' }))).toMatch(
      /dgos@sante.example already exists/,
    );
    expect((await listUsers(store)).map((u) => u.email)).not.toContain('x@y.example');
  });

  it('verifies a login, and refuses a wrong password, an unknown user and a disabled one', async () => {
    expect((await verifyLogin(store, ' DGOS@sante.example', PW))?.email).toBe('dgos@sante.example');
    expect(await verifyLogin(store, 'dgos@sante.example', `${PW}!`)).toBeNull();
    expect(await verifyLogin(store, 'nobody@sante.example', PW)).toBeNull();
    await disableUser(store, 'ars-idf@ars.example');
    expect(await verifyLogin(store, 'ars-idf@ars.example', PW)).toBeNull();
    expect(
      (await listUsers(store)).find((u) => u.email === 'ars-idf@ars.example')?.disabledAt,
    ).not.toBeNull();
    expect(await refusal(disableUser(store, 'nobody@sante.example'))).toMatch(
      /no user nobody@sante.example/,
    );
  });

  it('resets a password, revoking the sessions of that user only', async () => {
    const [a, b] = await store.db.query<{ id: string; email: string }>(
      `select id::text as id, email from users where email in ('ars@ars.example', 'dgos@sante.example') order by email`,
    );
    for (const [i, u] of [a!, a!, b!].entries()) {
      await store.db.query(
        `insert into user_sessions (token_hash, user_id, expires_at) values ($1, $2, now() + interval '8 hours')`,
        [Buffer.alloc(32, i + 1), u.id],
      );
    }
    const before = await store.db.query<{ changed: string }>(
      `select password_changed_at::text as changed from users where id = $1`,
      [a!.id],
    );
    const NEW = 'Another-Long-Secret-42';
    expect(await refusal(resetPassword(store, 'ars@ars.example', 'short-pw', FAST))).toMatch(
      /too short/,
    );
    await resetPassword(store, 'ARS@ars.example', NEW, FAST);
    expect(await verifyLogin(store, 'ars@ars.example', PW)).toBeNull();
    expect((await verifyLogin(store, 'ars@ars.example', NEW))?.email).toBe('ars@ars.example');
    const sessions = await store.db.query<{ email: string; revoked: boolean }>(
      `select u.email, s.revoked_at is not null as revoked from user_sessions s join users u on u.id = s.user_id order by s.token_hash`,
    );
    expect(sessions).toEqual([
      { email: 'ars@ars.example', revoked: true },
      { email: 'ars@ars.example', revoked: true },
      { email: 'dgos@sante.example', revoked: false },
    ]);
    const after = await store.db.query<{ changed: string }>(
      `select password_changed_at::text as changed from users where id = $1`,
      [a!.id],
    );
    expect(after[0]!.changed).not.toBe(before[0]!.changed);
    expect(await refusal(resetPassword(store, 'nobody@sante.example', NEW, FAST))).toMatch(
      /no user/,
    );
  });

  it('replaces a hash made with weaker parameters on a successful login, and only then', async () => {
    const hashOf = async () =>
      (
        await store.db.query<{ h: string }>(
          `select password_hash as h from users where email = 'admin@plateau.example'`,
        )
      )[0]!.h;
    const weak = await hashOf();
    expect(weak.startsWith('scrypt$1024$')).toBe(true);
    expect(
      await verifyLogin(store, 'admin@plateau.example', 'wrong password here', {
        scrypt: { N: 2 ** 11, r: 8, p: 1 },
      }),
    ).toBeNull();
    expect(await hashOf()).toBe(weak);
    expect(
      await verifyLogin(store, 'admin@plateau.example', PW, { scrypt: { N: 2 ** 11, r: 8, p: 1 } }),
    ).not.toBeNull();
    const strong = await hashOf();
    expect(strong.startsWith('scrypt$2048$8$1$')).toBe(true);
    expect((await verifyLogin(store, 'admin@plateau.example', PW, FAST))?.email).toBe(
      'admin@plateau.example',
    );
    expect(await hashOf()).toBe(strong);
  });

  it('writes one audit row per change, without any password', async () => {
    const rows = await store.db.query<{
      action: string;
      target: string;
      email: string | null;
      outcome: string;
      has_user: boolean;
      detail: unknown;
    }>(
      `select action, target, email, outcome, user_id is not null as has_user, detail from audit_log order by id`,
    );
    expect(rows.map((r) => `${r.action} ${r.target}`)).toEqual([
      'user.add imagerie@chu.example',
      'user.add ars@ars.example',
      'user.add ars-idf@ars.example',
      'user.add dgos@sante.example',
      'user.add admin@plateau.example',
      'user.disable ars-idf@ars.example',
      'user.reset ars@ars.example',
    ]);
    // Made at the console: no actor; the added user's role and scope in the detail.
    expect(rows.every((r) => r.outcome === 'success' && !r.has_user && r.email === null)).toBe(
      true,
    );
    expect(rows[1]!.detail).toEqual({ role: 'region', finess: [], region: '53' });
    expect(rows[5]!.detail).toBeNull();
    const [admin] = await listUsers(store);
    await disableUser(store, 'imagerie@chu.example', {
      actor: { userId: admin!.id, email: admin!.email },
    });
    const [last] = await store.db.query<{ user_id: string; email: string; action: string }>(
      `select user_id::text as user_id, email, action from audit_log order by id desc limit 1`,
    );
    expect(last).toEqual({
      user_id: admin!.id,
      email: 'admin@plateau.example',
      action: 'user.disable',
    });
    const all = JSON.stringify(await store.db.query(`select * from audit_log`));
    expect(all).not.toContain(PW);
    expect(all).not.toContain('Another-Long-Secret');
    expect(all).not.toContain('scrypt');
  });
});
