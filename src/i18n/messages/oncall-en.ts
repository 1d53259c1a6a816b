/**
 * Messages of `plateau oncall` (on-call and teleradiology pooling, planning.md §4), English:
 * en.ts spreads it. French (oncall-fr.ts) is the reference; same keys.
 */
import type { oncallMessagesFr } from './oncall-fr.ts';

export const oncallMessagesEn = {
  'cli.oncall.title': 'Permanence of care — campaign {id} ({name}), from {start}',
  'cli.oncall.territory': 'Territory: {place}',
  'cli.oncall.place.department': 'département {code} ({name})',
  'cli.oncall.place.region': 'region {code} ({name})',
  'cli.oncall.place.sites': 'chosen sites',
  'cli.oncall.sites': '{n, plural, one {# site} other {# sites}}: {list}',
  'cli.oncall.hours':
    'PDS hours per week: {night} at night (Mon–Fri 20:00–08:00), {weekend} at weekends and on holidays',
  'cli.oncall.demand':
    'Exams in PDS hours per week (measured): {modality} {night} at night, {weekend} at weekends',
  'cli.oncall.model':
    'Reading: {reading} ({readingProvenance}), {distribution} distribution; target {targetShare} read within {targetMinutes} min; hourly rate {rate}',
  'cli.oncall.distribution.exponential': 'exponential',
  'cli.oncall.distribution.deterministic': 'fixed (simulated)',
  'cli.oncall.noRate': 'none (no cost)',
  'cli.oncall.col.option': 'Organisation',
  'cli.oncall.col.lines': 'Lines',
  'cli.oncall.col.hours': 'On-call hours / week',
  'cli.oncall.col.examsPerHour': 'Exams / on-call hour',
  'cli.oncall.col.share': 'Read within target',
  'cli.oncall.col.response': 'Mean response (min)',
  'cli.oncall.col.cost': 'Cost / week (€)',
  'cli.oncall.option.separate': 'Each site alone',
  'cli.oncall.option.hub': 'One hub for all',
  'cli.oncall.option.hub-night-sites-weekend': 'Hub at night, sites at weekends',
  'cli.oncall.option.sites-night-hub-weekend': 'Sites at night, hub at weekends',
  'cli.oncall.provenance':
    'Provenance: demand — {demand}; lines, hours, shares and response — {figures}; cost — {cost}',
  'cli.oncall.provenance.measured': 'measured',
  'cli.oncall.provenance.input': 'input',
  'cli.oncall.provenance.illustrative': 'illustrative',
  'cli.oncall.notes': 'Notes:',
  'cli.oncall.note.illustrativeReading':
    'the default reading times (CT 15 min, MRI 20 min) are ILLUSTRATIVE, neither measured nor from a reference: give your own with --reading-minutes',
  'cli.oncall.note.stationary':
    'each queue is taken as stationary at the mean rate of its hours: evening peaks are not modelled (busiest hour in the JSON, peakArrivalsPerHour)',
  'cli.oncall.note.noHolidays':
    'no public holiday counted (plateau has no holiday table: --holidays)',
  'cli.oncall.note.unreachable':
    "for at least one queue no line count up to {max} reaches the target: the option's figures are empty",
  'cli.oncall.note.readingCeiling':
    'exponential reading: even with no wait only {share} of {modality} exams are read within {targetMinutes} min (mean {minutes} min), less than the target: use --reading fixed, a longer --target-minutes or a lower --target-share',
  'cli.oncall.note.noDemand': 'no exam in PDS hours at these sites during the campaign',
  'cli.oncall.error.noSite': 'no campaign site in {territory}',
  'cli.oncall.error.unknownSites': 'sites not in the campaign: {sites}',
  'cli.oncall.error.oneTerritory': 'choose exactly one of --department, --region and --sites',
  'cli.oncall.usage.readingMinutes': 'positive minutes per modality, such as CT=15,MR=20',
  'cli.oncall.usage.positive': 'a positive number',
  'cli.oncall.usage.share': 'a share strictly between 0 and 1, such as 0.9',
  'cli.oncall.usage.rate': 'a number zero or more (euros per on-call hour)',
  'cli.oncall.usage.holidays': 'dates YYYY-MM-DD separated by commas',
} satisfies Record<keyof typeof oncallMessagesFr, string>;
