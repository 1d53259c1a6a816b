/**
 * The figures of the capacity simulation (sim-design.md "Figures"), computed by ONE code path for
 * the campaign's records and for a replication's output: both are turned into core indicator
 * columns per machine, the core functions give each machine's numerators and denominators, and
 * the pool's figure is their sum (occupancy = Σ busy / Σ open, never a mean of ratios).
 * Appointment delays are over the population the model books: exams that start in a diagnostic
 * programmed session (the calibration's scheduled class), observed and simulated alike.
 */
import { CampaignCalendar, MS_PER_HOUR, MS_PER_MINUTE } from '../../core/calendar.ts';
import { icrPerHour, passagesPerWeek } from '../../core/indicators/activity.ts';
import { appointmentDelaySamples } from '../../core/indicators/durations.ts';
import type { MachineColumns } from '../../core/indicators/machine-columns.ts';
import {
  actTableOf,
  CATEGORY_INDEX,
  machineColumns,
  SESSION_TYPE_INDEX,
  SHORT_EXAM_MS,
} from '../../core/indicators/machine-columns.ts';
import { occupancyOf } from '../../core/indicators/occupancy.ts';
import { PROGRAMMED_MASK, sessionUnion } from '../../core/indicators/openings.ts';
import type { IntervalUnion } from '../../core/intervals.ts';
import {
  firstEndingAfter,
  overlapWithUnion,
  unionContains,
  unionLength,
  unionOf,
} from '../../core/intervals.ts';
import type { Equipment, Exam, Session } from '../../core/kit-types.ts';
import { quantileSorted, quantilesInPlace, sortedFinite } from '../../core/stats.ts';
import type { Figures, MachineRecords, ReplicationOutput, SimulationModel } from './types.ts';

/** A machine ready for the figures: its columns and the union of its diagnostic programmed sessions. */
interface FigureMachine {
  cols: MachineColumns;
  programmed: IntervalUnion;
}

const U = CATEGORY_INDEX.U;
const A = CATEGORY_INDEX.A;
const H = CATEGORY_INDEX.H;

/**
 * Fewest observed delays for an appointment delay P50 to be checked by the status quo rule: a
 * median of fewer values is noise (choice).
 */
export const MIN_CHECKED_DELAYS = 20;

/** How many delays the figures were computed on, and how many were left out of scope. */
export interface DelayScope {
  /** Delays in the outpatient (A) and inpatient (H) samples: exams that start in a programmed session. */
  outpatient: number;
  inpatient: number;
  /**
   * Exams of category A or H that carry a request time but start outside every diagnostic
   * programmed session (emergency, on-call or no session): the model does not book them, so
   * their delays are out of its scope.
   */
  outsideSessions: number;
}

/**
 * The machine's columns with `requestedAt` kept only for the exams whose `roomIn` falls in the
 * programmed union (NaN elsewhere), so that the core delay samples cover the booked population;
 * counts the A and H exams with a request time left out.
 */
function bookedPopulation(
  cols: MachineColumns,
  programmed: IntervalUnion,
): { cols: MachineColumns; outside: number } {
  const { requestedAt, roomIn, category } = cols;
  let masked: Float64Array | null = null;
  let outside = 0;
  for (let i = 0; i < roomIn.length; i++) {
    const r = requestedAt[i] as number;
    if (r !== r || unionContains(programmed, roomIn[i] as number)) continue;
    masked ??= requestedAt.slice();
    masked[i] = NaN;
    const c = category[i] as number;
    if (c === A || c === H) outside++;
  }
  return { cols: masked === null ? cols : { ...cols, requestedAt: masked }, outside };
}

/**
 * Minutes worked past programmed time by scheduled-looking exams: for every exam of category A, H
 * or R whose `roomIn` falls in the programmed union, the part of `[roomIn, roomOut]` after the end
 * of the union's interval that holds it (choice: back-to-back sessions make one stretch of
 * programmed time, so an exam running from a morning session into an adjoining afternoon one is
 * not overtime).
 */
export function overtimeMinutesOf(cols: MachineColumns, programmed: IntervalUnion): number {
  let total = 0;
  const { roomIn, roomOut, category } = cols;
  for (let i = 0; i < roomIn.length; i++) {
    if (category[i] === U) continue;
    const a = roomIn[i] as number;
    const j = firstEndingAfter(programmed, a);
    if (j >= programmed.starts.length || (programmed.starts[j] as number) > a) continue;
    const end = programmed.ends[j] as number;
    const b = roomOut[i] as number;
    if (b > end) total += b - end;
  }
  return total / MS_PER_MINUTE;
}

/**
 * Idle programmed time (minutes): the programmed union's length less its overlap with the union
 * of the exams of 3 minutes or more (the machine busy with a patient).
 */
export function idleMinutesOf(cols: MachineColumns, programmed: IntervalUnion): number {
  const starts: number[] = [];
  const ends: number[] = [];
  for (let i = 0; i < cols.roomIn.length; i++) {
    const a = cols.roomIn[i] as number;
    const b = cols.roomOut[i] as number;
    if (b - a < SHORT_EXAM_MS) continue;
    starts.push(a);
    ends.push(b);
  }
  const busy = unionOf(starts, ends);
  let covered = 0;
  for (let k = 0; k < busy.starts.length; k++)
    covered += overlapWithUnion(programmed, busy.starts[k] as number, busy.ends[k] as number);
  return (unionLength(programmed) - covered) / MS_PER_MINUTE;
}

/** P20/P50/P80 keys of a delay sample. */
function delayQuantiles(samples: Float64Array[]): {
  p20: number | null;
  p50: number | null;
  p80: number | null;
} {
  let n = 0;
  for (const s of samples) n += s.length;
  const all = new Float64Array(n);
  let at = 0;
  for (const s of samples) {
    all.set(s, at);
    at += s.length;
  }
  const q = quantilesInPlace(all);
  return { p20: q.p20, p50: q.p50, p80: q.p80 };
}

/**
 * The figures of a pool of machines (the one code path) and the scope of their delays. `waits`:
 * unscheduled waits, null when unknown.
 */
function figuresOfMachines(
  machines: readonly FigureMachine[],
  calendar: CampaignCalendar,
  weeks: number,
  waits: Float64Array | null,
): { figures: Figures; delays: DelayScope } {
  let busy = 0;
  let open = 0;
  let passages = 0;
  let icr = 0;
  let hours = 0;
  let overtime = 0;
  let idle = 0;
  const outpatient: Float64Array[] = [];
  const inpatient: Float64Array[] = [];
  let outside = 0;
  for (const { cols, programmed } of machines) {
    const length = unionLength(programmed);
    const occ = occupancyOf(cols, programmed);
    if (occ !== null) {
      busy += occ * length;
      open += length;
    }
    passages += passagesPerWeek(cols, weeks);
    const perHour = icrPerHour(cols, programmed);
    if (perHour !== null) {
      icr += perHour * (length / MS_PER_HOUR);
      hours += length / MS_PER_HOUR;
    }
    const booked = bookedPopulation(cols, programmed);
    outside += booked.outside;
    const delays = appointmentDelaySamples(booked.cols, calendar);
    if (delays.outpatient) outpatient.push(delays.outpatient);
    if (delays.inpatient) inpatient.push(delays.inpatient);
    overtime += overtimeMinutesOf(cols, programmed);
    idle += idleMinutesOf(cols, programmed);
  }
  const out = delayQuantiles(outpatient);
  const inp = delayQuantiles(inpatient);
  const sortedWaits = waits === null ? null : sortedFinite(waits);
  const wait = (p: number): number | null =>
    sortedWaits === null ? null : quantileSorted(sortedWaits, p);
  const figures: Figures = {
    'occupancy.programmed': open > 0 ? busy / open : null,
    passagesPerWeek: passages,
    icrPerHour: hours > 0 ? icr / hours : null,
    'appointmentDelayDays.outpatient.p20': out.p20,
    'appointmentDelayDays.outpatient.p50': out.p50,
    'appointmentDelayDays.outpatient.p80': out.p80,
    'appointmentDelayDays.inpatient.p20': inp.p20,
    'appointmentDelayDays.inpatient.p50': inp.p50,
    'appointmentDelayDays.inpatient.p80': inp.p80,
    'unscheduledWaitMinutes.p50': wait(0.5),
    'unscheduledWaitMinutes.p90': wait(0.9),
    overtimeMinutesPerWeek: overtime / weeks,
    idleMinutesPerWeek: idle / weeks,
  };
  const count = (samples: Float64Array[]): number => samples.reduce((n, x) => n + x.length, 0);
  return {
    figures,
    delays: {
      outpatient: count(outpatient),
      inpatient: count(inpatient),
      outsideSessions: outside,
    },
  };
}

/**
 * The measured figures of the campaign's records (pooled over their machines), by the same code
 * as the simulated ones. `unscheduledWaitMinutes` is null: the campaign has no arrival times of
 * unscheduled patients. Appointment delays are those of the exams that start in a programmed
 * session (the population the model books).
 */
export function observedFigures(records: MachineRecords): Figures {
  return observedFiguresWithScope(records).figures;
}

/** `observedFigures` with the sizes of its delay samples and the delays left out of scope. */
export function observedFiguresWithScope(records: MachineRecords): {
  figures: Figures;
  delays: DelayScope;
} {
  const { campaign } = records;
  const calendar = new CampaignCalendar(campaign.start, campaign.days, campaign.timeZone);
  const acts = actTableOf(records);
  const index = new Map(records.equipment.map((e, i) => [e.equipmentId, i]));
  const sessions: Session[][] = records.equipment.map(() => []);
  const exams: Exam[][] = records.equipment.map(() => []);
  for (const s of records.sessions) {
    const i = index.get(s.equipmentId);
    if (i !== undefined) (sessions[i] as Session[]).push(s);
  }
  for (const e of records.exams) {
    const i = index.get(e.equipmentId);
    if (i !== undefined) (exams[i] as Exam[]).push(e);
  }
  const machines = records.equipment.map((eq, i) => {
    const cols = machineColumns(
      eq,
      records.establishment,
      sessions[i] as Session[],
      exams[i] as Exam[],
      acts,
    );
    return { cols, programmed: sessionUnion(cols, PROGRAMMED_MASK) };
  });
  return figuresOfMachines(machines, calendar, calendar.weeks, null);
}

/**
 * The figures of one replication over its measured window, `weeks` long: its exams and the
 * window's grid as core columns per machine. Sessions given to interventional radiology are left
 * out of the diagnostic programmed time (occupancy, ICR per hour, idle time, overtime).
 */
export function figuresOf(
  output: ReplicationOutput,
  model: SimulationModel,
  weeks: number,
): Figures {
  const { campaign } = model;
  const calendar = new CampaignCalendar(campaign.start, campaign.days, campaign.timeZone);
  const n = model.machines.length;
  const { exams } = output;
  const count = new Int32Array(n);
  for (let i = 0; i < exams.machine.length; i++) {
    const m = exams.machine[i] as number;
    count[m] = (count[m] as number) + 1;
  }
  const order: Int32Array[] = Array.from(
    { length: n },
    (_, m) => new Int32Array(count[m] as number),
  );
  const fill = new Int32Array(n);
  for (let i = 0; i < exams.machine.length; i++) {
    const m = exams.machine[i] as number;
    const at = fill[m] as number;
    (order[m] as Int32Array)[at] = i;
    fill[m] = at + 1;
  }
  const machines = model.machines.map((machine, m): FigureMachine => {
    // Exams by roomIn, as the core columns require.
    const sorted = Array.from(order[m] as Int32Array).sort(
      (a, b) =>
        (exams.roomIn[a] as number) - (exams.roomIn[b] as number) ||
        (exams.roomOut[a] as number) - (exams.roomOut[b] as number),
    );
    const k = sorted.length;
    const grid = output.sessions
      .filter((s) => s.machine === m && !s.interventional)
      .sort((a, b) => a.start - b.start || a.end - b.end);
    const equipment: Equipment = {
      equipmentId: machine.equipmentId,
      finess: machine.finess,
      modality: machine.modality,
      label: machine.label,
      installedYear: null,
      role: 'general',
    };
    const cols: MachineColumns = {
      equipment,
      establishment: null,
      sessionStart: Float64Array.from(grid, (s) => s.start),
      sessionEnd: Float64Array.from(grid, (s) => s.end),
      sessionType: Uint8Array.from(grid, (s) => SESSION_TYPE_INDEX[s.type]),
      roomIn: Float64Array.from(sorted, (i) => exams.roomIn[i] as number),
      roomOut: Float64Array.from(sorted, (i) => exams.roomOut[i] as number),
      category: Uint8Array.from(sorted, (i) => exams.category[i] as number),
      icr: Float64Array.from(sorted, (i) => exams.icr[i] as number),
      reportAt: new Float64Array(k).fill(NaN),
      requestedAt: Float64Array.from(sorted, (i) => exams.requestedAt[i] as number),
      scheduledMinutes: Float64Array.from(sorted, (i) => exams.bookedMinutes[i] as number),
      unknownActs: [],
      unvaluedExams: 0,
    };
    return { cols, programmed: sessionUnion(cols, PROGRAMMED_MASK) };
  });
  return figuresOfMachines(machines, calendar, weeks, output.unscheduledWaitMinutes).figures;
}
