/**
 * The synthesis in English: the same keys as the French dictionary (the compiler checks it), the
 * report's terms translated as the web app does (programmed / extended / total opening,
 * occupancy, ICR per hour, on-call).
 */
import type { SynthesisKey } from './fr.ts';
import { bundlesEn } from './bundles-en.ts';

export const en: Readonly<Record<SynthesisKey, string>> = {
  'doc.title.national': 'National synthesis',
  'doc.title.region': 'Regional synthesis — {region}',
  'doc.subtitle':
    '{establishments, plural, one {# establishment} other {# establishments}}, {regions, plural, one {# region} other {# regions}}, {ct, plural, one {# CT scanner} other {# CT scanners}} and {mr, plural, one {# MRI} other {# MRIs}}, {exams, plural, one {# exam} other {# exams}}',

  'col.figure': 'Indicator',
  'col.percentile': 'Mark',
  'col.campaign': 'Campaign',
  'col.region': 'Region',
  'col.national': 'National',
  'col.published': '2010 published',
  'col.gap': 'Gap to 2010',
  'col.legalStatus': 'Legal status',
  'col.establishments': 'Establishments',
  'col.establishments2010': 'Establishments 2010',
  'col.ct': 'CT',
  'col.mr': 'MRI',
  'col.exams': 'Exams',
  'col.region.name': 'Region',
  'col.department': 'Department',
  'col.case': 'Clinical case',
  'col.patient': 'Patient',
  'col.answers': 'Answers',
  'col.p20': 'P20',
  'col.p50': 'Median',
  'col.p80': 'P80',
  'col.share': 'Share of machines',
  'col.machine': 'Machine',
  'col.establishment': 'Establishment',
  'col.modality': 'Modality',
  'col.reason': 'Reason',
  'col.count': 'Count',
  'col.typology': 'Typology',
  'col.machines': 'Machines',
  total: 'Total',
  unknownDepartment: 'not given',

  'pct.p20': '20% are below',
  'pct.p50': 'Median',
  'pct.p80': '20% are above',
  'n.machines': '{n, plural, one {# machine} other {# machines}}',
  'n.answers': '{n, plural, one {# answer} other {# answers}}',
  'n.exams': '{n, plural, one {# exam} other {# exams}}',
  figure: 'Figure {n}: {title}',
  'figure.report': '{title} (figure {ref} of the 2010 report)',
  'table.caption': 'Table {n}: {title}',
  noMachines: 'No machine of this modality in the scope.',
  noSamples:
    'Exam-level samples are not stored for every machine of this scope: exam-level distributions cannot be computed.',
  noData: 'No data for this figure in the scope.',
  'reading.gap':
    'Gap to 2010: (campaign value − value published in 2010) ÷ published value. "—": the value was not published in 2010.',
  'reading.region':
    'The "National" column gives the value over the whole campaign, to place the region.',

  'figures.appointment': 'Distribution of appointment delays, {modality}',
  'figures.casesOutpatient':
    'Earliest appointment offered to outpatients, by clinical case and by site, {modality}',
  'figures.casesInpatient':
    'Earliest appointment offered to inpatients, by clinical case and by site, {modality}',
  'figures.reportDelay': 'Distribution of report delays, {modality}',
  'figures.openings': 'Distribution of machine opening, {modality}',
  'figures.volume': 'Distribution of passages per week, {modality}',
  'figures.durations': 'Distribution of exam durations (minutes) by patient category, {modality}',
  'figures.bubbleProgrammed':
    'Occupancy against programmed opening, ICR per hour (size) and share of patients from the emergency department (colour), {modality}',
  'figures.bubbleEmergency':
    'Occupancy against programmed + emergency opening, ICR per hour (size) and share of patients from the emergency department (colour), {modality}',
  'figures.shares': 'On-call and night activity: share of machines, {modality}',
  'figures.nightPerWeek': 'Distribution of night passages (8 pm – 7 am) per week, {modality}',
  'figures.onCall': 'Distribution of on-call and emergency sessions per week, {modality}',
  'figures.source.cases':
    'Across, the sites, sorted by mean delay; up, the delay in days; one shape per clinical case.',
  'figures.source.bubble':
    'One bubble per machine kept by the inclusion rule; dashed lines: medians of the scope.',
  'figures.source.ranges':
    'Bars: P20 to P80, tick: median; grey diamonds: P20, median and P80 published in 2010.',
  'figures.source.histogram':
    'Bars: number of machines; band: P20 to P80; solid line: median; grey dashes: median published in 2010.',
  'figures.source.histogramOnly':
    'Bars: number of machines; band: P20 to P80; solid line: median (not published in 2010).',
  'figures.source.openings':
    'One bar per machine, sorted by extended opening: programmed sessions, then what extended and total opening add, out of 168 hours.',
  'figures.source.shares':
    'Bars: share of the machines of the scope; grey: value published in 2010.',

  'tables.appointment': 'Appointment delays (clinical-case survey), {modality}',
  'tables.realized': 'Realized appointment delays (request to exam), {modality}',
  'tables.cases': 'Appointment delays by clinical case (days), {modality}',
  'tables.reportDelay': 'Report delays by patient type, all exams, {modality}',
  'tables.reportDelayMedian': 'Report delays: per-machine medians, {modality}',
  'tables.openings': 'Weekly opening, {modality}',
  'tables.volume': 'Activity volume, {modality}',
  'tables.durations': 'Exam durations by patient category, all exams, {modality}',
  'tables.durationMedians': 'Exam durations: per-machine medians, {modality}',
  'tables.occupancy': 'Programmed opening, occupancy and ICR per hour, {modality}',
  'tables.occupancyEmergency':
    'Opening and occupancy over programmed + emergency sessions, {modality}',
  'tables.night': 'Night activity and on-call: distributions, {modality}',
  'tables.shares': 'Night activity and on-call: share of machines, {modality}',
  'tables.typology': 'Typology of machines, {modality}',
  'tables.panel': 'Establishments and machines by legal status',
  'tables.regions': 'Establishments, machines and exams by region',
  'tables.departments': 'Establishments, machines and exams by department',
  'tables.keyFigures': 'Key figures: medians by modality',
  'tables.quality': 'Data quality of the campaign',
  'tables.excluded': 'Machines left out of occupancy and ICR per hour',

  'row.appointmentOutpatient': 'Outpatient',
  'row.appointmentInpatient': 'Inpatient',
  'row.realizedOutpatient': 'Outpatient, realized',
  'row.realizedInpatient': 'Inpatient, realized',
  'row.reportOutpatient': 'Outpatient',
  'row.reportInpatient': 'Inpatient (H and R)',
  'row.reportEmergency': 'Emergency department',
  'row.programmedOpening': 'Programmed opening',
  'row.extendedOpening': 'Extended opening',
  'row.totalOpening': 'Total opening',
  'row.programmedPlusEmergencyOpening': 'Programmed + emergency opening',
  'row.occupancyProgrammed': 'Occupancy (programmed)',
  'row.occupancyProgrammedPlusEmergency': 'Occupancy (programmed + emergency)',
  'row.icrPerHour': 'ICR per hour',
  'row.passagesPerWeek': 'Passages per week',
  'row.emergencyShare': 'Share of patients from the emergency department',
  'row.nightPerWeek': 'Night passages per week',
  'row.onCallHoursPerWeek': 'On-call and emergency sessions',
  'row.strongNight': 'Strong night activity (≥ 10 patients per weekday night)',
  'row.lowNight': 'Low night activity (≤ 5 patients per week)',
  'row.significantOnCall': 'Significant on-call work (> 90 h/week of on-call and emergency)',
  'row.n': '{label} — {n}',
  'chart.sites': 'Sites, sorted by mean delay',
  'chart.days': 'Delay (days)',
  'key.appointmentOutpatient': 'Appointment delay, outpatient',
  'key.reportOutpatient': 'Report delay, outpatient',

  'intro.title': 'Introduction and panel',
  'intro.national':
    'The campaign "{campaign}" recorded every exam performed on {ct, plural, one {# CT scanner} other {# CT scanners}} and {mr, plural, one {# MRI} other {# MRIs}} of {establishments, plural, one {# establishment} other {# establishments}} ({regions, plural, one {# region} other {# regions}}) over {days, plural, one {# day} other {# consecutive days}}, from {start} to {end}: {exams, plural, one {# exam} other {# exams}} in all.',
  'intro.region':
    'This synthesis gathers the results of the region {region} in the campaign "{campaign}": {establishments, plural, one {# establishment} other {# establishments}}, {ct, plural, one {# CT scanner} other {# CT scanners}} and {mr, plural, one {# MRI} other {# MRIs}}, {exams, plural, one {# exam} other {# exams}} recorded over {days, plural, one {# day} other {# days}}, from {start} to {end}. The region holds {share} of the campaign\'s machines.',
  'intro.indicators':
    'The figures measure the service given (appointment delays for concrete clinical cases, report delays) and the efficiency of the imaging platforms (machine occupancy, opening hours, production measured in ICR per hour of opening), following the ANAP CT/MRI benchmark method.',
  'intro.reference':
    "Every percentile table puts the campaign's values beside those ANAP published for the 2010 campaign (301 establishments in 14 regions, 326 CT and 191 MRI, 28 days, 270,100 exams), with the gap in percent.",
  'intro.reference.region':
    "Every percentile table puts the region's values beside those of the whole campaign and those ANAP published for the 2010 campaign (301 establishments in 14 regions, 326 CT and 191 MRI, 28 days, 270,100 exams), with the gap to 2010 in percent.",
  'intro.panel.title': 'Participants',
  'intro.panel.text':
    'Establishments are counted by geographic FINESS; each machine belongs to the establishment that declares it.',
  'intro.regions.title': 'Regions',
  'intro.departments.title': 'Departments',

  'trends.title': 'Main trends',
  'trends.text':
    'The medians below sum the campaign up by modality; the next chapters give their distributions (P20, median, P80) and compare them with 2010.',
  'trends.dispersion':
    'Relative spread (P80 − P20) ÷ median: occupancy {ctOcc} for CT and {mrOcc} for MRI (2010: {ctOcc2010} and {mrOcc2010}); ICR per hour {ctIcr} and {mrIcr} (2010: {ctIcr2010} and {mrIcr2010}).',
  'trends.ctMoreDispersed':
    'As in 2010, CT occupancy is more dispersed than MRI occupancy, whose situations are more alike from one site to the next.',
  'trends.mrMoreDispersed': 'Unlike 2010, MRI occupancy is at least as dispersed as CT occupancy.',
  'trends.appointments':
    'Appointment delays are longer for MRI ({mr} median for an outpatient) than for CT ({ct}).',
  'trends.appointmentsReverse':
    'Median appointment delays for an outpatient are {ct} for CT and {mr} for MRI.',

  'appt.title': 'Appointment delays',
  'appt.intro':
    "Appointment delays come from the clinical-case survey: for each case, the site gives the earliest appointment it can offer an outpatient and an inpatient (urgent cases aside). Realized delays, measured from request to exam on the campaign's non-urgent exams, complete them.",
  'appt.text':
    'The median delay to an appointment is {outpatient} for an outpatient and {inpatient} for an inpatient (2010: {outpatient2010} and {inpatient2010}).',
  'appt.cases':
    'By clinical case, the median delay for an outpatient ranges from {min} ({minCase}) to {max} ({maxCase}).',
  'appt.casesSame': 'The median delay for an outpatient is {days} for every clinical case.',
  'appt.noSurvey': 'No answer to the clinical-case survey for this modality in the scope.',

  'report.title': 'Report delays',
  'report.intro':
    'The report delay runs from the patient leaving the room to the validated report. Inpatients gather categories H and R; patients from the emergency department are shown apart (not published in 2010).',
  'report.text':
    'The median report delay is {outpatient} for outpatients and {inpatient} for inpatients (2010: {outpatient2010} and {inpatient2010}).',

  'open.title': 'Machine opening',
  'open.intro':
    "Three notions are used. Programmed opening is the session time offered to scheduled or unscheduled patients (public scheduled and unscheduled, liberal, private and non-imaging physician sessions). Extended opening adds the time when staff is in the room outside on-call (emergency, reconditioning, breakdown and research sessions). Total opening adds on-call, maintenance and quality control. Each opening is the length of the union of the sessions divided by the campaign's weeks: it never exceeds 168 hours.",
  'open.text':
    'Out of 168 hours a week, {full, plural, one {# machine is} other {# machines are}} open around the clock in total opening ({fullShare}). For the {rest, plural, one {# machine} other {# machines}} whose extended opening stays under 100 h, extended opening exceeds programmed opening by {gap} at the median.',
  'open.median': 'The median programmed opening is {median} (2010: {median2010}).',

  'vol.title': 'Activity volume',
  'vol.intro':
    "A passage is one patient in the room once, whatever the number of acts. Passages per week are the machine's exams divided by the campaign's weeks.",
  'vol.text':
    'The median is {p50} passages per week; 20 % of machines have fewer than {p20} and 20 % more than {p80} (2010: {p50_2010}, {p20_2010} and {p80_2010}). In all, {exams, plural, one {# exam} other {# exams}}, {emergency} of them from the emergency department.',

  'dur.title': 'Exam durations',
  'dur.intro':
    "An exam lasts from entering to leaving the room. Exams under 3 minutes are left out (such rows question the recording). The first table spreads all exams of each patient category (as the 2010 report did); the second, each machine's median durations.",
  'dur.text':
    'The median exam lasts {A} for an outpatient, {H} for an inpatient, {R} for an intensive-care patient and {U} for a patient from the emergency department.',
  'dur.shortExams':
    '{n, plural, one {# exam under 3 minutes was} other {# exams under 3 minutes were}} left out of durations ({share} of exams).',

  'occ.title': 'Machine occupancy',
  'occ.intro':
    'Occupancy is the time patients spend in the room during the sessions, divided by the opening time. ICR per hour is the ICR of the exams starting in a programmed session, divided by programmed opening hours. For representative results, extreme cases are left out: the figures cover machines with at least 95 % of their programmed session time occupied above 15 %.',
  'occ.included':
    'Computed over {ct, plural, one {# CT scanner} other {# CT scanners}} and {mr, plural, one {# MRI} other {# MRIs}} kept, out of {ctAll, plural, one {# CT scanner} other {# CT scanners}} and {mrAll, plural, one {# MRI} other {# MRIs}} (2010: 316 CT and 191 MRI).',
  'occ.programmed.title': '{modality}: programmed sessions',
  'occ.emergency.title': '{modality}: programmed + emergency sessions',
  'occ.text':
    'Medians are {occupancy} for occupancy and {opening} for programmed opening, with {icr} (2010: {occupancy2010}, {opening2010} and {icr2010}).',
  'occ.emergency.text':
    'Adding the sessions declared as emergency to the programmed ones, the median occupancy goes from {occFrom} to {occTo} and the median weekly opening from {openFrom} to {openTo} (2010: from {occFrom2010} to {occTo2010} and from {openFrom2010} to {openTo2010}).',
  'occ.typology':
    'Results show two populations of machines: {scheduled, plural, one {# machine centred} other {# machines centred}} on scheduled activity and {emergency, plural, one {# machine mostly dedicated} other {# machines mostly dedicated}} to emergencies (over half the patients from the emergency department, or over 100 h of extended opening with under 40 h programmed).',
  'occ.typologyNone':
    '{scheduled, plural, one {The machine is} other {All # machines are}} centred on scheduled activity: none is mostly dedicated to emergencies.',
  'occ.emergencyNote':
    'ED: emergency department. Only the share of patients coming from the emergency department is measured, not the true rate of emergencies.',

  'night.title': 'On-call and night activity',
  'night.intro':
    'A machine does significant on-call work when it offers more than 90 hours a week of on-call and emergency sessions. The night runs from 8 pm to 7 am: early night from 8 pm to midnight, deep night from midnight to 7 am. Night activity is strong from 10 patients per weekday night on average, low at 5 patients a week or fewer.',
  'night.text':
    '{onCall} of machines do significant on-call work (2010: {onCall2010}). {strong, plural, one {# machine has} other {# machines have}} strong night activity ({strongShare}) and {low, plural, one {# machine has} other {# machines have}} low night activity ({lowShare}).',
  'night.split':
    'Of {n, plural, one {# night passage} other {# night passages}}, {evening} take place in the early night (8 pm – midnight) and {deep} in the deep night (midnight – 7 am).',
  'night.strongRange': '5 to 10 % (CT)',

  'cav.title': 'Results to read with care',
  'cav.intro':
    "An imaging platform's performance is a balance between the dimensions measured, not one maximised at the others' expense: no figure should be read alone.",
  'cav.quality.title': 'Data quality',
  'cav.quality.text':
    "These counts say what the campaign had to leave out or could not value; a high share calls for a review of the sites' recording.",
  'cav.quality.shortExams': 'Exams under 3 minutes (left out of durations and occupancy)',
  'cav.quality.excluded': 'Machines left out of occupancy and ICR per hour',
  'cav.quality.unvalued': 'Exams not valued (act missing from the act table)',
  'cav.quality.unknownActs': 'Unknown act codes',
  'cav.quality.outside': 'Exams starting outside any session',
  'cav.quality.overlapping': 'Exams starting before the previous patient left',
  'cav.quality.unknownActsList': 'Unknown act codes: {codes}.',
  'cav.quality.noneExcluded': 'No machine was left out of occupancy.',
  'cav.synthetic.title': 'Synthetic data',
  'cav.synthetic.text':
    "This campaign ({id}) is synthetic: its establishments, machines and exams are generated by plateau to resemble ANAP's 2010 campaign. Names, sites and figures describe no real establishment; they serve to try the tool and to check that it finds the published values.",
  'cav.limits.title': 'Limits of the method',
  'cav.limits.occupancy':
    'Occupancy should be read with reserve, CT especially: shorter exams than MRI and a higher patient flow do not always allow exact recording of room entries and exits.',
  'cav.limits.emergency':
    'Only emergencies coming from an emergency department are identified: direct admissions (stroke) and internal emergencies are not.',
  'cav.limits.survey':
    'Survey appointment delays are declared by the sites for typical clinical cases; realized delays only cover exams whose request is dated.',
  'cav.limits.scope':
    "Some dimensions are not measured: relevance of the exams, resources used before and after the exam (preparation, reading, reporting), radiologists' work outside the room, and the quality perceived by requesters, patients and staff.",
  'cav.limits.sample':
    'Percentiles of a small group of machines (a region, a legal status) are fragile: a few machines are enough to move them.',

  'terr.title': 'Territories',
  'terr.intro':
    'This chapter relates the fleet of CT scanners and MRI units, and their activity, to the population of each territory (current INSEE départements and regions), beside France as a whole and the figures the OECD published. Figures are counted where the machine stands, not where the patient lives.',
  'terr.missing':
    'No territory figures were given to this synthesis: it was built without the fleet and the population. The "plateau report" command and the API compute them from the stored campaign (with or without an equipment register).',
  'terr.region.unknown':
    'The campaign\'s region "{region}" matches none of the INSEE regions plateau knows: the territory figures cannot be related to it.',
  'terr.region.absent':
    'The territory figures given do not include the region {current} (INSEE code {code}): this chapter cannot describe it.',
  'terr.region.current':
    'The territory figures are those of the current region {current} (INSEE code {code}), which contains the campaign\'s region "{region}": all its départements are shown, including those that did not take part in the campaign.',
  'terr.fleet.register':
    "Fleet: the campaign's equipment register, {rows, plural, one {# row} other {# rows}}, of which {inService, plural, one {# machine} other {# machines}} in service on {date} (the campaign's first day) are counted.",
  'terr.fleet.notYet':
    '{n, plural, one {# machine put into service later is} other {# machines put into service later are}} not counted.',
  'terr.fleet.added':
    '{n, plural, one {# campaign machine missing from the register was} other {# campaign machines missing from the register were}} added (sector unknown).',
  'terr.fleet.campaignOnly':
    'Fleet: the campaign has no equipment register; only its {n, plural, one {# machine is} other {# machines are}} counted, and densities are a floor.',
  'terr.population':
    'Population: INSEE legal population {year} (in force on 1 January {inForce}), {total} inhabitants; {source}.',
  'terr.population.source':
    'source: INSEE, reference (legal) populations {year} in force on 1 January {inForce}, municipal population of the communes summed by département (Mayotte: 2017 census), via {package} {version} (Licence Ouverte / Open Licence)',
  'terr.population.region':
    '{region} has {population} inhabitants, {share} of the French population.',
  'terr.map.title': 'Map of the equipment',
  'terr.map.caption.both': 'CT and MRI units in service per million inhabitants, by département',
  'terr.map.caption.one': '{modality} units in service per million inhabitants, by département',
  'terr.map.caption.region': '{what}: départements of {region}',
  'terr.map.aria': 'Map of the départements of France: {what}',
  'terr.map.source':
    'Units in service on {date} ({fleet}) ÷ legal population {year} × 1,000,000. Overseas départements in insets, not to scale; grey: no data. Boundaries: {attribution}.',
  'terr.map.source.region':
    'Units in service on {date} ({fleet}) ÷ legal population {year} × 1,000,000. Départements of other regions in light grey, those without data in grey. Boundaries: {attribution}.',
  'terr.map.fleet.register': 'equipment register',
  'terr.map.fleet.campaign': 'campaign machines alone',

  'terr.equipment.title': 'Equipment and densities',
  'terr.equipment.line':
    '{modality}: {units, plural, one {# unit} other {# units}} in service, {density} per million inhabitants ({hospital} in hospitals, {private} in private practice).',
  'terr.equipment.compare':
    '{modality}, for comparison: France as a whole {national}; OECD average {oecd}; France, published figure {france}.',
  'terr.equipment.compareNational':
    '{modality}, for comparison: OECD average {oecd}; France, published figure {france}.',
  'terr.equipment.unknownSector':
    '{n, plural, one {# unit} other {# units}} of unknown sector (campaign machines missing from the register) count in the total, neither in hospitals nor in private practice.',
  'terr.equipment.reading':
    'Densities in units per million inhabitants (/M). Rows in italics are published figures: their year and source are in the note.',
  'terr.exams.title': 'Exams per inhabitant',
  'terr.exams.intro':
    "A year's exams are the campaign's, annualised (× 365 ÷ {days} days); a register machine missing from the campaign counts the median passages per week of its modality × 365 ÷ 7 (imputed exams). The imputed share says how much the figure rests on that estimate.",
  'terr.gap.title': 'Equipment gap',
  'terr.gap.intro':
    'Units missing to reach a reference density = max(0, ⌈density × population ÷ 1,000,000 − units in service⌉), per territory and modality. Reference densities: {refs}.',
  'terr.gap.ref': '{name}: {values}',
  'terr.gap.none': 'No reference density is available to measure the gap.',
  'terr.gap.national': 'national density',
  'terr.gap.oecd': 'OECD average {year}',
  'terr.gap.target': 'typed target',
  'terr.gap.group.national': 'To the national density',
  'terr.gap.group.oecd': 'To the OECD average {year}',
  'terr.gap.group.target': 'To the typed target',
  'terr.age.title': 'Fleet age',
  'terr.age.intro':
    "Age = the campaign's year ({year}) − the installed year the register declares. At 7 years the amortisation the forfait technique covers is over; a machine 10 years old or more is counted as to renew. Age known for {known, plural, one {# unit} other {# units}} of {total}.",
  'terr.platforms.title': 'Platforms',
  'terr.platforms.intro':
    'A site (FINESS géographique) is complete when it has at least one CT scanner and one MRI unit in service, "CT only" or "MRI only" otherwise. Regrouped units are those of sites with 3 units or more; their share is of all units.',
  'terr.night.title': 'On-call and night MRI',
  'terr.night.intro':
    "Measured on the campaign's {n, plural, one {# machine} other {# machines}}, a sample of the fleet: machines with significant on-call activity (more than 90 h a week of on-call and emergency sessions) per million inhabitants, and MRI units with on-call or emergency sessions at night (20:00 – 08:00), the night MRI access of stroke care.",
  'terr.night.without':
    '{n, plural, one {# département} other {# départements}} of {of} without a measured night MRI: {list}.',
  'terr.night.allCovered': 'Every département has at least one night MRI measured in the campaign.',
  'terr.waits.title': 'Appointment delays',
  'terr.waits.intro':
    'Appointment delays pooled over the campaign machines of each territory: realised (from request to exam, scheduled exams) and declared in the survey (clinical cases). Median (P20 – P80), in days; n: exams or answers pooled.',
  'terr.caveats.title': 'Limits of the territory figures',
  'terr.caveat.place':
    "Figures are counted where the machine stands, not where the patient lives: a territory that treats its neighbours' inhabitants looks better equipped and busier than its own population's use.",
  'terr.caveat.imputed':
    "{share} of France's annual exams are imputed ({machines, plural, one {# register machine} other {# register machines}} missing from the campaign): exams per inhabitant depend on them as much.",
  'terr.caveat.noImputed': 'No exam is imputed: every counted machine is in the campaign.',
  'terr.caveat.populationYear':
    "The population is the legal population of {populationYear} (in force in {inForce}), the campaign is of {campaignYear}: an older campaign's densities are related to a more recent population.",
  'terr.caveat.populationClose':
    "The population is the legal population of {populationYear} (in force in {inForce}), close to the campaign's year ({campaignYear}).",
  'terr.caveat.campaignOnly':
    "Without an equipment register only the campaign's machines are counted: densities, ages and platforms are a floor.",
  'terr.caveat.sample':
    "On-call, night MRI and delays are measured on the campaign's {n, plural, one {# machine} other {# machines}} only, a sample of the fleet: a territory without a campaign machine has no value, and those with few have fragile values.",
  'terr.caveat.unplaced':
    '{sites, plural, one {# campaign site} other {# campaign sites}} without a known département ({machines, plural, one {# machine} other {# machines}}) {sites, plural, one {counts} other {count}} in France as a whole only.',
  'terr.caveat.unknownDepartments':
    'Some register rows have an unknown département ({codes}): they are not counted.',
  'terr.caveat.sources':
    'Population: {population}. Map boundaries: {attribution}. Published figures: each with its year and source, in the notes of the tables.',

  'terr.tables.equipment': 'Units in service and densities per million inhabitants',
  'terr.tables.exams': 'Exams per 1,000 inhabitants a year',
  'terr.tables.gap': 'Units missing to reach a reference density',
  'terr.tables.age': 'Fleet age',
  'terr.tables.platforms': 'Platforms: complete sites, CT only, MRI only',
  'terr.tables.night': 'On-call and night MRI',
  'terr.tables.waits': 'Appointment delays pooled per territory (days)',
  'terr.col.territory': 'Territory',
  'terr.col.population': 'Population',
  'terr.col.units': 'Units',
  'terr.col.perMillion': 'Total /M',
  'terr.col.hospital': 'Hospital /M',
  'terr.col.private': 'Private /M',
  'terr.col.examsPer1000': 'Per 1,000 inh.',
  'terr.col.imputed': 'imputed',
  'terr.col.annualExams': 'Exams a year',
  'terr.col.meanAge': 'Mean age',
  'terr.col.age7': '≥ 7 years',
  'terr.col.age10': '≥ 10 years',
  'terr.col.toRenew': 'To renew',
  'terr.col.sites': 'Sites',
  'terr.col.complete': 'Complete',
  'terr.col.ctOnly': 'CT only',
  'terr.col.mriOnly': 'MRI only',
  'terr.col.perSite': 'Units per site',
  'terr.col.regrouped': 'Regrouped',
  'terr.col.measured': 'Measured',
  'terr.col.onCall': 'Sig. on-call /M',
  'terr.col.nightMri': 'Night MRI',
  'terr.col.nightMriPerMillion': 'Night MRI /M',
  'terr.col.withoutNightMri': 'Dép. without night MRI',
  'terr.col.realised': 'Realised',
  'terr.col.survey': 'Survey',
  'terr.col.n': 'n',
  'terr.group.all': 'All units',
  'terr.row.nation': 'France as a whole',
  'terr.row.department': '{name} ({code})',
  'terr.ref.oecd': 'OECD average {year}',
  'terr.ref.france': 'France {year}, published',
  'terr.ref.sources': 'Published figures:',
  'terr.separator': '; ',
  'terr.ref.source': '({mark}) {source}',
  'terr.ref.note': '{area} {year}, {modality}: {note}',
  'terr.ref.noneOecd': 'not published',
  'terr.ref.value': '{value} ({year})',
  'terr.years': '{value} years',
  'terr.quantiles': '{p50} ({p20} – {p80})',
  'terr.provenance': 'Provenance: {kinds}.',
  'terr.prov.measured': 'measured (campaign)',
  'terr.prov.declared': 'declared (equipment register)',
  'terr.prov.reference': 'published (INSEE population, reference figures)',
  'terr.prov.survey': "declared (the sites' survey)",
  'terr.area.oecd': 'OECD',
  'terr.prov.input': 'typed',
  'terr.prov.imputed': 'imputed (register machines missing from the campaign)',
  ...bundlesEn,
};
