// `plateau serve --host 0.0.0.0` says at start which names it answers to; --public-host adds
// names (checked); requests addressed to other names are refused on the real socket. Both are the
// accounts mode's (PostgreSQL, as a login role of plateau_app: the embedded store is served on
// loopback only, test/cli/serve-modes.test.ts); the refusals of bad names need no store.
import { request as httpRequest } from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { serve } from '../../src/cli/commands/serve.ts';
import type { OptionValues } from '../../src/cli/command.ts';
import { captureOutput, runCli } from '../helpers/run-cli.ts';
import { closeSharedStores } from '../helpers/shared-store.ts';
import { PG_URL, pgPlace } from '../cli/pg-roles.ts';
import type { PgPlace } from '../cli/pg-roles.ts';

vi.mock('../../src/storage/open-store.ts', async (actual) =>
  (await import('../helpers/shared-store.ts')).sharingOpenStore(await actual()),
);

const tmp = mkdtempSync(join(tmpdir(), 'plateau-serve-hosts-'));
afterAll(async () => {
  await closeSharedStores();
  rmSync(tmp, { recursive: true, force: true });
});

function status(port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      { host: '127.0.0.1', port, path: '/api/health', headers: { Host: host } },
      (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      },
    );
    req.on('error', reject);
    req.end();
  });
}

/** Serves with `values` until the returned stop is called; resolves the port once serving. */
async function serving(
  values: OptionValues,
  appUrl: string,
): Promise<{ port: number; out: { stdout: string; stderr: string }; stop: () => Promise<number> }> {
  let release!: () => void;
  const stopped = new Promise<void>((resolve) => (release = resolve));
  const io = captureOutput();
  const running = serve(
    { port: '0', 'database-url': appUrl, ...values },
    { until: () => stopped, webRoot: join(tmp, 'no-web') },
  );
  const deadline = Date.now() + 60_000;
  try {
    for (;;) {
      const m = /plateau is serving .* at http:\/\/[^:]+:(\d+)\//.exec(io.out.stdout);
      if (m) {
        return {
          port: Number(m[1]),
          out: io.out,
          stop: async () => {
            release();
            try {
              return await running;
            } finally {
              io.restore();
            }
          },
        };
      }
      if (Date.now() > deadline) throw new Error(`serve did not start:\n${io.out.stderr}`);
      await new Promise((r) => setTimeout(r, 20));
    }
  } catch (error) {
    io.restore();
    throw error;
  }
}

describe.skipIf(!PG_URL)('plateau serve and host names (accounts mode)', () => {
  let place: PgPlace;
  let app: string;
  beforeAll(async () => {
    place = await pgPlace(PG_URL!);
    app = await place.loginRole();
  }, 120_000);
  afterAll(async () => place?.dispose());

  it('on 0.0.0.0 without --public-host, says which names it answers to, and refuses others', async () => {
    const run = await serving({ host: '0.0.0.0' }, app);
    try {
      expect(run.out.stderr).toContain(
        `answering only requests addressed to 127.0.0.1:${run.port}, localhost:${run.port}, [::1]:${run.port}: add --public-host NAME`,
      );
      expect(await status(run.port, `127.0.0.1:${run.port}`)).toBe(200);
      expect(await status(run.port, `attacker.example:${run.port}`)).toBe(421);
      expect(await status(run.port, `plateau.chu-exemple.fr:${run.port}`)).toBe(421);
    } finally {
      expect(await run.stop()).toBe(0);
    }
  });

  it('answers the names given with --public-host', async () => {
    const run = await serving({ 'public-host': ['plateau.chu-exemple.fr', '10.0.0.5:8443'] }, app);
    try {
      expect(run.out.stderr).not.toContain('--public-host');
      expect(await status(run.port, 'plateau.chu-exemple.fr')).toBe(200);
      expect(await status(run.port, '10.0.0.5:8443')).toBe(200);
      expect(await status(run.port, '10.0.0.5:9000')).toBe(421);
    } finally {
      expect(await run.stop()).toBe(0);
    }
  });
});

describe('plateau serve and host names', () => {
  it('refuses a --public-host that is not a host name, and quota flags without an inbox', async () => {
    const bad = await runCli([
      'serve',
      '--public-host',
      'https://plateau.chu-exemple.fr',
      '--data',
      'memory://',
    ]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain(
      '--public-host "https://plateau.chu-exemple.fr" is not a host name',
    );
    const quota = await runCli(['serve', '--fhir-inbox-max-mib', '5', '--data', 'memory://']);
    expect(quota.code).toBe(2);
    expect(quota.stderr).toContain('go with --fhir-inbox DIR');
    expect((await runCli(['serve', '--help'])).stdout).toMatch(
      /--public-host NAME[\s\S]*--fhir-inbox-max-mib N[\s\S]*--fhir-inbox-max-files N/,
    );
  });
});
