// Cost figures of planning.md §5 computed by hand (comments): the amortisation boundary (age 6
// vs 7 with 7 years), the forfait technique tiers at their thresholds, site totals, a missing row.
import { describe, expect, it } from 'vitest';
import {
  computeCosts,
  forfaitTier,
  type CostMachine,
  type CostRow,
} from '../../../src/plan/costs/index.ts';

const row = (equipmentId: string): CostRow => ({
  equipmentId,
  purchasePrice: 700_000, // ÷ 7 years = 100,000 a year
  amortisationYears: 7,
  maintenance: 63_000,
  staff: 400_000,
  consumablesPerExam: 20,
  overhead: 80_000,
});
const machine = (
  equipmentId: string,
  installedYear: number | null,
  finess = 'F1',
): CostMachine => ({
  equipmentId,
  finess,
  modality: 'CT',
  installedYear,
  exams: 2_200, // over 73 days: × 365 / 73 = 11,000 a year
  icrTotal: 20_000, // 100,000 a year
  programmedHoursPerWeek: 50, // 2,600 hours a year
});
const campaign = { year: 2025, days: 73 };

describe('computeCosts by hand', () => {
  const report = computeCosts({
    campaign,
    machines: [
      machine('A', 2019),
      machine('B', 2018),
      machine('U', null),
      machine('C', 2020),
      machine('D', 2020, 'F2'),
    ],
    costs: { origin: 'input', rows: [row('A'), row('B'), row('U'), row('D'), row('ghost')] },
  });
  const byId = new Map(report.machines.map((m) => [m.equipmentId, m]));

  it('counts the purchase at age 6 of 7 years: 100,000 + 63,000 + 400,000 + 80,000 + 20 × 11,000 = 863,000', () => {
    const a = byId.get('A')!;
    expect(a.ageYears).toBe(6);
    expect(a.amortisationCounted).toBe(true);
    expect(a.annualisedExams).toEqual({ value: 11_000, provenance: 'measured' });
    expect(a.costPerYear).toEqual({ value: 863_000, provenance: 'input' });
    expect(a.costPerOpeningHour.value).toBeCloseTo(863_000 / 2_600, 9); // 331.92
    expect(a.costPerExam.value).toBeCloseTo(78.454545, 5);
    expect(a.costPerIcr.value).toBeCloseTo(8.63, 9);
  });

  it('drops the purchase at age 7 of 7 years: 863,000 − 100,000 = 763,000', () => {
    const b = byId.get('B')!;
    expect(b.ageYears).toBe(7);
    expect(b.amortisationCounted).toBe(false);
    expect(b.costPerYear.value).toBe(763_000);
    expect(b.costPerExam.value).toBeCloseTo(69.363636, 5);
  });

  it('counts the purchase when the age is unknown, and flags it', () => {
    const u = byId.get('U')!;
    expect(u.ageUnknown).toBe(true);
    expect(u.costPerYear.value).toBe(863_000);
  });

  it('gives no cost figure without a row (never a default), but still the measured tier', () => {
    const c = byId.get('C')!;
    for (const f of [c.costPerYear, c.costPerOpeningHour, c.costPerExam, c.costPerIcr]) {
      expect(f).toEqual({ value: null, provenance: 'input', reason: 'no-cost-row' });
    }
    expect(c.ftTier?.tier).toBe(1);
    expect(report.unmatchedRows).toEqual(['ghost']);
  });

  it('sums a site over its costed machines: 863,000 + 763,000 + 863,000 over 33,000 exams', () => {
    const f1 = report.sites.find((s) => s.finess === 'F1')!;
    expect(f1.machines).toBe(4);
    expect(f1.machinesWithoutCosts).toEqual(['C']);
    expect(f1.costPerYear.value).toBe(2_489_000);
    expect(f1.annualisedExams.value).toBe(33_000);
    expect(f1.costPerExam.value).toBeCloseTo(2_489_000 / 33_000, 9);
    expect(f1.costPerIcr.value).toBeCloseTo(2_489_000 / 300_000, 9);
  });

  it('labels every cost figure illustrative when the set is the demo one', () => {
    const r = computeCosts({
      campaign,
      machines: [machine('A', 2019)],
      costs: { origin: 'illustrative', rows: [row('A')] },
    });
    expect(r.origin).toBe('illustrative');
    const a = r.machines[0]!;
    expect(
      [a.costPerYear, a.costPerExam, a.costPerIcr, a.costPerOpeningHour].map((f) => f.provenance),
    ).toEqual(['illustrative', 'illustrative', 'illustrative', 'illustrative']);
    expect(a.ftTier?.provenance).toBe('reference');
    expect(a.ftTier?.reference.year).toBe(2023);
  });

  it('says why a ratio is missing: no opening hours, no exams', () => {
    const r = computeCosts({
      campaign,
      machines: [{ ...machine('A', 2019), programmedHoursPerWeek: 0, exams: 0, icrTotal: 0 }],
      costs: { origin: 'input', rows: [row('A')] },
    });
    const a = r.machines[0]!;
    expect(a.costPerYear.value).toBe(643_000); // 100,000 + 63,000 + 400,000 + 80,000, no consumables
    expect(a.costPerOpeningHour).toEqual({
      value: null,
      provenance: 'input',
      reason: 'no-opening-hours',
    });
    expect(a.costPerExam).toEqual({ value: null, provenance: 'input', reason: 'no-exams' });
    expect(a.costPerIcr).toEqual({ value: null, provenance: 'input', reason: 'no-icr' });
    expect(a.ftTier?.tier).toBe(0);
    expect(a.ftTier?.examsToNextTier).toBe(11_000);
  });
});

describe('forfait technique tiers at their thresholds (forfaits a year)', () => {
  it.each([
    ['CT', 10_999, 0, 1],
    ['CT', 11_000, 1, 2_000],
    ['CT', 12_999, 1, 1],
    ['CT', 13_000, 2, null],
    ['MR', 7_999, 0, 1],
    ['MR', 8_000, 1, 3_000],
    ['MR', 10_999, 1, 1],
    ['MR', 11_000, 2, null],
  ] as const)('%s %i exams → tier %i, %s to the next', (modality, exams, tier, toNext) => {
    const t = forfaitTier(modality, exams);
    expect(t.tier).toBe(tier);
    expect(t.examsToNextTier).toBe(toNext);
  });

  it('annualises the campaign: 10,999 exams over 365 days is tier 0, 2,200 over 73 days tier 1', () => {
    const r = computeCosts({
      campaign: { year: 2025, days: 365 },
      machines: [{ ...machine('A', 2019), exams: 10_999 }],
      costs: { origin: 'input', rows: [] },
    });
    expect(r.machines[0]!.ftTier?.tier).toBe(0);
    expect(r.machines[0]!.ftTier?.examsToNextTier).toBe(1);
  });
});
