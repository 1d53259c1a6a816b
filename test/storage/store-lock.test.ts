// The data folder's lock: one holder at a time, who it is, released on close, never left stuck by
// a process killed with SIGKILL (a real child process); the lock-file fallback used off Linux;
// folders without a store refused when only reading; an interrupted creation started again.
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  LOCK_FILE,
  listCampaigns,
  lockStore,
  openStore,
  StoreError,
  storeHolder,
} from '../../src/storage/index.ts';
import type { StoreLock } from '../../src/storage/index.ts';
import { ROOT, transpileTree } from '../ingest/sources/mllp/transpile-tree.ts';

let tmp: string;

beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), 'plateau-lock-'));
  transpileTree(join(ROOT, 'src/storage/store-lock.ts'), join(tmp, 'code'));
  writeFileSync(join(tmp, 'code/package.json'), '{ "type": "module" }\n');
  writeFileSync(
    join(tmp, 'code/holder.mjs'),
    "import { lockStore } from './src/storage/store-lock.js';\n" +
      "const lock = await lockStore(process.argv[2], { command: 'plateau holder', method: process.argv[3] });\n" +
      "lock.announce({ url: 'http://127.0.0.1:4317/' });\n" +
      "process.stdout.write('LOCKED\\n');\n" +
      'setInterval(() => undefined, 1000);\n',
  );
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function folder(name: string): string {
  const dir = join(tmp, name);
  mkdirSync(dir, { recursive: true });
  return dir;
}

/** A child process holding the lock of `dir` until killed. */
function holder(dir: string, method: 'socket' | 'file'): Promise<ChildProcess> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(tmp, 'code/holder.mjs'), dir, method], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let err = '';
    child.stdout?.on('data', (d: Buffer) => d.toString().includes('LOCKED') && resolve(child));
    child.stderr?.on('data', (d: Buffer) => (err += d.toString()));
    child.on('exit', (code) => reject(new Error(`the holder exited (${code}): ${err}`)));
  });
}

async function killed(child: ChildProcess): Promise<void> {
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGKILL');
  await exited;
}

async function lockedBy(dir: string, method: 'socket' | 'file'): Promise<StoreError> {
  const error = await lockStore(dir, { method }).then(
    async (lock) => {
      await lock.release();
      throw new Error('the lock was taken twice');
    },
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(StoreError);
  return error as StoreError;
}

describe.each(['socket', 'file'] as const)('the store lock (%s)', (method) => {
  it('has one holder, says who it is, and is free again once released', async () => {
    const dir = folder(`one-${method}`);
    const lock = await lockStore(dir, { command: 'plateau serve', method });
    lock.announce({ url: 'http://127.0.0.1:4317/' });
    const error = await lockedBy(dir, method);
    expect(error.code).toBe('locked');
    expect(error.holder).toMatchObject({
      pid: process.pid,
      command: 'plateau serve',
      hostname: hostname(),
      url: 'http://127.0.0.1:4317/',
    });
    expect(error.message).toMatch(
      new RegExp(
        `^the data folder ${dir} is in use by plateau serve \\(pid ${process.pid}, since \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d UTC, at http://127\\.0\\.0\\.1:4317/\\)$`,
      ),
    );
    expect(await storeHolder(dir, { method })).toMatchObject({
      pid: process.pid,
      url: 'http://127.0.0.1:4317/',
    });
    expect(JSON.parse(readFileSync(join(dir, LOCK_FILE), 'utf8'))).toMatchObject({
      pid: process.pid,
      command: 'plateau serve',
    });
    await lock.release();
    await lock.release();
    expect(existsSync(join(dir, LOCK_FILE))).toBe(false);
    expect(await storeHolder(dir, { method })).toBeNull();
    await (await lockStore(dir, { method })).release();
    expect(readdirSync(dir)).toEqual([]);
  });

  it('is not left stuck by a holder killed with SIGKILL', async () => {
    const dir = folder(`killed-${method}`);
    const child = await holder(dir, method);
    expect(await storeHolder(dir, { method })).toMatchObject({
      pid: child.pid,
      command: 'plateau holder',
      url: 'http://127.0.0.1:4317/',
    });
    expect((await lockedBy(dir, method)).message).toContain(
      `in use by plateau holder (pid ${child.pid}`,
    );
    await killed(child);
    // Its file is left behind, naming a process that is gone: it blocks nobody.
    expect(JSON.parse(readFileSync(join(dir, LOCK_FILE), 'utf8'))).toMatchObject({
      pid: child.pid,
    });
    expect(await storeHolder(dir, { method })).toBeNull();
    const lock: StoreLock = await lockStore(dir, { method });
    expect(lock.holder.pid).toBe(process.pid);
    expect(JSON.parse(readFileSync(join(dir, LOCK_FILE), 'utf8'))).toMatchObject({
      pid: process.pid,
    });
    await lock.release();
  });
});

describe('the lock file fallback', () => {
  it('is not taken over from a live process, nor from another machine', async () => {
    const dir = folder('file-live');
    const live = {
      pid: process.ppid,
      command: 'plateau import',
      since: '2026-03-02T09:14:00.000Z',
      hostname: hostname(),
    };
    writeFileSync(join(dir, LOCK_FILE), JSON.stringify(live));
    expect((await lockedBy(dir, 'file')).holder).toEqual(live);
    const remote = { ...live, pid: 999_999_999, hostname: 'another-host' };
    writeFileSync(join(dir, LOCK_FILE), JSON.stringify(remote));
    expect((await lockedBy(dir, 'file')).message).toContain(
      'plateau import (pid 999999999 on another-host, since 2026-03-02 09:14 UTC)',
    );
  });
});

describe('openStore and the lock', () => {
  it('keeps a data folder to one open store at a time, even within a process', async () => {
    const dataDir = join(tmp, 'store');
    const store = await openStore({ dataDir, command: 'plateau test' });
    const error = await openStore({ dataDir }).catch((e: unknown) => e);
    expect(error).toMatchObject({
      code: 'locked',
      holder: { pid: process.pid, command: 'plateau test' },
    });
    await store.close();
    const again = await openStore({ dataDir, create: false });
    expect(await listCampaigns(again)).toEqual([]);
    await again.close();
    expect(existsSync(join(dataDir, LOCK_FILE))).toBe(false);
  });

  it('refuses, creating nothing, a folder without a store when it may not create one', async () => {
    const missing = join(tmp, 'missing');
    await expect(openStore({ dataDir: missing, create: false })).rejects.toMatchObject({
      code: 'no-store',
    });
    expect(existsSync(missing)).toBe(false);
    const empty = folder('empty');
    await expect(openStore({ dataDir: empty, create: false })).rejects.toMatchObject({
      code: 'no-store',
    });
    expect(readdirSync(empty)).toEqual([]);
  });

  it('refuses a folder holding other files than a store', async () => {
    const dir = folder('documents');
    writeFileSync(join(dir, 'notes.txt'), 'not a store');
    await expect(openStore({ dataDir: dir })).rejects.toMatchObject({
      code: 'open-failed',
      message: expect.stringContaining('holds files but no plateau store'),
    });
    expect(readdirSync(dir)).toEqual(['notes.txt']);
  });

  it('creates again a store whose creation was interrupted', async () => {
    const dir = folder('interrupted');
    // What a process killed while unpacking the template leaves: the marker and part of a database.
    writeFileSync(join(dir, 'plateau.creating'), '');
    writeFileSync(join(dir, 'PG_VERSION'), '17\n');
    mkdirSync(join(dir, 'base'));
    writeFileSync(
      join(dir, LOCK_FILE),
      JSON.stringify({
        pid: 999_999_999,
        command: 'plateau import',
        since: '2026-03-02T09:14:00.000Z',
        hostname: hostname(),
      }),
    );
    const store = await openStore({ dataDir: dir });
    expect(await listCampaigns(store)).toEqual([]);
    await store.close();
    expect(existsSync(join(dir, 'plateau.creating'))).toBe(false);
    expect(existsSync(join(dir, 'global/pg_control'))).toBe(true);
  });
});
