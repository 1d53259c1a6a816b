// kill -9 during an import leaves the store consistent (issue 15), on PostgreSQL (PGlite's CLI and
// server kills are test/cli/store-lock-processes.test.ts's):
// the CLI (type-stripped sources) imports a generated kit in a child process and is killed with
// SIGKILL once it reports progress; then the campaign is absent (a first import) or still the
// previous complete import (a --replace of a longer period), its fingerprint the previous kit's
// and its row counts that kit's (no partial rows), and the same import then succeeds. Likewise
// `plateau serve` in the accounts mode (PostgreSQL, a plateau_app login role) killed while a
// national user's upload is importing.
import { spawn } from 'node:child_process';
import {
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateInto, generateOptions } from '../../src/cli/commands/generate.ts';
import type { Kit } from '../../src/core/kit-types.ts';
import { readKitDir } from '../../src/ingest/kit/read-kit.ts';
import type { Store } from '../../src/storage/index.ts';
import {
  addUser,
  importKit,
  kitFingerprint,
  listCampaigns,
  loadKit,
  openStore,
} from '../../src/storage/index.ts';
import { ROOT, transpileTree } from '../helpers/transpile-tree.ts';
import type { PgPlace } from '../cli/pg-roles.ts';
import { PG_URL, pgPlace } from '../cli/pg-roles.ts';

let tmp: string;
let cli: string;
/** The kits by name: folder, read kit and fingerprint. */
const kits = new Map<string, { dir: string; kit: Kit; fingerprint: string }>();

/**
 * A generated kit: `machines` × `days` (60 × 28: about 30k exams, a few seconds to import). Its
 * fingerprint is the one an import of it stores (the stored campaign's, as read back), taken from
 * an import into a throwaway store in this process.
 */
async function makeKit(name: string, seed: number, machines: number, days: number): Promise<void> {
  const dir = join(tmp, name);
  await generateInto(
    dir,
    generateOptions({ seed: String(seed), machines: String(machines), days: String(days) }),
  );
  const read = await readKitDir(dir);
  if (!read.kit) throw new Error(`kit ${name} has errors`);
  // A folder store starts from plateau's cached empty-store template; memory:// runs an initdb.
  const scratch = await openStore({ dataDir: join(tmp, `${name}-scratch`) });
  try {
    const summary = await importKit(scratch, read.kit, { issues: read.issues });
    kits.set(name, { dir, kit: read.kit, fingerprint: summary.fingerprint });
  } finally {
    await scratch.close();
  }
}

beforeAll(async () => {
  tmp = mkdtempSync(join(tmpdir(), 'plateau-kill-import-'));
  if (!PG_URL) return;
  const code = join(tmp, 'code');
  await transpileTree(join(ROOT, 'src/cli/main.ts'), code);
  symlinkSync(join(ROOT, 'node_modules'), join(code, 'node_modules'));
  writeFileSync(
    join(code, 'package.json'),
    '{ "name": "plateau-under-test", "private": true, "type": "module" }\n',
  );
  cli = join(code, 'plateau.mjs');
  writeFileSync(
    cli,
    "import { main } from './src/cli/main.js';\nmain(process.argv.slice(2)).then((code) => { process.exitCode = code; });\n",
  );
  // Same campaign id (synthetic-41), two periods: the longer one replaces the shorter.
  await makeKit('short', 41, 60, 14);
  await makeKit('long', 41, 60, 28);
  expect(kits.get('long')!.fingerprint).not.toBe(kits.get('short')!.fingerprint);
}, 300_000);
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

interface Outcome {
  code: number | null;
  signal: NodeJS.Signals | null;
  stderr: string;
}

/**
 * Runs `plateau import`; with `killOnProgress`, sends SIGKILL once it prints a progress line of
 * the store's writing, once `writing()` (polled) says the import is writing inside its
 * transaction, or after `killAfterMs`, whichever comes first. The poll is what lands the kill
 * halfway: a progress line is printed after a second only, when a small kit's COPY may be done.
 */
function importCli(
  args: string[],
  killOnProgress: boolean,
  killAfterMs = 6000,
  writing: (() => Promise<boolean>) | null = null,
): Promise<Outcome> {
  const child = spawn(process.execPath, [cli, 'import', ...args], {
    cwd: tmp,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, PLATEAU_DATA: '', PLATEAU_DATABASE_URL: '' },
  });
  let stderr = '';
  const kill = (): void => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  };
  const timer = killOnProgress ? setTimeout(kill, killAfterMs) : null;
  child.stderr.on('data', (d: Buffer) => {
    stderr += d.toString();
    if (killOnProgress && /importing synthetic-\d+ into .* (write|load|compute|save)/.test(stderr))
      kill();
  });
  child.stdout.resume();
  if (killOnProgress && writing !== null)
    void (async () => {
      while (child.exitCode === null && child.signalCode === null) {
        if (await writing()) return kill();
        await new Promise((r) => setTimeout(r, 10));
      }
    })();
  return new Promise((resolve) =>
    child.once('exit', (code, signal) => {
      if (timer) clearTimeout(timer);
      resolve({ code, signal, stderr });
    }),
  );
}

/** The stored row counts of the tables a kit fills (one campaign per store here). */
async function counts(store: Store): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const table of [
    'campaigns',
    'establishments',
    'equipment',
    'sessions',
    'exams',
    'machine_results',
    'campaign_results',
  ]) {
    const [row] = await store.db.query<{ n: number }>(`select count(*)::int as n from ${table}`);
    out[table] = row!.n;
  }
  return out;
}

/** What a store holding exactly `kit` (and its results) counts. */
function countsOf(kit: Kit): Record<string, number> {
  return {
    campaigns: 1,
    establishments: kit.establishments.length,
    equipment: kit.equipment.length,
    sessions: kit.sessions.length,
    exams: kit.exams.length,
    machine_results: kit.equipment.length,
    campaign_results: 1,
  };
}

/** The store holds exactly the kit `name`: same fingerprint, stored and recomputed, same counts. */
async function expectHolds(open: () => Promise<Store>, name: string): Promise<void> {
  const { kit, fingerprint } = kits.get(name)!;
  const store = await open();
  try {
    expect((await listCampaigns(store)).map((c) => c.id)).toEqual([kit.campaign.id]);
    const [stored] = await store.db.query<{ f: string }>(
      'select input_fingerprint as f from campaign_results',
    );
    expect(stored!.f).toBe(fingerprint);
    expect(kitFingerprint((await loadKit(store, kit.campaign.id))!)).toBe(fingerprint);
    expect(await counts(store)).toEqual(countsOf(kit));
  } finally {
    await store.close();
  }
}

async function expectEmpty(open: () => Promise<Store>): Promise<void> {
  const store = await open();
  try {
    expect(await listCampaigns(store)).toEqual([]);
    const c = await counts(store);
    expect(
      Object.values(c).every((n) => n === 0),
      JSON.stringify(c),
    ).toBe(true);
  } finally {
    await store.close();
  }
}

interface Place {
  target: string[];
  open: () => Promise<Store>;
  /** True while another session writes inside a transaction it began earlier (a COPY or INSERT after BEGIN). */
  writing: () => Promise<boolean>;
  dispose(): Promise<void>;
}

const places: { name: string; skip: boolean; make: () => Promise<Place> }[] = [
  {
    name: 'PostgreSQL',
    skip: !PG_URL,
    make: async () => {
      const pgp: PgPlace = await pgPlace(PG_URL!);
      const watcher = new pg.Client({ connectionString: pgp.ownerUrl });
      await watcher.connect();
      return {
        target: ['--database-url', pgp.ownerUrl],
        open: () => openStore({ url: pgp.ownerUrl }),
        writing: async () => {
          const { rows } = await watcher.query<{ n: number }>(
            `select count(*)::int as n from pg_stat_activity
             where datname = current_database() and pid <> pg_backend_pid()
               and xact_start < query_start and query ~* '^\\s*(copy|insert)'`,
          );
          return (rows[0]?.n ?? 0) > 0;
        },
        dispose: async () => {
          await watcher.end();
          await pgp.dispose();
        },
      };
    },
  },
];

describe.each(places)('kill -9 during plateau import, $name', ({ skip, make }) => {
  it.skipIf(skip)(
    'leaves no campaign after a killed first import, the previous import after a killed replace, and imports again',
    async () => {
      const place = await make();
      try {
        // A first import killed halfway: nothing of it is stored.
        const first = await importCli(
          [kits.get('long')!.dir, ...place.target],
          true,
          6000,
          place.writing,
        );
        expect(first.signal, first.stderr).toBe('SIGKILL');
        await expectEmpty(place.open);

        // A complete import, then a --replace of a longer period killed halfway.
        const done = await importCli([kits.get('short')!.dir, ...place.target], false);
        expect(done.code, done.stderr).toBe(0);
        await expectHolds(place.open, 'short');
        const replace = await importCli(
          [kits.get('long')!.dir, '--replace', ...place.target],
          true,
          6000,
          place.writing,
        );
        expect(replace.signal, replace.stderr).toBe('SIGKILL');
        await expectHolds(place.open, 'short');

        // The same import, not killed, succeeds.
        const again = await importCli([kits.get('long')!.dir, '--replace', ...place.target], false);
        expect(again.code, again.stderr).toBe(0);
        await expectHolds(place.open, 'long');
      } finally {
        await place.dispose();
      }
    },
    600_000,
  );
});

/** A free loopback port. */
async function freePort(): Promise<number> {
  const server = createServer().listen(0, '127.0.0.1');
  await new Promise((r) => server.once('listening', r));
  const port = (server.address() as { port: number }).port;
  await new Promise((r) => server.close(r));
  return port;
}

/** `plateau serve --database-url URL` in a child process, once /api/health answers. */
async function serveChild(
  url: string,
): Promise<{ base: string; kill: () => Promise<void>; stop: () => Promise<void> }> {
  const port = await freePort();
  const child = spawn(process.execPath, [cli, 'serve', '--port', String(port)], {
    cwd: tmp,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, PLATEAU_DATA: '', PLATEAU_DATABASE_URL: url },
  });
  let output = '';
  child.stdout.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr.on('data', (d: Buffer) => (output += d.toString()));
  const exited = new Promise((r) => child.once('exit', r));
  const base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 120_000;
  while (
    !(await fetch(`${base}/api/health`)
      .then((r) => r.ok)
      .catch(() => false))
  ) {
    if (child.exitCode !== null || Date.now() > deadline)
      throw new Error(`serve did not start:\n${output}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    base,
    kill: async () => {
      child.kill('SIGKILL');
      await exited;
    },
    stop: async () => {
      child.kill('SIGTERM');
      await exited;
    },
  };
}

/** Logs in and uploads the kit folder `dir` (its files as `files` fields); returns the job's address. */
async function upload(
  base: string,
  email: string,
  password: string,
  dir: string,
): Promise<{ job: string; headers: Record<string, string> }> {
  const login = await fetch(`${base}/api/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  expect(login.status).toBe(200);
  const csrf = ((await login.json()) as { csrf: string }).csrf;
  const headers = {
    cookie: login.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; '),
    'x-csrf-token': csrf,
  };
  const form = new FormData();
  for (const name of readdirSync(dir))
    form.append('files', new Blob([readFileSync(join(dir, name))]), `kit/${name}`);
  const sent = await fetch(`${base}/api/uploads?replace=1`, {
    method: 'POST',
    headers,
    body: form,
  });
  expect(sent.status, await sent.clone().text()).toBe(202);
  return { job: `${base}${sent.headers.get('location')}`, headers };
}

async function jobState(job: string, headers: Record<string, string>): Promise<string> {
  const status = (await (await fetch(job, { headers })).json()) as { state: string };
  // A failed or rejected job says why in the assertion message.
  return ['failed', 'rejected'].includes(status.state)
    ? `${status.state}: ${JSON.stringify(status).slice(0, 1500)}`
    : status.state;
}

describe.skipIf(!PG_URL)(
  'kill -9 of plateau serve during an upload import, PostgreSQL accounts mode',
  () => {
    it('leaves the previous import whole, and the same upload then succeeds', async () => {
      const place = await pgPlace(PG_URL!);
      try {
        const password = 'national password for the test';
        const owner = await openStore({ url: place.ownerUrl });
        try {
          const read = await readKitDir(kits.get('short')!.dir);
          await importKit(owner, read.kit as Kit, { issues: read.issues });
          await addUser(
            owner,
            { email: 'national@test.example', role: 'national', password },
            { scrypt: { N: 2 ** 10, r: 8, p: 1 } },
          );
        } finally {
          await owner.close();
        }
        const open = (): Promise<Store> => openStore({ url: place.ownerUrl });
        await expectHolds(open, 'short');
        const app = await place.loginRole();

        let server = await serveChild(app);
        let sent = await upload(
          server.base,
          'national@test.example',
          password,
          kits.get('long')!.dir,
        );
        const deadline = Date.now() + 120_000;
        let state = await jobState(sent.job, sent.headers);
        while (state !== 'importing') {
          if (!['validating', 'queued'].includes(state))
            throw new Error(`the upload did not import: ${state}`);
          if (Date.now() > deadline)
            throw new Error(`the upload never reached importing (${state})`);
          await new Promise((r) => setTimeout(r, 50));
          state = await jobState(sent.job, sent.headers);
        }
        await new Promise((r) => setTimeout(r, 300));
        await server.kill();
        await expectHolds(open, 'short');

        server = await serveChild(app);
        try {
          sent = await upload(
            server.base,
            'national@test.example',
            password,
            kits.get('long')!.dir,
          );
          for (;;) {
            state = await jobState(sent.job, sent.headers);
            if (state === 'done') break;
            if (!['validating', 'queued', 'importing'].includes(state))
              throw new Error(`the upload did not import: ${state}`);
            if (Date.now() > deadline + 300_000)
              throw new Error('the second upload did not finish');
            await new Promise((r) => setTimeout(r, 200));
          }
        } finally {
          await server.stop();
        }
        await expectHolds(open, 'long');
      } finally {
        await place.dispose();
      }
    }, 600_000);
  },
);
