/**
 * Half-open time intervals `[start, end)` over numbers (UTC epoch ms): union, length, overlap.
 * A union is kept as two sorted, disjoint, non-touching arrays so that overlap queries are a
 * binary search plus a short walk, which is what the per-exam occupancy loops need.
 */

/** A set of disjoint intervals, sorted by start; adjacent intervals are merged. */
export interface IntervalUnion {
  starts: Float64Array;
  ends: Float64Array;
}

/**
 * Union of intervals given as parallel arrays (any order; empty or reversed ones are ignored).
 *
 * @example
 * unionOf([0, 5], [10, 20]).starts; // Float64Array [0]  (ends [20]): [0,10) ∪ [5,20) = [0,20)
 */
export function unionOf(starts: ArrayLike<number>, ends: ArrayLike<number>): IntervalUnion {
  const n = starts.length;
  const order: number[] = [];
  let sorted = true;
  for (let i = 0; i < n; i++) {
    if ((ends[i] as number) <= (starts[i] as number)) continue;
    if (
      order.length > 0 &&
      (starts[i] as number) < (starts[order[order.length - 1] as number] as number)
    )
      sorted = false;
    order.push(i);
  }
  // Sessions usually arrive sorted by start: then the union is a single merging pass.
  if (!sorted) order.sort((a, b) => (starts[a] as number) - (starts[b] as number));
  const outStarts = new Float64Array(order.length);
  const outEnds = new Float64Array(order.length);
  let m = 0;
  for (const i of order) {
    const s = starts[i] as number;
    const e = ends[i] as number;
    if (m > 0 && s <= (outEnds[m - 1] as number)) {
      if (e > (outEnds[m - 1] as number)) outEnds[m - 1] = e;
    } else {
      outStarts[m] = s;
      outEnds[m] = e;
      m++;
    }
  }
  return { starts: outStarts.slice(0, m), ends: outEnds.slice(0, m) };
}

/** Total length of a union. */
export function unionLength(u: IntervalUnion): number {
  let total = 0;
  for (let i = 0; i < u.starts.length; i++)
    total += (u.ends[i] as number) - (u.starts[i] as number);
  return total;
}

/** Index of the first interval of `u` whose end is after `t` (u.starts.length when none). */
export function firstEndingAfter(u: IntervalUnion, t: number): number {
  let lo = 0;
  let hi = u.ends.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((u.ends[mid] as number) <= t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Length of the overlap of `[start, end)` with a union. */
export function overlapWithUnion(u: IntervalUnion, start: number, end: number): number {
  if (end <= start) return 0;
  let total = 0;
  for (let i = firstEndingAfter(u, start); i < u.starts.length; i++) {
    const s = u.starts[i] as number;
    if (s >= end) break;
    const e = u.ends[i] as number;
    total += Math.min(e, end) - Math.max(s, start);
  }
  return total;
}

/** True when instant `t` lies in the union (`[start, end)` of one of its intervals). */
export function unionContains(u: IntervalUnion, t: number): boolean {
  const i = firstEndingAfter(u, t);
  return i < u.starts.length && (u.starts[i] as number) <= t;
}

/** Length of the overlap of two intervals. */
export function overlap(aStart: number, aEnd: number, bStart: number, bEnd: number): number {
  return Math.max(0, Math.min(aEnd, bEnd) - Math.max(aStart, bStart));
}
