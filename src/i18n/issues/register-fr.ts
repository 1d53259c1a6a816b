/**
 * Issues of the register reader, in French (same keys and parameters as register-en.ts): spread into
 * the catalog of fr.ts, in their own file so that features add issues without touching one another's.
 */
export const registerIssuesFr = {
} as const satisfies Record<string, { message: string; hint: string | null }>;
