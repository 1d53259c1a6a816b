/**
 * The FHIR adapter's patient key: the keyed hash its subject Patient is known by (the id the
 * FHIR inbox gives it), the same for two exams of one patient, another for another patient,
 * never the id, another under another secret, and the same once the Bundle went through the inbox.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fhirAdapter } from '../../../../src/ingest/sources/fhir/index.ts';
import { deidentifyFhirBundle } from '../../../../src/ingest/sources/fhir/deidentify.ts';
import { pseudonymize } from '../../../../src/ingest/sources/identity.ts';
import { looksLikeRawIdentifier } from '../../../../src/plan/relevance/repeats.ts';
import { bundle, CONTEXT, examResources, input } from './build.ts';
import { FIXTURES_DIR, mappingOf, SECRET } from './cases.ts';

/** Three exams: two of Patient/x (different days), one of Patient/y. */
function threeExams(): string {
  const [e1, s1, p1] = examResources(1);
  const [e2, s2, p2] = examResources(2, {
    start: '2026-03-12T09:00:00+01:00',
    end: '2026-03-12T09:20:00+01:00',
  });
  const [e3, s3, p3] = examResources(3, {
    start: '2026-03-13T09:00:00+01:00',
    end: '2026-03-13T09:20:00+01:00',
  });
  p3.subject = { reference: 'Patient/y' };
  s3.subject = { reference: 'Patient/y' };
  return bundle([e1, s1, p1, e2, s2, p2, e3, s3, p3]);
}

const keysOf = async (
  text: string,
  secret = CONTEXT.secret,
): Promise<(string | null | undefined)[]> => {
  const { records } = await fhirAdapter.read([input('b.json', text)], { ...CONTEXT, secret });
  return [...records.exams].sort((a, b) => a.roomIn - b.roomIn).map((e) => e.patientKey);
};

describe('FHIR exams carry the keyed hash of their patient', () => {
  it('gives two exams of one patient the same key, another patient another, never the id', async () => {
    const keys = await keysOf(threeExams());
    expect(keys).toHaveLength(3);
    // Hand-derived: HMAC-SHA-256 of `Patient/<id>` under the site secret.
    expect(keys[0]).toBe(pseudonymize('Patient/x', 'test-secret'));
    expect(keys[1]).toBe(keys[0]);
    expect(keys[2]).toBe(pseudonymize('Patient/y', 'test-secret'));
    expect(keys[2]).not.toBe(keys[0]);
    for (const k of keys) {
      expect(k).toMatch(/^[0-9a-f]{64}$/);
      expect(looksLikeRawIdentifier(k as string)).toBe(false);
    }
  });

  it('gives other keys under another secret', async () => {
    const mine = await keysOf(threeExams());
    const theirs = await keysOf(threeExams(), 'another-secret');
    expect(theirs[0]).toBe(theirs[1]);
    expect(theirs.filter((k) => mine.includes(k))).toEqual([]);
  });

  it('keys the transaction Bundle fixture by its Patient (urn:uuid reference), the same after the inbox', async () => {
    const text = readFileSync(join(FIXTURES_DIR, 'exam-bundle', 'input.json'), 'utf8');
    const context = { mapping: mappingOf('exam-bundle'), secret: SECRET };
    const raw = await fhirAdapter.read([input('exam-bundle.json', text)], context);
    expect(raw.records.exams.map((e) => e.patientKey)).toEqual([
      pseudonymize('Patient/p1', SECRET),
    ]);
    const kept = deidentifyFhirBundle(JSON.parse(text) as Record<string, unknown>, SECRET).bundle;
    const inbox = await fhirAdapter.read([input('inbox.json', JSON.stringify(kept))], context);
    expect(inbox.records.exams.map((e) => e.patientKey)).toEqual([
      pseudonymize('Patient/p1', SECRET),
    ]);
    expect(JSON.stringify(inbox.records)).not.toContain('"p1"');
  });

  it('has no key when the subject names no patient', async () => {
    const [e, s, p] = examResources(1);
    const { subject: _p, ...procedure } = p;
    const { subject: _s, ...order } = s;
    expect(await keysOf(bundle([e, order as typeof s, procedure as typeof p]))).toEqual([null]);
    expect(
      await keysOf(bundle([e, order as typeof s, { ...p, subject: { reference: 'Group/g1' } }])),
    ).toEqual([null]);
  });
});
