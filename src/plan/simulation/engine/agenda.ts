/**
 * The booking agenda of the engine: every session instance of the run (the grid shifted by k
 * periods) with its FREE GAPS (one at first: [start, bookable end]), split around each booking so
 * that holes left before a long-lead booking stay bookable, as real agendas fill them later.
 * Gaps live in a pool of typed-array nodes (a sorted linked list per instance, freed nodes
 * reused); a max segment tree over each instance's longest gap finds "the first session with a
 * gap of b minutes from here on" in O(log n).
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
 * First-fit booking into the free gaps of session instances: a slot of length b goes to the
 * first instance (in instance order) that ends after `earliest` and has a gap [a, e) with
 * e − max(a, earliest) ≥ b, into its earliest such gap, at max(a, earliest); the gap is split
 * around the slot (empty pieces dropped; a zero-length slot takes nothing). Pieces shorter than
 * `minLength` (the shortest length ever booked) are dropped too: no booking could use them, and
 * the per-instance lists stay a handful long.
 */
export class Agenda {
  /** Slot start of the last successful `book`. */
  slotStart = NaN;
  readonly #inst: SessionInstances;
  /** Max segment tree over each instance's longest gap (−Infinity: none); leaves at `#size`. */
  readonly #tree: Float64Array;
  readonly #size: number;
  /** First gap node of each instance (−1: no gap). */
  readonly #head: Int32Array;
  /** Gap nodes: [gapStart, gapEnd) and the next node of the same instance (−1: last). */
  #gapStart: Float64Array;
  #gapEnd: Float64Array;
  #next: Int32Array;
  /** Nodes in use or freed (the next new node's index), and the first freed node (−1: none). */
  #used: number;
  #free = -1;
  readonly #minLength: number;

  /** `minLength` (ms): no `book` call will ask for less (0 when unknown). */
  constructor(inst: SessionInstances, minLength = 0) {
    this.#inst = inst;
    this.#minLength = minLength > 0 ? minLength : 0;
    const n = inst.count;
    let size = 1;
    while (size < n) size *= 2;
    this.#size = size;
    const capacity = n + 64;
    this.#gapStart = new Float64Array(capacity);
    this.#gapEnd = new Float64Array(capacity);
    this.#next = new Int32Array(capacity).fill(-1);
    this.#head = new Int32Array(n).fill(-1);
    this.#used = n;
    const tree = new Float64Array(2 * size).fill(-Infinity);
    for (let i = 0; i < n; i++) {
      if (inst.diagnostic[i] !== 1) continue;
      const a = inst.start[i] as number;
      const b = inst.bookableEnd[i] as number;
      if (!(b > a) || b - a < this.#minLength) continue;
      // Node i is instance i's first gap.
      this.#head[i] = i;
      this.#gapStart[i] = a;
      this.#gapEnd[i] = b;
      tree[size + i] = b - a;
    }
    for (let i = size - 1; i >= 1; i--)
      tree[i] = Math.max(tree[2 * i] as number, tree[2 * i + 1] as number);
    this.#tree = tree;
  }

  /**
   * Books `length` ms not before `earliest`: the instance index (and `slotStart`), or −1 when
   * no instance of the agenda has room.
   */
  book(earliest: number, length: number): number {
    const { start, end, diagnostic, count } = this.#inst;
    const leaves = this.#size;
    const tree = this.#tree;
    // Instances started before `earliest` may still be running: `earliest` bounds their gaps.
    let i = lowerBound(start, earliest - this.#inst.maxLength, count);
    for (; i < count && (start[i] as number) < earliest; i++) {
      if (diagnostic[i] !== 1 || (end[i] as number) <= earliest) continue;
      if ((tree[leaves + i] as number) < length) continue;
      if (this.#bookIn(i, earliest, length)) return i;
    }
    // From here on every instance starts at or after `earliest`: a long enough gap fits at its start.
    for (let j = this.#firstWithRoom(i, length); j >= 0; j = this.#firstWithRoom(j + 1, length))
      if (this.#bookIn(j, earliest, length)) return j;
    return -1;
  }

  /** Free gaps of instance `i` in time order, as [start, end) pairs (checks). */
  gaps(i: number): [number, number][] {
    const out: [number, number][] = [];
    for (let p = this.#head[i] as number; p !== -1; p = this.#next[p] as number)
      out.push([this.#gapStart[p] as number, this.#gapEnd[p] as number]);
    return out;
  }

  /** Books into instance i's earliest gap that fits, if any. */
  #bookIn(i: number, earliest: number, length: number): boolean {
    const gapStart = this.#gapStart;
    const gapEnd = this.#gapEnd;
    const next = this.#next;
    let prev = -1;
    for (let p = this.#head[i] as number; p !== -1; prev = p, p = next[p] as number) {
      const a = gapStart[p] as number;
      const b = gapEnd[p] as number;
      const slot = a > earliest ? a : earliest;
      // b − slot is exact (same binade), the same test as the tree's b − a ≥ length.
      if (b - slot < length) continue;
      this.slotStart = slot;
      if (length > 0) this.#split(i, p, prev, slot, slot + length);
      return true;
    }
    return false;
  }

  /** Takes [slot, slotEnd) out of gap node p of instance i (prev: the node before p, −1: none). */
  #split(i: number, p: number, prev: number, slot: number, slotEnd: number): void {
    const gapStart = this.#gapStart;
    const gapEnd = this.#gapEnd;
    const a = gapStart[p] as number;
    const b = gapEnd[p] as number;
    const min = this.#minLength;
    const left = slot > a && slot - a >= min;
    const right = b > slotEnd && b - slotEnd >= min;
    if (left && right) {
      const q = this.#node();
      this.#gapStart[q] = slotEnd;
      this.#gapEnd[q] = b;
      this.#next[q] = this.#next[p] as number;
      this.#next[p] = q;
      this.#gapEnd[p] = slot;
    } else if (left) gapEnd[p] = slot;
    else if (right) gapStart[p] = slotEnd;
    else {
      const after = this.#next[p] as number;
      if (prev === -1) this.#head[i] = after;
      else this.#next[prev] = after;
      this.#next[p] = this.#free;
      this.#free = p;
    }
    let longest = -Infinity;
    for (let k = this.#head[i] as number; k !== -1; k = this.#next[k] as number) {
      const d = (this.#gapEnd[k] as number) - (this.#gapStart[k] as number);
      if (d > longest) longest = d;
    }
    const tree = this.#tree;
    let k = this.#size + i;
    tree[k] = longest;
    for (k >>= 1; k >= 1; k >>= 1) {
      const l = tree[2 * k] as number;
      const r = tree[2 * k + 1] as number;
      tree[k] = l > r ? l : r;
    }
  }

  /** A gap node: a freed one, else a new one (the pool doubles when full). */
  #node(): number {
    const f = this.#free;
    if (f !== -1) {
      this.#free = this.#next[f] as number;
      return f;
    }
    if (this.#used === this.#next.length) {
      const capacity = this.#next.length * 2;
      const gs = new Float64Array(capacity);
      gs.set(this.#gapStart);
      this.#gapStart = gs;
      const ge = new Float64Array(capacity);
      ge.set(this.#gapEnd);
      this.#gapEnd = ge;
      const nx = new Int32Array(capacity).fill(-1);
      nx.set(this.#next);
      this.#next = nx;
    }
    return this.#used++;
  }

  /** First leaf index ≥ `from` whose longest gap is ≥ `length`, or −1. */
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
