/**
 * Columnar view of one machine's campaign: sessions sorted by start and exams sorted by
 * `roomIn`, in typed arrays (NaN stands for an unknown value). Every indicator is a pure
 * function over these arrays, which is what makes a national year compute in seconds.
 */
import type { Category, Equipment, Establishment, Exam, Kit, Session, SessionType } from '../kit-types.ts';
import { SESSION_TYPES } from '../kit-types.ts';

/** Index of each category in `CATEGORIES` (A=0, H=1, R=2, U=3). */
export const CATEGORY_INDEX: Readonly<Record<Category, number>> = { A: 0, H: 1, R: 2, U: 3 };
export const CATEGORY_U = CATEGORY_INDEX.U;

/** Index of each session type in `SESSION_TYPES`. */
export const SESSION_TYPE_INDEX = Object.fromEntries(SESSION_TYPES.map((t, i) => [t, i])) as Readonly<
  Record<SessionType, number>
>;

/** Exams shorter than this are doubtful entries: counted, valued, but kept out of durations and occupancy. */
export const SHORT_EXAM_MS = 3 * 60_000;

export interface MachineColumns {
  equipment: Equipment;
  establishment: Establishment | null;
  sessionStart: Float64Array;
  sessionEnd: Float64Array;
  sessionType: Uint8Array;
  roomIn: Float64Array;
  roomOut: Float64Array;
  /** Index into `CATEGORIES`. */
  category: Uint8Array;
  /** The exam's ICR (row value, else the sum of its acts); NaN when it cannot be valued. */
  icr: Float64Array;
  reportAt: Float64Array;
  requestedAt: Float64Array;
  scheduledMinutes: Float64Array;
  /** Act codes of this machine's exams that are missing from the act table. */
  unknownActs: string[];
  /** Exams whose ICR cannot be valued (blank ICR and no act, or an unknown act). */
  unvaluedExams: number;
}

export interface ColumnOptions {
  /**
   * Allocate the columns on `SharedArrayBuffer`s, so that worker threads can read them without a
   * copy (see src/compute/).
   */
  shared?: boolean;
}

/** The act table as a lookup: CCAM code → ICR. */
export type ActTable = ReadonlyMap<string, number>;

/** Builds the act lookup of a kit. */
export function actTableOf(kit: Pick<Kit, 'acts'>): ActTable {
  return new Map(kit.acts.map((a) => [a.code, a.icr]));
}

/**
 * ICR of one exam: given on the row, else the sum of its acts' ICR. NaN when it cannot be
 * valued (no ICR and no act, or an act missing from the table: never silently 0); the codes
 * missing from the table are added to `unknown`.
 */
export function examIcr(exam: Pick<Exam, 'icr' | 'acts'>, acts: ActTable, unknown?: Set<string>): number {
  if (exam.icr !== null) return exam.icr;
  if (exam.acts.length === 0) return NaN;
  let sum = 0;
  let valued = true;
  for (const code of exam.acts) {
    const v = acts.get(code);
    if (v === undefined) {
      valued = false;
      unknown?.add(code);
    } else sum += v;
  }
  return valued ? sum : NaN;
}

const nullToNaN = (v: number | null): number => (v === null ? NaN : v);

/** Columns of one machine from its sessions and exams (any order). */
export function machineColumns(
  equipment: Equipment,
  establishment: Establishment | null,
  sessions: readonly Session[],
  exams: readonly Exam[],
  acts: ActTable,
  options: ColumnOptions = {},
): MachineColumns {
  const f64 = (length: number): Float64Array =>
    options.shared ? new Float64Array(new SharedArrayBuffer(length * 8)) : new Float64Array(length);
  const u8 = (length: number): Uint8Array => (options.shared ? new Uint8Array(new SharedArrayBuffer(length)) : new Uint8Array(length));
  const sorted = [...sessions].sort((a, b) => a.start - b.start || a.end - b.end);
  const ns = sorted.length;
  const sessionStart = f64(ns);
  const sessionEnd = f64(ns);
  const sessionType = u8(ns);
  sorted.forEach((s, i) => {
    sessionStart[i] = s.start;
    sessionEnd[i] = s.end;
    sessionType[i] = SESSION_TYPE_INDEX[s.type];
  });

  // Ties broken by roomOut then id so that the result never depends on row order.
  const ordered = [...exams].sort(
    (x, y) => x.roomIn - y.roomIn || x.roomOut - y.roomOut || (x.examId < y.examId ? -1 : x.examId > y.examId ? 1 : 0),
  );
  const n = exams.length;
  const cols: MachineColumns = {
    equipment,
    establishment,
    sessionStart,
    sessionEnd,
    sessionType,
    roomIn: f64(n),
    roomOut: f64(n),
    category: u8(n),
    icr: f64(n),
    reportAt: f64(n),
    requestedAt: f64(n),
    scheduledMinutes: f64(n),
    unknownActs: [],
    unvaluedExams: 0,
  };
  const unknown = new Set<string>();
  ordered.forEach((e, i) => {
    cols.roomIn[i] = e.roomIn;
    cols.roomOut[i] = e.roomOut;
    cols.category[i] = CATEGORY_INDEX[e.category];
    const icr = examIcr(e, acts, unknown);
    cols.icr[i] = icr;
    if (Number.isNaN(icr)) cols.unvaluedExams++;
    cols.reportAt[i] = nullToNaN(e.reportValidatedAt);
    cols.requestedAt[i] = nullToNaN(e.requestedAt);
    cols.scheduledMinutes[i] = nullToNaN(e.scheduledMinutes);
  });
  cols.unknownActs = [...unknown].sort();
  return cols;
}

/** Columns of every machine of a kit, in the order of `equipment.csv`. */
export function kitColumns(kit: Kit, options: ColumnOptions = {}): MachineColumns[] {
  const acts = actTableOf(kit);
  const establishments = new Map(kit.establishments.map((e) => [e.finess, e]));
  const sessions = new Map<string, Session[]>();
  const exams = new Map<string, Exam[]>();
  for (const eq of kit.equipment) {
    sessions.set(eq.equipmentId, []);
    exams.set(eq.equipmentId, []);
  }
  for (const s of kit.sessions) sessions.get(s.equipmentId)?.push(s);
  for (const e of kit.exams) exams.get(e.equipmentId)?.push(e);
  return kit.equipment.map((eq) =>
    machineColumns(eq, establishments.get(eq.finess) ?? null, sessions.get(eq.equipmentId) ?? [], exams.get(eq.equipmentId) ?? [], acts, options),
  );
}

