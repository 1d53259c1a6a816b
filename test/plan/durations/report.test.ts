// The duration report on a hand-built campaign: rows in local hour bands, the held-out week
// across the spring daylight-saving change, the ladder chosen on the validation week, the
// held-out scores and the slots.
import { describe, expect, it } from 'vitest';
import { ZoneClock } from '../../../src/core/calendar.ts';
import type { Exam } from '../../../src/core/kit-types.ts';
import { durationRows } from '../../../src/plan/durations/duration-rows.ts';
import { durationModelReport } from '../../../src/plan/durations/report.ts';
import { predictedSlotMinutesOf } from '../../../src/plan/durations/slots.ts';
import { exam, machine, PARIS_MARCH } from './build.ts';

describe('durationRows', () => {
  it('reads the hour band in local time, the family from the acts, and leaves out short exams and other machines', () => {
    const exams = [
      exam('CT-1', '2010-03-01T06:30:00Z', 10), // 07:30 local (winter) → night
      exam('CT-1', '2010-03-29T06:30:00Z', 10, { acts: ['YYYY600', 'LFQK001'] }), // 08:30 local (summer) → morning
      exam('CT-1', '2010-03-01T12:30:00Z', 10, { acts: [] }), // 13:30 → afternoon
      exam('CT-1', '2010-03-01T19:30:00Z', 10), // 20:30 → night
      exam('CT-1', '2010-03-01T10:00:00Z', 2.9), // doubtful
      exam('MR-7', '2010-03-01T10:00:00Z', 20), // not in the equipment list
    ];
    const rows = durationRows(exams, [machine('CT-1')], new ZoneClock('Europe/Paris'));
    expect(rows.map((r) => [r.hourBand, r.family, r.minutes])).toEqual([
      ['night', 'head', 10],
      ['morning', 'spine', 10],
      ['afternoon', null, 10],
      ['night', 'head', 10],
    ]);
  });
});

/**
 * CT-1 over 28 days from Monday 1 March 2010 (Paris; summer time on the 28th): 10 exams a day
 * from 08:00 UTC every 20 minutes, the even ones of patients 80+ (30 min), the odd ones 18-64
 * (10 min), all booked 20 min; plus exams at the held-out week's edges.
 */
function campaign(): Exam[] {
  const exams: Exam[] = [];
  for (let d = 0; d < 28; d++) {
    for (let k = 0; k < 10; k++) {
      const t = new Date(Date.UTC(2010, 2, 1 + d, 8, 20 * k)).toISOString();
      exams.push(
        k % 2 === 0
          ? exam('CT-1', t, 30, { ageBand: '80+', booked: 20 })
          : exam('CT-1', t, 10, { booked: 20 }),
      );
    }
  }
  const edge = (utc: string, minutes = 10): Exam => exam('CT-1', utc, minutes, { booked: 20 });
  exams.push(
    edge('2010-03-21T22:30:00Z'), // 23:30 on Sunday 21st: before the held-out week
    edge('2010-03-21T23:30:00Z'), // 00:30 on Monday 22nd: held out
    edge('2010-03-28T21:30:00Z'), // 23:30 on Sunday 28th (summer time): held out
    edge('2010-03-28T22:30:00Z'), // 00:30 on Monday 29th: after the campaign
    edge('2010-03-25T10:00:00Z', 2), // doubtful, left out
  );
  return exams;
}

describe('durationModelReport', () => {
  const report = durationModelReport({
    campaign: PARIS_MARCH,
    equipment: [machine('CT-1')],
    exams: campaign(),
  });

  it('holds out the last 7 local days, the spring change inside', () => {
    expect(report.heldOut).toMatchObject({
      from: '2010-03-22',
      to: '2010-03-28',
      exams: 7 * 10 + 2,
      bookedExams: 72,
    });
  });

  it('chooses the age ladder on the validation week, where the age band tells the duration', () => {
    expect(report.variant).toBe('age');
    expect(report.selection).toMatchObject({ from: '2010-03-15', to: '2010-03-21', exams: 71 });
    // plain: fitted on 14 days of 70 × 10 and 70 × 30 min, its median is 20, 10 off every exam;
    // age and age-hour: exact (the tie keeps the simpler)
    expect(report.selection!.maeMinutes).toEqual({ plain: 10, age: 0, 'age-hour': 0 });
    expect(report.method).toContain("ladder 'age'");
  });

  it('scores the model against the booked lengths on the held-out week', () => {
    expect(report.heldOut.modelMaeMinutes).toBe(0);
    expect(report.heldOut.modelMaeOnBookedMinutes).toBe(0);
    expect(report.heldOut.bookedMaeMinutes).toBe(10);
    expect(report.heldOut.p80Coverage).toBe(1);
    expect(report.heldOut.better).toBe('model');
  });

  it('sizes the slots on the whole campaign: the mean rounded to 5 minutes', () => {
    // 140 × 30 + 140 × 10 + 3 × 10 (the edges inside the campaign) over 283 exams = 19.9 → 20
    expect(report.slots).toEqual([
      { equipmentId: 'CT-1', family: 'head', minutes: 20, exams: 283, level: 'machine×family' },
      { equipmentId: 'CT-1', family: '*', minutes: 20, exams: 283, level: 'machine' },
    ]);
    expect(predictedSlotMinutesOf(report, ['CT-1'])).toEqual({ head: 20, '*': 20 });
  });

  it('keeps the plain ladder without choosing when the campaign is too short for a validation week', () => {
    const short = durationModelReport({
      campaign: { ...PARIS_MARCH, days: 10 },
      equipment: [machine('CT-1')],
      exams: campaign(),
    });
    expect(short.variant).toBe('plain');
    expect(short.selection).toBeNull();
    expect(short.heldOut).toMatchObject({ from: '2010-03-04', to: '2010-03-10', exams: 70 });
  });

  it('says null when there is nothing before the held-out week', () => {
    const week = durationModelReport({
      campaign: { ...PARIS_MARCH, days: 7 },
      equipment: [machine('CT-1')],
      exams: campaign(),
    });
    expect(week.heldOut).toMatchObject({
      exams: 0,
      modelMaeMinutes: null,
      p80Coverage: null,
      better: null,
    });
    expect(week.slots.length).toBe(2);
  });
});
