// The simulation's figures: observed figures of one machine equal the indicator engine's own
// (computeMachine) on synthetic machines; a pool sums numerators and denominators; overtime and
// idle time on a hand-built day; a replication's output goes through the same code.
import { describe, expect, it } from 'vitest';
import { calendarOf, computeMachine } from '../../../src/core/indicators/index.ts';
import {
  actTableOf,
  CATEGORY_INDEX,
  machineColumns,
} from '../../../src/core/indicators/machine-columns.ts';
import { calibrate } from '../../../src/plan/simulation/calibrate.ts';
import {
  figuresOf,
  observedFigures,
  observedFiguresWithScope,
} from '../../../src/plan/simulation/figures.ts';
import { unionContains, unionOf } from '../../../src/core/intervals.ts';
import { PROGRAMMED_TYPES } from '../../../src/core/indicators/openings.ts';
import type { ReplicationOutput } from '../../../src/plan/simulation/types.ts';
import { at, buildKit } from '../../helpers/build-kit.ts';
import { nationalPlan, nationalRecords, recordsOf } from './records.ts';

describe('observedFigures', () => {
  it('equals computeMachine on synthetic machines for occupancy, passages, ICR per hour, and delays of the exams started in programmed sessions', () => {
    const plan = nationalPlan(2010, 40);
    let outside = 0;
    for (const index of [0, 7, 13, 29, 38]) {
      const records = nationalRecords(plan, index);
      const eq = records.equipment[0]!;
      const kit = { campaign: records.campaign };
      // the booked population: request times kept only for exams started in a programmed session
      const programmed = records.sessions.filter((s) => PROGRAMMED_TYPES.includes(s.type));
      const union = unionOf(
        programmed.map((s) => s.start),
        programmed.map((s) => s.end),
      );
      const booked = records.exams.map((e) =>
        unionContains(union, e.roomIn) ? e : { ...e, requestedAt: null },
      );
      const left = records.exams.filter(
        (e) =>
          e.requestedAt !== null &&
          (e.category === 'A' || e.category === 'H') &&
          !unionContains(union, e.roomIn),
      );
      expect(observedFiguresWithScope(records).delays.outsideSessions).toBe(left.length);
      outside += left.length;
      const cols = machineColumns(
        eq,
        records.establishment,
        records.sessions,
        booked,
        actTableOf(records),
      );
      const m = computeMachine(cols, calendarOf(kit)).indicators;
      const f = observedFigures(records);
      expect(m.exams).toBeGreaterThan(100);
      expect(f['occupancy.programmed'], eq.equipmentId).toBeCloseTo(m.occupancy.programmed!, 12);
      expect(f.passagesPerWeek).toBeCloseTo(m.passagesPerWeek, 12);
      expect(f.icrPerHour).toBeCloseTo(m.icrPerHour!, 10);
      for (const who of ['outpatient', 'inpatient'] as const)
        for (const p of ['p20', 'p50', 'p80'] as const)
          expect(f[`appointmentDelayDays.${who}.${p}`], `${who} ${p}`).toBe(
            m.appointmentDelayDays[who]?.[p] ?? null,
          );
      expect(f['unscheduledWaitMinutes.p50']).toBeNull();
      expect(f['unscheduledWaitMinutes.p90']).toBeNull();
    }
    // some outpatients and inpatients of these machines were done outside programmed sessions
    expect(outside).toBeGreaterThan(0);
  });

  it('pools machines by summing numerators and denominators', () => {
    const kit = buildKit(
      [
        // 4 h programmed, 2 h busy: 50 %
        {
          id: 'M1',
          sessions: [['2010-03-01T08:00', '2010-03-01T12:00', 'PUBLIC_SCHEDULED']],
          exams: [{ in: '2010-03-01T08:00', out: '2010-03-01T10:00', icr: 40 }],
        },
        // 2 h programmed, 2 h busy: 100 %
        {
          id: 'M2',
          sessions: [['2010-03-01T14:00', '2010-03-01T16:00', 'LIBERAL']],
          exams: [{ in: '2010-03-01T14:00', out: '2010-03-01T16:00', icr: 20 }],
        },
      ],
      { days: 7 },
    );
    const f = observedFigures(recordsOf(kit, ['M1', 'M2']));
    expect(f['occupancy.programmed']).toBeCloseTo(4 / 6, 12); // not (0.5 + 1) / 2
    expect(f.passagesPerWeek).toBe(2);
    expect(f.icrPerHour).toBeCloseTo(60 / 6, 12);
  });
});

/** A day of one machine: two adjoining programmed sessions in the morning, one in the afternoon, a night on call. */
const handKit = () =>
  buildKit(
    [
      {
        id: 'M1',
        sessions: [
          ['2010-03-01T08:00', '2010-03-01T12:00', 'PUBLIC_SCHEDULED'],
          ['2010-03-01T12:00', '2010-03-01T13:00', 'PUBLIC_SCHEDULED'],
          ['2010-03-01T14:00', '2010-03-01T18:00', 'LIBERAL'],
          ['2010-03-01T20:00', '2010-03-02T08:00', 'ON_CALL'],
        ],
        exams: [
          { in: '2010-03-01T08:30', out: '2010-03-01T09:00', requested: '2010-02-20T10:00' },
          // runs from the first session into the adjoining one: not overtime
          {
            in: '2010-03-01T11:50',
            out: '2010-03-01T12:20',
            cat: 'H',
            requested: '2010-03-01T07:00',
          },
          // 15 min past the end of the morning's programmed time
          { in: '2010-03-01T12:40', out: '2010-03-01T13:15' },
          // an emergency patient past the end: busy, but not overtime
          { in: '2010-03-01T12:50', out: '2010-03-01T13:30', cat: 'U' },
          // starts outside programmed time: not overtime, busy outside; its delay (3 days) is out
          // of the booked population's
          { in: '2010-03-01T13:30', out: '2010-03-01T13:45', requested: '2010-02-26T10:00' },
          // a doubtful 2-minute entry: not busy
          { in: '2010-03-01T15:00', out: '2010-03-01T15:02' },
          // 30 min past the end of the afternoon
          { in: '2010-03-01T17:50', out: '2010-03-01T18:30', cat: 'R' },
          { in: '2010-03-01T23:00', out: '2010-03-01T23:20', cat: 'U' },
        ],
      },
    ],
    { days: 7 },
  );

describe('overtime and idle time', () => {
  it('are counted by hand on one day', () => {
    const f = observedFigures(recordsOf(handKit(), ['M1']));
    // overtime: 13:00→13:15 and 18:00→18:30
    expect(f.overtimeMinutesPerWeek).toBeCloseTo(45, 9);
    // programmed 9 h = 540 min; busy in it: 08:30–09:00, 11:50–12:20, 12:40–13:00, 17:50–18:00 = 90 min
    expect(f.idleMinutesPerWeek).toBeCloseTo(450, 9);
    expect(f.passagesPerWeek).toBe(8);
    // delays: outpatient 9 days (Feb 20 → Mar 1), inpatient 0 (same day); the 13:30 outpatient
    // (3 days) started outside programmed time: not in the sample
    expect(f['appointmentDelayDays.outpatient.p50']).toBe(9);
    expect(f['appointmentDelayDays.inpatient.p50']).toBe(0);
    expect(observedFiguresWithScope(recordsOf(handKit(), ['M1'])).delays).toEqual({
      outpatient: 1,
      inpatient: 1,
      outsideSessions: 1,
    });
  });
});

describe('figuresOf', () => {
  it('gives a replication the figures its records would have, interventional sessions left out', () => {
    const kit = handKit();
    const records = recordsOf(kit, ['M1']);
    const model = calibrate(records);
    const exams = [...kit.exams].reverse(); // any order
    const n = exams.length;
    const output: ReplicationOutput = {
      windowStart: at('2010-03-01T00:00'),
      windowEnd: at('2010-03-08T00:00'),
      sessions: [
        ...kit.sessions.map((s) => ({ machine: 0, start: s.start, end: s.end, type: s.type })),
        // given to interventional radiology: not diagnostic time
        {
          machine: 0,
          start: at('2010-03-02T08:00'),
          end: at('2010-03-02T12:00'),
          type: 'PUBLIC_SCHEDULED',
          interventional: true,
        },
      ],
      exams: {
        machine: new Int32Array(n),
        category: Uint8Array.from(exams, (e) => CATEGORY_INDEX[e.category]),
        roomIn: Float64Array.from(exams, (e) => e.roomIn),
        roomOut: Float64Array.from(exams, (e) => e.roomOut),
        icr: Float64Array.from(exams, (e) => e.icr ?? NaN),
        requestedAt: Float64Array.from(exams, (e) => e.requestedAt ?? NaN),
        bookedMinutes: Float64Array.from(exams, (e) => e.scheduledMinutes ?? NaN),
      },
      unscheduledWaitMinutes: Float64Array.from([0, 10, 20, 30, 40, 50, 60, 70, 80, 90, 100]),
      overtimeMinutes: 45,
      idleMinutes: 450,
      noShows: 0,
      unbooked: 0,
      little: { arrivalRate: 0, meanInSystem: 0, meanSojourn: 0 },
      events: 0,
    };
    const f = figuresOf(output, model, 1);
    const o = observedFigures(records);
    expect(f).toEqual({ ...o, 'unscheduledWaitMinutes.p50': 50, 'unscheduledWaitMinutes.p90': 90 });
    expect(f.idleMinutesPerWeek).toBeCloseTo(450, 9);
    expect(model.observed).toEqual(o);
  });
});
