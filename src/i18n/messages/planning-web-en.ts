/**
 * Words of the planning screens (issue 14): the establishment's Costs and Relevance tabs and a
 * territory's "Nights and teleradiology" page, in English (same keys as planning-web-fr.ts, the
 * reference); en.ts spreads them. No counts in these sentences (numbers are formatted apart).
 */
import type { planningWebMessagesFr } from './planning-web-fr.ts';

export const planningWebMessagesEn = {
  'planning.web.provenance.label': 'Provenance',
  'planning.web.provenance.measured': 'measured',
  'planning.web.provenance.input': 'declared (input)',
  'planning.web.provenance.reference': 'reference',
  'planning.web.provenance.illustrative': 'illustrative',
  'planning.web.provenance.legend':
    'measured: from the campaign; declared (input): the site’s costs.csv or your settings; reference: a published table; illustrative: a demo order of magnitude',
  'planning.web.withProvenance': '{label} ({provenance})',

  'planning.web.tab.costs': 'Costs',
  'planning.web.tab.relevance': 'Relevance',

  'planning.web.costs.title': 'Costs per machine',
  'planning.web.costs.note':
    'Yearly cost (amortised purchase, maintenance, staff, consumables, overhead) divided by the activity measured over the campaign, brought to a year.',
  'planning.web.costs.illustrative':
    'Illustrative cost set — orders of magnitude for the demo, not this site’s costs.',
  'planning.web.costs.input': 'Costs declared by the site (the campaign’s costs.csv).',
  'planning.web.costs.inputFile': 'Costs declared by the site ({file}).',
  'planning.web.costs.sites': 'Site totals',
  'planning.web.costs.sitesNote':
    'Sum over the machines with costs; machines without costs are left out of the totals.',
  'planning.web.costs.without': 'Machines without costs, left out of the totals: {ids}',
  'planning.web.costs.tiers':
    'Forfait technique tiers: {source}. One forfait counted per exam: an approximation.',
  'planning.web.costs.emptyTitle': 'No costs for this campaign',
  'planning.web.costs.emptyBody':
    'Add a costs.csv file to the kit folder (one line per machine, euros a year, consumables per exam) and import the kit again. Its columns:',
  'planning.web.costs.emptyOrigin':
    'Optional origin column: input (your costs, the default) or illustrative (demo orders of magnitude).',
  'planning.web.costs.noMachine': 'No machine of this site has costs in the campaign.',
  'planning.web.costs.col.machine': 'Machine',
  'planning.web.costs.col.modality': 'Modality',
  'planning.web.costs.col.exams': 'Exams a year',
  'planning.web.costs.col.costPerYear': 'Cost a year (€)',
  'planning.web.costs.col.costPerOpeningHour': '€ per opening hour',
  'planning.web.costs.col.costPerExam': '€ per exam',
  'planning.web.costs.col.costPerIcr': '€ per ICR point',
  'planning.web.costs.col.ftTier': 'FT tier',
  'planning.web.costs.col.examsToNextTier': 'Exams a year to the next tier',
  'planning.web.costs.col.age': 'Age (years), amortisation',
  'planning.web.costs.col.amortisation': 'Amortisation',
  'planning.web.costs.col.machines': 'Machines',
  'planning.web.costs.col.site': 'Site',
  'planning.web.costs.tier': 'tier {tier}',
  'planning.web.costs.topTier': 'top tier',
  'planning.web.costs.amortising': 'running',
  'planning.web.costs.amortised': 'over',
  'planning.web.costs.ageUnknown': 'age unknown: purchase amortised in full',
  'planning.web.costs.reason.no-cost-row': 'no line in costs.csv',
  'planning.web.costs.reason.no-exams': 'no exam measured',
  'planning.web.costs.reason.no-opening-hours': 'no programmed opening hours',
  'planning.web.costs.reason.no-icr': 'no ICR point measured',
  'planning.web.costs.reason.no-campaign-days': 'campaign without days',
  'planning.web.costs.reasons': 'Empty cells: {list}',

  'planning.web.relevance.title': 'CT share of head imaging',
  'planning.web.relevance.note':
    'Exams of the “head” act family (skull, brain, face) on CT ÷ (CT + MRI), all, scheduled (A, H, R) and emergency (U), against the P20, P50 and P80 of the peer sites (those with both a CT and an MRI).',
  'planning.web.relevance.scope.all': 'All exams',
  'planning.web.relevance.scope.scheduled': 'Scheduled (A, H, R)',
  'planning.web.relevance.scope.emergency': 'Emergency (U)',
  'planning.web.relevance.flagged':
    'To review against the Guide du bon usage des examens d’imagerie: the CT share is at or above the peers’ P80. A prompt to look, not a verdict.',
  'planning.web.relevance.notFlagged': 'Below the peers’ P80: nothing to review on this criterion.',
  'planning.web.relevance.notPeer':
    'This site does not have both a CT and an MRI: its CT share is not compared with the peers’.',
  'planning.web.relevance.noHead': 'No head exam for this site during the campaign.',
  'planning.web.relevance.flag.yes': 'to review (Guide du bon usage)',
  'planning.web.relevance.flag.no': '—',
  'planning.web.relevance.col.scope': 'Exams',
  'planning.web.relevance.col.headCt': 'Head CT',
  'planning.web.relevance.col.headMr': 'Head MRI',
  'planning.web.relevance.col.share': 'CT share',
  'planning.web.relevance.col.peers': 'Peer sites',
  'planning.web.relevance.col.rank': 'Percentile rank',
  'planning.web.relevance.col.flag': 'To review',
  'planning.web.relevance.chart.site': 'This site',
  'planning.web.relevance.chart.axis': 'CT share (head)',
  'planning.web.relevance.chart.aria':
    'CT share of this site’s head imaging, all exams, scheduled and emergency, over the peer sites’ P20–P80 band.',
  'planning.web.relevance.quality.title': 'Repeat exams and data quality',
  'planning.web.relevance.quality.note':
    'Repeat: an exam of the same act family, for the same patient (keyed patient hash), on the same modality, within 30 days of the previous one.',
  'planning.web.relevance.quality.figure': 'Figure',
  'planning.web.relevance.quality.value': 'Value',
  'planning.web.relevance.quality.repeats': 'Repeat exams',
  'planning.web.relevance.quality.needsKey':
    'needs the patient_key column of exams.csv (a keyed patient hash)',
  'planning.web.relevance.quality.withoutRequest': 'Exams without a request time',
  'planning.web.relevance.quality.withoutBooked': 'Exams without a booked length',
  'planning.web.relevance.quality.exams': 'Exams of the campaign',
  'planning.web.relevance.notFound': 'This site is not in the campaign’s relevance document.',
  'planning.web.relevance.note.repeats-need-patient-key':
    'Repeat exams: no patient key in the campaign (patient_key column of exams.csv), the share is empty.',
  'planning.web.relevance.note.unknown-machine-exams':
    'Exams on machines unknown to the campaign are left out ({count}).',
  'planning.web.relevance.note.sites-without-territory':
    'Sites without a recognised département are counted in no territory ({count}).',

  'planning.web.oncall.link': 'Nights and teleradiology',
  'planning.web.oncall.title': 'Nights and teleradiology — {place}',
  'planning.web.oncall.place.department': '{name} ({code})',
  'planning.web.oncall.place.region': '{name} region',
  'planning.web.oncall.place.sites': 'chosen sites',
  'planning.web.oncall.intro':
    'Out-of-hours care (PDS): Monday–Friday nights 20:00–08:00, weekends and public holidays. Demand is measured over the campaign; the four organisations say how many radiologists on call it takes to read the exams within the target time.',
  'planning.web.oncall.noTerritory': 'Choose a département or a region from a territory’s page.',
  'planning.web.oncall.noSite': 'No site of the campaign in this territory.',
  'planning.web.oncall.back': 'Back to the territory',
  'planning.web.oncall.sitesSummary': 'Campaign sites in the territory: {count}',
  'planning.web.oncall.hours':
    'Out-of-hours hours a week: {night} at night (Mon–Fri 20:00–08:00), {weekend} at weekends and public holidays.',
  'planning.web.oncall.map.title': 'Out-of-hours exams a week',
  'planning.web.oncall.map.noteDepartment':
    'The département within its region; night and weekend exams a week, measured.',
  'planning.web.oncall.map.noteRegion':
    'The region’s départements by their night and weekend exams a week, measured.',
  'planning.web.oncall.map.series': 'Out-of-hours exams a week',
  'planning.web.oncall.map.aria': 'Map of the départements by their out-of-hours exams a week.',
  'planning.web.oncall.demand.title': 'Out-of-hours demand',
  'planning.web.oncall.demand.note':
    'Exams ending in out-of-hours time, per site and modality, brought to a week and a year (measured).',
  'planning.web.oncall.demand.total': 'Total',
  'planning.web.oncall.col.site': 'Site',
  'planning.web.oncall.col.department': 'Dept',
  'planning.web.oncall.col.modality': 'Modality',
  'planning.web.oncall.col.night': 'Nights a week',
  'planning.web.oncall.col.weekend': 'Weekends a week',
  'planning.web.oncall.col.perYear': 'A year',
  'planning.web.oncall.col.campaign': 'Over the campaign',
  'planning.web.oncall.pooling.title': 'Four on-call organisations',
  'planning.web.oncall.pooling.note':
    'Lines: radiologists on call at the same time at the busiest; each figure carries its provenance (measured, input or illustrative, the weakest of what it uses).',
  'planning.web.oncall.col.option': 'Organisation',
  'planning.web.oncall.col.lines': 'On-call lines',
  'planning.web.oncall.col.hoursPerWeek': 'On-call hours a week',
  'planning.web.oncall.col.examsPerHour': 'Exams per on-call hour',
  'planning.web.oncall.col.share': 'Read within target',
  'planning.web.oncall.col.response': 'Mean response (min)',
  'planning.web.oncall.col.cost': 'Cost a week (€)',
  'planning.web.oncall.option.separate': 'Separate sites',
  'planning.web.oncall.option.hub': 'One hub',
  'planning.web.oncall.option.hub-night-sites-weekend': 'Hub at night + sites at weekends',
  'planning.web.oncall.option.sites-night-hub-weekend': 'Sites at night + hub at weekends',
  'planning.web.oncall.noRate': 'none (no cost)',
  'planning.web.oncall.noCost': 'no hourly rate',
  'planning.web.oncall.model':
    'Settings: CT reading {ct} min, MRI {mr} min ({provenance}), {distribution} length; target {share} read within {minutes} min; hourly rate {rate}; public holidays: {holidays}.',
  'planning.web.oncall.distribution.exponential': 'exponential',
  'planning.web.oncall.distribution.deterministic': 'fixed',
  'planning.web.oncall.noHolidayList': 'none',
  'planning.web.oncall.notes': 'Notes',
  'planning.web.oncall.note.illustrativeReading':
    'The default reading times (CT 15 min, MRI 20 min) are illustrative, neither measured nor from a reference: give yours below.',
  'planning.web.oncall.note.stationary':
    'Each queue is taken as stationary at its hours’ mean rate: evening peaks are not modelled.',
  'planning.web.oncall.note.noHolidays':
    'No public holiday counted: give their dates below (plateau has no holiday table).',
  'planning.web.oncall.note.unreachable':
    'For at least one queue, no line count up to {max} reaches the target: the organisation’s figures stay empty.',
  'planning.web.oncall.note.readingCeiling':
    'Exponential reading: even with no wait, only {share} of {modality} exams are read within {targetMinutes} min (mean length {minutes} min), less than the target. Take a fixed length, a longer target or a lower share.',
  'planning.web.oncall.note.noDemand':
    'No exam in out-of-hours time at these sites during the campaign.',
  'planning.web.oncall.form.title': 'On-call settings',
  'planning.web.oncall.form.note':
    'The settings are in the page’s address: a shared link shows the same figures.',
  'planning.web.oncall.form.readingCT': 'CT reading (min)',
  'planning.web.oncall.form.readingMR': 'MRI reading (min)',
  'planning.web.oncall.form.reading': 'Reading length',
  'planning.web.oncall.form.fixed': 'fixed',
  'planning.web.oncall.form.exponential': 'exponential',
  'planning.web.oncall.form.targetMinutes': 'Target time (min)',
  'planning.web.oncall.form.targetShare': 'Share read within target (%)',
  'planning.web.oncall.form.hourlyRate': 'On-call hourly rate (€)',
  'planning.web.oncall.form.holidays': 'Public holidays (YYYY-MM-DD, comma-separated)',
  'planning.web.oncall.form.apply': 'Compute again',
  'planning.web.oncall.form.reset': 'Default settings',
  'planning.web.oncall.form.invalid': '“{value}” does not fit: {field}',
  'planning.web.oncall.error.badRequest': 'The server refuses a setting: {message}',
} satisfies Record<keyof typeof planningWebMessagesFr, string>;
