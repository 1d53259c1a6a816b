/**
 * The reports' one error type. Its `code` lets the CLI (exit 1 with the message) and the HTTP
 * layer (a status) map it without parsing text; anything else thrown from here is a bug.
 */

export type ReportErrorCode =
  /** No Chromium to print with, or it would not start. */
  | 'no-browser'
  /** The establishment, region or campaign asked for is not in the campaign. */
  | 'not-found';

export class ReportError extends Error {
  readonly code: ReportErrorCode;

  constructor(code: ReportErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'ReportError';
    this.code = code;
  }
}
