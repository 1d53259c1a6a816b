/**
 * Finds repeated exam ids per machine among millions, on bytes (no string per id). While each
 * machine's ids arrive in increasing order (exports sorted by id or time usually are), a repeat
 * can only be the machine's previous id; the first id out of order on any machine moves every id
 * to a hash table (machine and id), which then takes all the ids that follow. The ids are kept (a
 * ByteStore) and become the table's `examId` column.
 */
import { ByteStore } from './byte-store.ts';

const ENTRY_CHUNK = 1 << 16;
const NONE = -1;

/** FNV-1a of `source[from, to)`, mixed with the machine. */
function hashKey(machine: number, source: Uint8Array, from: number, to: number): number {
  let h = Math.imul(0x811c9dc5 ^ machine, 0x01000193);
  for (let i = from; i < to; i++) h = Math.imul(h ^ (source[i] as number), 0x01000193);
  return h;
}

/** The exam ids of a kit, registered machine by machine. */
export class ExamIdRegistry {
  readonly ids = new ByteStore();
  /** Per entry, two numbers side by side in chunks of ENTRY_CHUNK entries: its line, its machine. */
  readonly #entries: Int32Array[] = [];
  /** Per machine: its last entry (-1: none), while no id came out of order. */
  #last = new Int32Array(0);
  /** Whether every id is in the hash table (an id came out of order). */
  #hashed = false;
  /** Open addressing: entry + 1 of every id once hashed, 0 when free. */
  #slots = new Int32Array(0);
  #filled = 0;

  /** Sizes the id store for about `ids` ids of `bytes` bytes in all (a hint). */
  expect(ids: number, bytes: number): void {
    this.ids.expect(ids, bytes);
  }

  /**
   * Registers the id `source[from, to)` of `machine` seen on `line`. Returns its entry number
   * (≥ 0), or `-firstLine - 1` when the machine already had it (nothing is registered then).
   *
   * @example
   * const r = new ExamIdRegistry();
   * r.add(0, bytes, 0, 3, 2); // 0
   * r.add(0, bytes, 0, 3, 9); // -3: first seen on line 2
   */
  add(machine: number, source: Uint8Array, from: number, to: number, line: number): number {
    if (!this.#hashed) {
      if (machine >= this.#last.length) this.#machines(machine + 1);
      const last = this.#last[machine] as number;
      if (last !== NONE) {
        const order = this.ids.compare(last, source, from, to);
        if (order === 0) return -this.lineOf(last) - 1;
        if (order > 0) this.#hashAll();
      }
    }
    if (this.#hashed) {
      const first = this.#find(machine, source, from, to);
      if (first !== NONE) return -this.lineOf(first) - 1;
    }
    const entry = this.ids.add(source, from, to);
    const chunk = entry >>> 16;
    if (chunk === this.#entries.length) this.#entries.push(new Int32Array(2 * ENTRY_CHUNK));
    const entries = this.#entries[chunk] as Int32Array;
    const at = 2 * (entry & 0xffff);
    entries[at] = line;
    entries[at + 1] = machine;
    if (this.#hashed) this.#insert(entry, machine, source, from, to);
    else this.#last[machine] = entry;
    return entry;
  }

  /** The line entry `e` was seen on. */
  lineOf(e: number): number {
    return (this.#entries[e >>> 16] as Int32Array)[2 * (e & 0xffff)] as number;
  }

  #machineOf(e: number): number {
    return (this.#entries[e >>> 16] as Int32Array)[2 * (e & 0xffff) + 1] as number;
  }

  /** Room for `n` machines. */
  #machines(n: number): void {
    const last = new Int32Array(Math.max(n, 2 * this.#last.length)).fill(NONE);
    last.set(this.#last);
    this.#last = last;
  }

  /** Moves every id into the hash table (the first id out of order). */
  #hashAll(): void {
    this.#hashed = true;
    this.#last = new Int32Array(0);
    for (let e = 0; e < this.ids.count; e++) this.#insertEntry(e);
  }

  #insertEntry(e: number): void {
    const block = this.ids.blockOf(e);
    const at = this.ids.offsetOf(e);
    this.#insert(e, this.#machineOf(e), block, at, at + this.ids.lengthOf(e));
  }

  #find(machine: number, source: Uint8Array, from: number, to: number): number {
    const slots = this.#slots;
    if (slots.length === 0) return NONE;
    const mask = slots.length - 1;
    for (let s = hashKey(machine, source, from, to) & mask; ; s = (s + 1) & mask) {
      const e = (slots[s] as number) - 1;
      if (e === NONE) return NONE;
      if (this.#machineOf(e) === machine && this.ids.equals(e, source, from, to)) return e;
    }
  }

  #insert(entry: number, machine: number, source: Uint8Array, from: number, to: number): void {
    if ((this.#filled + 1) * 2 > this.#slots.length) this.#grow();
    const slots = this.#slots;
    const mask = slots.length - 1;
    let s = hashKey(machine, source, from, to) & mask;
    while (slots[s] !== 0) s = (s + 1) & mask;
    slots[s] = entry + 1;
    this.#filled++;
  }

  #grow(): void {
    const old = this.#slots;
    this.#slots = new Int32Array(Math.max(1024, old.length * 2));
    this.#filled = 0;
    for (const v of old) if (v !== 0) this.#insertEntry(v - 1);
  }
}
