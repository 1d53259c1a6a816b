// A scenario's cost (planning.md §5) by hand: added yearly cost ÷ exams gained per year and
// ÷ days of outpatient P50 delay saved; null with the reason when the gain is not significant or ≤ 0.
import { describe, expect, it } from 'vitest';
import { scenarioCost } from '../../../src/plan/costs/index.ts';
import {
  FIGURE_KEYS,
  type Delta,
  type FigureKey,
  type ScenarioResult,
} from '../../../src/plan/simulation/types.ts';

function scenario(
  passages: Partial<Delta>,
  delay: Partial<Delta>,
  reliable = true,
): ScenarioResult {
  const none: Delta = { mean: 0, ci95: [0, 0], significant: false };
  const delta = Object.fromEntries(FIGURE_KEYS.map((k) => [k, none])) as Record<FigureKey, Delta>;
  delta.passagesPerWeek = { ...none, ...passages };
  delta['appointmentDelayDays.outpatient.p50'] = { ...none, ...delay };
  const figures = Object.fromEntries(
    FIGURE_KEYS.map((k) => [k, { mean: null, ci95: null }]),
  ) as ScenarioResult['figures'];
  return { name: 'extra evening', changes: [], figures, delta, reliable };
}

// 20 h a week × 40 €/h × 52 = 41,600; an added machine 1,400,000 ÷ 7 + 120,000 = 320,000 → 361,600 a year.
const added = {
  staffHoursPerWeek: 20,
  hourlyStaffCost: 40,
  addedMachines: [{ purchasePrice: 1_400_000, amortisationYears: 7, maintenance: 120_000 }],
};

describe('scenarioCost by hand', () => {
  it('divides 361,600 by 10 × 52 = 520 exams gained and by 2 days saved', () => {
    const c = scenarioCost(
      { origin: 'input' },
      scenario({ mean: 10, significant: true }, { mean: -2, significant: true }),
      added,
    );
    expect(c.addedCostPerYear).toBe(361_600);
    expect(c.examsGainedPerYear).toBe(520);
    expect(c.p50DaysSaved).toBe(2);
    expect(c.costPerExamGained.value).toBeCloseTo(695.384615, 5);
    expect(c.costPerDaySaved).toEqual({ value: 180_800 });
    expect(c.provenance).toBe('input');
    expect(c.reliable).toBe(true);
  });

  it('gives null and says why: not significant, no gain, not computable', () => {
    const c = scenarioCost(
      { origin: 'illustrative' },
      scenario({ mean: 10, significant: false }, { mean: 3, significant: true }, false),
      added,
    );
    expect(c.costPerExamGained).toEqual({ value: null, reason: 'not-significant' });
    expect(c.costPerDaySaved).toEqual({ value: null, reason: 'no-gain' }); // the delay grew by 3 days
    expect(c.provenance).toBe('illustrative');
    expect(c.reliable).toBe(false);
    const d = scenarioCost(
      { origin: 'input' },
      scenario({ mean: -4, significant: true }, { mean: null, significant: false }),
      added,
    );
    expect(d.costPerExamGained).toEqual({ value: null, reason: 'no-gain' });
    expect(d.costPerDaySaved).toEqual({ value: null, reason: 'not-computable' });
  });

  it('refuses staff hours without an hourly cost, and a machine with 0 amortisation years', () => {
    const s = scenario({ mean: 10, significant: true }, { mean: -2, significant: true });
    const c = scenarioCost({ origin: 'input' }, s, { staffHoursPerWeek: 20 });
    expect(c.addedCostPerYear).toBeNull();
    expect(c.costPerExamGained).toEqual({ value: null, reason: 'missing-hourly-cost' });
    const d = scenarioCost({ origin: 'input' }, s, {
      addedMachines: [{ purchasePrice: 1, amortisationYears: 0, maintenance: 0 }],
    });
    expect(d.costPerDaySaved).toEqual({ value: null, reason: 'invalid-added-cost' });
  });
});
