/**
 * Messages of the references feature (French reference: fr.ts spreads it). Kept in its own file so that
 * the planning features add their words without touching one another's.
 */
export const referencesMessagesFr = {
} satisfies Record<string, string>;
