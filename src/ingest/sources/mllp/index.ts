/**
 * The MLLP listener's public API: the server (`startMllpListener`), the journal it writes
 * (`openJournal`, and `readJournal` for the import side) and the framing, for senders and tests.
 */
export { encodeMllp, MllpDecoder } from './framing.ts';
export type { MllpEvent } from './framing.ts';
export {
  JournalCorruptError,
  JournalLockedError,
  JournalPermissionError,
  messageKey,
  openJournal,
  readJournal,
} from './journal.ts';
export type {
  AppendResult,
  Journal,
  JournalEntry,
  JournalMeta,
  JournalRecovery,
} from './journal.ts';
export { startMllpListener } from './listener.ts';
export type {
  MllpConnectionEvent,
  MllpListener,
  MllpListenerOptions,
  MllpOutcome,
} from './listener.ts';
