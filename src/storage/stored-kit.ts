/**
 * A campaign as `readKit` would read it back once stored, computed in memory: the same records,
 * values and order (by key, in the byte order of `collate "C"`). An import that creates a campaign
 * computes from this instead of reading 270,000 exams back; when storing could alter a value, it
 * says so (null) and the import reads back as before.
 */
import type {
  Act,
  Campaign,
  CostRow,
  Equipment,
  Establishment,
  Exam,
  Kit,
  RegisterMachine,
  Session,
  Slot,
  SurveyAnswer,
} from '../core/kit-types.ts';
import type { ExamTable, StringColumn } from '../core/exam-table.ts';
import { attachExamTable, examAt } from '../core/exam-table.ts';
import type { ExamRows } from './exam-rows.ts';
import { compareStrings, machineIdOf, rowAt } from './exam-rows.ts';

/**
 * Compares strings by Unicode code point, which is the byte order of their UTF-8 and so the order
 * of `collate "C"`. JavaScript's `<` compares UTF-16 code units, which puts U+10000 and above
 * before U+E000..U+FFFF.
 */
export function compareCodePoints(a: string, b: string): number {
  if (a === b) return 0;
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    let x = a.charCodeAt(i);
    let y = b.charCodeAt(i);
    if (x !== y) {
      if (x >= 0xd800 && y >= 0xd800) {
        // Surrogates (U+D800..U+DFFF) stand for code points above U+FFFF: move them last.
        x = x >= 0xe000 ? x - 0x800 : x + 0x2000;
        y = y >= 0xe000 ? y - 0x800 : y + 0x2000;
      }
      return x - y;
    }
  }
  return a.length - b.length;
}

const SURROGATE = /[\ud800-\udfff]/;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** False when a string holds a lone surrogate, which its UTF-8 (hence the store) replaces. */
function wellFormed(s: string): boolean {
  return !SURROGATE.test(s) || !LONE_SURROGATE.test(s);
}

/** Why a value would not read back identical, or null when everything would. */
class Checker {
  problem: string | null = null;

  text(value: string | null | undefined, what: string): void {
    if (typeof value === 'string' && !wellFormed(value))
      this.problem ??= `${what} is not valid UTF-16`;
  }

  /** Instants are stored to the microsecond and read back as ms: only whole ms are exact. */
  instant(value: number | null | undefined, what: string): void {
    if (value !== null && value !== undefined && !Number.isSafeInteger(value))
      this.problem ??= `${what} is not a whole number of milliseconds`;
  }

  /** NaN and infinities would come back from json as strings. */
  float(value: number | null | undefined, what: string): void {
    if (value !== null && value !== undefined && !Number.isFinite(value))
      this.problem ??= `${what} is not finite`;
  }

  integer(value: number | null | undefined, what: string): void {
    if (value !== null && value !== undefined && !Number.isSafeInteger(value))
      this.problem ??= `${what} is not an integer`;
  }
}

/** Why some exam of `table` would not read back identical (as `Checker` tells for records), or null. */
function tableProblem(t: ExamTable): string | null {
  const whole = (v: number): boolean => Number.isSafeInteger(v);
  for (let r = 0; r < t.length; r++) {
    if (!whole(t.roomIn[r] as number) || !whole(t.roomOut[r] as number))
      return 'room_in or room_out is not a whole number of milliseconds';
    const rep = t.reportAt[r] as number;
    const req = t.requestedAt[r] as number;
    if ((rep === rep && !whole(rep)) || (req === req && !whole(req)))
      return 'an instant is not a whole number of milliseconds';
    const icr = t.rowIcr[r] as number;
    const minutes = t.scheduledMinutes[r] as number;
    if (icr === Infinity || icr === -Infinity || minutes === Infinity || minutes === -Infinity)
      return 'a number is not finite';
  }
  const check = new Checker();
  for (const list of t.actLists) for (const code of list) check.text(code, 'act code');
  return check.problem;
}

/** The records of some table rows (a kit whose table cannot be reused as stored). */
function rowRecords(rows: ExamRows): Exam[] {
  const out = new Array<Exam>(rows.length);
  for (let i = 0; i < rows.length; i++) out[i] = examAt(rows.table, rowAt(rows, i), rows.equipment);
  return out;
}

/**
 * The table of `rows` as `readExams` would read them back: machines in `order` (the stored
 * equipment, by id in code point order), each machine's rows by `roomIn`, then exam id in code
 * point order (its `fileOrder`, so that `Kit.exams` and the fingerprint follow it). The columns are
 * shared when the table's machines already are `order` and no row was dropped, gathered into new
 * ones otherwise. Null when `rows` name a machine not in `order` (storing them fails anyway).
 */
function storedExamTable(
  rows: ExamRows,
  order: readonly Pick<Equipment, 'equipmentId'>[],
): ExamTable | null {
  const t = rows.table;
  const machines = t.machineStart.length - 1;
  if (machines !== rows.equipment.length) return null;
  const same =
    rows.rows === null &&
    machines === order.length &&
    order.every(
      (m, i) => (rows.equipment[i] as Pick<Equipment, 'equipmentId'>).equipmentId === m.equipmentId,
    );
  const table = same ? t : gatherTable(rows, order);
  if (table === null) return null;
  const fileOrder = new Uint32Array(table.length);
  for (let r = 0; r < table.length; r++) fileOrder[r] = r;
  const ids = table.examId;
  for (let m = 0; m + 1 < table.machineStart.length; m++) {
    const from = table.machineStart[m] as number;
    const to = table.machineStart[m + 1] as number;
    let sorted = true;
    for (let r = from; r + 1 < to && sorted; r++) {
      if (table.roomIn[r] === table.roomIn[r + 1] && compareStrings(ids, r, r + 1) > 0)
        sorted = false;
    }
    if (!sorted) {
      fileOrder
        .subarray(from, to)
        .sort(
          (a, b) =>
            (table.roomIn[a] as number) - (table.roomIn[b] as number) || compareStrings(ids, a, b),
        );
    }
  }
  return { ...table, fileOrder };
}

/** The rows of `rows` gathered into new columns, machines in `order`; null when a row's machine is not in it. */
function gatherTable(
  rows: ExamRows,
  order: readonly Pick<Equipment, 'equipmentId'>[],
): ExamTable | null {
  const t = rows.table;
  const target = new Map(order.map((m, i) => [m.equipmentId, i]));
  const count = new Uint32Array(order.length + 1);
  for (let i = 0; i < rows.length; i++) {
    const to = target.get(machineIdOf(rows, rowAt(rows, i)));
    if (to === undefined) return null;
    count[to + 1] = (count[to + 1] as number) + 1;
  }
  const machineStart = new Uint32Array(order.length + 1);
  for (let m = 0; m < order.length; m++)
    machineStart[m + 1] = (machineStart[m] as number) + (count[m + 1] as number);
  // Rows keep their table order within a machine (roomIn, roomOut, id), as the contract orders.
  const next = machineStart.slice(0, order.length);
  const from = new Uint32Array(rows.length);
  const machine = new Uint32Array(rows.length);
  for (let i = 0; i < rows.length; i++) {
    const r = rowAt(rows, i);
    const m = target.get(machineIdOf(rows, r)) as number;
    const at = next[m] as number;
    next[m] = at + 1;
    from[at] = r;
    machine[at] = m;
  }
  const pick = <A extends Float64Array | Uint32Array | Uint8Array>(col: A): A => {
    const out = new (col.constructor as new (n: number) => A)(rows.length);
    for (let i = 0; i < rows.length; i++) out[i] = col[from[i] as number] as number;
    return out;
  };
  const strings = (col: StringColumn): StringColumn => {
    let size = 0;
    for (let i = 0; i < rows.length; i++)
      size +=
        (col.offsets[(from[i] as number) + 1] as number) -
        (col.offsets[from[i] as number] as number);
    const bytes = new Uint8Array(size);
    const offsets = new Uint32Array(rows.length + 1);
    const absent = col.absent === null ? null : new Uint8Array(rows.length);
    let at = 0;
    for (let i = 0; i < rows.length; i++) {
      const r = from[i] as number;
      const a = col.offsets[r] as number;
      const b = col.offsets[r + 1] as number;
      bytes.set(col.bytes.subarray(a, b), at);
      at += b - a;
      offsets[i + 1] = at;
      if (absent !== null) absent[i] = (col.absent as Uint8Array)[r] as number;
    }
    return { bytes, offsets, absent };
  };
  return {
    length: rows.length,
    machine,
    machineStart,
    examId: strings(t.examId),
    category: pick(t.category),
    roomIn: pick(t.roomIn),
    roomOut: pick(t.roomOut),
    rowIcr: pick(t.rowIcr),
    acts: pick(t.acts),
    actLists: t.actLists,
    reportAt: pick(t.reportAt),
    requestedAt: pick(t.requestedAt),
    scheduledMinutes: pick(t.scheduledMinutes),
    ageBand: pick(t.ageBand),
    patientKey: t.patientKey === null ? null : strings(t.patientKey),
    fileOrder: new Uint32Array(0),
  };
}

/** `-0` is read back as `0` from a timestamp. */
const instant = (ms: number): number => ms + 0;
const maybeInstant = (ms: number | null | undefined): number | null =>
  ms === null || ms === undefined ? null : ms + 0;

/**
 * `kit` (each record unique by its key, as the import de-duplicates it) as `readKit` would return
 * it once stored, or null when some value would not read back identical (a date not written
 * `YYYY-MM-DD`, an instant with sub-millisecond digits, a non-finite number, a lone surrogate):
 * the caller then reads the stored campaign back.
 *
 * @example
 * const stored = storedKitOf(kit) ?? (await readKit(tx, kit.campaign.id));
 */
export function storedKitOf(kit: Kit, examRows?: ExamRows): Kit | null {
  const check = new Checker();
  const c = kit.campaign;
  for (const [value, what] of [
    [c.id, 'campaign id'],
    [c.name, 'campaign name'],
    [c.timeZone, 'campaign time zone'],
  ] as const)
    check.text(value, what);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(c.start)) check.problem ??= 'campaign start is not YYYY-MM-DD';
  check.integer(c.days, 'campaign days');
  const campaign: Campaign = {
    id: c.id,
    name: c.name,
    start: c.start,
    days: c.days,
    timeZone: c.timeZone,
  };

  const establishments = kit.establishments.map((e): Establishment => {
    check.text(e.finess, 'finess');
    check.text(e.name, 'establishment name');
    check.text(e.region, 'region');
    check.text(e.department, 'department');
    return {
      finess: e.finess,
      name: e.name,
      legalStatus: e.legalStatus,
      region: e.region,
      department: e.department ?? null,
    };
  });
  const equipment = kit.equipment.map((m): Equipment => {
    check.text(m.equipmentId, 'equipment id');
    check.text(m.finess, 'finess');
    check.text(m.label, 'equipment label');
    check.integer(m.installedYear, 'installed year');
    const stored: Equipment = {
      equipmentId: m.equipmentId,
      finess: m.finess,
      modality: m.modality,
      label: m.label ?? null,
      installedYear: m.installedYear ?? null,
      role: m.role,
    };
    if (m.previousId !== undefined) {
      check.text(m.previousId, 'previous equipment id');
      stored.previousId = m.previousId;
    }
    return stored;
  });
  const sessions = kit.sessions.map((s): Session => {
    check.text(s.equipmentId, 'equipment id');
    check.instant(s.start, 'session start');
    check.instant(s.end, 'session end');
    return {
      equipmentId: s.equipmentId,
      start: instant(s.start),
      end: instant(s.end),
      type: s.type,
    };
  });
  const exams = (examRows === undefined ? kit.exams : []).map((x): Exam => {
    check.text(x.equipmentId, 'equipment id');
    check.text(x.examId, 'exam id');
    for (const code of x.acts) check.text(code, 'act code');
    check.instant(x.roomIn, 'room_in');
    check.instant(x.roomOut, 'room_out');
    check.instant(x.reportValidatedAt, 'report_validated_at');
    check.instant(x.requestedAt, 'requested_at');
    check.float(x.icr, 'icr');
    check.float(x.scheduledMinutes, 'scheduled_minutes');
    check.text(x.patientKey, 'patient key');
    return {
      examId: x.examId,
      equipmentId: x.equipmentId,
      category: x.category,
      roomIn: instant(x.roomIn),
      roomOut: instant(x.roomOut),
      acts: [...x.acts],
      icr: x.icr ?? null,
      reportValidatedAt: maybeInstant(x.reportValidatedAt),
      requestedAt: maybeInstant(x.requestedAt),
      scheduledMinutes: x.scheduledMinutes ?? null,
      ageBand: x.ageBand ?? null,
      ...(x.patientKey == null ? {} : { patientKey: x.patientKey }),
    };
  });
  const acts = kit.acts.map((a): Act => {
    check.text(a.code, 'act code');
    check.text(a.label, 'act label');
    check.float(a.icr, 'act icr');
    return a.family == null
      ? { code: a.code, label: a.label, icr: a.icr }
      : { code: a.code, label: a.label, icr: a.icr, family: a.family };
  });
  const survey = kit.survey.map((a): SurveyAnswer => {
    check.text(a.finess, 'finess');
    check.float(a.days, 'survey days');
    return {
      finess: a.finess,
      modality: a.modality,
      case: a.case,
      patient: a.patient,
      days: a.days,
    };
  });
  const register = (kit.register ?? []).map((m): RegisterMachine => {
    check.text(m.finess, 'register finess');
    check.text(m.department, 'register department');
    check.text(m.authorisationId, 'register authorisation id');
    check.text(m.equipmentId, 'register equipment id');
    check.integer(m.installedYear, 'register installed year');
    check.float(m.fieldTesla, 'register field strength');
    for (const [date, what] of [
      [m.authorisedOn, 'authorised_on'],
      [m.inServiceOn, 'in_service_on'],
    ] as const)
      if (date !== null && !/^\d{4}-\d{2}-\d{2}$/.test(date))
        check.problem ??= `register ${what} is not YYYY-MM-DD`;
    return { ...m };
  });
  const slots = (kit.slots ?? []).map((s): Slot => {
    check.text(s.equipmentId, 'slot equipment id');
    check.instant(s.start, 'slot start');
    check.instant(s.end, 'slot end');
    check.instant(s.observedAt, 'slot observed_at');
    return {
      equipmentId: s.equipmentId,
      start: instant(s.start),
      end: instant(s.end),
      status: s.status,
      observedAt: instant(s.observedAt),
    };
  });
  const costRows = (kit.costs?.rows ?? []).map((r): CostRow => {
    check.text(r.equipmentId, 'cost equipment id');
    for (const v of [
      r.purchasePrice,
      r.amortisationYears,
      r.maintenance,
      r.staff,
      r.consumablesPerExam,
      r.overhead,
    ])
      check.float(v, 'cost');
    return { ...r };
  });
  // Enumerated fields need no check: a value the schema's checks accept is plain ASCII.
  if (check.problem !== null) return null;
  // The exams given as table rows: as a table in the stored order when it can be reused, else
  // as records (the road of a kit built in memory).
  let table: ExamTable | null = null;
  if (examRows !== undefined) {
    if (tableProblem(examRows.table) !== null) return null;
    const order = [...equipment].sort((a, b) => compareCodePoints(a.equipmentId, b.equipmentId));
    table = storedExamTable(examRows, order);
    if (table === null) return storedKitOf({ ...kit, exams: rowRecords(examRows) });
  }

  const cmp = compareCodePoints;
  establishments.sort((a, b) => cmp(a.finess, b.finess));
  equipment.sort((a, b) => cmp(a.equipmentId, b.equipmentId));
  sessions.sort(
    (a, b) =>
      cmp(a.equipmentId, b.equipmentId) ||
      a.start - b.start ||
      a.end - b.end ||
      cmp(a.type, b.type),
  );
  exams.sort(
    (a, b) => cmp(a.equipmentId, b.equipmentId) || a.roomIn - b.roomIn || cmp(a.examId, b.examId),
  );
  acts.sort((a, b) => cmp(a.code, b.code));
  costRows.sort((a, b) => cmp(a.equipmentId, b.equipmentId));
  survey.sort(
    (a, b) =>
      cmp(a.finess, b.finess) ||
      cmp(a.modality, b.modality) ||
      cmp(a.case, b.case) ||
      cmp(a.patient, b.patient),
  );
  // The register and the slots keep their file's order (row_no); empty ones (and an empty cost
  // set) are not stored, so read back absent.
  const stored = {
    campaign,
    establishments,
    equipment,
    sessions,
    exams,
    acts,
    survey,
    ...(register.length > 0 ? { register } : {}),
    ...(slots.length > 0 ? { slots } : {}),
    ...(kit.costs !== undefined && costRows.length > 0
      ? { costs: { origin: kit.costs.origin, rows: costRows } }
      : {}),
  };
  if (table === null) return stored;
  const { exams: _none, ...rest } = stored;
  return attachExamTable(rest, table);
}
