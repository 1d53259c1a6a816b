// The third next available appointment (planning.md §3), on small hand-made agendas whose delays
// are worked out by hand in the comments: status as last seen by 08:00 (later observations and
// never-seen slots not free), touching free slots merged and cut into appointments of the median
// exam, the median over the days that have a third one, and a day after the spring change.
import { describe, expect, it } from 'vitest';
import { CampaignCalendar } from '../../../src/core/calendar.ts';
import type { Slot, SlotStatus } from '../../../src/core/kit-types.ts';
import { thirdNextAvailable } from '../../../src/plan/simulation/next-available.ts';

const utc = (text: string): number => Date.parse(`${text}Z`);
/** A slot of CT-1 between two UTC wall times (`2010-03-02T08:00`), seen `status` at `seen`. */
const slot = (
  start: string,
  end: string,
  status: SlotStatus,
  seen: string,
  equipmentId = 'CT-1',
): Slot => ({
  equipmentId,
  start: utc(start),
  end: utc(end),
  status,
  observedAt: utc(seen),
});

// Paris in early March is UTC+1: 08:00 local is 07:00Z.
const march = new CampaignCalendar('2010-03-01', 3, 'Europe/Paris');
const BEFORE = '2010-02-28T18:00';

describe('thirdNextAvailable', () => {
  it('takes the third free appointment ahead of each 08:00, and the median over the days that have one', () => {
    const slots = [
      slot('2010-03-02T08:00', '2010-03-02T08:20', 'free', BEFORE), // Tue 09:00 local
      slot('2010-03-02T09:00', '2010-03-02T09:20', 'free', BEFORE), // Tue 10:00
      slot('2010-03-03T13:00', '2010-03-03T13:20', 'free', BEFORE), // Wed 14:00
      slot('2010-03-02T10:00', '2010-03-02T10:20', 'busy', BEFORE), // booked: not offered
      slot('2010-03-01T08:00', '2010-03-01T08:20', 'free', BEFORE, 'MR-1'), // another machine
    ];
    // Mon 07:00Z → Wed 13:00Z = 2 d 6 h = 2.25; Tue 07:00Z → Wed 13:00Z = 1.25; Wed: one slot left.
    expect(thirdNextAvailable(slots, 'CT-1', march, 20)).toEqual({
      equipmentId: 'CT-1',
      medianDays: 1.75,
      days: 2,
      slotMinutes: 20,
    });
  });

  it('reads each slot as last seen by 08:00: later observations ignored, never seen is not free', () => {
    const slots = [
      slot('2010-03-01T09:00', '2010-03-01T09:20', 'free', BEFORE),
      slot('2010-03-01T10:00', '2010-03-01T10:20', 'free', BEFORE),
      // Seen free only at 08:30 local on Monday: unknown at Monday 08:00, free on Tuesday.
      slot('2010-03-02T12:00', '2010-03-02T12:20', 'free', '2010-03-01T07:30'),
      // Seen free, then booked at 07:59 local on Monday: busy from Monday on.
      slot('2010-03-01T11:00', '2010-03-01T11:20', 'free', BEFORE),
      slot('2010-03-01T11:00', '2010-03-01T11:20', 'busy', '2010-03-01T06:59'),
      // Booked, then freed after 08:00 on Monday: busy that morning.
      slot('2010-03-01T12:00', '2010-03-01T12:20', 'busy', BEFORE),
      slot('2010-03-01T12:00', '2010-03-01T12:20', 'free', '2010-03-01T07:01'),
      slot('2010-03-03T12:00', '2010-03-03T12:20', 'free', BEFORE),
    ];
    // Monday 07:00Z: free ahead are Mon 09:00Z, 10:00Z, then Wed 12:00Z (Tue 12:00Z unknown) →
    // 2 d 5 h = 2.208333. Tuesday 07:00Z: Tue 12:00Z, Wed 12:00Z only (Monday's slots are past). Wednesday: one.
    const r = thirdNextAvailable(slots, 'CT-1', march, 20);
    expect(r.days).toBe(1);
    expect(r.medianDays).toBeCloseTo(2 + 5 / 24, 12);
  });

  it('merges free slots that touch, cuts them into appointments of the median exam, skips what is too short', () => {
    const slots = [
      // Monday 09:00–10:00 local in four free quarters: one hour, two appointments of 30 min.
      slot('2010-03-01T08:00', '2010-03-01T08:15', 'free', BEFORE),
      slot('2010-03-01T08:15', '2010-03-01T08:30', 'free', BEFORE),
      slot('2010-03-01T08:30', '2010-03-01T08:45', 'free', BEFORE),
      slot('2010-03-01T08:45', '2010-03-01T09:00', 'free', BEFORE),
      // 11:00–11:15 free alone (too short), 11:15–11:30 busy, 11:30–12:00 free in two quarters.
      slot('2010-03-01T10:00', '2010-03-01T10:15', 'free', BEFORE),
      slot('2010-03-01T10:15', '2010-03-01T10:30', 'busy', BEFORE),
      slot('2010-03-01T10:30', '2010-03-01T10:45', 'free', BEFORE),
      slot('2010-03-01T10:45', '2010-03-01T11:00', 'free', BEFORE),
      // Slots starting before 08:00 local are not offered that morning.
      slot('2010-03-01T06:30', '2010-03-01T07:30', 'free', BEFORE),
    ];
    // Appointments at 09:00, 09:30, then 11:30 local: (11:30 − 08:00) = 3.5 h.
    expect(thirdNextAvailable(slots, 'CT-1', march, 30)).toMatchObject({
      medianDays: 3.5 / 24,
      days: 1,
    });
    // With 15-minute exams the hour alone gives four: the third at 09:30.
    expect(thirdNextAvailable(slots, 'CT-1', march, 15)).toMatchObject({
      medianDays: 1.5 / 24,
      days: 1,
    });
    // Overlapping free slots merge into their union: 09:00–09:50 local holds two of 20 min.
    const overlapping = [
      slot('2010-03-01T08:00', '2010-03-01T08:30', 'free', BEFORE),
      slot('2010-03-01T08:20', '2010-03-01T08:50', 'free', BEFORE),
      slot('2010-03-01T09:00', '2010-03-01T09:20', 'free', BEFORE),
    ];
    // 09:00, 09:20, then 10:00 local.
    expect(thirdNextAvailable(overlapping, 'CT-1', march, 20)).toMatchObject({
      medianDays: 2 / 24,
      days: 1,
    });
  });

  it('reads a slot seen free and busy at one instant as busy', () => {
    const slots = [
      slot('2010-03-01T08:00', '2010-03-01T08:20', 'free', BEFORE),
      slot('2010-03-01T09:00', '2010-03-01T09:20', 'busy', BEFORE),
      slot('2010-03-01T09:00', '2010-03-01T09:20', 'free', BEFORE),
      slot('2010-03-01T10:00', '2010-03-01T10:20', 'free', BEFORE),
      slot('2010-03-01T11:00', '2010-03-01T11:20', 'free', BEFORE),
    ];
    // 09:00, 11:00, 12:00 local (10:00 busy): 4 h.
    expect(thirdNextAvailable(slots, 'CT-1', march, 20).medianDays).toBeCloseTo(4 / 24, 12);
  });

  it('counts elapsed time across the spring change (08:00 local is 07:00Z, then 06:00Z)', () => {
    const calendar = new CampaignCalendar('2010-03-27', 3, 'Europe/Paris');
    // Monday 29 March 08:00–09:00 local (UTC+2): appointments at 08:00, 08:20, 08:40 local = 06:40Z.
    const slots = [slot('2010-03-29T06:00', '2010-03-29T07:00', 'free', '2010-03-26T12:00')];
    const r = thirdNextAvailable(slots, 'CT-1', calendar, 20);
    // Sat 07:00Z → Mon 06:40Z = 47 h 40 min; Sun 06:00Z → 24 h 40 min; Mon 06:00Z → 40 min.
    expect(r.days).toBe(3);
    expect(r.medianDays).toBeCloseTo((24 + 40 / 60) / 24, 12);
    const saturday = thirdNextAvailable(
      slots,
      'CT-1',
      new CampaignCalendar('2010-03-27', 1, 'Europe/Paris'),
      20,
    );
    expect(saturday.medianDays).toBeCloseTo((47 + 40 / 60) / 24, 12);
  });

  it('says nothing without slots of the machine or without a median exam, and refuses a length that is not one', () => {
    const slots = [slot('2010-03-01T08:00', '2010-03-01T09:00', 'free', BEFORE)];
    const none = { medianDays: null, days: 0 };
    expect(thirdNextAvailable(slots, 'MR-1', march, 20)).toEqual({
      equipmentId: 'MR-1',
      ...none,
      slotMinutes: 20,
    });
    expect(thirdNextAvailable(slots, 'CT-1', march, null)).toEqual({
      equipmentId: 'CT-1',
      ...none,
      slotMinutes: null,
    });
    expect(thirdNextAvailable([], 'CT-1', march, 20)).toMatchObject(none);
    // Free time for two appointments only: no day has a third.
    expect(thirdNextAvailable(slots, 'CT-1', march, 30)).toMatchObject(none);
    // 09:00, 09:20, 09:40 local: 1 h 40 min after 08:00.
    expect(thirdNextAvailable(slots, 'CT-1', march, 20)).toMatchObject({
      medianDays: 100 / 60 / 24,
      days: 1,
    });
    for (const bad of [0, -5, Number.NaN, Number.POSITIVE_INFINITY])
      expect(() => thirdNextAvailable(slots, 'CT-1', march, bad)).toThrow(RangeError);
  });

  it('does not depend on the order of the rows', () => {
    const slots = [
      slot('2010-03-02T08:00', '2010-03-02T08:20', 'free', BEFORE),
      slot('2010-03-02T08:20', '2010-03-02T08:40', 'free', BEFORE),
      slot('2010-03-02T08:20', '2010-03-02T08:40', 'busy', '2010-03-01T12:00'),
      slot('2010-03-02T10:00', '2010-03-02T10:40', 'free', BEFORE),
      slot('2010-03-03T09:00', '2010-03-03T09:20', 'free', BEFORE),
    ];
    const forward = thirdNextAvailable(slots, 'CT-1', march, 20);
    expect(thirdNextAvailable([...slots].reverse(), 'CT-1', march, 20)).toEqual(forward);
    // Monday 08:00 local: Tuesday 09:00, 09:20 (still free then), 11:00 local → 27 h; Tuesday: 09:00,
    // 11:00, 11:20 (09:20 booked on Monday) → 3 h 20; Wednesday: one. Median of 27 h and 3 h 20 = 15 h 10.
    expect(forward.days).toBe(2);
    expect(forward.medianDays).toBeCloseTo((15 + 10 / 60) / 24, 12);
  });
});
