/**
 * Issues of the references reader, in English (the reference for references-fr.ts): spread into
 * the catalog of en.ts, in their own file so that features add issues without touching one another's.
 */
export const referencesIssuesEn = {
} as const satisfies Record<string, { message: string; hint: string | null }>;
