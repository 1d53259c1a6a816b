/**
 * Words of `plateau simulate` and of the quality page's status-quo card (capacity simulation,
 * planning.md §3), in English (en.ts spreads it). Kept in its own file so that the planning
 * features add their words without touching one another's.
 */
export const simulateMessagesEn = {
  'simulate.figure.occupancy.programmed': 'Occupancy (programmed)',
  'simulate.figure.passagesPerWeek': 'Exams per week',
  'simulate.figure.icrPerHour': 'ICR per programmed hour',
  'simulate.figure.appointmentDelayDays.outpatient.p20': 'Outpatient appointment delay, P20 (d)',
  'simulate.figure.appointmentDelayDays.outpatient.p50': 'Outpatient appointment delay, median (d)',
  'simulate.figure.appointmentDelayDays.outpatient.p80': 'Outpatient appointment delay, P80 (d)',
  'simulate.figure.appointmentDelayDays.inpatient.p20': 'Inpatient appointment delay, P20 (d)',
  'simulate.figure.appointmentDelayDays.inpatient.p50': 'Inpatient appointment delay, median (d)',
  'simulate.figure.appointmentDelayDays.inpatient.p80': 'Inpatient appointment delay, P80 (d)',
  'simulate.figure.unscheduledWaitMinutes.p50': 'Wait of unscheduled patients, median (min)',
  'simulate.figure.unscheduledWaitMinutes.p90': 'Wait of unscheduled patients, P90 (min)',
  'simulate.figure.overtimeMinutesPerWeek': 'Overtime (min per week)',
  'simulate.figure.idleMinutesPerWeek': 'Idle programmed time (min per week)',

  'cli.simulate.title': 'Simulation · campaign {id} — {name}',
  'cli.simulate.machines': 'Machines simulated together: {ids} · site {site} · {modality}',
  'cli.simulate.run':
    'Replications: {replications} · weeks measured: {weeks} · warm-up weeks: {warmup} · seed: {seed}',
  'cli.simulate.engine': 'Engine: {events} events in {seconds} s, {rate} per second',
  'cli.simulate.statusQuo': 'Status quo: the campaign replayed by the model',
  'cli.simulate.reproduces':
    'Reproduces the campaign: yes (occupancy and exams per week within 5 %, median delay within 20 % or 1 day)',
  'cli.simulate.fails': 'Reproduces the campaign: no — {figures}',
  'cli.simulate.failing':
    '{figure}: observed {observed}, simulated {simulated}, tolerance {tolerance}',
  'cli.simulate.col.figure': 'Figure',
  'cli.simulate.col.observed': 'Observed',
  'cli.simulate.col.simulated': 'Simulated',
  'cli.simulate.col.interval': '95 % CI',
  'cli.simulate.col.check': 'Check',
  'cli.simulate.col.statusQuo': 'Status quo',
  'cli.simulate.col.scenario': 'Scenario',
  'cli.simulate.col.delta': 'Difference',
  'cli.simulate.col.deltaInterval': '95 % CI of the difference',
  'cli.simulate.check.ok': 'ok',
  'cli.simulate.check.fails': 'out of tolerance',
  'cli.simulate.usage.costNeedsScenario':
    '--hourly-staff-cost prices the scenarios: give it with --scenario FILE.json',
  'cli.simulate.usage.hourlyStaffCost':
    '--hourly-staff-cost takes euros per staff hour, a number ≥ 0 (got {value})',
  'cli.simulate.cost.added':
    'Added cost ({provenance}): {added} a year = {staffHours} programmed machine-hours a week × {rate} € × 52{addedMachines}',
  'cli.simulate.cost.machines':
    ' + amortisation and maintenance of the machines added ({list}, from their costs.csv row)',
  'cli.simulate.cost.ratios':
    'Per exam gained ({provenance}): {perExam} ({examsGained} exams a year); per day of outpatient P50 delay saved: {perDay} ({daysSaved} days)',
  'cli.simulate.cost.unreliable': 'Indicative: the status quo does not reproduce the campaign.',
  'cli.simulate.cost.provenance.input': 'input',
  'cli.simulate.cost.provenance.illustrative': 'ILLUSTRATIVE costs',
  'cli.simulate.cost.reason.not-significant': 'not significant',
  'cli.simulate.cost.reason.no-gain': 'no gain',
  'cli.simulate.cost.reason.not-computable': 'not computable',
  'cli.simulate.cost.reason.missing-hourly-cost': 'no hourly staff cost',
  'cli.simulate.cost.reason.invalid-added-cost': 'invalid added cost',
  'cli.simulate.cost.reason.no-cost-row': 'no costs.csv row for the machine copied',
  'cli.simulate.scenario': 'Scenario: {name}',
  'cli.simulate.unreliable': 'Unreliable: the status quo does not reproduce the campaign.',
  'cli.simulate.noScenario': 'No scenario: describe some in a JSON file given with --scenario.',
  'cli.simulate.legend':
    '* significant difference: its 95 % confidence interval excludes 0 (every scenario replays the status quo’s draws).',
  'cli.simulate.durations':
    'Predicted durations ({method}): week held out from {from} to {to}, exams: {heldOutExams}; mean absolute error of the model {modelMae}, of the booked lengths {bookedMae} (exams with a booked length: {bookedExams}, model on those exams {modelOnBooked}); P80 coverage: {coverage}.',
  'cli.simulate.durations.model':
    'The model is closer to the real durations than the booked lengths.',
  'cli.simulate.durations.booked':
    'The booked lengths are closer to the real durations than the model.',
  'cli.simulate.durations.slots': 'Recommended slots per act family: {slots}',
  'cli.simulate.nextAvailable':
    'Third next available appointment, {machine}: median {median} (days computed: {computedDays}, slot looked for: {slot})',
  'cli.simulate.nextAvailable.none':
    'Third next available appointment, {machine}: not computed without slot data (slots.csv)',
  'cli.simulate.notes': 'Notes:',
  'cli.simulate.all.progress': 'simulating the status quo of every machine',
  'cli.simulate.all.summary':
    'Machines that reproduce their campaign: {reproduce} of {checked} ({share}) · replications: {replications} · seed: {seed}',
  'cli.simulate.all.failingTitle': 'Machines that do not:',
  'cli.simulate.all.failingMachine': '{machine} ({site}, {modality}): {figures}',
  'cli.simulate.all.stored':
    'Stored in {store}: the Quality page shows it until an import changes the campaign.',
  'cli.simulate.all.notStored':
    'Computed from the kit {place}: nothing is stored (import the kit to see it on the Quality page).',
  'cli.simulate.usage.target':
    'say what to simulate: --machine ID, --site FINESS --modality CT|MR, or --all',
  'cli.simulate.usage.oneTarget': 'choose one of --machine, --site and --all',
  'cli.simulate.usage.modality':
    '--modality goes with --site (the machines of one site and one modality, simulated together)',
  'cli.simulate.usage.allOnly':
    '--all replays the status quo of every machine alone: {option} does not apply to it',
  'cli.simulate.unknownMachine': 'no machine “{id}” in campaign {campaign}{near}',
  'cli.simulate.near': '; close matches: {ids}',
  'cli.simulate.noSiteMachines': 'no {modality} machine at site {finess} in campaign {campaign}',
  'cli.simulate.mixedMachines':
    'machines simulated together must be of one site and one modality: {ids}',
  'cli.simulate.tooMany': 'at most {max} machines simulated together (asked: {asked})',
  'cli.simulate.scenarioUnreadable': 'cannot read the scenario file {place}: {reason}',
  'cli.simulate.scenarioRefused':
    'scenario file {place} refused (errors: {errorCount}): nothing was simulated. The format is described in docs/scenarios.md',
  'cli.simulate.held':
    '{holder} holds the store: --all stores its checks there and cannot open it at the same time. Stop it ({stop}) and run plateau simulate --all again, or keep the data in a PostgreSQL server (--database-url); nothing was simulated',

  'simulate.quality.title': 'Simulation: status quo',
  'simulate.quality.lede':
    'Each machine is simulated on its own campaign; the model must find its occupancy and exams per week within 5 %, and its median appointment delay within 20 % or 1 day. The scenarios of a machine that does not reproduce its campaign are marked unreliable.',
  'simulate.quality.summary':
    'Machines that reproduce their campaign: {reproduce} of {checked} ({share}).',
  'simulate.quality.computed': 'Computed on {date} · replications: {replications} · seed: {seed}.',
  'simulate.quality.unchecked': 'Machines of the campaign without a check: {unchecked}.',
  'simulate.quality.allReproduce': 'Every machine checked reproduces its campaign.',
  'simulate.quality.failingTitle': 'Machines that do not reproduce their campaign',
  'simulate.quality.col.figure': 'Figure out of tolerance',
  'simulate.quality.col.observed': 'Observed',
  'simulate.quality.col.simulated': 'Simulated (mean)',
  'simulate.quality.col.tolerance': 'Tolerance',
  'simulate.quality.empty':
    'The status quo has not been simulated for this campaign yet. Compute it with the command below; the result shows here until an import changes the campaign.',
} satisfies Record<string, string>;
