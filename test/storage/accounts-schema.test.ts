// The accounts schema (migration 0007, issue 15) on every engine: a user's role decides which of
// FINESS and region it carries, e-mails are unique and lower-case, sessions store a 32-byte token
// hash, and the audit log takes inserts but refuses update, delete and truncate.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../../src/storage/open-store.ts';
import { ENGINES, type TestPlace } from './engines.ts';

describe.each(ENGINES)('the accounts schema on $name', ({ place: makePlace }) => {
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

  const addUser = (email: string, role: string, finess: string[], region: string | null) =>
    store.db.query<{ id: string }>(
      `insert into users (email, role, finess, region, password_hash) values ($1, $2, $3, $4, 'scrypt$x') returning id`,
      [email, role, finess, region],
    );

  it('takes users whose role matches their FINESS and region, and refuses the others', async () => {
    await addUser('site@chu.example', 'site', ['350000001'], null);
    await addUser('ars@ars.example', 'region', [], '53');
    await addUser('nat@sante.example', 'national', [], null);
    await expect(addUser('nofiness@chu.example', 'site', [], null)).rejects.toThrow();
    await expect(addUser('noregion@ars.example', 'region', [], null)).rejects.toThrow();
    await expect(addUser('both@ars.example', 'national', ['350000001'], null)).rejects.toThrow();
    await expect(addUser('Upper@chu.example', 'national', [], null)).rejects.toThrow();
    await expect(addUser('site@chu.example', 'national', [], null)).rejects.toThrow(); // unique
    await expect(addUser('owner', 'admin', [], null)).rejects.toThrow(); // not an address
  });

  it('keeps sessions by a 32-byte token hash only', async () => {
    const [user] = await store.db.query<{ id: string }>(
      `select id from users where email = 'site@chu.example'`,
    );
    const insert = (hash: Buffer) =>
      store.db.query(
        `insert into user_sessions (token_hash, user_id, expires_at) values ($1, $2, now() + interval '8 hours')`,
        [hash, user!.id],
      );
    await insert(Buffer.alloc(32, 7));
    await expect(insert(Buffer.alloc(16, 7))).rejects.toThrow();
  });

  it('appends to the audit log and refuses to change or empty it', async () => {
    await store.db.query(
      `insert into audit_log (email, action, target, outcome) values ('site@chu.example', 'login', null, 'success')`,
    );
    await store.db.query(
      `insert into audit_log (email, action, target, outcome) values ('x@y.example', 'login', null, 'failure')`,
    );
    await expect(store.db.query(`update audit_log set outcome = 'success'`)).rejects.toThrow(
      /append-only/,
    );
    await expect(store.db.query(`delete from audit_log`)).rejects.toThrow(/append-only/);
    await expect(store.db.query(`truncate audit_log`)).rejects.toThrow(/append-only/);
    const rows = await store.db.query<{ n: string }>(`select count(*)::text as n from audit_log`);
    expect(rows[0]!.n).toBe('2');
  });
});
