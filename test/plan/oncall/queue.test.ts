import { describe, expect, it } from 'vitest';
import { erlangC } from '../../../src/plan/simulation/fifo-queue.ts';
import {
  evaluateQueue,
  linesForTarget,
  mmcResponseWithin,
  mmcWaitWithin,
} from '../../../src/plan/oncall/index.ts';

describe('Erlang C closed forms', () => {
  it('matches textbook values of C(c, a) and W_q', () => {
    // c = 2, a = 1: C = (a²/(2−a)) / (1 + a + a²/(2−a)) = 1 / 3; W_q = C / (cμ − λ) = 1/3 with λ = μ = 1.
    expect(erlangC(2, 1)).toBeCloseTo(1 / 3, 12);
    // c = 3, a = 2: B(3,2) = (8/6)/(1+2+2+8/6) = 4/19; C = B/(1 − ρ + ρB) = (4/19)/(1/3 + 8/57) = 4/9.
    expect(erlangC(3, 2)).toBeCloseTo(4 / 9, 12);
    // c = 2, λ = 1.5, μ = 1: C = 2.25/0.5 / 7 = 9/14, W_q = (9/14)/0.5 = 9/7.
    const r = evaluateQueue([{ arrivalsPerHour: 1.5, readingHours: 1 }], 2, {
      distribution: 'exponential',
      targetHours: 1,
      seed: 1,
      customers: 1000,
    });
    expect(r?.method).toBe('erlang-c');
    expect(r?.meanResponseHours).toBeCloseTo(9 / 7 + 1, 10);
  });

  it('P(wait ≤ t) = 1 − C·e^{−(cμ−λ)t} and the response tail by hand', () => {
    // c = 2, λ = 1.5, μ = 1, t = 1: 1 − (9/14)·e^{−0.5} = 1 − 0.642857 × 0.606531 = 0.610087.
    expect(mmcWaitWithin(1.5, 1, 2, 1)).toBeCloseTo(0.610087, 5);
    // P(T > 1) = e^{−1} + C·μ·(e^{−1} − e^{−0.5})/(θ − μ), θ = 0.5:
    // 0.367879 + 0.642857 × (0.367879 − 0.606531)/(−0.5) = 0.367879 + 0.306838 = 0.674717.
    expect(mmcResponseWithin(1.5, 1, 2, 1)).toBeCloseTo(1 - 0.674717, 5);
    // M/M/1: T ~ Exp(μ − λ): λ = 1, μ = 6, t = 0.5 → 1 − e^{−2.5} = 0.917915.
    expect(mmcResponseWithin(1, 6, 1, 0.5)).toBeCloseTo(0.917915, 5);
    // θ = μ (c = 2, λ = μ = 1): P(T > t) = e^{−t}(1 + C t), C = 1/3, t = 1 → 0.367879 × 4/3 = 0.490506.
    expect(mmcResponseWithin(1, 1, 2, 1)).toBeCloseTo(1 - 0.490506, 5);
    expect(mmcWaitWithin(2, 1, 2, 1)).toBe(0); // unstable
  });

  it('the simulated queue agrees with Erlang C within a few % for exponential reading', () => {
    const classes = [{ arrivalsPerHour: 1.5, readingHours: 1 }];
    const settings = {
      distribution: 'exponential' as const,
      targetHours: 1,
      seed: 7,
      customers: 200_000,
    };
    const sim = evaluateQueue(classes, 2, { ...settings, forceSimulation: true });
    expect(sim?.method).toBe('simulation');
    // Closed forms above: W = 9/7 + 1 = 2.2857 h, P(T ≤ 1) = 0.325283.
    expect(Math.abs((sim?.meanResponseHours ?? 0) / (9 / 7 + 1) - 1)).toBeLessThan(0.04);
    expect(Math.abs((sim?.shareWithin ?? 0) - 0.325283)).toBeLessThan(0.015);
  });

  it('deterministic reading is simulated and reads more within target than exponential', () => {
    // M/D/1 with λ = 1, reading 10 min: waits are shorter than M/M/1's (Pollaczek-Khinchine halves W_q).
    const classes = [{ arrivalsPerHour: 1, readingHours: 1 / 6 }];
    const det = evaluateQueue(classes, 1, {
      distribution: 'deterministic',
      targetHours: 0.5,
      seed: 3,
      customers: 100_000,
    });
    expect(det?.method).toBe('simulation');
    // P-K: W_q = λ E[S²] / (2(1 − ρ)) = 1 × (1/36) / (2 × 5/6) = 1/60 h = 1 min; response 11 min.
    expect((det?.meanResponseHours ?? 0) * 60).toBeGreaterThan(10.9 * 0.97);
    expect((det?.meanResponseHours ?? 0) * 60).toBeLessThan(11 * 1.03);
    expect(det?.shareWithin ?? 0).toBeGreaterThan(0.98);
  });

  it('lines for a target share: the smallest count that reaches it', () => {
    // λ = 1.5/h, reading 10 min (μ = 6), target 30 min: c = 1 → 1 − e^{−(6 − 1.5)·0.5} = 0.894601 < 0.9;
    // c = 2 → 0.948563 (see pooling test) ≥ 0.9.
    const s = { distribution: 'exponential' as const, targetHours: 0.5, seed: 1, customers: 1000 };
    expect(linesForTarget([{ arrivalsPerHour: 1.5, readingHours: 1 / 6 }], 0.9, 20, s)?.lines).toBe(
      2,
    );
    expect(
      linesForTarget([{ arrivalsPerHour: 1.5, readingHours: 1 / 6 }], 0.85, 20, s)?.lines,
    ).toBe(1);
    // Reading 40 min with a 30 min target: even without waiting P(S ≤ 30) = 1 − e^{−0.75} = 0.53 < 0.9.
    expect(linesForTarget([{ arrivalsPerHour: 1, readingHours: 2 / 3 }], 0.9, 20, s)).toBeNull();
  });
});
