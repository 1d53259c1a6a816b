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
  | 'unknown-campaign'
  /** Another process holds the data folder (`holder` says which, when it could be told). */
  | 'locked'
  /** The data folder holds no store (missing, empty, or not plateau's), for a command that only reads. */
  | 'no-store';

/** Who holds a store (see store-lock.ts), as a `locked` error gives it. */
export interface StoreHolderInfo {
  pid: number;
  /** What the process runs, e.g. `plateau serve` (never its arguments). */
  command: string;
  /** When it took the store (ISO 8601, UTC). */
  since: string;
  hostname: string;
  /** The address a `plateau serve` holding the store answers on. */
  url?: string;
}

export class StoreError extends Error {
  readonly code: StoreErrorCode;
  /** With `locked`: the process holding the store, or null when it did not say. */
  readonly holder: StoreHolderInfo | null;

  constructor(
    code: StoreErrorCode,
    message: string,
    options?: { cause?: unknown; holder?: StoreHolderInfo | null },
  ) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'StoreError';
    this.code = code;
    this.holder = options?.holder ?? null;
  }
}
