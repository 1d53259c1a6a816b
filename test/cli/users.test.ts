// `plateau users` on an embedded store: add (each role, refusals with their reason), list as a
// table and as JSON, disable, reset; the password comes from PLATEAU_USER_PASSWORD and never
// appears in what the command prints, and only its hash is stored.
import { userInfo } from 'node:os';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { openStore } from '../../src/storage/open-store.ts';
import { verifyLogin } from '../../src/storage/user-repository.ts';
import { runCli, type CliRun } from '../helpers/run-cli.ts';
import { closeSharedStores } from '../helpers/shared-store.ts';

vi.mock('../../src/storage/open-store.ts', async (actual) =>
  (await import('../helpers/shared-store.ts')).sharingOpenStore(await actual()),
);

const PW = 'Cli-Secret-Password-77';
const root = mkdtempSync(join(tmpdir(), 'plateau-users-'));
const data = join(root, 'store');

/** Runs `plateau users ARGS` with PLATEAU_USER_PASSWORD set to `password` (unset when null). */
async function users(args: string[], password: string | null = PW): Promise<CliRun> {
  const saved = process.env['PLATEAU_USER_PASSWORD'];
  if (password === null) delete process.env['PLATEAU_USER_PASSWORD'];
  else process.env['PLATEAU_USER_PASSWORD'] = password;
  try {
    const r = await runCli(['users', ...args, '--data', data, '--lang', 'en']);
    expect(r.stdout + r.stderr).not.toContain(password ?? PW);
    return r;
  } finally {
    if (saved === undefined) delete process.env['PLATEAU_USER_PASSWORD'];
    else process.env['PLATEAU_USER_PASSWORD'] = saved;
  }
}

describe('plateau users', () => {
  afterEach(() => vi.restoreAllMocks());
  afterAll(async () => {
    await closeSharedStores();
    rmSync(root, { recursive: true, force: true });
  });

  it('adds users of each role and lists them', async () => {
    const admin = await users([
      'add',
      'Admin@CHU.example',
      '--role',
      'admin',
      '--name',
      'Admin CHU',
    ]);
    expect(admin.code).toBe(0);
    expect(admin.stdout).toBe('User admin@chu.example added (role admin).\n');
    expect(
      (
        await users([
          'add',
          'site@chu.example',
          '--role',
          'site',
          '--finess',
          '350000001,350000002',
        ])
      ).code,
    ).toBe(0);
    expect(
      (await users(['add', 'ars@ars.example', '--role', 'region', '--region', 'Bretagne'])).code,
    ).toBe(0);
    const table = await users(['list']);
    expect(table.code).toBe(0);
    const lines = table.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^e-mail\s+role\s+scope\s+name\s+created\s+state$/);
    expect(lines.slice(2).map((l) => l.split(/\s{2,}/).slice(0, 3))).toEqual([
      ['admin@chu.example', 'admin', 'all of France'],
      ['ars@ars.example', 'region', 'region 53'],
      ['site@chu.example', 'site', '350000001, 350000002'],
    ]);
    const json = JSON.parse((await users(['list', '--json'])).stdout) as {
      email: string;
      region: string | null;
      displayName: string | null;
    }[];
    expect(json.map((u) => [u.email, u.region, u.displayName])).toEqual([
      ['admin@chu.example', null, 'Admin CHU'],
      ['ars@ars.example', '53', null],
      ['site@chu.example', null, null],
    ]);
    expect(JSON.stringify(json)).not.toContain('scrypt');
  });

  it('refuses a bad role, a missing FINESS, a short password and a duplicate, saying why', async () => {
    const noRole = await users(['add', 'x@chu.example']);
    expect(noRole.code).toBe(2);
    expect(noRole.stderr).toMatch(/needs --role/);
    const noFiness = await users(['add', 'x@chu.example', '--role', 'site']);
    expect(noFiness.code).toBe(1);
    expect(noFiness.stderr).toMatch(/site user needs at least one FINESS/);
    const short = await users(['add', 'x@chu.example', '--role', 'national'], 'tiny-pw');
    expect(short.code).toBe(1);
    expect(short.stderr).toMatch(/too short.*12 characters/);
    const twice = await users(['add', 'ADMIN@chu.example', '--role', 'admin']);
    expect(twice.code).toBe(1);
    expect(twice.stderr).toMatch(/admin@chu.example already exists/);
    const role = await users(['add', 'x@chu.example', '--role', 'root']);
    expect(role.stderr).toMatch(/unknown role 'root'/);
    const stray = await users(['disable', 'x@chu.example', '--role', 'admin']);
    expect(stray.code).toBe(2);
  });

  it('resets a password and disables a user', async () => {
    const NEW = 'Brand-New-Password-88';
    const reset = await users(['reset', 'site@chu.example'], NEW);
    expect(reset.code).toBe(0);
    expect(reset.stdout).toMatch(/Password of site@chu.example changed/);
    const disabled = await users(['disable', 'ars@ars.example']);
    expect(disabled.code).toBe(0);
    expect((await users(['list'])).stdout).toMatch(
      /ars@ars.example\s+region.*disabled on \d{4}-\d\d-\d\d/,
    );
    const unknown = await users(['disable', 'nobody@chu.example']);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(/no user nobody@chu.example/);
    const store = await openStore({ dataDir: data });
    try {
      expect((await verifyLogin(store, 'site@chu.example', NEW))?.email).toBe('site@chu.example');
      expect(await verifyLogin(store, 'site@chu.example', PW)).toBeNull();
      expect(await verifyLogin(store, 'ars@ars.example', PW)).toBeNull();
      const audit = await store.db.query<{
        action: string;
        target: string;
        email: string;
        user_id: string | null;
      }>(`select action, target, email, user_id from audit_log order by id`);
      // Made at the console: no account, the system user named.
      expect(
        audit.every((a) => a.user_id === null && a.email === `console:${userInfo().username}`),
      ).toBe(true);
      expect(audit.map((a) => `${a.action} ${a.target}`)).toEqual([
        'user.add admin@chu.example',
        'user.add site@chu.example',
        'user.add ars@ars.example',
        'user.reset site@chu.example',
        'user.disable ars@ars.example',
      ]);
    } finally {
      await store.close();
    }
  });

  it('reads the password from the first line of stdin when PLATEAU_USER_PASSWORD is not set, and refuses an empty stdin', async () => {
    const STDIN_PW = 'From-Stdin-Password-99';
    const stdin = vi.spyOn(process, 'stdin', 'get');
    stdin.mockReturnValue(
      Readable.from([`${STDIN_PW}\nsecond line\n`]) as unknown as typeof process.stdin,
    );
    const r = await users(['reset', 'admin@chu.example'], null);
    expect(r.code).toBe(0);
    expect(r.stdout + r.stderr).not.toContain(STDIN_PW);
    stdin.mockReturnValue(Readable.from([]) as unknown as typeof process.stdin);
    const none = await users(['reset', 'admin@chu.example'], null);
    expect(none.code).toBe(1);
    expect(none.stderr).toMatch(/no password: set PLATEAU_USER_PASSWORD/);
    const store = await openStore({ dataDir: data });
    try {
      expect((await verifyLogin(store, 'admin@chu.example', STDIN_PW))?.email).toBe(
        'admin@chu.example',
      );
    } finally {
      await store.close();
    }
  });
});
