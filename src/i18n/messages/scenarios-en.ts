/**
 * Messages of the scenario editor and the "what would change" page, in English (same keys as scenarios-fr.ts). Kept in its own file so
 * that the planning features add their words without touching one another's.
 */
export const scenariosMessagesEn = {
  // Names of the scenario file reader's issues (quality page, CLI).
  'issue.scenario-file': 'Unreadable scenario file',
  'issue.scenario-duplicate': 'Given twice in a scenario file',
  'issue.scenario-key': 'Unknown key in a scenario file',
  'issue.scenario-change-type': 'Unknown change type',
  'issue.scenario-required': 'Missing field in a scenario',
  'issue.scenario-value': 'Invalid value in a scenario',
  'issue.scenario-empty': 'Scenario without change',
  'issue.scenario-machine': 'Unknown machine in a scenario',
  // Notes of applyScenario (src/plan/simulation/scenarios.ts): a change clipped or without effect.
  'simulation.note.scenario-machine-unknown':
    'Change {change}: no machine {machine} among the simulated ones; the change was left out',
  'simulation.note.scenario-extend-none':
    'Change {change}: {equipment} has no programmed session on these weekdays; nothing was extended',
  'simulation.note.scenario-extend-clipped':
    'Change {change}: on {equipment}, {minutes} min of the extension fell on other sessions and were left out ({days, plural, one {# day} other {# days}})',
  'simulation.note.scenario-session-overlap':
    'Change {change}: on {equipment}, {minutes} min of the added session fell on existing sessions and were left out ({days, plural, one {# day} other {# days}})',
  'simulation.note.scenario-interventional-none':
    'Change {change}: no programmed time of {equipment} at these hours; nothing was given to interventional radiology',
  'simulation.note.scenario-predicted-missing':
    'Change {change}: no predicted slot length is known for this machine; exams are booked at their booked lengths',
  // Web: the Scenarios tab of the machine and establishment pages (helper G; keep when editing this file).
  'scenarios.web.tabs': 'Page tabs',
  'scenarios.web.tab.overview': 'Overview',
  'scenarios.web.tab.scenarios': 'Scenarios',
  'scenarios.web.title': 'Capacity scenarios',
  'scenarios.web.note':
    'A simulation calibrated on these machines’ own campaign replays their demand and session grid; the scenario changes them. Status quo and scenario get the same random draws: a difference is the scenario’s, called significant only when its 95% interval excludes 0.',
  'scenarios.web.pool': 'Simulated together, sharing one queue: {machines}',
  'scenarios.web.modality': 'Modality simulated',
  'scenarios.web.noMachines': 'No machine of this modality to simulate.',
  'scenarios.web.form.title': 'Compose a scenario',
  'scenarios.web.form.name': 'Scenario name',
  'scenarios.web.form.defaultName': 'My scenario',
  'scenarios.web.form.addType': 'Change to add',
  'scenarios.web.form.add': 'Add',
  'scenarios.web.form.changeN': 'Change {n}',
  'scenarios.web.form.remove': 'Remove',
  'scenarios.web.form.removeAria': 'Remove change {n}',
  'scenarios.web.form.none': 'No change yet: add at least one.',
  'scenarios.web.form.replications': 'Replications',
  'scenarios.web.form.seed': 'Seed',
  'scenarios.web.form.run': 'Run the simulation',
  'scenarios.web.form.cancel': 'Cancel',
  'scenarios.web.form.copyLink': 'Copy link',
  'scenarios.web.form.copied': 'Link copied.',
  'scenarios.web.form.copyFailed': 'The browser refused to copy: the link is in the address bar.',
  'scenarios.web.form.invalid': 'Fix the fields marked before running.',
  'scenarios.web.form.unreadable': 'The scenario in the address cannot be read: it was ignored.',
  'scenarios.web.change.extend-hours': 'Open earlier or close later',
  'scenarios.web.change.add-session': 'Add a session',
  'scenarios.web.change.add-machine': 'Add a machine',
  'scenarios.web.change.emergency-reservation': 'Reserve a share for emergencies',
  'scenarios.web.change.interventional-sessions': 'Dedicate sessions to interventional radiology',
  'scenarios.web.change.predicted-durations': 'Book at predicted durations',
  'scenarios.web.change.demand-growth': 'Change the demand',
  'scenarios.web.change.fix-late-start': 'Start sessions on time',
  'scenarios.web.change.no-show': 'Patient no-shows',
  'scenarios.web.hint.extend-hours':
    'The first programmed session of these days starts earlier, the last one ends later.',
  'scenarios.web.hint.add-session':
    'A programmed session added every week on these days (local time), e.g. a Saturday morning.',
  'scenarios.web.hint.add-machine':
    'Machines added to the pool, each with a copy of one machine’s programmed grid.',
  'scenarios.web.hint.emergency-reservation':
    'Share of each programmed session kept for unscheduled exams instead of mixed.',
  'scenarios.web.hint.interventional-sessions':
    'This programmed time goes to interventional radiology: diagnostic demand can no longer book it.',
  'scenarios.web.hint.predicted-durations':
    'Each scheduled exam is booked at its act family’s predicted length, not at its booked length.',
  'scenarios.web.hint.demand-growth':
    'Every arrival rate multiplied by (1 + x%); a negative value for a fall.',
  'scenarios.web.hint.fix-late-start': 'The late starts measured over the campaign are removed.',
  'scenarios.web.hint.no-show':
    'Probability that a booked patient does not come, by category (an input; 0 by default).',
  'scenarios.web.field.weekdays': 'Days',
  'scenarios.web.field.openEarlier': 'Open earlier by (min)',
  'scenarios.web.field.closeLater': 'Close later by (min)',
  'scenarios.web.field.start': 'Start',
  'scenarios.web.field.end': 'End',
  'scenarios.web.field.machine': 'Machine',
  'scenarios.web.field.allMachines': 'All machines',
  'scenarios.web.field.count': 'Number of machines',
  'scenarios.web.field.gridOf': 'Grid copied from',
  'scenarios.web.field.share': 'Share reserved (%)',
  'scenarios.web.field.percent': 'Demand change (%)',
  'scenarios.web.field.rate': '{category} (%)',
  'scenarios.web.error.weekdays': 'Choose at least one day.',
  'scenarios.web.error.clock': 'A time as HH:MM.',
  'scenarios.web.error.span': 'The end must come after the start.',
  'scenarios.web.error.minutes': 'From 0 to 720 minutes, and more than 0 for one of the two.',
  'scenarios.web.error.count': 'A whole number from 1 to 10.',
  'scenarios.web.error.share': 'From 0 to 90%.',
  'scenarios.web.error.percent': 'More than -100% and at most 1,000%.',
  'scenarios.web.error.rate': 'From 0 to 100%.',
  'scenarios.web.error.replications': 'A whole number from {min} to {max}.',
  'scenarios.web.error.seed': 'A whole number from 0 to {max}.',
  'scenarios.web.error.name': 'Give the scenario a name.',
  'scenarios.web.progress': 'Simulating: {done} of {total} replications',
  'scenarios.web.progressLabel': 'Simulation progress',
  'scenarios.web.runningNote': 'The computation runs apart: the page stays usable.',
  'scenarios.web.cancelled': 'Simulation cancelled.',
  'scenarios.web.failed': 'The simulation failed: {message}',
  'scenarios.web.results.title': 'Status quo and scenario “{name}”',
  'scenarios.web.results.meta':
    '{replications} replications, seed {seed}, {weeks} weeks measured after {warmup} weeks of warm-up; {events} events in {seconds} s.',
  'scenarios.web.results.note':
    'Mean over the replications and 95% confidence interval. A difference is significant when its interval excludes 0.',
  'scenarios.web.statusQuo.ok':
    'The status quo reproduces the campaign: occupancy and exams per week within 5%, median delay within 20% or 1 day.',
  'scenarios.web.statusQuo.fails':
    'The status quo does not reproduce the campaign: scenario results unreliable.',
  'scenarios.web.statusQuo.failing':
    '{figure}: simulated {simulated}, measured {observed} (tolerance {tolerance})',
  'scenarios.web.unreliable': 'Scenario results unreliable',
  'scenarios.web.statusQuo': 'Status quo',
  'scenarios.web.observed': 'Campaign (measured)',
  'scenarios.web.col.observed': 'Measured',
  'scenarios.web.col.statusQuo': 'Simulated status quo',
  'scenarios.web.col.scenario': 'Scenario',
  'scenarios.web.col.delta': 'Difference',
  'scenarios.web.col.significant': 'Significant',
  'scenarios.web.col.low': '{column}, lower bound',
  'scenarios.web.col.high': '{column}, upper bound',
  'scenarios.web.interval': '{low} to {high}',
  'scenarios.web.chart.aria': 'Status quo and scenario, means and 95% intervals: {title}.',
  'scenarios.web.chart.delays': 'Appointment delays',
  'scenarios.web.chart.occupancy': 'Occupancy of programmed sessions',
  'scenarios.web.chart.overtime': 'Overtime and idle time',
  'scenarios.web.chart.outpatient': 'Outpatients',
  'scenarios.web.chart.inpatient': 'Inpatients',
  'scenarios.web.chart.ci': '95% CI {low} to {high}',
  'scenarios.web.figure.occupancy.programmed': 'Occupancy of programmed sessions',
  'scenarios.web.figure.passagesPerWeek': 'Exams per week',
  'scenarios.web.figure.icrPerHour': 'ICR per programmed hour',
  'scenarios.web.figure.appointmentDelayDays.outpatient.p20': 'Appointment delay, outpatients, P20',
  'scenarios.web.figure.appointmentDelayDays.outpatient.p50':
    'Appointment delay, outpatients, median',
  'scenarios.web.figure.appointmentDelayDays.outpatient.p80': 'Appointment delay, outpatients, P80',
  'scenarios.web.figure.appointmentDelayDays.inpatient.p20': 'Appointment delay, inpatients, P20',
  'scenarios.web.figure.appointmentDelayDays.inpatient.p50':
    'Appointment delay, inpatients, median',
  'scenarios.web.figure.appointmentDelayDays.inpatient.p80': 'Appointment delay, inpatients, P80',
  'scenarios.web.figure.unscheduledWaitMinutes.p50': 'Wait of unscheduled patients, median',
  'scenarios.web.figure.unscheduledWaitMinutes.p90': 'Wait of unscheduled patients, P90',
  'scenarios.web.figure.overtimeMinutesPerWeek': 'Overtime per week',
  'scenarios.web.figure.idleMinutesPerWeek': 'Idle programmed time per week',
  'scenarios.web.durations.title': 'Predicted exam durations',
  'scenarios.web.durations.note':
    'Recommended slot length per act family, predicted from the site’s own data; the model is judged on the campaign’s last week, held out.',
  'scenarios.web.durations.methodLabel': 'Method:',
  'scenarios.web.durations.heldOut':
    'Held-out week from {from} to {to} ({exams, plural, one {# exam} other {# exams}}): mean error {model} with the model; over the {bookedExams} exams with a booked length, {modelOnBooked} with the model and {booked} with the booked length. {coverage} of real durations under the predicted P80 (target 80%).',
  'scenarios.web.durations.better.model':
    'The model is closer to the real durations than the booked lengths.',
  'scenarios.web.durations.better.booked':
    'The booked lengths are closer to the real durations than the model.',
  'scenarios.web.durations.better.none':
    'Not enough data to tell the model and the booked lengths apart.',
  'scenarios.web.durations.none': 'No predicted duration for these machines.',
  'scenarios.web.durations.unavailable': 'No duration report for this campaign.',
  'scenarios.web.col.family': 'Act family',
  'scenarios.web.col.slot': 'Recommended slot',
  'scenarios.web.col.level': 'Model level',
  'scenarios.web.family.head': 'Head',
  'scenarios.web.family.spine': 'Spine',
  'scenarios.web.family.thorax': 'Thorax',
  'scenarios.web.family.breast': 'Breast',
  'scenarios.web.family.abdomen-pelvis': 'Abdomen and pelvis',
  'scenarios.web.family.musculoskeletal': 'Musculoskeletal',
  'scenarios.web.family.vascular': 'Vascular',
  'scenarios.web.family.cardiac': 'Cardiac',
  'scenarios.web.family.whole-body': 'Several regions',
  'scenarios.web.family.interventional': 'Interventional',
  'scenarios.web.family.other': 'Other',
  'scenarios.web.family.*': 'Any family',
  'scenarios.web.next.title': 'Third next available appointment',
  'scenarios.web.next.note':
    'On each campaign day at 8:00, the delay to the third free slot long enough for the machine’s median exam; its median over the campaign.',
  'scenarios.web.next.value':
    '{machine}: {days} (median over {n, plural, one {# day} other {# days}}, slot of {minutes})',
  'scenarios.web.next.noSlots':
    '{machine}: not computed, it needs the campaign’s slots (slots.csv).',
};
