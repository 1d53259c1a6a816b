/**
 * Terminal output of the CLI: aligned tables, CSV, number formats and a progress line on
 * stderr (rewritten in place on a terminal, a line every few seconds otherwise), so stdout
 * stays clean for `--json` and `--csv`.
 */
import type { Issue } from '../core/issues.ts';
import { issueTotals, omittedBy } from '../core/issues.ts';
import { formatIssueIn } from '../i18n/issues/index.ts';
import type { Lang, MessageKey, MessageParams } from '../i18n/index.ts';
import { isLang, t } from '../i18n/index.ts';
import { csvText } from '../export/csv.ts';

let cliLang: Lang = 'en';

/** Sets the language of what the CLI prints (main.ts, from `--lang` or the locale). */
export function setCliLang(lang: Lang): void {
  cliLang = lang;
}

/** The language of what the CLI prints. */
export function getCliLang(): Lang {
  return cliLang;
}

/** A message of the dictionaries in the CLI's language. */
export function say(key: MessageKey, params?: MessageParams): string {
  return t(cliLang, key, params);
}

/**
 * The CLI's language from the environment, as POSIX programs choose their messages' language:
 * the first set of LC_ALL, LC_MESSAGES and LANG; French when it names French (`fr`, `fr_FR.UTF-8`),
 * English otherwise, including when none is set (`C`, `POSIX`, a server's default).
 *
 * @example
 * langFromLocale({ LANG: 'fr_FR.UTF-8' }); // 'fr'
 * langFromLocale({ LC_ALL: 'C', LANG: 'fr_FR.UTF-8' }); // 'en'
 */
export function langFromLocale(env: Readonly<Record<string, string | undefined>>): Lang {
  for (const name of ['LC_ALL', 'LC_MESSAGES', 'LANG']) {
    const value = env[name];
    if (value === undefined || value === '') continue;
    const lang = value.slice(0, 2).toLowerCase();
    return isLang(lang) ? lang : 'en';
  }
  return 'en';
}

/** A cell: text, a number (formatted with `digits`), or null (shown as `–`, empty in CSV). */
export type Cell = string | number | null;

export interface Column {
  header: string;
  /** Digits after the point for numbers. */
  digits?: number;
  align?: 'left' | 'right';
}

function formatCell(value: Cell, col: Column): string {
  if (value === null) return '–';
  if (typeof value === 'number')
    return Number.isFinite(value) ? value.toFixed(col.digits ?? 1) : '–';
  return value;
}

/** An aligned text table. */
export function table(columns: readonly Column[], rows: readonly (readonly Cell[])[]): string {
  const text = rows.map((r) => columns.map((c, i) => formatCell(r[i] ?? null, c)));
  const widths = columns.map((c, i) =>
    Math.max(c.header.length, ...text.map((r) => (r[i] ?? '').length)),
  );
  const line = (cells: readonly string[]): string =>
    cells
      .map((cell, i) => {
        const right =
          (columns[i]?.align ?? (typeof rows[0]?.[i] === 'number' ? 'right' : 'left')) === 'right';
        return right ? cell.padStart(widths[i] ?? 0) : cell.padEnd(widths[i] ?? 0);
      })
      .join('  ')
      .trimEnd();
  return [
    line(columns.map((c) => c.header)),
    line(widths.map((w) => '─'.repeat(w))),
    ...text.map(line),
  ].join('\n');
}

/**
 * CSV with a header line for stdout (`\n` line ends, no byte order mark), written by the one
 * CSV writer (export/csv.ts): text that would start a formula is defused, numbers stay numbers.
 */
export function csv(headers: readonly string[], rows: readonly (readonly Cell[])[]): string {
  return csvText(headers, rows, { bom: false, lineEnd: '\n' });
}

/**
 * Writes located issues to stderr in the CLI's language: notes (`info`) first, summed up per kind
 * with their first place (a large kit can hold thousands of harmless ones), then warnings, then
 * errors, each at most `limit`, so that the errors are the last lines before the command's verdict
 * and a hint that refers to "the warnings above" is true. The summaries of capped kinds
 * (`too-many-issues`) are always shown; when issues are left out, a last line gives the totals.
 */
export function printIssues(issues: readonly Issue[], limit = 50): void {
  const write = (line: string): void => void process.stderr.write(`${line}\n`);
  const notes = new Map<string, Issue[]>();
  for (const i of issues)
    if (i.severity === 'info') notes.set(i.code, [...(notes.get(i.code) ?? []), i]);
  for (const [code, list] of notes) {
    const first = list[0] as Issue;
    write(
      say('cli.issues.note', { count: list.length, code, first: formatIssueIn(first, cliLang) }),
    );
  }
  let shown = 0;
  for (const severity of ['warning', 'error'] as const) {
    const all = issues.filter((i) => i.severity === severity);
    const located = all.filter((i) => omittedBy(i) === null);
    for (const issue of located.slice(0, limit)) write(formatIssueIn(issue, cliLang));
    for (const summary of all.filter((i) => omittedBy(i) !== null))
      write(formatIssueIn(summary, cliLang));
    shown += Math.min(limit, located.length);
    if (located.length > limit)
      write(
        say(severity === 'error' ? 'cli.issues.moreErrors' : 'cli.issues.moreWarnings', {
          n: located.length - limit,
        }),
      );
  }
  const totals = issueTotals(issues);
  if (shown < totals.error + totals.warning)
    write(say('cli.issues.totals', { error: totals.error, warning: totals.warning, shown }));
}

/** The errors a list of issues stands for, the ones only counted by the reader's cap included. */
export function errorTotal(issues: readonly Issue[]): number {
  return issueTotals(issues).error;
}

/** A progress reporter on stderr; silent for tasks that finish within a second. */
export class Progress {
  readonly #started = Date.now();
  #lastPrint = 0;
  #printed = false;
  readonly #tty = Boolean(process.stderr.isTTY);
  constructor(readonly label: string) {}

  update(done: number, total: number | null, detail = ''): void {
    const now = Date.now();
    if (now - this.#started < 1000) return;
    if (now - this.#lastPrint < (this.#tty ? 100 : 3000)) return;
    this.#lastPrint = now;
    const pct = total ? ` ${Math.min(100, Math.floor((done / total) * 100))} %` : '';
    const text = `${this.label}${pct}${detail ? ` ${detail}` : ''}`;
    process.stderr.write(this.#tty ? `\r\x1b[K${text}` : `${text}\n`);
    this.#printed = true;
  }

  done(summary?: string): void {
    if (this.#tty && this.#printed) process.stderr.write('\r\x1b[K');
    const elapsed = ((Date.now() - this.#started) / 1000).toFixed(1);
    if (summary) process.stderr.write(`${summary} (${elapsed} s)\n`);
  }
}

/** Thrown for a command line that cannot be run as given: exit code 2. */
export class UsageError extends Error {}

/** Thrown for a failure the user can act on (bad kit, missing store): exit code 1, no stack. */
export class UserError extends Error {}
