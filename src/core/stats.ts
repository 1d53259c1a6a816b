/**
 * Order statistics used across the benchmark: quantiles by linear interpolation between closest
 * ranks (Hyndman–Fan type 7, SQL `quantile_cont`, R's default) and percentile ranks.
 */

/**
 * Quantile `p` (0..1) of values sorted ascending; `null` for an empty sample.
 *
 * @example
 * quantileSorted([1, 2, 3, 4], 0.5); // 2.5
 */
export function quantileSorted(sorted: ArrayLike<number>, p: number): number | null {
  const n = sorted.length;
  if (n === 0) return null;
  const h = (n - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, n - 1);
  const a = sorted[lo] as number;
  const b = sorted[hi] as number;
  return a + (h - lo) * (b - a);
}

/** Sorted copy of the finite values (NaN and ±Infinity left out). */
export function sortedFinite(values: ArrayLike<number>): Float64Array {
  let n = 0;
  const out = new Float64Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const v = values[i] as number;
    if (Number.isFinite(v)) out[n++] = v;
  }
  return out.subarray(0, n).sort();
}

/** `n`, P20, P50 and P80 of a sample. */
export interface Quantiles {
  n: number;
  p20: number | null;
  p50: number | null;
  p80: number | null;
}

/** P20/P50/P80 of already sorted values. */
export function quantilesOfSorted(sorted: ArrayLike<number>): Quantiles {
  return {
    n: sorted.length,
    p20: quantileSorted(sorted, 0.2),
    p50: quantileSorted(sorted, 0.5),
    p80: quantileSorted(sorted, 0.8),
  };
}

/** P20/P50/P80 of the finite values of a sample, in any order. */
export function quantiles(values: ArrayLike<number>): Quantiles {
  return quantilesOfSorted(sortedFinite(values));
}

/**
 * Percentile rank (0..1) of `x` among sorted peers: the share of peers below it, ties counting
 * half (mid-rank). With one peer (itself) the rank is 0.5.
 */
export function percentRank(sorted: ArrayLike<number>, x: number): number | null {
  const n = sorted.length;
  if (n === 0 || !Number.isFinite(x)) return null;
  // first index ≥ x, then first index > x: binary searches, peers can be thousands
  const bound = (strict: boolean): number => {
    let lo = 0;
    let hi = n;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const v = sorted[mid] as number;
      if (v < x || (strict && v === x)) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  const below = bound(false);
  const equal = bound(true) - below;
  return (below + equal / 2) / n;
}

/**
 * Rearranges `a[lo..hi]` so that every index of `targets[tlo..thi]` (sorted) holds the value it
 * would hold if `a` were sorted: quickselect on several ranks at once (Hoare partition,
 * median-of-three pivot), descending only into the parts that hold a wanted rank.
 */
function multiSelect(
  a: Float64Array,
  lo: number,
  hi: number,
  targets: readonly number[],
  tlo: number,
  thi: number,
): void {
  while (hi > lo && tlo <= thi) {
    const mid = (lo + hi) >>> 1;
    if ((a[mid] as number) < (a[lo] as number)) swap(a, mid, lo);
    if ((a[hi] as number) < (a[lo] as number)) swap(a, hi, lo);
    if ((a[hi] as number) < (a[mid] as number)) swap(a, hi, mid);
    const pivot = a[mid] as number;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while ((a[i] as number) < pivot) i++;
      while ((a[j] as number) > pivot) j--;
      if (i <= j) {
        swap(a, i, j);
        i++;
        j--;
      }
    }
    // [lo, j] ≤ pivot, (j, i) = pivot, [i, hi] ≥ pivot
    let leftEnd = tlo;
    while (leftEnd <= thi && (targets[leftEnd] as number) <= j) leftEnd++;
    let rightStart = leftEnd;
    while (rightStart <= thi && (targets[rightStart] as number) < i) rightStart++;
    if (leftEnd > tlo) multiSelect(a, lo, j, targets, tlo, leftEnd - 1);
    lo = i;
    tlo = rightStart;
  }
}

function swap(a: Float64Array, i: number, j: number): void {
  const t = a[i] as number;
  a[i] = a[j] as number;
  a[j] = t;
}

const P = [0.2, 0.5, 0.8] as const;

/** The ranks (ascending, distinct) whose values P20, P50 and P80 of `n` values interpolate. */
function ranksOfQuantiles(n: number): number[] {
  const ranks: number[] = [];
  for (const p of P) {
    const k = Math.floor((n - 1) * p);
    if (ranks[ranks.length - 1] !== k) ranks.push(k);
    if (k + 1 < n && ranks[ranks.length - 1] !== k + 1) ranks.push(k + 1);
  }
  return ranks;
}

/** P20/P50/P80 (type 7) of `n` values given the value of each rank of `ranksOfQuantiles(n)`. */
function quantilesAtRanks(n: number, valueAt: (rank: number) => number): Quantiles {
  const at = (p: number): number => {
    const h = (n - 1) * p;
    const k = Math.floor(h);
    const a = valueAt(k);
    if (h === k || k + 1 >= n) return a;
    return a + (h - k) * (valueAt(k + 1) - a);
  };
  return { n, p20: at(0.2), p50: at(0.5), p80: at(0.8) };
}

/**
 * P20/P50/P80 (type 7) of finite values in any order, by selection rather than a full sort:
 * linear time, which matters when millions of exams are pooled. `values` is reordered.
 */
export function quantilesInPlace(values: Float64Array): Quantiles {
  const n = values.length;
  if (n === 0) return { n: 0, p20: null, p50: null, p80: null };
  const ranks = ranksOfQuantiles(n);
  multiSelect(values, 0, n - 1, ranks, 0, ranks.length - 1);
  return quantilesAtRanks(n, (k) => values[k] as number);
}

/** Buckets of the radix pass of `quantilesOfParts`: the top 16 bits of a value's order key. */
const BUCKETS = 1 << 16;

/**
 * The order key of a double's high 32 bits (`hi`): unsigned, increasing with the value (negative
 * values have every bit flipped, positive ones their sign bit set).
 */
function orderKey(hi: number): number {
  return (hi & 0x80000000) !== 0 ? ~hi >>> 0 : (hi | 0x80000000) >>> 0;
}

/** The 32-bit words of a Float64Array's values (the high word of value `i` at `2i + 1`). */
function wordsOf(part: Float64Array): Uint32Array {
  return new Uint32Array(part.buffer, part.byteOffset, part.length * 2);
}

/**
 * `quantilesInPlace` of the values of several arrays taken together (finite values, any order),
 * without concatenating them nor reordering any: one pass counts the values per bucket of their
 * top 16 order bits, which tells the buckets holding the wanted ranks; a second pass gathers only
 * those buckets' values, where the ranks are selected. The same figures as selecting in the
 * concatenation (the same order statistics, interpolated the same way), at a fraction of the
 * work when millions of exams are pooled over peers.
 *
 * @example
 * quantilesOfParts([Float64Array.of(3, 1), Float64Array.of(2)]); // { n: 3, p20: 1.4, p50: 2, p80: 2.6 }
 */
export function quantilesOfParts(parts: readonly Float64Array[]): Quantiles {
  let n = 0;
  for (const part of parts) n += part.length;
  if (n === 0) return { n: 0, p20: null, p50: null, p80: null };
  const ranks = ranksOfQuantiles(n);
  const counts = new Uint32Array(BUCKETS);
  for (const part of parts) {
    const words = wordsOf(part);
    for (let i = 1; i < words.length; i += 2) {
      const b = orderKey(words[i] as number) >>> 16;
      counts[b] = (counts[b] as number) + 1;
    }
  }
  // Values before each bucket; the buckets holding a wanted rank; where each starts when gathered.
  const wanted = new Uint8Array(BUCKETS);
  const gatheredBefore = new Uint32Array(BUCKETS);
  const bucketOfRank: number[] = [];
  let before = 0;
  let gathered = 0;
  let r = 0;
  const startOf = new Uint32Array(BUCKETS);
  for (let b = 0; b < BUCKETS && r < ranks.length; b++) {
    const count = counts[b] as number;
    startOf[b] = before;
    while (r < ranks.length && (ranks[r] as number) < before + count) {
      if (wanted[b] === 0) {
        wanted[b] = 1;
        gatheredBefore[b] = gathered;
        gathered += count;
      }
      bucketOfRank.push(b);
      r++;
    }
    before += count;
  }
  const values = new Float64Array(gathered);
  const next = gatheredBefore.slice();
  for (const part of parts) {
    const words = wordsOf(part);
    for (let i = 0; i < part.length; i++) {
      const b = orderKey(words[2 * i + 1] as number) >>> 16;
      if (wanted[b] === 1) {
        const at = next[b] as number;
        values[at] = part[i] as number;
        next[b] = at + 1;
      }
    }
  }
  // A gathered bucket's values all precede the next gathered bucket's: ranks map in order.
  const local = ranks.map((rank, i) => {
    const b = bucketOfRank[i] as number;
    return (gatheredBefore[b] as number) + rank - (startOf[b] as number);
  });
  multiSelect(values, 0, gathered - 1, local, 0, local.length - 1);
  const valueAt = new Map(ranks.map((rank, i) => [rank, values[local[i] as number] as number]));
  return quantilesAtRanks(n, (k) => valueAt.get(k) as number);
}
