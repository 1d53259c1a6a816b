/**
 * The exam rows of exams.csv as they are read, kept in column chunks of 64 K rows (growing never
 * copies), then turned into the kit's ExamTable at the end: rows grouped by machine with a
 * counting sort, sorted within a machine only when the file was not, final columns on
 * SharedArrayBuffer so the indicator workers read them without a copy.
 */
import { compareIds, NO_AGE_BAND, type ExamTable, type StringColumn } from '../../core/exam-table.ts';
import { ACT_SEPARATOR } from './kit-files.ts';
import { ByteStore } from './byte-store.ts';

const CHUNK = 1 << 16;
/** `keys` entry of a row without a patient key. */
export const NO_KEY = 0xffffffff;
const EMPTY: readonly string[] = Object.freeze([]);

/** The distinct `acts` cells of a file as frozen lists; index 0 is the empty list. */
export class ActLists {
  readonly lists: (readonly string[])[] = [EMPTY];
  readonly #byText = new Map<string, number>([['', 0]]);
  readonly #byContent = new Map<string, number>([['', 0]]);
  /** ASCII cells seen by `ofAscii`: their bytes, list index, and hash chains. */
  readonly #seen = new ByteStore();
  readonly #seenIndex: number[] = [];
  readonly #nextSeen: (number | undefined)[] = [];
  readonly #byHash = new Map<number, number>();

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
    let e = this.#byHash.get(h);
    while (e !== undefined) {
      if (seen.equals(e, bytes, from, to)) return this.#seenIndex[e] as number;
      e = this.#nextSeen[e];
    }
    const index = this.ofText(String.fromCharCode.apply(null, bytes.subarray(from, to) as unknown as number[]));
    const entry = seen.add(bytes, from, to);
    this.#seenIndex.push(index);
    this.#nextSeen.push(this.#byHash.get(h));
    this.#byHash.set(h, entry);
    return index;
  }
}

/** Column chunks of the exam rows kept so far, in file order. */
export class ExamColumns {
  length = 0;
  readonly acts = new ActLists();
  /** Patient keys (null: the file has no `patient_key` column). */
  readonly keys: ByteStore | null;
  readonly #u32: Uint32Array[][] = [[], [], [], []]; // machine, id, acts, key
  readonly #f64: Float64Array[][] = [[], [], [], [], [], []]; // roomIn, roomOut, icr, report, requested, scheduled
  readonly #u8: Uint8Array[][] = [[], []]; // category, ageBand

  // The current chunk of each column.
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

  constructor(withKeys: boolean) {
    this.keys = withKeys ? new ByteStore() : null;
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
    const row = this.length;
    const at = row & (CHUNK - 1);
    if (at === 0) this.#newChunks();
    this.#cMachine[at] = machine;
    this.#cId[at] = id;
    this.#cActs[at] = acts;
    this.#cKey[at] = key;
    this.#cIn[at] = roomIn;
    this.#cOut[at] = roomOut;
    this.#cIcr[at] = icr;
    this.#cReport[at] = reportAt;
    this.#cRequest[at] = requestedAt;
    this.#cScheduled[at] = scheduledMinutes;
    this.#cCategory[at] = category;
    this.#cAge[at] = ageBand;
    this.length = row + 1;
  }

  #newChunks(): void {
    const u32 = (k: number): Uint32Array => {
      const chunk = new Uint32Array(CHUNK);
      (this.#u32[k] as Uint32Array[]).push(chunk);
      return chunk;
    };
    const f64 = (k: number): Float64Array => {
      const chunk = new Float64Array(CHUNK);
      (this.#f64[k] as Float64Array[]).push(chunk);
      return chunk;
    };
    const u8 = (k: number): Uint8Array => {
      const chunk = new Uint8Array(CHUNK);
      (this.#u8[k] as Uint8Array[]).push(chunk);
      return chunk;
    };
    this.#cMachine = u32(0);
    this.#cId = u32(1);
    this.#cActs = u32(2);
    this.#cKey = u32(3);
    this.#cIn = f64(0);
    this.#cOut = f64(1);
    this.#cIcr = f64(2);
    this.#cReport = f64(3);
    this.#cRequest = f64(4);
    this.#cScheduled = f64(5);
    this.#cCategory = u8(0);
    this.#cAge = u8(1);
  }

  /**
   * The table of the rows (`machines`: number of machines of equipment.csv; `ids`: the store the
   * rows' id entries point into). The chunks are released column by column.
   */
  toTable(machines: number, ids: ByteStore): ExamTable {
    const n = this.length;
    const machineOf = gather32(this.#u32[0] as Uint32Array[], n);
    const idOf = gather32(this.#u32[1] as Uint32Array[], n);
    // Counting sort by machine (stable: file order within a machine).
    const machineStart = new Uint32Array(new SharedArrayBuffer(4 * (machines + 1)));
    for (let r = 0; r < n; r++) {
      const m = machineOf[r] as number;
      if (m >= machines) throw new Error(`exam row ${r} has machine ${m} of ${machines}`);
      machineStart[m + 1] = (machineStart[m + 1] as number) + 1;
    }
    for (let m = 0; m < machines; m++) machineStart[m + 1] = (machineStart[m + 1] as number) + (machineStart[m] as number);
    const order = new Uint32Array(n); // table row → file row
    const next = machineStart.slice(0, machines);
    for (let r = 0; r < n; r++) {
      const m = machineOf[r] as number;
      order[next[m] as number] = r;
      next[m] = (next[m] as number) + 1;
    }
    const roomIn = this.#f64[0] as Float64Array[];
    const roomOut = this.#f64[1] as Float64Array[];
    const at = (chunks: Float64Array[], r: number): number => (chunks[r >>> 16] as Float64Array)[r & 0xffff] as number;
    const idText = (r: number): string => decodeEntry(ids, idOf[r] as number);
    const compareRows = (a: number, b: number): number =>
      at(roomIn, a) - at(roomIn, b) ||
      at(roomOut, a) - at(roomOut, b) ||
      compareIds(idText(a), idText(b)) ||
      a - b;
    for (let m = 0; m < machines; m++) {
      const from = machineStart[m] as number;
      const to = machineStart[m + 1] as number;
      let sorted = true;
      for (let i = from + 1; i < to && sorted; i++) sorted = compareRows(order[i - 1] as number, order[i] as number) < 0;
      if (!sorted) order.subarray(from, to).sort(compareRows);
    }
    let identity = true; // the file was grouped and sorted already: columns are copied whole
    for (let t = 0; t < n && identity; t++) identity = order[t] === t;
    const fileOrder = new Uint32Array(new SharedArrayBuffer(4 * n));
    for (let t = 0; t < n; t++) fileOrder[order[t] as number] = t;
    const machine = new Uint32Array(new SharedArrayBuffer(4 * n));
    for (let t = 0; t < n; t++) machine[t] = machineOf[order[t] as number] as number;
    // Without an error, every id registered is a row's, in file order.
    const examId =
      identity && ids.count === n
        ? wholeColumn(ids, n, null)
        : stringColumn(ids, n, (t) => idOf[order[t] as number] as number);
    const keys = this.keys;
    let patientKey: StringColumn | null = null;
    if (keys !== null) {
      const keyOf = gather32(this.#u32[3] as Uint32Array[], n);
      patientKey = identity ? wholeColumn(keys, n, keyOf) : stringColumn(keys, n, (t) => keyOf[order[t] as number] as number);
    }
    const f64 = (k: number): Float64Array => {
      const chunks = this.#f64[k] as Float64Array[];
      const out = new Float64Array(new SharedArrayBuffer(8 * n));
      if (identity) chunks.forEach((chunk, c) => out.set(chunk.subarray(0, Math.min(CHUNK, n - c * CHUNK)), c * CHUNK));
      else for (let t = 0; t < n; t++) out[t] = at(chunks, order[t] as number);
      this.#f64[k] = []; // released as soon as copied: the peak stays near one copy
      return out;
    };
    const u8 = (k: number): Uint8Array => {
      const chunks = this.#u8[k] as Uint8Array[];
      const out = new Uint8Array(new SharedArrayBuffer(n));
      for (let t = 0; t < n; t++) {
        const r = order[t] as number;
        out[t] = (chunks[r >>> 16] as Uint8Array)[r & 0xffff] as number;
      }
      this.#u8[k] = [];
      return out;
    };
    const actChunks = this.#u32[2] as Uint32Array[];
    const acts = new Uint32Array(new SharedArrayBuffer(4 * n));
    for (let t = 0; t < n; t++) {
      const r = order[t] as number;
      acts[t] = (actChunks[r >>> 16] as Uint32Array)[r & 0xffff] as number;
    }
    return {
      length: n,
      machine,
      machineStart,
      examId,
      category: u8(0),
      roomIn: f64(0),
      roomOut: f64(1),
      rowIcr: f64(2),
      acts,
      actLists: this.acts.lists,
      reportAt: f64(3),
      requestedAt: f64(4),
      scheduledMinutes: f64(5),
      ageBand: u8(1),
      patientKey,
      fileOrder,
    };
  }
}

/** The first `n` values of chunked columns as one array. */
function gather32(chunks: Uint32Array[], n: number): Uint32Array {
  const out = new Uint32Array(n);
  chunks.forEach((chunk, c) => out.set(chunk.subarray(0, Math.min(CHUNK, n - c * CHUNK)), c * CHUNK));
  return out;
}

const decoder = new TextDecoder();

/** Entry `e` of a store as a string. */
function decodeEntry(store: ByteStore, e: number): string {
  const at = store.offsetOf(e);
  return decoder.decode(store.blockOf(e).subarray(at, at + store.lengthOf(e)));
}

/**
 * The StringColumn of a store whose entries are the rows' in order (`entries`: each row's entry,
 * NO_KEY when absent; null when row t is entry t), its bytes copied block by block.
 */
function wholeColumn(store: ByteStore, n: number, entries: Uint32Array | null): StringColumn {
  const offsets = new Uint32Array(new SharedArrayBuffer(4 * (n + 1)));
  let absent: Uint8Array | null = null;
  let size = 0;
  for (let t = 0; t < n; t++) {
    const e = entries === null ? t : (entries[t] as number);
    if (e === NO_KEY) {
      absent ??= new Uint8Array(new SharedArrayBuffer(n));
      absent[t] = 1;
    } else size += store.lengthOf(e);
    offsets[t + 1] = size;
  }
  const bytes = new Uint8Array(new SharedArrayBuffer(store.bytes));
  store.copyAll(bytes);
  return { bytes, offsets, absent };
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
