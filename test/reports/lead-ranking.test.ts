import { describe, expect, it } from 'vitest';
import type { MachineIndicators, MachineSamples } from '../../src/core/indicators/index.ts';
import { medianExamDuration, rankLeads, weightedMedian } from '../../src/core/views/index.ts';
import { indexOfKit, lateStartKit } from './late-start-kit.ts';

const index = indexOfKit(lateStartKit());
const base = index.machineById.get('CT-LATE')!;

/** The machine with hand-set leads and per-category medians. */
function machineWith(overrides: Partial<MachineIndicators>): MachineIndicators {
  return { ...base, ...overrides };
}

const handLeads: MachineIndicators['leads'] = {
  lateStartMinutes: { n: 20, p50: 45, p80: 45, hoursPerWeek: 3.75 },
  earlyEndMinutes: { n: 20, p50: 10, p80: 12, hoursPerWeek: 1 },
  turnoverGapMinutes: null,
  overrunMinutes: { n: 100, p50: 2, p80: 5, hoursPerWeek: 5 },
};
const handDurations: MachineIndicators['durationMinutes'] = {
  A: { n: 30, p20: 10, p50: 15, p80: 20 },
  H: { n: 10, p20: 20, p50: 30, p80: 40 },
  U: { n: 20, p20: 8, p50: 10, p80: 12 },
};

describe('weightedMedian', () => {
  it('takes the smallest value reaching half the weight', () => {
    expect(weightedMedian([10, 20, 40], [1, 1, 3])).toBe(40);
    expect(weightedMedian([30, 10, 15], [10, 20, 30])).toBe(15);
    expect(weightedMedian([5, 7], [1, 1])).toBe(5);
    expect(weightedMedian([5, 7], [0, 0])).toBeNull();
    expect(weightedMedian([], [])).toBeNull();
  });
});

describe('rankLeads', () => {
  it('sorts by hours per week, unmeasured leads last, from per-category medians without samples', () => {
    const ranking = rankLeads(machineWith({ leads: handLeads, durationMinutes: handDurations }));
    // weighted median of 10 (×20), 15 (×30), 30 (×10): half of 60 is reached at 15
    expect(ranking.medianExamMinutes).toBe(15);
    expect(ranking.durationBasis).toBe('category-medians');
    expect(ranking.leads.map((l) => l.key)).toEqual([
      'overrunMinutes',
      'lateStartMinutes',
      'earlyEndMinutes',
      'turnoverGapMinutes',
    ]);
    const [overrun, late, early, turnover] = ranking.leads;
    expect(overrun).toEqual({
      key: 'overrunMinutes',
      n: 100,
      median: 2,
      p80: 5,
      hoursPerWeek: 5,
      examsPerWeek: 20,
    });
    expect(late!.examsPerWeek).toBeCloseTo(15, 10); // 3.75 h × 60 / 15 min
    expect(early!.examsPerWeek).toBeCloseTo(4, 10);
    expect(turnover).toEqual({
      key: 'turnoverGapMinutes',
      n: 0,
      median: null,
      p80: null,
      hoursPerWeek: null,
      examsPerWeek: null,
    });
  });

  it('pools the exams of the samples when it has them', () => {
    const samples: MachineSamples = {
      durationMinutes: { A: new Float64Array([10, 20, 30]), H: new Float64Array([40]) },
      reportDelayMinutes: {},
      appointmentDelayDays: {},
    };
    const ranking = rankLeads(
      machineWith({ leads: handLeads, durationMinutes: handDurations }),
      samples,
    );
    expect(ranking.durationBasis).toBe('pooled-exams');
    expect(ranking.medianExamMinutes).toBe(25);
    expect(ranking.leads.find((l) => l.key === 'lateStartMinutes')!.examsPerWeek).toBeCloseTo(
      9,
      10,
    );
  });

  it('falls back to the category medians when the samples are empty, and says when nothing is timed', () => {
    const empty: MachineSamples = {
      durationMinutes: {},
      reportDelayMinutes: {},
      appointmentDelayDays: {},
    };
    expect(medianExamDuration(machineWith({ durationMinutes: handDurations }), empty)).toEqual({
      minutes: 15,
      basis: 'category-medians',
    });
    const none = rankLeads(machineWith({ leads: handLeads, durationMinutes: {} }), empty);
    expect(none.medianExamMinutes).toBeNull();
    expect(none.durationBasis).toBeNull();
    expect(none.leads.every((l) => l.examsPerWeek === null)).toBe(true);
  });

  it('ranks late start first on a machine that starts 45 minutes late every morning (engine-computed)', () => {
    const ranking = rankLeads(base, index.data.samples.get('CT-LATE'));
    expect(ranking.leads.map((l) => l.key)).toEqual([
      'lateStartMinutes',
      'overrunMinutes',
      'turnoverGapMinutes',
      'earlyEndMinutes',
    ]);
    const [late, overrun, turnover, early] = ranking.leads;
    expect(late!.n).toBe(20);
    expect(late!.median).toBe(45);
    expect(late!.hoursPerWeek).toBeCloseTo((20 * 45) / 60 / 4, 10); // 3.75
    expect(overrun!.hoursPerWeek).toBeCloseTo((20 * 37) / 60 / 4, 10); // 3.083
    expect(turnover!.hoursPerWeek).toBeCloseTo((20 * 36) / 60 / 4, 10); // 3
    expect(early!.hoursPerWeek).toBeCloseTo(20 / 60 / 4, 10);
    expect(ranking.medianExamMinutes).toBe(14);
    expect(late!.examsPerWeek).toBeCloseTo((3.75 * 60) / 14, 10); // 16.07
  });
});
