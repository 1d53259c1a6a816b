// applyScenario on a hand-built two-week grid in Europe/Paris with the spring change inside
// (Sunday 2010-03-28, 02:00 → 03:00): every expected instant below is written in UTC by hand
// (UTC+1 up to Saturday 27 March, UTC+2 from Monday 29 March).
import { describe, expect, it } from 'vitest';
import { naiveMs, ZoneClock } from '../../../src/core/calendar.ts';
import type { SessionType } from '../../../src/core/kit-types.ts';
import {
  applyScenario,
  applyScenarioWithNotes,
  localMinutes,
} from '../../../src/plan/simulation/scenarios.ts';
import {
  DEFAULT_POLICY,
  FIGURE_KEYS,
  type Figures,
  type GridSession,
  type ScenarioChange,
  type SimulationModel,
} from '../../../src/plan/simulation/types.ts';

const Z = (iso: string): number => Date.parse(`${iso}:00Z`);
const paris = new ZoneClock('Europe/Paris');

/** A local Paris time of March or April 2010 as an instant (set-up only; expectations are UTC). */
function local(month: number, day: number, hhmm: string): number {
  const [h, m] = hhmm.split(':').map(Number) as [number, number];
  return paris.toInstantLenient(naiveMs(2010, month, day, h, m));
}

/** The grid's ten weekdays: Mon 22 – Fri 26 March, Mon 29 March – Fri 2 April. */
const WEEKDAYS: [number, number][] = [
  [3, 22],
  [3, 23],
  [3, 24],
  [3, 25],
  [3, 26],
  [3, 29],
  [3, 30],
  [3, 31],
  [4, 1],
  [4, 2],
];

/**
 * CT1 (machine 0): weekdays 08:00–13:00 and 13:00–18:00 programmed; Wednesdays MAINTENANCE
 * 07:00–08:00; Thursdays EMERGENCY 18:15–20:00. CT2 (machine 1): weekdays 09:00–17:00.
 */
function model(): SimulationModel {
  const sessions: GridSession[] = [];
  const add = (
    machine: number,
    [mo, d]: [number, number],
    from: string,
    to: string,
    type: SessionType,
  ): void => {
    sessions.push({ machine, start: local(mo, d, from), end: local(mo, d, to), type });
  };
  WEEKDAYS.forEach((day, i) => {
    add(0, day, '08:00', '13:00', 'PUBLIC_SCHEDULED');
    add(0, day, '13:00', '18:00', 'PUBLIC_SCHEDULED');
    if (i % 5 === 2) add(0, day, '07:00', '08:00', 'MAINTENANCE');
    if (i % 5 === 3) add(0, day, '18:15', '20:00', 'EMERGENCY');
    add(1, day, '09:00', '17:00', 'PUBLIC_SCHEDULED');
  });
  sessions.sort((a, b) => a.start - b.start || a.machine - b.machine);
  const figures = Object.fromEntries(FIGURE_KEYS.map((k) => [k, null])) as Figures;
  return {
    version: 1,
    campaign: { id: 'c1', name: 'Spring', start: '2010-03-22', days: 14, timeZone: 'Europe/Paris' },
    machines: [
      { equipmentId: 'CT1', finess: '620000001', modality: 'CT', label: 'Scanner 1' },
      { equipmentId: 'CT2', finess: '620000001', modality: 'CT', label: 'Scanner 2' },
    ],
    gridWeeks: 2,
    sessions,
    scheduled: {
      requestsPerHourOfWeek: new Array(168).fill(0.5),
      requestTimes: 'requested_at',
      pool: [
        {
          category: 'A',
          machine: 0,
          durationMinutes: 20,
          bookedMinutes: 20,
          icr: 30,
          family: 'thorax',
        },
      ],
      leadMinutes: { A: [1440] },
      slotMinutes: { A: 20 },
    },
    unscheduled: { arrivalsPerHourOfWeek: new Array(168).fill(0.1), pool: [] },
    lateStartMinutes: [5, 10],
    predictedSlotMinutes: {},
    policy: { ...DEFAULT_POLICY, noShow: {} },
    observed: figures,
    notes: [{ code: 'calibration-note' }],
  };
}

const run = (changes: ScenarioChange[], base = model()) =>
  applyScenarioWithNotes(base, { name: 's', changes });

/** The sessions of one machine as `[startZ, endZ, type, interventional]`, UTC minutes shown. */
function spans(
  m: SimulationModel,
  machine: number,
  from: string,
  to: string,
): [string, string, SessionType, boolean][] {
  return m.sessions
    .filter((s) => s.machine === machine && s.start >= Z(from) && s.start < Z(to))
    .map((s) => [
      new Date(s.start).toISOString().slice(0, 16),
      new Date(s.end).toISOString().slice(0, 16),
      s.type,
      s.interventional === true,
    ]);
}

/** True when no two sessions of one machine overlap. */
function noOverlap(m: SimulationModel): boolean {
  for (let machine = 0; machine < m.machines.length; machine++) {
    const own = m.sessions.filter((s) => s.machine === machine).sort((a, b) => a.start - b.start);
    for (let i = 1; i < own.length; i++)
      if ((own[i] as GridSession).start < (own[i - 1] as GridSession).end) return false;
  }
  return true;
}

function sorted(m: SimulationModel): boolean {
  return m.sessions.every((s, i) => {
    const prev = m.sessions[i - 1];
    return (
      prev === undefined ||
      prev.start < s.start ||
      (prev.start === s.start && prev.machine <= s.machine)
    );
  });
}

describe('localMinutes', () => {
  it('reads HH:MM and H:MM, 24:00 as the next midnight, nothing else', () => {
    expect(localMinutes('07:30')).toBe(450);
    expect(localMinutes('7:30')).toBe(450);
    expect(localMinutes('00:00')).toBe(0);
    expect(localMinutes('23:59')).toBe(1439);
    expect(localMinutes('24:00')).toBe(1440);
    for (const bad of ['24:01', '25:00', '12:60', '7h30', '0730', '', ' 07:30', '07:30:00'])
      expect(localMinutes(bad), bad).toBeNull();
  });
});

describe('applyScenario: add-session', () => {
  it('adds 08:00 local on each Saturday of the grid: 07:00Z before the spring change, 06:00Z after', () => {
    const { model: m, notes } = run([
      { type: 'add-session', weekdays: [6], start: '08:00', end: '12:00' },
    ]);
    expect(spans(m, 0, '2010-03-27T00:00', '2010-03-28T00:00')).toEqual([
      ['2010-03-27T07:00', '2010-03-27T11:00', 'PUBLIC_SCHEDULED', false],
    ]);
    expect(spans(m, 0, '2010-04-03T00:00', '2010-04-04T00:00')).toEqual([
      ['2010-04-03T06:00', '2010-04-03T10:00', 'PUBLIC_SCHEDULED', false],
    ]);
    expect(m.sessions.length).toBe(model().sessions.length + 2);
    expect(m.sessions.filter((s) => s.machine === 1).length).toBe(10);
    expect(notes).toEqual([]);
    expect(sorted(m)).toBe(true);
  });

  it('adds on the named machine, and a Sunday session on the day of the change itself', () => {
    // Sunday 28 March: 08:00 local is already summer time (UTC+2): 06:00Z.
    const { model: m } = run([
      { type: 'add-session', weekdays: [7], start: '08:00', end: '24:00', machine: 'CT2' },
    ]);
    expect(spans(m, 1, '2010-03-28T00:00', '2010-03-29T00:00')).toEqual([
      ['2010-03-28T06:00', '2010-03-28T22:00', 'PUBLIC_SCHEDULED', false],
    ]);
    expect(spans(m, 1, '2010-03-21T00:00', '2010-03-22T00:00')).toEqual([]);
    expect(spans(m, 1, '2010-04-04T00:00', '2010-04-05T00:00')).toEqual([
      ['2010-04-04T06:00', '2010-04-04T22:00', 'PUBLIC_SCHEDULED', false],
    ]);
  });

  it('drops the part overlapping an existing session of the machine, split around it, and says so', () => {
    // Thursdays CT1: programmed until 18:00, EMERGENCY 18:15–20:00; asked 17:00–21:00.
    const { model: m, notes } = run([
      { type: 'add-session', weekdays: [4], start: '17:00', end: '21:00' },
    ]);
    expect(spans(m, 0, '2010-03-25T16:30', '2010-03-26T00:00')).toEqual([
      ['2010-03-25T17:00', '2010-03-25T17:15', 'PUBLIC_SCHEDULED', false],
      ['2010-03-25T17:15', '2010-03-25T19:00', 'EMERGENCY', false],
      ['2010-03-25T19:00', '2010-03-25T20:00', 'PUBLIC_SCHEDULED', false],
    ]);
    expect(spans(m, 0, '2010-04-01T15:30', '2010-04-02T00:00')).toEqual([
      ['2010-04-01T16:00', '2010-04-01T16:15', 'PUBLIC_SCHEDULED', false],
      ['2010-04-01T16:15', '2010-04-01T18:00', 'EMERGENCY', false],
      ['2010-04-01T18:00', '2010-04-01T19:00', 'PUBLIC_SCHEDULED', false],
    ]);
    // 60 min (17:00–18:00) + 105 min (18:15–20:00) dropped on each of two Thursdays.
    expect(notes).toEqual([
      {
        code: 'scenario-session-overlap',
        params: { change: 1, equipment: 'CT1', days: 2, minutes: 330 },
      },
    ]);
    expect(noOverlap(m)).toBe(true);
  });

  it('adds nothing when the whole session falls on existing ones', () => {
    const { model: m, notes } = run([
      { type: 'add-session', weekdays: [1], start: '12:00', end: '14:00' },
    ]);
    expect(m.sessions.length).toBe(model().sessions.length);
    expect(notes).toEqual([
      {
        code: 'scenario-session-overlap',
        params: { change: 1, equipment: 'CT1', days: 2, minutes: 240 },
      },
    ]);
  });
});

describe('applyScenario: extend-hours', () => {
  it('opens 30 min earlier and closes 60 min later on weekdays, clipped against other sessions, on all machines', () => {
    const { model: m, notes } = run([
      {
        type: 'extend-hours',
        weekdays: [1, 2, 3, 4, 5],
        openEarlierMinutes: 30,
        closeLaterMinutes: 60,
      },
    ]);
    // Monday 22 March (UTC+1): 07:30–13:00 and 13:00–19:00 local.
    expect(spans(m, 0, '2010-03-22T00:00', '2010-03-23T00:00')).toEqual([
      ['2010-03-22T06:30', '2010-03-22T12:00', 'PUBLIC_SCHEDULED', false],
      ['2010-03-22T12:00', '2010-03-22T18:00', 'PUBLIC_SCHEDULED', false],
    ]);
    // Monday 29 March (UTC+2): the same local hours, an hour earlier in UTC.
    expect(spans(m, 0, '2010-03-29T00:00', '2010-03-30T00:00')).toEqual([
      ['2010-03-29T05:30', '2010-03-29T11:00', 'PUBLIC_SCHEDULED', false],
      ['2010-03-29T11:00', '2010-03-29T17:00', 'PUBLIC_SCHEDULED', false],
    ]);
    // Wednesday 24 March: maintenance until 08:00 local, so no earlier opening; closes at 19:00.
    expect(spans(m, 0, '2010-03-24T00:00', '2010-03-25T00:00')).toEqual([
      ['2010-03-24T06:00', '2010-03-24T07:00', 'MAINTENANCE', false],
      ['2010-03-24T07:00', '2010-03-24T12:00', 'PUBLIC_SCHEDULED', false],
      ['2010-03-24T12:00', '2010-03-24T18:00', 'PUBLIC_SCHEDULED', false],
    ]);
    // Thursday 1 April: the emergency session at 18:15 local stops the closing at 18:15.
    expect(spans(m, 0, '2010-04-01T00:00', '2010-04-02T00:00')).toEqual([
      ['2010-04-01T05:30', '2010-04-01T11:00', 'PUBLIC_SCHEDULED', false],
      ['2010-04-01T11:00', '2010-04-01T16:15', 'PUBLIC_SCHEDULED', false],
      ['2010-04-01T16:15', '2010-04-01T18:00', 'EMERGENCY', false],
    ]);
    // CT2 09:00–17:00 → 08:30–18:00 local.
    expect(spans(m, 1, '2010-03-26T00:00', '2010-03-27T00:00')).toEqual([
      ['2010-03-26T07:30', '2010-03-26T17:00', 'PUBLIC_SCHEDULED', false],
    ]);
    expect(spans(m, 1, '2010-04-02T00:00', '2010-04-03T00:00')).toEqual([
      ['2010-04-02T06:30', '2010-04-02T16:00', 'PUBLIC_SCHEDULED', false],
    ]);
    // Clipped on CT1: 30 min on two Wednesdays, 45 min on two Thursdays.
    expect(notes).toEqual([
      {
        code: 'scenario-extend-clipped',
        params: { change: 1, equipment: 'CT1', days: 4, minutes: 150 },
      },
    ]);
    expect(noOverlap(m)).toBe(true);
    expect(sorted(m)).toBe(true);
  });

  it('extends only the named machine and the listed weekdays, and says when there is nothing to extend', () => {
    const { model: m, notes } = run([
      { type: 'extend-hours', weekdays: [5], closeLaterMinutes: 120, machine: 'CT2' },
      { type: 'extend-hours', weekdays: [6, 7], openEarlierMinutes: 60, machine: 'CT2' },
    ]);
    expect(spans(m, 1, '2010-03-26T00:00', '2010-03-27T00:00')).toEqual([
      ['2010-03-26T08:00', '2010-03-26T18:00', 'PUBLIC_SCHEDULED', false],
    ]);
    expect(spans(m, 1, '2010-03-25T00:00', '2010-03-26T00:00')).toEqual([
      ['2010-03-25T08:00', '2010-03-25T16:00', 'PUBLIC_SCHEDULED', false],
    ]);
    expect(spans(m, 0, '2010-03-26T00:00', '2010-03-27T00:00').at(-1)?.[1]).toBe(
      '2010-03-26T17:00',
    );
    expect(notes).toEqual([
      { code: 'scenario-extend-none', params: { change: 2, equipment: 'CT2' } },
    ]);
  });
});

describe('applyScenario: add-machine', () => {
  it('copies the first machine’s programmed grid as CT1+1, CT1+2, then CT1+3 for a later change', () => {
    const { model: m } = run([{ type: 'add-machine', count: 2 }, { type: 'add-machine' }]);
    expect(m.machines.map((x) => x.equipmentId)).toEqual(['CT1', 'CT2', 'CT1+1', 'CT1+2', 'CT1+3']);
    expect(m.machines[2]).toEqual({
      equipmentId: 'CT1+1',
      finess: '620000001',
      modality: 'CT',
      label: null,
    });
    // CT1 has 20 programmed sessions (maintenance and emergency are not copied).
    for (const machine of [2, 3, 4]) {
      const own = m.sessions.filter((s) => s.machine === machine);
      expect(own.length).toBe(20);
      expect(own.every((s) => s.type === 'PUBLIC_SCHEDULED')).toBe(true);
    }
    expect(spans(m, 3, '2010-03-29T00:00', '2010-03-30T00:00')).toEqual([
      ['2010-03-29T06:00', '2010-03-29T11:00', 'PUBLIC_SCHEDULED', false],
      ['2010-03-29T11:00', '2010-03-29T16:00', 'PUBLIC_SCHEDULED', false],
    ]);
    expect(sorted(m)).toBe(true);
  });

  it('copies the grid of `gridOf`', () => {
    const { model: m } = run([{ type: 'add-machine', gridOf: 'CT2' }]);
    expect(m.machines.map((x) => x.equipmentId)).toEqual(['CT1', 'CT2', 'CT2+1']);
    expect(spans(m, 2, '2010-03-22T00:00', '2010-03-23T00:00')).toEqual([
      ['2010-03-22T08:00', '2010-03-22T16:00', 'PUBLIC_SCHEDULED', false],
    ]);
  });
});

describe('applyScenario: interventional-sessions', () => {
  it('cuts Tuesday 12:00–15:00 local out of CT1’s programmed sessions: the pieces inside become interventional', () => {
    const { model: m, notes } = run([
      {
        type: 'interventional-sessions',
        weekdays: [2],
        start: '12:00',
        end: '15:00',
        machine: 'CT1',
      },
    ]);
    expect(spans(m, 0, '2010-03-23T00:00', '2010-03-24T00:00')).toEqual([
      ['2010-03-23T07:00', '2010-03-23T11:00', 'PUBLIC_SCHEDULED', false],
      ['2010-03-23T11:00', '2010-03-23T12:00', 'PUBLIC_SCHEDULED', true],
      ['2010-03-23T12:00', '2010-03-23T14:00', 'PUBLIC_SCHEDULED', true],
      ['2010-03-23T14:00', '2010-03-23T17:00', 'PUBLIC_SCHEDULED', false],
    ]);
    expect(spans(m, 0, '2010-03-30T00:00', '2010-03-31T00:00')).toEqual([
      ['2010-03-30T06:00', '2010-03-30T10:00', 'PUBLIC_SCHEDULED', false],
      ['2010-03-30T10:00', '2010-03-30T11:00', 'PUBLIC_SCHEDULED', true],
      ['2010-03-30T11:00', '2010-03-30T13:00', 'PUBLIC_SCHEDULED', true],
      ['2010-03-30T13:00', '2010-03-30T16:00', 'PUBLIC_SCHEDULED', false],
    ]);
    expect(m.sessions.filter((s) => s.machine === 1 && s.interventional).length).toBe(0);
    expect(notes).toEqual([]);
  });

  it('cuts every machine when none is named, and says when there was nothing to cut', () => {
    const { model: m } = run([
      { type: 'interventional-sessions', weekdays: [1], start: '00:00', end: '24:00' },
    ]);
    expect(m.sessions.filter((s) => s.interventional).length).toBe(6);
    const none = run([
      { type: 'interventional-sessions', weekdays: [6], start: '08:00', end: '12:00' },
    ]);
    expect(none.notes).toEqual([
      { code: 'scenario-interventional-none', params: { change: 1, equipment: 'CT1, CT2' } },
    ]);
  });
});

describe('applyScenario: policy changes', () => {
  it('sets the reserved share, the late starts, the no-shows and multiplies the demand', () => {
    const { model: m, notes } = run([
      { type: 'emergency-reservation', share: 0.3 },
      { type: 'demand-growth', percent: 10 },
      { type: 'demand-growth', percent: -50 },
      { type: 'fix-late-start' },
      { type: 'no-show', rates: { A: 0.05, H: 0 } },
    ]);
    expect(m.policy.reservedShare).toBe(0.3);
    expect(m.policy.demandFactor).toBeCloseTo(0.55, 12);
    expect(m.policy.lateStarts).toBe(false);
    expect(m.policy.noShow).toEqual({ A: 0.05, H: 0 });
    expect(m.policy.noShowSource).toBe('input');
    expect(m.policy.booking).toBe('booked');
    expect(notes).toEqual([]);
    expect(m.sessions).toEqual(model().sessions);
  });

  it('books at predicted lengths only when the model has some, else says so', () => {
    const without = run([{ type: 'predicted-durations' }]);
    expect(without.model.policy.booking).toBe('booked');
    expect(without.notes).toEqual([{ code: 'scenario-predicted-missing', params: { change: 1 } }]);
    const base = { ...model(), predictedSlotMinutes: { '*': 20, thorax: 15 } };
    const withSlots = run([{ type: 'predicted-durations' }], base);
    expect(withSlots.model.policy.booking).toBe('predicted');
    expect(withSlots.notes).toEqual([]);
  });

  it('refuses values the scenario reader refuses', () => {
    expect(() => run([{ type: 'emergency-reservation', share: 0.95 }])).toThrow(RangeError);
    expect(() => run([{ type: 'demand-growth', percent: -100 }])).toThrow(RangeError);
    expect(() =>
      run([{ type: 'add-session', weekdays: [8 as 1], start: '08:00', end: '09:00' }]),
    ).toThrow(RangeError);
    expect(() =>
      run([{ type: 'add-session', weekdays: [6], start: '09:00', end: '08:00' }]),
    ).toThrow(RangeError);
  });
});

describe('applyScenario: combinations and purity', () => {
  it('applies changes in order: a session added then cut differs from a cut then an addition', () => {
    const add: ScenarioChange = {
      type: 'add-session',
      weekdays: [6],
      start: '08:00',
      end: '12:00',
    };
    const cut: ScenarioChange = {
      type: 'interventional-sessions',
      weekdays: [6],
      start: '10:00',
      end: '11:00',
      machine: 'CT1',
    };
    const first = run([add, cut]);
    expect(spans(first.model, 0, '2010-04-03T00:00', '2010-04-04T00:00')).toEqual([
      ['2010-04-03T06:00', '2010-04-03T08:00', 'PUBLIC_SCHEDULED', false],
      ['2010-04-03T08:00', '2010-04-03T09:00', 'PUBLIC_SCHEDULED', true],
      ['2010-04-03T09:00', '2010-04-03T10:00', 'PUBLIC_SCHEDULED', false],
    ]);
    expect(first.notes).toEqual([]);
    const second = run([cut, add]);
    expect(spans(second.model, 0, '2010-04-03T00:00', '2010-04-04T00:00')).toEqual([
      ['2010-04-03T06:00', '2010-04-03T10:00', 'PUBLIC_SCHEDULED', false],
    ]);
    expect(second.notes).toEqual([
      { code: 'scenario-interventional-none', params: { change: 1, equipment: 'CT1' } },
    ]);
  });

  it('extends a machine added before the extension, and a machine added after copies the extended grid', () => {
    const extend: ScenarioChange = { type: 'extend-hours', weekdays: [1], openEarlierMinutes: 60 };
    const before = run([{ type: 'add-machine' }, extend]).model;
    const after = run([extend, { type: 'add-machine' }]).model;
    // Monday 22 March 07:00 local = 06:00Z either way.
    expect(spans(before, 2, '2010-03-22T00:00', '2010-03-23T00:00')[0]?.[0]).toBe(
      '2010-03-22T06:00',
    );
    expect(spans(after, 2, '2010-03-22T00:00', '2010-03-23T00:00')[0]?.[0]).toBe(
      '2010-03-22T06:00',
    );
    // CT2 is extended too (no machine named): 08:00 local.
    expect(spans(before, 1, '2010-03-22T00:00', '2010-03-23T00:00')[0]?.[0]).toBe(
      '2010-03-22T07:00',
    );
    // An added session then an extension that would overlap it is clipped at its end.
    const { model: m, notes } = run([
      { type: 'add-session', weekdays: [1], start: '06:00', end: '07:30', machine: 'CT1' },
      { type: 'extend-hours', weekdays: [1], openEarlierMinutes: 60, machine: 'CT1' },
    ]);
    // The added 06:00 session is now the day's first programmed one: it opens at 05:00.
    expect(spans(m, 0, '2010-03-22T00:00', '2010-03-23T00:00')[0]?.slice(0, 2)).toEqual([
      '2010-03-22T04:00',
      '2010-03-22T06:30',
    ]);
    expect(notes).toEqual([]);
    expect(noOverlap(m)).toBe(true);
  });

  it('never changes its input, keeps the model’s notes first and skips a change naming no machine of the model', () => {
    const base = model();
    const copy = JSON.parse(JSON.stringify(base)) as SimulationModel;
    const out = applyScenario(base, {
      name: 'all',
      changes: [
        {
          type: 'extend-hours',
          weekdays: [1, 2, 3, 4, 5],
          openEarlierMinutes: 30,
          closeLaterMinutes: 30,
        },
        { type: 'add-session', weekdays: [6], start: '08:00', end: '13:00' },
        { type: 'add-machine', count: 1 },
        { type: 'interventional-sessions', weekdays: [2], start: '14:00', end: '18:00' },
        { type: 'emergency-reservation', share: 0.2 },
        { type: 'no-show', rates: { A: 0.1 } },
        { type: 'add-session', weekdays: [6], start: '14:00', end: '16:00', machine: 'CT9' },
      ],
    });
    expect(base).toEqual(copy);
    // Clipped: 30 min on the two Wednesdays (maintenance), 15 min on the two Thursdays (emergency at 18:15).
    expect(out.notes).toEqual([
      { code: 'calibration-note' },
      {
        code: 'scenario-extend-clipped',
        params: { change: 1, equipment: 'CT1', days: 4, minutes: 90 },
      },
      { code: 'scenario-machine-unknown', params: { change: 7, machine: 'CT9' } },
    ]);
    expect(
      out.sessions.some((s) => s.start >= Z('2010-04-03T12:00') && s.start < Z('2010-04-04T00:00')),
    ).toBe(false);
    expect(noOverlap(out)).toBe(true);
    expect(sorted(out)).toBe(true);
    expect(applyScenario(base, { name: 'none', changes: [] })).toEqual(base);
  });
});
