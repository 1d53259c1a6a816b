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
