/**
 * Terminal output of the CLI: aligned tables, CSV, number formats and a progress line on
 * stderr (rewritten in place on a terminal, a line every few seconds otherwise), so stdout
 * stays clean for `--json` and `--csv`.
 */
import type { Issue } from '../core/issues.ts';
import { formatIssue } from '../core/issues.ts';

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
  if (typeof value === 'number') return Number.isFinite(value) ? value.toFixed(col.digits ?? 1) : '–';
  return value;
}

/** An aligned text table. */
export function table(columns: readonly Column[], rows: readonly (readonly Cell[])[]): string {
  const text = rows.map((r) => columns.map((c, i) => formatCell(r[i] ?? null, c)));
  const widths = columns.map((c, i) => Math.max(c.header.length, ...text.map((r) => (r[i] ?? '').length)));
  const line = (cells: readonly string[]): string =>
    cells
      .map((cell, i) => {
        const right = (columns[i]?.align ?? (typeof rows[0]?.[i] === 'number' ? 'right' : 'left')) === 'right';
        return right ? cell.padStart(widths[i] ?? 0) : cell.padEnd(widths[i] ?? 0);
      })
      .join('  ')
      .trimEnd();
  return [line(columns.map((c) => c.header)), line(widths.map((w) => '─'.repeat(w))), ...text.map(line)].join('\n');
}

function csvCell(value: Cell): string {
  if (value === null) return '';
  const s = typeof value === 'number' ? String(value) : value;
  return /[",\n\r]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

/** RFC 4180 CSV with a header line. */
export function csv(headers: readonly string[], rows: readonly (readonly Cell[])[]): string {
  return [headers.map(csvCell).join(','), ...rows.map((r) => r.map(csvCell).join(','))].join('\n') + '\n';
}

/**
 * Writes located issues to stderr: errors then warnings, at most `limit` of them (then a
 * count); notes (`info`) are summed up per kind with their first place, since a large kit can
 * hold thousands of harmless ones.
 */
export function printIssues(issues: readonly Issue[], limit = 50): void {
  const ordered = issues.filter((i) => i.severity !== 'info').sort((a, b) => rank(a) - rank(b));
  for (const issue of ordered.slice(0, limit)) process.stderr.write(`${formatIssue(issue)}\n`);
  if (ordered.length > limit) process.stderr.write(`… and ${ordered.length - limit} more issues\n`);
  const notes = new Map<string, Issue[]>();
  for (const i of issues) if (i.severity === 'info') notes.set(i.code, [...(notes.get(i.code) ?? []), i]);
  for (const [code, list] of notes) {
    const first = list[0] as Issue;
    process.stderr.write(`note: ${list.length} × ${code}, first at ${formatIssue(first)}\n`);
  }
}
const rank = (i: Issue): number => (i.severity === 'error' ? 0 : i.severity === 'warning' ? 1 : 2);

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
