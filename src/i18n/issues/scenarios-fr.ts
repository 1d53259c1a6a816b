/**
 * Issues of the scenario file reader, in French (French reference: fr.ts spreads it). Kept in its own file so
 * that the planning features add their words without touching one another's.
 */
export const scenariosIssuesFr = {};
