/**
 * Issues of the costs.csv reader (ingest/costs), in English (the reference for costs-fr.ts):
 * spread into the catalog of en.ts, in their own file so that features add issues without
 * touching one another's. The file is refused as a whole when any of them is found.
 */
export const costsIssuesEn = {
  'cost-missing-column': {
    message: 'costs.csv has no column {column}',
    hint: 'write the header equipment_id, purchase_price, amortisation_years, maintenance, staff, consumables_per_exam, overhead',
  },
  'cost-unknown-equipment': {
    message: 'equipment_id {equipmentId} is not a machine of the campaign',
    hint: 'give the costs of the campaign’s machines only, with their equipment_id as in equipment.csv',
  },
  'cost-duplicate-machine': {
    message: 'the costs of {equipmentId} are already on line {firstLine}',
    hint: 'keep one row per machine',
  },
  'cost-not-a-number': {
    message: '{column} {value} is not a number',
    hint: 'write euros as a plain number with no unit nor thousands separator, e.g. 85000 or 22.5',
  },
  'cost-negative': {
    message: '{column} {value} is negative',
    hint: 'costs are zero or more euros a year (consumables: euros per exam)',
  },
  'cost-amortisation-years': {
    message: 'amortisation_years {value} is not more than 0',
    hint: 'write the years over which the purchase is amortised, e.g. 7',
  },
  'cost-origin': {
    message: 'origin {value} is not one of {values}',
    hint: 'write input (the site’s own costs, the default when blank) or illustrative (demo orders of magnitude)',
  },
  'cost-origin.mixed': {
    message: 'origin {value} differs from {first} on line {firstLine}',
    hint: 'a cost set has one origin: give the same origin on every row',
  },
} as const satisfies Record<string, { message: string; hint: string | null }>;
