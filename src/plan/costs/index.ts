/**
 * Costs (planning.md §5): per machine and site figures from `costs.csv` and the campaign, a
 * scenario's added cost, the `costs.csv` row validator and the illustrative demo set.
 */
export * from './types.ts';
export {
  FORFAIT_REFERENCE,
  FORFAIT_TIERS,
  WEEKS_PER_YEAR,
  addedYearlyCost,
  computeCosts,
  costMachines,
  forfaitTier,
  scenarioCost,
} from './compute.ts';
export {
  validateCostRows,
  type CostCsv,
  type CostProblem,
  type CostProblemCode,
} from './validate.ts';
export {
  ILLUSTRATIVE_AMORTISATION_YEARS,
  ILLUSTRATIVE_RANGES,
  illustrativeCosts,
} from './illustrative.ts';
export * from './document.ts';
