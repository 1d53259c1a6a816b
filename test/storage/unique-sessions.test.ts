/**
 * uniqueSessions (both imports) against the definition it replaces: the last session of each
 * `sessionKey`, where the first stood, found through a Map of key strings.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Session } from '../../src/core/kit-types.ts';
import { sessionKey, uniqueSessions } from '../../src/storage/session-repository.ts';

function model(sessions: readonly Session[]): Session[] {
  const byKey = new Map<string, Session>();
  for (const s of sessions) byKey.set(sessionKey(s), s);
  return [...byKey.values()];
}

const instant = fc.oneof(
  fc.constantFrom(0, -0, NaN, 1_267_401_600_000, 1_267_401_600_000 + 4_294_967_296),
  fc.integer({ min: 1_267_000_000_000, max: 1_267_000_100_000 }),
);
const session = fc.record({
  equipmentId: fc.constantFrom('EQ1', 'EQ2', 'É3'),
  start: instant,
  end: instant,
  type: fc.constantFrom<Session['type']>('PUBLIC_SCHEDULED', 'EMERGENCY', 'ON_CALL'),
});

describe('uniqueSessions', () => {
  it('keeps the sessions a Map of their keys keeps, the same objects in the same places', () => {
    fc.assert(
      fc.property(fc.array(session, { maxLength: 200 }), (sessions) => {
        const got = uniqueSessions(sessions);
        const want = model(sessions);
        expect(got.length).toBe(want.length);
        got.forEach((s, i) => expect(s).toBe(want[i]));
      }),
      { numRuns: 300 },
    );
  });
});
