/**
 * One input file to located FHIR resources: a single resource or a Bundle (collection,
 * transaction, batch, searchset) as JSON, or NDJSON (one resource a line, as bulk export
 * writes it). Each resource keeps its file, its line and its bundle's fullUrl.
 */
import type { Issue } from '../../../core/issues.ts';
import type { SourceInput } from '../types.ts';
import {
  decodeUtf8,
  entryOffsets,
  lineCounter,
  MAX_JSON_DEPTH,
  syntaxErrorOffset,
  tooDeep,
} from './json-text.ts';
import type { Json } from './values.ts';
import { asObject, obj, str } from './values.ts';

/** A resource and where it was read. */
export interface LocatedResource {
  type: string;
  id: string | undefined;
  resource: Json;
  file: string;
  line: number | null;
  /** The entry's fullUrl inside a Bundle. */
  fullUrl: string | undefined;
}

export const BUNDLE_TYPES = ['collection', 'transaction', 'batch', 'searchset'] as const;

/** True for a `.ndjson` / `.jsonl` name. */
export function isNdjsonName(name: string): boolean {
  return /\.(ndjson|jsonl)$/i.test(name);
}

/** Builds an issue located in `file`. */
export function fhirIssue(
  severity: Issue['severity'],
  code: string,
  file: string,
  line: number | null,
  column: string | null,
  message: string,
  hint: string | null = null,
): Issue {
  return { severity, code, file, line, column, message, hint };
}

/** The error of a JSON text nested deeper than plateau parses, located at `line`. */
function tooDeepIssue(file: string, line: number | null): Issue {
  return fhirIssue(
    'error',
    'fhir-json-depth',
    file,
    line,
    null,
    `the JSON nests arrays or objects more than ${MAX_JSON_DEPTH} levels deep${line === null ? '' : ` (from line ${line})`}: not read`,
    'FHIR resources nest far less: send the resources as a FHIR system exports them',
  );
}

function located(
  resource: Json,
  file: string,
  line: number | null,
  fullUrl?: string,
): LocatedResource | string {
  const type = str(resource, 'resourceType');
  if (!type) return 'has no resourceType';
  const id = str(resource, 'id');
  return { type, id, resource, file, line, fullUrl };
}

function readNdjson(text: string, file: string, issues: Issue[]): LocatedResource[] {
  const out: LocatedResource[] = [];
  text.split('\n').forEach((raw, i) => {
    const line = i + 1;
    const source = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    if (source.trim() === '') return;
    if (tooDeep(source) !== null) {
      issues.push(tooDeepIssue(file, line));
      return;
    }
    let value: unknown;
    try {
      value = JSON.parse(source);
    } catch (error) {
      const at = syntaxErrorOffset(error, source);
      issues.push(
        fhirIssue(
          'error',
          'fhir-json-syntax',
          file,
          line,
          null,
          `line ${line} is not JSON (at character ${at + 1})`,
          'NDJSON holds one JSON resource per line',
        ),
      );
      return;
    }
    const resource = asObject(value);
    const got = resource ? located(resource, file, line) : 'is not a JSON object';
    if (typeof got === 'string')
      issues.push(
        fhirIssue(
          'error',
          'fhir-not-resource',
          file,
          line,
          null,
          `line ${line} ${got}`,
          'each line must be one FHIR resource',
        ),
      );
    else out.push(got);
  });
  return out;
}

function readBundle(bundle: Json, text: string, file: string, issues: Issue[]): LocatedResource[] {
  const type = str(bundle, 'type');
  if (!type || !(BUNDLE_TYPES as readonly string[]).includes(type)) {
    issues.push(
      fhirIssue(
        'error',
        'fhir-bundle-type',
        file,
        1,
        'Bundle.type',
        `Bundle.type '${type ?? ''}' is not read`,
        `send a ${BUNDLE_TYPES.join(', ')} Bundle`,
      ),
    );
    return [];
  }
  const entries = bundle['entry'];
  if (entries !== undefined && !Array.isArray(entries)) {
    issues.push(
      fhirIssue(
        'error',
        'fhir-bundle-entry',
        file,
        1,
        'Bundle.entry',
        'Bundle.entry is not an array',
        null,
      ),
    );
    return [];
  }
  const lineOf = lineCounter(text);
  const offsets = entryOffsets(text);
  const out: LocatedResource[] = [];
  (entries ?? []).forEach((raw: unknown, i: number) => {
    const offset = offsets[i];
    const line = offset === undefined ? null : lineOf(offset);
    const entry = asObject(raw);
    const resource = obj(entry, 'resource');
    if (!resource) {
      // A transaction DELETE carries a request and no resource: nothing to read.
      if (str(obj(entry, 'request'), 'method') === 'DELETE') return;
      issues.push(
        fhirIssue(
          'error',
          'fhir-bundle-entry',
          file,
          line,
          `Bundle.entry[${i}]`,
          `Bundle.entry[${i}] has no resource`,
          null,
        ),
      );
      return;
    }
    const got = located(resource, file, line, str(entry, 'fullUrl'));
    if (typeof got === 'string') {
      issues.push(
        fhirIssue(
          'error',
          'fhir-not-resource',
          file,
          line,
          `Bundle.entry[${i}].resource`,
          `Bundle.entry[${i}].resource ${got}`,
          null,
        ),
      );
    } else if (got.type === 'Bundle') {
      issues.push(
        fhirIssue(
          'warning',
          'fhir-nested-bundle',
          file,
          line,
          `Bundle.entry[${i}].resource`,
          `Bundle.entry[${i}] is a Bundle: nested bundles are not read`,
          'send its entries in the outer Bundle',
        ),
      );
    } else out.push(got);
  });
  return out;
}

/**
 * The resources of one input file, with the issues that stop it being read (errors) or parts of
 * it (warnings).
 *
 * @example
 * parseFhirInput({ name: 'b.json', bytes }) // → { resources: [{ type: 'Slot', line: 4, … }], issues: [] }
 */
export function parseFhirInput(input: SourceInput): {
  resources: LocatedResource[];
  issues: Issue[];
} {
  const issues: Issue[] = [];
  const file = input.name;
  const text = decodeUtf8(input.bytes);
  if (text === null) {
    issues.push(
      fhirIssue(
        'error',
        'fhir-encoding',
        file,
        null,
        null,
        'the file is not valid UTF-8',
        'FHIR JSON is UTF-8',
      ),
    );
    return { resources: [], issues };
  }
  if (isNdjsonName(file)) return { resources: readNdjson(text, file, issues), issues };
  const deep = tooDeep(text);
  if (deep !== null) {
    issues.push(tooDeepIssue(file, lineCounter(text)(deep)));
    return { resources: [], issues };
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const line = lineCounter(text)(syntaxErrorOffset(error, text));
    issues.push(
      fhirIssue(
        'error',
        'fhir-json-syntax',
        file,
        line,
        null,
        'the file is not JSON',
        'send a FHIR resource or Bundle as JSON, or NDJSON named .ndjson',
      ),
    );
    return { resources: [], issues };
  }
  const resource = asObject(value);
  const got = resource ? located(resource, file, 1) : 'is not a JSON object';
  if (typeof got === 'string') {
    issues.push(
      fhirIssue(
        'error',
        'fhir-not-resource',
        file,
        1,
        null,
        `the file ${got}`,
        'send a FHIR resource or Bundle',
      ),
    );
    return { resources: [], issues };
  }
  if (got.type === 'Bundle')
    return { resources: readBundle(got.resource, text, file, issues), issues };
  return { resources: [got], issues };
}
