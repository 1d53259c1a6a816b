/**
 * English words of the site fiche's "What would change" pages: every key of
 * `what-would-change-fr.ts`, with the same `{parameters}`.
 */
import type { whatWouldChangeFr } from './what-would-change-fr.ts';

export const whatWouldChangeEn: Readonly<Record<keyof typeof whatWouldChangeFr, string>> = {
  'site.whatIf.title': 'What would change',
  'site.whatIf.intro':
    'The top-ranked leads of {machine}, turned into scenarios and simulated on the machine’s own data (a simulation calibrated on its own campaign): mean of {replications} replications, 95 % confidence interval in brackets. A gap is called a difference only when its 95 % interval excludes 0. Demand stays the campaign’s: time freed shows in delays and overtime, not in passages, unless demand grows.',
  'site.whatIf.noDelay':
    'Appointment delays not given: the campaign’s exams carry no request date, so the simulation has no measured delay to reproduce.',
  'site.whatIf.noLead':
    'No measurable lead to simulate: no programmed session of the machine loses measurable time.',
  'site.whatIf.notComputed.noRecords': 'Not computed: the machine’s records are not in the store.',
  'site.whatIf.notComputed.tooLittleData':
    'Not computed: too little data to calibrate the simulation ({exams, plural, one {# scheduled exam} other {# scheduled exams}} and {sessions, plural, one {# programmed session} other {# programmed sessions}}; it needs at least {minExams} and {minSessions}).',
  'site.whatIf.notComputed.timeBudget':
    'Not computed: the time given to the fiche’s simulations ({seconds} s) had run out. The command plateau simulate --machine {id} computes it.',
  'site.whatIf.notComputed.failed': 'Not computed: the simulation failed ({message}).',
  'site.whatIf.sq.caption': 'Status quo of {machine}: the measured campaign and its simulation',
  'site.whatIf.col.figure': 'Figure',
  'site.whatIf.col.measured': 'Measured (campaign)',
  'site.whatIf.col.simulated': 'Simulated (status quo)',
  'site.whatIf.col.check': 'Check',
  'site.whatIf.col.statusQuo': 'Status quo',
  'site.whatIf.col.scenario': 'Scenario',
  'site.whatIf.col.difference': 'Difference',
  'site.whatIf.check.ok': 'reproduced',
  'site.whatIf.check.fails': 'outside tolerance (±\u00a0{tolerance})',
  'site.whatIf.check.none': 'not checked',
  'site.whatIf.sq.reproduces':
    'The status quo reproduces the campaign: occupancy and passages per week within 5 % of the measured values, median appointment delay within 20 % or one day. Each scenario is compared with this simulated status quo on the same random draws.',
  'site.whatIf.sq.unreliable':
    'Not reliable: {figures}. The simulation does not reproduce this machine’s campaign; no scenario figure is given.',
  'site.whatIf.sq.failing':
    '{figure} fails (simulated {simulated}, measured {observed}, tolerance ±\u00a0{tolerance})',
  'site.whatIf.lead': '{rank}. {lead} ({hours})',
  'site.whatIf.change.fixLateStart':
    'Change simulated: sessions start on time; the campaign’s late starts (median {median}) are removed.',
  'site.whatIf.change.predictedDurations':
    'Change simulated: each exam is booked at the length predicted for its act family from the machine’s own data, instead of today’s booked length.',
  'site.whatIf.change.demandGrowth':
    'Change simulated: demand + {percent}, the growth that would fill the {hours} left free by early ends ({percent} of the hours used today in programmed sessions). The simulation does not make sessions end later: it tells what these extra patients would do to passages, delays and overtime.',
  'site.whatIf.skip.turnover':
    'Not simulated: the simulation gives each exam its booked length, which already holds the time between two exams; that time cannot be taken out on its own. Shortening it means shortening the slots, which the “overrun of booked time” lead simulates with predicted durations; no honest scenario isolates cleaning or patient preparation.',
  'site.whatIf.skip.noPrediction':
    'Not simulated: the machine has no predicted length per act family (too few exams with known acts).',
  'site.whatIf.skip.noOccupancy':
    'Not simulated: the machine’s occupancy is unknown, so the demand growth that would fill these hours cannot be found.',
  'site.whatIf.scenario.caption': 'Status quo and scenario “{scenario}” of {machine}',
  'site.whatIf.name.fixLateStart': 'Start on time',
  'site.whatIf.name.predictedDurations': 'Predicted durations',
  'site.whatIf.name.demandGrowth': 'Demand + {percent}',
  'site.whatIf.statusQuo': 'Status quo',
  'site.whatIf.statusQuoShort': 'SQ',
  'site.whatIf.notSignificant': 'no significant difference',
  'site.whatIf.points': '{value} pt',
  'site.whatIf.interval': '{low} to {high}',
  'site.whatIf.chart.caption':
    'Status quo and scenarios of {machine}: mean and 95 % confidence interval over {replications} replications',
  'site.whatIf.chart.aria':
    'For each figure, the simulated value of the status quo and of each scenario, a dot on its 95 % confidence interval.',
  'site.whatIf.reading':
    'Discrete-event simulation of the machine, calibrated on its campaign: demand, durations, minimum lead times and late starts drawn from its own exams. {weeks, plural, one {# week measured} other {# weeks measured}} after {warmup, plural, one {# week} other {# weeks}} of warm-up, {replications} replications, seed {seed} (the fiche is reproducible). Difference = scenario − status quo, replication by replication.',
  'site.whatIf.short.passagesPerWeek': 'Passages/week',
  'site.whatIf.short.occupancy.programmed': 'Occupancy (programmed)',
  'site.whatIf.short.appointmentDelayDays.outpatient.p50': 'Outpatient delay (d)',
  'site.whatIf.short.overtimeMinutesPerWeek': 'Overtime (min/week)',
  'site.whatIf.figure.occupancy.programmed': 'Occupancy (programmed)',
  'site.whatIf.figure.passagesPerWeek': 'Passages per week',
  'site.whatIf.figure.icrPerHour': 'ICR per hour',
  'site.whatIf.figure.appointmentDelayDays.outpatient.p20': 'Outpatient appointment delay, P20',
  'site.whatIf.figure.appointmentDelayDays.outpatient.p50': 'Median outpatient appointment delay',
  'site.whatIf.figure.appointmentDelayDays.outpatient.p80': 'Outpatient appointment delay, P80',
  'site.whatIf.figure.appointmentDelayDays.inpatient.p20': 'Inpatient appointment delay, P20',
  'site.whatIf.figure.appointmentDelayDays.inpatient.p50': 'Median inpatient appointment delay',
  'site.whatIf.figure.appointmentDelayDays.inpatient.p80': 'Inpatient appointment delay, P80',
  'site.whatIf.figure.unscheduledWaitMinutes.p50': 'Wait of unscheduled patients, median',
  'site.whatIf.figure.unscheduledWaitMinutes.p90': 'Wait of unscheduled patients, P90',
  'site.whatIf.figure.overtimeMinutesPerWeek': 'Overtime per week',
  'site.whatIf.figure.idleMinutesPerWeek': 'Idle machine time per week',
};
