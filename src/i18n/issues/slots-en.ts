/**
 * Issues of the slots.csv reader and the slot sources, in English (same keys as slots-fr.ts). Kept in its own file so
 * that the planning features add their words without touching one another's.
 */
export const slotsIssuesEn = {};
