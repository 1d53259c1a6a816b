/**
 * Columnar view of one machine's campaign: sessions sorted by start and exams sorted by
 * `roomIn`, in typed arrays (NaN stands for an unknown value). Every indicator is a pure
 * function over these arrays, which is what makes a national year compute in seconds.
 */
import type { ExamTable } from '../exam-table.ts';
import { compareIds, examTableOf } from '../exam-table.ts';
import type {
  Category,
  Equipment,
  Establishment,
  Exam,
  Kit,
  Session,
  SessionType,
} from '../kit-types.ts';
import { SESSION_TYPES } from '../kit-types.ts';

/** Index of each category in `CATEGORIES` (A=0, H=1, R=2, U=3). */
export const CATEGORY_INDEX: Readonly<Record<Category, number>> = { A: 0, H: 1, R: 2, U: 3 };
export const CATEGORY_U = CATEGORY_INDEX.U;

/** Index of each session type in `SESSION_TYPES`. */
export const SESSION_TYPE_INDEX = Object.fromEntries(
  SESSION_TYPES.map((t, i) => [t, i]),
) as Readonly<Record<SessionType, number>>;

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
export function examIcr(
  exam: Pick<Exam, 'icr' | 'acts'>,
  acts: ActTable,
  unknown?: Set<string>,
): number {
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

/** A Float64Array of `length`, on a SharedArrayBuffer when `shared`. */
function f64Of(length: number, shared: boolean | undefined): Float64Array {
  return shared ? new Float64Array(new SharedArrayBuffer(length * 8)) : new Float64Array(length);
}

/** A Uint8Array of `length`, on a SharedArrayBuffer when `shared`. */
function u8Of(length: number, shared: boolean | undefined): Uint8Array {
  return shared ? new Uint8Array(new SharedArrayBuffer(length)) : new Uint8Array(length);
}

/** The session columns of one machine: its sessions sorted by start, then end. */
function sessionColumns(
  sessions: readonly Session[],
  shared: boolean | undefined,
): Pick<MachineColumns, 'sessionStart' | 'sessionEnd' | 'sessionType'> {
  const sorted = [...sessions].sort((a, b) => a.start - b.start || a.end - b.end);
  const ns = sorted.length;
  const sessionStart = f64Of(ns, shared);
  const sessionEnd = f64Of(ns, shared);
  const sessionType = u8Of(ns, shared);
  sorted.forEach((s, i) => {
    sessionStart[i] = s.start;
    sessionEnd[i] = s.end;
    sessionType[i] = SESSION_TYPE_INDEX[s.type];
  });
  return { sessionStart, sessionEnd, sessionType };
}

/**
 * Columns of one machine from its sessions and exams (any order), for callers that hold records
 * (the capacity simulation). A kit's machines go through `kitColumns`, over its exam table.
 */
export function machineColumns(
  equipment: Equipment,
  establishment: Establishment | null,
  sessions: readonly Session[],
  exams: readonly Exam[],
  acts: ActTable,
  options: ColumnOptions = {},
): MachineColumns {
  const f64 = (length: number): Float64Array => f64Of(length, options.shared);
  // Ties broken by roomOut then id so that the result never depends on row order.
  const ordered = [...exams].sort(
    (x, y) => x.roomIn - y.roomIn || x.roomOut - y.roomOut || compareIds(x.examId, y.examId),
  );
  const n = exams.length;
  const cols: MachineColumns = {
    equipment,
    establishment,
    ...sessionColumns(sessions, options.shared),
    roomIn: f64(n),
    roomOut: f64(n),
    category: u8Of(n, options.shared),
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

/** The ICR of every row of an exam table, and per machine its unvalued exams and unknown act codes. */
export interface TableIcr {
  /** Row ICR, else the sum of the row's acts; NaN when it cannot be valued (as `examIcr`). */
  icr: Float64Array;
  /** Per machine: rows whose ICR is NaN. */
  unvalued: Uint32Array;
  /** Per machine: the act codes missing from the act table among its rows valued from acts, sorted. */
  unknownActs: string[][];
}

/**
 * The ICR column of a whole table: each distinct act list is valued once (as `examIcr` values an
 * exam: sum in the list's order, NaN when a code is missing from `acts`), then each row takes its
 * own `icr` cell or its list's value.
 */
export function tableIcr(table: ExamTable, acts: ActTable, options: ColumnOptions = {}): TableIcr {
  const lists = table.actLists;
  const listValue = new Float64Array(lists.length);
  const listUnknown: (string[] | null)[] = new Array<string[] | null>(lists.length).fill(null);
  lists.forEach((list, k) => {
    const unknown = new Set<string>();
    listValue[k] = examIcr({ icr: null, acts: list as string[] }, acts, unknown);
    if (unknown.size > 0) listUnknown[k] = [...unknown];
  });
  const { rowIcr, acts: rowActs, machineStart } = table;
  const icr = f64Of(table.length, options.shared);
  const machines = machineStart.length - 1;
  const unvalued = new Uint32Array(Math.max(0, machines));
  const unknownActs: string[][] = [];
  const seenBy = new Int32Array(lists.length).fill(-1);
  for (let m = 0; m < machines; m++) {
    const unknown = new Set<string>();
    let count = 0;
    for (let i = machineStart[m] as number, end = machineStart[m + 1] as number; i < end; i++) {
      const own = rowIcr[i] as number;
      if (own === own) {
        icr[i] = own;
        continue;
      }
      const list = rowActs[i] as number;
      const v = listValue[list] as number;
      icr[i] = v;
      if (v !== v) count++;
      const codes = listUnknown[list];
      if (codes !== null && codes !== undefined && seenBy[list] !== m) {
        seenBy[list] = m;
        for (const c of codes) unknown.add(c);
      }
    }
    unvalued[m] = count;
    unknownActs.push([...unknown].sort());
  }
  return { icr, unvalued, unknownActs };
}

/** `column` itself when it already lives on shared memory (or `shared` is off), else a shared copy. */
function onShared<T extends Float64Array | Uint8Array>(column: T, shared: boolean | undefined): T {
  if (!shared || column.buffer instanceof SharedArrayBuffer) return column;
  const copy = new (column.constructor as new (b: SharedArrayBuffer) => T)(
    new SharedArrayBuffer(column.byteLength),
  );
  copy.set(column);
  return copy;
}

/**
 * Columns of every machine of a kit, in the order of `equipment.csv`. The exams come from the
 * kit's exam table (`examTableOf`: the reader's, else built from the records), and each machine's
 * exam columns are zero-copy `subarray` views of the table's (copied once to shared memory when
 * `shared` asks for it and the table is not already there). `kit.exams` is never read for a kit
 * that carries a table.
 */
export function kitColumns(
  kit: Pick<Kit, 'exams' | 'equipment' | 'establishments' | 'sessions' | 'acts'>,
  options: ColumnOptions = {},
): MachineColumns[] {
  return tableColumns(examTableOf(kit), kit, options);
}

/** `kitColumns` over a given exam table (grouped by machine in `kit.equipment` order). */
export function tableColumns(
  table: ExamTable,
  kit: Pick<Kit, 'equipment' | 'establishments' | 'sessions' | 'acts'>,
  options: ColumnOptions = {},
): MachineColumns[] {
  if (table.machineStart.length !== kit.equipment.length + 1) {
    throw new Error(
      `exam table of ${table.machineStart.length - 1} machines for ${kit.equipment.length} in equipment`,
    );
  }
  const shared = options.shared;
  const { icr, unvalued, unknownActs } = tableIcr(table, actTableOf(kit), options);
  const roomIn = onShared(table.roomIn, shared);
  const roomOut = onShared(table.roomOut, shared);
  const category = onShared(table.category, shared);
  const reportAt = onShared(table.reportAt, shared);
  const requestedAt = onShared(table.requestedAt, shared);
  const scheduledMinutes = onShared(table.scheduledMinutes, shared);
  const establishments = new Map(kit.establishments.map((e) => [e.finess, e]));
  const sessions = new Map<string, Session[]>();
  for (const eq of kit.equipment) sessions.set(eq.equipmentId, []);
  for (const s of kit.sessions) sessions.get(s.equipmentId)?.push(s);
  return kit.equipment.map((eq, m) => {
    const from = table.machineStart[m] as number;
    const to = table.machineStart[m + 1] as number;
    return {
      equipment: eq,
      establishment: establishments.get(eq.finess) ?? null,
      ...sessionColumns(sessions.get(eq.equipmentId) ?? [], shared),
      roomIn: roomIn.subarray(from, to),
      roomOut: roomOut.subarray(from, to),
      category: category.subarray(from, to),
      icr: icr.subarray(from, to),
      reportAt: reportAt.subarray(from, to),
      requestedAt: requestedAt.subarray(from, to),
      scheduledMinutes: scheduledMinutes.subarray(from, to),
      unknownActs: unknownActs[m] as string[],
      unvaluedExams: unvalued[m] as number,
    };
  });
}
