/**
 * Issues of the register reader, in English (the reference for register-fr.ts): spread into
 * the catalog of en.ts, in their own file so that features add issues without touching one another's.
 */
export const registerIssuesEn = {
} as const satisfies Record<string, { message: string; hint: string | null }>;
