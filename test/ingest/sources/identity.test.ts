import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { countRemoved, pseudonymize } from '../../../src/ingest/sources/identity.ts';

describe('pseudonymize', () => {
  it('is the HMAC-SHA-256 of the value under the secret, in hex', () => {
    const digest = pseudonymize('IPP-000123', 's3cret');
    expect(digest).toMatch(/^[0-9a-f]{64}$/);
    expect(digest).toBe(createHmac('sha256', 's3cret').update('IPP-000123').digest('hex'));
  });
  it('is stable for one secret and differs between secrets and values', () => {
    expect(pseudonymize('A', 'k')).toBe(pseudonymize('A', 'k'));
    expect(pseudonymize('A', 'k')).not.toBe(pseudonymize('A', 'k2'));
    expect(pseudonymize('A', 'k')).not.toBe(pseudonymize('B', 'k'));
    expect(pseudonymize('A', 'k')).not.toContain('A');
  });
  it('refuses an empty secret', () => {
    expect(() => pseudonymize('A', '')).toThrow(/secret is empty/);
  });
});

describe('countRemoved', () => {
  it('adds to the count of a field', () => {
    const removed: Record<string, number> = {};
    countRemoved(removed, 'PID.5');
    countRemoved(removed, 'PID.5', 3);
    countRemoved(removed, 'PID.7');
    expect(removed).toEqual({ 'PID.5': 4, 'PID.7': 1 });
  });
});
