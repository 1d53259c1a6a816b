/**
 * The booking agenda of the engine: every session instance of the run (the grid shifted by k
 * periods) with its booking cursor, and a max segment tree over the instances' free bookable
 * length so that "the first session with room for b minutes from here on" is found in O(log n).
 */

/** Session instances in booking order (start, then machine, then grid index), as columns. */
export interface SessionInstances {
  count: number;
  start: Float64Array;
  end: Float64Array;
  /** start + (end − start) × (1 − reservedShare); meaningful only when `diagnostic`. */
  bookableEnd: Float64Array;
  machine: Int32Array;
  /** Index into the model's `sessions`. */
  grid: Int32Array;
  /** 1 when programmed and not interventional: bookable and counted in idle time. */
  diagnostic: Uint8Array;
  /** Longest instance (ms), to bound the sessions that may still be running at an instant. */
  maxLength: number;
}

interface GridLike {
  machine: number;
  start: number;
  end: number;
}

/**
 * The instances of the grid `sessions` (period `period` ms) that overlap `[from, to)`, sorted by
 * start, then machine, then grid index. Empty or reversed sessions are left out.
 */
export function sessionInstances(
  sessions: readonly GridLike[],
  isDiagnostic: (index: number) => boolean,
  period: number,
  from: number,
  to: number,
  reservedShare: number,
): SessionInstances {
  const starts: number[] = [];
  const grids: number[] = [];
  const ks: number[] = [];
  for (let g = 0; g < sessions.length; g++) {
    const s = sessions[g] as GridLike;
    if (!(s.end > s.start)) continue;
    // s.end + kP > from and s.start + kP < to
    const kMin = Math.floor((from - s.end) / period) + 1;
    const kMax = Math.ceil((to - s.start) / period) - 1;
    for (let k = kMin; k <= kMax; k++) {
      if (s.end + k * period <= from || s.start + k * period >= to) continue;
      starts.push(s.start + k * period);
      grids.push(g);
      ks.push(k);
    }
  }
  const order = starts.map((_, i) => i);
  order.sort(
    (a, b) =>
      (starts[a] as number) - (starts[b] as number) ||
      (sessions[grids[a] as number] as GridLike).machine -
        (sessions[grids[b] as number] as GridLike).machine ||
      (grids[a] as number) - (grids[b] as number),
  );
  const n = order.length;
  const out: SessionInstances = {
    count: n,
    start: new Float64Array(n),
    end: new Float64Array(n),
    bookableEnd: new Float64Array(n),
    machine: new Int32Array(n),
    grid: new Int32Array(n),
    diagnostic: new Uint8Array(n),
    maxLength: 0,
  };
  for (let j = 0; j < n; j++) {
    const i = order[j] as number;
    const g = grids[i] as number;
    const s = sessions[g] as GridLike;
    const shift = (ks[i] as number) * period;
    const start = s.start + shift;
    const end = s.end + shift;
    out.start[j] = start;
    out.end[j] = end;
    out.bookableEnd[j] = start + (end - start) * (1 - reservedShare);
    out.machine[j] = s.machine;
    out.grid[j] = g;
    out.diagnostic[j] = isDiagnostic(g) ? 1 : 0;
    if (end - start > out.maxLength) out.maxLength = end - start;
  }
  return out;
}

/**
 * First-fit booking into session instances: each bookable instance has a cursor (its start at
 * first); a slot of length b goes to the first instance (in instance order) that ends after
 * `earliest` and where max(cursor, earliest) + b ≤ bookable end.
 */
export class Agenda {
  readonly cursor: Float64Array;
  /** Slot start of the last successful `book`. */
  slotStart = NaN;
  readonly #inst: SessionInstances;
  /** Max segment tree over bookableEnd − cursor (−Infinity: not bookable); leaves at `#size`. */
  readonly #tree: Float64Array;
  readonly #size: number;

  constructor(inst: SessionInstances) {
    this.#inst = inst;
    const n = inst.count;
    this.cursor = inst.start.slice();
    let size = 1;
    while (size < n) size *= 2;
    this.#size = size;
    const tree = new Float64Array(2 * size).fill(-Infinity);
    for (let i = 0; i < n; i++)
      if (inst.diagnostic[i] === 1)
        tree[size + i] = (inst.bookableEnd[i] as number) - (inst.start[i] as number);
    for (let i = size - 1; i >= 1; i--)
      tree[i] = Math.max(tree[2 * i] as number, tree[2 * i + 1] as number);
    this.#tree = tree;
  }

  /**
   * Books `length` ms not before `earliest`: the instance index (and `slotStart`), or −1 when
   * no instance of the agenda has room.
   */
  book(earliest: number, length: number): number {
    const { start, end, bookableEnd, diagnostic, count } = this.#inst;
    const cursor = this.cursor;
    // Instances started before `earliest` may still be running: the cursor or `earliest` bounds the slot.
    let i = lowerBound(start, earliest - this.#inst.maxLength, count);
    for (; i < count && (start[i] as number) < earliest; i++) {
      if (diagnostic[i] !== 1 || (end[i] as number) <= earliest) continue;
      const c = cursor[i] as number;
      const slot = c > earliest ? c : earliest;
      if (slot + length <= (bookableEnd[i] as number)) return this.#take(i, slot, length);
    }
    // From here on every instance starts at or after `earliest`: its slot starts at its cursor.
    const j = this.#firstWithRoom(i, length);
    if (j < 0) return -1;
    return this.#take(j, cursor[j] as number, length);
  }

  #take(i: number, slot: number, length: number): number {
    const next = slot + length;
    this.cursor[i] = next;
    this.slotStart = slot;
    const tree = this.#tree;
    let k = this.#size + i;
    tree[k] = (this.#inst.bookableEnd[i] as number) - next;
    for (k >>= 1; k >= 1; k >>= 1) {
      const l = tree[2 * k] as number;
      const r = tree[2 * k + 1] as number;
      tree[k] = l > r ? l : r;
    }
    return i;
  }

  /** First leaf index ≥ `from` whose free length is ≥ `length`, or −1. */
  #firstWithRoom(from: number, length: number): number {
    if (from >= this.#inst.count) return -1;
    const tree = this.#tree;
    const size = this.#size;
    let k = size + from;
    // Climb: the subtree at k covers [from, …); while it has no room, go to the next subtree on the right.
    while ((tree[k] as number) < length) {
      while (k & 1) k >>= 1;
      if (k === 0) return -1;
      k++;
    }
    while (k < size) k = (tree[2 * k] as number) >= length ? 2 * k : 2 * k + 1;
    return k - size;
  }
}

/** First index i < n with a[i] ≥ x (n when none); `a` sorted ascending. */
export function lowerBound(a: Float64Array, x: number, n: number): number {
  let lo = 0;
  let hi = n;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((a[mid] as number) < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
