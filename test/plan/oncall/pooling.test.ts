import { describe, expect, it } from 'vitest';
import type { Exam } from '../../../src/core/kit-types.ts';
import {
  defaultReadingModel,
  pdsDemand,
  poolingOptions,
  type PoolingOption,
} from '../../../src/plan/oncall/index.ts';
import { ct, examEnding } from './fixtures.ts';

/*
 * Two sites, one week from Monday 2026-01-05 in Paris (CET, UTC+1, no DST, no holiday).
 * PDS hours: 5 weeknights × 12 h = 60 (night) + 48 (weekend) = 108 h.
 * Site A: one CT exam ending at hh:30 of every PDS hour → 108/week, λ_A = 1/h (60 night, 48 weekend).
 * Site B: every other PDS hour → 54/week, λ_B = 0.5/h (30 night, 24 weekend).
 * Reading 10 min exponential (μ = 6/h), target 30 min (t = 0.5 h). For M/M/1, T ~ Exp(μ − λ).
 *   A alone, c = 1: P(T ≤ 0.5) = 1 − e^{−5·0.5} = 0.917915, W = 1/5 h = 12 min.
 *   B alone, c = 1: 1 − e^{−5.5·0.5} = 0.936072, W = 1/5.5 h = 10.909091 min.
 *   Hub, λ = 1.5, c = 1: 1 − e^{−4.5·0.5} = 0.894601 (< 0.9), W = 13.333333 min.
 *   Hub, c = 2: a = 0.25, C = (a²/(2−a))/(1 + a + a²/(2−a)) = 0.035714/1.285714 = 1/36, θ = 12 − 1.5 = 10.5;
 *     P(T > 0.5) = e^{−3} + C·6·(e^{−3} − e^{−5.25})/(10.5 − 6) = 0.049787 + 0.001650 = 0.051437 → 0.948563;
 *     W = C/θ + 1/6 h = (1/378 + 1/6) h = 10.158730 min.
 * The hub at night has λ = 90/60 = 1.5 (same as above); each site at weekends λ_A = 1, λ_B = 0.5.
 */
const DAY = 86_400_000;
function twoSites(): Exam[] {
  const exams: Exam[] = [];
  let k = 0;
  for (let day = 0; day < 7; day++)
    for (let h = 0; h < 24; h++) {
      if (day < 5 && h >= 8 && h < 20) {
        exams.push(
          examEnding(
            'A-CT',
            Date.UTC(2026, 0, 5) + day * DAY + (h - 1) * 3_600_000 + 1_800_000,
            10_000 + h + 24 * day,
          ),
        ); // daytime
        continue;
      }
      const end = Date.UTC(2026, 0, 5 + day, h, 30) - 3_600_000; // hh:30 CET
      exams.push(examEnding('A-CT', end, k));
      if (k % 2 === 0) exams.push(examEnding('B-CT', end, k));
      k++;
    }
  return exams;
}

const campaign = { id: 'c', name: 'c', start: '2026-01-05', days: 7, timeZone: 'Europe/Paris' };
const demand = pdsDemand(campaign, [ct('A'), ct('B')], twoSites());
const model = (targetShare: number) =>
  defaultReadingModel({
    readingMinutes: { CT: 10, MR: 20 },
    distribution: 'exponential',
    targetShare,
    hourlyRate: 100,
  });
const byId = (options: PoolingOption[], id: string): PoolingOption =>
  options.find((o) => o.id === id)!;

describe('on-call pooling, two sites by hand', () => {
  it('measures the demand', () => {
    expect(demand.hoursPerWeek).toEqual({ night: 60, weekend: 48 });
    expect(demand.rows.map((r) => [r.site, r.perWeek.night, r.perWeek.weekend])).toEqual([
      ['A', 60, 48],
      ['B', 30, 24],
    ]);
  });

  it('target 90 %: each site 1 line, the hub 2 lines (c = 1 reads only 89.5 %), same hours', () => {
    const o = poolingOptions(demand, model(0.9));
    const sep = byId(o, 'separate');
    expect(sep.linesNeeded.value).toBe(2);
    expect(sep.onCallHoursPerWeek.value).toBe(216); // 2 lines × 108 h
    expect(sep.examsPerOnCallHour.value).toBeCloseTo(162 / 216, 10);
    // (108 × 0.917915 + 54 × 0.936072) / 162
    expect(sep.shareReadWithinTarget.value).toBeCloseTo(0.923967, 5);
    // (108 × 12 + 54 × 10.909091) / 162
    expect(sep.meanResponseMinutes.value).toBeCloseTo(11.636364, 5);
    expect(sep.costPerWeek.value).toBe(21_600);
    expect(sep.linesNeeded.provenance).toBe('input'); // reading time given by the user
    const hub = byId(o, 'hub');
    expect(hub.linesNeeded.value).toBe(2);
    expect(hub.onCallHoursPerWeek.value).toBe(216);
    expect(hub.shareReadWithinTarget.value).toBeCloseTo(0.948563, 5);
    expect(hub.meanResponseMinutes.value).toBeCloseTo(10.15873, 4);
    // Every PDS hour slot holds 1 exam of A, and 1 of B on alternate slots: busiest slot 2 exams/h.
    expect(hub.queues[0]!.peakArrivalsPerHour).toBe(2);
    expect(sep.queues[1]!.peakArrivalsPerHour).toBe(1);
    const mix = byId(o, 'hub-night-sites-weekend');
    // night: hub 2 lines × 60 h; weekend: 1 + 1 lines × 48 h → 216 h
    expect(mix.onCallHoursPerWeek.value).toBe(216);
    // (90 × 0.948563 + 48 × 0.917915 + 24 × 0.936072) / 162 = 0.937631
    expect(mix.shareReadWithinTarget.value).toBeCloseTo(0.937631, 5);
  });

  it('target 85 %: the hub reads for both with one line, half the on-call hours', () => {
    const o = poolingOptions(demand, model(0.85));
    expect(byId(o, 'separate').onCallHoursPerWeek.value).toBe(216);
    const hub = byId(o, 'hub');
    expect(hub.linesNeeded.value).toBe(1);
    expect(hub.onCallHoursPerWeek.value).toBe(108);
    expect(hub.examsPerOnCallHour.value).toBeCloseTo(1.5, 10);
    expect(hub.shareReadWithinTarget.value).toBeCloseTo(0.894601, 5);
    expect(hub.meanResponseMinutes.value).toBeCloseTo(13.333333, 5);
    expect(hub.costPerWeek.value).toBe(10_800);
    const mix = byId(o, 'hub-night-sites-weekend');
    expect(mix.onCallHoursPerWeek.value).toBe(60 + 48 + 48); // hub 1 line at night, both sites at weekends
    expect(mix.linesNeeded.value).toBe(2); // two lines on call at the weekend
    // (90 × 0.894601 + 48 × 0.917915 + 24 × 0.936072) / 162
    expect(mix.shareReadWithinTarget.value).toBeCloseTo(0.907652, 5);
    const rev = byId(o, 'sites-night-hub-weekend');
    expect(rev.onCallHoursPerWeek.value).toBe(60 + 60 + 48);
  });

  it('exponential reading: the illustrative 15 min CT cannot reach 90 % in 30 min, however many lines', () => {
    const o = poolingOptions(demand, defaultReadingModel({ distribution: 'exponential' }));
    expect(byId(o, 'hub').queues[0]!.method).toBe('erlang-c');
    expect(byId(o, 'hub').shareReadWithinTarget.provenance).toBe('illustrative');
    expect(byId(o, 'hub').costPerWeek.value).toBeNull();
    // CT 15 min exponential: P(S ≤ 30) = 1 − e^{−2} = 0.865 < 0.9 whatever the lines.
    expect(byId(o, 'hub').linesNeeded.value).toBeNull();
    expect(byId(o, 'hub').onCallHoursPerWeek.value).toBeNull();
  });

  it('default model: fixed reading of the illustrative times, and 90 % in 30 min is reachable', () => {
    const m = defaultReadingModel();
    expect(m.distribution).toBe('deterministic');
    expect(m.readingProvenance).toBe('illustrative');
    expect([m.targetMinutes, m.targetShare, m.hourlyRate]).toEqual([30, 0.9, null]);
    const o = poolingOptions(demand, m);
    expect(byId(o, 'hub').shareReadWithinTarget.provenance).toBe('illustrative');
    expect(byId(o, 'hub').costPerWeek.value).toBeNull();
    for (const option of o) expect(option.linesNeeded.value, option.id).not.toBeNull();
    // M/D/1, S = 15 min, t = 30 min = 2S: response ≤ t ⇔ wait ≤ S, P(W ≤ S) = (1 − ρ)·e^{λS}.
    //   A: λ = 1/h, ρ = 0.25 → 0.75·e^{0.25} = 0.963019; B: λ = 0.5, ρ = 0.125 → 0.875·e^{0.125} = 0.991505.
    //   Separate, 1 line each: (108 × 0.963019 + 54 × 0.991505) / 162 = 0.972514.
    //   Mean response S + λS²/(2(1 − ρ)): A 15 + 2.5 = 17.5 min, B 15 + 1.071 = 16.071 → 17.024.
    const sep = byId(o, 'separate');
    expect(sep.linesNeeded.value).toBe(2);
    expect(sep.queues.every((q) => q.method === 'simulation' && q.lines === 1)).toBe(true);
    expect(sep.shareReadWithinTarget.value!).toBeGreaterThan(0.972514 - 0.01);
    expect(sep.shareReadWithinTarget.value!).toBeLessThan(0.972514 + 0.01);
    expect(sep.meanResponseMinutes.value!).toBeGreaterThan(17.024 * 0.98);
    expect(sep.meanResponseMinutes.value!).toBeLessThan(17.024 * 1.02);
  });

  it('deterministic reading is simulated, seeded, and reaches the target with fewer waits', () => {
    const m = defaultReadingModel({
      readingMinutes: { CT: 10, MR: 20 },
      distribution: 'deterministic',
      simulatedCustomers: 20_000,
    });
    const a = poolingOptions(demand, m);
    const b = poolingOptions(demand, m);
    expect(byId(a, 'hub').queues[0]!.method).toBe('simulation');
    expect(byId(a, 'hub').shareReadWithinTarget.value).toBe(
      byId(b, 'hub').shareReadWithinTarget.value,
    );
    // M/D/1 at λ = 1.5, S = 10 min: P-K W_q = λS²/(2(1−ρ)) = 1.5/36/1.5 h = 1.667 min; one line suffices.
    expect(byId(a, 'hub').linesNeeded.value).toBe(1);
    expect(byId(a, 'hub').meanResponseMinutes.value!).toBeGreaterThan(11.667 * 0.97);
    expect(byId(a, 'hub').meanResponseMinutes.value!).toBeLessThan(11.667 * 1.03);
  });
});
