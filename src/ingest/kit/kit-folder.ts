/**
 * Writes a data kit folder as a whole: the kit is built in a hidden sibling folder, its files and
 * a manifest (`.plateau-kit.json`: the command, the campaign, each file's size and time) are
 * flushed to disk, and the folder is renamed into place, so a reader or a crash never meets a mix
 * of an old and a new kit. A folder is replaced without asking only when its manifest says the
 * same command wrote it for the same campaign and nothing in it changed since; anything else
 * needs `force`. Leftovers of a killed run are put right by the next run on the same folder.
 */
import { randomBytes } from 'node:crypto';
import { lstat, mkdir, open, readdir, readFile, rename, rm, stat } from 'node:fs/promises';
import { homedir } from 'node:os';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { isProcessAlive } from '../../system/process-alive.ts';

/** The manifest a kit writer leaves in the folder; hidden, so the kit reader does not see it. */
export const KIT_MANIFEST = '.plateau-kit.json';

/** What the manifest says. */
export interface KitManifest {
  format: 'plateau-kit-folder';
  version: 1;
  /** The command that wrote the folder, e.g. `plateau convert`. */
  command: string;
  campaignId: string;
  writtenAt: string;
  /** Every file written, with its size and modification time as written. */
  files: { name: string; size: number; mtimeMs: number }[];
}

/** A folder that cannot be written or replaced; the message says which folder, why and what to do. */
export class KitFolderError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'KitFolderError';
  }
}

export interface KitFolderOptions {
  /** The command writing the kit, as the manifest records it: `plateau convert`. */
  command: string;
  /** The id of the campaign being written (in a check before it is known: any). */
  campaignId: string;
  /** Replace the folder whatever it holds. */
  force?: boolean;
  /** How the user asks for `force`, named in the refusals (default `--force`). */
  forceFlag?: string;
  /** Told what was put right from an interrupted run (an old kit put back). */
  onNote?: (message: string) => void;
}

const LEFTOVER = /^\.(.+)\.plateau-(new|old)-(\d+)-[0-9a-f]+$/;
/** Work folders of writes running in this process, which are not leftovers. */
const ACTIVE = new Set<string>();
const SHOWN_NAMES = 6;

/**
 * Builds a kit with `build(tempDir)` and puts it in place of `dir` in one rename. Refuses (with a
 * KitFolderError, before building anything) a `dir` that is not empty and not this command's own
 * earlier output for the same campaign, unless `force`; the old folder goes as a whole, never
 * leaving one of its files beside the new ones.
 *
 * @example
 * await writeKitFolder('kits/lens-2026', { command: 'plateau convert', campaignId: 'lens-2026' },
 *   (tmp) => writeKitDir(tmp, kit));
 */
export async function writeKitFolder<T>(
  dir: string,
  options: KitFolderOptions,
  build: (tempDir: string) => Promise<T>,
): Promise<T> {
  const target = resolve(dir);
  const parent = dirname(target);
  const base = basename(target);
  await mkdir(parent, { recursive: true });
  await putLeftoversRight(parent, base, options.onNote);
  await checkTarget(target, options);
  const tag = `${process.pid}-${randomBytes(4).toString('hex')}`;
  const temp = join(parent, `.${base}.plateau-new-${tag}`);
  await mkdir(temp).catch((error: unknown) => {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'EACCES' && code !== 'EPERM' && code !== 'EROFS') throw error;
    throw new KitFolderError(
      `cannot write the kit ${target}: its parent folder ${parent} cannot be written (${code}), and the kit is built beside its folder before it takes its place; give a folder whose parent you can write`,
    );
  });
  const old = join(parent, `.${base}.plateau-old-${tag}`);
  ACTIVE.add(temp).add(old);
  try {
    let result: T;
    try {
      result = await build(temp);
      await writeManifest(temp, options);
    } catch (error) {
      await rm(temp, { recursive: true, force: true });
      throw error;
    }
    const replacing = (await lstat(target).catch(() => null)) !== null;
    // POSIX has no atomic exchange of two folders: the old one is moved aside first, and a crash
    // between the two renames is put right by the next run (putLeftoversRight restores it).
    if (replacing) await rename(target, old);
    try {
      await rename(temp, target);
    } catch (error) {
      if (replacing) await rename(old, target);
      await rm(temp, { recursive: true, force: true });
      throw error;
    }
    await syncPath(parent);
    if (replacing) await rm(old, { recursive: true, force: true });
    return result;
  } finally {
    ACTIVE.delete(temp);
    ACTIVE.delete(old);
  }
}

/**
 * Reads the manifest of `dir`, or null when there is none or it is not one (never throws).
 *
 * @example
 * (await readKitManifest('kits/lens-2026'))?.campaignId; // 'lens-2026'
 */
export async function readKitManifest(dir: string): Promise<KitManifest | null> {
  const text = await readFile(join(dir, KIT_MANIFEST), 'utf8').catch(() => null);
  if (text === null) return null;
  try {
    const value = JSON.parse(text) as Partial<KitManifest>;
    const files = Array.isArray(value.files) ? value.files : null;
    if (
      value.format !== 'plateau-kit-folder' ||
      typeof value.command !== 'string' ||
      typeof value.campaignId !== 'string' ||
      files === null ||
      !files.every(
        (f) =>
          typeof f?.name === 'string' &&
          typeof f.size === 'number' &&
          typeof f.mtimeMs === 'number',
      )
    ) {
      return null;
    }
    return value as KitManifest;
  } catch {
    return null;
  }
}

/**
 * Removes what a killed run left beside `parent/base`: its half-built folder, or the old kit it
 * had moved aside (put back when the new one never took its place). A leftover of a process
 * still running means another writer is at work on the same folder: refused.
 */
async function putLeftoversRight(
  parent: string,
  base: string,
  onNote?: (message: string) => void,
): Promise<void> {
  for (const name of await readdir(parent)) {
    const m = LEFTOVER.exec(name);
    if (m === null || m[1] !== base) continue;
    const pid = Number(m[3]);
    const path = join(parent, name);
    if (ACTIVE.has(path) || (pid !== process.pid && isProcessAlive(pid))) {
      throw new KitFolderError(
        `another plateau process (pid ${pid}) is writing ${join(parent, base)} (its work folder is ${path}): wait for it to finish, or stop it and run again`,
      );
    }
    const target = join(parent, base);
    if (m[2] === 'old' && (await lstat(target).catch(() => null)) === null) {
      await rename(path, target);
      onNote?.(`${target}: the kit an interrupted run had moved aside was put back`);
    } else await rm(path, { recursive: true, force: true });
  }
}

/**
 * Throws a KitFolderError unless `dir` may take this command's kit (see writeKitFolder); without
 * `campaignId`, any campaign this command wrote passes (a check made before the campaign is read,
 * so that a long conversion is not done for nothing).
 *
 * @example
 * await checkKitFolder('kits/lens-2026', { command: 'plateau convert' });
 */
export async function checkKitFolder(dir: string, options: CheckOptions): Promise<void> {
  await checkTarget(resolve(dir), options);
}

/** Options of checkKitFolder: the campaign may not be known yet. */
export type CheckOptions = Omit<KitFolderOptions, 'campaignId'> & { campaignId?: string };

/** Throws unless `target` may be replaced by this command's kit. */
async function checkTarget(target: string, options: CheckOptions): Promise<void> {
  const info = await lstat(target).catch(() => null);
  if (info === null) return;
  if (info.isSymbolicLink()) {
    throw new KitFolderError(
      `${target} is a symbolic link: give the folder it points to, or a new folder`,
    );
  }
  if (!info.isDirectory())
    throw new KitFolderError(`${target} exists and is not a folder: give a new or empty folder`);
  // The folder is replaced by a rename: never one a shell stands in, even empty.
  const held = heldFolder(target);
  if (held !== null) {
    throw new KitFolderError(
      `${target} is ${held}: a kit is never written over it, even with ${options.forceFlag ?? '--force'}; give the kit a folder of its own`,
    );
  }
  const entries = (await readdir(target, { withFileTypes: true })).sort((a, b) =>
    a.name < b.name ? -1 : 1,
  );
  const names = entries.map((e) => e.name);
  if (names.length === 0) return;
  const why = await notOwnOutput(target, names, options);
  if (why === null || options.force) return;
  const listed = entries
    .slice(0, SHOWN_NAMES)
    .map((e) => (e.isDirectory() ? `${e.name}/` : e.name));
  const shown = `${names.length === 1 ? '1 entry' : `${names.length} entries`}: ${listed.join(', ')}${names.length > SHOWN_NAMES ? ', …' : ''}`;
  throw new KitFolderError(
    `${target} is not empty (${shown}) and ${why}; nothing was written. ` +
      `Give a new or empty folder, or add ${options.forceFlag ?? '--force'} to replace the folder and everything in it`,
  );
}

/** What makes `target` a folder never to replace (the current folder or one holding it, home, a root). */
function heldFolder(target: string): string | null {
  if (dirname(target) === target) return 'the root of a file system';
  if (target === resolve(homedir())) return 'your home folder';
  const r = relative(target, process.cwd());
  if (r === '' || !(r === '..' || r.startsWith(`..${sep}`) || isAbsolute(r)))
    return 'the current folder or holds it';
  return null;
}

/** Why the folder is not this command's own earlier output of the same campaign; null when it is. */
async function notOwnOutput(
  target: string,
  names: readonly string[],
  options: CheckOptions,
): Promise<string | null> {
  const manifest = await readKitManifest(target);
  if (manifest === null) {
    const campaign = await campaignIdIn(target);
    return campaign === null
      ? 'is not a data kit plateau wrote'
      : `holds a data kit of campaign ${campaign} that plateau did not write (it has no ${KIT_MANIFEST})`;
  }
  if (manifest.command !== options.command) {
    return `holds a data kit of campaign ${manifest.campaignId} written by ${manifest.command}, not by ${options.command}`;
  }
  if (options.campaignId !== undefined && manifest.campaignId !== options.campaignId) {
    return `holds the data kit of another campaign, ${manifest.campaignId} (this one is ${options.campaignId})`;
  }
  const written = new Map(manifest.files.map((f) => [f.name, f]));
  const extra = names.filter((n) => n !== KIT_MANIFEST && !written.has(n));
  if (extra.length > 0)
    return `holds files plateau did not write there (${extra.slice(0, SHOWN_NAMES).join(', ')})`;
  for (const name of names) {
    const file = written.get(name);
    if (file === undefined) continue;
    const now = await stat(join(target, name)).catch(() => null);
    if (now === null || !now.isFile() || now.size !== file.size || now.mtimeMs !== file.mtimeMs) {
      return `its ${name} was changed after ${manifest.command} wrote it`;
    }
  }
  return null;
}

async function campaignIdIn(dir: string): Promise<string | null> {
  const text = await readFile(join(dir, 'campaign.json'), 'utf8').catch(() => null);
  if (text === null) return null;
  try {
    const id = (JSON.parse(text) as { id?: unknown }).id;
    return typeof id === 'string' ? JSON.stringify(id) : '(without an id)';
  } catch {
    return '(unreadable campaign.json)';
  }
}

/** Flushes every file of `dir` to disk, then records them in the manifest, flushed too. */
async function writeManifest(dir: string, options: KitFolderOptions): Promise<void> {
  const files: KitManifest['files'] = [];
  for (const entry of (await readdir(dir, { withFileTypes: true })).sort((a, b) =>
    a.name < b.name ? -1 : 1,
  )) {
    if (!entry.isFile() || entry.name === KIT_MANIFEST) continue;
    const path = join(dir, entry.name);
    await syncPath(path);
    const info = await stat(path);
    files.push({ name: entry.name, size: info.size, mtimeMs: info.mtimeMs });
  }
  const manifest: KitManifest = {
    format: 'plateau-kit-folder',
    version: 1,
    command: options.command,
    campaignId: options.campaignId,
    writtenAt: new Date().toISOString(),
    files,
  };
  const handle = await open(join(dir, KIT_MANIFEST), 'w');
  try {
    await handle.writeFile(`${JSON.stringify(manifest, null, 2)}\n`);
    await handle.sync();
  } finally {
    await handle.close();
  }
  await syncPath(dir);
}

/** fsync of a file or a folder (a folder's entries are durable only once it is synced). */
async function syncPath(path: string): Promise<void> {
  const handle = await open(path, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}
