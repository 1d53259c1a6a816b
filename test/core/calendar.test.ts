import { describe, expect, it } from 'vitest';
import { CampaignCalendar, naiveMs, parseIsoDate, ZoneClock } from '../../src/core/calendar.ts';

const paris = new ZoneClock('Europe/Paris');

describe('ZoneClock', () => {
  it('knows the winter and summer offsets of Paris', () => {
    expect(paris.offsetAt(Date.UTC(2010, 0, 15))).toBe(3_600_000);
    expect(paris.offsetAt(Date.UTC(2010, 6, 15))).toBe(7_200_000);
  });
  it('finds the spring gap and the autumn repeat', () => {
    expect(paris.resolve(naiveMs(2010, 3, 28, 2, 30)).kind).toBe('gap');
    expect(paris.resolve(naiveMs(2010, 3, 28, 1, 59)).kind).toBe('ok');
    expect(paris.resolve(naiveMs(2010, 3, 28, 3, 0))).toEqual({
      kind: 'ok',
      instant: Date.UTC(2010, 2, 28, 1, 0),
    });
    expect(paris.resolve(naiveMs(2010, 10, 31, 2, 30))).toEqual({
      kind: 'ambiguous',
      earlier: Date.UTC(2010, 9, 31, 0, 30),
      later: Date.UTC(2010, 9, 31, 1, 30),
    });
    expect(paris.resolve(naiveMs(2010, 10, 31, 3, 0))).toEqual({
      kind: 'ok',
      instant: Date.UTC(2010, 9, 31, 2, 0),
    });
  });
  it('round-trips every quarter hour of a year', () => {
    for (let t = Date.UTC(2010, 0, 1); t < Date.UTC(2011, 0, 1); t += 15 * 60_000) {
      const r = paris.resolve(paris.toNaive(t));
      const back =
        r.kind === 'ok'
          ? r.instant
          : r.kind === 'ambiguous'
            ? r.earlier === t
              ? r.earlier
              : r.later
            : NaN;
      if (back !== t) throw new Error(`round trip failed at ${new Date(t).toISOString()}`);
    }
  });
  it('works in a zone south of the equator and one with half-hour offsets', () => {
    const sydney = new ZoneClock('Australia/Sydney');
    expect(sydney.offsetAt(Date.UTC(2010, 0, 15))).toBe(11 * 3_600_000);
    const kolkata = new ZoneClock('Asia/Kolkata');
    expect(kolkata.toWallClock(Date.UTC(2010, 0, 1, 0, 0)).minute).toBe(30);
  });
  it('refuses an unknown zone', () => {
    expect(() => new ZoneClock('Europe/Atlantis')).toThrow(/unknown time zone/);
  });
});

describe('CampaignCalendar', () => {
  it('has 4 weeks in 28 days even across a daylight-saving change', () => {
    const c = new CampaignCalendar('2010-03-15', 28, 'Europe/Paris');
    expect(c.weeks).toBe(4);
    expect(c.end - c.start).toBe(28 * 86_400_000 - 3_600_000);
    expect(c.weekdayCount()).toBe(20);
  });
  it('rejects a date that does not exist', () => {
    expect(parseIsoDate('2010-02-30')).toBeNull();
    expect(() => new CampaignCalendar('2010-02-30', 28, 'Europe/Paris')).toThrow();
  });
});
