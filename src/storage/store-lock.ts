/**
 * One writer per embedded store. PGlite keeps its own buffers in the process that opened the data
 * folder: a second process writing the same files loses the first one's writes and, sooner or
 * later, corrupts the folder. So opening a data folder first takes its lock, which says who holds
 * it and cannot outlive its holder:
 *
 * - on Linux, an abstract-namespace Unix socket named after the folder's real path. Its bind is
 *   atomic, the kernel releases it when the process ends however it ends (kill -9 included), and
 *   the holder answers on it who it is;
 * - elsewhere, a `plateau.lock` file created atomically (link of a complete file), taken over
 *   when the process it names on this machine is no longer running.
 *
 * Either way the holder also keeps `plateau.lock` (JSON: pid, command, start time, host, and the
 * URL a `plateau serve` answers on) in the data folder, for people and for the fallback.
 */
import { createHash, randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { basename, join } from 'node:path';
import { linkSync, readFileSync, realpathSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import { StoreError } from './errors.ts';
import type { StoreHolderInfo } from './errors.ts';
import { isProcessAlive } from '../system/process-alive.ts';

/** The file, inside the data folder, that says who holds the store. */
export const LOCK_FILE = 'plateau.lock';

/** Who holds a store: pid, command (never its arguments), since when, host, and a server's URL. */
export type StoreHolder = StoreHolderInfo;

/** A store's lock, held until `release()`. */
export interface StoreLock {
  readonly holder: StoreHolder;
  /** Adds to what the lock says of its holder (e.g. the URL once a server listens). */
  announce(update: Pick<StoreHolder, 'url'>): void;
  /** Lets the store go (idempotent). */
  release(): Promise<void>;
}

export interface LockOptions {
  /** What the holder runs, as shown to others (default: `plateau <subcommand>` from argv). */
  command?: string;
  /** `socket` (the default on Linux) or `file` (the default elsewhere). */
  method?: 'socket' | 'file';
}

/** How long a holder has to say who it is before the lock file is read instead. */
const ASK_TIMEOUT_MS = 1000;

/** `plateau import` for `node bin/plateau.js import …`; the script's name otherwise. */
function defaultCommand(): string {
  const script = basename(process.argv[1] ?? 'node');
  const sub = process.argv[2];
  if (/^plateau(\.[cm]?js)?$/.test(script))
    return sub && /^[a-z-]+$/.test(sub) ? `plateau ${sub}` : 'plateau';
  return script;
}

const defaultMethod = (): 'socket' | 'file' => (process.platform === 'linux' ? 'socket' : 'file');

/** The abstract socket naming the data folder `dir` (which must exist). */
function socketName(dir: string): string {
  const digest = createHash('sha256').update(realpathSync(dir)).digest('hex').slice(0, 40);
  return `\0plateau-store-${digest}`;
}

/** A holder read from JSON, or null when it is not one. */
function parseHolder(text: string): StoreHolder | null {
  try {
    const raw = JSON.parse(text) as Record<string, unknown>;
    if (
      typeof raw['pid'] !== 'number' ||
      typeof raw['command'] !== 'string' ||
      typeof raw['since'] !== 'string' ||
      typeof raw['hostname'] !== 'string'
    )
      return null;
    const holder: StoreHolder = {
      pid: raw['pid'],
      command: raw['command'],
      since: raw['since'],
      hostname: raw['hostname'],
    };
    if (typeof raw['url'] === 'string') holder.url = raw['url'];
    return holder;
  } catch {
    return null;
  }
}

function readLockFile(dir: string): StoreHolder | null {
  try {
    return parseHolder(readFileSync(join(dir, LOCK_FILE), 'utf8'));
  } catch {
    return null;
  }
}

/** Writes `plateau.lock` whole (a temporary file renamed over it). */
function writeLockFile(dir: string, holder: StoreHolder): void {
  const temporary = join(dir, `.${LOCK_FILE}.${process.pid}.${randomUUID()}`);
  try {
    writeFileSync(temporary, `${JSON.stringify(holder, null, 2)}\n`);
    renameSync(temporary, join(dir, LOCK_FILE));
  } catch {
    rmSync(temporary, { force: true });
    // The file only describes the holder: the socket is the lock.
  }
}

/** Removes `plateau.lock` when it still names `holder`. */
function removeOwnLockFile(dir: string, holder: StoreHolder): void {
  const current = readLockFile(dir);
  if (
    current &&
    current.pid === holder.pid &&
    current.since === holder.since &&
    current.hostname === holder.hostname
  ) {
    rmSync(join(dir, LOCK_FILE), { force: true });
  }
}

/** Asks the process bound to `name` who it is; null when nobody is bound or it does not answer. */
function ask(name: string): Promise<{ bound: boolean; holder: StoreHolder | null }> {
  return new Promise((resolve) => {
    const socket = net.connect({ path: name });
    let text = '';
    let connected = false;
    const done = (holder: StoreHolder | null, bound: boolean): void => {
      clearTimeout(timer);
      socket.destroy();
      resolve({ bound, holder });
    };
    const timer = setTimeout(() => done(null, connected), ASK_TIMEOUT_MS);
    socket.setEncoding('utf8');
    socket.on('connect', () => (connected = true));
    socket.on('data', (chunk: string) => {
      text += chunk;
      if (text.length > 4096) done(null, true);
    });
    socket.on('end', () => done(parseHolder(text), true));
    socket.on('error', (error: NodeJS.ErrnoException) =>
      done(null, connected || error.code !== 'ECONNREFUSED'),
    );
  });
}

function lockedError(dir: string, holder: StoreHolder | null): StoreError {
  const who = holder ? describeHolder(holder) : 'another process';
  return new StoreError('locked', `the data folder ${dir} is in use by ${who}`, { holder });
}

/** `plateau serve (pid 4242 on host, since 2026-03-02 09:14 UTC, at http://127.0.0.1:4317/)`. */
export function describeHolder(holder: StoreHolder): string {
  if (holder.pid <= 0) return 'another process';
  const since = holder.since.replace('T', ' ').replace(/:\d\d(\.\d+)?Z$/, ' UTC');
  const host = holder.hostname === hostname() ? '' : ` on ${holder.hostname}`;
  return `${holder.command} (pid ${holder.pid}${host}, since ${since}${holder.url ? `, at ${holder.url}` : ''})`;
}

async function lockBySocket(dir: string, holder: StoreHolder): Promise<StoreLock> {
  const name = socketName(dir);
  const server = net.createServer((socket) => {
    socket.on('error', () => undefined);
    socket.end(`${JSON.stringify(holder)}\n`);
  });
  const bound = await new Promise<boolean>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) =>
      error.code === 'EADDRINUSE' ? resolve(false) : reject(error),
    );
    server.listen({ path: name }, () => resolve(true));
  });
  if (!bound) {
    const answer = await ask(name);
    throw lockedError(dir, answer.holder ?? readLockFile(dir));
  }
  // The lock must not keep a finished command alive.
  server.unref();
  server.on('error', () => undefined);
  writeLockFile(dir, holder);
  let released = false;
  return {
    holder,
    announce(update) {
      Object.assign(holder, update);
      if (!released) writeLockFile(dir, holder);
    },
    async release() {
      if (released) return;
      released = true;
      // The file first, while the socket still keeps others out.
      removeOwnLockFile(dir, holder);
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

async function lockByFile(dir: string, holder: StoreHolder): Promise<StoreLock> {
  const path = join(dir, LOCK_FILE);
  for (let attempt = 0; ; attempt++) {
    const temporary = join(dir, `.${LOCK_FILE}.${process.pid}.${randomUUID()}`);
    writeFileSync(temporary, `${JSON.stringify(holder, null, 2)}\n`);
    try {
      linkSync(temporary, path); // atomic, and the file is whole when it appears
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const current = readLockFile(dir);
      const stale =
        current !== null &&
        current.hostname === hostname() &&
        current.pid !== process.pid &&
        !isProcessAlive(current.pid);
      if (!stale || attempt > 2) throw lockedError(dir, current);
      // Moved aside, then checked: of two processes taking over the same stale lock, one moves
      // the stale file; the other may move the first one's fresh lock, and puts it back.
      const aside = `${path}.stale-${process.pid}`;
      try {
        renameSync(path, aside);
      } catch {
        continue; // gone already
      }
      const moved = parseHolder(readFileSync(aside, 'utf8'));
      if (moved !== null && moved.pid !== current.pid) {
        try {
          linkSync(aside, path);
        } catch {
          // a third process holds it now
        }
        rmSync(aside, { force: true });
        throw lockedError(dir, moved);
      }
      rmSync(aside, { force: true });
    } finally {
      rmSync(temporary, { force: true });
    }
  }
  let released = false;
  return {
    holder,
    announce(update) {
      Object.assign(holder, update);
      if (!released) {
        // Rewritten in place by rename: the file never goes missing while held.
        writeLockFile(dir, holder);
      }
    },
    release() {
      if (!released) {
        released = true;
        removeOwnLockFile(dir, holder);
      }
      return Promise.resolve();
    },
  };
}

/**
 * Takes the lock of the data folder `dir` (which must exist) for this process, or throws
 * `StoreError` `locked` naming the process that holds it (`error.holder`).
 *
 * @example
 * const lock = await lockStore('/srv/plateau-data', { command: 'plateau serve' });
 * try { … } finally { await lock.release(); }
 */
export async function lockStore(dir: string, options: LockOptions = {}): Promise<StoreLock> {
  const holder: StoreHolder = {
    pid: process.pid,
    command: options.command ?? defaultCommand(),
    since: new Date().toISOString(),
    hostname: hostname(),
  };
  return (options.method ?? defaultMethod()) === 'socket'
    ? lockBySocket(dir, holder)
    : lockByFile(dir, holder);
}

/**
 * Who holds the data folder `dir` now, or null when nobody does (a lock file left by a process
 * that has ended is ignored).
 */
export async function storeHolder(
  dir: string,
  options: Pick<LockOptions, 'method'> = {},
): Promise<StoreHolder | null> {
  if ((options.method ?? defaultMethod()) === 'socket') {
    let name: string;
    try {
      name = socketName(dir);
    } catch {
      return null; // no such folder: nobody holds it
    }
    const answer = await ask(name);
    if (!answer.bound) return null;
    // A holder too busy to answer (a long computation) is named by its lock file.
    return (
      answer.holder ??
      readLockFile(dir) ?? { pid: 0, command: 'another process', since: '', hostname: hostname() }
    );
  }
  const current = readLockFile(dir);
  if (current === null) return null;
  return current.hostname === hostname() && !isProcessAlive(current.pid) ? null : current;
}
