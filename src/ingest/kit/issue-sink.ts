/**
 * Collects the issues of a kit read, keeping at most a fixed number per (file, code) so that a
 * broken 10 M-row file does not fill memory with ten million messages; what was left out is
 * summed up in one closing issue per (file, code).
 */
import type { Issue, Severity } from '../../core/issues.ts';

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

  /** Shorthand for `add`. */
  report(
    severity: Severity,
    code: string,
    file: string,
    line: number | null,
    column: string | null,
    message: string,
    hint: string | null,
  ): void {
    this.add({ severity, code, file, line, column, message, hint });
  }

  /** Adds the closing summaries of the issues that were only counted, and returns all. */
  finish(): Issue[] {
    for (const d of this.#dropped.values()) {
      this.issues.push({
        severity: d.severity,
        code: 'too-many-issues',
        file: d.file,
        line: null,
        column: null,
        message: `${d.count} more issues of the kind "${d.code}" in ${d.file} were not listed (the first ${this.#limit} are)`,
        hint: 'fix the listed ones (they usually share one cause, such as a column format) and read the kit again',
      });
    }
    this.#dropped.clear();
    return this.issues;
  }
}
