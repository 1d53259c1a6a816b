/**
 * Problems in input are data: every reader and the indicator engine report them as `Issue`s,
 * located as precisely as the source allows (`exams.csv:812:room_out`), and keep going.
 */

export type Severity = 'error' | 'warning' | 'info';

/** One located problem found in the input. */
export interface Issue {
  severity: Severity;
  /** Stable machine-readable code, e.g. `dst-gap`, `unknown-act`, `identifying-column`. */
  code: string;
  /** The file (or message, e.g. `ORU^R01 #3`) the problem is in. */
  file: string;
  /** 1-based line in the file, when known (the header is line 1). */
  line: number | null;
  /** The column or field, e.g. `room_out` or `OBR.22`, when known. */
  column: string | null;
  /** What is wrong, in plain words. */
  message: string;
  /** What to do about it. */
  hint: string | null;
}

/** `exams.csv:812:room_out`: the place of an issue, as printed to users. */
export function issuePlace(issue: Pick<Issue, 'file' | 'line' | 'column'>): string {
  let place = issue.file;
  if (issue.line !== null) place += `:${issue.line}`;
  if (issue.column !== null) place += `:${issue.column}`;
  return place;
}

/** One line for a terminal or a log: `exams.csv:812:room_out error: … (hint: …)`. */
export function formatIssue(issue: Issue): string {
  const hint = issue.hint ? ` (hint: ${issue.hint})` : '';
  return `${issuePlace(issue)} ${issue.severity}: ${issue.message}${hint}`;
}

/** True when any issue is an error (the file or kit must not be stored). */
export function hasErrors(issues: readonly Issue[]): boolean {
  return issues.some((i) => i.severity === 'error');
}
