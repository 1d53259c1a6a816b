/**
 * Patient identity stops at the adapter: identifiers become a keyed hash (HMAC-SHA-256 with the
 * site's secret, which is never stored), and every identifying field dropped is counted so the
 * import can say what it removed.
 */
import { createHmac } from 'node:crypto';

/**
 * The keyed hash of an identifier: HMAC-SHA-256 of `value` under `secret`, as 64 hex digits.
 * The same value and secret always give the same digest (so exams of one patient still link),
 * and without the secret the digest cannot be reversed or recomputed from a guessed value.
 *
 * @throws Error when `secret` is empty (a hash without a key is reversible by guessing).
 * @example
 * pseudonymize('IPP-000123', process.env.PLATEAU_SECRET ?? '') // → 'a3f1…' (64 hex digits)
 */
export function pseudonymize(value: string, secret: string): string {
  if (secret.length === 0) {
    throw new Error(
      'pseudonymize: the secret is empty; set the site secret (e.g. PLATEAU_SECRET) so identifiers are hashed with a key',
    );
  }
  return createHmac('sha256', secret).update(value, 'utf8').digest('hex');
}

/**
 * Adds `n` to the count of identifying field `field` in a `removed` summary (in place).
 *
 * @example
 * const removed: Record<string, number> = {};
 * countRemoved(removed, 'PID.5 patient name'); // removed → { 'PID.5 patient name': 1 }
 */
export function countRemoved(removed: Record<string, number>, field: string, n = 1): void {
  removed[field] = (removed[field] ?? 0) + n;
}

/**
 * Marks a value kept on disk as its keyed hash (`plateau.h.<64 hex digits>`), so a reader can
 * tell it from a raw identifier and join the two: the MLLP journal and the FHIR inbox write
 * identifiers in this form, and the adapters read either form into the same digest.
 */
export const HASHED_PREFIX = 'plateau.h.';
const HASHED = /^plateau\.h\.[0-9a-f]{64}$/;

/** True when `value` is an identifier already in its kept form (`plateau.h.<digest>`). */
export function isHashed(value: string): boolean {
  return value.length === HASHED_PREFIX.length + 64 && HASHED.test(value);
}

/**
 * An identifier as it may be written to disk: `plateau.h.` and the keyed hash of the trimmed
 * value; a value already in that form is returned as it is (hashing twice changes nothing), an
 * empty one stays empty.
 *
 * @example
 * hashedIdentifier('ACC42', secret)                        // → 'plateau.h.3b0c…'
 * hashedIdentifier(hashedIdentifier('ACC42', secret), secret) // → the same
 */
export function hashedIdentifier(value: string, secret: string): string {
  const v = value.trim();
  if (v === '' || isHashed(v)) return v;
  return `${HASHED_PREFIX}${pseudonymize(v, secret)}`;
}

/**
 * The digest an identifier is known by in the records (exam ids, join keys): the keyed hash of
 * the trimmed raw value, or the digest a kept value (`plateau.h.<digest>`) already carries, so a
 * journaled or inboxed identifier and the same one read raw (DICOM, exported files) match.
 *
 * @example
 * identifierDigest('ACC42', secret) === identifierDigest(hashedIdentifier('ACC42', secret), secret) // true
 */
export function identifierDigest(value: string, secret: string): string {
  const v = value.trim();
  return isHashed(v) ? v.slice(HASHED_PREFIX.length) : pseudonymize(v, secret);
}

/**
 * Memoized `hashedIdentifier` for one read (identifiers repeat across the messages of an exam).
 *
 * @example
 * const hash = identifierHasher(secret); hash('ACC42'); hash('ACC42'); // one HMAC
 */
export function identifierHasher(secret: string): (value: string) => string {
  const memo = new Map<string, string>();
  return (value: string): string => {
    if (value === '') return '';
    let h = memo.get(value);
    if (h === undefined) {
      h = hashedIdentifier(value, secret);
      if (memo.size > 100_000) memo.clear();
      memo.set(value, h);
    }
    return h;
  };
}
