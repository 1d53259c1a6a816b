/**
 * Messages of the territories feature (French reference: fr.ts spreads it). Kept in its own file so that
 * the planning features add their words without touching one another's.
 */
export const territoriesMessagesFr = {
} satisfies Record<string, string>;
