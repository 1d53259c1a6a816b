// Fuzzing the FHIR adapter: JSON mutations of the R4 examples and the exam bundle (a value
// replaced by any JSON, a key dropped, a dateTime rewritten) and byte mutations of their text
// (overwrites, insertions, deletions, as a file or an NDJSON line). Reading never throws or
// hangs, every issue is located in the input it came from, errors name a line, and records that
// come out are well formed. PLATEAU_FUZZ_RUNS sets the runs per property (default 1,500).
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Issue } from '../../../../src/core/issues.ts';
import { deidentifyFhirBundle } from '../../../../src/ingest/sources/fhir/deidentify.ts';
import { fhirAdapter } from '../../../../src/ingest/sources/fhir/index.ts';
import type { SourceInput, SourceRecords } from '../../../../src/ingest/sources/types.ts';
import { CONTEXT } from './build.ts';
import { FIXTURES_DIR, sampleInputs } from './cases.ts';

const RUNS = Number(process.env['PLATEAU_FUZZ_RUNS'] ?? 1500);
/** A few milliseconds a run on a shared machine, never under the default minute. */
const TIMEOUT = Math.max(60_000, RUNS * 10);
const SEEDS: SourceInput[] = [
  ...sampleInputs(),
  {
    name: 'exam-bundle.json',
    bytes: new Uint8Array(readFileSync(join(FIXTURES_DIR, 'exam-bundle', 'input.json'))),
  },
];
const decoder = new TextDecoder();
const encoder = new TextEncoder();

/** Every path to a value inside `value` (keys and indexes). */
function pathsOf(
  value: unknown,
  prefix: (string | number)[] = [],
  out: (string | number)[][] = [],
): (string | number)[][] {
  out.push(prefix);
  if (typeof value === 'object' && value !== null) {
    for (const [k, v] of Object.entries(value))
      pathsOf(v, [...prefix, Array.isArray(value) ? Number(k) : k], out);
  }
  return out;
}

type Mutation =
  { kind: 'replace'; value: unknown } | { kind: 'delete' } | { kind: 'datetime'; value: string };

function mutate(root: unknown, path: (string | number)[], m: Mutation): unknown {
  if (path.length === 0) return m.kind === 'delete' ? null : m.value;
  const copy = structuredClone(root) as Record<string | number, unknown>;
  let parent = copy;
  for (const key of path.slice(0, -1)) parent = parent[key] as Record<string | number, unknown>;
  const last = path[path.length - 1] as string | number;
  if (m.kind === 'delete') {
    if (Array.isArray(parent)) parent.splice(last as number, 1);
    else Reflect.deleteProperty(parent, last);
  } else parent[last] = m.value;
  return copy;
}

async function checkRead(input: SourceInput): Promise<void> {
  const started = performance.now();
  const { records, issues } = await fhirAdapter.read([input], CONTEXT);
  expect(performance.now() - started).toBeLessThan(2000);
  const lines = decoder.decode(input.bytes).split('\n').length;
  for (const issue of issues) {
    const why = misplaced(issue, input.name, lines);
    if (why) expect.fail(`${why}: ${JSON.stringify(issue)}`);
  }
  checkRecords(records);
  await checkKept(input, records, issues);
}

/**
 * What the FHIR inbox would keep of an error-free Bundle reads back into the same exams and
 * sessions (the age band aside: only a birth month is kept).
 */
async function checkKept(
  input: SourceInput,
  records: SourceRecords,
  issues: Issue[],
): Promise<void> {
  if (issues.some((i) => i.severity === 'error')) return;
  let body: unknown;
  try {
    body = JSON.parse(decoder.decode(input.bytes));
  } catch {
    return;
  }
  if (
    typeof body !== 'object' ||
    body === null ||
    (body as { resourceType?: unknown }).resourceType !== 'Bundle'
  )
    return;
  const { bundle } = deidentifyFhirBundle(body as Record<string, unknown>, CONTEXT.secret);
  const kept = await fhirAdapter.read(
    [{ name: input.name, bytes: encoder.encode(JSON.stringify(bundle)) }],
    CONTEXT,
  );
  const noBand = (exams: SourceRecords['exams']) => exams.map((e) => ({ ...e, ageBand: null }));
  expect(noBand(kept.records.exams)).toEqual(noBand(records.exams));
  expect(kept.records.sessions).toEqual(records.sessions);
}

/** Why `issue` is not a well-located issue of `file` (of `lines` lines), or null when it is. */
function misplaced(issue: Issue, file: string, lines: number): string | null {
  if (issue.file !== file) return 'another file';
  if (!['error', 'warning', 'info'].includes(issue.severity)) return 'a bad severity';
  if (issue.message.length === 0) return 'no message';
  if (
    issue.line !== null &&
    !(Number.isInteger(issue.line) && issue.line >= 1 && issue.line <= lines)
  )
    return `line ${issue.line} of ${lines}`;
  // Only a file that is not UTF-8 has no line: every other failure is located.
  if (issue.severity === 'error' && issue.code !== 'fhir-encoding' && issue.line === null)
    return 'an error without a line';
  return null;
}

function checkRecords(records: SourceRecords): void {
  for (const e of records.exams) {
    expect(Number.isFinite(e.roomIn) && Number.isFinite(e.roomOut) && e.roomOut > e.roomIn).toBe(
      true,
    );
    expect(['A', 'H', 'R', 'U']).toContain(e.category);
  }
  for (const s of records.sessions) expect(Number.isFinite(s.start) && s.end > s.start).toBe(true);
}

/** `bytes` with one byte overwritten, inserted or deleted at `at` (modulo the length). */
function editBytes(
  bytes: Uint8Array,
  kind: 'set' | 'insert' | 'delete',
  at: number,
  byte: number,
): Uint8Array {
  const i = bytes.length === 0 ? 0 : at % bytes.length;
  if (kind === 'set') {
    const next = bytes.slice();
    if (next.length > 0) next[i] = byte;
    return next;
  }
  const next = new Uint8Array(bytes.length + (kind === 'insert' ? 1 : bytes.length > 0 ? -1 : 0));
  next.set(bytes.subarray(0, i));
  if (kind === 'insert') {
    next[i] = byte;
    next.set(bytes.subarray(i), i + 1);
  } else next.set(bytes.subarray(i + 1), i);
  return next;
}

const seed = fc.constantFrom(...SEEDS);
const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('replace' as const), value: fc.jsonValue({ maxDepth: 2 }) }),
  fc.record({ kind: fc.constant('delete' as const) }),
  fc.record({
    kind: fc.constant('datetime' as const),
    value: fc.oneof(
      fc.string(),
      fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
      fc.date({ noInvalidDate: true }).map((d) => d.toISOString().slice(0, 19)),
      fc.constantFrom(
        '2026-02-30T10:00:00Z',
        '2026-03-10T24:00:00+01:00',
        '2026-03-10T10:00Z',
        '2026',
        '2026-03-10T10:00:00+15:00',
      ),
    ),
  }),
);

describe('fuzzing the FHIR adapter', () => {
  it(
    `reads JSON-mutated samples without a crash, every issue located (${RUNS} runs)`,
    async () => {
      await fc.assert(
        fc.asyncProperty(
          seed,
          fc.array(fc.tuple(fc.nat(), mutation), { minLength: 1, maxLength: 4 }),
          fc.boolean(),
          async (input, edits, asNdjson) => {
            let value: unknown = JSON.parse(decoder.decode(input.bytes));
            for (const [pick, m] of edits) {
              const paths = pathsOf(value);
              value = mutate(value, paths[pick % paths.length] ?? [], m);
            }
            const text = asNdjson ? JSON.stringify(value) : JSON.stringify(value, null, 2);
            await checkRead({
              name: asNdjson ? 'mutated.ndjson' : 'mutated.json',
              bytes: encoder.encode(text),
            });
          },
        ),
        { numRuns: RUNS },
      );
    },
    TIMEOUT,
  );

  it(
    `reads byte-mutated samples without a crash, every issue located (${RUNS} runs)`,
    async () => {
      const edit = fc.tuple(
        fc.constantFrom('set', 'insert', 'delete'),
        fc.nat(),
        fc.integer({ min: 0, max: 255 }),
      );
      await fc.assert(
        fc.asyncProperty(
          seed,
          fc.array(edit, { minLength: 1, maxLength: 8 }),
          fc.boolean(),
          async (input, edits, asNdjson) => {
            let bytes = input.bytes;
            for (const [kind, at, byte] of edits) bytes = editBytes(bytes, kind, at, byte);
            await checkRead({ name: asNdjson ? 'mutated.ndjson' : 'mutated.json', bytes });
          },
        ),
        { numRuns: RUNS },
      );
    },
    TIMEOUT,
  );
});
