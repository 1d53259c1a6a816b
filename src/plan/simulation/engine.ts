/**
 * The discrete-event engine of the capacity simulation (planning.md §3; semantics in
 * sim-design.md "Engine (one run)"): one machine or a site's pool, scheduled requests booked
 * first-fit into the free gaps of the session grid repeated every `gridWeeks` (a hole left before
 * a long-lead booking is filled later; part of each session held for inpatients until the day
 * before), unscheduled patients served first by the lowest-index free machine (their exam drawn
 * from those done in or out of programmed sessions, as the arrival), booked patients in due
 * order per machine (not booking order), no pre-emption.
 *
 * Design: arrivals are drawn up front per stream (common random numbers: request k always gets
 * the k-th draws of the exam, lead and no-show streams) into sorted typed arrays that are merged
 * with the event calendar; patients, sessions and machines are columns; the hot loop allocates
 * nothing. The machines are dispatched once all the events of an instant are taken.
 */
import { CATEGORIES, type Category } from '../../core/kit-types.ts';
import { MS_PER_DAY, MS_PER_MINUTE, parseIsoDate, ZoneClock } from '../../core/calendar.ts';
import {
  type IntervalUnion,
  overlapWithUnion,
  unionContains,
  unionLength,
  unionOf,
} from '../../core/intervals.ts';
import { PROGRAMMED_TYPES } from '../../core/indicators/openings.ts';
import { deriveSeed, Rng } from '../../core/random.ts';
import { EventQueue, type QueuedEvent } from './event-queue.ts';
import { Agenda, type SessionInstances, sessionInstances } from './engine/agenda.ts';
import { hourOfWeekTable, poissonArrivals } from './engine/arrivals.ts';
import { DueHeap } from './engine/due-heap.ts';
import type {
  GridSession,
  PoolExam,
  ReplicationOutput,
  RunOptions,
  SimulationModel,
} from './types.ts';

const WEEK_MS = 7 * 86_400_000;
/** Bookings may land up to this many weeks past the measured window. */
export const BOOKING_HORIZON_WEEKS = 26;

/**
 * The part of each programmed session held for inpatients (`scheduled.inpatientShare`) is
 * released this many hours before the session starts (choice: the day before, as imaging
 * departments commonly release their inpatient slots): an outpatient request made from then on
 * may book into it, one made earlier books only into the rest of the session (its open part);
 * an inpatient request made earlier fills the open part first and takes the held part only when
 * the open part is full, so that the held part stays for the inpatients asked for later.
 */
export const HELD_RELEASE_HOURS = 24;
const HELD_RELEASE_MS = HELD_RELEASE_HOURS * 3_600_000;
const OUTPATIENT = CATEGORIES.indexOf('A');

/** Stream numbers of `deriveSeed(seed, replication, S)` (sim-design.md). */
export const STREAMS = {
  scheduledArrivals: 1,
  scheduledExams: 2,
  leads: 3,
  unscheduledArrivals: 4,
  unscheduledExams: 5,
  lateStarts: 6,
  noShows: 7,
} as const;

const BOOKED_ARRIVAL = 0;
const DEPARTURE = 1;

const PROGRAMMED = new Set<string>(PROGRAMMED_TYPES);

/** A scheduled request given explicitly (tests, worked examples) instead of drawn. */
export interface ExplicitRequest {
  /** Request instant (UTC ms), inside the run. */
  at: number;
  /** Index into `model.scheduled.pool`. */
  exam: number;
  /** Minimum lead (minutes), default 0. */
  leadMinutes?: number;
  /** The patient does not come (default false). */
  noShow?: boolean;
}

/** An unscheduled arrival given explicitly instead of drawn. */
export interface ExplicitArrival {
  at: number;
  /** Index into `model.unscheduled.pool`. */
  exam: number;
}

/**
 * Arrivals that replace the drawn ones (each list given replaces its whole class; the streams
 * of that class are then not used). For hand-checked runs; the late starts are still drawn.
 */
export interface ExplicitArrivals {
  requests?: readonly ExplicitRequest[];
  unscheduled?: readonly ExplicitArrival[];
}

/** What happened to every request, arrival and session instance of the run (checks, charts). */
export interface SimulationTrace {
  runStart: number;
  horizonEnd: number;
  /** Session instances of the run and horizon, in booking order. */
  instances: {
    start: Float64Array;
    end: Float64Array;
    bookableEnd: Float64Array;
    /** Instant booked patients may start from (start + late start). */
    gate: Float64Array;
    machine: Int32Array;
    /** Index into `model.sessions`. */
    grid: Int32Array;
    /** 1 when bookable (programmed, not interventional). */
    diagnostic: Uint8Array;
  };
  /** Scheduled requests in request order. */
  requests: {
    at: Float64Array;
    exam: Int32Array;
    earliest: Float64Array;
    /** Instance booked, −1 when none had room within the horizon. */
    session: Int32Array;
    slotStart: Float64Array;
    bookedMinutes: Float64Array;
    noShow: Uint8Array;
    /** NaN when never started within the run. */
    roomIn: Float64Array;
    roomOut: Float64Array;
  };
  /** Unscheduled arrivals in arrival order. */
  unscheduled: {
    at: Float64Array;
    exam: Int32Array;
    machine: Int32Array;
    roomIn: Float64Array;
    roomOut: Float64Array;
  };
}

const clocks = new Map<string, ZoneClock>();
function clockOf(timeZone: string): ZoneClock {
  let c = clocks.get(timeZone);
  if (c === undefined) {
    c = new ZoneClock(timeZone);
    clocks.set(timeZone, c);
  }
  return c;
}

/**
 * One replication of the model: warm-up weeks, then the measured window from the campaign's
 * start. `explicit` replaces drawn arrivals (see `ExplicitArrivals`).
 *
 * @example
 * const out = simulate(model, { seed: 2010, replication: 0, warmupWeeks: 4, weeks: model.gridWeeks });
 * out.exams.roomIn.length; // exams started in the window
 */
export function simulate(
  model: SimulationModel,
  run: RunOptions,
  explicit?: ExplicitArrivals,
): ReplicationOutput {
  return runEngine(model, run, explicit, false).output;
}

/** `simulate` with the trace of every request, arrival and session instance. */
export function simulateWithTrace(
  model: SimulationModel,
  run: RunOptions,
  explicit?: ExplicitArrivals,
): { output: ReplicationOutput; trace: SimulationTrace } {
  const { output, trace } = runEngine(model, run, explicit, true);
  return { output, trace: trace as SimulationTrace };
}

function runEngine(
  model: SimulationModel,
  run: RunOptions,
  explicit: ExplicitArrivals | undefined,
  withTrace: boolean,
): { output: ReplicationOutput; trace: SimulationTrace | null } {
  const { seed, replication, warmupWeeks, weeks } = run;
  if (!Number.isInteger(weeks) || weeks < 1)
    throw new RangeError(`weeks must be a whole number ≥ 1: ${weeks}`);
  if (!Number.isInteger(warmupWeeks) || warmupWeeks < 0)
    throw new RangeError(`warmupWeeks must be a whole number ≥ 0: ${warmupWeeks}`);
  if (!Number.isInteger(model.gridWeeks) || model.gridWeeks < 1)
    throw new RangeError(`gridWeeks must be a whole number ≥ 1: ${model.gridWeeks}`);
  const policy = model.policy;
  if (!(policy.reservedShare >= 0 && policy.reservedShare < 1))
    throw new RangeError(`reservedShare must be in [0, 1): ${policy.reservedShare}`);
  if (!(policy.demandFactor >= 0))
    throw new RangeError(`demandFactor must be ≥ 0: ${policy.demandFactor}`);
  const firstDay = parseIsoDate(model.campaign.start);
  if (firstDay === null) throw new RangeError(`not a calendar date: ${model.campaign.start}`);
  const clock = clockOf(model.campaign.timeZone);
  const ws = clock.startOfDay(firstDay);
  const we = ws + weeks * WEEK_MS;
  const runStart = ws - warmupWeeks * WEEK_MS;
  const horizonEnd = we + BOOKING_HORIZON_WEEKS * WEEK_MS;
  const stream = (s: number): Rng => new Rng(deriveSeed(seed, replication, s));

  // ── Sessions: the grid repeated over the run and the booking horizon, late starts drawn in order.
  const machines = Math.max(1, model.machines.length);
  const prepared = prepareSessions(model, machines, runStart, horizonEnd, ws, we);
  const inst = prepared.instances;
  const nInst = inst.count;
  const gate = new Float64Array(nInst);
  {
    const rng = stream(STREAMS.lateStarts);
    const late = model.lateStartMinutes;
    for (let i = 0; i < nInst; i++) {
      const u = rng.float();
      const minutes =
        policy.lateStarts && late.length > 0 ? (late[Math.floor(u * late.length)] as number) : 0;
      gate[i] = (inst.start[i] as number) + Math.max(0, minutes) * MS_PER_MINUTE;
    }
  }

  // ── Pools: durations and booked lengths (ms) by pool index.
  const sPool = model.scheduled.pool;
  const uPool = model.unscheduled.pool;
  const sDur = durationsMs(sPool);
  const uDur = durationsMs(uPool);
  const sCat = categoriesOf(sPool);
  const uCat = categoriesOf(uPool);
  const sBook = new Float64Array(sPool.length);
  for (let i = 0; i < sPool.length; i++)
    sBook[i] = bookedMinutesOf(sPool[i] as PoolExam, model) * MS_PER_MINUTE;
  // Every request books one of these lengths: gaps shorter than the shortest are of no use.
  let shortest = Infinity;
  for (let i = 0; i < sPool.length; i++)
    if ((sBook[i] as number) < shortest) shortest = sBook[i] as number;
  const heldShare = model.scheduled.inpatientShare ?? 0;
  if (!(heldShare >= 0 && heldShare <= 1))
    throw new RangeError(`inpatientShare must be in [0, 1]: ${heldShare}`);
  const agenda = new Agenda(inst, shortest, heldShare);
  const sIcr = icrOf(sPool);
  const uIcr = icrOf(uPool);

  // ── Arrivals, drawn up front (or given).
  const hours = Math.round((we - runStart) / 3_600_000);
  const needTable = explicit?.requests === undefined || explicit.unscheduled === undefined;
  const table = needTable ? hourOfWeekTable(clock, runStart, hours) : new Uint8Array(0);

  let reqAt: Float64Array;
  let reqExam: Int32Array;
  let reqLead: Float64Array;
  let reqNoShow: Uint8Array;
  if (explicit?.requests !== undefined) {
    const list = [...explicit.requests].sort((a, b) => a.at - b.at);
    const n = list.length;
    reqAt = new Float64Array(n);
    reqExam = new Int32Array(n);
    reqLead = new Float64Array(n);
    reqNoShow = new Uint8Array(n);
    list.forEach((r, k) => {
      checkExam(r.exam, sPool.length, 'scheduled');
      reqAt[k] = r.at;
      reqExam[k] = r.exam;
      reqLead[k] = Math.max(0, r.leadMinutes ?? 0) * MS_PER_MINUTE;
      reqNoShow[k] = r.noShow === true ? 1 : 0;
    });
  } else {
    reqAt =
      sPool.length > 0
        ? poissonArrivals(
            stream(STREAMS.scheduledArrivals),
            model.scheduled.requestsPerHourOfWeek,
            policy.demandFactor,
            table,
            runStart,
          )
        : new Float64Array(0);
    const n = reqAt.length;
    reqExam = new Int32Array(n);
    reqLead = new Float64Array(n);
    reqNoShow = new Uint8Array(n);
    const exams = stream(STREAMS.scheduledExams);
    const leads = stream(STREAMS.leads);
    const noShows = stream(STREAMS.noShows);
    const leadSamples = CATEGORIES.map((c) => model.scheduled.leadMinutes[c] ?? []);
    // The leads of requests made on the request's ISO weekday, when calibration gives them.
    const weekdayLeads = CATEGORIES.map((c) => model.scheduled.leadMinutesByWeekday?.[c] ?? []);
    const noShowP = CATEGORIES.map((c) => policy.noShow[c] ?? 0);
    const draw = categoryDraw(model, sCat);
    for (let k = 0; k < n; k++) {
      const hour = table[Math.floor(((reqAt[k] as number) - runStart) / 3_600_000)] ?? 0;
      const e = draw(exams.float(), hour);
      reqExam[k] = e;
      const c = sCat[e] as number;
      const weekday = Math.floor(hour / 24);
      const own = (weekdayLeads[c] as number[][])[weekday];
      const sample = own !== undefined && own.length > 0 ? own : (leadSamples[c] as number[]);
      const u = leads.float();
      reqLead[k] =
        sample.length > 0
          ? Math.max(0, sample[Math.floor(u * sample.length)] as number) * MS_PER_MINUTE
          : 0;
      reqNoShow[k] = noShows.float() < (noShowP[c] as number) ? 1 : 0;
    }
  }
  const nReq = reqAt.length;

  let uAt: Float64Array;
  let uExam: Int32Array;
  if (explicit?.unscheduled !== undefined) {
    const list = [...explicit.unscheduled].sort((a, b) => a.at - b.at);
    uAt = new Float64Array(list.length);
    uExam = new Int32Array(list.length);
    list.forEach((a, j) => {
      checkExam(a.exam, uPool.length, 'unscheduled');
      uAt[j] = a.at;
      uExam[j] = a.exam;
    });
  } else {
    uAt =
      uPool.length > 0
        ? poissonArrivals(
            stream(STREAMS.unscheduledArrivals),
            model.unscheduled.arrivalsPerHourOfWeek,
            policy.demandFactor,
            table,
            runStart,
          )
        : new Float64Array(0);
    uExam = new Int32Array(uAt.length);
    const exams = stream(STREAMS.unscheduledExams);
    const draw = unscheduledDraw(uPool, inst);
    for (let j = 0; j < uAt.length; j++) uExam[j] = draw(exams.float(), uAt[j] as number);
  }
  const nUns = uAt.length;

  // ── Patient columns: ids 0 … nReq − 1 are requests, nReq … nReq + nUns − 1 unscheduled arrivals.
  const total = nReq + nUns;
  const arrival = new Float64Array(total).fill(NaN);
  const roomIn = new Float64Array(total).fill(NaN);
  const roomOut = new Float64Array(total).fill(NaN);
  const servedBy = new Int32Array(total).fill(-1);
  const due = new Float64Array(nReq).fill(NaN);
  const session = new Int32Array(nReq).fill(-1);
  const earliestOf = new Float64Array(nReq);
  const started = new Int32Array(total);
  let nStarted = 0;

  const current = new Int32Array(machines).fill(-1);
  const heaps: DueHeap[] = [];
  for (let m = 0; m < machines; m++) heaps.push(new DueHeap(due));
  const uQueue = new Int32Array(Math.max(1, nUns));
  let uHead = 0;
  let uTail = 0;

  const q = new EventQueue(1024);
  const ev: QueuedEvent = { time: 0, kind: 0, payload: 0 };
  let nextReq = 0;
  let nextUns = 0;
  let events = 0;
  let now = -Infinity;
  let dirty = false;
  // Little's law over the window.
  let inSystem = 0;
  let area = 0;
  let areaLast = ws;
  let windowArrivals = 0;
  let windowWaiting = 0;
  let sojournSum = 0;
  let noShows = 0;
  let unbooked = 0;

  // Booked arrivals wait in day buckets (linked lists) and join the calendar when their day
  // comes, which keeps the calendar a day deep instead of the whole agenda; the last bucket
  // takes everything later. Same-instant events commute (dispatch waits for all), so results
  // do not depend on it.
  const days = Math.max(1, Math.ceil((we - runStart) / MS_PER_DAY) + 1);
  const bucketHead = new Int32Array(days).fill(-1);
  const bucketNext = new Int32Array(Math.max(1, nReq));
  let flushed = 0;
  let nextFlush = runStart;

  for (;;) {
    const tq = q.peekTime();
    const tr = nextReq < nReq ? (reqAt[nextReq] as number) : Infinity;
    const tu = nextUns < nUns ? (uAt[nextUns] as number) : Infinity;
    let next = tq < tr ? tq : tr;
    if (tu < next) next = tu;
    if (windowWaiting === 0 && next >= we && nextFlush >= we) break;
    if (flushed < days && nextFlush <= next) {
      for (let k = bucketHead[flushed] as number; k !== -1; k = bucketNext[k] as number)
        q.push(arrival[k] as number, BOOKED_ARRIVAL, k);
      flushed++;
      nextFlush = flushed < days ? runStart + flushed * MS_PER_DAY : Infinity;
      continue;
    }

    if (dirty && next > now) {
      // Every event of instant `now` is in: free machines take the oldest unscheduled patient,
      // lowest index first, else their booked patient due first.
      for (let m = 0; m < machines; m++) {
        if (current[m] !== -1) continue;
        let id = -1;
        if (uHead < uTail) id = uQueue[uHead++] as number;
        else if ((heaps[m] as DueHeap).size > 0) id = (heaps[m] as DueHeap).pop();
        if (id < 0) continue;
        const out =
          now +
          (id < nReq
            ? (sDur[reqExam[id] as number] as number)
            : (uDur[uExam[id - nReq] as number] as number));
        roomIn[id] = now;
        roomOut[id] = out;
        servedBy[id] = m;
        current[m] = id;
        started[nStarted++] = id;
        q.push(out, DEPARTURE, m);
        const a = arrival[id] as number;
        if (a >= ws && a < we) {
          windowWaiting--;
          sojournSum += out - a;
        }
      }
      dirty = false;
      continue;
    }
    if (next === Infinity) break;

    if (next > areaLast && areaLast < we) {
      const upto = next < we ? next : we;
      area += inSystem * (upto - areaLast);
      areaLast = upto;
    }
    now = next;
    events++;

    if (tq === next) {
      q.popInto(ev);
      if (ev.kind === DEPARTURE) {
        current[ev.payload] = -1;
        inSystem--;
      } else {
        const id = ev.payload;
        inSystem++;
        if (now >= ws && now < we) {
          windowArrivals++;
          windowWaiting++;
        }
        (heaps[inst.machine[session[id] as number] as number] as DueHeap).push(id);
      }
      dirty = true;
    } else if (tu === next) {
      const id = nReq + nextUns++;
      arrival[id] = now;
      inSystem++;
      if (now >= ws && now < we) {
        windowArrivals++;
        windowWaiting++;
      }
      uQueue[uTail++] = id;
      dirty = true;
    } else {
      // A request: book the first session with a free gap not before request + lead.
      const k = nextReq++;
      const earliest = now + (reqLead[k] as number);
      earliestOf[k] = earliest;
      const e = reqExam[k] as number;
      // Sessions starting 24 h from now or later have not released their held part: an
      // outpatient leaves it alone, an inpatient takes it only when their open part is full.
      const i = agenda.book(
        earliest,
        sBook[e] as number,
        now + HELD_RELEASE_MS,
        sCat[e] === OUTPATIENT,
      );
      if (i < 0) {
        if (now >= ws && now < we) unbooked++;
        continue;
      }
      const d = agenda.slotStart;
      session[k] = i;
      due[k] = d;
      if (reqNoShow[k] === 1) {
        if (d >= ws && d < we) noShows++;
        continue;
      }
      const g = gate[i] as number;
      const a = d > g ? d : g;
      arrival[k] = a;
      if (a < nextFlush) q.push(a, BOOKED_ARRIVAL, k);
      else {
        const b = Math.min(days - 1, Math.floor((a - runStart) / MS_PER_DAY));
        bucketNext[k] = bucketHead[b] as number;
        bucketHead[b] = k;
      }
    }
  }
  if (areaLast < we) area += inSystem * (we - areaLast);

  // ── Outputs over the window.
  let nOut = 0;
  for (let s = 0; s < nStarted; s++) {
    const t = roomIn[started[s] as number] as number;
    if (t >= ws && t < we) nOut++;
  }
  const exams = {
    machine: new Int32Array(nOut),
    category: new Uint8Array(nOut),
    roomIn: new Float64Array(nOut),
    roomOut: new Float64Array(nOut),
    icr: new Float64Array(nOut),
    requestedAt: new Float64Array(nOut),
    bookedMinutes: new Float64Array(nOut),
  };
  let nWaits = 0;
  const waits = new Float64Array(nOut);
  let overtime = 0;
  let o = 0;
  for (let s = 0; s < nStarted; s++) {
    const id = started[s] as number;
    const a = roomIn[id] as number;
    if (!(a >= ws && a < we)) continue;
    const b = roomOut[id] as number;
    exams.machine[o] = servedBy[id] as number;
    exams.roomIn[o] = a;
    exams.roomOut[o] = b;
    if (id < nReq) {
      const e = reqExam[id] as number;
      exams.category[o] = sCat[e] as number;
      exams.icr[o] = sIcr[e] as number;
      exams.requestedAt[o] = reqAt[id] as number;
      exams.bookedMinutes[o] = (sBook[e] as number) / MS_PER_MINUTE;
      const end = inst.end[session[id] as number] as number;
      const from = a > end ? a : end;
      if (b > from) overtime += b - from;
    } else {
      const e = uExam[id - nReq] as number;
      exams.category[o] = uCat[e] as number;
      exams.icr[o] = uIcr[e] as number;
      exams.requestedAt[o] = NaN;
      exams.bookedMinutes[o] = NaN;
      waits[nWaits++] = (a - (arrival[id] as number)) / MS_PER_MINUTE;
    }
    o++;
  }

  // Idle: diagnostic programmed time in the window less its overlap with the machines' work.
  const unions = prepared.programmed;
  let busy = 0;
  for (let s = 0; s < nStarted; s++) {
    const id = started[s] as number;
    const a = roomIn[id] as number;
    const b = roomOut[id] as number;
    if (b > ws && a < we)
      busy += overlapWithUnion(unions[servedBy[id] as number] as IntervalUnion, a, b);
  }

  const windowMinutes = (we - ws) / MS_PER_MINUTE;
  const output: ReplicationOutput = {
    windowStart: ws,
    windowEnd: we,
    sessions: prepared.windowSessions.slice(),
    exams,
    unscheduledWaitMinutes: waits.slice(0, nWaits),
    overtimeMinutes: overtime / MS_PER_MINUTE,
    idleMinutes: (prepared.programmedLength - busy) / MS_PER_MINUTE,
    noShows,
    unbooked,
    little: {
      arrivalRate: windowArrivals / windowMinutes,
      meanInSystem: area / (we - ws),
      meanSojourn: windowArrivals > 0 ? sojournSum / windowArrivals / MS_PER_MINUTE : NaN,
    },
    events,
  };

  if (!withTrace) return { output, trace: null };
  const bookedMinutes = new Float64Array(nReq);
  for (let k = 0; k < nReq; k++)
    bookedMinutes[k] = (sBook[reqExam[k] as number] as number) / MS_PER_MINUTE;
  const trace: SimulationTrace = {
    runStart,
    horizonEnd,
    instances: {
      start: inst.start,
      end: inst.end,
      bookableEnd: inst.bookableEnd,
      gate,
      machine: inst.machine,
      grid: inst.grid,
      diagnostic: inst.diagnostic,
    },
    requests: {
      at: reqAt,
      exam: reqExam,
      earliest: earliestOf,
      session,
      slotStart: due,
      bookedMinutes,
      noShow: reqNoShow,
      roomIn: roomIn.slice(0, nReq),
      roomOut: roomOut.slice(0, nReq),
    },
    unscheduled: {
      at: uAt,
      exam: uExam,
      machine: servedBy.slice(nReq),
      roomIn: roomIn.slice(nReq),
      roomOut: roomOut.slice(nReq),
    },
  };
  return { output, trace };
}

/** What a run needs of the grid, the same for every replication of a model (read-only). */
interface PreparedSessions {
  instances: SessionInstances;
  /** Instances overlapping the window, clipped to it (frozen: shared by the runs' outputs). */
  windowSessions: GridSession[];
  /** Per machine: union of its diagnostic programmed instances in the window. */
  programmed: IntervalUnion[];
  programmedLength: number;
}

/** Prepared grids by sessions array (a model is not changed once simulated), then run bounds. */
const preparedCache = new WeakMap<readonly GridSession[], Map<string, PreparedSessions>>();

function prepareSessions(
  model: SimulationModel,
  machines: number,
  runStart: number,
  horizonEnd: number,
  ws: number,
  we: number,
): PreparedSessions {
  const grid = model.sessions;
  const period = model.gridWeeks * WEEK_MS;
  const key = `${period}|${runStart}|${horizonEnd}|${ws}|${we}|${model.policy.reservedShare}|${machines}`;
  let byKey = preparedCache.get(grid);
  if (byKey === undefined) {
    byKey = new Map();
    preparedCache.set(grid, byKey);
  }
  const cached = byKey.get(key);
  if (cached !== undefined) return cached;
  for (const s of grid)
    if (!(Number.isInteger(s.machine) && s.machine >= 0 && s.machine < machines))
      throw new RangeError(`session machine ${s.machine} is not an index of the model's machines`);
  const instances = sessionInstances(
    grid,
    (g) => {
      const s = grid[g] as GridSession;
      return PROGRAMMED.has(s.type) && s.interventional !== true;
    },
    period,
    runStart,
    horizonEnd,
    model.policy.reservedShare,
  );
  const windowSessions: GridSession[] = [];
  const starts: number[][] = Array.from({ length: machines }, () => []);
  const ends: number[][] = Array.from({ length: machines }, () => []);
  for (let i = 0; i < instances.count; i++) {
    const s0 = instances.start[i] as number;
    const e0 = instances.end[i] as number;
    if (e0 <= ws || s0 >= we) continue;
    const start = s0 > ws ? s0 : ws;
    const end = e0 < we ? e0 : we;
    const g = grid[instances.grid[i] as number] as GridSession;
    const copy: GridSession = { machine: g.machine, start, end, type: g.type };
    if (g.interventional === true) copy.interventional = true;
    windowSessions.push(Object.freeze(copy));
    if (instances.diagnostic[i] === 1) {
      (starts[g.machine] as number[]).push(start);
      (ends[g.machine] as number[]).push(end);
    }
  }
  const programmed = starts.map((st, m) => unionOf(st, ends[m] as number[]));
  let programmedLength = 0;
  for (const u of programmed) programmedLength += unionLength(u);
  const out = { instances, windowSessions, programmed, programmedLength };
  if (byKey.size >= 8) byKey.delete(byKey.keys().next().value as string);
  byKey.set(key, out);
  return out;
}

/**
 * How a request's exam is drawn from the scheduled pool with ONE uniform u (common random
 * numbers): with `requestsPerHourOfWeekByCategory`, its category first, in proportion to the
 * categories' rates at its hour of week (categories without pool exams left out), then an exam of
 * that category, uniformly; without it (or at an hour no category with exams has a rate), an
 * exam of the whole pool, uniformly.
 */
export function categoryDraw(
  model: SimulationModel,
  categories: Uint8Array,
): (u: number, hourOfWeek: number) => number {
  const size = categories.length;
  const whole = (u: number): number => Math.min(size - 1, Math.floor(u * size));
  const byCategory = model.scheduled.requestsPerHourOfWeekByCategory;
  if (byCategory === undefined) return whole;
  const k = CATEGORIES.length;
  const members: number[][] = CATEGORIES.map(() => []);
  for (let i = 0; i < size; i++) (members[categories[i] as number] as number[]).push(i);
  // Cumulative rates by hour of week and category (categories in CATEGORIES order).
  const cumulative = new Float64Array(168 * k);
  for (let h = 0; h < 168; h++) {
    let sum = 0;
    for (let c = 0; c < k; c++) {
      const rate =
        (members[c] as number[]).length > 0 ? (byCategory[CATEGORIES[c] as Category]?.[h] ?? 0) : 0;
      if (rate > 0) sum += rate;
      cumulative[h * k + c] = sum;
    }
  }
  return (u, hour) => {
    const total = cumulative[hour * k + k - 1] as number;
    if (!(total > 0)) return whole(u);
    const x = u * total;
    let before = 0;
    for (let c = 0; c < k; c++) {
      const upto = cumulative[hour * k + c] as number;
      if (x < upto || (c === k - 1 && upto > before)) {
        const list = members[c] as number[];
        const at = Math.floor(((x - before) / (upto - before)) * list.length);
        return list[Math.min(list.length - 1, at)] as number;
      }
      before = upto;
    }
    return whole(u);
  };
}

/**
 * How an unscheduled arrival's exam is drawn with ONE uniform u (common random numbers): when
 * the pool says which exams started in a programmed session (`inProgrammed`) and holds both
 * kinds, an arrival while a diagnostic programmed instance runs (any machine of the pool) draws
 * uniformly from those, another from the others; else uniformly from the whole pool.
 */
export function unscheduledDraw(
  pool: readonly PoolExam[],
  inst: SessionInstances,
): (u: number, at: number) => number {
  const size = pool.length;
  const whole = (u: number): number => Math.min(size - 1, Math.floor(u * size));
  const inside: number[] = [];
  const outside: number[] = [];
  pool.forEach((e, i) => {
    if (e.inProgrammed === true) inside.push(i);
    else if (e.inProgrammed === false) outside.push(i);
  });
  if (inside.length === 0 || outside.length === 0) return whole;
  const starts: number[] = [];
  const ends: number[] = [];
  for (let i = 0; i < inst.count; i++) {
    if (inst.diagnostic[i] !== 1) continue;
    starts.push(inst.start[i] as number);
    ends.push(inst.end[i] as number);
  }
  const programmed = unionOf(starts, ends);
  return (u, at) => {
    const list = unionContains(programmed, at) ? inside : outside;
    return list[Math.min(list.length - 1, Math.floor(u * list.length))] as number;
  };
}

/**
 * Length booked for a pool exam under the model's policy (minutes): its own booked minutes,
 * else its category's slot, else its duration; with `booking: 'predicted'`, its family's
 * predicted slot (else the `*` one) first.
 */
export function bookedMinutesOf(e: PoolExam, model: SimulationModel): number {
  const booked = e.bookedMinutes ?? model.scheduled.slotMinutes[e.category] ?? e.durationMinutes;
  if (model.policy.booking !== 'predicted') return booked;
  const predicted = model.predictedSlotMinutes;
  if (e.family !== null && Object.hasOwn(predicted, e.family)) return predicted[e.family] as number;
  if (Object.hasOwn(predicted, '*')) return predicted['*'] as number;
  return booked;
}

function durationsMs(pool: readonly PoolExam[]): Float64Array {
  const out = new Float64Array(pool.length);
  for (let i = 0; i < pool.length; i++)
    out[i] = Math.max(0, (pool[i] as PoolExam).durationMinutes) * MS_PER_MINUTE;
  return out;
}

function categoriesOf(pool: readonly PoolExam[]): Uint8Array {
  const out = new Uint8Array(pool.length);
  for (let i = 0; i < pool.length; i++)
    out[i] = CATEGORIES.indexOf((pool[i] as PoolExam).category as Category);
  return out;
}

function icrOf(pool: readonly PoolExam[]): Float64Array {
  const out = new Float64Array(pool.length);
  for (let i = 0; i < pool.length; i++) out[i] = (pool[i] as PoolExam).icr ?? NaN;
  return out;
}

function checkExam(exam: number, size: number, pool: string): void {
  if (!Number.isInteger(exam) || exam < 0 || exam >= size)
    throw new RangeError(`explicit arrival: exam ${exam} is not an index of the ${pool} pool`);
}
