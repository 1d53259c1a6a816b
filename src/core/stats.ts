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
  let below = 0;
  let equal = 0;
  for (let i = 0; i < n; i++) {
    const v = sorted[i] as number;
    if (v < x) below++;
    else if (v === x) equal++;
    else break;
  }
  return (below + equal / 2) / n;
}

/** Median of the finite values, or `null`. */
export function median(values: ArrayLike<number>): number | null {
  return quantileSorted(sortedFinite(values), 0.5);
}
