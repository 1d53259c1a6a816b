// Bad requests are answered 400 at once and nothing reaches the log as an error: path parameters
// with a NUL or other control characters, bad percent-encoding or too long; FHIR JSON nested
// deeper than any resource (the route and the files the CLI reads). The FHIR inbox keeps only
// Bundles it will read, within its quota.
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiError } from '../../src/core/views/types.ts';
import { fhirAdapter } from '../../src/ingest/sources/fhir/index.ts';
import { tooDeep } from '../../src/ingest/sources/fhir/json-text.ts';
import { createApp } from '../../src/server/index.ts';
import type { FhirReadSummary } from '../../src/server/routes/fhir.ts';
import type { Store } from '../../src/storage/index.ts';
import { FIXTURES_DIR, mappingOf } from '../ingest/sources/fhir/cases.ts';
import { json, memoryStore } from './helpers.ts';

let store: Store;
beforeAll(async () => {
  store = await memoryStore();
});
afterAll(async () => {
  await store?.close();
});

const fhir = { mapping: mappingOf('exam-bundle'), secret: 'route-secret' };
const bundle = readFileSync(join(FIXTURES_DIR, 'exam-bundle', 'input.json'));
const postFhir = async (
  app: ReturnType<typeof createApp>,
  body: string | Uint8Array,
): Promise<Response> =>
  app.request('/api/fhir', {
    method: 'POST',
    headers: { 'Content-Type': 'application/fhir+json' },
    body,
  });

describe('bad path parameters', () => {
  it('are answered 400 at once, with no error (nor stack) in the log', async () => {
    const lines: string[] = [];
    const app = createApp({ store, log: (line) => lines.push(line) });
    const paths: [string, RegExp][] = [
      ['/api/campaigns/%00', /path segment 3 holds control characters/],
      ['/api/campaigns/a%0Ab', /control characters/],
      ['/api/campaigns/%7F', /control characters/],
      ['/api/campaigns/%E0%A4%A', /not valid percent-encoded UTF-8/],
      ['/api/campaigns/%FF', /not valid percent-encoded UTF-8/],
      [`/api/campaigns/${'x'.repeat(300)}`, /longer than 256 characters/],
      [`/api/campaigns/${'x/'.repeat(1100)}`, /path is longer than 2048/],
      ['/api/campaigns/views/establishments/%00', /path segment 5/],
      ['/api/campaigns/views/machines/%00/timeline', /control characters/],
      ['/api/uploads/%00', /control characters/],
    ];
    for (const [path, message] of paths) {
      const response = await app.request(path);
      expect(response.status, path).toBe(400);
      const body = await json<ApiError>(response);
      expect(body.error.code).toBe('bad-path');
      expect(body.error.message).toMatch(message);
      expect(body.error.message).not.toContain('\u0000');
    }
    expect(lines.filter((l) => /error|at /.test(l))).toEqual([]);
    expect(lines.every((l) => / 400 /.test(l))).toBe(true);
    // Encoded characters that are fine still reach the routes.
    expect((await app.request('/api/campaigns/caf%C3%A9%20x')).status).toBe(404);
  });
});

describe('deeply nested JSON', () => {
  const deep = (levels: number): string =>
    `{"resourceType":"Bundle","type":"collection","entry":[{"resource":{"resourceType":"Basic","extension":${'['.repeat(levels)}${']'.repeat(levels)}}}]}`;

  /** The exam Bundle with a deep array in its Procedure, which the inbox walks to de-identify. */
  const deepExam = (levels: number): string =>
    bundle
      .toString('utf8')
      .replace(
        '"resourceType": "Procedure",',
        `"resourceType": "Procedure", "modifierExtension": ${'['.repeat(levels)}${']'.repeat(levels)},`,
      );

  it('is a 400 with a clear message on POST /api/fhir, never a 500', async () => {
    const lines: string[] = [];
    // With an inbox, as `plateau serve --fhir-inbox` runs: a Bundle without errors is walked to be kept.
    const inbox = mkdtempSync(join(tmpdir(), 'plateau-deep-'));
    const app = createApp({ store, fhir: { ...fhir, inbox }, log: (line) => lines.push(line) });
    for (const text of [deepExam(200_000), deep(200_000), deep(101)]) {
      const response = await postFhir(app, text);
      expect(response.status).toBe(400);
      const body = await json<ApiError>(response);
      expect(body.error.message).toContain('more than 100 levels deep');
    }
    expect(lines.filter((l) => l.startsWith('error'))).toEqual([]);
    // Nesting as deep as FHIR's own is read (and, giving no exam, not kept).
    expect((await postFhir(app, deep(90))).status).toBe(200);
    rmSync(inbox, { recursive: true, force: true });
  });

  it('is a located error in a FHIR file or NDJSON line (as plateau convert/import read them)', async () => {
    const context = { mapping: fhir.mapping, secret: fhir.secret };
    const file = new TextEncoder().encode(`\n\n${deep(100_000)}`);
    const read = await fhirAdapter.read([{ name: 'deep.json', bytes: file }], context);
    expect(read.issues).toEqual([
      expect.objectContaining({
        severity: 'error',
        code: 'fhir-json-depth',
        file: 'deep.json',
        line: 3,
      }),
    ]);
    const lines = new TextEncoder().encode(
      `{"resourceType":"Basic"}\n${'['.repeat(150)}${']'.repeat(150)}\n`,
    );
    const ndjson = await fhirAdapter.read([{ name: 'deep.ndjson', bytes: lines }], context);
    expect(ndjson.issues.filter((i) => i.severity === 'error')).toEqual([
      expect.objectContaining({ code: 'fhir-json-depth', file: 'deep.ndjson', line: 2 }),
    ]);
  });

  it('is measured without counting brackets inside strings', () => {
    expect(tooDeep('[[[1]]]', 2)).toBe(2);
    expect(tooDeep('{"a":"[[[[\\"[["}', 2)).toBeNull();
    expect(tooDeep('[{},{},[{}]]', 3)).toBeNull();
  });
});

describe('the FHIR inbox', () => {
  const root = mkdtempSync(join(tmpdir(), 'plateau-inbox-quota-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  const patients = JSON.stringify({
    resourceType: 'Bundle',
    type: 'collection',
    entry: Array.from({ length: 50 }, (_, i) => ({
      resource: {
        resourceType: 'Patient',
        id: `p${i}`,
        birthDate: '1970-01-01',
        name: [{ family: 'Roel' }],
      },
    })),
  });

  it('reads a Bundle of patients only, answers it, and does not keep it', async () => {
    const inbox = join(root, 'patients');
    const app = createApp({ store, fhir: { ...fhir, inbox } });
    const response = await postFhir(app, patients);
    expect(response.status).toBe(200);
    const summary = await json<FhirReadSummary>(response);
    expect(summary.plateau.stored).toBeNull();
    expect(summary.plateau.notKept).toMatch(/gives no exam and no session/);
    expect(summary.issue[0]?.diagnostics).toMatch(
      /not kept in the inbox: it gives no exam and no session/,
    );
    expect(() => readdirSync(inbox)).toThrow();
    // A Bundle with an exam is kept.
    expect((await postFhir(app, bundle)).status).toBe(201);
    expect(readdirSync(inbox)).toHaveLength(1);
  });

  it('answers 507 with an OperationOutcome when its quota of files or bytes is reached', async () => {
    const inbox = join(root, 'files');
    const byFiles = createApp({ store, fhir: { ...fhir, inbox, inboxQuota: { files: 2 } } });
    expect((await postFhir(byFiles, bundle)).status).toBe(201);
    expect((await postFhir(byFiles, bundle)).status).toBe(201);
    const full = await postFhir(byFiles, bundle);
    expect(full.status).toBe(507);
    expect(full.headers.get('content-type')).toContain('application/fhir+json');
    const outcome = (await full.json()) as {
      resourceType: string;
      issue: { severity: string; diagnostics: string }[];
    };
    expect(outcome.resourceType).toBe('OperationOutcome');
    expect(outcome.issue[0]?.severity).toBe('error');
    expect(outcome.issue[0]?.diagnostics).toMatch(
      /holds its 2 Bundles already.*--fhir-inbox-max-files/,
    );
    expect(readdirSync(inbox)).toHaveLength(2);
    // Files taken away (imported, moved) make room again.
    rmSync(join(inbox, readdirSync(inbox)[0]!));
    expect((await postFhir(byFiles, bundle)).status).toBe(201);

    const small = join(root, 'bytes');
    const byBytes = createApp({ store, fhir: { ...fhir, inbox: small, inboxQuota: { bytes: 1 } } });
    const tooBig = await postFhir(byBytes, bundle);
    expect(tooBig.status).toBe(507);
    expect(
      ((await tooBig.json()) as { issue: { diagnostics: string }[] }).issue[0]?.diagnostics,
    ).toMatch(/would pass its 1 MiB/);
    expect(existsSync(small) ? readdirSync(small).filter((n) => n.endsWith('.json')) : []).toEqual(
      [],
    );
  });

  it('lets concurrent Bundles take only the room there is', async () => {
    const inbox = join(root, 'race');
    const app = createApp({ store, fhir: { ...fhir, inbox, inboxQuota: { files: 3 } } });
    const statuses = await Promise.all(
      Array.from({ length: 8 }, () => postFhir(app, bundle).then((r) => r.status)),
    );
    expect(statuses.filter((s) => s === 201)).toHaveLength(3);
    expect(statuses.filter((s) => s === 507)).toHaveLength(5);
    expect(readdirSync(inbox)).toHaveLength(3);
  });
});
