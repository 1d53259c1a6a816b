/**
 * Messages of the booking supply (slots.csv) and the next available appointment, in English (same keys as slots-fr.ts). Kept in its own file so
 * that the planning features add their words without touching one another's.
 */
export const slotsMessagesEn = {
  'issue.slot-end-before-start': 'Slot that ends before it starts',
  'issue.slot-conflict': 'Slot seen free and busy at the same instant',
  'issue.fhir-slot-observed': 'Slot without the time its status was seen',
  'issue.hl7-slot-no-time': 'Booking without the time it was seen',
  'issue.slot-unknown-equipment': 'Slots of a machine outside the campaign',
} satisfies Record<string, string>;
