/**
 * Messages of the capacity simulation (calibration notes, figures, CLI and web words), in English (same keys as simulation-fr.ts). Kept in its own file so
 * that the planning features add their words without touching one another's.
 */
export const simulationMessagesEn = {};
