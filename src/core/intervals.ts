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

/** The empty union. */
export const EMPTY_UNION: IntervalUnion = { starts: new Float64Array(0), ends: new Float64Array(0) };

/**
 * Union of intervals given as parallel arrays (any order; empty or reversed ones are ignored).
 *
 * @example
 * unionOf([0, 5], [10, 20]).starts; // Float64Array [0]  (ends [20]): [0,10) ∪ [5,20) = [0,20)
 */
export function unionOf(starts: ArrayLike<number>, ends: ArrayLike<number>): IntervalUnion {
  const n = starts.length;
  const order: number[] = [];
  for (let i = 0; i < n; i++) if ((ends[i] as number) > (starts[i] as number)) order.push(i);
  order.sort((a, b) => (starts[a] as number) - (starts[b] as number));
  const outStarts: number[] = [];
  const outEnds: number[] = [];
  for (const i of order) {
    const s = starts[i] as number;
    const e = ends[i] as number;
    const last = outEnds.length - 1;
    if (last >= 0 && s <= (outEnds[last] as number)) {
      if (e > (outEnds[last] as number)) outEnds[last] = e;
    } else {
      outStarts.push(s);
      outEnds.push(e);
    }
  }
  return { starts: Float64Array.from(outStarts), ends: Float64Array.from(outEnds) };
}

/** Union of two unions. */
export function unionOfUnions(a: IntervalUnion, b: IntervalUnion): IntervalUnion {
  const starts = new Float64Array(a.starts.length + b.starts.length);
  const ends = new Float64Array(starts.length);
  starts.set(a.starts);
  starts.set(b.starts, a.starts.length);
  ends.set(a.ends);
  ends.set(b.ends, a.ends.length);
  return unionOf(starts, ends);
}

/** Total length of a union. */
export function unionLength(u: IntervalUnion): number {
  let total = 0;
  for (let i = 0; i < u.starts.length; i++) total += (u.ends[i] as number) - (u.starts[i] as number);
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
