/**
 * Messages of the booking supply (slots.csv) and the next available appointment, in French (French reference: fr.ts spreads it). Kept in its own file so
 * that the planning features add their words without touching one another's.
 */
export const slotsMessagesFr = {
  'issue.slot-end-before-start': 'Créneau qui finit avant de commencer',
  'issue.slot-conflict': 'Créneau vu libre et occupé au même instant',
  'issue.fhir-slot-observed': 'Slot sans l’heure à laquelle son statut a été vu',
  'issue.hl7-slot-no-time': 'Rendez-vous sans l’heure à laquelle il a été vu',
  'issue.slot-unknown-equipment': 'Créneaux d’une machine hors de la campagne',
} satisfies Record<string, string>;
