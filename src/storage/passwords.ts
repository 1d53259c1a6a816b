/**
 * Password hashes for the observatory's accounts (issue 15): scrypt from node's crypto, stored as
 * `scrypt$N$r$p$salt$hash` (base64url) so that the parameters travel with the hash and can be
 * raised later (`needsRehash`). Always asynchronous: a server never blocks on a hash.
 */
import {
  randomBytes,
  scrypt as scryptCallback,
  timingSafeEqual,
  type ScryptOptions,
} from 'node:crypto';

/** The scrypt cost parameters of a hash. */
export interface ScryptParams {
  /** CPU/memory cost, a power of two. */
  N: number;
  r: number;
  p: number;
}

/** The parameters new hashes use (N = 2^15, r = 8, p = 1: about 32 MiB and 50–100 ms). */
export const SCRYPT_DEFAULTS: ScryptParams = { N: 2 ** 15, r: 8, p: 1 };

const SALT_BYTES = 16;
const KEY_BYTES = 32;

function scrypt(password: string, salt: Buffer, params: ScryptParams): Promise<Buffer> {
  // scrypt needs 128·N·r bytes; the default cap (32 MiB) is just under what N = 2^15 needs.
  const options: ScryptOptions = {
    N: params.N,
    r: params.r,
    p: params.p,
    maxmem: 256 * params.N * params.r + 1024 * 1024,
  };
  return new Promise((resolve, reject) => {
    scryptCallback(password.normalize('NFC'), salt, KEY_BYTES, options, (error, key) =>
      error ? reject(error) : resolve(key),
    );
  });
}

/** The parts of a stored hash, or null when it is not a well-formed scrypt hash. */
function parse(stored: string): { params: ScryptParams; salt: Buffer; hash: Buffer } | null {
  const parts = stored.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return null;
  const [N, r, p] = parts
    .slice(1, 4)
    .map((s) => (/^[1-9]\d{0,9}$/.test(s as string) ? Number(s) : NaN)) as [number, number, number];
  if (
    ![N, r, p].every(Number.isSafeInteger) ||
    (N & (N - 1)) !== 0 ||
    N < 2 ||
    N > 2 ** 20 ||
    r > 64 ||
    p > 16
  )
    return null;
  const salt = Buffer.from(parts[4] as string, 'base64url');
  const hash = Buffer.from(parts[5] as string, 'base64url');
  if (salt.length < 8 || hash.length !== KEY_BYTES) return null;
  return { params: { N, r, p }, salt, hash };
}

/**
 * The stored form of `password`: a fresh 16-byte salt, a 32-byte scrypt key.
 *
 * @example
 * const stored = await hashPassword('correct horse battery'); // 'scrypt$32768$8$1$…$…'
 */
export async function hashPassword(
  password: string,
  params: ScryptParams = SCRYPT_DEFAULTS,
): Promise<string> {
  const salt = randomBytes(SALT_BYTES);
  const key = await scrypt(password, salt, params);
  return [
    'scrypt',
    params.N,
    params.r,
    params.p,
    salt.toString('base64url'),
    key.toString('base64url'),
  ].join('$');
}

/** True when `password` matches `stored` (compared in constant time); false for an unknown format. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parsed = parse(stored);
  if (!parsed) return false;
  const key = await scrypt(password, parsed.salt, parsed.params);
  return key.length === parsed.hash.length && timingSafeEqual(key, parsed.hash);
}

/** True when `stored` is not a scrypt hash with parameters at least `current`'s (hash it again at the next login). */
export function needsRehash(stored: string, current: ScryptParams = SCRYPT_DEFAULTS): boolean {
  const parsed = parse(stored);
  if (!parsed) return true;
  const { N, r, p } = parsed.params;
  return N < current.N || r < current.r || p < current.p;
}
