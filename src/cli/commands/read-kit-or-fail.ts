/**
 * Reads a data kit for a command: progress on stderr, every located issue printed, and a
 * `UserError` when the kit has errors, so nothing downstream ever sees a partial kit.
 */
import { stat } from 'node:fs/promises';
import type { Issue } from '../../core/issues.ts';
import type { Kit } from '../../core/kit-types.ts';
import { readKitDir } from '../../ingest/kit/read-kit.ts';
import { printIssues, Progress, UserError } from '../output.ts';

/** The kit of a folder, or a `UserError` after printing its located errors. */
export async function readKitOrFail(dir: string): Promise<Kit> {
  return (await readKitWithIssues(dir)).kit;
}

/** The kit of a folder and its warnings (printed), or a `UserError` after printing its errors. */
export async function readKitWithIssues(dir: string): Promise<{ kit: Kit; issues: Issue[] }> {
  const info = await stat(dir).catch(() => null);
  if (!info?.isDirectory()) throw new UserError(`${dir} is not a folder (a data kit is a folder of files: campaign.json, exams.csv…); to read HL7 v2, FHIR, DICOM or XLSX files, add --mapping mapping.csv`);
  const progress = new Progress(`reading ${dir}`);
  const result = await readKitDir(dir, { onProgress: (p) => progress.update(p.done, p.total, p.file) });
  progress.done();
  printIssues(result.issues);
  if (!result.kit) {
    const errors = result.issues.filter((i) => i.severity === 'error').length;
    throw new UserError(`${dir}: ${errors} error${errors === 1 ? '' : 's'} in the kit; nothing was computed or stored`);
  }
  return { kit: result.kit, issues: result.issues };
}
