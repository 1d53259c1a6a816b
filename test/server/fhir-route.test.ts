// POST /api/fhir through the app object: a Bundle read with the configured site mapping gives an
// OperationOutcome summary and imports nothing; 503 without a mapping, 415 for another media
// type, 400 for a body that is not a JSON Bundle or a query parameter, 413 over the limit.
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { fhirAdapter } from '../../src/ingest/sources/fhir/index.ts';
import type { FhirReadSummary } from '../../src/server/routes/fhir.ts';
import { createApp } from '../../src/server/index.ts';
import type { Store } from '../../src/storage/index.ts';
import { FIXTURES_DIR, mappingOf } from '../ingest/sources/fhir/cases.ts';

// The route never touches the store: a stand-in that would fail if it did.
const store = {
  db: {},
  engine: 'pglite',
  location: 'nowhere',
  close: async () => undefined,
} as unknown as Store;
const fhir = { mapping: mappingOf('exam-bundle'), secret: 'route-secret' };
const bundle = readFileSync(join(FIXTURES_DIR, 'exam-bundle', 'input.json'));
const post = (
  app: ReturnType<typeof createApp>,
  body: string | Uint8Array,
  type = 'application/fhir+json; charset=utf-8',
  path = '/api/fhir',
) => app.request(path, { method: 'POST', headers: { 'Content-Type': type }, body });

describe('POST /api/fhir', () => {
  const app = createApp({ store, fhir });

  it('reads a Bundle into an OperationOutcome summary and imports nothing', async () => {
    const response = await post(app, bundle);
    expect(response.status).toBe(200);
    const summary = (await response.json()) as FhirReadSummary;
    expect(summary.resourceType).toBe('OperationOutcome');
    expect(summary.plateau.imported).toBe(false);
    expect(summary.plateau.records).toEqual({ exams: 1, sessions: 1, equipment: 1 });
    expect(summary.plateau.removed).toMatchObject({ 'Patient.name': 1, 'Patient.birthDate': 1 });
    expect(summary.issue[0]?.diagnostics).toBe(
      'read 1 exam, 1 session, 1 machine; nothing was imported',
    );
    expect(summary.issue.slice(1)).toEqual([
      expect.objectContaining({
        severity: 'information',
        location: ['request:130:Appointment.status'],
        expression: ['Appointment.status'],
      }),
    ]);
    expect(JSON.stringify(summary)).not.toContain('Martin');
    // application/json is taken too.
    expect((await post(app, bundle, 'application/json')).status).toBe(200);
  });

  it('answers the located issues of a Bundle with errors', async () => {
    const text = bundle
      .toString('utf8')
      .replace('"2026-03-10T09:27:30+01:00"', '"2026-03-10T09:27:30"');
    const summary = (await (await post(app, text)).json()) as FhirReadSummary;
    expect(summary.plateau.records.exams).toBe(0);
    expect(summary.issue).toContainEqual(
      expect.objectContaining({
        severity: 'error',
        code: 'invalid',
        expression: ['Procedure.performedPeriod.end'],
      }),
    );
  });

  it('refuses what is not a JSON Bundle, other media types, query parameters and GET', async () => {
    const codeOf = async (r: Response): Promise<[number, string]> => [
      r.status,
      ((await r.json()) as { error: { code: string } }).error.code,
    ];
    expect(await codeOf(await post(app, bundle, 'text/plain'))).toEqual([
      415,
      'unsupported-media-type',
    ]);
    expect(await codeOf(await post(app, '{"resourceType": "Patient"}'))).toEqual([
      400,
      'bad-request',
    ]);
    expect(await codeOf(await post(app, '{"resourceType": '))).toEqual([400, 'bad-request']);
    expect(await codeOf(await post(app, new Uint8Array([0x7b, 0xff, 0x7d])))).toEqual([
      400,
      'bad-request',
    ]);
    expect(await codeOf(await post(app, bundle, undefined, '/api/fhir?mapping=x'))).toEqual([
      400,
      'bad-request',
    ]);
    expect(await codeOf(await app.request('/api/fhir'))).toEqual([405, 'method-not-allowed']);
  });

  it('answers 413 over the body limit', async () => {
    const small = createApp({ store, fhir: { ...fhir, maxBytes: 1024 } });
    const response = await post(small, bundle);
    expect(response.status).toBe(413);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe(
      'payload-too-large',
    );
  });

  it('answers 503 fhir-not-configured without a site mapping', async () => {
    const response = await post(createApp({ store }), bundle);
    expect(response.status).toBe(503);
    expect(await response.json()).toMatchObject({ error: { code: 'fhir-not-configured' } });
  });
});

describe('POST /api/fhir with an inbox (plateau serve --fhir-inbox)', () => {
  const inbox = join(mkdtempSync(join(tmpdir(), 'plateau-fhir-inbox-')), 'inbox');
  afterAll(() => rmSync(join(inbox, '..'), { recursive: true, force: true }));
  const app = createApp({ store, fhir: { ...fhir, inbox } });

  it('keeps a Bundle without errors, de-identified, that reads back into the same exam', async () => {
    const response = await post(app, bundle);
    expect(response.status).toBe(201);
    const summary = (await response.json()) as FhirReadSummary;
    expect(summary.plateau.stored).toMatch(
      /^\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}\.\d{3}Z-[0-9a-f]{8}\.json$/,
    );
    expect(summary.issue[0]?.diagnostics).toBe(
      `read 1 exam, 1 session, 1 machine; kept de-identified in the inbox as ${summary.plateau.stored}, for plateau import`,
    );
    expect(readdirSync(inbox)).toEqual([summary.plateau.stored]);
    const path = join(inbox, summary.plateau.stored!);
    expect(statSync(path).mode & 0o777).toBe(0o600);
    const text = readFileSync(path, 'utf8');
    expect(text).not.toContain('Martin');
    expect(text).not.toContain('urn:uuid:0a5c2f0e-0000-4000-8000-000000000001');
    // What plateau import reads from the inbox: the exam the Bundle gave, less the day of birth.
    const context = { mapping: fhir.mapping, secret: fhir.secret };
    const original = await fhirAdapter.read(
      [{ name: 'request', bytes: new Uint8Array(bundle) }],
      context,
    );
    const fromInbox = await fhirAdapter.read(
      [{ name: summary.plateau.stored!, bytes: new Uint8Array(readFileSync(path)) }],
      context,
    );
    const noBand = (exams: typeof original.records.exams) =>
      exams.map((e) => ({ ...e, ageBand: null }));
    expect(noBand(fromInbox.records.exams)).toEqual(noBand(original.records.exams));
    expect(fromInbox.records.sessions).toEqual(original.records.sessions);
  });

  it('keeps nothing of a Bundle with errors', async () => {
    const before = readdirSync(inbox);
    const text = bundle
      .toString('utf8')
      .replace('"2026-03-10T09:27:30+01:00"', '"2026-03-10T09:27:30"');
    const response = await post(app, text);
    expect(response.status).toBe(200);
    expect(((await response.json()) as FhirReadSummary).plateau.stored).toBeNull();
    expect(readdirSync(inbox)).toEqual(before);
  });
});
