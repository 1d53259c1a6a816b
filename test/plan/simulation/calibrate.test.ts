// Calibration on a hand-built machine: classes (scheduled = A/H/R in a programmed session), the
// hour-of-week profiles and their weekly totals, lead samples with the pooled fallback, slot
// lengths, bootstrap pools (exams of 3 minutes or more), late starts and the grid — every value
// worked out by hand from the timeline below (Europe/Paris, March 2010 = UTC+1, Monday 1 March).
import { describe, expect, it } from 'vitest';
import { ZoneClock } from '../../../src/core/calendar.ts';
import { calibrate } from '../../../src/plan/simulation/calibrate.ts';
import { at, buildKit, type MiniExam } from '../../helpers/build-kit.ts';
import { nationalPlan, nationalRecords, recordsOf } from './records.ts';

const exams = (withRequests: boolean): MiniExam[] => [
  // 1 scheduled A, booked 30, lead to the exam day's midnight 6 days 14 h = 9,480 min; the Monday session starts 20 min late
  {
    in: '2010-03-01T08:20',
    out: '2010-03-01T08:50',
    requested: '2010-02-22T10:00',
    booked: 30,
    acts: ['YYYY600', 'ZBQK001'],
  },
  // 2 scheduled H, done on its request's day: lead 0
  {
    in: '2010-03-01T09:00',
    out: '2010-03-01T09:20',
    cat: 'H',
    requested: withRequests ? '2010-03-01T07:30' : undefined,
  },
  // 3 scheduled R, a 2-minute entry: counted in the demand, not in the pool
  { in: '2010-03-01T09:30', out: '2010-03-01T09:32', cat: 'R' },
  // 4 an emergency patient in a programmed session: unscheduled (Monday 10 h)
  { in: '2010-03-01T10:00', out: '2010-03-01T10:30', cat: 'U' },
  // 5 an outpatient on call: unscheduled (Monday 23 h)
  { in: '2010-03-01T23:00', out: '2010-03-01T23:20' },
  // 6 scheduled A, booked 20, lead Monday 14:00 → Tuesday 00:00 = 600 min; the Tuesday session starts 5 min late
  {
    in: '2010-03-02T08:05',
    out: '2010-03-02T08:35',
    requested: withRequests ? '2010-03-01T14:00' : undefined,
    booked: 20,
  },
  // 7 scheduled H in the second week (outside the grid), lead Friday 9:00 → Monday 0:00 = 3,780 min
  {
    in: '2010-03-08T08:00',
    out: '2010-03-08T08:40',
    cat: 'H',
    requested: withRequests ? '2010-03-05T09:00' : undefined,
  },
  // 8 outside any session: unscheduled (Tuesday 13 h)
  { in: '2010-03-02T13:00', out: '2010-03-02T13:10' },
];

const kitOf = (withRequests: boolean) =>
  buildKit(
    [
      {
        id: 'M1',
        sessions: [
          ['2010-03-01T08:00', '2010-03-01T12:00', 'PUBLIC_SCHEDULED'],
          ['2010-03-01T20:00', '2010-03-02T08:00', 'ON_CALL'],
          ['2010-03-02T08:00', '2010-03-02T12:00', 'LIBERAL'],
          ['2010-03-08T08:00', '2010-03-08T12:00', 'PUBLIC_SCHEDULED'],
        ],
        exams: exams(withRequests),
      },
    ],
    { days: 10 },
  );

const WEEKS = 10 / 7;

/** The non-zero entries of a profile, rounded. */
const nonZero = (profile: number[]) =>
  Object.fromEntries(profile.flatMap((v, h) => (v === 0 ? [] : [[h, Math.round(v * 1e9) / 1e9]])));

describe('ZoneClock.hourOfWeek', () => {
  it('is the local ISO weekday × 24 + local hour, across a daylight-saving change', () => {
    const clock = new ZoneClock('Europe/Paris');
    expect(clock.hourOfWeek(at('2010-03-01T00:00'))).toBe(0);
    expect(clock.hourOfWeek(at('2010-03-05T09:59'))).toBe(4 * 24 + 9);
    expect(clock.hourOfWeek(at('2010-03-28T23:30'))).toBe(167); // Sunday, summer time
    expect(clock.hourOfWeek(at('2010-03-29T07:00'))).toBe(7);
  });
});

describe('calibrate', () => {
  it('reads demand, leads, slots, pools, late starts and the grid from the campaign', () => {
    const model = calibrate(recordsOf(kitOf(true), ['M1']));
    expect(model.gridWeeks).toBe(1);
    expect(model.machines).toEqual([
      { equipmentId: 'M1', finess: '590000001', modality: 'CT', label: null },
    ]);
    // the sessions starting in the first 7 days
    expect(model.sessions.map((s) => [s.start, s.type])).toEqual([
      [at('2010-03-01T08:00'), 'PUBLIC_SCHEDULED'],
      [at('2010-03-01T20:00'), 'ON_CALL'],
      [at('2010-03-02T08:00'), 'LIBERAL'],
    ]);
    // 5 scheduled exams over 10/7 weeks = 3.5 a week, category by category: A (2 exams, 1.4 a
    // week) on its 2 request hours (Monday 10 h and 14 h), H likewise (Monday 7 h, Friday 9 h),
    // R (exam 3, no request time) at its exam time, Monday 09:30, less its median lead (pooled
    // 0, 600, 3,780, 9,480 → 2,190 min = 36 h 30): Saturday 21:00
    expect(model.scheduled.requestTimes).toBe('requested_at');
    const byCategory = model.scheduled.requestsPerHourOfWeekByCategory!;
    expect(nonZero(byCategory.A!)).toEqual({ 10: 0.7, 14: 0.7 });
    expect(nonZero(byCategory.H!)).toEqual({ 7: 0.7, [4 * 24 + 9]: 0.7 });
    expect(nonZero(byCategory.R!)).toEqual({ [5 * 24 + 21]: 0.7 });
    expect(byCategory.U).toBeUndefined();
    expect(nonZero(model.scheduled.requestsPerHourOfWeek)).toEqual({
      7: 0.7,
      10: 0.7,
      14: 0.7,
      [4 * 24 + 9]: 0.7,
      [5 * 24 + 21]: 0.7,
    });
    // 3 unscheduled exams, 1 / (10/7) = 0.7 a week each
    expect(nonZero(model.unscheduled.arrivalsPerHourOfWeek)).toEqual({
      10: 0.7,
      23: 0.7,
      [24 + 13]: 0.7,
    });
    expect(model.scheduled.leadMinutes.A).toEqual([9480, 600]);
    expect(model.scheduled.leadMinutes.H).toEqual([0, 3780]);
    // R has scheduled exams but no request time: the pooled A/H/R sample
    expect([...model.scheduled.leadMinutes.R!].sort((a, b) => a - b)).toEqual([0, 600, 3780, 9480]);
    // by the weekday of the request: A both on Mondays, H Monday and Friday, R pooled
    expect(model.scheduled.leadMinutesByWeekday).toEqual({
      A: [[9480, 600], [], [], [], [], [], []],
      H: [[0], [], [], [], [3780], [], []],
      R: [[9480, 600, 0], [], [], [], [3780], [], []],
    });
    expect(model.scheduled.leadMinutes.U).toBeUndefined();
    // A: median booked (30, 20) = 25; H: no booked length, median duration (20, 40) = 30; R: nothing
    expect(model.scheduled.slotMinutes).toEqual({ A: 25, H: 30 });
    expect(
      model.scheduled.pool.map((p) => [
        p.category,
        p.durationMinutes,
        p.bookedMinutes,
        p.icr,
        p.machine,
      ]),
    ).toEqual([
      ['A', 30, 30, 100, 0],
      ['H', 20, null, 100, 0],
      ['A', 30, 20, 100, 0],
      ['H', 40, null, 100, 0],
    ]);
    // the act family of the first act that has one (a supplement has none)
    expect(model.scheduled.pool.map((p) => p.family)).toEqual(['thorax', null, null, null]);
    expect(model.unscheduled.pool.map((p) => [p.category, p.durationMinutes])).toEqual([
      ['U', 30],
      ['A', 20],
      ['A', 10],
    ]);
    // the emergency patient started in the Monday session; the on-call and the Tuesday 13:00 ones did not
    expect(model.unscheduled.pool.map((p) => p.inProgrammed)).toEqual([true, false, false]);
    expect(model.lateStartMinutes).toEqual([20, 5, 0]);
    expect(model.policy).toEqual({
      demandFactor: 1,
      reservedShare: 0,
      lateStarts: true,
      booking: 'booked',
      noShow: {},
      noShowSource: 'default',
    });
    expect(model.predictedSlotMinutes).toEqual({});
    expect(model.observed.passagesPerWeek).toBeCloseTo(8 / WEEKS, 12);
    // inpatients' share of the booked minutes of the pool: A 30 + 20, H 2 × 30 (their slot) → 60 / 110
    expect(model.scheduled.inpatientShare).toBeCloseTo(60 / 110, 12);
    // delays over the scheduled class: 2 outpatient (exams 1, 6) and 2 inpatient (2, 7), too few to check
    expect(model.observed['appointmentDelayDays.outpatient.p50']).toBe(4); // 7 days (exam 1) and 1 (exam 6)
    expect(model.notes).toEqual([
      { code: 'lead-pooled', params: { category: 'R' } },
      { code: 'slot-from-durations', params: { category: 'H', minutes: 30 } },
      { code: 'partial-week', params: { days: 10, gridWeeks: 1 } },
      { code: 'inpatient-share', params: { percent: 55 } },
      { code: 'few-outpatient-delays', params: { n: 2, min: 20 } },
      { code: 'few-inpatient-delays', params: { n: 2, min: 20 } },
      { code: 'no-show-default' },
    ]);
    // plain JSON: the API sends it to the browser
    expect(JSON.parse(JSON.stringify(model))).toEqual(model);
  });

  it('places requests at the exam time less the median lead when few exams carry a request time', () => {
    const model = calibrate(recordsOf(kitOf(false), ['M1']), {
      noShow: { A: 0.05 },
      predictedSlotMinutes: { '*': 20 },
    });
    expect(model.scheduled.requestTimes).toBe('exam-times');
    // only exam 1 has a lead (9,480 min = 6 days 14 h, the median of A and, pooled, of H and R):
    // 1 Mon 08:20 → Mon 18:20; 2 Mon 09:00 → Mon 19:00; 3 Mon 09:30 → Mon 19:30;
    // 6 Tue 08:05 → Tue 18:05; 7 Mon 08:00 → Mon 18:00 (each 0.7 a week)
    expect(nonZero(model.scheduled.requestsPerHourOfWeek)).toEqual({
      18: 1.4,
      19: 1.4,
      [24 + 18]: 0.7,
    });
    expect(model.notes).toContainEqual({
      code: 'request-from-exam-times',
      params: { percent: 20 },
    });
    expect(model.policy.noShow).toEqual({ A: 0.05 });
    expect(model.policy.noShowSource).toBe('input');
    expect(model.predictedSlotMinutes).toEqual({ '*': 20 });
  });

  it('keeps the weekly totals of a synthetic machine: scheduled + unscheduled = its passages', () => {
    const plan = nationalPlan(2010, 40);
    for (const index of [2, 11]) {
      const records = nationalRecords(plan, index);
      const model = calibrate(records);
      const sum = (a: number[]) => a.reduce((x, y) => x + y, 0);
      expect(
        sum(model.scheduled.requestsPerHourOfWeek) + sum(model.unscheduled.arrivalsPerHourOfWeek),
      ).toBeCloseTo(model.observed.passagesPerWeek!, 9);
      expect(model.scheduled.requestsPerHourOfWeek).toHaveLength(168);
      expect(model.gridWeeks).toBe(4);
      const short = records.exams.filter((e) => e.roomOut - e.roomIn < 180_000).length;
      expect(model.scheduled.pool.length + model.unscheduled.pool.length).toBe(
        records.exams.length - short,
      );
    }
  });
});
