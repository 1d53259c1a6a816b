// Statistics over replications: the Student t quantile against published values (scipy.stats.t.ppf),
// the mean's 95 % interval and the paired difference, checked by hand.
import { describe, expect, it } from 'vitest';
import {
  estimate,
  pairedDelta,
  studentTCdf,
  studentTQuantile,
} from '../../../src/plan/simulation/statistics.ts';

describe('studentTQuantile', () => {
  it('gives the 0.975 quantile of the tables for small and large degrees of freedom', () => {
    const known: [number, number][] = [
      [1, 12.706204736174694],
      [2, 4.302652729749462],
      [3, 3.1824463052837078],
      [4, 2.7764451051977934],
      [5, 2.5705818356363146],
      [9, 2.262157162798205],
      [19, 2.0930240544083087],
      [29, 2.045229642132703],
      [60, 2.0002978220142604],
      [120, 1.9799304050824402],
      [1000, 1.9623390808264083],
    ];
    for (const [df, t] of known) expect(studentTQuantile(0.975, df), `df ${df}`).toBeCloseTo(t, 9);
  });

  it('gives other quantiles, symmetric about 0', () => {
    expect(studentTQuantile(0.9, 7)).toBeCloseTo(1.4149239276505086, 9);
    expect(studentTQuantile(0.995, 3)).toBeCloseTo(5.840909309733355, 9);
    expect(studentTQuantile(0.025, 19)).toBeCloseTo(-2.0930240544083087, 9);
    expect(studentTQuantile(0.5, 4)).toBe(0);
    // df 1 is the Cauchy distribution: F(t) = 1/2 + atan(t)/π
    expect(studentTCdf(1, 1)).toBeCloseTo(0.75, 12);
    expect(() => studentTQuantile(1, 5)).toThrow(RangeError);
    expect(() => studentTQuantile(0.9, 0)).toThrow(RangeError);
  });
});

describe('estimate', () => {
  it('is the mean ± t(0.975, n − 1) · sd / √n', () => {
    // mean 4, sd² = (4 + 0 + 4) / 2 = 4, half-width = 4.302652729749462 × 2 / √3
    const e = estimate([2, 4, 6]);
    expect(e.mean).toBe(4);
    const half = (4.302652729749462 * 2) / Math.sqrt(3);
    expect(e.ci95![0]).toBeCloseTo(4 - half, 9);
    expect(e.ci95![1]).toBeCloseTo(4 + half, 9);
  });

  it('leaves out missing values; no interval under two values, no mean without any', () => {
    expect(estimate([null, 5, NaN])).toEqual({ mean: 5, ci95: null });
    expect(estimate([null, null])).toEqual({ mean: null, ci95: null });
    expect(estimate([3, 3, 3])).toEqual({ mean: 3, ci95: [3, 3] });
  });
});

describe('pairedDelta', () => {
  it('is b − a per replication, significant when its interval excludes 0', () => {
    // differences 1, 2, 3: mean 2, sd 1, half = 4.3027 / √3 = 2.484 → [−0.48, 4.48]: not significant
    const d = pairedDelta([10, 20, 30], [11, 22, 33]);
    expect(d.mean).toBe(2);
    expect(d.ci95![0]).toBeCloseTo(2 - 4.302652729749462 / Math.sqrt(3), 9);
    expect(d.significant).toBe(false);
    // differences 2, 2.1, 1.9, 2, 2: clearly positive although a and b are noisy
    const s = pairedDelta([5, 50, 500, 7, 9], [7, 52.1, 501.9, 9, 11]);
    expect(s.mean).toBeCloseTo(2, 12);
    expect(s.significant).toBe(true);
    expect(pairedDelta([5, 6, 7], [4, 5, 6]).significant).toBe(true);
  });

  it('gives [0, 0], not significant, for a difference that is exactly 0 every time', () => {
    expect(pairedDelta([1, 2, 3], [1, 2, 3])).toEqual({
      mean: 0,
      ci95: [0, 0],
      significant: false,
    });
  });

  it('skips pairs with a missing side', () => {
    expect(pairedDelta([1, null, 3], [2, 5, null])).toEqual({
      mean: 1,
      ci95: null,
      significant: false,
    });
  });
});
