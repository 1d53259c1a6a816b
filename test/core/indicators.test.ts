// Hand-checked small kits, one figure at a time; every expected number is worked out in the
// comments from the timeline above it (Europe/Paris, spring change on 2010-03-28 at 02:00).
import { describe, expect, it } from 'vitest';
import { computeCampaign } from '../../src/core/indicators/index.ts';
import type { MachineIndicators } from '../../src/core/indicators/types.ts';
import { buildKit } from '../helpers/build-kit.ts';

// Two weeks from Monday 2010-03-22: 10 weekday nights (D = Mon..Fri).
const spring = buildKit(
  [
    {
      id: 'M1',
      sessions: [
        ['2010-03-22T08:00', '2010-03-22T13:00', 'PUBLIC_SCHEDULED'],
        ['2010-03-22T13:00', '2010-03-22T18:00', 'LIBERAL'], // back-to-back
        ['2010-03-22T12:00', '2010-03-22T14:00', 'PRIVATE'], // overlaps both
        ['2010-03-22T18:00', '2010-03-22T20:00', 'EMERGENCY'],
        ['2010-03-27T20:00', '2010-03-28T08:00', 'ON_CALL'], // 11 h real: spring night
        ['2010-03-23T08:00', '2010-03-23T12:00', 'MAINTENANCE'],
      ],
      exams: [
        {
          in: '2010-03-22T07:50',
          out: '2010-03-22T08:20',
          cat: 'A',
          report: '2010-03-22T08:50',
          requested: '2010-03-15T23:30',
        },
        { in: '2010-03-22T08:30', out: '2010-03-22T08:32', cat: 'A', icr: 50, booked: 10 }, // 2 min: short
        {
          in: '2010-03-22T08:40',
          out: '2010-03-22T09:00',
          cat: 'H',
          booked: 15,
          report: '2010-03-22T10:00',
          requested: '2010-03-22T07:00',
        },
        {
          in: '2010-03-22T12:50',
          out: '2010-03-22T13:10',
          cat: 'R',
          icr: null,
          acts: ['ZBQK002'],
          booked: 30,
        },
        { in: '2010-03-22T17:50', out: '2010-03-22T18:10', cat: 'U' },
        { in: '2010-03-28T01:50', out: '2010-03-28T03:10', cat: 'U', report: '2010-03-28T04:10' }, // 20 min real
        { in: '2010-03-23T21:00', out: '2010-03-23T21:30', cat: 'U' },
      ],
    },
  ],
  { start: '2010-03-22', days: 14 },
  [{ code: 'ZBQK002', label: 'scanner thorax', icr: 80 }],
);

const m1 = (): MachineIndicators => computeCampaign(spring).machines[0]!;

describe('openings', () => {
  it('counts the union of each class, once, over the weeks', () => {
    // programmed 08-18 (overlapping PRIVATE counts once) = 10 h over 2 weeks;
    // extended adds EMERGENCY 18-20; total adds 11 h of on-call and 4 h of maintenance.
    expect(m1().openingHoursPerWeek).toEqual({
      programmed: 5,
      extended: 6,
      total: 13.5,
      programmedPlusEmergency: 6,
    });
  });
  it('measures on-call ∪ emergency time across the spring change (11 h, not 12)', () => {
    expect(m1().onCallHoursPerWeek).toBeCloseTo((2 + 11) / 2, 12);
    expect(m1().significantOnCall).toBe(false);
  });
});

describe('occupancy and its inclusion rule', () => {
  it('sums the overlap of exams of 3 min or more with programmed time', () => {
    // exam 1 overlaps 08:00-08:20 (20), exam 3 20, exam 4 20 (across the back-to-back edge),
    // exam 5 17:50-18:00 (10); the 2-minute exam does not count: 70 / 600 min.
    expect(m1().occupancy.programmed).toBeCloseTo(70 / 600, 12);
    // programmed ∪ emergency is 08-20: exam 5 counts whole: 80 / 720.
    expect(m1().occupancy.programmedPlusEmergency).toBeCloseTo(80 / 720, 12);
  });
  it('excludes a machine whose used sessions are under 95 % of programmed time', () => {
    // On their own: 08-13 holds 50/300 (16.7 %, used), 13-18 holds 20/300 (6.7 %), 12-14 holds
    // 20/120 (16.7 %, used): 420 of 720 min = 58.3 % < 95 %.
    const m = m1();
    expect(m.occupancyIncluded).toBe(false);
    expect(m.inclusion.shareAbove15).toBeCloseTo(420 / 720, 12);
    expect(m.inclusion.reason).toMatch(/58\.3 %/);
    expect(computeCampaign(spring).quality.excludedFromOccupancy).toEqual(['M1']);
  });
  it('includes a machine whose every programmed session is used', () => {
    const kit = buildKit(
      [
        {
          id: 'OK',
          sessions: [['2010-03-01T08:00', '2010-03-01T10:00', 'PUBLIC_SCHEDULED']],
          exams: [{ in: '2010-03-01T08:00', out: '2010-03-01T08:20' }], // 20/120 = 16.7 %
        },
      ],
      { days: 7 },
    );
    const m = computeCampaign(kit).machines[0]!;
    expect(m.occupancyIncluded).toBe(true);
    expect(m.occupancy.programmed).toBeCloseTo(1 / 6, 12);
  });
});

describe('activity', () => {
  it('counts passages per week, short exams included', () => {
    expect(m1().passagesPerWeek).toBe(3.5);
    expect(m1().exams).toBe(7);
    expect(m1().quality.shortExams).toBe(1);
  });
  it('values ICR per programmed hour from the row or the act table', () => {
    // roomIn in programmed time: exam 2 (50, short but valued), 3 (100), 4 (80 from ZBQK002), 5 (100).
    expect(m1().icrPerHour).toBeCloseTo(330 / 10, 12);
  });
  it('reports an act missing from the table and never values it 0', () => {
    const kit = buildKit([
      {
        id: 'X',
        sessions: [['2010-03-01T08:00', '2010-03-01T10:00', 'PUBLIC_SCHEDULED']],
        exams: [
          { in: '2010-03-01T08:00', out: '2010-03-01T08:20', icr: null, acts: ['NOPE001'] },
          { in: '2010-03-01T08:30', out: '2010-03-01T08:50', icr: 120 },
        ],
      },
    ]);
    const r = computeCampaign(kit);
    expect(r.machines[0]!.icrPerHour).toBe(60);
    expect(r.quality.unknownActs).toEqual(['NOPE001']);
    expect(r.quality.unvaluedExams).toBe(1);
  });
  it('shares exams from the emergency department', () => {
    expect(m1().emergencyShare).toBeCloseTo(3 / 7, 12);
    expect(m1().typology).toBe('scheduled-centred');
  });
});

describe('night activity', () => {
  it('splits evening and deep night and averages over weekday nights', () => {
    // 21:00 Tuesday (weekday night) and 01:50 Sunday (night of Saturday): 10 weekday nights.
    expect(m1().night).toEqual({
      evening: 1,
      deepNight: 1,
      perWeekdayNight: 0.1,
      perWeek: 1,
      level: 'low',
    });
  });
  it('calls ≥ 10 patients per weekday night strong', () => {
    const exams = [];
    for (let d = 1; d <= 5; d++)
      for (let k = 0; k < 10; k++)
        exams.push({
          in: `2010-03-0${d}T2${k % 4}:0${k % 10}`,
          out: `2010-03-0${d}T2${k % 4}:0${k % 10}`.replace(/:0(\d)$/, ':5$1'),
          cat: 'U' as const,
        });
    const m = computeCampaign(buildKit([{ id: 'N', exams }], { days: 7 })).machines[0]!;
    expect(m.night.perWeekdayNight).toBe(10);
    expect(m.night.level).toBe('strong');
  });
});

describe('exam-level figures', () => {
  it('gives durations by category, real minutes across the spring change, short exams left out', () => {
    const d = m1().durationMinutes;
    expect(d.A).toEqual({ n: 1, p20: 30, p50: 30, p80: 30 });
    expect(d.H).toEqual({ n: 1, p20: 20, p50: 20, p80: 20 });
    // U: 20, 20 (01:50 CET → 03:10 CEST), 30: P80 = 20 + 0.6 × 10.
    expect(d.U).toEqual({ n: 3, p20: 20, p50: 20, p80: 26 });
  });
  it('gives report delays by patient type', () => {
    const r = m1().reportDelayMinutes;
    expect(r.outpatient?.p50).toBe(30);
    expect(r.inpatient?.p50).toBe(60);
    expect(r.emergency?.p50).toBe(60); // 03:10 CEST → 04:10 CEST
  });
  it('counts realized appointment delays in calendar days', () => {
    expect(m1().appointmentDelayDays.outpatient?.p50).toBe(7); // 15th 23:30 → 22nd 07:50
    expect(m1().appointmentDelayDays.inpatient?.p50).toBe(0);
  });
});

describe('improvement leads', () => {
  it('measures late starts, early ends, gaps and overruns per programmed session', () => {
    const l = m1().leads;
    // 08-13 owns exams 3 and 4: late 40, early 0 (ends 13:10), gap 230; 13-18 owns exam 5:
    // late 290, early 0; 12-14 owns exam 4: late 50, early 50.
    expect(l.lateStartMinutes).toEqual({
      n: 3,
      p50: 50,
      p80: expect.closeTo(194, 9),
      hoursPerWeek: expect.closeTo(380 / 60 / 2, 12),
    });
    expect(l.earlyEndMinutes).toEqual({
      n: 3,
      p50: 0,
      p80: expect.closeTo(30, 9),
      hoursPerWeek: expect.closeTo(50 / 60 / 2, 12),
    });
    expect(l.turnoverGapMinutes).toEqual({
      n: 1,
      p50: 230,
      p80: 230,
      hoursPerWeek: expect.closeTo(230 / 60 / 2, 12),
    });
    // exam 3: 20 - 15 = +5, exam 4: 20 - 30 = -10 (exam 2 is short): only +5 adds hours.
    expect(l.overrunMinutes?.n).toBe(2);
    expect(l.overrunMinutes?.p50).toBeCloseTo(-2.5, 12);
    expect(l.overrunMinutes?.p80).toBeCloseTo(2, 12);
    expect(l.overrunMinutes?.hoursPerWeek).toBeCloseTo(5 / 60 / 2, 12);
  });
  it('gives null leads to a machine with no programmed session', () => {
    const m = computeCampaign(
      buildKit([{ id: 'E', exams: [{ in: '2010-03-01T10:00', out: '2010-03-01T10:20' }] }]),
    ).machines[0]!;
    expect(m.leads).toEqual({
      lateStartMinutes: null,
      earlyEndMinutes: null,
      turnoverGapMinutes: null,
      overrunMinutes: null,
    });
    expect(m.occupancy).toEqual({ programmed: null, programmedPlusEmergency: null });
    expect(m.icrPerHour).toBeNull();
    expect(m.occupancyIncluded).toBe(false);
  });
});

describe('autumn change (2010-10-31, 03:00 CEST → 02:00 CET)', () => {
  const autumn = buildKit(
    [
      {
        id: 'M2',
        sessions: [
          ['2010-10-30T20:00', '2010-10-31T08:00', 'ON_CALL'], // 13 h real
          ['2010-10-25T08:00', '2010-10-25T18:00', 'PUBLIC_SCHEDULED'],
        ],
        exams: [
          // 02:50 CEST → 02:10 CET is 20 real minutes; the report 20 minutes after that.
          {
            in: '2010-10-31T02:50+02:00',
            out: '2010-10-31T02:10+01:00',
            cat: 'U',
            report: '2010-10-31T02:30+01:00',
          },
          { in: '2010-10-25T08:00', out: '2010-10-25T08:30', cat: 'A' },
        ],
      },
    ],
    { start: '2010-10-25', days: 14 },
  );
  const m = computeCampaign(autumn).machines[0]!;
  it('counts a 13-hour night', () => {
    expect(m.openingHoursPerWeek.total).toBeCloseTo((10 + 13) / 2, 12);
    expect(m.onCallHoursPerWeek).toBeCloseTo(13 / 2, 12);
  });
  it('measures durations and delays in real time through the repeated hour', () => {
    expect(m.durationMinutes.U).toEqual({ n: 1, p20: 20, p50: 20, p80: 20 });
    expect(m.reportDelayMinutes.emergency?.p50).toBe(20);
    expect(m.night.deepNight).toBe(1);
    expect(m.night.perWeekdayNight).toBe(0); // night of Saturday
  });
});

describe('typology and on-call', () => {
  it('calls a machine open around the clock on emergencies with little programmed time emergency-dedicated', () => {
    const sessions: [string, string, 'EMERGENCY' | 'PUBLIC_SCHEDULED'][] = [];
    for (let d = 1; d <= 7; d++)
      sessions.push([`2010-03-0${d}T00:00`, `2010-03-0${d + 1}T00:00`, 'EMERGENCY']);
    sessions.push(['2010-03-01T08:00', '2010-03-01T12:00', 'PUBLIC_SCHEDULED']);
    const m = computeCampaign(buildKit([{ id: 'U1', sessions }], { days: 7 })).machines[0]!;
    expect(m.openingHoursPerWeek.total).toBe(168);
    expect(m.openingHoursPerWeek.extended).toBe(168);
    expect(m.openingHoursPerWeek.programmed).toBe(4);
    expect(m.typology).toBe('emergency-dedicated');
    expect(m.significantOnCall).toBe(true);
  });
  it('calls a machine with a majority of emergency-department patients emergency-dedicated', () => {
    const exams = [
      { in: '2010-03-01T08:00', out: '2010-03-01T08:20', cat: 'U' as const },
      { in: '2010-03-01T09:00', out: '2010-03-01T09:20', cat: 'U' as const },
      { in: '2010-03-01T10:00', out: '2010-03-01T10:20', cat: 'A' as const },
    ];
    expect(computeCampaign(buildKit([{ id: 'U2', exams }])).machines[0]!.typology).toBe(
      'emergency-dedicated',
    );
  });
});
