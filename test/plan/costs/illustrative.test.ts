// The illustrative demo set: labelled illustrative, one row per machine, inside its stated ranges, reproducible.
import { describe, expect, it } from 'vitest';
import type { Equipment } from '../../../src/core/kit-types.ts';
import { Rng } from '../../../src/core/random.ts';
import { illustrativeCosts } from '../../../src/plan/costs/index.ts';

const eq = (equipmentId: string, modality: 'CT' | 'MR'): Equipment => ({
  equipmentId,
  finess: 'F1',
  modality,
  label: null,
  installedYear: 2020,
  role: 'general',
});

describe('illustrativeCosts', () => {
  const machines = Array.from({ length: 50 }, (_, i) => eq(`M${i}`, i % 2 === 0 ? 'CT' : 'MR'));
  const set = illustrativeCosts(machines, new Rng(7));
  it('is labelled illustrative, one row per machine, 7 years of amortisation', () => {
    expect(set.origin).toBe('illustrative');
    expect(set.rows.map((r) => r.equipmentId)).toEqual(machines.map((m) => m.equipmentId));
    expect(set.rows.every((r) => r.amortisationYears === 7)).toBe(true);
  });
  it('stays in the stated orders of magnitude (CT €0.5–1 M, MRI €1–2 M, maintenance 8–10 %)', () => {
    for (const [i, r] of set.rows.entries()) {
      const [lo, hi] = i % 2 === 0 ? [500_000, 1_000_000] : [1_000_000, 2_000_000];
      expect(r.purchasePrice).toBeGreaterThanOrEqual(lo);
      expect(r.purchasePrice).toBeLessThanOrEqual(hi);
      expect(r.maintenance / r.purchasePrice).toBeGreaterThanOrEqual(0.0799);
      expect(r.maintenance / r.purchasePrice).toBeLessThanOrEqual(0.1001);
    }
  });
  it('is reproducible from the seed', () => {
    expect(illustrativeCosts(machines, new Rng(7))).toEqual(set);
  });
});
