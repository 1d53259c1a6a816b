// One writer per embedded store, with real processes: the CLI (the TypeScript sources,
// type-stripped into a temporary folder) runs as child processes on one data folder. A CLI import
// (a kit, or a register alone) while `plateau serve` holds the folder is handed to the server; a second CLI is refused with a
// message naming the holder; processes killed with SIGKILL at any moment leave a store that
// opens, whose lock is free, holding every acknowledged import whole and any other whole or not
// at all.
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  watch,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateInto, generateOptions } from '../../src/cli/commands/generate.ts';
import { readKitDir } from '../../src/ingest/kit/read-kit.ts';
import type { Kit } from '../../src/core/kit-types.ts';
import {
  describeHolder,
  importKit,
  LOCK_FILE,
  listCampaigns,
  loadRegister,
  openStore,
  storeHolder,
} from '../../src/storage/index.ts';
import { runCli } from '../helpers/run-cli.ts';
import { ROOT, transpileTree } from '../helpers/transpile-tree.ts';

let tmp: string;
let cli: string;
/** The record counts of each kit, by campaign id. */
const expected = new Map<string, Counts>();

interface Counts {
  establishments: number;
  equipment: number;
  sessions: number;
  exams: number;
}

/** A small generated kit (3 machines, 7 days, about 400 exams) with campaign id `synthetic-SEED`. */
async function kit(seed: number, machines = 3, days = 7): Promise<string> {
  const dir = join(tmp, `kit-${seed}`);
  await generateInto(
    dir,
    generateOptions({ seed: String(seed), machines: String(machines), days: String(days) }),
  );
  const read = await readKitDir(dir);
  if (!read.kit) throw new Error(`kit ${seed} has errors`);
  const k = read.kit;
  expected.set(k.campaign.id, {
    establishments: k.establishments.length,
    equipment: k.equipment.length,
    sessions: k.sessions.length,
    exams: k.exams.length,
  });
  return dir;
}

beforeAll(async () => {
  tmp = mkdtempSync(join(tmpdir(), 'plateau-store-lock-'));
  const code = join(tmp, 'code');
  await transpileTree(join(ROOT, 'src/cli/main.ts'), code);
  // The packages, and a package.json so that the PGlite template cache is found as usual.
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
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

interface Child {
  child: ChildProcess;
  out: { stdout: string; stderr: string };
  exited: Promise<number | null>;
}

function start(args: string[]): Child {
  const child = spawn(process.execPath, [cli, ...args], {
    cwd: tmp,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, PLATEAU_DATA: '', PLATEAU_DATABASE_URL: '' },
  });
  const out = { stdout: '', stderr: '' };
  child.stdout?.on('data', (d: Buffer) => (out.stdout += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (out.stderr += d.toString()));
  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', (code) => resolve(code)),
  );
  return { child, out, exited };
}

async function run(
  args: string[],
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const c = start(args);
  const code = await c.exited;
  return { code, ...c.out };
}

async function until(
  what: string,
  test: () => boolean | Promise<boolean>,
  ms = 120_000,
): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await test())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(20);
  }
}

/** Starts `plateau serve` on `data` and waits for its URL. */
async function serve(data: string): Promise<Child & { url: string }> {
  const server = start(['serve', '--port', '0', '--data', data]);
  let url = '';
  await until('the server', () => {
    const m = /serving \d+ campaigns? at (http:\/\/\S+\/)/.exec(server.out.stdout);
    if (m) url = m[1] as string;
    return m !== null || server.child.exitCode !== null;
  });
  if (!url) throw new Error(`serve did not start: ${server.out.stderr}`);
  return { ...server, url };
}

/** The campaigns stored in `data`, opened in this process (which must be able to take the lock). */
async function stored(data: string): Promise<Map<string, Counts & { hasResults: boolean }>> {
  const store = await openStore({ dataDir: data, create: false });
  try {
    const list = await listCampaigns(store);
    return new Map(
      list.map((c) => [
        c.id,
        {
          establishments: c.establishments,
          equipment: c.equipment,
          sessions: c.sessions,
          exams: c.exams,
          hasResults: c.hasResults,
        },
      ]),
    );
  } finally {
    await store.close();
  }
}

/** Every acknowledged campaign whole; any other one whole or absent. */
function expectWhole(
  campaigns: Map<string, Counts & { hasResults: boolean }>,
  acknowledged: readonly string[],
  others: readonly string[] = [],
): void {
  for (const id of acknowledged)
    expect(campaigns.get(id), id).toEqual({ ...expected.get(id), hasResults: true });
  for (const id of others)
    if (campaigns.has(id))
      expect(campaigns.get(id), id).toEqual({ ...expected.get(id), hasResults: true });
  expect(
    [...campaigns.keys()].filter((id) => !acknowledged.includes(id) && !others.includes(id)),
  ).toEqual([]);
}

/** The process named in `plateau.lock`, if any. */
function lockFilePid(data: string): number | null {
  const path = join(data, LOCK_FILE);
  return existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as { pid: number }).pid : null;
}

/** Imports the kit folder `dir` in this process (the store free), as an acknowledged import. */
async function importHere(data: string, dir: string): Promise<void> {
  const read = await readKitDir(dir);
  const store = await openStore({ dataDir: data });
  try {
    await importKit(store, read.kit as Kit);
  } finally {
    await store.close();
  }
}

/** Uploads the kit folder `dir` to the server at `url` (as the web app does) and returns its job's status URL. */
async function upload(url: string, dir: string): Promise<URL> {
  const form = new FormData();
  for (const name of readdirSync(dir))
    if (/\.(csv|json)$/.test(name))
      form.append('files', new Blob([readFileSync(join(dir, name))]), `kit/${name}`);
  const response = await fetch(new URL('api/uploads', url), { method: 'POST', body: form });
  expect(response.status).toBe(202);
  return new URL(response.headers.get('location') ?? '', url);
}

/** Resolves at the first change inside the folder `dir`. */
function firstWrite(dir: string): Promise<void> {
  return new Promise((resolve) => {
    const watcher = watch(dir, () => {
      watcher.close();
      resolve();
    });
  });
}

async function uploadState(job: URL): Promise<string> {
  return ((await (await fetch(job)).json()) as { state: string }).state;
}

describe('two processes on one data folder', { timeout: 240_000 }, () => {
  it('hands a CLI import to the server holding the store; both imports are there once it stops', async () => {
    const data = join(tmp, 'handoff');
    await importHere(data, await kit(1));
    const server = await serve(data);
    try {
      const holder = await storeHolder(data);
      expect(holder).toMatchObject({
        pid: server.child.pid,
        command: 'plateau serve',
        url: server.url,
      });
      const handed = await run(['import', await kit(2), '--data', data]);
      expect(handed.stderr).toContain(`held by plateau serve (pid ${server.child.pid}`);
      // Said as a local import says it: the campaign, then rows added, changed, removed per table.
      expect(handed.stdout).toMatch(
        new RegExp(
          `^Campaign synthetic-2: stored \\(new campaign\\) \\(through plateau serve \\(pid ${server.child.pid}, .*\\)\\)\n(  .*\n){6}$`,
        ),
      );
      expect(handed.stdout).toContain(
        `  equipment       3 added, 0 changed, 0 removed, 0 unchanged\n`,
      );
      expect(handed.code).toBe(0);
      // --replace goes with it: the same campaign over a longer period replaces the stored one.
      const longer = join(tmp, 'kit-2-longer');
      cpSync(join(tmp, 'kit-2'), longer, { recursive: true });
      const campaign = JSON.parse(readFileSync(join(longer, 'campaign.json'), 'utf8')) as {
        days: number;
      };
      writeFileSync(
        join(longer, 'campaign.json'),
        JSON.stringify({ ...campaign, days: campaign.days + 1 }),
      );
      const replaced = await run(['import', longer, '--replace', '--data', data]);
      expect(replaced.stdout).toMatch(
        /^Campaign synthetic-2: replaced the campaign stored over another period by this kit's \(through plateau serve \(pid \d+/,
      );
      expect(replaced.code).toBe(0);
      // A register alone goes to POST /api/campaigns/:id/register: refused there, located, nothing stored…
      const fleet = join(tmp, 'fleet.csv');
      writeFileSync(
        fleet,
        'finess,department,modality,sector,equipment_id\n590000001,59,CT,hospital,NOPE\n',
      );
      const badRegister = await run(['import', fleet, '--campaign', 'synthetic-2', '--data', data]);
      expect(badRegister.stderr).toContain(
        'fleet.csv:2:equipment_id error: equipment_id NOPE is not a machine of the stored campaign synthetic-2',
      );
      expect(badRegister.stderr).toContain(
        'the equipment register has errors (listed above); nothing was stored',
      );
      expect(badRegister.code).toBe(1);
      // …and two FINESS extractions given apart are sent as one, their issues located in each file, once.
      const establishments = join(tmp, 'etalab-cs1100507.csv');
      writeFileSync(
        establishments,
        `finess;etalab;111;2026-05-12\nstructureet;590000011;590780011;CH;CH DE VALMONT;;;12;AV;LECLERC;;;606;59;NORD;59300 VALMONT;;;355;C.H.;1102;C.H.;;8610Z;03;;1;;1970-01-01;1970-01-01;2025-03-02;`,
      );
      const ct =
        'equipmateriellourd;590780011;CH;05602;Scanographe;590001001;32-00-001;32-00-001;2004-11-02;590000011;2005-03-15';
      const equipmentFile = join(tmp, 'etalab_cs1100504.csv');
      writeFileSync(equipmentFile, `finess;etalab;111;2026-05-12\n${ct}\n${ct}\n`);
      const finess = await run([
        'import',
        establishments,
        equipmentFile,
        '--campaign',
        'synthetic-2',
        '--data',
        data,
      ]);
      // The kit's register (the whole generated fleet) is replaced by the one CT of the extractions.
      const kitRegister =
        readFileSync(join(longer, 'equipment-register.csv'), 'utf8').trim().split('\n').length - 1;
      expect(kitRegister).toBeGreaterThan(100);
      expect(finess.stdout).toBe(
        `Campaign synthetic-2: equipment register stored from ${establishments} ${equipmentFile} (through ${describeHolder((await storeHolder(data))!)})\n  register        1 added, ${kitRegister} removed, 0 unchanged\n`,
      );
      expect(finess.stderr.match(/etalab_cs1100504\.csv:3\b.*repeats line 2/g)).toHaveLength(1);
      expect(finess.stderr).not.toContain('finess-extractions.csv'); // the joined body's name never shows
      expect(finess.code).toBe(0);
      const refused = await runCli(['indicators', '--data', data]);
      expect(refused.code).toBe(1);
      expect(refused.stderr).toContain(`is in use by plateau serve (pid ${server.child.pid}`);
      expect(refused.stderr).toContain(`use its web app at ${server.url}`);
    } finally {
      server.child.kill('SIGTERM');
    }
    expect(await server.exited).toBe(0);
    expect(existsSync(join(data, LOCK_FILE))).toBe(false);
    expectWhole(await stored(data), ['synthetic-1', 'synthetic-2']);
    const store = await openStore({ dataDir: data, create: false });
    try {
      expect(
        (await loadRegister(store.db, 'synthetic-2'))?.map(
          (m) => `${m.finess} ${m.modality} ${m.installedYear}`,
        ),
      ).toEqual(['590000011 CT 2005']);
    } finally {
      await store.close();
    }
  });

  it('refuses a second CLI import while another holds the store, naming it; the store stays whole', async () => {
    const data = join(tmp, 'two-cli');
    // Two small kits: the first import is frozen while it holds the store, so its size does not
    // decide whether the second one finds it there (a big first kit only made it longer to finish).
    const [firstKit, secondKit] = [await kit(3), await kit(4)];
    const first = start(['import', firstKit, '--data', data]);
    await until('the first import to hold the store', () => lockFilePid(data) === first.child.pid);
    // Frozen while it holds the store, so that a fast machine cannot finish it before the second
    // one starts: a stopped holder keeps its lock and is named by its lock file.
    first.child.kill('SIGSTOP');
    let second: Awaited<ReturnType<typeof run>>;
    try {
      second = await run(['import', secondKit, '--data', data]);
      expect(first.child.exitCode).toBeNull(); // still holding it: the refusal was not a race
    } finally {
      first.child.kill('SIGCONT');
    }
    expect(second.code).toBe(1);
    expect(second.stderr).toContain(`is in use by plateau import (pid ${first.child.pid}`);
    expect(second.stderr).toContain('wait for it to finish');
    expect(second.stdout).toBe('');
    expect(await first.exited).toBe(0);
    expectWhole(await stored(data), ['synthetic-3']);
  });

  it('leaves a store that opens, whole, when a CLI import is killed at any moment (and its lock does not block)', async () => {
    const data = join(tmp, 'killed-cli');
    const acknowledged: string[] = [];
    const killed: string[] = [];
    // Killed while the folder is being created, then while it opens, writes and commits.
    for (const [i, delay] of [0, 500, 1500].entries()) {
      const id = `synthetic-${50 + i}`;
      const c = start(['import', await kit(50 + i, 10, 14), '--data', data]);
      await until(
        'the import to hold the store',
        () => lockFilePid(data) === c.child.pid || c.child.exitCode !== null,
      );
      await sleep(delay);
      c.child.kill('SIGKILL');
      if ((await c.exited) === 0) acknowledged.push(id);
      else killed.push(id);
      // The lock file it left names a dead process, and blocks nobody.
      expect(await storeHolder(data)).toBeNull();
      if (i === 0) {
        await importHere(data, await kit(5));
        acknowledged.push('synthetic-5');
      }
      expectWhole(await stored(data), acknowledged, killed);
    }
    expect(killed.length).toBeGreaterThan(0);
  });

  it('leaves a store that opens, whole, when the server is killed while it imports an upload', async () => {
    const data = join(tmp, 'killed-server');
    const server = await serve(data);
    const done = await upload(server.url, await kit(7));
    await until('the first upload', async () => (await uploadState(done)) === 'done');
    // Killed at its first write to the write-ahead log after the upload was taken: the server
    // writes nothing else meanwhile, so this is the import under way (or committing).
    const writing = firstWrite(join(data, 'pg_wal'));
    await upload(server.url, await kit(8, 20, 28));
    await writing;
    server.child.kill('SIGKILL');
    await server.exited;
    expect(await storeHolder(data)).toBeNull();
    expect(lockFilePid(data)).toBe(server.child.pid); // left behind, stale
    expectWhole(await stored(data), ['synthetic-7'], ['synthetic-8']);
  });
});
