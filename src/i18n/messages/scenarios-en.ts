/**
 * Messages of the scenario editor and the "what would change" page, in English (same keys as scenarios-fr.ts). Kept in its own file so
 * that the planning features add their words without touching one another's.
 */
export const scenariosMessagesEn = {};
