/**
 * One input file to located FHIR resources: a single resource or a Bundle (collection,
 * transaction, batch, searchset) as JSON, or NDJSON (one resource a line, as bulk export
 * writes it). Each resource keeps its file, its line, its bundle's fullUrl and timestamp.
 */
import type { Issue } from '../../../core/issues.ts';
import { makeIssue } from '../../../i18n/issues/index.ts';
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
  /** The Bundle's `timestamp` (when it was assembled), when the resource came in one that has it. */
  bundleTimestamp?: string;
}

export const BUNDLE_TYPES = ['collection', 'transaction', 'batch', 'searchset'] as const;

/** True for a `.ndjson` / `.jsonl` name. */
export function isNdjsonName(name: string): boolean {
  return /\.(ndjson|jsonl)$/i.test(name);
}

/** The error of a JSON text nested deeper than plateau parses, located at `line`. */
function tooDeepIssue(file: string, line: number | null): Issue {
  return line === null
    ? makeIssue('error', 'fhir-json-depth', file, line, null, { depth: MAX_JSON_DEPTH })
    : makeIssue('error', 'fhir-json-depth.line', file, line, null, {
        depth: MAX_JSON_DEPTH,
        line: String(line),
      });
}

function located(
  resource: Json,
  file: string,
  line: number | null,
  fullUrl?: string,
  bundleTimestamp?: string,
): LocatedResource | 'no-type' {
  const type = str(resource, 'resourceType');
  if (!type) return 'no-type';
  const id = str(resource, 'id');
  return {
    type,
    id,
    resource,
    file,
    line,
    fullUrl,
    ...(bundleTimestamp === undefined ? {} : { bundleTimestamp }),
  };
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
        makeIssue('error', 'fhir-json-syntax.line', file, line, null, {
          line: String(line),
          at: String(at + 1),
        }),
      );
      return;
    }
    const resource = asObject(value);
    const got = resource ? located(resource, file, line) : 'not-object';
    if (typeof got === 'string')
      issues.push(
        makeIssue('error', `fhir-not-resource.line-${got}`, file, line, null, {
          line: String(line),
        }),
      );
    else out.push(got);
  });
  return out;
}

function readBundle(bundle: Json, text: string, file: string, issues: Issue[]): LocatedResource[] {
  const type = str(bundle, 'type');
  if (!type || !(BUNDLE_TYPES as readonly string[]).includes(type)) {
    issues.push(
      makeIssue('error', 'fhir-bundle-type', file, 1, 'Bundle.type', {
        type: type ?? '',
        types: BUNDLE_TYPES.join(', '),
      }),
    );
    return [];
  }
  const entries = bundle['entry'];
  if (entries !== undefined && !Array.isArray(entries)) {
    issues.push(makeIssue('error', 'fhir-bundle-entry.array', file, 1, 'Bundle.entry'));
    return [];
  }
  const lineOf = lineCounter(text);
  const offsets = entryOffsets(text);
  const timestamp = str(bundle, 'timestamp');
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
        makeIssue('error', 'fhir-bundle-entry', file, line, `Bundle.entry[${i}]`, {
          entry: `Bundle.entry[${i}]`,
        }),
      );
      return;
    }
    const got = located(resource, file, line, str(entry, 'fullUrl'), timestamp);
    if (typeof got === 'string') {
      issues.push(
        makeIssue(
          'error',
          'fhir-not-resource.entry-no-type',
          file,
          line,
          `Bundle.entry[${i}].resource`,
          {
            entry: `Bundle.entry[${i}].resource`,
          },
        ),
      );
    } else if (got.type === 'Bundle') {
      issues.push(
        makeIssue('warning', 'fhir-nested-bundle', file, line, `Bundle.entry[${i}].resource`, {
          entry: `Bundle.entry[${i}]`,
        }),
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
    issues.push(makeIssue('error', 'fhir-encoding', file, null, null));
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
    issues.push(makeIssue('error', 'fhir-json-syntax', file, line, null));
    return { resources: [], issues };
  }
  const resource = asObject(value);
  const got = resource ? located(resource, file, 1) : 'not-object';
  if (typeof got === 'string') {
    issues.push(makeIssue('error', `fhir-not-resource.file-${got}`, file, 1, null));
    return { resources: [], issues };
  }
  if (got.type === 'Bundle')
    return { resources: readBundle(got.resource, text, file, issues), issues };
  return { resources: [got], issues };
}
