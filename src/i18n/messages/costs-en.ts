/**
 * Messages of the costs feature (`plateau costs`, costs.csv), in English (same keys as
 * costs-fr.ts; en.ts spreads it). Kept in its own file so that features add words apart.
 */
export const costsMessagesEn = {
  'issue.cost-missing-column': 'Missing cost column',
  'issue.cost-unknown-equipment': 'Costs of a machine outside the campaign',
  'issue.cost-duplicate-machine': 'Costs given twice for a machine',
  'issue.cost-not-a-number': 'Unreadable cost',
  'issue.cost-negative': 'Negative cost',
  'issue.cost-amortisation-years': 'Amortisation years not above 0',
  'issue.cost-origin': 'Cost origin unknown or mixed',
  'cli.costs.notFile': '{place} is not a file',
  'cli.costs.refused': '{place} has errors (above): no cost was computed',
  'cli.costs.none':
    'no costs given: write a costs.csv in the kit folder (imported with it into the store), or give --costs FILE.csv, with the columns equipment_id, purchase_price, amortisation_years, maintenance, staff, consumables_per_exam, overhead (yearly euros; consumables per exam); or --illustrative for a drawn demo set',
  'cli.costs.place.stored': 'the costs imported with the campaign',
  'cli.costs.title.input':
    'Costs of {campaign} from {place} (provenance: input; ratios divided by the measured activity)',
  'cli.costs.title.illustrative':
    'ILLUSTRATIVE costs of {campaign}: drawn orders of magnitude, not the site’s costs (provenance: illustrative)',
  'cli.costs.machines': 'Per machine ({origin})',
  'cli.costs.sites': 'Per site, machines with costs only ({origin})',
  'cli.costs.col.machine': 'machine',
  'cli.costs.col.site': 'site',
  'cli.costs.col.modality': 'modality',
  'cli.costs.col.machines': 'machines',
  'cli.costs.col.costPerYear': '€/year',
  'cli.costs.col.costPerOpeningHour': '€/opening hour',
  'cli.costs.col.costPerExam': '€/exam',
  'cli.costs.col.costPerIcr': '€/ICR',
  'cli.costs.col.exams': 'exams/year',
  'cli.costs.col.ftTier': 'FT tier',
  'cli.costs.col.examsToNextTier': 'exams to next tier',
  'cli.costs.col.provenance': 'provenance ({origin})',
  'cli.costs.provenance': 'cost {origin}, exams measured, tier reference',
  'cli.costs.siteProvenance': 'cost {origin}, exams measured',
  'cli.costs.without': 'machines without costs, left out of the site totals: {ids} ({origin})',
  'cli.costs.tiers':
    'Forfait technique tiers: {source}; one forfait counted per exam, an approximation (reference; figures {origin})',
  'cli.costs.ageUnknown':
    'installed year unknown for {ids}: the purchase is amortised in full ({origin})',
  'cli.costs.origin.input': 'input',
  'cli.costs.origin.illustrative': 'illustrative',
} satisfies Record<string, string>;
