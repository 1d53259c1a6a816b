/**
 * The contract of plateau's capacity simulation (planning.md §3): a machine (or a site's machines
 * of one modality sharing a queue) calibrated on its own campaign into a `SimulationModel` (plain
 * JSON: the API sends it to the browser's Web Worker), changed by `Scenario`s, simulated by the
 * engine into `ReplicationOutput`s, and summed up over replications in a `SimulationReport` (the
 * `plateau simulate --json` document). Keys are a public interface: add freely, never rename.
 *
 * Pipeline: calibrate(records) → SimulationModel ─ applyScenario(model, scenario) → SimulationModel
 *           ─ simulate(model, run) → ReplicationOutput ─ figuresOf(output) → Figures
 *           runSimulation(model, scenarios, options) → SimulationReport (R replications, CRN).
 */
import type {
  Act,
  Campaign,
  Category,
  Equipment,
  Establishment,
  Exam,
  Modality,
  Session,
  SessionType,
  Slot,
} from '../../core/kit-types.ts';

// ───────────────────────────── inputs ─────────────────────────────

/** What calibration reads: the campaign records of the simulated machines (one site, one modality). */
export interface MachineRecords {
  campaign: Campaign;
  /** One machine, or several of one site and one modality (pooled: they share one queue). */
  equipment: Equipment[];
  establishment: Establishment | null;
  /** Sessions and exams of these machines only. */
  sessions: Session[];
  exams: Exam[];
  acts: Act[];
  /** Their slots, when the kit has `slots.csv` (next available appointment). */
  slots?: Slot[];
}

/** Where a figure or parameter comes from (planning.md: measured, declared, reference, input). */
export type Provenance = 'measured' | 'declared' | 'reference' | 'input' | 'default';

/**
 * One exam of the machine's own campaign as the bootstrap draws it: each simulated exam copies
 * one of these (its category, room duration, booked length, ICR and act family).
 */
export interface PoolExam {
  category: Category;
  /** Index of the machine (in `SimulationModel.machines`) that did it. */
  machine: number;
  durationMinutes: number;
  /** `scheduled_minutes` of the row, null when unknown. */
  bookedMinutes: number | null;
  /** ICR of the exam (row or act table), null when it cannot be valued. */
  icr: number | null;
  /** Act family of its first act with a known family (act-families table), null when none. */
  family: string | null;
  /**
   * Unscheduled pool only: whether the exam started in a programmed session. An unscheduled
   * arrival during a programmed session draws from these, otherwise from the others (the mix of
   * emergency exams differs between working hours and on-call time). Optional: absent, the
   * whole pool.
   */
  inProgrammed?: boolean;
}

/** A session of the simulated grid: UTC epoch ms `[start, end)` within the campaign period. */
export interface GridSession {
  /** Index into `SimulationModel.machines`. */
  machine: number;
  start: number;
  end: number;
  type: SessionType;
  /**
   * Given to interventional radiology by a scenario: not bookable by the diagnostic demand and
   * left out of the diagnostic figures (occupancy, idle time); absent otherwise.
   */
  interventional?: true;
}

/** A calibration remark shown with the results (an i18n key under `simulation.note.` + params). */
export interface CalibrationNote {
  code: string;
  params?: Record<string, string | number>;
}

/** Choices a scenario changes; the status quo is `DEFAULT_POLICY`. */
export interface SimulationPolicy {
  /** Multiplies every arrival rate (demand growth of x % → 1 + x / 100). */
  demandFactor: number;
  /** Share (0..1) of each programmed session's bookable length kept free for unscheduled exams. */
  reservedShare: number;
  /** Draw each session's late start from `lateStartMinutes` (false: sessions start on time). */
  lateStarts: boolean;
  /**
   * Length booked for a scheduled exam: its own `bookedMinutes` (else `slotMinutes` of its
   * category), or the predicted slot of its act family (`predictedSlotMinutes`).
   */
  booking: 'booked' | 'predicted';
  /** Probability that a booked patient does not come, by category. */
  noShow: Partial<Record<Category, number>>;
  noShowSource: Provenance;
}

export const DEFAULT_POLICY: SimulationPolicy = {
  demandFactor: 1,
  reservedShare: 0,
  lateStarts: true,
  booking: 'booked',
  noShow: {},
  noShowSource: 'default',
};

/** A machine (or pool) calibrated on its campaign: everything the engine needs, plain JSON. */
export interface SimulationModel {
  version: 1;
  campaign: { id: string; name: string; start: string; days: number; timeZone: string };
  machines: { equipmentId: string; finess: string; modality: Modality; label: string | null }[];
  /** Whole weeks of the campaign (days / 7, floored, ≥ 1): the grid repeats with this period. */
  gridWeeks: number;
  /**
   * The grid: the campaign's sessions of these machines in its first `gridWeeks` weeks (UTC ms),
   * sorted by start; scenarios edit it. Public holidays are in it as the campaign had them.
   */
  sessions: GridSession[];
  scheduled: {
    /**
     * Expected requests per week in each hour of the week (168 values, index 0 = Monday 00:00
     * local): the Poisson rate of scheduled requests (categories A, H, R booked into programmed
     * sessions).
     */
    requestsPerHourOfWeek: number[];
    /**
     * The same rate category by category (168 values each; they sum to `requestsPerHourOfWeek`):
     * the engine draws a request's category from the categories' rates at its hour (their
     * arrivals superposed), so that each category keeps its own days and hours. Optional: absent,
     * a request draws from the whole pool whatever its hour.
     */
    requestsPerHourOfWeekByCategory?: Partial<Record<Category, number[]>>;
    /** `requested_at` when enough exams carry it, else the exams' times less their realised delays. */
    requestTimes: 'requested_at' | 'exam-times';
    /** The exams a request draws from (bootstrap), all machines of the pool. */
    pool: PoolExam[];
    /** Minimum lead time (minutes from request to the earliest bookable start), samples by category. */
    leadMinutes: Partial<Record<Category, number[]>>;
    /**
     * The same leads by the ISO weekday of the request (index 0 = Monday … 6 = Sunday): a request
     * draws from its weekday's sample when it is not empty, else from `leadMinutes`. Keeps the
     * weekly rhythm of the campaign (a Friday request waits over the weekend). Optional.
     */
    leadMinutesByWeekday?: Partial<Record<Category, number[][]>>;
    /** Slot length (minutes) booked when an exam's `bookedMinutes` is unknown, by category. */
    slotMinutes: Partial<Record<Category, number>>;
    /**
     * Share (0..1) of each programmed session held for inpatients (categories H and R) until
     * shortly before it starts (`HELD_RELEASE_HOURS` in the engine): measured, the inpatients'
     * share of the scheduled class's booked minutes. An outpatient (A) request made earlier books
     * only into the rest; an inpatient one fills the rest first. Optional: absent = 0 (nothing
     * held).
     */
    inpatientShare?: number;
  };
  unscheduled: {
    /** Expected arrivals per week in each hour of the week (168 values, Monday 00:00 local first). */
    arrivalsPerHourOfWeek: number[];
    pool: PoolExam[];
  };
  /** Late start of the programmed sessions that owned an exam (minutes, measured), drawn per session. */
  lateStartMinutes: number[];
  /** Recommended slot length per act family (minutes), from the duration model; family `*` = any. */
  predictedSlotMinutes: Record<string, number>;
  policy: SimulationPolicy;
  /** The machines' measured figures over the campaign (what the status quo must reproduce). */
  observed: Figures;
  notes: CalibrationNote[];
}

// ───────────────────────────── scenarios ─────────────────────────────

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export type IsoWeekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

/** One change of a scenario (planning.md §3 list); a scenario combines any number of them. */
export type ScenarioChange =
  /** Open earlier and/or close later: the day's first programmed session starts earlier, its last ends later. */
  | {
      type: 'extend-hours';
      weekdays: IsoWeekday[];
      openEarlierMinutes?: number;
      closeLaterMinutes?: number;
      machine?: string;
    }
  /** A programmed session added every week on these weekdays (local `HH:MM`), e.g. a Saturday morning. */
  | { type: 'add-session'; weekdays: IsoWeekday[]; start: string; end: string; machine?: string }
  /** Machines added to the pool, each with a copy of a pool machine's programmed grid (default the first). */
  | { type: 'add-machine'; count?: number; gridOf?: string }
  /** Part of each programmed session kept for unscheduled exams (`share` 0..0.9) instead of mixed. */
  | { type: 'emergency-reservation'; share: number }
  /** Programmed time given to interventional radiology on these weekdays and hours: removed from diagnostic booking. */
  | {
      type: 'interventional-sessions';
      weekdays: IsoWeekday[];
      start: string;
      end: string;
      machine?: string;
    }
  /** Book every scheduled exam at its act family's predicted slot length instead of its booked length. */
  | { type: 'predicted-durations' }
  /** Every arrival rate × (1 + percent / 100); negative for a fall. */
  | { type: 'demand-growth'; percent: number }
  /** Sessions start on time (the late starts of the campaign removed). */
  | { type: 'fix-late-start' }
  /** No-show probabilities by category (a user input). */
  | { type: 'no-show'; rates: Partial<Record<Category, number>> };

export const SCENARIO_CHANGE_TYPES = [
  'extend-hours',
  'add-session',
  'add-machine',
  'emergency-reservation',
  'interventional-sessions',
  'predicted-durations',
  'demand-growth',
  'fix-late-start',
  'no-show',
] as const satisfies readonly ScenarioChange['type'][];

export interface Scenario {
  /** Shown in tables and charts, e.g. "Open at 7:30 on weekdays". */
  name: string;
  changes: ScenarioChange[];
}

// ───────────────────────────── engine ─────────────────────────────

/** One run of the engine. */
export interface RunOptions {
  /** Master seed; with `replication`, fixes every stream (same values → identical output). */
  seed: number;
  replication: number;
  /** Weeks simulated and discarded before measuring (the agenda fills up), default 4. */
  warmupWeeks: number;
  /** Weeks measured, from the campaign's start (default `gridWeeks`). */
  weeks: number;
}

/**
 * What one replication gives over the measured window `[windowStart, windowEnd)` (UTC ms; the
 * window starts at the campaign's start). Exams are those whose `roomIn` falls in the window.
 */
export interface ReplicationOutput {
  windowStart: number;
  windowEnd: number;
  /** The grid of the measured window (scenario applied), for the figures. */
  sessions: GridSession[];
  exams: {
    machine: Int32Array;
    /** Index into CATEGORIES (A=0, H=1, R=2, U=3). */
    category: Uint8Array;
    roomIn: Float64Array;
    roomOut: Float64Array;
    /** NaN when the exam's ICR is unknown. */
    icr: Float64Array;
    /** Request instant of scheduled exams; NaN for unscheduled ones. */
    requestedAt: Float64Array;
    /** Booked length (minutes) of scheduled exams; NaN for unscheduled ones. */
    bookedMinutes: Float64Array;
  };
  /** Waits (minutes) of the unscheduled exams started in the window, arrival → roomIn. */
  unscheduledWaitMinutes: Float64Array;
  /** Minutes the machines worked past the end of a programmed session on its booked exams, in the window. */
  overtimeMinutes: number;
  /** Minutes of programmed session time in the window with the machine idle. */
  idleMinutes: number;
  /** Booked patients who did not come (in the window). */
  noShows: number;
  /** Requests that found no slot within the booking horizon (never served). */
  unbooked: number;
  /** Little's law over the window: arrival rate λ (per minute), time-average number in system L, mean sojourn W (minutes). */
  little: { arrivalRate: number; meanInSystem: number; meanSojourn: number };
  /** Events taken off the calendar. */
  events: number;
}

// ───────────────────────────── figures and report ─────────────────────────────

/** The figures simulated and compared, keyed as in `plateau indicators --json` where they exist there. */
export const FIGURE_KEYS = [
  'occupancy.programmed',
  'passagesPerWeek',
  'icrPerHour',
  'appointmentDelayDays.outpatient.p20',
  'appointmentDelayDays.outpatient.p50',
  'appointmentDelayDays.outpatient.p80',
  'appointmentDelayDays.inpatient.p20',
  'appointmentDelayDays.inpatient.p50',
  'appointmentDelayDays.inpatient.p80',
  'unscheduledWaitMinutes.p50',
  'unscheduledWaitMinutes.p90',
  'overtimeMinutesPerWeek',
  'idleMinutesPerWeek',
] as const;
export type FigureKey = (typeof FIGURE_KEYS)[number];

/** One value per figure (null: cannot be computed, e.g. no exam carries `requested_at`). */
export type Figures = Record<FigureKey, number | null>;

/** A figure over R replications: mean and 95 % interval (Student t on the replications). */
export interface Estimate {
  mean: number | null;
  ci95: [number, number] | null;
}

/** A scenario's difference with the status quo, paired replication by replication (common random numbers). */
export interface Delta extends Estimate {
  /** True only when the 95 % interval of the difference excludes 0. */
  significant: boolean;
}

/** The status quo rule (planning.md §3): which figure fails and by how much. */
export interface FailingFigure {
  figure: FigureKey;
  observed: number;
  simulated: number;
  /** The tolerance applied (same unit as the figure). */
  tolerance: number;
}

export interface StatusQuo {
  observed: Figures;
  simulated: Record<FigureKey, Estimate>;
  reproduces: boolean;
  failing: FailingFigure[];
}

export interface ScenarioResult {
  name: string;
  changes: ScenarioChange[];
  figures: Record<FigureKey, Estimate>;
  delta: Record<FigureKey, Delta>;
  /** False when the status quo does not reproduce the campaign (planning.md §3). */
  reliable: boolean;
}

/** Third next available appointment (planning.md §3), from `slots.csv`. */
export interface NextAvailable {
  equipmentId: string;
  /** Median over the campaign's days of the delay (days) to the third free slot long enough; null without slot data. */
  medianDays: number | null;
  /** Days on which it could be computed. */
  days: number;
  /** Slot length asked (the machine's median exam, minutes). */
  slotMinutes: number | null;
}

/**
 * Exam durations predicted from the site's own data (planning.md §3), judged on the campaign's
 * last week held out: the model is fitted on the weeks before it.
 */
export interface DurationModelReport {
  /** Plain words of the method, e.g. "median with back-off machine×family×category×age band → … → modality". */
  method: string;
  heldOut: {
    /** Local dates of the held-out week, inclusive. */
    from: string;
    to: string;
    exams: number;
    /** Mean absolute error (minutes) of the predicted duration against the real one. */
    modelMaeMinutes: number | null;
    /** Same for the booked `scheduled_minutes`, over the held-out exams that carry it. */
    bookedMaeMinutes: number | null;
    bookedExams: number;
    /** Model MAE over the same exams as `bookedMaeMinutes`. */
    modelMaeOnBookedMinutes: number | null;
    /** Share of held-out exams whose real duration is at most the predicted P80 (target 0.8). */
    p80Coverage: number | null;
    /** Which is closer to the real durations on the held-out week. */
    better: 'model' | 'booked' | null;
  };
  /** Recommended slot length per machine and act family (fitted on all the campaign's weeks). */
  slots: { equipmentId: string; family: string; minutes: number; exams: number; level: string }[];
}

/** The `plateau simulate --json` document. */
export interface SimulationReport {
  campaign: { id: string; name: string };
  equipmentIds: string[];
  weeks: number;
  warmupWeeks: number;
  replications: number;
  seed: number;
  statusQuo: StatusQuo;
  scenarios: ScenarioResult[];
  engine: { events: number; seconds: number; eventsPerSecond: number };
  notes: CalibrationNote[];
  durations?: DurationModelReport;
  nextAvailable?: NextAvailable[];
}
