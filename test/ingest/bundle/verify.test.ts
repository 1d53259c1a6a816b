// Signing and verifying a bundle: a good one passes; a changed signature byte, a changed figure
// (signature kept), an unknown key, a revoked key, a key of another FINESS and an exam row are refused.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { BundlePayload } from '../../../src/core/bundle/types.ts';
import {
  BUNDLE_ISSUE_CODES,
  generateSiteKey,
  keyIdOf,
  signBundle,
  verifyBundle,
} from '../../../src/ingest/bundle/index.ts';
import type { RegisteredKey } from '../../../src/ingest/bundle/index.ts';
import { codeOfKey, ISSUE_CATALOGS, issueWords } from '../../../src/i18n/issues/index.ts';
import { jsonFaultOffset } from '../../../src/ingest/bundle/json-place.ts';
import { FINESS, payloadJson } from '../../core/bundle/payload.ts';

const site = generateSiteKey();
const other = generateSiteKey();
const payload = payloadJson() as unknown as BundlePayload;
const file = JSON.stringify(signBundle(payload, site.privatePem));
const registry = new Map<string, RegisteredKey>([
  [site.keyId, { finess: FINESS, publicPem: site.publicPem, revoked: false }],
]);
const lookup = (id: string) => registry.get(id) ?? null;

describe('site keys', () => {
  it('name a key by the first 16 hex of the SHA-256 of its SPKI DER', () => {
    const der = Buffer.from(site.publicPem.replace(/-----[^-]+-----|\s/g, ''), 'base64');
    expect(site.keyId).toBe(createHash('sha256').update(der).digest('hex').slice(0, 16));
    expect(keyIdOf(site.publicPem)).toBe(site.keyId);
    expect(site.privatePem).toMatch(/^-----BEGIN PRIVATE KEY-----/);
    expect(other.keyId).not.toBe(site.keyId);
  });
});

describe('verifyBundle', () => {
  it('accepts a signed bundle and gives its payload, key id and the file SHA-256', async () => {
    const result = await verifyBundle(file, lookup);
    expect(result).toMatchObject({
      ok: true,
      keyId: site.keyId,
      sha256: createHash('sha256').update(file).digest('hex'),
    });
    expect(result.ok && result.payload).toEqual(payload);
    // Async lookups (a database) too.
    expect((await verifyBundle(file, async (id) => lookup(id))).ok).toBe(true);
  });

  it('refuses a signature with one byte changed', async () => {
    const signed = JSON.parse(file);
    const bytes = Buffer.from(signed.signature.value, 'base64');
    bytes[10] = (bytes[10] as number) ^ 0x01;
    signed.signature.value = bytes.toString('base64');
    const result = await verifyBundle(JSON.stringify(signed), lookup);
    expect(result).toMatchObject({ ok: false, reason: 'signature' });
    expect(!result.ok && result.issues.map((i) => i.code)).toEqual(['bundle-signature']);
  });

  it('refuses a figure changed after signing (signature kept)', async () => {
    const signed = JSON.parse(file);
    signed.payload = signed.payload.replace('"icrPerHour":31.5', '"icrPerHour":41.5');
    expect(signed.payload).toContain('"icrPerHour":41.5');
    expect(await verifyBundle(JSON.stringify(signed), lookup)).toMatchObject({
      ok: false,
      reason: 'signature',
    });
  });

  it('refuses an unknown key and a revoked key, naming the key id in both languages', async () => {
    const unknown = await verifyBundle(
      JSON.stringify(signBundle(payload, other.privatePem)),
      lookup,
    );
    expect(unknown).toMatchObject({ ok: false, reason: 'unknown-key' });
    const issue = !unknown.ok ? unknown.issues[0] : undefined;
    expect(issue?.message).toBe(
      `the bundle is signed with key ${other.keyId}, which is not registered: unknown key`,
    );
    expect(issueWords(issue as NonNullable<typeof issue>, 'fr').message).toBe(
      `le lot est signé avec la clé ${other.keyId}, qui n’est pas enregistrée\u202f: clé inconnue`,
    );
    const revoked = await verifyBundle(file, () => ({
      finess: FINESS,
      publicKey: site.publicPem,
      revokedAt: '2011-04-01T00:00:00Z',
    }));
    expect(revoked).toMatchObject({ ok: false, reason: 'revoked-key' });
  });

  it("refuses a key registered to another FINESS than the bundle's establishment", async () => {
    const result = await verifyBundle(file, () => ({
      finess: '350000002',
      publicPem: site.publicPem,
      revoked: false,
    }));
    expect(result).toMatchObject({ ok: false, reason: 'foreign-key' });
    expect(!result.ok && result.issues[0]?.message).toBe(
      `key ${site.keyId} is registered to 350000002, not to the bundle's establishment ${FINESS}`,
    );
  });

  it('refuses a validly signed bundle with an exam row inside, by path', async () => {
    const spoiled = payloadJson() as Record<string, unknown> & {
      machines: Record<string, unknown>[];
    };
    (spoiled.machines[0] as Record<string, unknown>)['exams'] = [{ examId: 'E1', patientKey: 'x' }];
    const result = await verifyBundle(
      JSON.stringify(signBundle(spoiled as unknown as BundlePayload, site.privatePem)),
      lookup,
    );
    expect(result).toMatchObject({ ok: false, reason: 'payload' });
    expect(!result.ok && result.issues.map((i) => [i.code, i.column, i.message])).toEqual([
      [
        'bundle-exam-rows',
        'machines[0].exams',
        'a bundle carries aggregates only: exam rows found at machines[0].exams',
      ],
    ]);
  });

  it('locates unreadable JSON without quoting it, and refuses a file over 20 MiB', async () => {
    const broken = '{\n  "format": "plateau-signed-bundle",\n  "payload": SECRET-NAME\n}';
    const result = await verifyBundle(broken, lookup, { file: 'chu.bundle.json' });
    expect(result).toMatchObject({ ok: false, reason: 'file' });
    const issue = !result.ok ? result.issues[0] : undefined;
    expect(issue?.message).toBe('chu.bundle.json is not readable JSON (line 3, column 14)');
    expect(JSON.stringify(result)).not.toContain('SECRET');
    const big = await verifyBundle(`"${'x'.repeat(21 * 1024 * 1024)}"`, lookup);
    expect(!big.ok && big.issues[0]?.code).toBe('bundle-file');
  });
});

describe('jsonFaultOffset', () => {
  it('gives the offset of the first syntax error, null for JSON', () => {
    expect(jsonFaultOffset('{"a": [1, 2.5e3, "x\\u00e9", true, null]}')).toBeNull();
    expect(jsonFaultOffset('{"a": 1,}')).toBe(8);
    expect(jsonFaultOffset('[1, 2')).toBe(5);
    expect(jsonFaultOffset('{"a": 01}')).toBe(7);
    expect(jsonFaultOffset('"abc')).toBe(4);
  });
});

describe('issue codes', () => {
  it('BUNDLE_ISSUE_CODES lists every bundle code of the catalogs', () => {
    const codes = new Set(
      Object.keys(ISSUE_CATALOGS.en)
        .filter((k) => k.startsWith('bundle-'))
        .map(codeOfKey),
    );
    expect(codes).toEqual(new Set(BUNDLE_ISSUE_CODES));
  });
});
