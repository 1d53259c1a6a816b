/**
 * Issues of the references reader, in French (same keys and parameters as references-en.ts): spread into
 * the catalog of fr.ts, in their own file so that features add issues without touching one another's.
 */
export const referencesIssuesFr = {
} as const satisfies Record<string, { message: string; hint: string | null }>;
