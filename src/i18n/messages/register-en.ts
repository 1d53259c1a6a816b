/**
 * Messages of the register feature (English: en.ts spreads it). Kept in its own file so that
 * the planning features add their words without touching one another's.
 */
export const registerMessagesEn = {
} satisfies Record<string, string>;
