/**
 * The booking agenda of the engine: every session instance of the run (the grid shifted by k
 * periods) with its FREE GAPS (one at first: [start, bookable end]), split around each booking so
 * that holes left before a long-lead booking stay bookable, as real agendas fill them later.
 * Gaps live in a pool of typed-array nodes (a sorted linked list per instance, freed nodes
 * reused); a max segment tree over each instance's longest gap finds "the first session with a
 * gap of b minutes from here on" in O(log n). Part of each instance may be held for inpatients:
 * the minutes booked against the rest (the open part) are counted per instance, and a second
 * tree over min(longest gap, open part left) finds the first instance an outpatient may still
 * book into.
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
 *
 * Held part (`heldShare` > 0): until an instance releases its held part, outpatients book only
 * into its open part, (1 − heldShare) × its bookable length, and inpatients fill the open part
 * first (see `book`); an instance an outpatient may not use is passed over like a full one.
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
  /** Length (ms) of each instance's open part, (1 − heldShare) × bookable length; null: nothing held. */
  readonly #cap: Float64Array | null;
  /** Minutes (ms) booked against each instance's open part (see `book`). */
  readonly #open: Float64Array | null;
  /** Max segment tree over min(longest gap, open part left); the gap tree when nothing is held. */
  readonly #outTree: Float64Array;
  /** The booking in progress: `releasedFrom` and whether it is an outpatient's (see `book`). */
  #releasedFrom = Infinity;
  #outpatientBooking = false;

  /**
   * `minLength` (ms): no `book` call will ask for less (0 when unknown). `heldShare` (0..1): the
   * part of each instance's bookable length held for inpatients (0: none).
   */
  constructor(inst: SessionInstances, minLength = 0, heldShare = 0) {
    if (!(heldShare >= 0 && heldShare <= 1))
      throw new RangeError(`heldShare must be in [0, 1]: ${heldShare}`);
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
    if (heldShare > 0) {
      const cap = new Float64Array(n);
      const outTree = new Float64Array(2 * size).fill(-Infinity);
      for (let i = 0; i < n; i++) {
        cap[i] = ((inst.bookableEnd[i] as number) - (inst.start[i] as number)) * (1 - heldShare);
        const g = tree[size + i] as number;
        outTree[size + i] = g < (cap[i] as number) ? g : (cap[i] as number);
      }
      for (let i = size - 1; i >= 1; i--)
        outTree[i] = Math.max(outTree[2 * i] as number, outTree[2 * i + 1] as number);
      this.#cap = cap;
      this.#open = new Float64Array(n);
      this.#outTree = outTree;
    } else {
      this.#cap = null;
      this.#open = null;
      this.#outTree = tree;
    }
  }

  /**
   * Books `length` ms not before `earliest`: the instance index (and `slotStart`), or −1 when
   * no instance of the agenda has room. The instances that start at or after `releasedFrom`
   * have not released their held part to this booking (those starting before have). An
   * outpatient booking goes into such an instance only within what is left of its open part,
   * and always counts against the open part; an inpatient booking may use every free gap, and
   * counts against the open part of such an instance when it fits there (the held part is used
   * last, kept for the requests that come later).
   */
  book(earliest: number, length: number, releasedFrom = Infinity, outpatient = false): number {
    const { start, end, diagnostic, count } = this.#inst;
    const leaves = this.#size;
    this.#releasedFrom = releasedFrom;
    this.#outpatientBooking = outpatient;
    const held = outpatient && this.#cap !== null ? releasedFrom : Infinity;
    // Instances started before `earliest` may still be running: `earliest` bounds their gaps.
    let i = lowerBound(start, earliest - this.#inst.maxLength, count);
    for (; i < count && (start[i] as number) < earliest; i++) {
      if (diagnostic[i] !== 1 || (end[i] as number) <= earliest) continue;
      const tree = (start[i] as number) < held ? this.#tree : this.#outTree;
      if ((tree[leaves + i] as number) < length) continue;
      if (this.#bookIn(i, earliest, length)) return i;
    }
    // From here on every instance starts at or after `earliest`: a long enough gap fits at its
    // start. Instances starting before `held` have released their held part, the others not.
    const released = held === Infinity ? count : Math.max(i, lowerBound(start, held, count));
    for (
      let j = this.#firstWithRoom(this.#tree, i, length);
      j >= 0 && j < released;
      j = this.#firstWithRoom(this.#tree, j + 1, length)
    )
      if (this.#bookIn(j, earliest, length)) return j;
    for (
      let j = this.#firstWithRoom(this.#outTree, released, length);
      j >= 0;
      j = this.#firstWithRoom(this.#outTree, j + 1, length)
    )
      if (this.#bookIn(j, earliest, length)) return j;
    return -1;
  }

  /** Minutes (ms) booked against instance `i`'s open part (0 when nothing is held: not counted). */
  openBooked(i: number): number {
    return this.#open === null ? 0 : (this.#open[i] as number);
  }

  /** Free gaps of instance `i` in time order, as [start, end) pairs (checks). */
  gaps(i: number): [number, number][] {
    const out: [number, number][] = [];
    for (let p = this.#head[i] as number; p !== -1; p = this.#next[p] as number)
      out.push([this.#gapStart[p] as number, this.#gapEnd[p] as number]);
    return out;
  }

  /** Books into instance i's earliest gap that fits, if any, counting it against the open part as `book` says. */
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
      const open = this.#open;
      const cap = this.#cap;
      if (
        open !== null &&
        cap !== null &&
        (this.#outpatientBooking ||
          ((this.#inst.start[i] as number) >= this.#releasedFrom &&
            (cap[i] as number) - (open[i] as number) >= length))
      )
        open[i] = (open[i] as number) + length;
      if (length > 0) this.#split(i, p, prev, slot, slot + length);
      else this.#update(i);
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
    this.#update(i);
  }

  /** Instance i's leaves (longest gap; outpatient room when something is held) and their paths up. */
  #update(i: number): void {
    let longest = -Infinity;
    for (let k = this.#head[i] as number; k !== -1; k = this.#next[k] as number) {
      const d = (this.#gapEnd[k] as number) - (this.#gapStart[k] as number);
      if (d > longest) longest = d;
    }
    setLeaf(this.#tree, this.#size + i, longest);
    if (this.#cap !== null && this.#open !== null) {
      const room = (this.#cap[i] as number) - (this.#open[i] as number);
      setLeaf(this.#outTree, this.#size + i, longest < room ? longest : room);
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

  /** First leaf index ≥ `from` of `tree` whose value is ≥ `length`, or −1. */
  #firstWithRoom(tree: Float64Array, from: number, length: number): number {
    if (from >= this.#inst.count) return -1;
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

/** Sets leaf k of a max segment tree and the maxima above it. */
function setLeaf(tree: Float64Array, k: number, value: number): void {
  tree[k] = value;
  for (k >>= 1; k >= 1; k >>= 1) {
    const l = tree[2 * k] as number;
    const r = tree[2 * k + 1] as number;
    tree[k] = l > r ? l : r;
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
