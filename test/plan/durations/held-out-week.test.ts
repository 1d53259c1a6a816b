// Weeks counted back from the campaign's end in local days, across daylight-saving changes.
import { describe, expect, it } from 'vitest';
import { CampaignCalendar } from '../../../src/core/calendar.ts';
import { weekFromEnd } from '../../../src/plan/durations/held-out-week.ts';

const H = 3_600_000;

describe('weekFromEnd', () => {
  it('holds out the last 7 local days, 167 hours when the clocks go forward inside', () => {
    const cal = new CampaignCalendar('2010-03-01', 28, 'Europe/Paris'); // summer time on Sunday 28 March
    const last = weekFromEnd(cal, 0)!;
    expect(last).toEqual({
      from: '2010-03-22',
      to: '2010-03-28',
      start: Date.parse('2010-03-21T23:00:00Z'), // local midnight, winter time
      end: Date.parse('2010-03-28T22:00:00Z'), // local midnight, summer time
      days: 7,
    });
    expect((last.end - last.start) / H).toBe(167);
    expect(weekFromEnd(cal, 1)).toMatchObject({
      from: '2010-03-15',
      to: '2010-03-21',
      start: Date.parse('2010-03-14T23:00:00Z'),
      end: last.start,
    });
  });

  it('gives 169 hours when the clocks go back inside', () => {
    const last = weekFromEnd(new CampaignCalendar('2010-10-04', 28, 'Europe/Paris'), 0)!;
    expect(last).toMatchObject({
      from: '2010-10-25',
      to: '2010-10-31',
      start: Date.parse('2010-10-24T22:00:00Z'),
      end: Date.parse('2010-10-31T23:00:00Z'),
    });
    expect((last.end - last.start) / H).toBe(169);
  });

  it('clips a week to the campaign and says null before it', () => {
    const cal = new CampaignCalendar('2010-03-01', 10, 'Europe/Paris');
    expect(weekFromEnd(cal, 0)).toMatchObject({ from: '2010-03-04', to: '2010-03-10', days: 7 });
    expect(weekFromEnd(cal, 1)).toMatchObject({
      from: '2010-03-01',
      to: '2010-03-03',
      days: 3,
      start: cal.start,
    });
    expect(weekFromEnd(cal, 2)).toBeNull();
  });
});
