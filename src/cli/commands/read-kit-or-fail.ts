/**
 * Reads a data kit for a command: progress on stderr, every located issue printed, and a
 * `UserError` when the kit has errors, so nothing downstream ever sees a partial kit.
 */
import { readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import type { Issue } from '../../core/issues.ts';
import type { Kit } from '../../core/kit-types.ts';
import { readKitDir, type ReadKitOptions } from '../../ingest/kit/read-kit.ts';
import { readKitWorkbook } from '../../ingest/sources/xlsx/index.ts';
import { errorTotal, printIssues, Progress, say, UserError } from '../output.ts';

/** The kit of a folder, or a `UserError` after printing its located errors. */
export async function readKitOrFail(
  dir: string,
  options: Pick<ReadKitOptions, 'patientKeys'> = {},
): Promise<Kit> {
  return (await readKitWithIssues(dir, options)).kit;
}

/**
 * The kit of a folder, or of one `.xlsx` workbook holding a sheet per kit file (`plateau
 * template`), and its warnings (printed); a `UserError` after printing its errors.
 */
export async function readKitWithIssues(
  dir: string,
  options: Pick<ReadKitOptions, 'patientKeys'> = {},
): Promise<{ kit: Kit; issues: Issue[] }> {
  const info = await stat(dir).catch(() => null);
  if (info?.isFile() && dir.toLowerCase().endsWith('.xlsx')) return readWorkbookOrFail(dir);
  if (!info?.isDirectory()) throw new UserError(say('cli.kit.notFolder', { place: dir }));
  const progress = new Progress(say('cli.kit.reading', { place: dir }));
  const result = await readKitDir(dir, {
    ...options,
    onProgress: (p) => progress.update(p.done, p.total, p.file),
  });
  progress.done();
  printIssues(result.issues);
  if (!result.kit)
    throw new UserError(say('cli.kit.refused', { place: dir, errors: errorTotal(result.issues) }));
  return { kit: result.kit, issues: result.issues };
}

async function readWorkbookOrFail(path: string): Promise<{ kit: Kit; issues: Issue[] }> {
  const result = readKitWorkbook(basename(path), new Uint8Array(await readFile(path)));
  printIssues(result.issues);
  if (!result.kit)
    throw new UserError(
      say('cli.workbook.refused', { place: path, errors: errorTotal(result.issues) }),
    );
  return { kit: result.kit, issues: result.issues };
}
