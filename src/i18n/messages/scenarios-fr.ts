/**
 * Messages of the scenario editor and the "what would change" page, in French (French reference: fr.ts spreads it). Kept in its own file so
 * that the planning features add their words without touching one another's.
 */
export const scenariosMessagesFr = {};
