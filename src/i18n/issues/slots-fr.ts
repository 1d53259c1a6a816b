/**
 * Issues of the slots.csv reader and the slot sources, in French (French reference: fr.ts spreads it). Kept in its own file so
 * that the planning features add their words without touching one another's.
 */
export const slotsIssuesFr = {};
