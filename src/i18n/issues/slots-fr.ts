/**
 * Issues of the slots.csv reader and the slot sources, in French (French reference: fr.ts spreads it). Kept in its own file so
 * that the planning features add their words without touching one another's.
 * `slots.csv` also reports the kit's own keys (required, invalid-value, invalid-date-time,
 * dst-gap, dst-ambiguous, unknown-reference.equipment).
 */
export const slotsIssuesFr = {
  'slot-end-before-start': {
    message: 'la fin {end} n’est pas après le début {start}',
    hint: 'un créneau finit après avoir commencé : vérifier les deux dates-heures',
  },
  'slot-conflict': {
    message: 'ce créneau est vu {status} à {observed}, et {other} ligne {first} au même instant',
    hint: 'garder une ligne par créneau et par instant ; plateau lit le créneau occupé (busy) à cet instant',
  },
} as const satisfies Record<string, { message: string; hint: string | null }>;
