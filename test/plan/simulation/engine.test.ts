// The simulation engine (sim-design.md "Engine (one run)"): a one-day machine worked event by
// event by hand (who goes first, roomIn/roomOut, overtime, idle, waits, Little, event count), a
// two-machine pool (lowest-index free machine, bookings by start then machine), Little's law on
// busy runs, seeded identity and common random numbers, first-fit booking checked against a naive
// replay on random small models, the emergency reservation and the late-start gates.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CATEGORIES, type Category, type SessionType } from '../../../src/core/kit-types.ts';
import { PROGRAMMED_TYPES } from '../../../src/core/indicators/openings.ts';
import {
  bookedMinutesOf,
  categoryDraw,
  HELD_RELEASE_HOURS,
  simulate,
  simulateWithTrace,
  unscheduledDraw,
} from '../../../src/plan/simulation/engine.ts';
import { Agenda, sessionInstances } from '../../../src/plan/simulation/engine/agenda.ts';
import {
  DEFAULT_POLICY,
  type GridSession,
  type PoolExam,
  type ReplicationOutput,
  type SimulationModel,
} from '../../../src/plan/simulation/types.ts';
import { at, busyMachineModel, oneDayModel } from './fixtures.ts';

const MIN = 60_000;

/** The window's exams as rows, times as "d hh:mm" of oneDayModel's week. */
function rows(o: ReplicationOutput): string[] {
  const hm = (t: number): string => {
    const m = Math.round((t - at(0, 0)) / MIN);
    const d = Math.floor(m / 1440);
    const r = m - d * 1440;
    return `${d} ${String(Math.floor(r / 60)).padStart(2, '0')}:${String(r % 60).padStart(2, '0')}`;
  };
  return Array.from(
    o.exams.roomIn,
    (t, i) =>
      `m${o.exams.machine[i]} ${CATEGORIES[o.exams.category[i] as number]} ${hm(t)}–${hm(o.exams.roomOut[i] as number)}`,
  );
}

describe('one machine, one Monday morning, worked by hand', () => {
  // Session Monday 08:00–12:00 UTC, late start 10 min (gate 08:10). Pool: 0 = A 30 min booked 30,
  // 1 = H 45 min booked 30, 2 = A 20 min booked slotMinutes.A = 25; unscheduled U 15 min.
  // Free gaps after each booking in brackets.
  const requests = [
    { at: at(0, 7, 0), exam: 0 }, // r0 → slot 08:00–08:30, arrives at the gate 08:10 [08:30–12:00]
    { at: at(0, 7, 10), exam: 1, leadMinutes: 120 }, // r1 → earliest 09:10: slot 09:10–09:40 [08:30–09:10, 09:40–12:00]
    { at: at(0, 7, 20), exam: 2 }, // r2 → into the hole before r1: 08:30–08:55 (booked 25) [08:55–09:10, 09:40–12:00]
    { at: at(0, 7, 30), exam: 0, noShow: true }, // r3 → 15 min hole too short: 09:40–10:10, does not come
    { at: at(0, 7, 40), exam: 1 }, // r4 → 10:10–10:40
    { at: at(0, 7, 50), exam: 0 }, // r5 → 10:40–11:10
    { at: at(0, 7, 55), exam: 0 }, // r6 → 11:10–11:40 [08:55–09:10, 11:40–12:00]
    { at: at(0, 7, 58), exam: 0 }, // r7 → no 30 min gap left: next Monday 08:00 (out of the window)
  ];
  const unscheduled = [
    { at: at(0, 8, 5), exam: 0 }, // u0: machine free (r0 not arrived yet)
    { at: at(0, 11, 10), exam: 0 }, // u1: goes before r6 (arrived 11:10 too) when r5 ends at 11:25
    { at: at(1, 3, 0), exam: 0 }, // u2: the night, served at once
  ];
  const run = { seed: 1, replication: 0, warmupWeeks: 0, weeks: 1 };

  it('late start on: the schedule, overtime, idle, waits, no-shows, Little and events', () => {
    const { output: o, trace } = simulateWithTrace(oneDayModel(), run, { requests, unscheduled });
    expect(rows(o)).toEqual([
      'm0 U 0 08:05–0 08:20', // u0 before the gate
      'm0 A 0 08:20–0 08:50', // r0 arrived 08:10, waited for u0
      'm0 A 0 08:50–0 09:10', // r2 due 08:30 (the hole), waited for r0; 20 min
      'm0 H 0 09:10–0 09:55', // r1 at its slot, 45 min
      'm0 H 0 10:10–0 10:55', // r4 at its slot (r3's slot idle from 09:55)
      'm0 A 0 10:55–0 11:25', // r5 due 10:40, waited for r4
      'm0 U 0 11:25–0 11:40', // u1 arrived 11:10, ahead of r6 waiting since 11:10
      'm0 A 0 11:40–0 12:10', // r6: 10 min past the session's end
      'm0 U 1 03:00–1 03:15',
    ]);
    expect(Array.from(o.exams.requestedAt)).toEqual([
      NaN,
      at(0, 7),
      at(0, 7, 20),
      at(0, 7, 10),
      at(0, 7, 40),
      at(0, 7, 50),
      NaN,
      at(0, 7, 55),
      NaN,
    ]);
    expect(Array.from(o.exams.bookedMinutes)).toEqual([NaN, 30, 25, 30, 30, 30, NaN, 30, NaN]);
    expect(Array.from(o.exams.icr)).toEqual([40, 25, 10, NaN, NaN, 25, 40, 25, 40]);
    expect(o.overtimeMinutes).toBe(10);
    // busy in 08:00–12:00: 08:05–09:55, 10:10–12:00 = 220 of 240 min
    expect(o.idleMinutes).toBe(20);
    expect(o.noShows).toBe(1);
    expect(o.unbooked).toBe(0);
    expect(Array.from(o.unscheduledWaitMinutes)).toEqual([0, 15, 0]);
    // 9 arrivals in the week, sojourns u0 15, r0 40, r2 40, r1 45, r4 45, r5 45, u1 30, r6 60, u2 15 = 335 min
    const week = 7 * 1440;
    expect(o.little.arrivalRate).toBeCloseTo(9 / week, 15);
    expect(o.little.meanSojourn).toBeCloseTo(335 / 9, 12);
    expect(o.little.meanInSystem).toBeCloseTo(335 / week, 12);
    // 8 requests + 3 unscheduled arrivals + 6 booked arrivals + 9 departures (r7 comes after the window)
    expect(o.events).toBe(26);
    expect(o.windowStart).toBe(at(0, 0));
    expect(o.windowEnd).toBe(at(7, 0));
    expect(o.sessions).toEqual([
      { machine: 0, start: at(0, 8), end: at(0, 12), type: 'PUBLIC_SCHEDULED' },
    ]);
    // the trace: slots, earliest, gates, r6 next week
    expect(Array.from(trace.requests.slotStart)).toEqual([
      at(0, 8),
      at(0, 9, 10),
      at(0, 8, 30),
      at(0, 9, 40),
      at(0, 10, 10),
      at(0, 10, 40),
      at(0, 11, 10),
      at(7, 8),
    ]);
    expect(trace.requests.earliest[1]).toBe(at(0, 9, 10));
    const first = trace.requests.session[0] as number;
    expect(trace.instances.gate[first]).toBe(at(0, 8, 10));
    expect(Array.from(trace.requests.session.subarray(0, 7))).toEqual(new Array(7).fill(first));
    expect(trace.instances.start[trace.requests.session[7] as number]).toBe(at(7, 8));
  });

  it('late start off: r0 at 08:00 and u0 waits for it', () => {
    const o = simulate(oneDayModel({ policy: { lateStarts: false } }), run, {
      requests,
      unscheduled,
    });
    expect(rows(o).slice(0, 4)).toEqual([
      'm0 A 0 08:00–0 08:30',
      'm0 U 0 08:30–0 08:45', // u0 before r2 (due 08:30, arrived with r0's departure)
      'm0 A 0 08:45–0 09:05',
      'm0 H 0 09:10–0 09:55',
    ]);
    expect(Array.from(o.unscheduledWaitMinutes)).toEqual([25, 15, 0]);
    // busy 08:00–09:05, 09:10–09:55, 10:10–12:00 = 220 of 240 min
    expect(o.idleMinutes).toBe(20);
    expect(o.overtimeMinutes).toBe(10);
  });

  it('a pool of two machines: bookings by start then machine, the lowest-index free machine takes the unscheduled', () => {
    const model = oneDayModel({ machines: 2, policy: { lateStarts: false } });
    // All four requested at 07:00 for 10:30 at the earliest: m0 gets 10:30, 11:00, 11:30, then m1 10:30.
    const req = [
      { at: at(0, 7), exam: 1, leadMinutes: 210 }, // r0 m0 10:30 (45 min)
      { at: at(0, 7), exam: 1, leadMinutes: 210 }, // r1 m0 11:00
      { at: at(0, 7), exam: 0, leadMinutes: 210 }, // r2 m0 11:30
      { at: at(0, 7), exam: 0, leadMinutes: 210 }, // r3 m1 10:30 (m0 is full)
    ];
    const uns = [
      { at: at(0, 9), exam: 0 }, // both free → m0
      { at: at(0, 10, 40), exam: 0 }, // both busy; m1 frees first (11:00)
      { at: at(0, 10, 41), exam: 0 }, // at 11:15 both free: m0 takes it; r1 (m0) waits, m1 stays idle
    ];
    const { output: o, trace } = simulateWithTrace(model, run, { requests: req, unscheduled: uns });
    expect(Array.from(trace.requests.session, (i) => trace.instances.machine[i])).toEqual([
      0, 0, 0, 1,
    ]);
    expect(rows(o)).toEqual([
      'm0 U 0 09:00–0 09:15',
      'm0 H 0 10:30–0 11:15',
      'm1 A 0 10:30–0 11:00',
      'm1 U 0 11:00–0 11:15',
      'm0 U 0 11:15–0 11:30',
      'm0 H 0 11:30–0 12:15',
      'm0 A 0 12:15–0 12:45',
    ]);
    expect(Array.from(o.unscheduledWaitMinutes)).toEqual([0, 20, 34]);
    expect(o.overtimeMinutes).toBe(15 + 30);
    // programmed 2 × 240; busy m0 15 + 90, m1 45
    expect(o.idleMinutes).toBe(480 - 150);
    expect(o.sessions.map((s) => s.machine)).toEqual([0, 1]);
  });

  it('unbooked requests, non-programmed and interventional sessions are never booked', () => {
    const model = oneDayModel({ policy: { lateStarts: false } });
    model.sessions = [
      { machine: 0, start: at(0, 8), end: at(0, 10), type: 'EMERGENCY' },
      {
        machine: 0,
        start: at(0, 10),
        end: at(0, 11),
        type: 'PUBLIC_SCHEDULED',
        interventional: true,
      },
      { machine: 0, start: at(0, 11), end: at(0, 12), type: 'LIBERAL' },
    ];
    const req = [
      { at: at(0, 7), exam: 0 },
      { at: at(0, 7, 1), exam: 0 },
      { at: at(0, 7, 2), exam: 0 },
    ];
    const { output: o, trace } = simulateWithTrace(model, { ...run, weeks: 1 }, { requests: req });
    // the LIBERAL hour takes two; the third goes to next week's LIBERAL hour
    expect(Array.from(trace.requests.slotStart)).toEqual([at(0, 11), at(0, 11, 30), at(7, 11)]);
    expect(rows(o)).toEqual(['m0 A 0 11:00–0 11:30', 'm0 A 0 11:30–0 12:00']);
    expect(o.idleMinutes).toBe(0); // only the LIBERAL hour is diagnostic programmed time, and it is full
    // no programmed session at all: every request is unbooked
    model.sessions = [model.sessions[0] as GridSession];
    const none = simulate(model, run, { requests: req });
    expect(none.unbooked).toBe(3);
    expect(none.exams.roomIn.length).toBe(0);
  });
});

describe('free gaps: holes left before a long-lead booking are filled later', () => {
  it('a short-lead request goes into the hole before a long-lead one; the machine serves them in due order', () => {
    // Monday 08:00–12:00, on time, no unscheduled patients. Pool: 0 = A 30 min booked 30;
    // 1 = H 45 min booked 30; 2 = A 20 min booked 25; 3 (added) = A 20 min booked 20.
    const model = oneDayModel({ policy: { lateStarts: false } });
    model.scheduled.pool.push({
      category: 'A',
      machine: 0,
      durationMinutes: 20,
      bookedMinutes: 20,
      icr: null,
      family: null,
    });
    // Free gaps after each booking in brackets.
    const requests = [
      { at: at(0, 7, 0), exam: 0, leadMinutes: 180 }, // q0 → 10:00–10:30 [08:00–10:00, 10:30–12:00]
      { at: at(0, 7, 5), exam: 1 }, // q1 → 08:00–08:30, in the hole before q0 [08:30–10:00, 10:30–12:00]
      { at: at(0, 8, 40), exam: 0 }, // q2, session running → 08:40–09:10 [08:30–08:40, 09:10–10:00, 10:30–12:00]
      { at: at(0, 8, 41), exam: 1 }, // q3 → 08:30–08:40 is before earliest: 09:10–09:40 [… 09:40–10:00 …]
      { at: at(0, 8, 42), exam: 2 }, // q4 25 min: the 20 min hole is too short → 10:30–10:55
      { at: at(0, 8, 43), exam: 0 }, // q5 → 10:55–11:25 [08:30–08:40, 09:40–10:00, 11:25–12:00]
      { at: at(0, 8, 44), exam: 3 }, // q6 20 min: fills 09:40–10:00 exactly [08:30–08:40, 11:25–12:00]
      { at: at(0, 8, 45), exam: 2 }, // q7 → 11:25–11:50 [08:30–08:40, 11:50–12:00]
      { at: at(0, 8, 46), exam: 0 }, // q8 → no 30 min gap left: next Monday 08:00
    ];
    const run = { seed: 1, replication: 0, warmupWeeks: 0, weeks: 1 };
    const { output: o, trace } = simulateWithTrace(model, run, { requests });
    expect(Array.from(trace.requests.slotStart)).toEqual([
      at(0, 10),
      at(0, 8),
      at(0, 8, 40),
      at(0, 9, 10),
      at(0, 10, 30),
      at(0, 10, 55),
      at(0, 9, 40),
      at(0, 11, 25),
      at(7, 8),
    ]);
    // q1 runs 45 min, so everyone after waits; at 10:00 q6 (due 09:40) goes before q0 (due 10:00)
    expect(rows(o)).toEqual([
      'm0 H 0 08:00–0 08:45', // q1
      'm0 A 0 08:45–0 09:15', // q2
      'm0 H 0 09:15–0 10:00', // q3
      'm0 A 0 10:00–0 10:20', // q6
      'm0 A 0 10:20–0 10:50', // q0
      'm0 A 0 10:50–0 11:10', // q4
      'm0 A 0 11:10–0 11:40', // q5
      'm0 A 0 11:40–0 12:00', // q7
    ]);
    expect(Array.from(o.exams.requestedAt)).toEqual(
      [1, 2, 3, 6, 0, 4, 5, 7].map((k) => requests[k]!.at),
    );
    expect(o.idleMinutes).toBe(0);
    expect(o.overtimeMinutes).toBe(0);
  });

  it("the agenda keeps each instance's gaps: splits, exact fills, zero lengths, running instances", () => {
    const sessions = [
      { machine: 0, start: 0, end: 100 },
      { machine: 0, start: 200, end: 300 },
      { machine: 0, start: 400, end: 500 }, // not bookable
    ];
    const inst = sessionInstances(sessions, (g) => g < 2, 10_000, 0, 1000, 0);
    const agenda = new Agenda(inst);
    const book = (earliest: number, length: number): [number, number] => {
      const i = agenda.book(earliest, length);
      return [i, i < 0 ? NaN : agenda.slotStart];
    };
    expect(book(40, 10)).toEqual([0, 40]);
    expect(agenda.gaps(0)).toEqual([
      [0, 40],
      [50, 100],
    ]);
    expect(book(0, 30)).toEqual([0, 0]); // the hole before 40
    expect(agenda.gaps(0)).toEqual([
      [30, 40],
      [50, 100],
    ]);
    expect(book(0, 10)).toEqual([0, 30]); // fills 30–40 exactly: the gap goes
    expect(agenda.gaps(0)).toEqual([[50, 100]]);
    expect(book(75, 20)).toEqual([0, 75]); // instance 0 running at 75
    expect(agenda.gaps(0)).toEqual([
      [50, 75],
      [95, 100],
    ]);
    expect(book(60, 0)).toEqual([0, 60]); // zero length: takes nothing
    expect(agenda.gaps(0)).toEqual([
      [50, 75],
      [95, 100],
    ]);
    expect(book(0, 30)).toEqual([1, 200]); // no 30 in instance 0 → instance 1
    expect(book(80, 10)).toEqual([1, 230]); // instance 0's 95–100 too short; 1 starts later
    expect(book(52, 23)).toEqual([0, 52]); // the running instance's earliest gap, to its end
    expect(agenda.gaps(0)).toEqual([
      [50, 52],
      [95, 100],
    ]);
    expect(book(0, 70)).toEqual([-1, NaN]); // 60 left in instance 1; instance 2 is not bookable
    expect(book(0, 60)).toEqual([1, 240]);
    expect(agenda.gaps(1)).toEqual([]);
    expect(book(0, 1)).toEqual([0, 50]);
    expect(book(96, 1)).toEqual([0, 96]); // a split: the node freed by instance 1 is reused
    expect(agenda.gaps(0)).toEqual([
      [51, 52],
      [95, 96],
      [97, 100],
    ]);
    expect(agenda.gaps(2)).toEqual([]);
  });

  it('the held part: refused to an outpatient booking before its release, used by an inpatient once the open part is full, released from `releasedFrom` on', () => {
    // two instances of 100, 30 % held: an open part of 70 each until released
    const inst = sessionInstances(
      [
        { machine: 0, start: 1000, end: 1100 },
        { machine: 0, start: 2000, end: 2100 },
      ],
      () => true,
      10_000,
      0,
      3000,
      0,
    );
    const agenda = new Agenda(inst, 0, 0.3);
    const book = (length: number, releasedFrom: number, outpatient: boolean): [number, number] => {
      const i = agenda.book(0, length, releasedFrom, outpatient);
      return [i, i < 0 ? NaN : agenda.slotStart];
    };
    expect(book(30, 500, false)).toEqual([0, 1000]); // an inpatient asked early: the open part first
    expect(agenda.openBooked(0)).toBe(30);
    expect(book(40, 500, true)).toEqual([0, 1030]); // an outpatient: the open part is now full
    expect(book(20, 500, true)).toEqual([1, 2000]); // 90 > 70: not in instance 0 before its release
    expect(book(20, 500, false)).toEqual([0, 1070]); // an inpatient: into the held part
    expect(agenda.openBooked(0)).toBe(70);
    expect(book(10, 1001, true)).toEqual([0, 1090]); // instance 0 starts before 1001: released
    expect(book(60, 500, false)).toEqual([1, 2020]); // 50 left in the open part: the held part
    expect(book(20, 500, true)).toEqual([1, 2080]); // 20 + 20 ≤ 70
    expect([agenda.openBooked(0), agenda.openBooked(1)]).toEqual([80, 40]);
    expect([agenda.gaps(0), agenda.gaps(1)]).toEqual([[], []]);
    expect(book(1, 0, false)).toEqual([-1, NaN]);
  });

  it('random bookings: the same instance, slot and gaps as a naive earliest-fit over booked intervals', () => {
    const arb = fc.record({
      sessions: fc.array(
        fc.record({
          machine: fc.integer({ min: 0, max: 2 }),
          start: fc.integer({ min: 0, max: 900 }),
          length: fc.integer({ min: 1, max: 200 }),
          bookable: fc.integer({ min: 0, max: 4 }).map((x) => x > 0),
        }),
        { maxLength: 12 },
      ),
      share: fc.constantFrom(0, 0.25, 0.5),
      // the part held for inpatients
      held: fc.constantFrom(0, 0, 0.3, 0.6),
      // the shortest length asked: shorter gaps are dropped (none when 0)
      minLength: fc.constantFrom(0, 0, 5, 12),
      calls: fc.array(
        fc.tuple(
          fc.integer({ min: 0, max: 1100 }),
          fc.integer({ min: 0, max: 60 }),
          // instances from `releasedFrom` on keep their held part (all released when absent)
          fc.option(fc.integer({ min: 0, max: 1200 }), { nil: undefined }),
          fc.boolean(), // an outpatient's booking
        ),
        { maxLength: 80 },
      ),
    });
    fc.assert(
      fc.property(arb, ({ sessions, share, held, minLength, calls }) => {
        const grid = sessions.map((x) => ({
          machine: x.machine,
          start: x.start,
          end: x.start + x.length,
        }));
        const inst = sessionInstances(grid, (g) => sessions[g]!.bookable, 10_000, 0, 1200, share);
        const agenda = new Agenda(inst, minLength, held);
        const booked: [number, number][][] = Array.from(inst.start, () => []);
        const open = new Float64Array(inst.count);
        const gapsOf = (i: number): [number, number][] => {
          if (inst.diagnostic[i] !== 1) return [];
          const out: [number, number][] = [];
          let from = inst.start[i] as number;
          const taken = [...(booked[i] as [number, number][])].filter(([p, q]) => q > p);
          taken.sort((x, y) => x[0] - y[0]);
          for (const [p, q] of [...taken, [inst.bookableEnd[i] as number, Infinity]] as const) {
            if (p > from && p - from >= minLength) out.push([from, p]);
            from = Math.max(from, q);
          }
          return out;
        };
        for (const [earliest, asked, releasedFrom = Infinity, isOutpatient] of calls) {
          const length = Math.max(minLength, asked);
          let chosen = -1;
          let slot = NaN;
          for (let i = 0; i < inst.count && chosen < 0; i++) {
            if ((inst.end[i] as number) <= earliest) continue;
            const cap = ((inst.bookableEnd[i] as number) - (inst.start[i] as number)) * (1 - held);
            if (
              held > 0 &&
              isOutpatient &&
              (inst.start[i] as number) >= releasedFrom &&
              cap - (open[i] as number) < length
            )
              continue;
            for (const [a, b] of gapsOf(i)) {
              const s = Math.max(a, earliest);
              if (s + length <= b) {
                chosen = i;
                slot = s;
                break;
              }
            }
          }
          expect(agenda.book(earliest, length, releasedFrom, isOutpatient)).toBe(chosen);
          if (chosen < 0) continue;
          expect(agenda.slotStart).toBe(slot);
          (booked[chosen] as [number, number][]).push([slot, slot + length]);
          // counted against the open part: an outpatient always, an inpatient before the release when it fits
          const cap =
            ((inst.bookableEnd[chosen] as number) - (inst.start[chosen] as number)) * (1 - held);
          if (
            held > 0 &&
            (isOutpatient ||
              ((inst.start[chosen] as number) >= releasedFrom &&
                cap - (open[chosen] as number) >= length))
          )
            open[chosen] = (open[chosen] as number) + length;
          expect(agenda.openBooked(chosen)).toBe(open[chosen]);
          for (let i = 0; i < inst.count; i++) expect(agenda.gaps(i)).toEqual(gapsOf(i));
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('the part of each session held for inpatients', () => {
  it('is refused to an outpatient asking more than 24 h ahead, used by an inpatient, released to an outpatient asking within 24 h', () => {
    // Monday 08:00–12:00 = 240 min; 25 % held: outpatients may book 180 min until Sunday 08:00
    const model = oneDayModel();
    model.scheduled.inpatientShare = 0.25;
    const monday = at(0, 0);
    const ask = (day: number, hour: number, exam: number) => ({
      at: at(day, hour),
      exam,
      leadMinutes: Math.max(0, (monday - at(day, hour)) / MIN),
    });
    const requests = [
      ...Array.from({ length: 6 }, (_, j) => ask(-5, 9 + j, 0)), // six A of 30: 08:00–11:00, the 180 min
      ask(-4, 9, 0), // A: Monday would pass 180 min → next Monday
      ask(-3, 9, 1), // H (booked 30): into the held part, 11:00
      ask(-1, 7, 0), // A, 25 h before: still held → next Monday after the first
      ask(-1, 9, 0), // A, 23 h before: released → 11:30
    ];
    const { trace } = simulateWithTrace(
      model,
      { seed: 1, replication: 0, warmupWeeks: 1, weeks: 1 },
      { requests, unscheduled: [] },
    );
    const r = trace.requests;
    expect(Array.from(r.slotStart)).toEqual([
      ...Array.from({ length: 6 }, (_, j) => at(0, 8, 30 * j)),
      at(7, 8),
      at(0, 11),
      at(7, 8, 30),
      at(0, 11, 30),
    ]);
    // without a held part the first outpatient asking on Tuesday gets 11:00
    const open = simulateWithTrace(
      oneDayModel(),
      { seed: 1, replication: 0, warmupWeeks: 1, weeks: 1 },
      { requests, unscheduled: [] },
    );
    expect(open.trace.requests.slotStart[6]).toBe(at(0, 11));
  });
});

describe("a request's category by its hour of week", () => {
  it("is drawn from the categories' rates at its hour with the one uniform, then an exam of it; the whole pool without rates", () => {
    const model = oneDayModel(); // pool: 0 = A, 1 = H, 2 = A
    const categories = Uint8Array.from([0, 1, 0]);
    const byCategory = (h10: [number, number, number]) => {
      const rate = (v: number) => Array.from({ length: 168 }, (_, h) => (h === 10 ? v : 0));
      return { A: rate(h10[0]), H: rate(h10[1]), R: rate(h10[2]) };
    };
    // hour 10: A 3, H 1, R 2 (R has no exam in the pool: left out) → A for u < 0.75, then H
    model.scheduled.requestsPerHourOfWeekByCategory = byCategory([3, 1, 2]);
    const draw = categoryDraw(model, categories);
    expect([0, 0.3, 0.374, 0.375, 0.74, 0.75, 0.99].map((u) => draw(u, 10))).toEqual([
      0, 0, 0, 2, 2, 1, 1,
    ]);
    // an hour without rates, or no profiles: uniform over the pool
    expect([0, 0.34, 0.5, 0.99].map((u) => draw(u, 11))).toEqual([0, 1, 1, 2]);
    delete model.scheduled.requestsPerHourOfWeekByCategory;
    expect([0, 0.34, 0.5, 0.99].map((u) => categoryDraw(model, categories)(u, 10))).toEqual([
      0, 1, 1, 2,
    ]);
  });

  it('keeps each category on its own days in a run: outpatients asked on Saturdays, inpatients on Mondays', () => {
    const model = busyMachineModel();
    const perHour = (days: number[]) =>
      Array.from({ length: 168 }, (_, h) => (days.includes(Math.floor(h / 24)) ? 1 : 0));
    model.scheduled.requestsPerHourOfWeekByCategory = { A: perHour([5]), H: perHour([0]) };
    model.scheduled.requestsPerHourOfWeek = perHour([0, 5]);
    const { trace } = simulateWithTrace(model, {
      seed: 3,
      replication: 0,
      warmupWeeks: 1,
      weeks: 2,
    });
    const weekday = (t: number) => new Date(t).getUTCDay(); // Paris and UTC agree on the day at these hours
    const seen = { A: new Set<number>(), H: new Set<number>(), other: 0 };
    trace.requests.exam.forEach((e, k) => {
      const c = model.scheduled.pool[e]!.category;
      if (c === 'A' || c === 'H')
        seen[c].add(weekday((trace.requests.at[k] as number) + 3_600_000));
      else seen.other++;
    });
    expect(trace.requests.at.length).toBeGreaterThan(100); // 48 a week over 3 weeks
    expect([...seen.A]).toEqual([6]); // Saturday
    expect([...seen.H]).toEqual([1]); // Monday
    expect(seen.other).toBe(0);
  });
});

describe("an unscheduled arrival's exam", () => {
  const flagged = (inProgrammed: (boolean | undefined)[]): PoolExam[] =>
    inProgrammed.map((f, i) => {
      const e: PoolExam = {
        category: 'U',
        machine: 0,
        durationMinutes: 10 + i,
        bookedMinutes: null,
        icr: null,
        family: null,
      };
      if (f !== undefined) e.inProgrammed = f;
      return e;
    });

  it('is drawn from those done in programmed sessions while one runs, else from the others; the whole pool when not both kinds', () => {
    // Monday 08:00–12:00 bookable, 13:00–14:00 emergency (not programmed)
    const inst = sessionInstances(
      [
        { machine: 0, start: at(0, 8), end: at(0, 12) },
        { machine: 0, start: at(0, 13), end: at(0, 14) },
      ],
      (g) => g === 0,
      7 * 86_400_000,
      at(0, 0),
      at(7, 0),
      0,
    );
    const draw = unscheduledDraw(flagged([true, false, false]), inst);
    expect([0, 0.5, 0.99].map((u) => draw(u, at(0, 9)))).toEqual([0, 0, 0]);
    expect([0, 0.49, 0.5, 0.99].map((u) => draw(u, at(0, 13, 30)))).toEqual([1, 1, 2, 2]);
    expect(draw(0.99, at(0, 12))).toBe(2); // the session ends at 12:00
    expect(
      [0, 0.34, 0.67].map((u) =>
        unscheduledDraw(flagged([true, true, undefined]), inst)(u, at(0, 20)),
      ),
    ).toEqual([0, 1, 2]);
    expect(
      [0, 0.34, 0.67].map((u) =>
        unscheduledDraw(flagged([undefined, false, false]), inst)(u, at(0, 9)),
      ),
    ).toEqual([0, 1, 2]);
  });

  it('follows the arrival in a run: 09:00 arrivals get the working-hours exam, 14:00 ones the other', () => {
    const model = oneDayModel();
    model.unscheduled.pool = flagged([true, false]);
    model.unscheduled.arrivalsPerHourOfWeek = Array.from({ length: 168 }, (_, h) =>
      h === 9 || h === 14 ? 2 : 0,
    );
    const { trace } = simulateWithTrace(model, {
      seed: 5,
      replication: 0,
      warmupWeeks: 2,
      weeks: 1,
    });
    const u = trace.unscheduled;
    expect(u.at.length).toBeGreaterThan(5);
    u.at.forEach((t, j) =>
      expect([t, u.exam[j]]).toEqual([t, new Date(t).getUTCHours() === 9 ? 0 : 1]),
    );
  });
});

describe('busy machine', () => {
  const run = { seed: 2010, replication: 0, warmupWeeks: 4, weeks: 4 };

  it("Little's law L = λW within 3 % on seeded runs, one and two machines", () => {
    for (const [machines, perWeek] of [
      [1, 250],
      [2, 520],
    ] as const) {
      const model = busyMachineModel({
        machines,
        scheduledPerWeek: perWeek,
        unscheduledPerWeek: 60 * machines,
      });
      for (const seed of [1, 2, 3]) {
        const o = simulate(model, { ...run, seed });
        const { arrivalRate, meanInSystem, meanSojourn } = o.little;
        expect(o.exams.roomIn.length).toBeGreaterThan(1000 * machines);
        expect(meanSojourn).toBeGreaterThan(10);
        expect(Math.abs(arrivalRate * meanSojourn - meanInSystem) / meanInSystem).toBeLessThan(
          0.03,
        );
      }
    }
  });

  it('demand by hour of week in local time: Poisson counts near their means, requests on weekdays 08–18 Paris time', () => {
    const model = busyMachineModel();
    const fmt = new Intl.DateTimeFormat('en-GB', {
      timeZone: 'Europe/Paris',
      weekday: 'short',
      hour: '2-digit',
      hourCycle: 'h23',
    });
    let requests = 0;
    let unscheduled = 0;
    const reps = 8;
    for (let r = 0; r < reps; r++) {
      // 8 weeks from 2024-03-04: crosses the change to summer time (31 March)
      const { trace } = simulateWithTrace(model, {
        seed: 5,
        replication: r,
        warmupWeeks: 0,
        weeks: 8,
      });
      requests += trace.requests.at.length;
      unscheduled += trace.unscheduled.at.length;
      if (r === 0)
        for (const t of trace.requests.at) {
          const parts = fmt.formatToParts(new Date(t));
          const hour = Number(parts.find((p) => p.type === 'hour')?.value);
          expect(['Mon', 'Tue', 'Wed', 'Thu', 'Fri']).toContain(
            parts.find((p) => p.type === 'weekday')?.value,
          );
          expect(hour >= 8 && hour < 18).toBe(true);
        }
    }
    // means 250 and 50 a week: 8 × 8 × 250 = 16 000 (sd 126), 3 200 (sd 57)
    expect(Math.abs(requests / (reps * 8 * 250) - 1)).toBeLessThan(0.025);
    expect(Math.abs(unscheduled / (reps * 8 * 50) - 1)).toBeLessThan(0.06);
    // demand growth of 20 %: 20 % more requests
    const grown = busyMachineModel({ policy: { demandFactor: 1.2 } });
    let more = 0;
    for (let r = 0; r < reps; r++)
      more += simulateWithTrace(grown, { seed: 5, replication: r, warmupWeeks: 0, weeks: 8 }).trace
        .requests.at.length;
    expect(Math.abs(more / requests - 1.2)).toBeLessThan(0.03);
  });

  it('same seed and replication: byte-identical output; another replication or seed: another run', () => {
    const model = busyMachineModel();
    const a = simulate(model, run);
    const b = simulate(busyMachineModel(), run);
    const bytes = (o: ReplicationOutput): string =>
      [...Object.values(o.exams), o.unscheduledWaitMinutes]
        .map((x) => Buffer.from(x.buffer, x.byteOffset, x.byteLength).toString('hex'))
        .join('|');
    expect(bytes(a)).toBe(bytes(b));
    expect({ ...a, exams: null, unscheduledWaitMinutes: null }).toEqual({
      ...b,
      exams: null,
      unscheduledWaitMinutes: null,
    });
    const c = simulate(model, { ...run, replication: 1 });
    const d = simulate(model, { ...run, seed: 2011 });
    expect(bytes(c)).not.toBe(bytes(a));
    expect(bytes(d)).not.toBe(bytes(a));
    expect(bytes(d)).not.toBe(bytes(c));
  });

  it('common random numbers: a policy changes no request, exam, lead or no-show draw', () => {
    const base = busyMachineModel({ policy: { noShow: { A: 0.1 } } });
    const other = busyMachineModel({
      policy: { noShow: { A: 0.1 }, reservedShare: 0.2, lateStarts: false, booking: 'predicted' },
    });
    other.predictedSlotMinutes = { '*': 10 };
    const x = simulateWithTrace(base, run).trace;
    const y = simulateWithTrace(other, run).trace;
    expect(y.requests.at).toEqual(x.requests.at);
    expect(y.requests.exam).toEqual(x.requests.exam);
    expect(y.requests.noShow).toEqual(x.requests.noShow);
    expect(y.unscheduled.at).toEqual(x.unscheduled.at);
    expect(y.unscheduled.exam).toEqual(x.unscheduled.exam);
    expect(Array.from(x.requests.earliest, (e, k) => e - (x.requests.at[k] as number))).toEqual(
      Array.from(y.requests.earliest, (e, k) => e - (y.requests.at[k] as number)),
    );
    expect(y.requests.slotStart).not.toEqual(x.requests.slotStart);
    // no-shows drawn at 10 % of the A requests
    let aRequests = 0;
    let aNoShows = 0;
    x.requests.exam.forEach((e, k) => {
      if (base.scheduled.pool[e]?.category !== 'A') {
        expect(x.requests.noShow[k]).toBe(0);
        return;
      }
      aRequests++;
      aNoShows += x.requests.noShow[k] as number;
    });
    expect(Math.abs(aNoShows / aRequests - 0.1)).toBeLessThan(0.02);
    // more demand: request k keeps its exam
    const grown = simulateWithTrace(
      busyMachineModel({ policy: { demandFactor: 1.3, noShow: { A: 0.1 } } }),
      run,
    ).trace;
    expect(grown.requests.exam.subarray(0, x.requests.exam.length)).toEqual(x.requests.exam);
  });

  it('reservedShare 0.3 leaves the last 30 % of every session unbooked', () => {
    const share = 0.3;
    const reserved = simulateWithTrace(
      busyMachineModel({ policy: { reservedShare: share } }),
      run,
    ).trace;
    const mixed = simulateWithTrace(busyMachineModel(), run).trace;
    const reach = (trace: typeof mixed): number => {
      // furthest booked end, as a share of its session, over every booking
      let max = 0;
      const { start, end } = trace.instances;
      trace.requests.session.forEach((i, k) => {
        if (i < 0) return;
        const slotEnd =
          (trace.requests.slotStart[k] as number) +
          (trace.requests.bookedMinutes[k] as number) * MIN;
        max = Math.max(
          max,
          (slotEnd - (start[i] as number)) / ((end[i] as number) - (start[i] as number)),
        );
      });
      return max;
    };
    expect(reach(reserved)).toBeLessThanOrEqual(1 - share + 1e-9);
    expect(reach(reserved)).toBeGreaterThan(0.65); // the sessions do fill up to the reserve
    expect(reach(mixed)).toBeGreaterThan(0.95);
    // fewer bookable minutes → later slots (median delay grows)
    const median = (t: typeof mixed): number => {
      const d = Array.from(t.requests.slotStart, (s, k) => s - (t.requests.at[k] as number)).filter(
        (x) => !Number.isNaN(x),
      );
      d.sort((p, q) => p - q);
      return d[d.length >> 1] as number;
    };
    expect(median(reserved)).toBeGreaterThan(median(mixed));
  });

  it('late starts: a booked patient never starts before the gate of its session; without them the gate is the start', () => {
    for (const lateStarts of [true, false]) {
      const model = busyMachineModel({ lateStartMinutes: [30, 60], policy: { lateStarts } });
      const { trace } = simulateWithTrace(model, run);
      const { gate, start, diagnostic } = trace.instances;
      for (let i = 0; i < gate.length; i++) {
        const late = ((gate[i] as number) - (start[i] as number)) / MIN;
        if (lateStarts && diagnostic[i] === 1) expect([30, 60]).toContain(late);
        else if (!lateStarts) expect(late).toBe(0);
      }
      let early = 0;
      let served = 0;
      trace.requests.session.forEach((i, k) => {
        const t = trace.requests.roomIn[k] as number;
        if (i < 0 || Number.isNaN(t)) return;
        served++;
        expect(t).toBeGreaterThanOrEqual(gate[i] as number);
        expect(t).toBeGreaterThanOrEqual(trace.requests.slotStart[k] as number);
        if (t < (start[i] as number) + 30 * MIN) early++;
      });
      expect(served).toBeGreaterThan(1000);
      // the check bites: on time, many exams start in the first 30 minutes of their session
      if (lateStarts) expect(early).toBe(0);
      else expect(early).toBeGreaterThan(50);
    }
  });
});

describe('booking on random small models', () => {
  const types: SessionType[] = [
    'PUBLIC_SCHEDULED',
    'PUBLIC_SCHEDULED',
    'LIBERAL',
    'PRIVATE',
    'EMERGENCY',
    'ON_CALL',
    'MAINTENANCE',
  ];
  const categories: Category[] = ['A', 'H', 'R'];
  const sessionArb = fc.record({
    machine: fc.integer({ min: 0, max: 1 }),
    day: fc.integer({ min: 0, max: 6 }),
    startMinutes: fc.integer({ min: 0, max: 22 * 60 }),
    minutes: fc.integer({ min: 10, max: 720 }),
    type: fc.constantFrom(...types),
    interventional: fc.integer({ min: 0, max: 3 }).map((x) => x === 0),
  });
  const examArb = fc.record({
    category: fc.constantFrom(...categories),
    duration: fc.integer({ min: 3, max: 90 }),
    booked: fc.option(fc.integer({ min: 0, max: 90 }), { nil: null }),
  });
  const modelArb = fc.record({
    machines: fc.integer({ min: 1, max: 2 }),
    sessions: fc.array(sessionArb, { minLength: 0, maxLength: 10 }),
    pool: fc.array(examArb, { minLength: 1, maxLength: 6 }),
    perHour: fc.integer({ min: 0, max: 30 }).map((x) => x / 10),
    leads: fc.array(fc.integer({ min: 0, max: 5000 }), { maxLength: 4 }),
    reservedShare: fc.constantFrom(0, 0.1, 0.5, 0.9),
    inpatientShare: fc.constantFrom(0, 0, 0.3, 0.7),
    booking: fc.constantFrom('booked' as const, 'predicted' as const),
    seed: fc.integer({ min: 0, max: 1000 }),
    warmupWeeks: fc.integer({ min: 0, max: 1 }),
  });

  it('never overlaps slots, never books before request + lead nor into a non-bookable session, nor an outpatient into a held part not yet released; same choices as a naive first fit', () => {
    fc.assert(
      fc.property(modelArb, (m) => {
        const model = oneDayModel({
          machines: m.machines,
          policy: { reservedShare: m.reservedShare, booking: m.booking },
        });
        model.sessions = m.sessions
          .map((s) => {
            const g: GridSession = {
              machine: Math.min(s.machine, m.machines - 1),
              start: at(s.day, 0, s.startMinutes),
              end: at(s.day, 0, s.startMinutes + s.minutes),
              type: s.type,
            };
            if (s.interventional) g.interventional = true;
            return g;
          })
          .sort((a, b) => a.start - b.start);
        model.scheduled.pool = m.pool.map((e): PoolExam => ({
          category: e.category,
          machine: 0,
          durationMinutes: e.duration,
          bookedMinutes: e.booked,
          icr: null,
          family: e.duration % 2 === 0 ? 'even' : null,
        }));
        model.predictedSlotMinutes = { even: 17 };
        model.scheduled.requestsPerHourOfWeek = Array.from({ length: 168 }, (_, h) =>
          h % 24 >= 6 && h % 24 < 20 ? m.perHour : 0,
        );
        model.scheduled.leadMinutes = { A: m.leads, H: m.leads.map((x) => x >> 2) };
        model.scheduled.inpatientShare = m.inpatientShare;
        model.unscheduled.arrivalsPerHourOfWeek = new Array<number>(168).fill(m.perHour / 4);
        const { output, trace } = simulateWithTrace(model, {
          seed: m.seed,
          replication: 0,
          warmupWeeks: m.warmupWeeks,
          weeks: 1,
        });
        const inst = trace.instances;
        const req = trace.requests;
        const bookable = (i: number): boolean => {
          const g = model.sessions[inst.grid[i] as number] as GridSession;
          return (PROGRAMMED_TYPES as string[]).includes(g.type) && g.interventional !== true;
        };
        // booked length as the design says
        req.exam.forEach((e, k) =>
          expect(req.bookedMinutes[k]).toBe(
            bookedMinutesOf(model.scheduled.pool[e] as PoolExam, model),
          ),
        );
        // naive first fit over every instance, in order: its free gaps are [start, bookable end]
        // less the intervals booked in it so far; the earliest start ≥ earliest that fits
        // (an outpatient request made 24 h or more before an instance's start books only into
        // its open part, (1 − inpatientShare) of its bookable length less what was booked
        // against it: every outpatient, and inpatients asked that early when they fitted)
        const booked: [number, number][][] = Array.from(inst.start, () => []);
        const open = new Float64Array(inst.start.length);
        const bySession = new Map<number, [number, number][]>();
        for (let k = 0; k < req.at.length; k++) {
          const earliest = req.earliest[k] as number;
          const len = (req.bookedMinutes[k] as number) * MIN;
          const isOutpatient = model.scheduled.pool[req.exam[k] as number]!.category === 'A';
          expect(earliest).toBeGreaterThanOrEqual(req.at[k] as number);
          let chosen = -1;
          let slot = NaN;
          for (let i = 0; i < inst.start.length && chosen < 0; i++) {
            if (!bookable(i) || (inst.end[i] as number) <= earliest) continue;
            const cap =
              ((inst.bookableEnd[i] as number) - (inst.start[i] as number)) *
              (1 - m.inpatientShare);
            const held =
              m.inpatientShare > 0 &&
              isOutpatient &&
              (inst.start[i] as number) >= (req.at[k] as number) + HELD_RELEASE_HOURS * 60 * MIN;
            if (held && cap - (open[i] as number) < len) continue;
            const taken = (booked[i] as [number, number][])
              .filter(([p, q]) => q > p)
              .sort((x, y) => x[0] - y[0]);
            taken.push([inst.bookableEnd[i] as number, Infinity]);
            let from = inst.start[i] as number;
            for (const [p, q] of taken) {
              // the gap [from, p), when not empty
              const s = Math.max(from, earliest);
              if (p > from && s + len <= p) {
                chosen = i;
                slot = s;
                (booked[i] as [number, number][]).push([s, s + len]);
                break;
              }
              from = Math.max(from, q);
            }
          }
          expect(req.session[k]).toBe(chosen);
          if (chosen < 0) {
            expect(req.slotStart[k]).toBeNaN();
            continue;
          }
          const early =
            (inst.start[chosen] as number) >= (req.at[k] as number) + HELD_RELEASE_HOURS * 60 * MIN;
          const cap =
            ((inst.bookableEnd[chosen] as number) - (inst.start[chosen] as number)) *
            (1 - m.inpatientShare);
          if (isOutpatient || (early && cap - (open[chosen] as number) >= len))
            open[chosen] = (open[chosen] as number) + len;
          expect(req.slotStart[k]).toBe(slot);
          expect(bookable(chosen)).toBe(true);
          expect(slot).toBeGreaterThanOrEqual(earliest);
          expect(slot).toBeGreaterThanOrEqual(inst.start[chosen] as number);
          const share = 1 - m.reservedShare;
          const limit =
            (inst.start[chosen] as number) +
            ((inst.end[chosen] as number) - (inst.start[chosen] as number)) * share;
          expect(slot + len).toBeLessThanOrEqual(limit + 1e-6);
          const list = bySession.get(chosen) ?? [];
          list.push([slot, slot + len]);
          bySession.set(chosen, list);
        }
        for (const all of bySession.values()) {
          const list = all.filter(([p, q]) => q > p); // a zero-length slot takes nothing
          list.sort((p, q) => p[0] - q[0]);
          for (let j = 1; j < list.length; j++)
            expect(list[j]![0]).toBeGreaterThanOrEqual(list[j - 1]![1] - 1e-6);
        }
        // served booked patients start at or after their slot and their session's gate
        req.roomIn.forEach((t, k) => {
          if (Number.isNaN(t)) return;
          expect(t).toBeGreaterThanOrEqual(
            Math.max(req.slotStart[k] as number, inst.gate[req.session[k] as number] as number),
          );
        });
        // a machine does one exam at a time
        const byMachine = new Map<number, [number, number][]>();
        output.exams.machine.forEach((mm, i) => {
          const list = byMachine.get(mm) ?? [];
          list.push([output.exams.roomIn[i] as number, output.exams.roomOut[i] as number]);
          byMachine.set(mm, list);
        });
        for (const list of byMachine.values())
          for (let j = 1; j < list.length; j++)
            expect(list[j]![0]).toBeGreaterThanOrEqual(list[j - 1]![1]);
        expect(output.idleMinutes).toBeGreaterThanOrEqual(-1e-9);
      }),
      { numRuns: 100 },
    );
  });
});

describe('booked length', () => {
  it('own booked minutes, else slotMinutes of the category, else the duration; predicted by family, then *', () => {
    const model = oneDayModel();
    const e = (
      bookedMinutes: number | null,
      family: string | null,
      category: Category = 'A',
    ): PoolExam => ({
      category,
      machine: 0,
      durationMinutes: 33,
      bookedMinutes,
      icr: null,
      family,
    });
    expect(bookedMinutesOf(e(40, 'x'), model)).toBe(40);
    expect(bookedMinutesOf(e(null, 'x'), model)).toBe(25); // slotMinutes.A
    expect(bookedMinutesOf(e(null, 'x', 'H'), model)).toBe(33); // no slotMinutes.H
    const predicted: SimulationModel = {
      ...model,
      policy: { ...DEFAULT_POLICY, booking: 'predicted' },
      predictedSlotMinutes: { x: 12, '*': 18 },
    };
    expect(bookedMinutesOf(e(40, 'x'), predicted)).toBe(12);
    expect(bookedMinutesOf(e(40, 'y'), predicted)).toBe(18);
    expect(bookedMinutesOf(e(40, 'constructor'), predicted)).toBe(18);
    expect(bookedMinutesOf(e(40, null), { ...predicted, predictedSlotMinutes: {} })).toBe(40);
  });
});
