/**
 * The sources plateau knows, in one list, and reading a mix of files through them: each file goes
 * to the first adapter that recognizes it, each adapter reads its files at once, and the records
 * are merged. The list order is the order of precedence when two sources describe the same exam
 * (see assemble.ts): the RIS (HL7 v2, FHIR) before spreadsheets, before DICOM-derived times.
 */
import type { Issue } from '../../core/issues.ts';
import { makeIssue } from '../../i18n/issues/index.ts';
import { dicomAdapter } from './dicom/index.ts';
import { fhirAdapter } from './fhir/index.ts';
import { hl7v2Adapter } from './hl7v2/index.ts';
import {
  addExamKeys,
  emptyRecords,
  type SourceAdapter,
  type SourceContext,
  type SourceInput,
  type SourceRecords,
} from './types.ts';
import { xlsxAdapter } from './xlsx/index.ts';

/** Every adapter, in order of precedence. Adding a source is one line here. */
export const SOURCE_ADAPTERS: readonly SourceAdapter[] = [
  hl7v2Adapter,
  fhirAdapter,
  xlsxAdapter,
  dicomAdapter,
];

/**
 * The adapter that recognizes a file (the first in `adapters` whose `detect` says yes), or null.
 *
 * @example
 * detectSource({ name: 'orm.hl7', bytes })?.id; // 'hl7v2'
 */
export function detectSource(
  input: SourceInput,
  adapters: readonly SourceAdapter[] = SOURCE_ADAPTERS,
): SourceAdapter | null {
  for (const adapter of adapters) {
    try {
      if (adapter.detect(input)) return adapter;
    } catch {
      // A detector must not fail on odd bytes; one that does simply does not claim the file.
    }
  }
  return null;
}

/**
 * Reads files of any supported source into merged canonical records. A file no adapter
 * recognizes is a located warning (it is skipped); no recognized file at all is an error. An
 * adapter that throws gives an error naming it, never a crash.
 *
 * @example
 * const { records, issues } = await readSources(inputs, { mapping, secret });
 */
export async function readSources(
  inputs: readonly SourceInput[],
  context: SourceContext,
  adapters: readonly SourceAdapter[] = SOURCE_ADAPTERS,
): Promise<{ records: SourceRecords; issues: Issue[] }> {
  const issues: Issue[] = [];
  const groups = new Map<SourceAdapter, SourceInput[]>();
  for (const input of inputs) {
    const adapter = detectSource(input, adapters);
    if (adapter === null) {
      issues.push(
        makeIssue('warning', 'unknown-source', input.name, null, null, {
          file: input.name,
          formats: adapters.map((a) => a.id).join(', '),
        }),
      );
      continue;
    }
    const group = groups.get(adapter) ?? [];
    group.push(input);
    groups.set(adapter, group);
  }
  const records = emptyRecords();
  if (groups.size === 0) {
    const file = inputs.length === 1 ? (inputs[0]?.name ?? '(no input)') : '(inputs)';
    issues.push(
      makeIssue('error', inputs.length === 0 ? 'no-source.none' : 'no-source', file, null, null),
    );
    return { records, issues };
  }
  for (const adapter of adapters) {
    const group = groups.get(adapter);
    if (group === undefined) continue;
    try {
      const result = await adapter.read(group, context);
      issues.push(...result.issues);
      // Which side (RIS or DICOM) each exam is on, for reconciliation (assemble.ts).
      for (const exam of result.records.exams)
        if (!result.records.source.has(exam)) result.records.source.set(exam, adapter.id);
      mergeInto(records, result.records);
    } catch (error) {
      const file =
        group.length === 1 ? (group[0]?.name ?? adapter.id) : `${group.length} ${adapter.id} files`;
      issues.push(
        makeIssue('error', 'adapter-failure', file, null, null, {
          reader: adapter.label,
          detail: error instanceof Error ? error.message : String(error),
        }),
      );
    }
  }
  return { records, issues };
}

/** Appends `from` to `into` (removed counts are summed, join keys and sources merged). */
export function mergeInto(into: SourceRecords, from: SourceRecords): void {
  into.establishments.push(...from.establishments);
  into.equipment.push(...from.equipment);
  for (const s of from.sessions) into.sessions.push(s);
  for (const e of from.exams) into.exams.push(e);
  into.acts.push(...from.acts);
  if (from.slots !== undefined && from.slots.length > 0) {
    const slots = (into.slots ??= []);
    for (const slot of from.slots) slots.push(slot);
  }
  for (const [field, n] of Object.entries(from.removed))
    into.removed[field] = (into.removed[field] ?? 0) + n;
  for (const [examId, keys] of from.keys) addExamKeys(into.keys, examId, keys);
  for (const [exam, id] of from.source) into.source.set(exam, id);
}
