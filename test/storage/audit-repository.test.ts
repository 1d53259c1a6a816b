// The audit log on every engine: rows are appended and read back newest first, from a given
// instant and up to a limit; a detail naming a password, secret or token is refused before
// anything is written; the table itself refuses update and delete.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { audit, readAudit } from '../../src/storage/audit-repository.ts';
import type { Store } from '../../src/storage/open-store.ts';
import { ENGINES, type TestPlace } from './engines.ts';

describe.each(ENGINES)('the audit log on $name', ({ place: makePlace }) => {
  let place: TestPlace;
  let store: Store;
  let userId: number;

  beforeAll(async () => {
    place = await makePlace();
    store = await place.open();
    const rows = await store.db.query<{ id: string }>(
      `insert into users (email, role, password_hash) values ('nat@sante.example', 'national', 'scrypt$x') returning id::text as id`,
    );
    userId = Number(rows[0]!.id);
  });
  afterAll(async () => {
    await store?.close();
    await place?.dispose();
  });

  it('appends rows and reads them newest first, since an instant and up to a limit', async () => {
    // Times set by hand (the table's default is now()): an insert, not an update, so the trigger allows it.
    const at = (iso: string, action: string, outcome: string) =>
      store.db.query(
        `insert into audit_log (at, email, action, outcome) values ($1::timestamptz, 'old@x.example', $2, $3)`,
        [iso, action, outcome],
      );
    await at('2026-01-01T08:00:00Z', 'login', 'failure');
    await at('2026-01-02T08:00:00Z', 'read.site', 'denied');
    await audit(store, {
      userId,
      email: 'nat@sante.example',
      action: 'export',
      target: 'campaign:national-2010',
      outcome: 'success',
      detail: { format: 'csv', rows: 12 },
    });

    const all = await readAudit(store);
    expect(all.map((r) => r.action)).toEqual(['export', 'read.site', 'login']);
    expect(all[0]).toMatchObject({
      userId,
      email: 'nat@sante.example',
      target: 'campaign:national-2010',
      outcome: 'success',
      detail: { format: 'csv', rows: 12 },
    });
    expect(all[0]!.at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    expect(all[2]).toMatchObject({
      at: '2026-01-01T08:00:00.000Z',
      userId: null,
      target: null,
      detail: null,
      outcome: 'failure',
    });

    const since = await readAudit(store, { since: new Date('2026-01-02T00:00:00Z') });
    expect(since.map((r) => r.action)).toEqual(['export', 'read.site']);
    expect((await readAudit(store, { limit: 1 })).map((r) => r.action)).toEqual(['export']);
  });

  it('refuses a detail naming a password, secret or token, writing nothing', async () => {
    const count = async () => (await store.db.query(`select 1 from audit_log`)).length;
    const before = await count();
    for (const detail of [
      { password: 'x' },
      { newPassword: 'x' },
      { clientSecret: 'x' },
      { nested: [{ session_token: 'x' }] },
      { pwd: 'x' },
    ]) {
      await expect(
        audit(store, { action: 'user.update', outcome: 'success', detail }),
      ).rejects.toThrow(/password, secret or token/);
    }
    expect(await count()).toBe(before);
    await audit(store, {
      action: 'user.update',
      outcome: 'success',
      detail: { role: 'site', finess: ['350000001'] },
    });
    expect(await count()).toBe(before + 1);
  });

  it('keeps rows that no update or delete may change', async () => {
    await audit(store, { action: 'logout', outcome: 'success' });
    await expect(store.db.query(`update audit_log set outcome = 'failure'`)).rejects.toThrow(
      /append-only/,
    );
    await expect(store.db.query(`delete from audit_log`)).rejects.toThrow(/append-only/);
    expect((await readAudit(store, { limit: 1 }))[0]).toMatchObject({
      action: 'logout',
      outcome: 'success',
    });
  });
});
