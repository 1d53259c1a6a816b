// `plateau serve`'s two modes (issue 15): the embedded store is refused beyond loopback (it has no
// login); PostgreSQL is served only as a login role of plateau_app that neither owns the tables,
// nor is a superuser, nor bypasses row-level security, on a schema the owner migrated
// (`plateau migrate`). Each refusal says why and what to do; the accepted start serves.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serve } from '../../src/cli/commands/serve.ts';
import { MIGRATIONS } from '../../src/storage/migrations/index.ts';
import { captureOutput, runCli } from '../helpers/run-cli.ts';
import type { PgPlace } from './pg-roles.ts';
import { PG_URL, pgPlace } from './pg-roles.ts';

describe('plateau serve over the embedded store (local mode)', () => {
  it.each([
    [['--host', '0.0.0.0'], 'refusing --host 0.0.0.0'],
    [['--host', '::'], 'refusing --host ::'],
    [['--host', '10.0.0.5'], 'refusing --host 10.0.0.5'],
    [['--public-host', 'plateau.chu-exemple.fr'], 'refusing --public-host'],
    [['--trust-proxy'], 'refusing --trust-proxy'],
  ])(
    'refuses %j as a usage error, saying why and to use PostgreSQL with accounts',
    async (args, first) => {
      const run = await runCli(['serve', '--port', '0', '--data', 'memory://', ...args]);
      expect(run.code).toBe(2);
      expect(run.stderr).toContain(first);
      expect(run.stderr).toContain('without login');
      expect(run.stderr).toContain('plateau serve --database-url postgres://');
      expect(run.stdout).not.toContain('plateau is serving');
    },
  );

  it('still serves on loopback, with the usage naming both modes', async () => {
    let stop!: () => void;
    const stopped = new Promise<void>((resolve) => (stop = resolve));
    const io = captureOutput();
    try {
      const running = serve(
        { port: '0', host: 'localhost', data: 'memory://' },
        { until: () => stopped, webRoot: '/nonexistent' },
      );
      const deadline = Date.now() + 60_000;
      while (!/plateau is serving 0 campaigns at /.test(io.out.stdout)) {
        if (Date.now() > deadline) throw new Error(io.out.stderr);
        await new Promise((r) => setTimeout(r, 20));
      }
      stop();
      expect(await running).toBe(0);
    } finally {
      io.restore();
    }
    const help = await runCli(['serve', '--help']);
    expect(help.stdout).toMatch(
      /local \(the embedded store[\s\S]*accounts \(--database-url, always\)[\s\S]*--trust-proxy/,
    );
  });
});

describe.skipIf(!PG_URL)('plateau serve over PostgreSQL (accounts mode)', () => {
  let place: PgPlace;
  let fresh: PgPlace;
  beforeAll(async () => {
    place = await pgPlace(PG_URL!);
    fresh = await pgPlace(PG_URL!, { migrated: false });
  }, 120_000);
  afterAll(async () => {
    await place?.dispose();
    await fresh?.dispose();
  });

  const refused = async (url: string, reason: string): Promise<string> => {
    const run = await runCli(['serve', '--port', '0', '--database-url', url]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(reason);
    expect(run.stdout).not.toContain('plateau is serving');
    return run.stderr;
  };

  it('refuses the owner of the tables, giving the SQL that makes a login role of plateau_app', async () => {
    const stderr = await refused(place.ownerUrl, "which owns plateau's tables");
    expect(stderr).toContain("create role plateau_web login password '…' in role plateau_app;");
    expect(stderr).toContain(
      `plateau serve --database-url postgres://plateau_web:…@127.0.0.1:${new URL(PG_URL!).port}/${place.name}`,
    );
    // The password of the URL is never printed.
    expect(stderr).not.toContain(`:${new URL(PG_URL!).password}@`);
  });

  it('refuses a superuser', async () => {
    await refused(place.superUrl, 'which is a superuser');
  });

  it('refuses a role that bypasses row-level security, even in plateau_app', async () => {
    await refused(
      await place.loginRole({ bypassRls: true }),
      'which bypasses row-level security (BYPASSRLS)',
    );
  });

  it('refuses a login role outside plateau_app', async () => {
    await refused(await place.loginRole({ inApp: false }), 'which is not a member of plateau_app');
  });

  it('refuses a schema behind this plateau, saying the owner runs plateau migrate; plateau migrate then brings it up to date', async () => {
    const app = await fresh.loginRole();
    const stderr = await refused(app, "the database's schema is behind this plateau");
    expect(stderr).toContain(
      `migrations ${MIGRATIONS.map((m) => m.version).join(', ')} not applied`,
    );
    expect(stderr).toContain("run 'plateau migrate --database-url OWNER_URL'");
    // The app role may not migrate it itself.
    const denied = await runCli(['migrate', '--database-url', app]);
    expect(denied.code).toBe(1);
    expect(denied.stderr).toContain('may not change the schema');
    const applied = await runCli(['migrate', '--database-url', fresh.ownerUrl]);
    expect(applied.code).toBe(0);
    expect(applied.stdout).toContain(
      `applied migrations ${MIGRATIONS.map((m) => m.version).join(', ')} to postgres://`,
    );
    const again = await runCli(['migrate', '--database-url', fresh.ownerUrl]);
    expect(again.stdout).toContain('is up to date');
  }, 60_000);

  it('refuses --demo-if-empty (the app role does not import)', async () => {
    const run = await runCli(['serve', '--database-url', place.ownerUrl, '--demo-if-empty']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('plateau demo --database-url OWNER_URL');
  });

  // The app role reads the schema's version through migration 0008's grants to plateau_app.
  it.skipIf(!MIGRATIONS.some((m) => m.version === 8))(
    'serves as a login role of plateau_app, behind a proxy, with login required',
    async () => {
      const app = await place.loginRole();
      let stop!: () => void;
      const stopped = new Promise<void>((resolve) => (stop = resolve));
      const io = captureOutput();
      try {
        const running = serve(
          { port: '0', 'database-url': app, 'trust-proxy': true },
          { until: () => stopped, webRoot: '/nonexistent' },
        );
        const deadline = Date.now() + 60_000;
        let m: RegExpExecArray | null;
        while (
          !(m =
            /plateau is serving the observatory \(accounts: login required\) from postgres:\/\/\S+ at (http:\/\/127\.0\.0\.1:\d+\/)/.exec(
              io.out.stdout,
            ))
        ) {
          if (Date.now() > deadline || io.out.stderr.includes('plateau:'))
            throw new Error(io.out.stderr);
          await new Promise((r) => setTimeout(r, 20));
        }
        const url = m[1]!;
        expect(io.out.stdout).not.toContain(new URL(app).password);
        expect((await fetch(`${url}api/health`)).status).toBe(200);
        // Every other API route needs a session (helper C's accounts mode).
        expect((await fetch(`${url}api/campaigns`)).status).toBe(401);
        stop();
        expect(await running).toBe(0);
      } finally {
        io.restore();
      }
    },
    60_000,
  );
});
