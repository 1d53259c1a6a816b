// Password hashes (issue 15): scrypt round trip, salts, tampering, the stored format, rehash.
import { describe, expect, it } from 'vitest';
import {
  hashPassword,
  needsRehash,
  SCRYPT_DEFAULTS,
  verifyPassword,
} from '../../src/storage/passwords.ts';

const FAST = { N: 2 ** 10, r: 8, p: 1 };

describe('password hashes', () => {
  it('hashes with the default parameters in the scrypt$N$r$p$salt$hash form', async () => {
    const stored = await hashPassword('correct horse battery');
    const parts = stored.split('$');
    expect(parts.slice(0, 4)).toEqual(['scrypt', '32768', '8', '1']);
    expect(Buffer.from(parts[4]!, 'base64url')).toHaveLength(16);
    expect(Buffer.from(parts[5]!, 'base64url')).toHaveLength(32);
    expect(parts[4]).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(stored).not.toContain('correct horse');
    expect(await verifyPassword('correct horse battery', stored)).toBe(true);
    expect(await verifyPassword('correct horse batterY', stored)).toBe(false);
    expect(needsRehash(stored)).toBe(false);
  });

  it('salts each hash differently and refuses a tampered or unknown hash', async () => {
    const a = await hashPassword('another long secret', FAST);
    const b = await hashPassword('another long secret', FAST);
    expect(a).not.toBe(b);
    expect(a.split('$')[4]).not.toBe(b.split('$')[4]);
    expect(await verifyPassword('another long secret', a)).toBe(true);
    expect(await verifyPassword('another long secret', b)).toBe(true);
    expect(await verifyPassword('', a)).toBe(false);
    const parts = a.split('$');
    const key = Buffer.from(parts[5]!, 'base64url');
    key[0] = key[0]! ^ 1;
    const tampered = [...parts.slice(0, 5), key.toString('base64url')].join('$');
    expect(await verifyPassword('another long secret', tampered)).toBe(false);
    const otherSalt = [
      ...parts.slice(0, 4),
      parts[4] === b.split('$')[4] ? 'x' : b.split('$')[4],
      parts[5],
    ].join('$');
    expect(await verifyPassword('another long secret', otherSalt)).toBe(false);
    for (const bad of [
      '',
      'plain',
      'argon2id$v=19$m=1',
      'scrypt$1000$8$1$abc$def',
      `bcrypt$${parts.slice(1).join('$')}`,
      a.slice(0, -2),
    ]) {
      expect(await verifyPassword('another long secret', bad)).toBe(false);
    }
  });

  it('asks for a rehash when the parameters are below the current ones', async () => {
    const weak = await hashPassword('another long secret', FAST);
    expect(needsRehash(weak)).toBe(true);
    expect(needsRehash(weak, FAST)).toBe(false);
    expect(needsRehash('not a hash')).toBe(true);
    expect(SCRYPT_DEFAULTS).toEqual({ N: 32768, r: 8, p: 1 });
  });
});
