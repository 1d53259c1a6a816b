/**
 * Exam drafts: what the messages of one exam (order, status changes, booking, result, report)
 * say, merged by their join keys (accession IPC-1, filler ORC-3/OBR-3, placer ORC-2/OBR-2,
 * appointment SCH-2/SCH-1). A draft becomes an `Exam` once the whole input is read.
 */
import type { BirthDate } from '../age-band.ts';

/** Join key kinds, in the order the exam id is taken from. */
export const KEY_ORDER = ['A', 'F', 'P', 'S', 'Q'] as const;
export type KeyKind = (typeof KEY_ORDER)[number];

/** Everything the messages said of one exam so far. */
export interface ExamDraft {
  keys: Map<KeyKind, string>;
  requestedAt: number | null;
  /** OBR-7 / OBR-8. */
  start: number | null;
  end: number | null;
  /** Times of ORC-5 = IP / CM status messages. */
  statusStart: number | null;
  statusEnd: number | null;
  /** The same, from MSH-7 when the status message has no ORC-9 nor EVN-2 (a weaker guess). */
  statusStartMsh: number | null;
  statusEndMsh: number | null;
  bookingStart: number | null;
  bookingMinutes: number | null;
  /** MSH-7 of the first SIU message that gave the booking its current span (null: none readable). */
  bookingSeenAt: number | null;
  reportValidatedAt: number | null;
  /** Why the exam did not happen (cancelled order, cancelled/deleted/no-show booking), or null. */
  cancelled: string | null;
  patientClass: string;
  unit: string;
  visit: string;
  localCodes: string[];
  stations: string[];
  aeTitles: string[];
  locations: string[];
  /** Accessions besides the IPC-1 join key (OBR-18, IHE v2.3.1), for the reconciliation keys only. */
  accessions: string[];
  /** Study Instance UIDs (IPC-3, ZDS-1), for the reconciliation keys only. */
  studyUids: string[];
  /**
   * PID-7, held only until the exam's age band is derived (exams.ts): it never leaves the
   * adapter. Month only for a PID-7 without its day (`YYYYMM`, as the MLLP journal keeps it).
   */
  birth: BirthDate | null;
  /**
   * PID-3's patient identifier as `<authority>|<id>` or its kept form (patient-id.ts), `''` when
   * none: held only until the exam's patient key (its keyed hash) is taken (exams.ts).
   */
  patient: string;
  /** Where the last message about it was. */
  file: string;
  line: number;
}

/** An empty draft, located at its first message. */
export function newDraft(file: string, line: number): ExamDraft {
  return {
    keys: new Map(),
    requestedAt: null,
    start: null,
    end: null,
    statusStart: null,
    statusEnd: null,
    statusStartMsh: null,
    statusEndMsh: null,
    bookingStart: null,
    bookingMinutes: null,
    bookingSeenAt: null,
    reportValidatedAt: null,
    cancelled: null,
    patientClass: '',
    unit: '',
    visit: '',
    localCodes: [],
    stations: [],
    aeTitles: [],
    locations: [],
    accessions: [],
    studyUids: [],
    birth: null,
    patient: '',
    file,
    line,
  };
}

/** The earlier of two optional instants. */
export const earliest = (a: number | null, b: number | null): number | null =>
  a === null ? b : b === null ? a : Math.min(a, b);
const addAll = (into: string[], from: readonly string[]): void => {
  for (const v of from) if (v && !into.includes(v)) into.push(v);
};

/** Adds a value to a list once (empty values are ignored). */
export function addOnce(into: string[], value: string): void {
  if (value && !into.includes(value)) into.push(value);
}

/** Folds `b` (older) into `a` (newer facts win), for two drafts found to be one exam. */
function fold(a: ExamDraft, b: ExamDraft): void {
  for (const [k, v] of b.keys) if (!a.keys.has(k)) a.keys.set(k, v);
  a.requestedAt = earliest(a.requestedAt, b.requestedAt);
  a.start ??= b.start;
  a.end ??= b.end;
  a.statusStart = earliest(a.statusStart, b.statusStart);
  a.statusEnd = earliest(a.statusEnd, b.statusEnd);
  a.statusStartMsh = earliest(a.statusStartMsh, b.statusStartMsh);
  a.statusEndMsh = earliest(a.statusEndMsh, b.statusEndMsh);
  // The span seen first since it is what it is: the older draft's, when the newer has none or the same.
  if (a.bookingStart === null && a.bookingMinutes === null) a.bookingSeenAt = b.bookingSeenAt;
  else if (a.bookingStart === b.bookingStart && a.bookingMinutes === b.bookingMinutes)
    a.bookingSeenAt = earliest(a.bookingSeenAt, b.bookingSeenAt);
  a.bookingStart ??= b.bookingStart;
  a.bookingMinutes ??= b.bookingMinutes;
  a.reportValidatedAt = earliest(a.reportValidatedAt, b.reportValidatedAt);
  a.patientClass ||= b.patientClass;
  a.unit ||= b.unit;
  a.visit ||= b.visit;
  a.patient ||= b.patient;
  addAll(a.localCodes, b.localCodes);
  addAll(a.stations, b.stations);
  addAll(a.aeTitles, b.aeTitles);
  addAll(a.locations, b.locations);
  addAll(a.accessions, b.accessions);
  addAll(a.studyUids, b.studyUids);
  // A full date from another message beats a month.
  if (b.birth !== null && (a.birth === null || (a.birth.monthOnly && !b.birth.monthOnly)))
    a.birth = b.birth;
}

/** Drafts indexed by every key they carry (one map per key kind: no key strings to build). */
export class DraftIndex {
  readonly #byKey = new Map<KeyKind, Map<string, ExamDraft>>(KEY_ORDER.map((k) => [k, new Map()]));
  readonly drafts = new Set<ExamDraft>();

  /**
   * The draft for these keys (merging drafts that the keys show to be one exam), created when
   * none matches. Keys with empty values are ignored; `null` when no key has a value.
   */
  draftFor(
    keys: readonly (readonly [KeyKind, string])[],
    file: string,
    line: number,
  ): ExamDraft | null {
    let draft: ExamDraft | null = null;
    let given = 0;
    for (const [k, v] of keys) {
      if (v === '') continue;
      given++;
      const found = this.#byKey.get(k)?.get(v);
      if (found === undefined || found === draft) continue;
      if (draft === null) draft = found;
      else {
        fold(draft, found);
        this.drafts.delete(found);
        for (const [fk, fv] of found.keys) this.#byKey.get(fk)?.set(fv, draft);
      }
    }
    if (given === 0) return null;
    if (draft === null) {
      draft = newDraft(file, line);
      this.drafts.add(draft);
    }
    for (const [k, v] of keys) {
      if (v === '') continue;
      if (!draft.keys.has(k)) draft.keys.set(k, v);
      this.#byKey.get(k)?.set(v, draft);
    }
    draft.file = file;
    draft.line = line;
    return draft;
  }
}

/** The identifier an exam id is derived from: accession, then filler, placer, appointment. */
export function primaryKey(draft: ExamDraft): string {
  for (const k of KEY_ORDER) {
    const v = draft.keys.get(k);
    if (v) return v;
  }
  return '';
}
