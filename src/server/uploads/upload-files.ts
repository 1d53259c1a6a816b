/**
 * The files of an upload, as the kit reader wants them: a map from each file's path inside the
 * kit to its bytes. A multipart form brings either the kit's files (`files` fields, named by
 * their path, e.g. `kit/exams.csv`) or one `.zip` of them; a folder all paths share is dropped.
 * A zip is refused before anything is inflated when its entries would hold too many bytes or
 * too many files (zip bombs), and whole when an entry's sizes or CRC-32 disagree with what it
 * holds: the declared sizes bound what is inflated, and what inflated must match them.
 */
import { readZipEntries, ZipError } from '../../ingest/sources/xlsx/zip.ts';
import { ApiError, badRequest, tooLarge } from '../errors.ts';

/** How much an upload may hold. */
export interface UploadLimits {
  /** Request body, in bytes (413 beyond). */
  bodyBytes: number;
  /** Total uncompressed size of a zip's entries, in bytes. */
  zipBytes: number;
  /** Entries in a zip. */
  zipEntries: number;
}

const MIB = 1024 * 1024;

export const DEFAULT_UPLOAD_LIMITS: UploadLimits = {
  bodyBytes: 512 * MIB,
  zipBytes: 1024 * MIB,
  zipEntries: 1000,
};

/** The files of an upload and a name for where they came from (the zip or workbook, or their folder). */
export interface UploadFiles {
  /** `kit`: the kit's files by path; `workbook`: one .xlsx holding the kit, a sheet per file. */
  kind: 'kit' | 'workbook';
  files: Map<string, Uint8Array>;
  origin: string;
}

/** `a/b/../c.csv` with backslashes, leading slashes and `.` segments normalized away. */
function cleanPath(path: string): string {
  const parts: string[] = [];
  for (const part of path.replaceAll('\\', '/').split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') parts.pop();
    else parts.push(part);
  }
  return parts.join('/');
}

/** Hidden files, macOS resource forks and folders are not part of a kit. */
function isNoise(path: string): boolean {
  return path === '' || path.split('/').some((p) => p.startsWith('.') || p === '__MACOSX');
}

/**
 * Drops the leading folders every path shares (`kit/exams.csv`, `kit/sessions.csv` →
 * `exams.csv`, `sessions.csv`), returning the folder dropped.
 */
export function stripCommonFolder(paths: readonly string[]): {
  paths: string[];
  folder: string | null;
} {
  let current = paths.map((p) => p.split('/'));
  const dropped: string[] = [];
  while (current.length > 0 && current.every((p) => p.length > 1 && p[0] === current[0]?.[0])) {
    dropped.push(current[0]?.[0] ?? '');
    current = current.map((p) => p.slice(1));
  }
  return {
    paths: current.map((p) => p.join('/')),
    folder: dropped.length ? dropped.join('/') : null,
  };
}

/**
 * The entries of a zip (folders, hidden files left out), refused with a 413 before inflating
 * anything when their declared sizes or count pass the limits, with a 400 naming the entry when
 * one is damaged or altered (sizes in its headers that disagree, more or fewer bytes than it
 * declares, a wrong CRC-32): nothing of such a zip is kept.
 *
 * @example
 * unzipKit(bytes, DEFAULT_UPLOAD_LIMITS).get('kit/exams.csv');
 */
export function unzipKit(
  bytes: Uint8Array,
  limits: Pick<UploadLimits, 'zipBytes' | 'zipEntries'>,
): Map<string, Uint8Array> {
  let entries = 0;
  let total = 0;
  let unpacked: Map<string, Uint8Array>;
  try {
    unpacked = readZipEntries(bytes, (file) => {
      const path = cleanPath(file.name);
      if (file.name.endsWith('/') || isNoise(path)) return false;
      entries++;
      total += file.originalSize;
      if (entries > limits.zipEntries)
        throw tooLarge(`the zip holds more than ${limits.zipEntries} files`);
      if (total > limits.zipBytes) {
        throw tooLarge(
          `the zip's files would take more than ${Math.round(limits.zipBytes / MIB)} MiB once unpacked`,
        );
      }
      return true;
    });
  } catch (error) {
    if (error instanceof ApiError) throw error;
    if (error instanceof ZipError) throw badRequest(`the .zip could not be read: ${error.message}`);
    throw badRequest(
      `the .zip could not be read (${error instanceof Error ? error.message : String(error)})`,
    );
  }
  const out = new Map<string, Uint8Array>();
  for (const [name, content] of unpacked) {
    const path = cleanPath(name);
    if (out.has(path)) throw badRequest(`the zip holds ${path} twice`);
    out.set(path, content);
  }
  return out;
}

/**
 * The kit files of an upload form: its `files` fields, or a single `.zip`, keyed by their path
 * inside the kit (common folder dropped). A 400 when the form holds none or mixes a zip with
 * other files.
 */
export async function filesOfForm(form: FormData, limits: UploadLimits): Promise<UploadFiles> {
  const fields = form.getAll('files');
  const others = [...new Set([...form.keys()].filter((k) => k !== 'files'))];
  if (others.length > 0)
    throw badRequest(`unknown form field '${others[0]}': the kit's files go in 'files' fields`);
  if (fields.length === 0)
    throw badRequest("no kit file: send the kit's files (or one .zip of them) as 'files' fields");
  const files: { path: string; content: Uint8Array }[] = [];
  for (const field of fields) {
    if (typeof field === 'string') throw badRequest("each 'files' field must be a file, not text");
    files.push({ path: cleanPath(field.name), content: new Uint8Array(await field.arrayBuffer()) });
  }
  const books = files.filter((f) => /\.xlsx$/i.test(f.path));
  if (books.length > 0) {
    const [book] = books;
    if (files.length > 1 || !book)
      throw badRequest(
        "send either one .xlsx workbook of the kit or the kit's files, not both nor several workbooks",
      );
    const name = book.path.split('/').pop() ?? book.path;
    return { kind: 'workbook', files: new Map([[name, book.content]]), origin: name };
  }
  const zips = files.filter((f) => /\.zip$/i.test(f.path));
  let raw: Map<string, Uint8Array>;
  let origin: string;
  if (zips.length > 0) {
    const [zip] = zips;
    if (files.length > 1 || !zip)
      throw badRequest(
        "send either one .zip of the kit or the kit's files, not both nor several zips",
      );
    raw = unzipKit(zip.content, limits);
    origin = zip.path.split('/').pop() ?? zip.path;
  } else {
    raw = new Map();
    for (const f of files) {
      if (isNoise(f.path)) continue;
      if (raw.has(f.path)) throw badRequest(`the file ${f.path} is sent twice`);
      raw.set(f.path, f.content);
    }
    origin = '';
  }
  if (raw.size === 0)
    throw badRequest('the upload holds no kit file (only folders or hidden files)');
  const { paths, folder } = stripCommonFolder([...raw.keys()]);
  const contents = [...raw.values()];
  const out = new Map<string, Uint8Array>();
  paths.forEach((p, i) => out.set(p, contents[i] as Uint8Array));
  return { kind: 'kit', files: out, origin: origin || folder || 'files' };
}
