/**
 * English words of the reports' planning sections (issue 14): every key of `planning-fr.ts`,
 * with the same `{parameters}`.
 */
import type { planningFr } from './planning-fr.ts';

export const planningEn: Readonly<Record<keyof typeof planningFr, string>> = {
  'plan.prov.measured': 'measured',
  'plan.prov.input': 'input',
  'plan.prov.reference': 'reference',
  'plan.prov.illustrative': 'illustrative',
  'plan.badge.illustrative': 'Illustrative',
  'plan.provenance': 'Provenance',

  'plan.costs.title': 'Costs',
  'plan.costs.origin.input':
    'Costs entered for the campaign (the kit’s costs.csv, provenance: input), divided by the activity measured over the campaign (provenance: measured).',
  'plan.costs.origin.illustrative':
    'These costs are ILLUSTRATIVE: demo orders of magnitude drawn at random machine by machine, not the establishment’s costs. Do not quote them; give the real ones in a costs.csv.',
  'plan.costs.method':
    'Yearly cost = purchase ÷ amortisation years (while the machine is younger than its amortisation period; in full when its installed year is unknown) + maintenance + staff + overhead + consumables × annualised exams. Exams and ICR points annualised: × 365 ÷ {days, plural, one {# campaign day} other {# campaign days}}; opening hours: programmed sessions per week × 52.',
  'plan.costs.machines.caption': 'Costs per machine',
  'plan.costs.site.caption': 'Site total, machines with costs only',
  'plan.costs.col.machine': 'Machine',
  'plan.costs.col.modality': 'Modality',
  'plan.costs.col.machines': 'Machines with costs',
  'plan.costs.col.exams': 'Exams / year',
  'plan.costs.col.costPerYear': '€ / year',
  'plan.costs.col.costPerOpeningHour': '€ / opening hour',
  'plan.costs.col.costPerExam': '€ / exam',
  'plan.costs.col.costPerIcr': '€ / ICR point',
  'plan.costs.col.ftTier': 'FT tier',
  'plan.costs.col.examsToNextTier': 'Exams / year to the next tier',
  'plan.costs.topTier': 'top tier',
  'plan.costs.without': 'No cost row, left out of the site’s totals: {ids}.',
  'plan.costs.ageUnknown': 'Installed year unknown: the purchase is amortised in full for {ids}.',
  'plan.costs.amortised':
    'Purchase already amortised (machine older than its amortisation period), not counted for {ids}.',
  'plan.costs.reasons': 'Empty cells: {list}.',
  'plan.costs.reason.no-cost-row': 'no cost row',
  'plan.costs.reason.no-exams': 'no exam',
  'plan.costs.reason.no-opening-hours': 'no programmed session',
  'plan.costs.reason.no-icr': 'no ICR point',
  'plan.costs.reason.no-campaign-days': 'campaign without days',
  'plan.costs.tiers':
    'Forfait technique tiers (provenance: reference): {source}. CT: tier 1 from {ct1} forfaits a year, tier 2 from {ct2}; MRI: {mr1} and {mr2}. Tier 0: below tier 1. One forfait is counted per exam, an approximation.',

  'plan.rel.title': 'Relevance',
  'plan.rel.neuro.title': 'CT share of head imaging',
  'plan.rel.intro':
    'Exams of the “head” act family (skull, brain, face) done on CT ÷ (CT + MRI), measured over the campaign: all exams, scheduled ones (A, H, R) and emergencies (U), against the P20, median and P80 of the peer sites, the campaign’s sites with both a CT and an MRI.',
  'plan.rel.scope.all': 'All exams',
  'plan.rel.scope.scheduled': 'Scheduled (A, H, R)',
  'plan.rel.scope.emergency': 'Emergencies (U)',
  'plan.rel.col.scope': 'Exams',
  'plan.rel.col.headCt': 'Head CT',
  'plan.rel.col.headMr': 'Head MRI',
  'plan.rel.col.share': 'CT share',
  'plan.rel.col.peers': 'Peer sites',
  'plan.rel.col.rank': 'Percentile rank',
  'plan.rel.col.flag': 'To review',
  'plan.rel.col.figure': 'Figure',
  'plan.rel.col.value': 'Value',
  'plan.rel.table.caption': 'CT share of head imaging: the site and its peers (measured)',
  'plan.rel.chart.caption': 'The site’s CT share of head imaging on the peer sites’ P20–P80 band',
  'plan.rel.chart.source':
    'Band: peer sites’ P20–P80; tick: median; dot: this site. Measured over the campaign.',
  'plan.rel.flag.yes': 'to review',
  'plan.rel.flag.no': 'no',
  'plan.rel.flagged':
    'To review against the Guide du bon usage des examens d’imagerie médicale (French guide to the proper use of imaging): the CT share ({scopes}) is at or above the peer sites’ P80. An invitation to look, not a verdict.',
  'plan.rel.notFlagged':
    'Below the peer sites’ P80 in all three cases: nothing to review against the Guide du bon usage on this criterion.',
  'plan.rel.notPeer':
    'This site does not have both a CT and an MRI: its CT share, a question of equipment, is neither ranked nor flagged.',
  'plan.rel.noHead': 'No head exam at this site during the campaign.',
  'plan.rel.notFound': 'No exam of this site in the campaign: no relevance figure.',
  'plan.rel.quality.title': 'Repeat exams and data quality',
  'plan.rel.quality.caption': 'Repeat exams and data quality of the site',
  'plan.rel.repeats': 'Repeat exams (same patient, same modality and act family, within 30 days)',
  'plan.rel.repeats.none':
    'not computed: the exams have no patient key (exams.csv column patient_key, a keyed hash)',
  'plan.rel.repeats.noKey': 'not computed: no exam of the site has a patient key',
  'plan.rel.withoutRequest': 'Exams without a request time',
  'plan.rel.withoutBooked': 'Exams without a booked length',
  'plan.rel.exams': 'Exams of the site in the campaign',
  'plan.rel.note.unknown-machine-exams':
    '{n, plural, one {# exam} other {# exams}} of the campaign on unknown machines {n, plural, one {is} other {are}} left out.',

  'plan.oncall.title': 'Nights and teleradiology',
  'plan.oncall.intro':
    'The permanence-of-care (PDS) demand measured over the campaign: exams ending at night (Monday–Friday, 20:00–08:00) and at weekends, per week and per département, then four ways of organising their reading by on-call radiologists, computed for the whole region.',
  'plan.oncall.sites':
    '{n, plural, one {# site} other {# sites}} of the campaign in region {name} (INSEE code {code}).',
  'plan.oncall.current':
    'Figures of the current region {current} (INSEE code {code}), which contains {region}: on-call duty is organised at that scale.',
  'plan.oncall.unknownRegion': 'No figures: region {region} matches no INSEE region.',
  'plan.oncall.noSite': 'No figures: no site of the campaign in region {name}.',
  'plan.oncall.hours':
    'PDS hours per week, counted on the campaign calendar: {night} h at night, {weekend} h at weekends.',
  'plan.oncall.demand.caption': 'Exams in PDS hours per week, per département (measured)',
  'plan.oncall.col.department': 'Département',
  'plan.oncall.col.sites': 'Sites',
  'plan.oncall.col.night': '{modality} night',
  'plan.oncall.col.weekend': '{modality} weekend',
  'plan.oncall.col.total': 'Total',
  'plan.oncall.region.row': 'Region',
  'plan.oncall.settings':
    'Default settings: reading times CT {ct} min and MRI {mr} min (illustrative), {distribution} distribution; target: {share} of exams read within {minutes} min, from the end of the exam to the report; no public holiday; no hourly rate, hence no cost.',
  'plan.oncall.distribution.exponential': 'exponential',
  'plan.oncall.distribution.deterministic': 'fixed (simulated)',
  'plan.oncall.options.caption':
    'On-call organisations for the whole region, {distribution} reading',
  'plan.oncall.fixed':
    'With exponential reading the target is out of reach (see the notes): the same settings with fixed reading times.',
  'plan.oncall.col.option': 'Organisation',
  'plan.oncall.col.lines': 'On-call lines',
  'plan.oncall.col.hours': 'On-call hours / week',
  'plan.oncall.col.examsPerHour': 'Exams / on-call hour',
  'plan.oncall.col.share': 'Read within target',
  'plan.oncall.col.response': 'Mean response (min)',
  'plan.oncall.option.separate': 'Each site alone',
  'plan.oncall.option.hub': 'One hub for all',
  'plan.oncall.option.hub-night-sites-weekend': 'Hub at night, sites at weekends',
  'plan.oncall.option.sites-night-hub-weekend': 'Sites at night, hub at weekends',
  'plan.oncall.provenance':
    'Provenance — demand: {demand}; lines, hours, shares and responses: {figures} (they depend on the reading times).',
  'plan.oncall.notes': 'Notes',
  'plan.oncall.note.illustrativeReading':
    'The reading times (CT {ct} min, MRI {mr} min) are ILLUSTRATIVE: orders of magnitude, neither measured nor from a reference, and so are the figures that depend on them. The “Nights and teleradiology” web page and the plateau oncall command take your own.',
  'plan.oncall.note.stationary':
    'Each queue is taken as stationary at the mean rate of its hours: evening peaks are not modelled.',
  'plan.oncall.note.noHolidays':
    'No public holiday counted: plateau has no holiday table (give them on the web page or with plateau oncall --holidays).',
  'plan.oncall.note.unreachable':
    '{distribution} reading: for at least one queue no line count up to {max} reaches the target; the option’s figures are empty.',
  'plan.oncall.note.readingCeiling':
    'Exponential reading: even with no wait only {share} of {modality} exams are read within {targetMinutes} min (mean {minutes} min), less than the target: no organisation reaches it.',
  'plan.oncall.note.noDemand': 'No exam in PDS hours at these sites during the campaign.',
};
