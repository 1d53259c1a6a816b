/**
 * The MLLP listener's public API: the server (`startMllpListener`), the journal it writes
 * (`openJournal`, and `readJournal` for the import side) and the framing, for senders and tests.
 */
export { encodeMllp, MllpDecoder } from './framing.ts';
export type { MllpEvent } from './framing.ts';
export { JournalCorruptError, JournalLockedError, messageKey, openJournal, readJournal } from './journal.ts';
export type { Journal, JournalEntry, JournalMeta, JournalRecovery } from './journal.ts';
export { startMllpListener } from './listener.ts';
export type { MllpListener, MllpListenerOptions, MllpOutcome } from './listener.ts';
