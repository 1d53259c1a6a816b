/**
 * The DICOM source: a folder of Part-10 files (headers only) read into room passages. Each file
 * is parsed on its own (part10.ts), reduced to facts with patient identity removed
 * (instance.ts), then the facts of all files become exams (exams.ts). DICOMweb (dicomweb.ts)
 * feeds the same builder from a PACS.
 */
import { ZoneClock } from '../../../core/calendar.ts';
import type { Issue } from '../../../core/issues.ts';
import type {
  SourceAdapter,
  SourceContext,
  SourceId,
  SourceInput,
  SourceRecords,
} from '../types.ts';
import { emptyRecords } from '../types.ts';
import { dicomdirIssues } from './dicomdir.ts';
import { buildExams } from './exams.ts';
import type { InstanceFacts } from './instance.ts';
import { instanceFacts } from './instance.ts';
import { readPart10 } from './part10.ts';

export { readPart10 } from './part10.ts';
export type { Part10Header, Part10Result } from './part10.ts';
export { readDicomFileHeader } from './read-file.ts';
export { buildExams } from './exams.ts';
export { instanceFacts } from './instance.ts';
export { DICOM_TIMING } from './timing.ts';

/** True when `bytes` start like a DICOM file: `DICM` at 128, or a bare group 0002/0008 data set. */
export function looksLikeDicom(name: string, bytes: Uint8Array): boolean {
  if (
    bytes.length >= 132 &&
    bytes[128] === 0x44 &&
    bytes[129] === 0x49 &&
    bytes[130] === 0x43 &&
    bytes[131] === 0x4d
  )
    return true;
  if (!/\.dcm$|^DICOMDIR|\/DICOMDIR/i.test(name) || bytes.length < 8) return false;
  const g = (bytes[0] as number) | ((bytes[1] as number) << 8);
  return g === 0x0002 || g === 0x0008;
}

/**
 * Reads DICOM inputs into instance facts (identity removed, counted in `removed`), with the
 * issues of each file; DICOMDIR files give only their summary issues.
 *
 * @example
 * const { facts, issues } = readDicomFacts([{ name: 'CT_small.dcm', bytes }], { mapping, secret }, removed);
 */
export function readDicomFacts(
  inputs: readonly SourceInput[],
  context: SourceContext,
  removed: Record<string, number>,
): { facts: InstanceFacts[]; issues: Issue[] } {
  const facts: InstanceFacts[] = [];
  const issues: Issue[] = [];
  for (const input of inputs) {
    const result = readPart10(input.bytes, input.name);
    if (result === 'need-more') continue; // unreachable: a complete input never asks for more
    issues.push(...result.issues);
    if (!result.header) continue;
    if (result.header.isDicomdir) {
      issues.push(...dicomdirIssues(input.name, result.header.dataset));
      continue;
    }
    facts.push(
      instanceFacts(input.name, result.header.dataset, result.header.meta, context.secret, removed),
    );
  }
  return { facts, issues };
}

/**
 * Records from instance facts (shared by the file, folder and DICOMweb sources), each exam tagged
 * with `source` so assembly knows it is the imaging side of a reconciliation.
 *
 * @example
 * const { records, issues } = recordsFromFacts(facts, { mapping, secret }, removed);
 */
export function recordsFromFacts(
  facts: readonly InstanceFacts[],
  context: SourceContext,
  removed: Record<string, number>,
  source: SourceId = 'dicom',
): { records: SourceRecords; issues: Issue[] } {
  const built = buildExams(
    facts,
    context.mapping,
    new ZoneClock(context.mapping.timeZone),
    context.secret,
  );
  const records = emptyRecords();
  records.exams = built.exams;
  records.keys = built.keys;
  // Tagged here, not only by readSources: DICOMweb records are merged in by their callers, and
  // untagged exams would count as the RIS side in reconciliation.
  for (const exam of built.exams) records.source.set(exam, source);
  records.equipment = built.equipment;
  records.removed = removed;
  return { records, issues: built.issues };
}

/** DICOM Part-10 files (headers only): room passages per device and study. */
export const dicomAdapter: SourceAdapter = {
  id: 'dicom',
  label: 'DICOM Part-10 files (image headers, MPPS times; DICOMDIR tolerated)',
  detect: (input) => looksLikeDicom(input.name, input.bytes),
  read(inputs, context) {
    const removed: Record<string, number> = {};
    const { facts, issues } = readDicomFacts(inputs, context, removed);
    const out = recordsFromFacts(facts, context, removed);
    return Promise.resolve({ records: out.records, issues: [...issues, ...out.issues] });
  },
};
