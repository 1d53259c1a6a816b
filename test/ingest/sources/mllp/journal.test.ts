import {
  appendFile,
  chmod,
  mkdtemp,
  readdir,
  readFile,
  rm,
  stat,
  truncate,
  writeFile,
} from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  JournalCorruptError,
  JournalLockedError,
  messageKey,
  openJournal,
  readJournal,
} from '../../../../src/ingest/sources/mllp/index.ts';
import type { JournalEntry, JournalMeta } from '../../../../src/ingest/sources/mllp/index.ts';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'plateau-journal-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const meta = (id: string, receivedAt = '2026-11-23T10:00:00.000Z'): JournalMeta => ({
  receivedAt,
  key: messageKey('RIS', 'CHU', id),
  controlId: id,
  sendingApplication: 'RIS',
  sendingFacility: 'CHU',
  messageType: 'ORM^O01',
});
const body = (id: string): Uint8Array =>
  new TextEncoder().encode(`MSH|^~\\&|RIS|CHU|||20261123||ORM^O01|${id}|P|2.5\rPID|1`);

async function all(d: string): Promise<JournalEntry[]> {
  const out: JournalEntry[] = [];
  for await (const e of readJournal(d)) out.push(e);
  return out;
}

describe('MLLP journal', () => {
  it('stores messages once, reads them back in order and keeps its index across a reopen', async () => {
    const clock = { now: new Date('2026-11-23T23:59:59Z') };
    const journal = await openJournal(dir, { now: () => clock.now });
    expect(await journal.append(meta('A'), body('A'))).toBe('stored');
    // Concurrent appends of the same key: one copy.
    const twice = await Promise.all([
      journal.append(meta('B'), body('B')),
      journal.append(meta('B'), body('B')),
    ]);
    expect(twice.sort()).toEqual(['duplicate', 'stored']);
    clock.now = new Date('2026-11-24T00:00:01Z');
    expect(await journal.append(meta('C'), body('C'))).toBe('stored');
    expect(journal.count).toBe(3);
    await journal.close();

    expect((await readdir(dir)).sort()).toEqual(['2026-11-23.journal', '2026-11-24.journal']);
    const entries = await all(dir);
    expect(entries.map((e) => e.meta.controlId)).toEqual(['A', 'B', 'C']);
    expect(entries.map((e) => e.sequence)).toEqual([1, 2, 3]);
    expect(entries[0]?.name).toBe('mllp:2026-11-23T10:00:00.000Z#1');
    expect(new TextDecoder().decode(entries[2]?.bytes)).toBe(new TextDecoder().decode(body('C')));

    const again = await openJournal(dir, { now: () => clock.now });
    expect(again.count).toBe(3);
    expect(await again.append(meta('A'), body('A'))).toBe('duplicate');
    expect(await again.append(meta('D'), body('D'))).toBe('stored');
    await again.close();
    expect((await all(dir)).map((e) => e.meta.controlId)).toEqual(['A', 'B', 'C', 'D']);
  });

  it('keys on sender as well as control id', async () => {
    const journal = await openJournal(dir);
    expect(await journal.append(meta('A'), body('A'))).toBe('stored');
    const other = { ...meta('A'), sendingFacility: 'CHU2', key: messageKey('RIS', 'CHU2', 'A') };
    expect(await journal.append(other, body('A'))).toBe('stored');
    await journal.close();
  });

  it('drops a torn tail on reopen and appends after it', async () => {
    const journal = await openJournal(dir);
    await journal.append(meta('A'), body('A'));
    await journal.append(meta('B'), body('B'));
    await journal.close();
    const [file] = await readdir(dir);
    const path = join(dir, file as string);
    const whole = (await stat(path)).size;
    // A crash in the middle of writing B: its last 10 bytes never reached the disk.
    await truncate(path, whole - 10);
    expect((await all(dir)).map((e) => e.meta.controlId)).toEqual(['A']);

    const reopened = await openJournal(dir);
    expect(reopened.recovered).toEqual([{ file, droppedBytes: expect.any(Number) as number }]);
    expect(reopened.count).toBe(1);
    expect(await reopened.append(meta('B'), body('B'))).toBe('stored');
    await reopened.close();
    expect((await all(dir)).map((e) => e.meta.controlId)).toEqual(['A', 'B']);
  });

  it('drops a zero-filled tail', async () => {
    const journal = await openJournal(dir);
    await journal.append(meta('A'), body('A'));
    await journal.close();
    const [file] = await readdir(dir);
    await appendFile(join(dir, file as string), new Uint8Array(300));
    const reopened = await openJournal(dir);
    expect(reopened.recovered).toEqual([{ file, droppedBytes: 300 }]);
    await reopened.close();
  });

  it('refuses a file damaged in the middle rather than drop acknowledged messages', async () => {
    const journal = await openJournal(dir);
    await journal.append(meta('A'), body('A'));
    await journal.append(meta('B'), body('B'));
    await journal.close();
    const [file] = await readdir(dir);
    const path = join(dir, file as string);
    const data = await readFile(path);
    data[40] = (data[40] ?? 0) ^ 0xff; // inside record A
    await writeFile(path, data);
    await expect(openJournal(dir)).rejects.toThrow(JournalCorruptError);
    // The lock is released after a failed open.
    expect(await readdir(dir)).toEqual([file]);
  });

  it('tells a control id reused for other content from a resend, before and after a reopen', async () => {
    const journal = await openJournal(dir);
    expect(await journal.append(meta('A'), body('A'))).toBe('stored');
    const other = new TextEncoder().encode('MSH|^~\\&|RIS|CHU|||20261124||ORU^R01|A|P|2.5\rPID|1');
    // Once stored: a resend is a duplicate, other content a conflict; likewise while being written.
    const [resent, reused] = await Promise.all([
      journal.append(meta('A'), body('A')),
      journal.append(meta('A'), other),
    ]);
    expect([resent, reused]).toEqual(['duplicate', 'conflict']);
    const pending = [journal.append(meta('P'), body('P')), journal.append(meta('P'), other)];
    expect(await Promise.all(pending)).toEqual(['stored', 'conflict']);
    await journal.close();
    const again = await openJournal(dir);
    expect(await again.append(meta('A'), other)).toBe('conflict');
    expect(await again.append(meta('A'), body('A'))).toBe('duplicate');
    await again.close();
    expect((await all(dir)).map((e) => new TextDecoder().decode(e.bytes))).toEqual(
      [body('A'), body('P')].map((b) => new TextDecoder().decode(b)),
    );
  });

  it.skipIf(process.platform === 'win32')(
    'keeps the folder and its files to their owner (0700 / 0600), narrowing a wider folder',
    async () => {
      const fresh = join(dir, 'new', 'journal');
      const journal = await openJournal(fresh);
      expect((await stat(fresh)).mode & 0o777).toBe(0o700);
      expect((await stat(join(fresh, 'journal.lock'))).mode & 0o777).toBe(0o600);
      await journal.append(meta('A'), body('A'));
      expect(journal.tightened).toEqual([]);
      await journal.close();
      const [file] = await readdir(fresh);
      expect((await stat(join(fresh, file as string))).mode & 0o777).toBe(0o600);

      // A folder and a file left readable by every local user (as `mkdir` and umask 022 make them).
      await chmod(fresh, 0o755);
      await chmod(join(fresh, file as string), 0o644);
      const reopened = await openJournal(fresh);
      expect(reopened.tightened).toEqual([
        { path: fresh, mode: 0o755 },
        { path: join(fresh, file as string), mode: 0o644 },
      ]);
      expect((await stat(fresh)).mode & 0o777).toBe(0o700);
      expect((await stat(join(fresh, file as string))).mode & 0o777).toBe(0o600);
      await reopened.close();
    },
  );

  it('lets one process hold the journal at a time, and takes over a stale lock', async () => {
    const journal = await openJournal(dir);
    await expect(openJournal(dir)).rejects.toThrow(JournalLockedError);
    await journal.close();
    await writeFile(join(dir, 'journal.lock'), '999999999');
    const next = await openJournal(dir);
    await next.close();
  });
});
