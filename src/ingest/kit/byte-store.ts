/**
 * Millions of short byte strings (exam ids, patient keys) kept end to end in one growing shared
 * buffer with an offset per entry — exactly a StringColumn's layout, so the store becomes the
 * kit's column without a copy when its entries are the rows in order — never a JavaScript
 * string each.
 */
import { SharedGrowable } from './shared-growable.ts';

/** A DataView over the bytes of `a`. */
function viewOf(a: Uint8Array): DataView {
  return new DataView(a.buffer, a.byteOffset, a.byteLength);
}

/** An append-only list of byte strings, each read back by its entry number. */
export class ByteStore {
  readonly #data = new SharedGrowable(Uint8Array);
  /** `count + 1` offsets: entry `e` is `[offsets[e], offsets[e + 1])`. */
  readonly #offsets = new SharedGrowable(Uint32Array);
  #count = 0;
  #used = 0;
  /** The current views of `#data` and `#offsets` (replaced as they grow): `add` runs per row. */
  #bytes: Uint8Array;
  /** `#bytes` as a DataView, and the last source `add` copied from with its own (4 bytes a step). */
  #bytesView: DataView;
  #source: Uint8Array | null = null;
  #sourceView: DataView = new DataView(new ArrayBuffer(0));
  #ends: Uint32Array;

  constructor() {
    this.#bytes = this.#data.view;
    this.#bytesView = viewOf(this.#bytes);
    this.#ends = this.#offsets.reserve(2);
    this.#ends[0] = 0;
  }

  /** Sizes the store for about `entries` entries of `bytes` bytes in all (a hint: more may come). */
  expect(entries: number, bytes: number): void {
    this.#bytes = this.#data.expect(bytes);
    this.#bytesView = viewOf(this.#bytes);
    this.#ends = this.#offsets.expect(entries + 1);
  }

  /** Number of entries. */
  get count(): number {
    return this.#count;
  }

  /** Total bytes of all entries. */
  get bytes(): number {
    return this.#used;
  }

  /**
   * Appends `source[from, to)` and returns its entry number.
   *
   * @example
   * const store = new ByteStore();
   * store.add(new TextEncoder().encode('EQ1'), 0, 3); // 0
   */
  add(source: Uint8Array, from: number, to: number): number {
    const length = to - from;
    const at = this.#used;
    const end = at + length;
    let data = this.#bytes;
    if (end > data.length) {
      data = this.#bytes = this.#data.reserve(end);
      this.#bytesView = viewOf(data);
    }
    if (length < 48) {
      const into = this.#bytesView;
      const out = this.#viewOfSource(source);
      let i = 0;
      for (; i + 4 <= length; i += 4) into.setUint32(at + i, out.getUint32(from + i));
      for (; i < length; i++) data[at + i] = source[from + i] as number;
    } else data.set(source.subarray(from, to), at);
    this.#used = end;
    const entry = this.#count;
    let offsets = this.#ends;
    if (entry + 2 > offsets.length) offsets = this.#ends = this.#offsets.reserve(entry + 2);
    offsets[entry + 1] = end;
    this.#count = entry + 1;
    return entry;
  }

  /** A DataView of `source`, kept while the callers pass the same bytes (a chunk's rows). */
  #viewOfSource(source: Uint8Array): DataView {
    if (source !== this.#source) {
      this.#source = source;
      this.#sourceView = viewOf(source);
    }
    return this.#sourceView;
  }

  /** Length in bytes of entry `e`. */
  lengthOf(e: number): number {
    const offsets = this.#offsets.view;
    return (offsets[e + 1] as number) - (offsets[e] as number);
  }

  /** The bytes holding entry `e`; its bytes start at `offsetOf(e)`. */
  blockOf(_e: number): Uint8Array {
    return this.#data.view;
  }

  /** Offset of entry `e` in `blockOf(e)`. */
  offsetOf(e: number): number {
    return this.#offsets.view[e] as number;
  }

  /** Whether entry `e` equals `source[from, to)`. */
  equals(e: number, source: Uint8Array, from: number, to: number): boolean {
    const offsets = this.#offsets.view;
    const at = offsets[e] as number;
    const length = to - from;
    if ((offsets[e + 1] as number) - at !== length) return false;
    const data = this.#data.view;
    for (let i = 0; i < length; i++) if (data[at + i] !== source[from + i]) return false;
    return true;
  }

  /** Entry `e` against `source[from, to)` in byte order: negative, 0 or positive. */
  compare(e: number, source: Uint8Array, from: number, to: number): number {
    const offsets = this.#offsets.view;
    const at = offsets[e] as number;
    const length = (offsets[e + 1] as number) - at;
    const data = this.#bytes;
    const n = Math.min(length, to - from);
    const mine = this.#bytesView;
    const theirs = this.#viewOfSource(source);
    let i = 0;
    // Four bytes a step, read big-endian: the words compare as their bytes do.
    for (; i + 4 <= n; i += 4) {
      const d = mine.getUint32(at + i) - theirs.getUint32(from + i);
      if (d !== 0) return d;
    }
    for (; i < n; i++) {
      const d = (data[at + i] as number) - (source[from + i] as number);
      if (d !== 0) return d;
    }
    return length - (to - from);
  }

  /** Copies entry `e` into `target` at `at`; returns the offset after it. */
  copyTo(e: number, target: Uint8Array, at: number): number {
    const offsets = this.#offsets.view;
    const from = offsets[e] as number;
    const length = (offsets[e + 1] as number) - from;
    const data = this.#data.view;
    if (length < 48) for (let i = 0; i < length; i++) target[at + i] = data[from + i] as number;
    else target.set(data.subarray(from, from + length), at);
    return at + length;
  }

  /** Every entry's bytes, end to end, and the `count + 1` offsets: the same memory, no copy. */
  columns(): { bytes: Uint8Array; offsets: Uint32Array } {
    return { bytes: this.#data.take(this.#used), offsets: this.#offsets.take(this.#count + 1) };
  }
}
