/**
 * An illustrative cost set for demos (planning.md §1): order-of-magnitude figures drawn per
 * machine, labelled `origin: 'illustrative'` so that every screen and page says so. Never a
 * site's real costs, and never used to fill a missing row of a real `costs.csv`.
 */
import type { Equipment, Modality } from '../../core/kit-types.ts';
import type { Rng } from '../../core/random.ts';
import type { CostRow, CostSet } from './types.ts';

/**
 * The ranges drawn uniformly, per modality (yearly euros; consumables per exam).
 * Sources: the 7-year amortisation is the one the *forfait technique* assumes
 * (access-figures.md). Every other range is an ASSUMPTION of orders of magnitude commonly quoted
 * for France (CT purchase ~€0.5–1 M, MRI ~€1–2 M, maintenance contracts ~8–10 % of the purchase
 * a year), not checked against a published table: illustrative only.
 */
export const ILLUSTRATIVE_RANGES: Record<
  Modality,
  {
    purchasePrice: [number, number];
    maintenanceShare: [number, number];
    staff: [number, number];
    consumablesPerExam: [number, number];
    overhead: [number, number];
  }
> = {
  CT: {
    purchasePrice: [500_000, 1_000_000],
    maintenanceShare: [0.08, 0.1],
    staff: [350_000, 550_000],
    consumablesPerExam: [15, 30],
    overhead: [50_000, 150_000],
  },
  MR: {
    purchasePrice: [1_000_000, 2_000_000],
    maintenanceShare: [0.08, 0.1],
    staff: [400_000, 600_000],
    consumablesPerExam: [20, 40],
    overhead: [60_000, 180_000],
  },
};

/** Amortisation years of the illustrative set (the forfait technique's 7 years). */
export const ILLUSTRATIVE_AMORTISATION_YEARS = 7;

/** One illustrative row per machine (euros rounded), drawn from `ILLUSTRATIVE_RANGES` with `rng`. */
export function illustrativeCosts(equipment: readonly Equipment[], rng: Rng): CostSet {
  const rows: CostRow[] = equipment.map((e) => {
    const r = ILLUSTRATIVE_RANGES[e.modality];
    const purchasePrice = Math.round(rng.uniform(...r.purchasePrice) / 1000) * 1000;
    return {
      equipmentId: e.equipmentId,
      purchasePrice,
      amortisationYears: ILLUSTRATIVE_AMORTISATION_YEARS,
      maintenance: Math.round(purchasePrice * rng.uniform(...r.maintenanceShare)),
      staff: Math.round(rng.uniform(...r.staff) / 1000) * 1000,
      consumablesPerExam: Math.round(rng.uniform(...r.consumablesPerExam) * 100) / 100,
      overhead: Math.round(rng.uniform(...r.overhead) / 1000) * 1000,
    };
  });
  return { origin: 'illustrative', rows };
}
