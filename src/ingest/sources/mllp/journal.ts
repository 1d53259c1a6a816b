/**
 * The MLLP journal: every accepted message is appended and fsynced here before its ACK, so
 * nothing acknowledged is lost across a crash. Appends are serialized and group-committed (one
 * fsync for the records waiting together); the control-id index (with each message's digest)
 * makes an identical resend an ACK without a second copy, and tells a control id reused for
 * other content. Opening drops a torn tail (never acknowledged) and rebuilds the index. The
 * folder and its files are its owner's only (0700 / 0600), tightened when found wider.
 */
import { createHash } from 'node:crypto';
import { chmod, mkdir, open, readdir, readFile, rm, stat } from 'node:fs/promises';
import type { FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import type { SourceInput } from '../types.ts';
import type { JournalMeta } from './journal-format.ts';
import {
  encodeRecord,
  FILE_HEADER,
  JOURNAL_FILE,
  JOURNAL_LOCK_FILE,
  journalFileName,
  scanJournalFile,
} from './journal-format.ts';
import { isProcessAlive } from '../../../system/process-alive.ts';

export { JournalCorruptError, messageKey } from './journal-format.ts';
export type { JournalMeta } from './journal-format.ts';

/** One accepted message, as the HL7 adapter takes it (`name`, `bytes`) plus its journal data. */
export interface JournalEntry extends SourceInput {
  meta: JournalMeta;
  /** 1-based rank in the whole journal. */
  sequence: number;
  file: string;
  offset: number;
}

/** What opening found: torn tails dropped, per file. */
export interface JournalRecovery {
  file: string;
  droppedBytes: number;
}

/** What `append` did: written, an identical copy already there, or the key taken by other content. */
export type AppendResult = 'stored' | 'duplicate' | 'conflict';

/** An open journal, for one process at a time (a lock file keeps a second one out). */
export interface Journal {
  readonly dir: string;
  /** Messages in the journal. */
  readonly count: number;
  readonly recovered: readonly JournalRecovery[];
  /** The folder and files found readable by others and narrowed to their owner, with their old mode. */
  readonly tightened: readonly { path: string; mode: number }[];
  /** True when a message with this key is journaled (or being journaled). */
  has(key: string): boolean;
  /**
   * Appends a message and resolves once it is on disk ('stored'), or once the first copy is
   * ('duplicate': same key, same bytes, nothing written). A key already used by other bytes is a
   * 'conflict' (nothing written). Rejects when the disk refuses it: do not acknowledge then.
   */
  append(meta: JournalMeta, message: Uint8Array): Promise<AppendResult>;
  /** Waits for the appends under way, then closes the file and releases the lock. */
  close(): Promise<void>;
}

/** Another live process holds the journal. */
export class JournalLockedError extends Error {
  constructor(dir: string, pid: string) {
    super(`the MLLP journal ${dir} is in use by process ${pid}: one listener per journal`);
    this.name = 'JournalLockedError';
  }
}

/** The journal folder cannot be made its owner's only. */
export class JournalPermissionError extends Error {
  constructor(path: string, mode: number, reason: string) {
    super(
      `the MLLP journal ${path} is open to other local users (mode ${modeText(mode)}) and could not be restricted (${reason}): ` +
        `run chmod 700 on the folder and chmod 600 on its files, or give a folder of your own`,
    );
    this.name = 'JournalPermissionError';
  }
}

function modeText(mode: number): string {
  return `0${(mode & 0o777).toString(8)}`;
}

/** Bits a journal folder or file must not have: any access by group or others. */
const SHARED_BITS = 0o077;
/** POSIX modes mean nothing on Windows (its ACLs are left to the administrator). */
const POSIX = process.platform !== 'win32';

/** Narrows `path` to `mode` when group or others have access; returns the old mode when it did. */
async function ownerOnly(path: string, mode: number): Promise<number | null> {
  if (!POSIX) return null;
  const before = (await stat(path)).mode;
  if ((before & SHARED_BITS) === 0) return null;
  try {
    await chmod(path, mode);
  } catch (error) {
    throw new JournalPermissionError(
      path,
      before,
      (error as NodeJS.ErrnoException).code ?? (error as Error).message,
    );
  }
  return before & 0o777;
}

/** The digest telling a resent message (same bytes) from another one under the same key. */
function digestOf(message: Uint8Array): string {
  return createHash('sha256').update(message).digest('base64');
}

async function listFiles(dir: string): Promise<string[]> {
  const names = await readdir(dir).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return [];
    throw error;
  });
  return names.filter((n) => JOURNAL_FILE.test(n)).sort();
}

async function takeLock(dir: string): Promise<string> {
  const path = join(dir, JOURNAL_LOCK_FILE);
  for (let attempt = 0; attempt < 2; attempt += 1) {
    try {
      const handle = await open(path, 'wx', 0o600);
      await handle.writeFile(String(process.pid));
      await handle.close();
      return path;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = (await readFile(path, 'utf8').catch(() => '')).trim();
      const pid = Number(holder);
      if (Number.isInteger(pid) && pid > 0 && isProcessAlive(pid))
        throw new JournalLockedError(dir, holder);
      // A lock left by a process that died: take it over.
      await rm(path, { force: true });
    }
  }
  throw new JournalLockedError(dir, 'unknown');
}

async function syncDir(dir: string): Promise<void> {
  const handle = await open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

interface Pending {
  key: string;
  digest: string;
  day: string;
  bytes: Buffer;
  done: Promise<void>;
  resolve: () => void;
  reject: (error: Error) => void;
}

/**
 * Opens (creating it when needed) the journal in `dir`: drops torn tails, rebuilds the index.
 *
 * @example
 * const journal = await openJournal('/var/lib/plateau/mllp');
 * if ((await journal.append(meta, bytes)) === 'stored') ack('AA');
 */
export async function openJournal(
  dir: string,
  options: { now?: () => Date } = {},
): Promise<Journal> {
  const now = options.now ?? (() => new Date());
  await mkdir(dir, { recursive: true, mode: 0o700 });
  const tightened: { path: string; mode: number }[] = [];
  const narrowed = await ownerOnly(dir, 0o700);
  if (narrowed !== null) tightened.push({ path: dir, mode: narrowed });
  const lock = await takeLock(dir);
  /** Key → digest of the message journaled under it. */
  const index = new Map<string, string>();
  const recovered: JournalRecovery[] = [];
  try {
    for (const name of await listFiles(dir)) {
      const path = join(dir, name);
      const mode = await ownerOnly(path, 0o600);
      if (mode !== null) tightened.push({ path, mode });
      const scan = scanJournalFile(name, await readFile(path));
      for (const r of scan.records)
        if (!index.has(r.meta.key)) index.set(r.meta.key, digestOf(r.message));
      if (scan.tornBytes > 0) {
        const handle = await open(path, 'r+');
        try {
          await handle.truncate(scan.validLength);
          await handle.sync();
        } finally {
          await handle.close();
        }
        recovered.push({ file: name, droppedBytes: scan.tornBytes });
      }
    }
  } catch (error) {
    await rm(lock, { force: true });
    throw error;
  }

  const pending = new Map<string, Pending>();
  let queue: Pending[] = [];
  let writing: Promise<void> | null = null;
  let file: { day: string; handle: FileHandle; size: number } | null = null;
  let broken: Error | null = null;
  let closed = false;

  async function fileFor(day: string): Promise<{ day: string; handle: FileHandle; size: number }> {
    if (file?.day === day) return file;
    if (file) await file.handle.close();
    file = null;
    const handle = await open(join(dir, day), 'a', 0o600);
    let size = (await handle.stat()).size;
    if (size < FILE_HEADER.length) {
      // New file (or one torn while being created): header first, and make its name durable.
      await handle.truncate(0);
      await handle.write(FILE_HEADER);
      await handle.sync();
      await syncDir(dir);
      size = FILE_HEADER.length;
    }
    file = { day, handle, size };
    return file;
  }

  async function writeBatch(batch: Pending[]): Promise<void> {
    const days = [...new Set(batch.map((p) => p.day))];
    for (const day of days) {
      const group = batch.filter((p) => p.day === day);
      try {
        if (broken) throw broken;
        const target = await fileFor(day);
        const bytes = Buffer.concat(group.map((p) => p.bytes));
        try {
          for (let written = 0; written < bytes.length;) {
            written += (await target.handle.write(bytes, written)).bytesWritten;
          }
          await target.handle.datasync();
          target.size += bytes.length;
        } catch (error) {
          // Never leave a partial record where later ones would follow it.
          await target.handle
            .truncate(target.size)
            .then(() => target.handle.sync())
            .catch(() => {
              broken = new Error(
                `the MLLP journal ${dir} could not be repaired after a failed write: restart the listener`,
              );
            });
          throw error;
        }
        for (const p of group) index.set(p.key, p.digest);
        for (const p of group) p.resolve();
      } catch (error) {
        for (const p of group) p.reject(error as Error);
      } finally {
        for (const p of group) pending.delete(p.key);
      }
    }
  }

  function drain(): void {
    if (writing) return;
    writing = (async () => {
      while (queue.length > 0) {
        const batch = queue;
        queue = [];
        await writeBatch(batch);
      }
      writing = null;
    })();
  }

  return {
    dir,
    recovered,
    tightened,
    get count() {
      return index.size;
    },
    has(key) {
      return index.has(key) || pending.has(key);
    },
    async append(meta, message) {
      if (closed) throw new Error(`the MLLP journal ${dir} is closed`);
      const digest = digestOf(message);
      const kept = index.get(meta.key);
      if (kept !== undefined) return kept === digest ? 'duplicate' : 'conflict';
      const first = pending.get(meta.key);
      if (first) {
        await first.done;
        return first.digest === digest ? 'duplicate' : 'conflict';
      }
      let resolve!: () => void;
      let reject!: (error: Error) => void;
      const done = new Promise<void>((res, rej) => {
        resolve = res;
        reject = rej;
      });
      const entry: Pending = {
        key: meta.key,
        digest,
        day: journalFileName(now()),
        bytes: encodeRecord(meta, message),
        done,
        resolve,
        reject,
      };
      pending.set(meta.key, entry);
      queue.push(entry);
      drain();
      await done;
      return 'stored';
    },
    async close() {
      if (closed) return;
      closed = true;
      while (writing) await writing;
      if (file) await file.handle.close();
      file = null;
      await rm(lock, { force: true });
    },
  };
}

/**
 * Iterates the accepted messages of a journal, oldest first, each named
 * `mllp:<receivedAt>#<sequence>` for the issues. Safe while a listener appends: a record being
 * written is not yet returned.
 *
 * @example
 * for await (const entry of readJournal('/var/lib/plateau/mllp')) inputs.push(entry);
 */
export async function* readJournal(dir: string): AsyncGenerator<JournalEntry> {
  let sequence = 0;
  for (const name of await listFiles(dir)) {
    const scan = scanJournalFile(name, await readFile(join(dir, name)));
    for (const r of scan.records) {
      sequence += 1;
      yield {
        name: `mllp:${r.meta.receivedAt}#${sequence}`,
        bytes: r.message,
        meta: r.meta,
        sequence,
        file: name,
        offset: r.offset,
      };
    }
  }
}
