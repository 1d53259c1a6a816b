/**
 * A folder of DICOM files (a PACS export, a modality's DICOM store) read into records without
 * loading any file whole: each header is read by prefix (read-file.ts), files that are not
 * DICOM are counted in one info issue. Files are named relative to the folder in issues.
 */
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Issue } from '../../../core/issues.ts';
import { makeIssue } from '../../../i18n/issues/index.ts';
import type { SourceContext, SourceRecords } from '../types.ts';
import { dicomdirIssues } from './dicomdir.ts';
import { recordsFromFacts } from './index.ts';
import type { InstanceFacts } from './instance.ts';
import { instanceFacts } from './instance.ts';
import { readDicomFileHeaderSync } from './read-file.ts';

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .sort((a, b) => a.name.localeCompare(b.name))
    .flatMap((e) =>
      e.isDirectory() ? walk(join(dir, e.name)) : e.isFile() ? [join(dir, e.name)] : [],
    );
}

/**
 * Reads every DICOM file under `dir` (recursively) into records for one site.
 *
 * @example
 * const { records, issues } = readDicomFolder('/mnt/pacs-export', { mapping, secret });
 */
export function readDicomFolder(
  dir: string,
  context: SourceContext,
): { records: SourceRecords; issues: Issue[] } {
  const issues: Issue[] = [];
  const facts: InstanceFacts[] = [];
  const removed: Record<string, number> = {};
  let notDicom = 0;
  let firstNotDicom = '';
  for (const path of walk(dir)) {
    const name = relative(dir, path);
    if (statSync(path).size === 0) continue;
    const r = readDicomFileHeaderSync(path, name);
    if (!r.header && r.issues.some((i) => i.code === 'dicom-not-part10')) {
      if (notDicom++ === 0) firstNotDicom = name;
      continue;
    }
    issues.push(...r.issues);
    if (!r.header) continue;
    if (r.header.isDicomdir) issues.push(...dicomdirIssues(name, r.header.dataset));
    else facts.push(instanceFacts(name, r.header.dataset, r.header.meta, context.secret, removed));
  }
  if (notDicom > 0) {
    issues.push(
      makeIssue('info', 'dicom-not-dicom-files', firstNotDicom, null, null, { n: notDicom }),
    );
  }
  const out = recordsFromFacts(facts, context, removed);
  return { records: out.records, issues: [...issues, ...out.issues] };
}
