/**
 * A machine's exam-level samples as histograms (what a bundle carries instead of values per exam),
 * and back. A value `v` of a family of width `w` counts in bin `round(v / w)` and reads back as
 * `bin × w`: rounding is monotone, so the sorted values read back are each within `w / 2` of the
 * sorted true values, and so is every quantile taken from them (see BINNING in types.ts).
 */
import type { MachineSamples } from '../indicators/durations.ts';
import type { BinnedSamples, Histogram, SampleFamily } from './types.ts';
import { BINNING } from './types.ts';

/** The three sample families, in the order `MachineSamples` lists them. */
export const SAMPLE_FAMILIES = Object.keys(BINNING) as SampleFamily[];

/**
 * The histogram of a sample at bin width `width`: bins ascending, counts ≥ 1, `n` = Σ counts.
 * Values that are not finite are left out (the indicators' quantiles leave them out too).
 *
 * @example
 * histogramOf(Float64Array.of(10.2, 10.4, 31), 0.5); // { width: 0.5, n: 3, bins: [[20, 1], [21, 1], [62, 1]] }
 */
export function histogramOf(values: ArrayLike<number>, width: number): Histogram {
  const counts = new Map<number, number>();
  let n = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i] as number;
    if (!Number.isFinite(v)) continue;
    // `+ 0` turns Math.round's -0 into 0, so that JSON and Map keys agree.
    const bin = Math.round(v / width) + 0;
    counts.set(bin, (counts.get(bin) ?? 0) + 1);
    n++;
  }
  const bins = [...counts].sort((a, b) => a[0] - b[0]);
  return { width, n, bins };
}

/** The values a histogram stands for, ascending: each bin's `bin × width`, as many times as its count. */
export function valuesOf(histogram: Histogram): Float64Array {
  const out = new Float64Array(histogram.n);
  let at = 0;
  for (const [bin, count] of histogram.bins) {
    out.fill(bin * histogram.width, at, at + count);
    at += count;
  }
  return out;
}

function mapValues<K extends string, A, B>(
  record: Partial<Record<K, A>>,
  fn: (a: A) => B,
): Partial<Record<K, B>> {
  const out: Partial<Record<K, B>> = {};
  for (const [k, v] of Object.entries(record) as [K, A][]) out[k] = fn(v);
  return out;
}

/**
 * A machine's samples binned at `BINNING`'s widths (an array present in the samples gives a
 * histogram, an absent one none).
 *
 * @example
 * binSamples(samples).durationMinutes.A; // { width: 0.5, n: 812, bins: [[24, 3], …] }
 */
export function binSamples(samples: MachineSamples): BinnedSamples {
  return {
    durationMinutes: mapValues(samples.durationMinutes, (v) =>
      histogramOf(v, BINNING.durationMinutes),
    ),
    reportDelayMinutes: mapValues(samples.reportDelayMinutes, (v) =>
      histogramOf(v, BINNING.reportDelayMinutes),
    ),
    appointmentDelayDays: mapValues(samples.appointmentDelayDays, (v) =>
      histogramOf(v, BINNING.appointmentDelayDays),
    ),
  };
}

/**
 * The samples a bundle's histograms stand for (values `bin × width`, ascending, as Float64Array):
 * what the observatory stores and pools for a bundle site.
 *
 * @example
 * unbinSamples(binSamples(samples)).durationMinutes.A; // each value within 0.25 min of the true one, sorted
 */
export function unbinSamples(binned: BinnedSamples): MachineSamples {
  return {
    durationMinutes: mapValues(binned.durationMinutes, valuesOf),
    reportDelayMinutes: mapValues(binned.reportDelayMinutes, valuesOf),
    appointmentDelayDays: mapValues(binned.appointmentDelayDays, valuesOf),
  };
}

/** What is wrong with a histogram's invariants (empty when none), against the expected bin width. */
export function histogramFaults(
  histogram: Histogram,
  width: number,
): ('width' | 'bin' | 'order' | 'total')[] {
  const faults: ('width' | 'bin' | 'order' | 'total')[] = [];
  if (histogram.width !== width) faults.push('width');
  let sum = 0;
  let previous = -Infinity;
  let ordered = true;
  let integral = true;
  for (const [bin, count] of histogram.bins) {
    if (!Number.isSafeInteger(bin) || !Number.isSafeInteger(count) || count < 1) integral = false;
    if (!(bin > previous)) ordered = false;
    previous = bin;
    sum += count;
  }
  if (!integral) faults.push('bin');
  if (!ordered) faults.push('order');
  if (sum !== histogram.n) faults.push('total');
  return faults;
}
