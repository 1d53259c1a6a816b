/**
 * The generator's randomness and quantile tools: streams are reproducible and independent,
 * deviates have the right moments, and stratified scores give exact percentiles.
 */
import { describe, expect, it } from 'vitest';
import { quantiles } from '../../src/core/stats.ts';
import { luhnDigit, luhnValid } from '../../src/generate/geography.ts';
import { apportion } from '../../src/generate/panel.ts';
import {
  balancedScores,
  deriveSeed,
  evalCurve,
  normalQuantile,
  percentileCurve,
  Rng,
  stratifiedScores,
  Z80,
} from '../../src/generate/random.ts';
import { surveyDays } from '../../src/generate/survey.ts';

describe('Rng (sfc32)', () => {
  it('repeats a stream for a seed and differs between seeds and purposes', () => {
    const draw = (seed: number): number[] => {
      const rng = new Rng(seed);
      return Array.from({ length: 5 }, () => rng.uint32());
    };
    expect(draw(42)).toEqual(draw(42));
    expect(draw(42)).not.toEqual(draw(43));
    expect(deriveSeed(2010, 1, 5)).not.toBe(deriveSeed(2010, 1, 6));
    expect(deriveSeed(2010, 1, 5)).toBe(deriveSeed(2010, 1, 5));
  });

  it('draws uniforms in [0, 1) and standard normals with mean 0, variance 1', () => {
    const rng = new Rng(7);
    const n = 200_000;
    let sum = 0;
    let sq = 0;
    let min = 1;
    let max = 0;
    for (let i = 0; i < n; i++) {
      const u = rng.float();
      min = Math.min(min, u);
      max = Math.max(max, u);
      const z = rng.normal();
      sum += z;
      sq += z * z;
    }
    expect(min).toBeGreaterThanOrEqual(0);
    expect(max).toBeLessThan(1);
    expect(Math.abs(sum / n)).toBeLessThan(0.01);
    expect(Math.abs(sq / n - 1)).toBeLessThan(0.02);
  });

  it('picks by weight', () => {
    const rng = new Rng(3);
    const counts = [0, 0, 0];
    for (let i = 0; i < 30_000; i++) {
      const k = rng.weighted([1, 2, 7]);
      counts[k] = (counts[k] as number) + 1;
    }
    expect((counts[2] as number) / 30_000).toBeCloseTo(0.7, 1);
    expect(counts[0]).toBeGreaterThan(2500);
  });
});

describe('quantile tools', () => {
  it('inverts the normal CDF', () => {
    expect(normalQuantile(0.5)).toBeCloseTo(0, 9);
    expect(normalQuantile(0.8)).toBeCloseTo(Z80, 8);
    expect(normalQuantile(0.975)).toBeCloseTo(1.959963985, 7);
    expect(normalQuantile(0.001)).toBeCloseTo(-3.090232306, 6);
  });

  it('puts P20 / P50 / P80 of a percentile curve exactly at their normal scores', () => {
    const c = percentileCurve(5, 10, 15.8, { low: [-2.6, 3], high: [2.6, 40] }, { min: 3 });
    expect(evalCurve(c, -Z80)).toBeCloseTo(5, 9);
    expect(evalCurve(c, 0)).toBeCloseTo(10, 9);
    expect(evalCurve(c, Z80)).toBeCloseTo(15.8, 9);
    expect(evalCurve(c, -10)).toBe(3);
  });

  it('stratified scores land on the aimed percentiles whatever the draw', () => {
    const rng = new Rng(11);
    const scores = stratifiedScores(Array.from({ length: 326 }, () => rng.normal()));
    const c = percentileCurve(37.4, 47, 56.2, { low: [-2.6, 12], high: [2.6, 72] }, { log: false });
    const q = quantiles(scores.map((z) => evalCurve(c, z)));
    expect(q.p20).toBeCloseTo(37.4, 0);
    expect(q.p50).toBeCloseTo(47, 0);
    expect(q.p80).toBeCloseTo(56.2, 0);
  });

  it('balanced scores are the stratified scores, spread evenly over weights', () => {
    const rng = new Rng(5);
    const weights = Array.from({ length: 200 }, (_, i) => i);
    const balanced = balancedScores(weights, rng);
    const sorted = [...balanced].sort((a, b) => a - b);
    expect(sorted).toEqual([...stratifiedScores(weights)].sort((a, b) => a - b));
    // No drift with weight: the heavier half has about the same mean score as the lighter half.
    const mean = (xs: number[]): number => xs.reduce((s, x) => s + x, 0) / xs.length;
    expect(Math.abs(mean(balanced.slice(100)) - mean(balanced.slice(0, 100)))).toBeLessThan(0.1);
  });

  it('apportions exactly', () => {
    expect(apportion([117, 18, 14], 149)).toEqual([117, 18, 14]);
    expect(apportion([1, 1, 1], 10).reduce((a, b) => a + b, 0)).toBe(10);
  });

  it('survey days sit on the published percentiles', () => {
    expect(surveyDays('CT', 'inpatient', 0.2)).toBe(0);
    expect(surveyDays('CT', 'inpatient', 0.5)).toBe(2);
    expect(surveyDays('CT', 'inpatient', 0.8)).toBe(5);
    expect(surveyDays('MR', 'outpatient', 0.2)).toBe(11);
    expect(surveyDays('MR', 'outpatient', 0.5)).toBe(21);
    expect(surveyDays('MR', 'outpatient', 0.8)).toBe(38);
  });
});

describe('FINESS keys', () => {
  it('computes Luhn check digits', () => {
    expect(luhnDigit('7992739871')).toBe(3);
    expect(luhnValid('79927398713')).toBe(true);
    expect(luhnValid('79927398710')).toBe(false);
  });
});
