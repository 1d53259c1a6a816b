/**
 * English wording of the printed reports: every key of the French reference dictionary, with
 * the same `{parameters}`.
 */
import type { ReportMessageKey } from './fr.ts';
import { planningEn } from './planning-en.ts';
import { bundlesEn } from './bundles-en.ts';
import { trendsEn } from './trends-en.ts';
import { whatWouldChangeEn } from './what-would-change-en.ts';

export const en: Readonly<Record<ReportMessageKey, string>> = {
  'doc.toc': 'Contents',
  'doc.page': 'page',
  'doc.pageOf': 'of',
  'doc.brand': 'plateau — imaging platform benchmark (ANAP method)',
  'doc.period': 'from {start} to {end} ({days, plural, one {# day} other {# days}})',

  'common.yes': 'yes',
  'common.no': 'no',

  'col.case': 'Clinical case',
  'col.category': 'Patient category',
  'col.delay': 'Delay',
  'col.department': 'Department',
  'col.exams': 'Exams',
  'col.examsPerWeek': 'Exams/week',
  'col.examsTimed': 'Exams ≥ 3 min',
  'col.extended': 'Extended',
  'col.figure': 'Indicator',
  'col.finess': 'FINESS',
  'col.hoursPerWeek': 'h/week',
  'col.lead': 'Lead',
  'col.legalStatus': 'Legal status',
  'col.machine': 'Machine',
  'col.machineRange': 'Machine: median (P20 – P80)',
  'col.median': 'Median',
  'col.modality': 'Modality',
  'col.n': 'n',
  'col.name': 'Establishment',
  'col.night': 'Night activity',
  'col.occupancy': 'Occupancy rate',
  'col.onCall': 'On-call and emergency',
  'col.passagesPerWeek': 'Exams/week',
  'col.peerExamsRange': 'Peers, exams: median (P20 – P80)',
  'col.peerMediansRange': 'Peers, machine medians: median (P20 – P80)',
  'col.peers': 'Peers',
  'col.programmed': 'Programmed',
  'col.programmedOpening': 'Programmed opening',
  'col.programmedPlusEmergency': 'Programmed + emergency',
  'col.rank': 'Rank',
  'col.region': 'Region',
  'col.siteAnswer': 'Establishment’s answer',
  'col.thisMachine': 'This machine',
  'col.total': 'Total',
  'col.typology': 'Typology',
  'col.value': 'Value',

  'site.title': 'Site report — {name}',
  'site.subtitle': 'FINESS {finess} · {region} · {panel}',
  'site.peerMedian': 'peers’ median: {value}',
  'site.series.thisMachine': 'This machine',
  'site.series.thisSite': 'This establishment',
  'site.series.peerExams': 'Peers (exams)',
  'site.series.peerMedians': 'Peers (machine medians)',
  'site.series.region': 'Region {region}',
  'site.series.campaign': 'Whole campaign',

  'site.identity.title': 'The establishment and its equipment',
  'site.identity.machines': 'Equipment',
  'site.identity.noMachine': 'no equipment in the campaign',
  'site.identity.campaign': 'Campaign',
  'site.identity.period': 'Period',
  'site.identity.exams': 'Exams recorded',
  'site.identity.peers': 'Machines compared with',
  'site.identity.panel': 'The establishment’s equipment',

  'site.openings.title': 'Opening over the 168 hours of the week',
  'site.openings.intro':
    'Hours per week each machine is open, in three classes of sessions: programmed (public, private-practice and other-specialty sessions), extended (adding emergency, reconditioning, breakdown and research sessions) and total (adding on-call, maintenance and quality control).',
  'site.openings.caption': 'Weekly opening of the establishment’s machines, in hours out of 168',
  'site.openings.table': 'Opening hours per week, and the peers’ median',
  'site.openings.peerMedian': 'peers’ median',

  'site.survey.title': 'Appointment delays: clinical-case survey',
  'site.survey.intro':
    'Earliest appointment offered for each clinical case of the survey (days), as the establishment answered, against the answers of the establishments of its region and of the whole campaign.',
  'site.survey.caption':
    'Declared appointment delays — {modality}: the establishment, its region and the campaign',
  'site.survey.table': 'Appointment survey — {modality}, days: median (P20 – P80)',
  'site.survey.none': 'The establishment did not answer the appointment survey.',
  'site.survey.reading':
    'Reading: for the region and the campaign, the median answer, then the 20th and 80th percentiles in brackets. {missing}: no answer.',

  'site.machine.title': '{machine} — {modality}',
  'site.machine.peers': 'Peers',
  'site.machine.peersText': '{n, plural, one {# machine} other {# machines}}: {scope}',
  'site.machine.exams': 'Activity',
  'site.machine.examsText': '{n} exams, {perWeek} exams per week',
  'site.machine.emergencyShare': 'Share of patients from the ED',
  'site.machine.included': 'Counted in the occupancy rate',

  'site.position.title': 'Position among peers',
  'site.position.caption':
    'Position of {machine} among its peers: band from the 20th to the 80th percentile, line at the median',
  'site.position.table':
    'Values of the machine and of its peers ({n, plural, one {# machine} other {# machines}} at most)',
  'site.position.excluded':
    'This machine does not meet the 95 % / 15 % rule: it has no rank for the occupancy rate or ICR per hour.',

  'site.durations.title': 'Exam durations by patient category',
  'site.durations.caption':
    'Exam durations of {machine} and its peers, by patient category (P20 – P80 and median)',
  'site.durations.none': 'No exam of 3 minutes or more: no duration to compare.',
  'site.durations.reading':
    'Duration = room out − room in, over exams of 3 minutes or more. The band runs from the 20th to the 80th percentile; the line marks the median.',

  'site.delays.title': 'Delays',
  'site.delays.reportTitle': 'Report delays by patient type',
  'site.delays.reportCaption': 'Report delays of {machine} and its peers (logarithmic scale)',
  'site.delays.table': 'Realized delays: median (P20 – P80)',
  'site.delays.reportRow': 'Report, {patient}',
  'site.delays.appointmentRow': 'Realized appointment, {patient}',
  'site.delays.none': 'No report or appointment delay is recorded for this machine.',
  'site.delays.reading':
    'Report delay = report validated − room out. Realized appointment delay = calendar days from the request to the exam, for outpatients and inpatients.',

  'site.night.title': 'Night and on-call activity',
  'site.night.evening': 'Evening exams (8 pm – midnight), over the campaign',
  'site.night.deepNight': 'Deep-night exams (midnight – 7 am), over the campaign',
  'site.night.perWeekdayNight': 'Exams per weekday night (mean)',
  'site.night.perWeek': 'Night exams per week',
  'site.night.level': 'Night activity',
  'site.night.peerShares': 'strong: {strong} of peers; low: {low}',
  'site.night.onCallHours': 'On-call and emergency sessions per week',
  'site.night.significantOnCall': 'Significant on-call work (over 90 h/week)',
  'site.night.peerOnCall': '{share} of peers',
  'site.night.reading':
    'Strong night activity: at least 10 patients per weekday night on average; low: at most 5 night patients per week.',

  'site.leads.title': 'Improvement leads',
  'site.leads.intro':
    'Time lost in programmed sessions, ranked by the hours per week it would free, and translated into exams per week at the machine’s median exam duration.',
  'site.leads.table': 'Improvement leads of {machine}, largest first',
  'site.leads.caption':
    'Hours per week at stake in each lead of {machine}, and the equivalent exams per week',
  'site.leads.aria': 'Bars of the hours per week at stake in each improvement lead.',
  'site.leads.axis': 'Hours per week',
  'site.leads.examsShort': '{n} exams/week',
  'site.leads.basisPooled':
    'Exams per week = hours per week × 60 / {minutes}, the median duration of the machine’s exams of 3 minutes or more.',
  'site.leads.basisCategories':
    'Exams per week = hours per week × 60 / {minutes}, the median of the machine’s per-category median durations weighted by their exam counts.',
  'site.leads.noDuration':
    'The machine has no exam of 3 minutes or more: the leads are not translated into exams.',
  'site.leads.none': 'No measurable lead: no programmed session of the machine holds an exam.',
  'site.leads.caveat':
    'These hours are a potential, not a target: a late start may come from patient preparation, a turnover gap from cleaning. They show where to look first.',

  'site.quality.title': 'Data quality',
  'site.quality.short':
    '{n, plural, one {# exam under 3 minutes} other {# exams under 3 minutes}} ({share} of exams): counted in exams and ICR, left out of durations, occupancy and leads.',
  'site.quality.overlapping':
    '{n, plural, one {# exam started} other {# exams started}} before the previous patient left the room ({share}): a doubt on the room times.',
  'site.quality.outside':
    '{n, plural, one {# exam} other {# exams}} outside any session ({share}): check that every session was declared.',
  'site.quality.unknownActs':
    '{n, plural, one {# exam not valued} other {# exams not valued}}; acts missing from the act table: {acts}.',
  'site.quality.included':
    'Machine counted in the occupancy and ICR-per-hour figures: {share} of its programmed time lies in sessions occupied above 15 % (95 % required).',
  'site.quality.excluded':
    'Machine left out of the occupancy and ICR-per-hour distributions: {reason}.',
  'site.quality.clean': 'Nothing to check in the machine’s {n} exams.',

  'site.method.title': 'Method',
  'site.method.intro':
    'The definitions are those of the ANAP CT and MRI benchmark (2010 campaign), made precise where the report was ambiguous.',
  'site.method.openings': 'Openings',
  'site.method.openingsText':
    'Length of the union of the sessions of a class, divided by the campaign’s weeks (never over 168 h). Programmed: {programmed}. Extended: the programmed ones and {extended}. Total: the extended ones and {total}.',
  'site.method.occupancy': 'Occupancy rate',
  'site.method.occupancyText':
    'Time patients spend in the room (exams of 3 minutes or more) within programmed sessions, divided by the programmed opening time; likewise with programmed and emergency sessions.',
  'site.method.inclusion': '95 % / 15 % rule',
  'site.method.inclusionText':
    'A machine counts in the occupancy and ICR-per-hour distributions when its programmed sessions occupied above 15 % make up at least 95 % of its programmed time.',
  'site.method.icr': 'ICR per hour',
  'site.method.icrText':
    'Sum of the ICR (relative cost index) of the exams starting in a programmed session, divided by the programmed opening hours.',
  'site.method.passages': 'Exams per week',
  'site.method.passagesText': 'Number of exams divided by the campaign’s weeks.',
  'site.method.durations': 'Durations',
  'site.method.durationsText':
    'Room out − room in; exams under 3 minutes are counted but left out of durations and occupancy.',
  'site.method.delays': 'Delays',
  'site.method.delaysText':
    'Report: validated − room out, by patient type. Realized appointment: days from the request to the exam. Survey: earliest appointment offered for standard clinical cases.',
  'site.method.night': 'Night and on-call',
  'site.method.nightText':
    'Evening: room in from 8 pm to midnight; deep night: from midnight to 7 am. Significant on-call work: over 90 hours per week of on-call and emergency sessions.',
  'site.method.leads': 'Leads',
  'site.method.leadsText':
    'Per programmed session: late start (first patient in − start), early end (end − last patient out), turnover gap (room in − previous room out); per exam: real − booked duration. Hours per week = sum of the positive values / weeks.',
  'site.method.percentiles': 'Percentiles',
  'site.method.percentilesText':
    'P20, median and P80 by linear interpolation between ranks (Hyndman and Fan type 7). A machine’s rank is the share of its peers below it, ties counting half.',
  'site.method.peers': 'Peers',
  'site.method.peersText': 'Each machine is compared with {scope}.',
  'site.method.source':
    'Computed by plateau from the campaign’s data; no value is estimated or filled in.',
  ...whatWouldChangeEn,
  ...planningEn,
  ...bundlesEn,
  ...trendsEn,
};
