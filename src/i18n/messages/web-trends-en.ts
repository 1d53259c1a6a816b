/**
 * Words of the web app's trend pages (issue 16), in English (same keys as web-trends-fr.ts, the
 * reference): nation and region pages, the establishment's and machine's Trends tabs, "Since last
 * year" in sentences, the tables of figures, followed leads and machine links. en.ts spreads them.
 */
import type { webTrendsMessagesFr } from './web-trends-fr.ts';

export const webTrendsMessagesEn = {
  'trends.web.link': 'Trends',
  'trends.web.tab': 'Trends',
  'trends.web.title.nation': 'National trends',
  'trends.web.title.region': 'Trends — {region}',
  'trends.web.series': 'Campaigns followed: {list}',
  'trends.web.single':
    'Only one campaign is stored up to this one: there is no earlier campaign to compare with yet.',
  'trends.web.modality': 'Modality',
  'trends.web.back.region': 'Back to the region',
  'trends.web.back.campaign': 'Back to the campaign',

  'trends.web.since.title': 'Since last year',
  'trends.web.since.note': 'The notable changes between {from} and {to}, most notable first.',
  'trends.web.since.none': 'No notable change between {from} and {to}.',
  'trends.web.since.more':
    '{n, plural, one {Show the other change} other {Show the # other changes}}',

  'trends.web.change.machine-added': '{machine} ({site}): new machine',
  'trends.web.change.machine-removed': '{machine} ({site}): machine removed',
  'trends.web.change.machine-replaced': '{machine} ({site}) replaced {previous}',
  'trends.web.change.machine-renamed': '{previous} is now {machine} ({site})',
  'trends.web.change.site-added': '{site}: new site',
  'trends.web.change.site-removed': '{site}: site no longer present',
  'trends.web.change.figure': '{subject}{figure}: {before} → {after}',
  'trends.web.change.figureRank':
    '{subject}{figure}: {before} → {after} (rank {rankBefore} → {rankAfter})',
  'trends.web.change.lead': '{subject}{lead}: {verdict} ({before} → {after})',
  'trends.web.change.groupFigure': '{modality} (median) — ',

  'trends.web.verdict.acted': 'acted on',
  'trends.web.verdict.partly': 'partly acted on',
  'trends.web.verdict.unchanged': 'unchanged',
  'trends.web.verdict.worse': 'worse',
  'trends.web.verdict.no-lead': 'no lead',
  'trends.web.verdict.new-lead': 'new lead',
  'trends.web.verdict.unknown': 'unknown',

  'trends.web.link.same-id': 'same id',
  'trends.web.link.mapped': 'linked (previous id)',
  'trends.web.link.absent': 'absent',
  'trends.web.origin.raw': 'raw data',
  'trends.web.origin.bundle': 'aggregate bundle',

  'trends.web.multiples.title': 'Figures campaign by campaign',
  'trends.web.multiples.note':
    'One small chart per figure: the value (solid line), the P20–P80 band of the peers of the same modality and their median (dashed).',
  'trends.web.multiples.groupNote':
    'One small chart per figure: the group’s median (solid line) and its P20–P80 band.',
  'trends.web.multiples.regionNote':
    'One small chart per figure: the region’s median (solid line) and its P20–P80 band, the national median dashed.',
  'trends.web.table.figures': 'Figures per campaign',
  'trends.web.table.groups': 'Machines, sites and exams per campaign',
  'trends.web.table.years': 'The site campaign by campaign',
  'trends.web.leads.title': 'Improvement leads followed',
  'trends.web.leads.note':
    'Each lead of a campaign against the next one, in hours a week it could free: acted on (≤ 50 % of before), partly (≤ 80 %), unchanged, worse (> 120 %).',
  'trends.web.leads.none': 'No lead to follow: the machine is in one campaign only.',
  'trends.web.links.title': 'The machine from one campaign to the next',
  'trends.web.links.note':
    'How the machine is found in each campaign: the same id, or linked by the previous id declared (machine replaced or renamed).',
  'trends.web.machines.title': 'The machines from one campaign to the next',
  'trends.web.machine.gone': 'Machine absent from the last campaign',
  'trends.web.machine.open': 'Open the machine’s trends',
  'trends.web.machine.details': 'Its figures campaign by campaign and its links',

  'trends.web.col.figure': 'Figure',
  'trends.web.col.unit': 'Unit',
  'trends.web.col.value': '{campaign}',
  'trends.web.col.rank': 'Rank {campaign}',
  'trends.web.col.p20': 'P20 {campaign}',
  'trends.web.col.p80': 'P80 {campaign}',
  'trends.web.col.band': '{campaign} (P20–P80)',
  'trends.web.col.campaign': 'Campaign',
  'trends.web.col.machine': 'Machine',
  'trends.web.col.lead': 'Lead',
  'trends.web.col.period': 'Campaigns',
  'trends.web.col.before': 'Before (h/week)',
  'trends.web.col.after': 'After (h/week)',
  'trends.web.col.verdict': 'Verdict',
  'trends.web.col.equipmentId': 'Id',
  'trends.web.col.link': 'Link',
  'trends.web.col.label': 'Label',
  'trends.web.col.installed': 'Installed in',
  'trends.web.col.origin': 'Origin',
  'trends.web.col.present': 'Present',
  'trends.web.col.machines': 'Machines',
  'trends.web.col.sites': 'Sites',
  'trends.web.col.bundleSites': 'of which bundles',
  'trends.web.col.exams': 'Exams',
  'trends.web.col.ct': 'CT',
  'trends.web.col.mr': 'MRI',
  'trends.web.col.programmedOpening': 'Programmed opening (h/week)',
  'trends.web.col.totalOpening': 'Total opening (h/week)',
  'trends.web.yes': 'yes',
  'trends.web.no': 'no',
} satisfies Record<keyof typeof webTrendsMessagesFr, string>;
