/**
 * Issues of the scenario file reader, in English (same keys as scenarios-fr.ts). Kept in its own file so
 * that the planning features add their words without touching one another's.
 */
export const scenariosIssuesEn = {};
