/**
 * Millions of short byte strings (exam ids, patient keys) kept end to end in 1 MB blocks, so a
 * string costs its bytes and two numbers, never a JavaScript string, and nothing is ever copied
 * to grow: a block is full, the next one starts.
 */

/** Bytes per block; a longer string gets a block of its own. */
const BLOCK = 1 << 20;
/** Entries per chunk of the entry arrays. */
const ENTRY_CHUNK = 1 << 16;

/** An append-only list of byte strings, each read back by its entry number. */
export class ByteStore {
  readonly #blocks: Uint8Array[] = [];
  /** Bytes used in each block. */
  readonly #blockUsed: number[] = [];
  #block: Uint8Array = new Uint8Array(0);
  #used = 0;
  /** Per entry: block number × BLOCK + offset in the block. */
  readonly #addresses: Float64Array[] = [];
  readonly #lengths: Uint32Array[] = [];
  #count = 0;
  #bytes = 0;

  /** Number of entries. */
  get count(): number {
    return this.#count;
  }

  /** Total bytes of all entries. */
  get bytes(): number {
    return this.#bytes;
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
    if (this.#used + length > this.#block.length) {
      this.#block = new Uint8Array(Math.max(BLOCK, length));
      this.#blocks.push(this.#block);
      this.#blockUsed.push(0);
      this.#used = 0;
    }
    const block = this.#block;
    const at = this.#used;
    if (length < 48) for (let i = 0; i < length; i++) block[at + i] = source[from + i] as number;
    else block.set(source.subarray(from, to), at);
    this.#used = at + length;
    this.#blockUsed[this.#blocks.length - 1] = at + length;
    const entry = this.#count;
    const chunk = entry >>> 16;
    if (chunk === this.#addresses.length) {
      this.#addresses.push(new Float64Array(ENTRY_CHUNK));
      this.#lengths.push(new Uint32Array(ENTRY_CHUNK));
    }
    (this.#addresses[chunk] as Float64Array)[entry & 0xffff] = (this.#blocks.length - 1) * BLOCK + at;
    (this.#lengths[chunk] as Uint32Array)[entry & 0xffff] = length;
    this.#count = entry + 1;
    this.#bytes += length;
    return entry;
  }

  /** Length in bytes of entry `e`. */
  lengthOf(e: number): number {
    return (this.#lengths[e >>> 16] as Uint32Array)[e & 0xffff] as number;
  }

  /** The block holding entry `e`; its bytes start at `offsetOf(e)`. */
  blockOf(e: number): Uint8Array {
    return this.#blocks[Math.floor(((this.#addresses[e >>> 16] as Float64Array)[e & 0xffff] as number) / BLOCK)] as Uint8Array;
  }

  /** Offset of entry `e` in its block. */
  offsetOf(e: number): number {
    return ((this.#addresses[e >>> 16] as Float64Array)[e & 0xffff] as number) % BLOCK;
  }

  /** Whether entry `e` equals `source[from, to)`. */
  equals(e: number, source: Uint8Array, from: number, to: number): boolean {
    const length = to - from;
    if (this.lengthOf(e) !== length) return false;
    const block = this.blockOf(e);
    const at = this.offsetOf(e);
    for (let i = 0; i < length; i++) if (block[at + i] !== source[from + i]) return false;
    return true;
  }

  /** Entry `e` against `source[from, to)` in byte order: negative, 0 or positive. */
  compare(e: number, source: Uint8Array, from: number, to: number): number {
    const length = this.lengthOf(e);
    const block = this.blockOf(e);
    const at = this.offsetOf(e);
    const n = Math.min(length, to - from);
    for (let i = 0; i < n; i++) {
      const d = (block[at + i] as number) - (source[from + i] as number);
      if (d !== 0) return d;
    }
    return length - (to - from);
  }

  /** Copies every entry, in entry order, end to end into `target` (`bytes` long). */
  copyAll(target: Uint8Array): void {
    let at = 0;
    this.#blocks.forEach((block, i) => {
      const used = this.#blockUsed[i] as number;
      target.set(block.subarray(0, used), at);
      at += used;
    });
  }

  /** Copies entry `e` into `target` at `at`; returns the offset after it. */
  copyTo(e: number, target: Uint8Array, at: number): number {
    const length = this.lengthOf(e);
    const block = this.blockOf(e);
    const from = this.offsetOf(e);
    if (length < 48) for (let i = 0; i < length; i++) target[at + i] = block[from + i] as number;
    else target.set(block.subarray(from, from + length), at);
    return at + length;
  }
}
