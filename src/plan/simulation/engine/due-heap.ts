/**
 * The booked patients waiting at one machine, as a binary min-heap of patient ids keyed by
 * their due time (slot start), ties by id (booking order): typed arrays, no object per patient.
 */
export class DueHeap {
  #ids: Int32Array;
  #size = 0;
  readonly #due: Float64Array;

  constructor(due: Float64Array, capacity = 64) {
    this.#due = due;
    this.#ids = new Int32Array(Math.max(4, capacity));
  }

  get size(): number {
    return this.#size;
  }

  push(id: number): void {
    if (this.#size === this.#ids.length) {
      const bigger = new Int32Array(this.#ids.length * 2);
      bigger.set(this.#ids);
      this.#ids = bigger;
    }
    const ids = this.#ids;
    const due = this.#due;
    const d = due[id] as number;
    let i = this.#size++;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const p = ids[parent] as number;
      const pd = due[p] as number;
      if (pd < d || (pd === d && p < id)) break;
      ids[i] = p;
      i = parent;
    }
    ids[i] = id;
  }

  /** Removes and returns the id due first (the heap must not be empty). */
  pop(): number {
    const ids = this.#ids;
    const due = this.#due;
    const top = ids[0] as number;
    const n = --this.#size;
    if (n === 0) return top;
    const id = ids[n] as number;
    const d = due[id] as number;
    let i = 0;
    for (;;) {
      let child = 2 * i + 1;
      if (child >= n) break;
      let c = ids[child] as number;
      let cd = due[c] as number;
      const right = child + 1;
      if (right < n) {
        const r = ids[right] as number;
        const rd = due[r] as number;
        if (rd < cd || (rd === cd && r < c)) {
          child = right;
          c = r;
          cd = rd;
        }
      }
      if (d < cd || (d === cd && id < c)) break;
      ids[i] = c;
      i = child;
    }
    ids[i] = id;
    return top;
  }
}
