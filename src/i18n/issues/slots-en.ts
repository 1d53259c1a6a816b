/**
 * Issues of the slots.csv reader and the slot sources, in English (same keys as slots-fr.ts). Kept in its own file so
 * that the planning features add their words without touching one another's.
 * `slots.csv` also reports the kit's own keys (required, invalid-value, invalid-date-time,
 * dst-gap, dst-ambiguous, unknown-reference.equipment).
 */
export const slotsIssuesEn = {
  'slot-end-before-start': {
    message: 'end {end} is not after start {start}',
    hint: 'a slot ends after it starts: check both date-times',
  },
  'slot-conflict': {
    message:
      'this slot is seen {status} at {observed}, and {other} on line {first} at the same instant',
    hint: 'keep one row per slot and instant; plateau reads the slot busy at that instant',
  },
  'fhir-slot-observed': {
    message:
      '{n, plural, one {this Slot has} other {# Slots of this file, this one first, have}} no meta.lastUpdated and no Bundle timestamp: when {n, plural, one {its status was} other {their statuses were}} seen is unknown',
    hint: 'send Slots with meta.lastUpdated (or their Bundle with its timestamp); they still open sessions, but are not slots of the booking supply',
  },
  'hl7-slot-no-time': {
    message: 'the booking has no readable MSH-7: when it was seen is unknown',
    hint: 'send MSH-7 (date-time of the message); the booking is still read, but is not a busy slot of the booking supply',
  },
  'slot-unknown-equipment.sources': {
    message:
      '{n, plural, one {# slot} other {# slots}} of {ids} left out: the campaign has no session or exam on {machines, plural, one {this machine} other {these machines}}',
    hint: 'slots only describe the machines of the campaign; check the site mapping if a machine is missing',
  },
} as const satisfies Record<string, { message: string; hint: string | null }>;
