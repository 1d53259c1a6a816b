/**
 * The journal folder `plateau listen` writes, as an input of `convert` and `import`: a folder is a
 * journal when it holds a `YYYY-MM-DD.journal` file that starts with the journal's file header
 * (or only journal files and the listener's lock). Its messages are read through `readJournal`,
 * so torn tails are left out and a damaged file refuses the whole conversion.
 */
import { open, readdir } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type { Issue } from '../../core/issues.ts';
import { makeIssue } from '../../i18n/issues/index.ts';
import { JournalCorruptError, readJournal } from '../../ingest/sources/mllp/index.ts';
import {
  FILE_HEADER,
  JOURNAL_FILE,
  JOURNAL_LOCK_FILE,
} from '../../ingest/sources/mllp/journal-format.ts';
import type { SourceInput } from '../../ingest/sources/types.ts';
import { UserError } from '../output.ts';

/** True when the file at `path` starts with the journal file header. */
async function startsWithHeader(path: string): Promise<boolean> {
  const handle = await open(path, 'r').catch(() => null);
  if (handle === null) return false;
  try {
    const head = Buffer.alloc(FILE_HEADER.length);
    const { bytesRead } = await handle.read(head, 0, head.length, 0);
    return bytesRead === head.length && head.equals(FILE_HEADER);
  } finally {
    await handle.close();
  }
}

/**
 * True when `path` is one MLLP journal file (its name and its header say so).
 *
 * @example
 * await isJournalFile('/var/lib/plateau/mllp/2026-11-23.journal'); // true
 */
export async function isJournalFile(path: string): Promise<boolean> {
  return JOURNAL_FILE.test(basename(path)) && (await startsWithHeader(path));
}

/**
 * True when `dir` is an MLLP journal folder: a journal file with the journal's header, or, for a
 * listener that has received nothing yet, nothing but journal-named files and the lock. A folder
 * that merely holds other files is not one, nor is a file or a missing path.
 *
 * @example
 * await isJournalDir('./plateau-data/mllp-journal'); // true
 */
export async function isJournalDir(dir: string): Promise<boolean> {
  // Not a folder (or not there): not a journal.
  const all = await readdir(dir, { withFileTypes: true }).catch(() => null);
  if (all === null) return false;
  const entries = all.filter((e) => !e.name.startsWith('.'));
  const journals = entries.filter((e) => e.isFile() && JOURNAL_FILE.test(e.name));
  for (const entry of journals) if (await startsWithHeader(join(dir, entry.name))) return true;
  const lock = entries.some((e) => e.isFile() && e.name === JOURNAL_LOCK_FILE);
  return (
    lock &&
    entries.every((e) => e.isFile() && (e.name === JOURNAL_LOCK_FILE || JOURNAL_FILE.test(e.name)))
  );
}

/**
 * The accepted messages of a journal folder, oldest first, each named `mllp:<receivedAt>#<n>` for
 * the issues. Safe while a listener appends (a record being written is not returned yet). A
 * damaged journal file is a `UserError` naming the file and the byte where it is damaged. Other
 * files in the folder are not read (a warning each), nor is an empty journal silent.
 *
 * @example
 * const { inputs, issues } = await readJournalFolder('./plateau-data/mllp-journal');
 */
export async function readJournalFolder(
  dir: string,
): Promise<{ inputs: SourceInput[]; issues: Issue[] }> {
  const inputs: SourceInput[] = [];
  const issues: Issue[] = [];
  try {
    for await (const entry of readJournal(dir))
      inputs.push({ name: entry.name, bytes: entry.bytes });
  } catch (error) {
    if (error instanceof JournalCorruptError) {
      throw new UserError(
        `${join(dir, error.file)}: ${error.message}. Nothing was read from the sources.`,
      );
    }
    throw error;
  }
  if (inputs.length === 0)
    issues.push(makeIssue('warning', 'empty-journal', dir, null, null, { dir }));
  const entries = await readdir(dir, { withFileTypes: true });
  for (const e of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    if (
      e.name.startsWith('.') ||
      e.name === JOURNAL_LOCK_FILE ||
      (e.isFile() && JOURNAL_FILE.test(e.name))
    )
      continue;
    issues.push(
      makeIssue('warning', 'not-in-journal', join(dir, e.name), null, null, { name: e.name, dir }),
    );
  }
  return { inputs, issues };
}
