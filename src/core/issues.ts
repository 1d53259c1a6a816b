/**
 * Problems in input are data: every reader and the indicator engine report them as `Issue`s,
 * located as precisely as the source allows (`exams.csv:812:room_out`), and keep going.
 */

/** The severities of an issue, gravest first. */
export const SEVERITIES = ['error', 'warning', 'info'] as const;
export type Severity = (typeof SEVERITIES)[number];

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
  /**
   * The message and hint as a key of the issue catalogs (src/i18n/issues) and its parameters,
   * so that they can be shown in the reader's language; `message` and `hint` are the English
   * text of the same key. Absent on issues written before the catalogs, or by a reader not yet
   * converted: those show `message` and `hint` as they are.
   */
  text?: IssueText;
}

/** An issue's words as a catalog key and the values of its `{parameters}`. */
export interface IssueText {
  key: string;
  params: Record<string, string | number>;
  /** The record the issue is about, said before the message (`exam E1 on EQ1: …`). */
  about?: IssueText;
}

/** The code of the closing issue that stands for the issues of one kind that were not listed. */
export const TOO_MANY_ISSUES = 'too-many-issues';

/**
 * How many issues a list stands for, by severity: each `too-many-issues` summary counts for the
 * issues it stands for (its `omitted` parameter) rather than for one, so that a kit with 4,312
 * errors of which 1,000 are listed says 4,312, not 1,001. `listed` counts the issues themselves,
 * summaries left out.
 *
 * @example
 * issueTotals(issues); // { error: 4312, warning: 3, info: 0, listed: 1003, omitted: 3312 }
 */
export function issueTotals(issues: readonly Issue[]): {
  error: number;
  warning: number;
  info: number;
  listed: number;
  omitted: number;
} {
  const totals = { error: 0, warning: 0, info: 0, listed: 0, omitted: 0 };
  for (const issue of issues) {
    const omitted = omittedBy(issue);
    if (omitted === null) {
      totals[issue.severity]++;
      totals.listed++;
    } else {
      totals[issue.severity] += omitted;
      totals.omitted += omitted;
    }
  }
  return totals;
}

/** The number of issues a `too-many-issues` summary stands for; null for any other issue. */
export function omittedBy(issue: Issue): number | null {
  if (issue.code !== TOO_MANY_ISSUES) return null;
  const omitted = issue.text?.params['omitted'];
  if (typeof omitted === 'number') return omitted;
  // Stored before the catalogs: "312 more issues of the kind …".
  const n = /^(\d+) more issues/.exec(issue.message)?.[1];
  return n === undefined ? 1 : Number(n);
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
