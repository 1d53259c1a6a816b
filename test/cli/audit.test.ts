// `plateau audit` on an embedded store: the table lists entries newest first with who, action,
// target and outcome in the chosen language; --since and --limit narrow it; --json gives the rows;
// a bad --since is a usage error (exit 2) and a missing store is refused without creating one.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { openStore } from '../../src/storage/open-store.ts';
import { closeSharedStores } from '../helpers/shared-store.ts';
import { runCli } from '../helpers/run-cli.ts';

vi.mock('../../src/storage/open-store.ts', async (actual) =>
  (await import('../helpers/shared-store.ts')).sharingOpenStore(await actual()),
);

describe('plateau audit', () => {
  const root = mkdtempSync(join(tmpdir(), 'plateau-audit-'));
  const data = join(root, 'store');

  beforeAll(async () => {
    const store = await openStore({ dataDir: data });
    const [user] = await store.db.query<{ id: string }>(
      `insert into users (email, role, finess, password_hash) values ('site@chu.example', 'site', '{350000001}', 'scrypt$x') returning id::text as id`,
    );
    const add = (
      at: string,
      userId: string | null,
      email: string | null,
      action: string,
      target: string | null,
      outcome: string,
    ) =>
      store.db.query(
        `insert into audit_log (at, user_id, email, action, target, outcome) values ($1::timestamptz, $2, $3, $4, $5, $6)`,
        [at, userId, email, action, target, outcome],
      );
    await add('2026-12-01T08:00:00Z', null, 'intruder@x.example', 'login', null, 'failure');
    await add('2026-12-02T09:15:30Z', user!.id, 'site@chu.example', 'login', null, 'success');
    await add(
      '2026-12-03T10:00:00Z',
      user!.id,
      'site@chu.example',
      'read.site',
      'finess:350000002',
      'denied',
    );
    await add('2026-12-04T11:00:00Z', null, null, 'export', 'campaign:national-2010', 'success');
    await store.close();
  });
  afterAll(async () => {
    await closeSharedStores();
    rmSync(root, { recursive: true, force: true });
  });

  it('lists the entries newest first, with who, action, target and outcome', async () => {
    const run = await runCli(['audit', '--data', data, '--lang', 'en']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const lines = run.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^Time \(UTC\)\s+Who\s+Action\s+Target\s+Outcome$/);
    expect(lines.slice(2).map((l) => l.split(/\s{2,}/))).toEqual([
      ['2026-12-04 11:00:00', 'anonymous', 'export', 'campaign:national-2010', 'success'],
      ['2026-12-03 10:00:00', 'site@chu.example', 'read.site', 'finess:350000002', 'denied'],
      ['2026-12-02 09:15:30', 'site@chu.example', 'login', '–', 'success'],
      ['2026-12-01 08:00:00', 'intruder@x.example', 'login', '–', 'failure'],
    ]);
  });

  it('speaks French', async () => {
    const run = await runCli(['audit', '--data', data, '--lang', 'fr', '--limit', '1']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^Heure \(UTC\)\s+Qui\s+Action\s+Objet\s+Issue\n/);
    expect(run.stdout).toContain('anonyme');
    expect(run.stdout).toContain('réussi');
  });

  it('narrows with --since (a day or an instant) and --limit, and gives JSON', async () => {
    const json = async (...args: string[]) => {
      const run = await runCli(['audit', '--data', data, '--json', ...args]);
      expect(run.code).toBe(0);
      return (JSON.parse(run.stdout) as { at: string; action: string; email: string | null }[]).map(
        (r) => `${r.at} ${r.action}`,
      );
    };
    expect(await json('--since', '2026-12-03')).toEqual([
      '2026-12-04T11:00:00.000Z export',
      '2026-12-03T10:00:00.000Z read.site',
    ]);
    expect(await json('--since', '2026-12-02T10:15:30+01:00')).toEqual([
      '2026-12-04T11:00:00.000Z export',
      '2026-12-03T10:00:00.000Z read.site',
      '2026-12-02T09:15:30.000Z login',
    ]);
    expect(await json('--limit', '2')).toEqual([
      '2026-12-04T11:00:00.000Z export',
      '2026-12-03T10:00:00.000Z read.site',
    ]);
    expect(await json('--since', '2027-01-01')).toEqual([]);
  });

  it('refuses a bad --since or --limit with a usage error', async () => {
    for (const since of ['2026-02-30', 'yesterday', '2026-12-01T08:00']) {
      const run = await runCli(['audit', '--data', data, '--lang', 'en', '--since', since]);
      expect(run.code).toBe(2);
      expect(run.stderr).toContain(`--since takes a date YYYY-MM-DD or an ISO 8601 instant`);
      expect(run.stderr).toContain(since);
    }
    expect((await runCli(['audit', '--data', data, '--limit', '0'])).code).toBe(2);
  });

  it('refuses a folder without a store, creating nothing', async () => {
    const missing = join(root, 'none');
    const run = await runCli(['audit', '--data', missing, '--lang', 'en']);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('there is no plateau store');
    expect(existsSync(missing)).toBe(false);
  });
});
