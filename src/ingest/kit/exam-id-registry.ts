/**
 * Finds repeated exam ids per machine among millions, on bytes (no string per id). While a
 * machine's ids arrive in increasing order (exports sorted by id or time usually are), a repeat
 * can only be its previous id; its first id out of order moves the machine to a hash table of
 * all its ids. The ids are kept (a ByteStore) and become the table's `examId` column.
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
  /** Per entry: its line, its machine, the previous entry of the same machine (-1: none). */
  readonly #lines: Uint32Array[] = [];
  readonly #machines: Uint32Array[] = [];
  readonly #previous: Int32Array[] = [];
  /** Per machine: its last entry, and whether it is hashed. */
  readonly #last: number[] = [];
  readonly #hashed: boolean[] = [];
  /** Open addressing: entry + 1 of the hashed machines' ids, 0 when free. */
  #slots = new Int32Array(0);
  #filled = 0;

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
    while (this.#last.length <= machine) {
      this.#last.push(NONE);
      this.#hashed.push(false);
    }
    const last = this.#last[machine] as number;
    if (!(this.#hashed[machine] as boolean)) {
      if (last !== NONE) {
        const order = this.ids.compare(last, source, from, to);
        if (order === 0) return -this.lineOf(last) - 1;
        if (order > 0) this.#hash(machine);
      }
    }
    if (this.#hashed[machine] as boolean) {
      const first = this.#find(machine, source, from, to);
      if (first !== NONE) return -this.lineOf(first) - 1;
    }
    const entry = this.ids.add(source, from, to);
    const chunk = entry >>> 16;
    if (chunk === this.#lines.length) {
      this.#lines.push(new Uint32Array(ENTRY_CHUNK));
      this.#machines.push(new Uint32Array(ENTRY_CHUNK));
      this.#previous.push(new Int32Array(ENTRY_CHUNK));
    }
    (this.#lines[chunk] as Uint32Array)[entry & 0xffff] = line;
    (this.#machines[chunk] as Uint32Array)[entry & 0xffff] = machine;
    (this.#previous[chunk] as Int32Array)[entry & 0xffff] = last;
    this.#last[machine] = entry;
    if (this.#hashed[machine] as boolean) this.#insert(entry, machine, source, from, to);
    return entry;
  }

  /** The line entry `e` was seen on. */
  lineOf(e: number): number {
    return (this.#lines[e >>> 16] as Uint32Array)[e & 0xffff] as number;
  }

  /** Moves a machine's ids into the hash table (its first id out of order). */
  #hash(machine: number): void {
    this.#hashed[machine] = true;
    for (
      let e = this.#last[machine] as number;
      e !== NONE;
      e = (this.#previous[e >>> 16] as Int32Array)[e & 0xffff] as number
    ) {
      const block = this.ids.blockOf(e);
      const at = this.ids.offsetOf(e);
      this.#insert(e, machine, block, at, at + this.ids.lengthOf(e));
    }
  }

  #find(machine: number, source: Uint8Array, from: number, to: number): number {
    const slots = this.#slots;
    if (slots.length === 0) return NONE;
    const mask = slots.length - 1;
    for (let s = hashKey(machine, source, from, to) & mask; ; s = (s + 1) & mask) {
      const e = (slots[s] as number) - 1;
      if (e === NONE) return NONE;
      if (
        (this.#machines[e >>> 16] as Uint32Array)[e & 0xffff] === machine &&
        this.ids.equals(e, source, from, to)
      )
        return e;
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
    for (const v of old) {
      if (v === 0) continue;
      const e = v - 1;
      const block = this.ids.blockOf(e);
      const at = this.ids.offsetOf(e);
      const machine = (this.#machines[e >>> 16] as Uint32Array)[e & 0xffff] as number;
      this.#insert(e, machine, block, at, at + this.ids.lengthOf(e));
    }
  }
}
