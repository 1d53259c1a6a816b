/**
 * The exams of a campaign as columns, not objects: one typed array per field, rows grouped by
 * machine (in `kit.equipment` order) and sorted within a machine by `roomIn`, `roomOut`, then exam
 * id, so one machine's columns are zero-copy `subarray` views. The kit reader builds it straight
 * from the file's bytes (no object per row); `Kit.exams` of such a kit is materialised only when
 * some consumer reads it. Kits built otherwise (sources, generator, tests) get theirs from
 * `examTableOf`, so the indicators have one code path.
 */
import {
  AGE_BANDS,
  CATEGORIES,
  type AgeBand,
  type Category,
  type Equipment,
  type Exam,
  type Kit,
} from './kit-types.ts';

/** `ageBand` of a row whose band is unknown (blank cell). */
export const NO_AGE_BAND = 255;

/**
 * A column of strings kept as UTF-8 bytes: string `i` is `bytes[offsets[i] .. offsets[i + 1])`,
 * so millions of ids cost their bytes and one offset each, not a JavaScript string each. A row
 * whose value is absent (`null`) has `absent[i] === 1` (and an empty range).
 */
export interface StringColumn {
  readonly bytes: Uint8Array;
  /** `length + 1` offsets into `bytes`. */
  readonly offsets: Uint32Array;
  /** 1 where the value is `null`; null when no row is absent. */
  readonly absent: Uint8Array | null;
}

/**
 * Every exam of a kit as columns (see the module header for the order). Unknown numbers are NaN;
 * `category` and `ageBand` index `CATEGORIES` and `AGE_BANDS` (`NO_AGE_BAND` when unknown).
 */
export interface ExamTable {
  readonly length: number;
  /** Machine of each row: index into `kit.equipment` (non-decreasing). */
  readonly machine: Uint32Array;
  /** Rows of machine `m` are `[machineStart[m], machineStart[m + 1])`; `equipment.length + 1` entries. */
  readonly machineStart: Uint32Array;
  readonly examId: StringColumn;
  readonly category: Uint8Array;
  readonly roomIn: Float64Array;
  readonly roomOut: Float64Array;
  /** The `icr` cell (NaN when blank: the exam is valued from its acts). */
  readonly rowIcr: Float64Array;
  /** Index into `actLists` of each row's acts (0: no act). */
  readonly acts: Uint32Array;
  /** The distinct act lists, `actLists[0]` empty; each list frozen and shared by its rows. */
  readonly actLists: readonly (readonly string[])[];
  readonly reportAt: Float64Array;
  readonly requestedAt: Float64Array;
  readonly scheduledMinutes: Float64Array;
  readonly ageBand: Uint8Array;
  /** The `patient_key` column; null when the file has no such column. */
  readonly patientKey: StringColumn | null;
  /**
   * Row order of the file: `fileOrder[k]` is the table row of the file's k-th exam, so `Kit.exams`
   * materialises in the order it was read.
   */
  readonly fileOrder: Uint32Array;
}

const decoder = new TextDecoder();
const encoder = new TextEncoder();

/** String `i` of a column, or null when absent. */
export function stringAt(column: StringColumn, i: number): string | null {
  if (column.absent !== null && column.absent[i] === 1) return null;
  const from = column.offsets[i] as number;
  const to = column.offsets[i + 1] as number;
  const bytes = column.bytes;
  // Ids are nearly always ASCII: build the string from char codes, the decoder for the rest.
  let ascii = true;
  for (let k = from; k < to; k++) if ((bytes[k] as number) >= 0x80) ascii = false;
  if (!ascii) return decoder.decode(bytes.subarray(from, to));
  if (to - from <= 64)
    return String.fromCharCode.apply(null, bytes.subarray(from, to) as unknown as number[]);
  return decoder.decode(bytes.subarray(from, to));
}

/** A StringColumn of `values` (null: absent). */
export function stringColumnOf(values: readonly (string | null | undefined)[]): StringColumn {
  const parts: Uint8Array[] = [];
  const offsets = new Uint32Array(values.length + 1);
  let absent: Uint8Array | null = null;
  let size = 0;
  values.forEach((v, i) => {
    if (v === null || v === undefined) {
      absent ??= new Uint8Array(values.length);
      absent[i] = 1;
    } else {
      const b = encoder.encode(v);
      parts.push(b);
      size += b.length;
    }
    offsets[i + 1] = size;
  });
  const bytes = new Uint8Array(size);
  let at = 0;
  for (const p of parts) {
    bytes.set(p, at);
    at += p.length;
  }
  return { bytes, offsets, absent };
}

/** Exam ids compared as JavaScript compares strings (UTF-16 code units), for the row order. */
export function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

const CATEGORY_OF = new Map<Category, number>(CATEGORIES.map((c, i) => [c, i]));
const AGE_OF = new Map<AgeBand, number>(AGE_BANDS.map((a, i) => [a, i]));
const nullToNaN = (v: number | null | undefined): number =>
  v === null || v === undefined ? NaN : v;

/**
 * The table of a list of exams (exams of machines absent from `equipment` are left out, as the
 * indicators ignore them). Used for kits that were not read from files.
 */
export function buildExamTable(
  exams: readonly Exam[],
  equipment: readonly Pick<Equipment, 'equipmentId'>[],
): ExamTable {
  const machineOf = new Map(equipment.map((e, i) => [e.equipmentId, i]));
  const kept: { exam: Exam; machine: number; file: number }[] = [];
  exams.forEach((exam, file) => {
    const machine = machineOf.get(exam.equipmentId);
    if (machine !== undefined) kept.push({ exam, machine, file });
  });
  kept.sort(
    (x, y) =>
      x.machine - y.machine ||
      x.exam.roomIn - y.exam.roomIn ||
      x.exam.roomOut - y.exam.roomOut ||
      compareIds(x.exam.examId, y.exam.examId) ||
      x.file - y.file,
  );
  const n = kept.length;
  const machine = new Uint32Array(n);
  const machineStart = new Uint32Array(equipment.length + 1);
  const category = new Uint8Array(n);
  const roomIn = new Float64Array(n);
  const roomOut = new Float64Array(n);
  const rowIcr = new Float64Array(n);
  const acts = new Uint32Array(n);
  const reportAt = new Float64Array(n);
  const requestedAt = new Float64Array(n);
  const scheduledMinutes = new Float64Array(n);
  const ageBand = new Uint8Array(n);
  const actLists: (readonly string[])[] = [Object.freeze([])];
  const listIndex = new Map<string, number>([['', 0]]);
  let anyKey = false;
  // File order among the kept rows: rank of each kept row's file position.
  const byFile = kept.map((k, row) => ({ file: k.file, row })).sort((a, b) => a.file - b.file);
  const fileOrder = new Uint32Array(byFile.map((b) => b.row));
  kept.forEach(({ exam, machine: m }, i) => {
    machine[i] = m;
    machineStart[m + 1] = (machineStart[m + 1] as number) + 1;
    category[i] = CATEGORY_OF.get(exam.category) ?? 0;
    roomIn[i] = exam.roomIn;
    roomOut[i] = exam.roomOut;
    rowIcr[i] = nullToNaN(exam.icr);
    const key = exam.acts.join('\u0000');
    let list = listIndex.get(key);
    if (list === undefined) {
      list = actLists.length;
      listIndex.set(key, list);
      actLists.push(Object.freeze([...exam.acts]));
    }
    acts[i] = list;
    reportAt[i] = nullToNaN(exam.reportValidatedAt);
    requestedAt[i] = nullToNaN(exam.requestedAt);
    scheduledMinutes[i] = nullToNaN(exam.scheduledMinutes);
    ageBand[i] = exam.ageBand === null ? NO_AGE_BAND : (AGE_OF.get(exam.ageBand) ?? NO_AGE_BAND);
    if (exam.patientKey !== undefined && exam.patientKey !== null) anyKey = true;
  });
  for (let m = 0; m < equipment.length; m++)
    machineStart[m + 1] = (machineStart[m + 1] as number) + (machineStart[m] as number);
  return {
    length: n,
    machine,
    machineStart,
    examId: stringColumnOf(kept.map((k) => k.exam.examId)),
    category,
    roomIn,
    roomOut,
    rowIcr,
    acts,
    actLists,
    reportAt,
    requestedAt,
    scheduledMinutes,
    ageBand,
    patientKey: anyKey ? stringColumnOf(kept.map((k) => k.exam.patientKey ?? null)) : null,
    fileOrder,
  };
}

/** Exam `row` of the table as a kit record (`equipment` gives the machine ids). */
export function examAt(
  table: ExamTable,
  row: number,
  equipment: readonly Pick<Equipment, 'equipmentId'>[],
): Exam {
  const num = (v: number): number | null => (v !== v ? null : v);
  const band = table.ageBand[row] as number;
  const exam: Exam = {
    examId: stringAt(table.examId, row) as string,
    equipmentId: (equipment[table.machine[row] as number] as Pick<Equipment, 'equipmentId'>)
      .equipmentId,
    category: CATEGORIES[table.category[row] as number] as Category,
    roomIn: table.roomIn[row] as number,
    roomOut: table.roomOut[row] as number,
    acts: table.actLists[table.acts[row] as number] as string[],
    icr: num(table.rowIcr[row] as number),
    reportValidatedAt: num(table.reportAt[row] as number),
    requestedAt: num(table.requestedAt[row] as number),
    scheduledMinutes: num(table.scheduledMinutes[row] as number),
    ageBand: band === NO_AGE_BAND ? null : (AGE_BANDS[band] as AgeBand),
  };
  if (table.patientKey !== null) {
    const key = stringAt(table.patientKey, row);
    if (key !== null) exam.patientKey = key;
  }
  return exam;
}

/** Every exam of the table as kit records, in file order (a frozen array). */
export function materializeExams(
  table: ExamTable,
  equipment: readonly Pick<Equipment, 'equipmentId'>[],
): Exam[] {
  const out = new Array<Exam>(table.length);
  for (let k = 0; k < table.length; k++)
    out[k] = examAt(table, table.fileOrder[k] as number, equipment);
  return Object.freeze(out) as Exam[];
}

/** Where a kit read from files keeps its table: not enumerable, so `{ ...kit }` leaves it behind. */
const TABLE = Symbol('plateau.examTable');

type WithTable = Kit & { [TABLE]?: ExamTable };

/**
 * Attaches `table` to `kit` as its exams: `kit.exams` becomes a property that materialises the
 * records (frozen) on first read; assigning `kit.exams` replaces them and drops the table. A copy
 * of the kit (`{ ...kit }`) carries the materialised records, not the table.
 */
export function attachExamTable<K extends Omit<Kit, 'exams'>>(
  kit: K,
  table: ExamTable,
): K & Pick<Kit, 'exams'> {
  const target = kit as unknown as WithTable;
  let records: Exam[] | null = null;
  Object.defineProperty(target, TABLE, {
    value: table,
    enumerable: false,
    configurable: true,
    writable: false,
  });
  Object.defineProperty(target, 'exams', {
    enumerable: true,
    configurable: true,
    get(): Exam[] {
      records ??= materializeExams(table, target.equipment);
      return records;
    },
    set(value: Exam[]) {
      Reflect.deleteProperty(target, TABLE);
      Object.defineProperty(target, 'exams', {
        value,
        enumerable: true,
        configurable: true,
        writable: true,
      });
    },
  });
  return kit as K & Pick<Kit, 'exams'>;
}

/** The table a kit reader attached to `kit`, if any (no materialisation). */
export function attachedExamTable(kit: Kit): ExamTable | null {
  return (kit as WithTable)[TABLE] ?? null;
}

/** The exams of a kit as a table: the reader's own when attached, else built from `kit.exams`. */
export function examTableOf(kit: Pick<Kit, 'exams' | 'equipment'>): ExamTable {
  return attachedExamTable(kit as Kit) ?? buildExamTable(kit.exams, kit.equipment);
}

/** Number of exams of a kit without materialising them. */
export function examCount(kit: Kit): number {
  return attachedExamTable(kit)?.length ?? kit.exams.length;
}
