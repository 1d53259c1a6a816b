/**
 * Verifies a signed bundle file as the observatory receives it, in this order: size and JSON of
 * the outer file, its shape, the key (registered, not revoked), the Ed25519 signature over the
 * payload's exact text, the key's FINESS against the payload's establishment, then the payload's
 * allow-list reader. Every refusal is located issues (FR/EN) that never quote the file's content.
 */
import { createHash, createPublicKey, verify } from 'node:crypto';
import type { BundleProblem } from '../../core/bundle/validate.ts';
import {
  MAX_BUNDLE_BYTES,
  readBundlePayload,
  readSignedBundle,
} from '../../core/bundle/validate.ts';
import type { BundlePayload } from '../../core/bundle/types.ts';
import type { Issue } from '../../core/issues.ts';
import type { IssueKey, IssueParams } from '../../i18n/issues/index.ts';
import { makeIssue } from '../../i18n/issues/index.ts';
import { jsonFaultOffset, placeOf } from './json-place.ts';

/**
 * A registered key as the lookup gives it: its FINESS, its SPKI PEM and whether it was revoked
 * (`publicPem` + `revoked`, or a `bundle_keys` row's `publicKey` + `revokedAt`).
 */
export type RegisteredKey = { finess: string } & (
  { publicPem: string; revoked: boolean } | { publicKey: string; revokedAt: string | null }
);

/** Why a bundle was refused. */
export type BundleVerifyRefusal =
  'file' | 'unknown-key' | 'revoked-key' | 'signature' | 'foreign-key' | 'payload';

/** A verified bundle, or why not. */
export type BundleVerification =
  | { ok: true; payload: BundlePayload; keyId: string; sha256: string }
  | {
      ok: false;
      reason: BundleVerifyRefusal;
      /** The first issues' English messages, located (`bundle.json machines[2].exams: …`). */
      message: string;
      issues: Issue[];
      sha256: string;
    };

/** Every issue code a refused bundle may carry (the allow-list reader's and this file's). */
export const BUNDLE_ISSUE_CODES = [
  'bundle-exam-rows',
  'bundle-unknown-key',
  'bundle-invalid',
  'bundle-histogram',
  'bundle-binning',
  'bundle-establishment',
  'bundle-machine',
  'bundle-survey',
  'bundle-consistency',
  'bundle-file',
  'bundle-key',
  'bundle-signature',
] as const;

/** Options of `verifyBundle`. */
export interface VerifyOptions {
  /** The file's name in issues (default `bundle`). */
  file?: string;
}

function issue(file: string, key: IssueKey, column: string | null, params: IssueParams): Issue {
  return makeIssue('error', key, file, null, column, params);
}

/** Issues of the allow-list reader's problems, located by JSON path (in the issue's column; the payload's paths start at the payload). */
function problemIssues(file: string, problems: readonly BundleProblem[]): Issue[] {
  return problems.map((p) => issue(file, p.key, p.path === '' ? null : p.path, p.params));
}

function refused(reason: BundleVerifyRefusal, issues: Issue[], sha256: string): BundleVerification {
  const located = issues
    .slice(0, 3)
    .map((i) => `${i.file}${i.column ? ` ${i.column}` : ''}: ${i.message}`);
  const more = issues.length > 3 ? ` (and ${issues.length - 3} more)` : '';
  return { ok: false, reason, message: located.join('; ') + more, issues, sha256 };
}

/**
 * Verifies the signed bundle `text` with the keys `lookupKey` knows (a key id → its registration,
 * or null). On success the payload (read by its allow-list), the key id and the file's SHA-256.
 *
 * @example
 * const result = await verifyBundle(text, (id) => lookupBundleKey(db, id));
 * if (!result.ok) printIssues(result.issues);
 */
export async function verifyBundle(
  text: string,
  lookupKey: (keyId: string) => RegisteredKey | null | Promise<RegisteredKey | null>,
  options: VerifyOptions = {},
): Promise<BundleVerification> {
  const file = options.file ?? 'bundle';
  const bytes = Buffer.from(text, 'utf8');
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  if (bytes.length > MAX_BUNDLE_BYTES) {
    const mib = (n: number) => Math.round((n / (1024 * 1024)) * 10) / 10;
    return refused(
      'file',
      [
        issue(file, 'bundle-file.too-large', null, {
          file,
          size: mib(bytes.length),
          max: mib(MAX_BUNDLE_BYTES),
        }),
      ],
      sha256,
    );
  }
  let outer: unknown;
  try {
    outer = JSON.parse(text);
  } catch {
    return refused(
      'file',
      [
        issue(file, 'bundle-file.json', null, {
          file,
          ...placeOf(text, jsonFaultOffset(text) ?? text.length),
        }),
      ],
      sha256,
    );
  }
  const read = readSignedBundle(outer);
  if ('errors' in read) return refused('file', problemIssues(file, read.errors), sha256);
  const { payload: payloadText, signature } = read.bundle;
  const keyId = signature.keyId;
  const key = await lookupKey(keyId);
  if (key === null)
    return refused(
      'unknown-key',
      [issue(file, 'bundle-key.unknown', 'signature.keyId', { keyId })],
      sha256,
    );
  const revoked = 'revoked' in key ? key.revoked : key.revokedAt !== null;
  if (revoked)
    return refused(
      'revoked-key',
      [issue(file, 'bundle-key.revoked', 'signature.keyId', { keyId })],
      sha256,
    );
  let good = false;
  try {
    const publicKey = createPublicKey('publicPem' in key ? key.publicPem : key.publicKey);
    good = verify(
      null,
      Buffer.from(payloadText, 'utf8'),
      publicKey,
      Buffer.from(signature.value, 'base64'),
    );
  } catch {
    good = false;
  }
  if (!good)
    return refused(
      'signature',
      [issue(file, 'bundle-signature', 'signature.value', { keyId })],
      sha256,
    );
  let json: unknown;
  try {
    json = JSON.parse(payloadText);
  } catch {
    return refused(
      'payload',
      [issue(file, 'bundle-file.payload-json', 'payload', { file })],
      sha256,
    );
  }
  // The key's site before the payload's details: a site signs only its own bundle.
  const establishment = (json as { establishment?: { finess?: unknown } } | null)?.establishment;
  const finess =
    typeof establishment?.finess === 'string' && /^[0-9A-Za-z]{9}$/.test(establishment.finess)
      ? establishment.finess
      : null;
  if (finess !== null && finess !== key.finess) {
    return refused(
      'foreign-key',
      [
        issue(file, 'bundle-key.finess', 'payload.establishment.finess', {
          keyId,
          keyFiness: key.finess,
          finess,
        }),
      ],
      sha256,
    );
  }
  const payload = readBundlePayload(json);
  if ('errors' in payload) return refused('payload', problemIssues(file, payload.errors), sha256);
  return { ok: true, payload: payload.payload, keyId, sha256 };
}
