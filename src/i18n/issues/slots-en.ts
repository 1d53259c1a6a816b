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
    message: 'this slot is seen {status} at {observed}, and {other} on line {first} at the same instant',
    hint: 'keep one row per slot and instant; plateau reads the slot busy at that instant',
  },
} as const satisfies Record<string, { message: string; hint: string | null }>;
