/**
 * The quantile tools that let the synthetic campaign's generator hit published percentiles, on
 * top of the seeded streams of `core/random.ts` (re-exported here for the generator's modules).
 */
import type { Rng } from '../core/random.ts';

export { deriveSeed, Rng } from '../core/random.ts';

/**
 * Inverse of the standard normal CDF (Acklam's rational approximation, relative error below
 * 1.2e-9), for turning stratified ranks into normal scores.
 */
export function normalQuantile(p: number): number {
  if (p <= 0) return -Infinity;
  if (p >= 1) return Infinity;
  const a = [
    -39.69683028665376, 220.9460984245205, -275.9285104469687, 138.357751867269, -30.66479806614716,
    2.506628277459239,
  ];
  const b = [
    -54.47609879822406, 161.5858368580409, -155.6989798598866, 66.80131188771972,
    -13.28068155288572,
  ];
  const c = [
    -0.007784894002430293, -0.3223964580411365, -2.400758277161838, -2.549732539343734,
    4.374664141464968, 2.938163982698783,
  ];
  const d = [0.007784695709041462, 0.3224671290700398, 2.445134137142996, 3.754408661907416];
  const [a0, a1, a2, a3, a4, a5] = a as [number, number, number, number, number, number];
  const [b0, b1, b2, b3, b4] = b as [number, number, number, number, number];
  const [c0, c1, c2, c3, c4, c5] = c as [number, number, number, number, number, number];
  const [d0, d1, d2, d3] = d as [number, number, number, number];
  const low = 0.02425;
  if (p < low) {
    const q = Math.sqrt(-2 * Math.log(p));
    return (
      (((((c0 * q + c1) * q + c2) * q + c3) * q + c4) * q + c5) /
      ((((d0 * q + d1) * q + d2) * q + d3) * q + 1)
    );
  }
  if (p > 1 - low) {
    const q = Math.sqrt(-2 * Math.log(1 - p));
    return (
      -(((((c0 * q + c1) * q + c2) * q + c3) * q + c4) * q + c5) /
      ((((d0 * q + d1) * q + d2) * q + d3) * q + 1)
    );
  }
  const q = p - 0.5;
  const r = q * q;
  return (
    ((((((a0 * r + a1) * r + a2) * r + a3) * r + a4) * r + a5) * q) /
    (((((b0 * r + b1) * r + b2) * r + b3) * r + b4) * r + 1)
  );
}

/** The normal score of P20 / P80: Φ⁻¹(0.8). */
export const Z80 = 0.8416212335729143;

/**
 * A quantile curve over normal scores: value at knots `z`, interpolated linearly (in log space
 * when `log`) and extended with the end slopes, then clamped to [min, max]. A curve through
 * (−Z80, P20), (0, P50), (Z80, P80) turns a standard normal into a variable with exactly those
 * percentiles, which is how the generator lands on the published figures.
 */
export interface Curve {
  z: readonly number[];
  v: readonly number[];
  log: boolean;
  min: number;
  max: number;
}

/** Builds a curve; knots must be sorted by z, values positive when `log`. */
export function curve(
  knots: readonly (readonly [number, number])[],
  options: { log?: boolean; min?: number; max?: number } = {},
): Curve {
  const log = options.log ?? true;
  return {
    z: knots.map((k) => k[0]),
    v: knots.map((k) => (log ? Math.log(k[1]) : k[1])),
    log,
    min: options.min ?? -Infinity,
    max: options.max ?? Infinity,
  };
}

/** A curve with the published P20 / P50 / P80 at their normal scores, plus outer knots. */
export function percentileCurve(
  p20: number,
  p50: number,
  p80: number,
  outer: { low: readonly [number, number]; high: readonly [number, number] },
  options: { log?: boolean; min?: number; max?: number } = {},
): Curve {
  return curve([outer.low, [-Z80, p20], [0, p50], [Z80, p80], outer.high], options);
}

/** Value of a curve at normal score `z`. */
export function evalCurve(c: Curve, z: number): number {
  const { z: zs, v: vs } = c;
  const n = zs.length;
  let i = 0;
  while (i < n - 2 && z > (zs[i + 1] as number)) i++;
  const z0 = zs[i] as number;
  const z1 = zs[i + 1] as number;
  const v0 = vs[i] as number;
  const v1 = vs[i + 1] as number;
  const v = v0 + ((z - z0) * (v1 - v0)) / (z1 - z0);
  const out = c.log ? Math.exp(v) : v;
  return out < c.min ? c.min : out > c.max ? c.max : out;
}

/**
 * Stratified normal scores for `n` items ranked by `scores`: the item of rank r gets
 * Φ⁻¹((r + ½) / n). The empirical distribution is then standard normal to within
 * interpolation, whatever the draw, so percentiles across machines land where aimed.
 */
export function stratifiedScores(scores: readonly number[]): number[] {
  const n = scores.length;
  const order = scores
    .map((_, i) => i)
    .sort((a, b) => (scores[a] as number) - (scores[b] as number) || a - b);
  const out = new Array<number>(n).fill(0);
  order.forEach((item, rank) => (out[item] = normalQuantile((rank + 0.5) / n)));
  return out;
}

/**
 * Stratified normal scores balanced against a weight: items are sorted by `weights` and cut
 * into consecutive blocks, and each block receives an evenly spread subset of the scores
 * (systematic sampling), shuffled inside the block. Pooling exam-level values over machines
 * weighs machines by their exam counts; balancing keeps the pooled latent standard normal.
 */
export function balancedScores(weights: readonly number[], rng: Rng, blockSize = 8): number[] {
  const n = weights.length;
  const out = new Array<number>(n).fill(0);
  if (n === 0) return out;
  const order = weights
    .map((_, i) => i)
    .sort((a, b) => (weights[a] as number) - (weights[b] as number) || a - b);
  const blocks = Math.max(1, Math.ceil(n / blockSize));
  // Value ranks are cut into levels of `blocks` consecutive ranks; each block takes one rank of
  // every level, the level's ranks dealt to the blocks in random order (no block is favoured).
  const perBlock: number[][] = Array.from({ length: blocks }, () => []);
  for (let level = 0; level * blocks < n; level++) {
    const ranks: number[] = [];
    for (let v = level * blocks; v < Math.min(n, (level + 1) * blocks); v++) ranks.push(v);
    const targets = rng.shuffle(Array.from({ length: blocks }, (_, b) => b)).slice(0, ranks.length);
    ranks.forEach((v, k) => (perBlock[targets[k] as number] as number[]).push(v));
  }
  let cursor = 0;
  for (const values of perBlock) {
    rng.shuffle(values);
    for (const v of values) {
      const item = order[cursor++] as number;
      out[item] = normalQuantile((v + 0.5) / n);
    }
  }
  return out;
}
