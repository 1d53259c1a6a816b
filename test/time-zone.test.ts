/**
 * The suites run in UTC, and the date-sensitive ones again in Europe/Paris and America/St_Johns
 * (vitest.config.ts projects): this proves each run's Node really is in the zone its project names
 * (Node re-reads its zone when process.env.TZ is assigned), with offsets checked by hand.
 */
import { describe, expect, it } from 'vitest';

/** Hand-checked `getTimezoneOffset()` (minutes, west positive) at local times of each zone. */
const EXPECTED: Record<string, { at: [number, number, number, number]; offset: number }[]> = {
  UTC: [
    { at: [2010, 0, 15, 12], offset: 0 },
    { at: [2010, 2, 28, 3], offset: 0 },
  ],
  // CET +1 in winter; CEST +2 from 2010-03-28 02:00 (the last Sunday of March).
  'Europe/Paris': [
    { at: [2010, 0, 15, 12], offset: -60 },
    { at: [2010, 2, 28, 1], offset: -60 },
    { at: [2010, 2, 28, 3], offset: -120 },
    { at: [2010, 9, 31, 4], offset: -60 },
  ],
  // NST −3:30 in winter; NDT −2:30 from 2010-03-14 (second Sunday of March) to 2010-11-07.
  'America/St_Johns': [
    { at: [2010, 0, 15, 12], offset: 210 },
    { at: [2010, 2, 13, 12], offset: 210 },
    { at: [2010, 2, 28, 3], offset: 150 },
    { at: [2010, 10, 8, 12], offset: 210 },
  ],
  // Southern hemisphere, half-hour DST: +11 from 2009-10-04 to 2010-04-04 02:00, then +10:30.
  'Australia/Lord_Howe': [
    { at: [2010, 0, 15, 12], offset: -660 },
    { at: [2010, 3, 3, 12], offset: -660 },
    { at: [2010, 6, 15, 12], offset: -630 },
  ],
};

describe('the time zone of the test run', () => {
  const zone = process.env.TZ ?? '';
  it(`is the zone the project sets (${zone}), for Date and for Intl`, () => {
    expect(Object.keys(EXPECTED)).toContain(zone);
    expect(Intl.DateTimeFormat().resolvedOptions().timeZone).toBe(zone === 'UTC' ? 'UTC' : zone);
    for (const { at, offset } of EXPECTED[zone] ?? []) {
      expect(new Date(at[0], at[1], at[2], at[3]).getTimezoneOffset(), at.join('-')).toBe(offset);
    }
  });
});
