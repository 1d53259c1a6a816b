/**
 * Calibration of the capacity simulation (planning.md §3, sim-design.md "Calibration classes"):
 * a machine's (or a pooled site's) own campaign turned into a `SimulationModel` — demand by hour
 * of week, lead times, booked lengths, bootstrap pools, late starts, the session grid and the
 * observed figures the status quo must reproduce. Pure: no I/O, no clock.
 */
import { examFamily } from '../../core/act-families.ts';
import {
  CampaignCalendar,
  MS_PER_DAY,
  MS_PER_MINUTE,
  type ZoneClock,
} from '../../core/calendar.ts';
import { actTableOf, examIcr, SHORT_EXAM_MS } from '../../core/indicators/machine-columns.ts';
import { PROGRAMMED_TYPES } from '../../core/indicators/openings.ts';
import type { IntervalUnion } from '../../core/intervals.ts';
import { unionContains, unionOf } from '../../core/intervals.ts';
import type { Category, Exam, Session, SessionType } from '../../core/kit-types.ts';
import { quantileSorted } from '../../core/stats.ts';
import { MIN_CHECKED_DELAYS, observedFiguresWithScope } from './figures.ts';
import type {
  CalibrationNote,
  GridSession,
  MachineRecords,
  PoolExam,
  SimulationModel,
} from './types.ts';
import { DEFAULT_POLICY } from './types.ts';

/** Hours in a week: the length of every hour-of-week profile. */
export const HOURS_PER_WEEK = 168;

/** Categories of scheduled demand (booked into programmed sessions). */
export const SCHEDULED_CATEGORIES: readonly Category[] = ['A', 'H', 'R'];

const PROGRAMMED: ReadonlySet<SessionType> = new Set(PROGRAMMED_TYPES);

/**
 * Minimum lead (minutes) of an exam: from its request to the local midnight starting the day it
 * was done, 0 when done on the day of its request (choice). The realised delay also holds the
 * wait for a slot on that day, which the simulated booking adds again: a lead measured to the
 * exam's own time would count the agenda's time of day twice and push every simulated exam a
 * day later on average. Delays are figures in calendar days, and so is the lead.
 */
export function leadMinutesOf(clock: ZoneClock, requestedAt: number, roomIn: number): number {
  const dayStart = clock.startOfDay(Math.floor(clock.toNaive(roomIn) / MS_PER_DAY) * MS_PER_DAY);
  return Math.max(0, dayStart - requestedAt) / MS_PER_MINUTE;
}

/**
 * Leads split by the ISO weekday (Monday = 0) of their request. A weekday with few leads has few
 * requests too (the request profile comes from the same request times), so every weekday keeps
 * its own leads, however few; one without any gets an empty sample (the engine then draws from
 * the whole one).
 */
function byWeekday(values: readonly number[], weekdays: readonly number[]): number[][] {
  const out: number[][] = [[], [], [], [], [], [], []];
  values.forEach((v, i) => (out[weekdays[i] as number] as number[]).push(v));
  return out;
}

/** Options of `calibrate`. */
export interface CalibrateOptions {
  /** No-show probabilities by category (a user input; default none). */
  noShow?: Partial<Record<Category, number>>;
  /** Recommended slot length per act family (minutes), from the duration model; default `{}`. */
  predictedSlotMinutes?: Record<string, number>;
}

/** Median of a sample (type 7), `null` when empty. */
function median(values: readonly number[]): number | null {
  return quantileSorted(Float64Array.from(values).sort(), 0.5);
}

/**
 * Late start (minutes) of every programmed session of one machine that owns an exam of 3 minutes
 * or more (`roomIn` in `[start, end)`): max(0, first roomIn − start), as core leads.ts.
 */
function lateStarts(sessions: readonly Session[], exams: readonly Exam[], out: number[]): void {
  const programmed = sessions
    .filter((s) => PROGRAMMED.has(s.type))
    .sort((a, b) => a.start - b.start || a.end - b.end);
  const roomIns = exams
    .filter((e) => e.roomOut - e.roomIn >= SHORT_EXAM_MS)
    .map((e) => e.roomIn)
    .sort((a, b) => a - b);
  let from = 0;
  for (const s of programmed) {
    while (from < roomIns.length && (roomIns[from] as number) < s.start) from++;
    const first = roomIns[from];
    if (first === undefined || first >= s.end) continue;
    out.push(Math.max(0, first - s.start) / MS_PER_MINUTE);
  }
}

/**
 * Calibrates the simulation on the campaign records of one machine, or of several machines of
 * one site and one modality that share a queue.
 *
 * Exams are **scheduled** when their category is A, H or R and their `roomIn` falls in a
 * programmed session of their machine; every other exam is **unscheduled**. Minimum leads run
 * from the request to the start of the exam's day (`leadMinutesOf`) and are also split by the
 * request's weekday (`leadMinutesByWeekday`), so that simulated exams keep the campaign's days
 * of the week. Requests of the
 * scheduled class arrive by hour of week at the class's weekly rate (from `requested_at` when at
 * least half of them carry it, else from the exam times less the category's median lead); the
 * unscheduled class arrives at the hours its exams started. Inpatients' (H and R) share of the
 * scheduled booked minutes (exams of 3 minutes or more, each at its booked length, else its
 * category's slot, else its duration) is the part of each session the engine holds for them
 * (`scheduled.inpatientShare`). Observed appointment delays are those of the scheduled class;
 * the delays left out and samples too small to check are noted. Unscheduled pool exams say
 * whether they started in a programmed session (`inProgrammed`).
 *
 * @example
 * const model = calibrate({ campaign, equipment: [ct], establishment, sessions, exams, acts });
 * model.scheduled.requestsPerHourOfWeek.reduce((a, b) => a + b); // scheduled exams per week
 */
export function calibrate(
  records: MachineRecords,
  options: CalibrateOptions = {},
): SimulationModel {
  const { campaign } = records;
  const calendar = new CampaignCalendar(campaign.start, campaign.days, campaign.timeZone);
  const { clock, weeks } = calendar;
  const gridWeeks = Math.max(1, Math.floor(campaign.days / 7));
  const period = gridWeeks * 7 * MS_PER_DAY;
  const machineIndex = new Map(records.equipment.map((e, i) => [e.equipmentId, i]));
  const notes: CalibrationNote[] = [];
  const acts = actTableOf(records);

  // Sessions and programmed unions per machine.
  const sessionsOf: Session[][] = records.equipment.map(() => []);
  const examsOf: Exam[][] = records.equipment.map(() => []);
  for (const s of records.sessions) {
    const m = machineIndex.get(s.equipmentId);
    if (m !== undefined) (sessionsOf[m] as Session[]).push(s);
  }
  for (const e of records.exams) {
    const m = machineIndex.get(e.equipmentId);
    if (m !== undefined) (examsOf[m] as Exam[]).push(e);
  }
  const programmedOf: IntervalUnion[] = sessionsOf.map((list) => {
    const p = list.filter((s) => PROGRAMMED.has(s.type));
    return unionOf(
      p.map((s) => s.start),
      p.map((s) => s.end),
    );
  });

  // The grid: sessions that start in the first gridWeeks weeks.
  const sessions: GridSession[] = [];
  sessionsOf.forEach((list, machine) => {
    for (const s of list) {
      if (s.start >= calendar.start && s.start < calendar.start + period && s.end > s.start)
        sessions.push({ machine, start: s.start, end: s.end, type: s.type });
    }
  });
  sessions.sort((a, b) => a.start - b.start || a.machine - b.machine || a.end - b.end);

  // Classes and pools.
  const scheduledPool: PoolExam[] = [];
  const unscheduledPool: PoolExam[] = [];
  const scheduledExams: Exam[] = [];
  const arrivals = new Array<number>(HOURS_PER_WEEK).fill(0);
  const leads: Record<Category, number[]> = { A: [], H: [], R: [], U: [] };
  const booked: Record<Category, number[]> = { A: [], H: [], R: [], U: [] };
  const durations: Record<Category, number[]> = { A: [], H: [], R: [], U: [] };
  const lateStartMinutes: number[] = [];
  const weekdayOfLead: Record<Category, number[]> = { A: [], H: [], R: [], U: [] };
  examsOf.forEach((list, machine) => {
    const programmed = programmedOf[machine] as IntervalUnion;
    for (const e of list) {
      const scheduled = e.category !== 'U' && unionContains(programmed, e.roomIn);
      const ms = e.roomOut - e.roomIn;
      if (scheduled) {
        scheduledExams.push(e);
        if (e.requestedAt !== null) {
          leads[e.category].push(leadMinutesOf(clock, e.requestedAt, e.roomIn));
          weekdayOfLead[e.category].push(Math.floor(clock.hourOfWeek(e.requestedAt) / 24));
        }
        if (e.scheduledMinutes !== null) booked[e.category].push(e.scheduledMinutes);
      } else {
        const h = clock.hourOfWeek(e.roomIn);
        arrivals[h] = (arrivals[h] as number) + 1 / weeks;
      }
      if (ms < SHORT_EXAM_MS) continue;
      const icr = examIcr(e, acts);
      const p: PoolExam = {
        category: e.category,
        machine,
        durationMinutes: ms / MS_PER_MINUTE,
        bookedMinutes: e.scheduledMinutes,
        icr: Number.isNaN(icr) ? null : icr,
        family: examFamily(e.acts),
      };
      if (scheduled) {
        scheduledPool.push(p);
        durations[e.category].push(p.durationMinutes);
      } else unscheduledPool.push({ ...p, inProgrammed: unionContains(programmed, e.roomIn) });
    }
    lateStarts(sessionsOf[machine] as Session[], list, lateStartMinutes);
  });

  // Lead times: own category, else the pooled A/H/R sample, else none (lead 0); the same split
  // by the request's weekday.
  const leadMinutes: Partial<Record<Category, number[]>> = {};
  const leadMinutesByWeekday: Partial<Record<Category, number[][]>> = {};
  const pooledLeads = SCHEDULED_CATEGORIES.flatMap((c) => leads[c]);
  const pooledWeekdays = SCHEDULED_CATEGORIES.flatMap((c) => weekdayOfLead[c]);
  for (const c of SCHEDULED_CATEGORIES) {
    const own = leads[c];
    const hasExams = scheduledExams.some((e) => e.category === c);
    if (own.length > 0) {
      leadMinutes[c] = own;
      leadMinutesByWeekday[c] = byWeekday(own, weekdayOfLead[c]);
    } else if (pooledLeads.length > 0 && hasExams) {
      leadMinutes[c] = pooledLeads;
      leadMinutesByWeekday[c] = byWeekday(pooledLeads, pooledWeekdays);
      notes.push({ code: 'lead-pooled', params: { category: c } });
    }
  }
  if (scheduledExams.length > 0 && pooledLeads.length === 0) notes.push({ code: 'no-lead' });

  // Slot lengths: median booked minutes, else the median duration rounded up to 5 minutes.
  const slotMinutes: Partial<Record<Category, number>> = {};
  for (const c of SCHEDULED_CATEGORIES) {
    const b = median(booked[c]);
    if (b !== null) slotMinutes[c] = b;
    else {
      const d = median(durations[c]);
      if (d !== null) {
        slotMinutes[c] = Math.max(5, Math.ceil(d / 5) * 5);
        notes.push({
          code: 'slot-from-durations',
          params: { category: c, minutes: slotMinutes[c] },
        });
      }
    }
  }

  // Scheduled requests by hour of week, category by category (a category's requests keep their
  // own days and hours: inpatients are asked for on weekdays, outpatients any day), summed.
  const withRequest = scheduledExams.filter((e) => e.requestedAt !== null);
  const requestTimes: 'requested_at' | 'exam-times' =
    scheduledExams.length > 0 && withRequest.length * 2 >= scheduledExams.length
      ? 'requested_at'
      : 'exam-times';
  const medianLead: Partial<Record<Category, number | null>> = {};
  for (const c of SCHEDULED_CATEGORIES)
    medianLead[c] = leadMinutes[c] ? median(leadMinutes[c]) : null;
  const requestsByCategory: Partial<Record<Category, number[]>> = {};
  const requests = new Array<number>(HOURS_PER_WEEK).fill(0);
  for (const c of SCHEDULED_CATEGORIES) {
    const own = scheduledExams.filter((e) => e.category === c);
    if (own.length === 0) continue;
    const profile = new Array<number>(HOURS_PER_WEEK).fill(0);
    const timed = own.filter((e) => e.requestedAt !== null);
    // requested_at: the category's request hours, scaled to its weekly total; a category none of
    // whose exams carries it (and the exam-times case) at its exam times less its median lead.
    const placed = requestTimes === 'requested_at' && timed.length > 0 ? timed : own;
    const at = (e: Exam): number =>
      placed === timed
        ? (e.requestedAt as number)
        : e.roomIn - (medianLead[c] ?? 0) * MS_PER_MINUTE;
    const scale = own.length / weeks / placed.length;
    for (const e of placed) {
      const h = clock.hourOfWeek(at(e));
      profile[h] = (profile[h] as number) + scale;
    }
    requestsByCategory[c] = profile;
    for (let h = 0; h < HOURS_PER_WEEK; h++)
      requests[h] = (requests[h] as number) + (profile[h] as number);
  }
  if (requestTimes === 'exam-times' && scheduledExams.length > 0)
    notes.push({
      code: 'request-from-exam-times',
      params: { percent: Math.round((100 * withRequest.length) / scheduledExams.length) },
    });

  if (lateStartMinutes.length === 0 && sessions.some((s) => PROGRAMMED.has(s.type)))
    notes.push({ code: 'no-late-start' });
  if (campaign.days % 7 !== 0)
    notes.push({ code: 'partial-week', params: { days: campaign.days, gridWeeks } });
  if (scheduledPool.length === 0) notes.push({ code: 'no-scheduled' });

  // Inpatients' share of the booked minutes: the part of each session held for them (engine).
  let bookedAll = 0;
  let bookedInpatient = 0;
  for (const p of scheduledPool) {
    const b = p.bookedMinutes ?? slotMinutes[p.category] ?? p.durationMinutes;
    bookedAll += b;
    if (p.category !== 'A') bookedInpatient += b;
  }
  const inpatientShare = bookedAll > 0 ? bookedInpatient / bookedAll : 0;
  if (inpatientShare > 0)
    notes.push({ code: 'inpatient-share', params: { percent: Math.round(100 * inpatientShare) } });

  // Observed figures; delays over the booked population, how many left out, samples too small to check.
  const observed = observedFiguresWithScope(records);
  if (observed.delays.outsideSessions > 0)
    notes.push({ code: 'delays-outside-sessions', params: { n: observed.delays.outsideSessions } });
  for (const patient of ['outpatient', 'inpatient'] as const) {
    const n = observed.delays[patient];
    if (n > 0 && n < MIN_CHECKED_DELAYS)
      notes.push({ code: `few-${patient}-delays`, params: { n, min: MIN_CHECKED_DELAYS } });
  }

  const noShow = options.noShow ?? {};
  const hasNoShow = Object.keys(noShow).length > 0;
  if (!hasNoShow) notes.push({ code: 'no-show-default' });

  return {
    version: 1,
    campaign: {
      id: campaign.id,
      name: campaign.name,
      start: campaign.start,
      days: campaign.days,
      timeZone: campaign.timeZone,
    },
    machines: records.equipment.map((e) => ({
      equipmentId: e.equipmentId,
      finess: e.finess,
      modality: e.modality,
      label: e.label,
    })),
    gridWeeks,
    sessions,
    scheduled: {
      requestsPerHourOfWeek: requests,
      requestsPerHourOfWeekByCategory: requestsByCategory,
      requestTimes,
      pool: scheduledPool,
      leadMinutes,
      slotMinutes,
      leadMinutesByWeekday,
      inpatientShare,
    },
    unscheduled: { arrivalsPerHourOfWeek: arrivals, pool: unscheduledPool },
    lateStartMinutes,
    predictedSlotMinutes: { ...(options.predictedSlotMinutes ?? {}) },
    policy: {
      ...DEFAULT_POLICY,
      noShow: { ...noShow },
      noShowSource: hasNoShow ? 'input' : 'default',
    },
    observed: observed.figures,
    notes,
  };
}
