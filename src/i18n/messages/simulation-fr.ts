/**
 * Messages of the capacity simulation (calibration notes, figures, CLI and web words), in French (French reference: fr.ts spreads it). Kept in its own file so
 * that the planning features add their words without touching one another's.
 */
export const simulationMessagesFr = {};
