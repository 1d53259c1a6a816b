/**
 * Issues of the finess reader, in English (the reference for finess-fr.ts): spread into
 * the catalog of en.ts, in their own file so that features add issues without touching one another's.
 */
export const finessIssuesEn = {
} as const satisfies Record<string, { message: string; hint: string | null }>;
