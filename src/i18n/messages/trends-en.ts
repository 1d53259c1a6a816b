/**
 * Words of the trends (issue 16) shared by the command line (`plateau trends`) and, by small
 * insertions, the web and the PDFs: titles, columns, lead follow-ups. The sentences of changes and
 * the verdicts are web-trends-en.ts's (`trends.web.change.*`, `trends.web.verdict.*`). Same keys
 * as trends-fr.ts (the reference).
 */
import type { trendsMessagesFr } from './trends-fr.ts';

export const trendsMessagesEn = {
  'issue.previous-id': 'Wrong previous machine id',
  'trends.title.nation': 'National trends, {modality}',
  'trends.title.nationAll': 'National trends',
  'trends.title.region': 'Trends of region {region}',
  'trends.title.site': 'Trends of {name} ({finess})',
  'trends.title.machine': 'Trends of machine {machine} ({modality}, {establishment})',
  'trends.series': 'Campaigns followed: {list}',
  'trends.single':
    'Only one campaign is stored up to this one: there is no earlier campaign to compare with yet.',
  'trends.col.figure': 'Figure',
  'trends.col.group': 'Group',
  'trends.cell.value': '{value} (peers P50 {p50})',
  'trends.cell.band': '{p50} [{p20} – {p80}]',
  'trends.row.machines': 'Machines',
  'trends.row.sites': 'Sites (of which bundles)',
  'trends.row.exams': 'Exams',
  'trends.row.programmedOpening': 'Programmed opening (h/week)',
  'trends.row.present': 'Present',
  'trends.leads.title': 'Improvement leads followed (h/week they could free)',
  'trends.leads.row': '{lead}, {from} → {to}: {before} → {after}, {verdict}',
  'trends.since.title': 'Since last year ({from} → {to})',
  'trends.since.none': 'No notable change between {from} and {to}.',
  'trends.machine.of': 'Machine {machine}',
  'trends.absent': 'absent',
} satisfies Record<keyof typeof trendsMessagesFr, string>;
