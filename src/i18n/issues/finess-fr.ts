/**
 * Issues of the finess reader, in French (same keys and parameters as finess-en.ts): spread into
 * the catalog of fr.ts, in their own file so that features add issues without touching one another's.
 */
export const finessIssuesFr = {
} as const satisfies Record<string, { message: string; hint: string | null }>;
