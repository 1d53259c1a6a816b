/**
 * The exam rows of exams.csv as they are read, each column growing in place on shared memory
 * (shared-growable.ts), then the kit's ExamTable: when the file came grouped by machine and
 * sorted, the columns as written are the table (no copy); otherwise rows are grouped with a
 * counting sort and sorted within a machine. Shared memory lets indicator workers read them.
 */
import {
  compareIds,
  NO_AGE_BAND,
  type ExamTable,
  type StringColumn,
} from '../../core/exam-table.ts';
import { ACT_SEPARATOR } from './kit-files.ts';
import { ByteStore } from './byte-store.ts';
import { SharedGrowable } from './shared-growable.ts';

/** Bytes of the usual patient key (32 hex digits), to size the keys' store. */
const KEY_BYTES = 32;

/** `keys` entry of a row without a patient key. */
export const NO_KEY = 0xffffffff;
const EMPTY: readonly string[] = Object.freeze([]);

/** The distinct `acts` cells of a file as frozen lists; index 0 is the empty list. */
export class ActLists {
  readonly lists: (readonly string[])[] = [EMPTY];
  readonly #byText = new Map<string, number>([['', 0]]);
  readonly #byContent = new Map<string, number>([['', 0]]);
  /** ASCII cells seen by `ofAscii`: their bytes and list index. */
  readonly #seen = new ByteStore();
  readonly #seenIndex: number[] = [];
  /** Open addressing over the seen cells: entry + 1 (0: free) and the cell's hash, per slot. */
  #slots = new Int32Array(1024);
  #slotHash = new Int32Array(1024);

  /** Index of the list of an `acts` cell (trimmed codes, empty ones dropped). */
  ofText(text: string): number {
    let index = this.#byText.get(text);
    if (index === undefined) {
      const codes = text
        .split(ACT_SEPARATOR)
        .map((code) => code.trim())
        .filter((code) => code.length > 0);
      const content = codes.join('\u0000');
      index = this.#byContent.get(content);
      if (index === undefined) {
        index = this.lists.length;
        this.lists.push(Object.freeze(codes));
        this.#byContent.set(content, index);
      }
      this.#byText.set(text, index);
    }
    return index;
  }

  /** `ofText` of the ASCII cell `bytes[from, to)`, found by its bytes (no string once seen). */
  ofAscii(bytes: Uint8Array, from: number, to: number): number {
    let h = 0x811c9dc5;
    for (let i = from; i < to; i++) h = Math.imul(h ^ (bytes[i] as number), 0x01000193);
    const seen = this.#seen;
    const slots = this.#slots;
    const mask = slots.length - 1;
    let s = h & mask;
    for (let e = slots[s] as number; e !== 0; e = slots[s] as number) {
      if (this.#slotHash[s] === h && seen.equals(e - 1, bytes, from, to))
        return this.#seenIndex[e - 1] as number;
      s = (s + 1) & mask;
    }
    const index = this.ofText(
      String.fromCharCode.apply(null, bytes.subarray(from, to) as unknown as number[]),
    );
    const entry = seen.add(bytes, from, to);
    this.#seenIndex.push(index);
    slots[s] = entry + 1;
    this.#slotHash[s] = h;
    if (2 * seen.count > slots.length) this.#grow();
    return index;
  }

  /** Twice the slots, each seen cell placed again by its hash. */
  #grow(): void {
    const oldSlots = this.#slots;
    const oldHash = this.#slotHash;
    const slots = (this.#slots = new Int32Array(2 * oldSlots.length));
    const hashes = (this.#slotHash = new Int32Array(slots.length));
    const mask = slots.length - 1;
    for (let k = 0; k < oldSlots.length; k++) {
      const e = oldSlots[k] as number;
      if (e === 0) continue;
      const h = oldHash[k] as number;
      let s = h & mask;
      while (slots[s] !== 0) s = (s + 1) & mask;
      slots[s] = e;
      hashes[s] = h;
    }
  }
}

/** The exam rows kept so far, in file order, each column growing in place on shared memory. */
export class ExamColumns {
  length = 0;
  readonly acts = new ActLists();
  /** Patient keys (null: the file has no `patient_key` column). */
  readonly keys: ByteStore | null;
  readonly #machine = new SharedGrowable(Uint32Array);
  readonly #id = new SharedGrowable(Uint32Array);
  readonly #acts = new SharedGrowable(Uint32Array);
  readonly #key = new SharedGrowable(Uint32Array);
  readonly #roomIn = new SharedGrowable(Float64Array);
  readonly #roomOut = new SharedGrowable(Float64Array);
  readonly #icr = new SharedGrowable(Float64Array);
  readonly #report = new SharedGrowable(Float64Array);
  readonly #requested = new SharedGrowable(Float64Array);
  readonly #scheduled = new SharedGrowable(Float64Array);
  readonly #category = new SharedGrowable(Uint8Array);
  readonly #age = new SharedGrowable(Uint8Array);
  #capacity = 0;

  // The current view of each column.
  #cMachine: Uint32Array = new Uint32Array(0);
  #cId: Uint32Array = new Uint32Array(0);
  #cActs: Uint32Array = new Uint32Array(0);
  #cKey: Uint32Array = new Uint32Array(0);
  #cIn: Float64Array = new Float64Array(0);
  #cOut: Float64Array = new Float64Array(0);
  #cIcr: Float64Array = new Float64Array(0);
  #cReport: Float64Array = new Float64Array(0);
  #cRequest: Float64Array = new Float64Array(0);
  #cScheduled: Float64Array = new Float64Array(0);
  #cCategory: Uint8Array = new Uint8Array(0);
  #cAge: Uint8Array = new Uint8Array(0);
  /**
   * Whether every row so far has the id entry (and key entry) equal to its row number, the usual
   * case (each row registers its own id and key, in order): the column is then not written (7 MB
   * less memory touched per million rows), until the first row where it differs fills it in.
   */
  #idsInStep = true;
  #keysInStep = true;

  constructor(withKeys: boolean) {
    this.keys = withKeys ? new ByteStore() : null;
  }

  /** Sizes every column for about `rows` rows (a hint: more may come; unwritten rows cost nothing). */
  expect(rows: number): void {
    this.#resize(rows, true);
    this.keys?.expect(rows, rows * KEY_BYTES);
  }

  /** Appends one row. */
  append(
    machine: number,
    id: number,
    category: number,
    roomIn: number,
    roomOut: number,
    icr: number,
    acts: number,
    reportAt: number,
    requestedAt: number,
    scheduledMinutes: number,
    ageBand: number,
    key: number,
  ): void {
    const at = this.length;
    if (at === this.#capacity) this.#resize(at + 1);
    this.#cMachine[at] = machine;
    if (id !== at || !this.#idsInStep) {
      if (this.#idsInStep) {
        numberRows(this.#cId, at);
        this.#idsInStep = false;
      }
      this.#cId[at] = id;
    }
    this.#cActs[at] = acts;
    // No key column when no key is kept.
    if (this.keys !== null && (key !== at || !this.#keysInStep)) {
      if (this.#keysInStep) {
        numberRows(this.#cKey, at);
        this.#keysInStep = false;
      }
      this.#cKey[at] = key;
    }
    this.#cIn[at] = roomIn;
    this.#cOut[at] = roomOut;
    this.#cIcr[at] = icr;
    this.#cReport[at] = reportAt;
    this.#cRequest[at] = requestedAt;
    this.#cScheduled[at] = scheduledMinutes;
    this.#cCategory[at] = category;
    this.#cAge[at] = ageBand;
    this.length = at + 1;
  }

  /** Room for `n` rows in every column: grown (`reserve`) or sized at once (`expect`). */
  #resize(n: number, exact = false): void {
    const size = <T extends Float64Array | Uint32Array | Uint8Array>(g: SharedGrowable<T>): T =>
      exact ? g.expect(n) : g.reserve(n);
    this.#cMachine = size(this.#machine);
    this.#cId = size(this.#id);
    this.#cActs = size(this.#acts);
    if (this.keys !== null) this.#cKey = size(this.#key);
    this.#cIn = size(this.#roomIn);
    this.#cOut = size(this.#roomOut);
    this.#cIcr = size(this.#icr);
    this.#cReport = size(this.#report);
    this.#cRequest = size(this.#requested);
    this.#cScheduled = size(this.#scheduled);
    this.#cCategory = size(this.#category);
    this.#cAge = size(this.#age);
    this.#capacity = this.#cMachine.length;
  }

  /**
   * The table of the rows (`machines`: number of machines of equipment.csv; `ids`: the store the
   * rows' id entries point into). When exams.csv came grouped by machine and sorted (exports and
   * the generator write it so), the columns written while reading ARE the table's: no copy.
   */
  toTable(machines: number, ids: ByteStore): ExamTable {
    const n = this.length;
    const machineOf = this.#machine.take(n);
    const idOf = entryOf(this.#idsInStep ? null : this.#id.take(n));
    // Counting sort by machine (stable: file order within a machine).
    const machineStart = new Uint32Array(new SharedArrayBuffer(4 * (machines + 1)));
    for (let r = 0; r < n; r++) {
      const m = machineOf[r] as number;
      if (m >= machines) throw new Error(`exam row ${r} has machine ${m} of ${machines}`);
      machineStart[m + 1] = (machineStart[m + 1] as number) + 1;
    }
    for (let m = 0; m < machines; m++)
      machineStart[m + 1] = (machineStart[m + 1] as number) + (machineStart[m] as number);
    const roomIn = this.#roomIn.take(n);
    const roomOut = this.#roomOut.take(n);
    const idText = (r: number): string => decodeEntry(ids, idOf(r));
    const compareRows = (a: number, b: number): number =>
      (roomIn[a] as number) - (roomIn[b] as number) ||
      (roomOut[a] as number) - (roomOut[b] as number) ||
      compareIds(idText(a), idText(b)) ||
      a - b;
    // Already grouped and sorted? Then the table is the columns as written.
    let identity = true;
    for (let r = 1; r < n && identity; r++) {
      const m = machineOf[r - 1] as number;
      const next = machineOf[r] as number;
      identity = m < next || (m === next && compareRows(r - 1, r) < 0);
    }
    const fileOrder = new Uint32Array(new SharedArrayBuffer(4 * n));
    let order: Uint32Array | null = null; // table row → file row, when not the identity
    if (identity) for (let t = 0; t < n; t++) fileOrder[t] = t;
    else {
      order = new Uint32Array(n);
      const next = machineStart.slice(0, machines);
      for (let r = 0; r < n; r++) {
        const m = machineOf[r] as number;
        order[next[m] as number] = r;
        next[m] = (next[m] as number) + 1;
      }
      for (let m = 0; m < machines; m++) {
        const from = machineStart[m] as number;
        const to = machineStart[m + 1] as number;
        let sorted = true;
        for (let i = from + 1; i < to && sorted; i++)
          sorted = compareRows(order[i - 1] as number, order[i] as number) < 0;
        if (!sorted) order.subarray(from, to).sort(compareRows);
      }
      for (let t = 0; t < n; t++) fileOrder[order[t] as number] = t;
    }
    const permuted = <T extends Float64Array | Uint32Array | Uint8Array>(
      column: T,
      make: (buffer: SharedArrayBuffer) => T,
    ): T => {
      if (order === null) return column;
      const out = make(new SharedArrayBuffer(column.BYTES_PER_ELEMENT * n));
      for (let t = 0; t < n; t++) out[t] = column[order[t] as number] as number;
      return out;
    };
    const f64 = (column: Float64Array): Float64Array =>
      permuted(column, (b) => new Float64Array(b));
    const u32 = (column: Uint32Array): Uint32Array => permuted(column, (b) => new Uint32Array(b));
    const u8 = (column: Uint8Array): Uint8Array => permuted(column, (b) => new Uint8Array(b));
    // Without an error, every id registered is a row's, in file order.
    const examId =
      order === null && ids.count === n
        ? { ...ids.columns(), absent: null }
        : stringColumn(ids, n, (t) => idOf(order === null ? t : (order[t] as number)));
    const keys = this.keys;
    let patientKey: StringColumn | null = null;
    if (keys !== null) {
      const keyOf = entryOf(this.#keysInStep ? null : this.#key.take(n));
      const inOrder = order === null && keys.count === n;
      patientKey = inOrder
        ? { ...keys.columns(), absent: null }
        : stringColumn(keys, n, (t) => keyOf(order === null ? t : (order[t] as number)));
    }
    return {
      length: n,
      machine: u32(machineOf),
      machineStart,
      examId,
      category: u8(this.#category.take(n)),
      roomIn: f64(roomIn),
      roomOut: f64(roomOut),
      rowIcr: f64(this.#icr.take(n)),
      acts: u32(this.#acts.take(n)),
      actLists: this.acts.lists,
      reportAt: f64(this.#report.take(n)),
      requestedAt: f64(this.#requested.take(n)),
      scheduledMinutes: f64(this.#scheduled.take(n)),
      ageBand: u8(this.#age.take(n)),
      patientKey,
      fileOrder,
    };
  }
}

/** Writes each row's own number into `column[0, rows)` (the entries of rows in step). */
function numberRows(column: Uint32Array, rows: number): void {
  for (let r = 0; r < rows; r++) column[r] = r;
}

/** Entry of row `r` in `column`, or `r` itself for a column in step with the rows (null). */
function entryOf(column: Uint32Array | null): (r: number) => number {
  return column === null ? (r) => r : (r) => column[r] as number;
}

const decoder = new TextDecoder();

/** Entry `e` of a store as a string. */
function decodeEntry(store: ByteStore, e: number): string {
  const at = store.offsetOf(e);
  return decoder.decode(store.blockOf(e).subarray(at, at + store.lengthOf(e)));
}

/** The StringColumn of rows whose entries (NO_KEY: absent) `entryAt(t)` gives, on shared memory. */
function stringColumn(store: ByteStore, n: number, entryAt: (t: number) => number): StringColumn {
  const offsets = new Uint32Array(new SharedArrayBuffer(4 * (n + 1)));
  let size = 0;
  let absent: Uint8Array | null = null;
  for (let t = 0; t < n; t++) {
    const e = entryAt(t);
    if (e === NO_KEY) {
      absent ??= new Uint8Array(new SharedArrayBuffer(n));
      absent[t] = 1;
    } else size += store.lengthOf(e);
    offsets[t + 1] = size;
  }
  const bytes = new Uint8Array(new SharedArrayBuffer(size));
  let to = 0;
  for (let t = 0; t < n; t++) {
    const e = entryAt(t);
    if (e !== NO_KEY) to = store.copyTo(e, bytes, to);
  }
  return { bytes, offsets, absent };
}

export { NO_AGE_BAND };
