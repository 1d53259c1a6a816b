/**
 * Collects the issues of a kit read, keeping at most a fixed number per (file, code) so that a
 * broken 10 M-row file does not fill memory with ten million messages; what was left out is
 * summed up in one closing issue per (file, code).
 */
import type { Issue, Severity } from '../../core/issues.ts';
import { TOO_MANY_ISSUES } from '../../core/issues.ts';
import type { IssueKey, IssueParams } from '../../i18n/issues/index.ts';
import { makeIssue } from '../../i18n/issues/index.ts';

/** Issues kept per file and code before the rest are only counted. */
export const MAX_ISSUES_PER_CODE = 1000;

export class IssueSink {
  readonly issues: Issue[] = [];
  readonly #kept = new Map<string, number>();
  readonly #dropped = new Map<
    string,
    { file: string; code: string; severity: Severity; count: number }
  >();
  readonly #limit: number;
  #errors = 0;

  constructor(limit = MAX_ISSUES_PER_CODE) {
    this.#limit = limit;
  }

  /** Errors seen so far, including the ones only counted. */
  get errorCount(): number {
    return this.#errors;
  }

  add(issue: Issue): void {
    if (issue.severity === 'error') this.#errors++;
    const key = `${issue.file}\u0000${issue.code}`;
    const kept = this.#kept.get(key) ?? 0;
    if (kept < this.#limit) {
      this.#kept.set(key, kept + 1);
      this.issues.push(issue);
      return;
    }
    const dropped = this.#dropped.get(key);
    if (dropped === undefined)
      this.#dropped.set(key, {
        file: issue.file,
        code: issue.code,
        severity: issue.severity,
        count: 1,
      });
    else {
      dropped.count++;
      if (issue.severity === 'error') dropped.severity = 'error';
    }
  }

  /** Adds the issue of a catalog key (its words in every language, see i18n/issues). */
  say(
    severity: Severity,
    key: IssueKey,
    file: string,
    line: number | null,
    column: string | null,
    params: IssueParams = {},
  ): void {
    this.add(makeIssue(severity, key, file, line, column, params));
  }

  /**
   * Adds the closing summaries of the issues that were only counted, and returns all. A summary
   * says how many there were in all and how many are listed; `issueTotals` (core/issues.ts)
   * counts it for the issues it stands for.
   */
  finish(): Issue[] {
    for (const d of this.#dropped.values()) {
      this.issues.push(
        makeIssue(d.severity, TOO_MANY_ISSUES, d.file, null, null, {
          code: d.code,
          file: d.file,
          shown: this.#limit,
          omitted: d.count,
          total: this.#limit + d.count,
        }),
      );
    }
    this.#dropped.clear();
    return this.issues;
  }
}
