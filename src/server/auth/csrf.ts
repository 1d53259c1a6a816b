/**
 * CSRF tokens (issue 15): the value a state-changing request must echo in `X-CSRF-Token` is the
 * HMAC-SHA256 of its session token under a key drawn when the server starts. A page of another
 * site can neither read the HttpOnly cookie nor the answer that gave the value, so it cannot send
 * it; nothing is stored, and a restart (new key) only asks the web app to read it again.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** The header the value travels in. */
export const CSRF_HEADER = 'X-CSRF-Token';

/** Makes and checks the CSRF values of sessions, under one random key. */
export class CsrfTokens {
  readonly #key: Buffer;

  constructor(key: Buffer = randomBytes(32)) {
    if (key.length < 32) throw new RangeError('the CSRF key needs at least 32 bytes');
    this.#key = key;
  }

  /** The CSRF value of session `token` (base64url, 43 characters). */
  valueOf(token: string): string {
    return createHmac('sha256', this.#key).update(token, 'utf8').digest('base64url');
  }

  /** True when `given` is session `token`'s value (compared in constant time). */
  check(token: string, given: string | undefined | null): boolean {
    if (typeof given !== 'string') return false;
    const expected = Buffer.from(this.valueOf(token), 'utf8');
    const actual = Buffer.from(given, 'utf8');
    return actual.length === expected.length && timingSafeEqual(actual, expected);
  }
}
