/**
 * Messages of the capacity simulation (calibration notes, figures, CLI and web words), in English (same keys as simulation-fr.ts). Kept in its own file so
 * that the planning features add their words without touching one another's.
 */
export const simulationMessagesEn = {
  'simulation.note.lead-pooled':
    'No scheduled exam of category {category} carries its request time: its minimum lead is drawn from the leads of categories A, H and R together',
  'simulation.note.no-lead':
    'No scheduled exam carries its request time: requests are booked with no minimum lead',
  'simulation.note.slot-from-durations':
    'Booked length unknown for category {category}: {minutes}-minute slots (median duration rounded up to 5 minutes)',
  'simulation.note.request-from-exam-times':
    'Only {percent} % of scheduled exams carry their request time: requests are placed at the exam time less the median lead of its category',
  'simulation.note.no-late-start': 'No programmed session holds an exam: no late start is drawn',
  'simulation.note.partial-week':
    'The campaign lasts {days, plural, one {# day} other {# days}}: the grid repeats its first {gridWeeks} whole weeks',
  'simulation.note.no-scheduled': 'No scheduled exam: only the unscheduled demand is simulated',
  'simulation.note.no-show-default':
    'No-show rates unknown: 0 by default (enter them in a scenario)',
  'simulation.note.warmup-extended':
    'Warm-up lengthened to {weeks} weeks to cover the longest appointment leads',
  'simulation.note.inpatient-share':
    'Inpatients (H, R) take {percent} % of the booked minutes: that part of each session is held for them until 24 h before it starts',
  'simulation.note.delays-outside-sessions':
    '{n, plural, one {# outpatient or inpatient exam with a request time was done} other {# outpatient or inpatient exams with a request time were done}} outside programmed sessions (emergency, on-call, no session): the model does not book them, their delays are out of its scope',
  'simulation.note.few-outpatient-delays':
    'Outpatient appointment delay measured on only {n, plural, one {# exam} other {# exams}} (fewer than {min}): not checked for the status quo',
  'simulation.note.few-inpatient-delays':
    'Inpatient appointment delay measured on only {n, plural, one {# exam} other {# exams}} (fewer than {min}): not checked for the status quo',
} satisfies Record<string, string>;
