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
  // File order among the kept rows: rank of each kept row's file position.
  const byFile = kept.map((k, row) => ({ file: k.file, row })).sort((a, b) => a.file - b.file);
  const writer = new ExamTableWriter(kept.length, equipment.length);
  kept.forEach(({ exam, machine }, row) => writer.write(row, machine, exam));
  return writer.table(new Uint32Array(byFile.map((b) => b.row)));
}

/** UTF-8 strings set row by row into a growing buffer: a `StringColumn` once done. */
class StringColumnBuilder {
  #bytes = new Uint8Array(1 << 16);
  #size = 0;
  readonly #offsets: Uint32Array;
  #absent: Uint8Array | null = null;
  #any = false;

  constructor(readonly length: number) {
    this.#offsets = new Uint32Array(length + 1);
  }

  /** True once a value that is not null was set. */
  get any(): boolean {
    return this.#any;
  }

  /** Sets string `i` (in row order: `i` is the next row). */
  set(i: number, value: string | null | undefined): void {
    if (value === null || value === undefined) {
      this.#absent ??= new Uint8Array(this.length);
      this.#absent[i] = 1;
    } else {
      this.#any = true;
      if (this.#size + value.length * 3 > this.#bytes.length) {
        const grown = new Uint8Array(
          Math.max(this.#bytes.length * 2, this.#size + value.length * 3),
        );
        grown.set(this.#bytes.subarray(0, this.#size));
        this.#bytes = grown;
      }
      this.#size += encoder.encodeInto(value, this.#bytes.subarray(this.#size)).written;
    }
    this.#offsets[i + 1] = this.#size;
  }

  done(): StringColumn {
    return {
      bytes: this.#bytes.slice(0, this.#size),
      offsets: this.#offsets,
      absent: this.#absent,
    };
  }
}

/**
 * Writes an ExamTable from records given row by row in the table's order (by machine, then
 * roomIn, roomOut, exam id): the typed columns, the act lists interned, the string columns.
 * `buildExamTable` and the store's `readExamTable` both write through it.
 */
export class ExamTableWriter {
  readonly #n: number;
  readonly #machines: number;
  readonly #machine: Uint32Array;
  readonly #category: Uint8Array;
  readonly #roomIn: Float64Array;
  readonly #roomOut: Float64Array;
  readonly #rowIcr: Float64Array;
  readonly #acts: Uint32Array;
  readonly #reportAt: Float64Array;
  readonly #requestedAt: Float64Array;
  readonly #scheduledMinutes: Float64Array;
  readonly #ageBand: Uint8Array;
  readonly #examId: StringColumnBuilder;
  readonly #patientKey: StringColumnBuilder;
  readonly #actLists: (readonly string[])[] = [Object.freeze([])];
  readonly #listIndex = new Map<string, number>([['', 0]]);

  /** A table of `length` rows over `machines` machines. */
  constructor(length: number, machines: number) {
    this.#n = length;
    this.#machines = machines;
    this.#machine = new Uint32Array(length);
    this.#category = new Uint8Array(length);
    this.#roomIn = new Float64Array(length);
    this.#roomOut = new Float64Array(length);
    this.#rowIcr = new Float64Array(length);
    this.#acts = new Uint32Array(length);
    this.#reportAt = new Float64Array(length);
    this.#requestedAt = new Float64Array(length);
    this.#scheduledMinutes = new Float64Array(length);
    this.#ageBand = new Uint8Array(length);
    this.#examId = new StringColumnBuilder(length);
    this.#patientKey = new StringColumnBuilder(length);
  }

  /** Row `row` (the next one) is `exam`, of machine index `machine`. */
  write(row: number, machine: number, exam: Omit<Exam, 'equipmentId'>): void {
    this.#machine[row] = machine;
    this.#examId.set(row, exam.examId);
    this.#category[row] = CATEGORY_OF.get(exam.category) ?? 0;
    this.#roomIn[row] = exam.roomIn;
    this.#roomOut[row] = exam.roomOut;
    this.#rowIcr[row] = nullToNaN(exam.icr);
    const key = exam.acts.join('\u0000');
    let list = this.#listIndex.get(key);
    if (list === undefined) {
      list = this.#actLists.length;
      this.#listIndex.set(key, list);
      this.#actLists.push(Object.freeze([...exam.acts]));
    }
    this.#acts[row] = list;
    this.#reportAt[row] = nullToNaN(exam.reportValidatedAt);
    this.#requestedAt[row] = nullToNaN(exam.requestedAt);
    this.#scheduledMinutes[row] = nullToNaN(exam.scheduledMinutes);
    this.#ageBand[row] =
      exam.ageBand === null ? NO_AGE_BAND : (AGE_OF.get(exam.ageBand) ?? NO_AGE_BAND);
    this.#patientKey.set(row, exam.patientKey);
  }

  /** The table, every row written; `fileOrder[k]` is the table row of the k-th record read. */
  table(fileOrder: Uint32Array): ExamTable {
    const machineStart = new Uint32Array(this.#machines + 1);
    for (let i = 0; i < this.#n; i++) {
      const m = this.#machine[i] as number;
      machineStart[m + 1] = (machineStart[m + 1] as number) + 1;
    }
    for (let m = 0; m < this.#machines; m++)
      machineStart[m + 1] = (machineStart[m + 1] as number) + (machineStart[m] as number);
    return {
      length: this.#n,
      machine: this.#machine,
      machineStart,
      examId: this.#examId.done(),
      category: this.#category,
      roomIn: this.#roomIn,
      roomOut: this.#roomOut,
      rowIcr: this.#rowIcr,
      acts: this.#acts,
      actLists: this.#actLists,
      reportAt: this.#reportAt,
      requestedAt: this.#requestedAt,
      scheduledMinutes: this.#scheduledMinutes,
      ageBand: this.#ageBand,
      patientKey: this.#patientKey.any ? this.#patientKey.done() : null,
      fileOrder,
    };
  }
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
