// A real crash: a child process writing a kit over an older one (writeKitFolder, the code behind
// `plateau convert --to-kit` and `plateau generate`) is killed with SIGKILL at several moments.
// After each kill the folder holds the old kit intact or the new one whole, never a mix (nor the
// old README beside new files); the next run clears what the killed one left beside it. The
// child runs the TypeScript sources, type-stripped here.
import { spawn } from 'node:child_process';
import {
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  KIT_MANIFEST,
  KitFolderError,
  readKitManifest,
  writeKitFolder,
} from '../../src/ingest/kit/kit-folder.ts';
import { readKitDir } from '../../src/ingest/kit/read-kit.ts';
import { ROOT, transpileTree } from '../helpers/transpile-tree.ts';

let tmp: string;

const CHILD = `
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { writeKitFolder } from './src/ingest/kit/kit-folder.js';
import { writeKitDir } from './src/ingest/kit/write-kit.js';
const [dir, tag, count] = process.argv.slice(2);
const start = Date.UTC(2010, 2, 1, 7);
const exams = Array.from({ length: Number(count) }, (_, i) => {
  const roomIn = start + (i % 27) * 86400000 + Math.floor(i / 27) % 600 * 60000;
  return { examId: tag + '-' + i, equipmentId: 'CT1', category: 'A', roomIn, roomOut: roomIn + 600000, acts: [], icr: 100,
    reportValidatedAt: null, requestedAt: null, scheduledMinutes: null, ageBand: null };
});
const kit = {
  campaign: { id: 'crash', name: 'Crash', start: '2010-03-01', days: 28, timeZone: 'Europe/Paris' },
  establishments: [{ finess: '590000001', name: 'CH', legalStatus: 'CH', region: 'HDF', department: null }],
  equipment: [{ equipmentId: 'CT1', finess: '590000001', modality: 'CT', label: null, installedYear: null, role: 'general' }],
  sessions: [], exams, acts: [], survey: [],
};
await writeKitFolder(dir, { command: 'crash-test', campaignId: 'crash' }, async (tmp) => {
  await writeKitDir(tmp, kit);
  await writeFile(join(tmp, 'README.md'), 'kit ' + tag + '\\n');
});
process.stdout.write('DONE\\n');
`;

beforeAll(async () => {
  tmp = mkdtempSync(join(tmpdir(), 'plateau-kit-crash-'));
  await transpileTree(join(ROOT, 'src/ingest/kit/kit-folder.ts'), join(tmp, 'code'));
  await transpileTree(join(ROOT, 'src/ingest/kit/write-kit.ts'), join(tmp, 'code'));
  writeFileSync(join(tmp, 'code/child.mjs'), CHILD);
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/**
 * Runs the child; with `killAfter`, kills it that many ms after its work folder appears, or as soon
 * as its kit has taken the folder's place (`'on-swap'`: before the old one is deleted, at best).
 * `busy` is the time from the work folder's appearance to the end.
 */
async function write(
  parent: string,
  tag: string,
  count: number,
  killAfter?: number | 'on-swap',
): Promise<{ outcome: 'done' | 'killed'; busy: number }> {
  const child = spawn(
    process.execPath,
    [join(tmp, 'code/child.mjs'), join(parent, 'kit'), tag, String(count)],
    {
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let out = '';
  let err = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr.on('data', (d: Buffer) => (err += d.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  let appeared = Date.now();
  if (killAfter === 'on-swap') {
    const readme = join(parent, 'kit', 'README.md');
    const arrived = (): boolean => {
      try {
        return readFileSync(readme, 'utf8').includes(tag);
      } catch {
        return false; // between the two renames the folder is briefly absent
      }
    };
    while (child.exitCode === null && !arrived()) {
      await new Promise((r) => setImmediate(r));
    }
    child.kill('SIGKILL');
  } else {
    let seen = false;
    while (!seen && child.exitCode === null) {
      seen = readdirSync(parent).some((n) => n.startsWith('.kit.plateau-new-'));
      if (!seen) await new Promise((r) => setTimeout(r, 1));
    }
    appeared = Date.now();
    if (killAfter !== undefined) {
      await new Promise((r) => setTimeout(r, killAfter));
      child.kill('SIGKILL');
    }
  }
  await exited;
  const busy = Date.now() - appeared;
  if (out.includes('DONE')) return { outcome: 'done', busy };
  if (child.signalCode !== 'SIGKILL') throw new Error(`the child failed: ${err}`);
  return { outcome: 'killed', busy };
}

/** The tag of the kit in the folder, after checking it is one kit, whole. */
async function wholeKit(dir: string, counts: ReadonlyMap<string, number>): Promise<string> {
  const tag = /^kit (\w+)$/.exec(readFileSync(join(dir, 'README.md'), 'utf8').trim())?.[1] ?? '?';
  const manifest = await readKitManifest(dir);
  expect(manifest?.files.map((f) => f.name)).toEqual(
    readdirSync(dir)
      .filter((n) => n !== KIT_MANIFEST)
      .sort(),
  );
  const { kit, issues } = await readKitDir(dir);
  expect(issues.filter((i) => i.severity === 'error')).toEqual([]);
  expect(kit!.exams.every((e) => e.examId.startsWith(`${tag}-`))).toBe(true);
  expect(kit!.exams).toHaveLength(counts.get(tag)!);
  return tag;
}

function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ['-e', '']);
  return new Promise((resolve) => child.once('exit', () => resolve(child.pid!)));
}

describe('a kit folder written by a process killed with SIGKILL', () => {
  it('holds the old kit or the new one whole after each kill, and the next run clears the leftovers', async () => {
    const parent = join(tmp, 'kills');
    mkdirSync(parent);
    const dir = join(parent, 'kit');
    const counts = new Map<string, number>();
    const tags = ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H'];
    counts.set('A', 10_000);
    const first = await write(parent, 'A', 10_000);
    expect(first.outcome).toBe('done');
    // Kills spread over the time a run spends writing here (the machine may be busy), the last
    // ones landing in the flush and the renames, or after the end.
    const whole = first.busy;
    let current = 'A';
    let killedMidway = 0;
    let leftovers = 0;
    for (const [i, share] of [0, 0.15, 0.4, 0.8].entries()) {
      const tag = tags[i + 1]!;
      const count = 10_000 + i;
      counts.set(tag, count);
      const { outcome } = await write(parent, tag, count, Math.round(share * whole));
      const now = await wholeKit(dir, counts);
      if (outcome === 'done') expect(now).toBe(tag);
      else {
        expect([current, tag]).toContain(now);
        if (now === current) killedMidway++;
        if (readdirSync(parent).length > 1) leftovers++;
      }
      current = now;
    }
    expect(killedMidway).toBeGreaterThan(1);
    expect(leftovers).toBeGreaterThan(0);
    counts.set('Y', 10_000);
    await write(parent, 'Y', 10_000, 'on-swap');
    expect(await wholeKit(dir, counts)).toBe('Y');
    counts.set('Z', 10);
    expect((await write(parent, 'Z', 10)).outcome).toBe('done');
    expect(await wholeKit(dir, counts)).toBe('Z');
    expect(readdirSync(parent)).toEqual(['kit']);
  }, 60_000);

  it('puts back the old kit a run killed between its two renames had moved aside', async () => {
    const parent = join(tmp, 'between');
    mkdirSync(parent);
    const dir = join(parent, 'kit');
    const counts = new Map([['A', 100]]);
    expect((await write(parent, 'A', 100)).outcome).toBe('done');
    const pid = await deadPid();
    // The state a kill leaves between "move the old kit aside" and "rename the new one in".
    renameSync(dir, join(parent, `.kit.plateau-old-${pid}-0badc0de`));
    mkdirSync(join(parent, `.kit.plateau-new-${pid}-0badc0de`));
    writeFileSync(join(parent, `.kit.plateau-new-${pid}-0badc0de`, 'exams.csv'), 'exam_id\n');
    const failure = new Error('stopped before writing');
    const notes: string[] = [];
    const options = {
      command: 'crash-test',
      campaignId: 'crash',
      onNote: (m: string) => notes.push(m),
    };
    await expect(writeKitFolder(dir, options, () => Promise.reject(failure))).rejects.toBe(failure);
    expect(notes).toEqual([`${dir}: the kit an interrupted run had moved aside was put back`]);
    expect(await wholeKit(dir, counts)).toBe('A');
    expect(readdirSync(parent)).toEqual(['kit']);
  });

  it('refuses to write while another live process has its work folder there', async () => {
    const parent = join(tmp, 'busy');
    mkdirSync(parent);
    const sleeper = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 30000)']);
    try {
      mkdirSync(join(parent, `.kit.plateau-new-${sleeper.pid}-0badc0de`));
      const attempt = writeKitFolder(
        join(parent, 'kit'),
        { command: 'crash-test', campaignId: 'crash' },
        async () => undefined,
      );
      await expect(attempt).rejects.toBeInstanceOf(KitFolderError);
      await expect(attempt).rejects.toThrow(
        `another plateau process (pid ${sleeper.pid}) is writing ${join(parent, 'kit')}`,
      );
    } finally {
      sleeper.kill('SIGKILL');
    }
  });
});
