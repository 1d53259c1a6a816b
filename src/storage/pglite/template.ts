/**
 * A cached new PGlite data folder, so that a new store costs an unpack instead of an initdb
 * (about 6 s under WebAssembly). The template is the gzipped tar of a folder PGlite just created,
 * prepared (plateau runs its migrations) and shut down cleanly, kept per machine, PGlite version
 * and schema; gzip's CRC and tar's header checksums reject a damaged one, and every failure falls
 * back to a plain initdb.
 */
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync, gzipSync } from 'node:zlib';

const BLOCK = 512;
/** Bump when what a template holds changes for another reason than PGlite's version or the tag. */
const TEMPLATE_FORMAT = 't1';

/** The nearest folder at or above `start` holding `package.json` (with `name`, when given). */
function packageRoot(start: string, name?: string): string | null {
  for (let dir = start; ; dir = dirname(dir)) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest)) {
      if (name === undefined) return dir;
      try {
        if ((JSON.parse(readFileSync(manifest, 'utf8')) as { name?: unknown }).name === name)
          return dir;
      } catch {
        // not the package we look for
      }
    }
    if (dirname(dir) === dir) return null;
  }
}

/**
 * Where the template lives by default, under plateau's package folder:
 * `node_modules/.cache/plateau/pglite-<version>-t1[-<tag>].tar.gz`; null when it cannot be told
 * (then no template is used).
 */
export function defaultTemplatePath(tag?: string): string | null {
  try {
    const root = packageRoot(dirname(fileURLToPath(import.meta.url)));
    const pglite = packageRoot(
      dirname(createRequire(import.meta.url).resolve('@electric-sql/pglite')),
      '@electric-sql/pglite',
    );
    if (root === null || pglite === null) return null;
    const { version } = JSON.parse(readFileSync(join(pglite, 'package.json'), 'utf8')) as {
      version?: unknown;
    };
    if (typeof version !== 'string' || !/^[\w.+-]+$/.test(version)) return null;
    if (tag !== undefined && !/^[\w.-]+$/.test(tag)) return null;
    const name = `pglite-${version}-${TEMPLATE_FORMAT}${tag === undefined ? '' : `-${tag}`}.tar.gz`;
    return join(root, 'node_modules', '.cache', 'plateau', name);
  } catch {
    return null;
  }
}

function octal(value: number, width: number): string {
  return value.toString(8).padStart(width - 1, '0') + '\0';
}

function header(name: string, mode: number, size: number, type: '0' | '5'): Buffer {
  const block = Buffer.alloc(BLOCK);
  if (Buffer.byteLength(name) > 100) throw new Error(`path too long for a tar header: ${name}`);
  block.write(name, 0, 'utf8');
  block.write(octal(mode & 0o7777, 8), 100, 'ascii');
  block.write(octal(0, 8), 108, 'ascii'); // uid
  block.write(octal(0, 8), 116, 'ascii'); // gid
  block.write(octal(size, 12), 124, 'ascii');
  block.write(octal(0, 12), 136, 'ascii'); // mtime
  block.write(type, 156, 'ascii');
  block.write('ustar\0' + '00', 257, 'ascii');
  block.write('        ', 148, 'ascii'); // the checksum counts its own field as spaces
  let sum = 0;
  for (const byte of block) sum += byte;
  block.write(octal(sum, 7) + ' ', 148, 'ascii');
  return block;
}

/**
 * The gzipped tar of the folder `dir` (folders and regular files, in name order), without the
 * top-level entries `skip` names (e.g. the store's lock file).
 */
export function packFolder(dir: string, skip: (name: string) => boolean = () => false): Buffer {
  const parts: Buffer[] = [];
  const walk = (relative: string) => {
    for (const entry of readdirSync(join(dir, relative), { withFileTypes: true }).sort((a, b) =>
      a.name < b.name ? -1 : a.name > b.name ? 1 : 0,
    )) {
      if (relative === '' && skip(entry.name)) continue;
      const path = relative ? `${relative}/${entry.name}` : entry.name;
      const full = join(dir, path);
      const mode = statSync(full).mode;
      if (entry.isDirectory()) {
        parts.push(header(`${path}/`, mode, 0, '5'));
        walk(path);
      } else if (entry.isFile()) {
        const data = readFileSync(full);
        parts.push(header(path, mode, data.length, '0'), data);
        const pad = (BLOCK - (data.length % BLOCK)) % BLOCK;
        if (pad) parts.push(Buffer.alloc(pad));
      } else {
        throw new Error(`not a file or folder: ${full}`);
      }
    }
  };
  walk('');
  parts.push(Buffer.alloc(2 * BLOCK));
  return gzipSync(Buffer.concat(parts), { level: 1 }); // fast: written once, read often
}

function field(block: Buffer, offset: number, length: number): string {
  const raw = block.subarray(offset, offset + length);
  const end = raw.indexOf(0);
  return raw.subarray(0, end === -1 ? length : end).toString('utf8');
}

function number(block: Buffer, offset: number, length: number): number {
  const text = field(block, offset, length).trim();
  if (!/^[0-7]+$/.test(text)) throw new Error('bad number in a tar header');
  return parseInt(text, 8);
}

/**
 * Unpacks a template made by `packFolder` into the empty folder `dir`. Throws, leaving `dir` to be
 * emptied by the caller, on anything but an intact template of a PostgreSQL data folder.
 */
export function unpackInto(gzipped: Buffer, dir: string): void {
  const tar = gunzipSync(gzipped); // checks the CRC
  const required = new Set(['PG_VERSION', 'global/pg_control']);
  for (let at = 0; ;) {
    if (at + BLOCK > tar.length) throw new Error('truncated tar');
    const block = tar.subarray(at, at + BLOCK);
    if (block.every((byte) => byte === 0)) break;
    let sum = 0;
    for (let i = 0; i < BLOCK; i++) sum += i >= 148 && i < 156 ? 32 : (block[i] as number);
    if (sum !== number(block, 148, 8) || field(block, 257, 6) !== 'ustar')
      throw new Error('bad tar header');
    const prefix = field(block, 345, 155);
    const name = (prefix ? `${prefix}/` : '') + field(block, 0, 100);
    const parts = name.split('/').filter((p) => p !== '');
    if (parts.length === 0 || name.startsWith('/') || parts.some((p) => p === '.' || p === '..'))
      throw new Error(`unsafe path in tar: ${name}`);
    const target = join(dir, ...parts);
    const mode = number(block, 100, 8) & 0o777;
    const size = number(block, 124, 12);
    const type = field(block, 156, 1) || '0';
    at += BLOCK;
    if (type === '5') {
      mkdirSync(target, { recursive: true, mode });
    } else if (type === '0') {
      if (at + size > tar.length) throw new Error('truncated tar');
      mkdirSync(dirname(target), { recursive: true });
      writeFileSync(target, tar.subarray(at, at + size), { mode });
      required.delete(parts.join('/'));
      at += Math.ceil(size / BLOCK) * BLOCK;
    } else {
      throw new Error(`unexpected tar entry type ${type}`);
    }
  }
  if (required.size > 0) throw new Error('not a PostgreSQL data folder');
}

/** Writes `data` to `path` atomically (a temporary file renamed into place). */
export function writeAtomically(path: string, data: Buffer): void {
  mkdirSync(dirname(path), { recursive: true });
  const temporary = `${path}.${process.pid}.${Date.now()}.tmp`;
  try {
    writeFileSync(temporary, data);
    renameSync(temporary, path);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
}

/** Removes everything inside `dir` but the top-level entries `keep` names, keeping `dir` itself. */
export function emptyFolder(dir: string, keep: (name: string) => boolean = () => false): void {
  for (const entry of readdirSync(dir)) {
    if (!keep(entry)) rmSync(join(dir, entry), { recursive: true, force: true });
  }
}
