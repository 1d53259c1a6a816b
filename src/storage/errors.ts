/**
 * The storage layer's one error type. Its `code` lets the CLI and the HTTP layer map it to a
 * message or a status without parsing text; anything else thrown from here is a bug.
 */

export type StoreErrorCode =
  /** The store was written by a newer plateau (a migration this version does not know). */
  | 'newer-schema'
  /** The server or data folder could not be opened. */
  | 'open-failed'
  /** The kit breaks a rule of the schema (an unknown machine, a bad value): nothing was stored. */
  | 'invalid-kit'
  /** The campaign asked for is not in the store. */
  | 'unknown-campaign';

export class StoreError extends Error {
  readonly code: StoreErrorCode;

  constructor(code: StoreErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'StoreError';
    this.code = code;
  }
}
