// Hand-built SimulationModels for the simulation's tests (no calibration involved):
// `oneDayModel` is a machine open one Monday morning a week whose runs are worked by hand with
// explicit arrivals; `busyMachineModel` is a weekday machine with ~300 exams a week of Poisson demand.
import { naiveMs, ZoneClock } from '../../../src/core/calendar.ts';
import type { Category, SessionType } from '../../../src/core/kit-types.ts';
import {
  DEFAULT_POLICY,
  FIGURE_KEYS,
  type Figures,
  type GridSession,
  type PoolExam,
  type SimulationModel,
  type SimulationPolicy,
} from '../../../src/plan/simulation/types.ts';

const MINUTE = 60_000;
const HOUR = 3_600_000;
const DAY = 86_400_000;

function noFigures(): Figures {
  return Object.fromEntries(FIGURE_KEYS.map((k) => [k, null])) as Figures;
}

function machinesOf(count: number): SimulationModel['machines'] {
  return Array.from({ length: count }, (_, m) => ({
    equipmentId: `EQ${m + 1}`,
    finess: '750000001',
    modality: 'CT' as const,
    label: null,
  }));
}

function exam(
  category: Category,
  durationMinutes: number,
  bookedMinutes: number | null,
  icr: number | null = 20,
): PoolExam {
  return { category, machine: 0, durationMinutes, bookedMinutes, icr, family: null };
}

/** Monday 2024-01-08 00:00 UTC: the start of `oneDayModel`'s campaign. */
export const ONE_DAY_MONDAY = Date.UTC(2024, 0, 8);

/** An instant of `oneDayModel`'s first week: day offset (0 = Monday) and UTC hour and minute. */
export function at(day: number, hour: number, minute = 0): number {
  return ONE_DAY_MONDAY + day * DAY + hour * HOUR + minute * MINUTE;
}

/**
 * One week's grid (UTC, campaign 2024-01-08, 7 days) with a single programmed session on Monday
 * 08:00–12:00 per machine; no drawn demand (rates 0: give explicit arrivals). Scheduled pool:
 * 0 = A 30 min booked 30; 1 = H 45 min booked 30 (overruns); 2 = A 20 min, booked length unknown
 * (slotMinutes A = 25). Unscheduled pool: 0 = U 15 min. Late start 10 min in every session.
 */
export function oneDayModel(
  options: { machines?: number; policy?: Partial<SimulationPolicy> } = {},
): SimulationModel {
  const machines = options.machines ?? 1;
  const sessions: GridSession[] = [];
  for (let m = 0; m < machines; m++)
    sessions.push({ machine: m, start: at(0, 8), end: at(0, 12), type: 'PUBLIC_SCHEDULED' });
  return {
    version: 1,
    campaign: { id: 'one-day', name: 'One day', start: '2024-01-08', days: 7, timeZone: 'UTC' },
    machines: machinesOf(machines),
    gridWeeks: 1,
    sessions,
    scheduled: {
      requestsPerHourOfWeek: new Array<number>(168).fill(0),
      requestTimes: 'requested_at',
      pool: [exam('A', 30, 30, 25), exam('H', 45, 30, null), exam('A', 20, null, 10)],
      leadMinutes: {},
      slotMinutes: { A: 25 },
    },
    unscheduled: {
      arrivalsPerHourOfWeek: new Array<number>(168).fill(0),
      pool: [exam('U', 15, null, 40)],
    },
    lateStartMinutes: [10],
    predictedSlotMinutes: {},
    policy: { ...DEFAULT_POLICY, ...options.policy },
    observed: noFigures(),
    notes: [],
  };
}

/**
 * A busy CT (Europe/Paris, 4-week campaign from Monday 2024-03-04): weekdays 07:00–20:00 local
 * programmed on each machine (65 h a week), Saturdays 08:00–13:00 EMERGENCY (not bookable);
 * `scheduledPerWeek` requests (default 250) on weekdays 08:00–18:00 local and
 * `unscheduledPerWeek` arrivals (default 50) round the clock. Scheduled pool of 40 exams
 * (6–18 min, mean 11.85; booked mean 14.25), unscheduled pool of 10 (10–28 min).
 */
export function busyMachineModel(
  options: {
    machines?: number;
    scheduledPerWeek?: number;
    unscheduledPerWeek?: number;
    timeZone?: string;
    lateStartMinutes?: number[];
    policy?: Partial<SimulationPolicy>;
  } = {},
): SimulationModel {
  const machines = options.machines ?? 1;
  const timeZone = options.timeZone ?? 'Europe/Paris';
  const clock = new ZoneClock(timeZone);
  const local = (day: number, hour: number): number =>
    clock.toInstantLenient(naiveMs(2024, 3, 4 + day, hour));
  const sessions: GridSession[] = [];
  for (let day = 0; day < 28; day++) {
    const weekday = day % 7; // 0 = Monday
    for (let m = 0; m < machines; m++) {
      let s: { start: number; end: number; type: SessionType } | null = null;
      if (weekday < 5) s = { start: local(day, 7), end: local(day, 20), type: 'PUBLIC_SCHEDULED' };
      else if (weekday === 5) s = { start: local(day, 8), end: local(day, 13), type: 'EMERGENCY' };
      if (s) sessions.push({ machine: m, ...s });
    }
  }
  sessions.sort((a, b) => a.start - b.start || a.machine - b.machine);
  const perWeek = options.scheduledPerWeek ?? 250;
  const requests = new Array<number>(168).fill(0);
  for (let d = 0; d < 5; d++) for (let h = 8; h < 18; h++) requests[d * 24 + h] = perWeek / 50;
  const unscheduled = new Array<number>(168).fill((options.unscheduledPerWeek ?? 50) / 168);
  const pool: PoolExam[] = [];
  for (let i = 0; i < 40; i++) {
    const d = 6 + ((i * 7) % 13);
    const category: Category = i % 10 < 6 ? 'A' : i % 10 < 9 ? 'H' : 'R';
    pool.push({
      ...exam(category, d, i % 5 === 0 ? null : Math.ceil(d / 5) * 5, i % 4 === 0 ? null : 20 + i),
      machine: i % machines,
    });
  }
  const uPool: PoolExam[] = [];
  for (let i = 0; i < 10; i++) uPool.push(exam('U', 10 + 2 * i, null, 30));
  return {
    version: 1,
    campaign: { id: 'busy', name: 'Busy CT', start: '2024-03-04', days: 28, timeZone },
    machines: machinesOf(machines),
    gridWeeks: 4,
    sessions,
    scheduled: {
      requestsPerHourOfWeek: requests,
      requestTimes: 'requested_at',
      pool,
      leadMinutes: { A: [1440, 2880, 4320, 10080], H: [60, 240, 1440], R: [0, 30, 120] },
      slotMinutes: { A: 15, H: 15, R: 15 },
    },
    unscheduled: { arrivalsPerHourOfWeek: unscheduled, pool: uPool },
    lateStartMinutes: options.lateStartMinutes ?? [0, 0, 5, 10, 20],
    predictedSlotMinutes: {},
    policy: { ...DEFAULT_POLICY, ...options.policy },
    observed: noFigures(),
    notes: [],
  };
}
