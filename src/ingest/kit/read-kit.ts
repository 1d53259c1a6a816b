/**
 * Reads a data kit folder from disk: each file streams in 1 MB chunks (the next one read while
 * this one is parsed) through the pure KitParser (parse-kit.ts), so a 10 M-row exams.csv is
 * never one string, and progress is reported in bytes over the whole kit.
 */
import { open, readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { CAMPAIGN_FILE, COSTS_FILE_NAME, KIT_READ_FILES } from './kit-files.ts';
import { KitParser, type KitReadResult } from './parse-kit.ts';
import type { Issue } from '../../core/issues.ts';
import { makeIssue } from '../../i18n/issues/index.ts';

export {
  parseKit,
  KitParser,
  type KitReadResult,
  type KitFileSummary,
  type KitFileFeed,
} from './parse-kit.ts';

export interface ReadKitOptions {
  /** Called after each chunk read: bytes `done` of `total` for the whole kit, and the current file. */
  onProgress?: (progress: { file: string; done: number; total: number }) => void;
  /** Keep exams.csv's patient keys (default true; they are checked either way): see KitParserOptions. */
  patientKeys?: boolean;
}

const CHUNK_BYTES = 1 << 20;

/**
 * Reads the kit in folder `dir`. Input problems are issues in the result (kit null on any
 * error); only a folder that cannot be listed throws.
 *
 * @example
 * const { kit, issues, files } = await readKitDir('kits/anap-2010');
 * for (const issue of issues) console.log(formatIssue(issue));
 */
export async function readKitDir(
  dir: string,
  options: ReadKitOptions = {},
): Promise<KitReadResult> {
  const parser = new KitParser({ patientKeys: options.patientKeys ?? true });
  const entries = await readdir(dir, { withFileTypes: true });
  const byName = new Map<string, string>();
  for (const entry of entries) {
    if (!entry.isFile() || entry.name.startsWith('.')) continue;
    byName.set(entry.name.toLowerCase(), entry.name);
  }
  const known = new Set([CAMPAIGN_FILE, COSTS_FILE_NAME, ...KIT_READ_FILES.map((f) => f.name)]);
  for (const [key, name] of byName)
    if (!known.has(key) && /\.(csv|json|txt|xlsx?)$/i.test(key)) parser.unknownFile(name);

  const present = KIT_READ_FILES.map((spec) => ({ spec, name: byName.get(spec.name) ?? null }));
  const sizes = await Promise.all(
    present.map(({ name }) =>
      name === null
        ? 0
        : stat(join(dir, name)).then(
            (s) => s.size,
            () => 0,
          ),
    ),
  );
  const total = sizes.reduce((a, b) => a + b, 0);
  let done = 0;

  const campaignName = byName.get(CAMPAIGN_FILE);
  if (campaignName === undefined) parser.campaign(null);
  else {
    const bytes = await readFile(join(dir, campaignName)).catch((error: unknown) => {
      parser.report(unreadable(campaignName, error));
      return null;
    });
    if (bytes !== null) parser.campaign(bytes, campaignName);
  }

  // Two buffers read into again and again: no allocation per chunk, which the allocator would
  // keep (a 1.7 M-row exams.csv is 250 chunks) long after they are freed; the next chunk is
  // read (in libuv's thread pool) while this one is parsed.
  let reading = new Uint8Array(CHUNK_BYTES);
  let spare = new Uint8Array(CHUNK_BYTES);
  for (const [i, { spec, name }] of present.entries()) {
    const feed = parser.csv(spec, name, sizes[i]);
    if (feed === null || name === null) continue;
    try {
      const file = await open(join(dir, name), 'r');
      let next: Promise<{ bytesRead: number }> | null = null;
      try {
        let position = 0;
        next = file.read(reading, 0, CHUNK_BYTES, position);
        for (;;) {
          const { bytesRead } = await next;
          next = null;
          if (bytesRead === 0) break;
          const chunk = reading.subarray(0, bytesRead);
          position += bytesRead;
          [reading, spare] = [spare, reading];
          next = file.read(reading, 0, CHUNK_BYTES, position);
          feed.push(chunk);
          done += bytesRead;
          options.onProgress?.({ file: name, done, total });
          if (feed.stopped) break;
        }
      } finally {
        // A read still in flight (the feed stopped or threw) ends before the file closes.
        await next?.catch(() => undefined);
        await file.close();
      }
    } catch (error) {
      parser.report(unreadable(name, error));
    }
    feed.end();
  }
  const costsName = byName.get(COSTS_FILE_NAME);
  if (costsName !== undefined) {
    const bytes = await readFile(join(dir, costsName)).catch((error: unknown) => {
      parser.report(unreadable(costsName, error));
      return null;
    });
    if (bytes !== null) parser.costs(bytes, costsName);
  }
  return parser.finish();
}

function unreadable(file: string, error: unknown): Issue {
  const detail = error instanceof Error ? error.message : String(error);
  return makeIssue('error', 'unreadable-file', file, null, null, { file, detail });
}
