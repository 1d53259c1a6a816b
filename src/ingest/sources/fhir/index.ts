/**
 * The FHIR R4 source: Bundles (collection, transaction, batch, searchset), single resources and
 * NDJSON bulk exports, read together so references join across files, into exams (Procedure
 * room times, request, booking, report, category, acts) and sessions (Slots of a device's
 * Schedule). Patients never go past it.
 */
import type { SourceAdapter, SourceInput } from '../types.ts';
import { assembleRecords } from './assemble.ts';
import { isNdjsonName, parseFhirInput } from './parse-input.ts';

const HEAD = /^\s*\{[\s\S]{0,200}?"resourceType"\s*:/;

/**
 * Reads FHIR R4 JSON and NDJSON into canonical records.
 *
 * @example
 * const { records, issues } = await fhirAdapter.read([{ name: 'bundle.json', bytes }], { mapping, secret });
 */
export const fhirAdapter: SourceAdapter = {
  id: 'fhir-r4',
  label: 'FHIR R4 resources (JSON Bundles, single resources, NDJSON)',
  detect(input: SourceInput): boolean {
    if (!/\.(json|ndjson|jsonl)$/i.test(input.name) && input.name.includes('.')) return false;
    const head = new TextDecoder().decode(input.bytes.subarray(0, 512)).replace(/^\uFEFF/, '');
    return HEAD.test(head) || (isNdjsonName(input.name) && head.trimStart().startsWith('{'));
  },
  read(inputs, context) {
    const parsed = inputs.map(parseFhirInput);
    const resources = parsed.flatMap((p) => p.resources);
    const issues = parsed.flatMap((p) => p.issues);
    return Promise.resolve(assembleRecords(resources, context, issues));
  },
};
