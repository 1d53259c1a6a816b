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

/**
 * P20/P50/P80 (type 7) of finite values in any order, by selection rather than a full sort:
 * linear time, which matters when millions of exams are pooled. `values` is reordered.
 */
export function quantilesInPlace(values: Float64Array): Quantiles {
  const n = values.length;
  if (n === 0) return { n: 0, p20: null, p50: null, p80: null };
  const ranks: number[] = [];
  for (const p of P) {
    const k = Math.floor((n - 1) * p);
    if (ranks[ranks.length - 1] !== k) ranks.push(k);
    if (k + 1 < n && ranks[ranks.length - 1] !== k + 1) ranks.push(k + 1);
  }
  multiSelect(values, 0, n - 1, ranks, 0, ranks.length - 1);
  const at = (p: number): number => {
    const h = (n - 1) * p;
    const k = Math.floor(h);
    const a = values[k] as number;
    if (h === k || k + 1 >= n) return a;
    return a + (h - k) * ((values[k + 1] as number) - a);
  };
  return { n, p20: at(0.2), p50: at(0.5), p80: at(0.8) };
}
