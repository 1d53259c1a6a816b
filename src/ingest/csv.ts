/**
 * A streaming CSV tokenizer for the data kit: chunks of text in, one callback per record out,
 * with the record's physical line. Lines without a double quote (nearly all of them) are split
 * with native `indexOf` into cell ranges of the text, without cutting a string per cell; only
 * lines holding a quote take the RFC-4180 state machine. Unquoted cells are trimmed of spaces
 * and tabs; quoted cells are kept exactly.
 */
import type { Issue } from '../core/issues.ts';
import type { IssueKey, IssueParams } from '../i18n/issues/index.ts';
import { makeIssue } from '../i18n/issues/index.ts';
import { describeText } from './kit/identifying.ts';

export type CsvSeparator = ',' | ';';

/** What a CsvTokenizer calls as it reads. */
export interface CsvHandlers {
  /**
   * The header (cells trimmed) and the separator detected from it. Return `false` to refuse
   * the file: nothing after the header is tokenized then.
   */
  header(columns: string[], separator: CsvSeparator, line: number): boolean | undefined;
  /**
   * One data record with exactly as many cells as the header. The record object is reused
   * between calls: read what you need before returning.
   */
  record(record: CsvRecord): void;
  /** A located problem in the CSV syntax (wrong cell count, unclosed quote, blank line…). */
  issue(issue: Issue): void;
}

const QUOTE = 34;
const CR = 13;
const LF = 10;
const SPACE = 32;
const TAB = 9;
/** Blank lines inside a file are reported one by one up to this many, then counted. */
const MAX_PENDING_BLANKS = 1000;

/**
 * One record as ranges of a source text: cell `i` is `source.slice(starts[i], ends[i])`. Reading
 * a cell in place (`source.charCodeAt`) avoids making a string of every cell of millions of rows.
 */
export class CsvRecord {
  /** The text the cells are ranges of (the file's text, or the unquoted cells of one record). */
  source = '';
  starts: Int32Array;
  ends: Int32Array;
  /** Physical line the record starts on (the header is line 1). */
  line = 0;

  constructor(width: number) {
    this.starts = new Int32Array(width);
    this.ends = new Int32Array(width);
  }

  /** Cell `i` as a string; `''` for a column that is absent (`i < 0`). */
  cell(i: number): string {
    return i < 0 ? '' : this.source.slice(this.starts[i], this.ends[i]);
  }

  /** True when cell `i` is empty or absent. */
  blank(i: number): boolean {
    return i < 0 || this.starts[i] === this.ends[i];
  }
}

/**
 * Tokenizes one CSV file pushed in chunks (a whole file is one chunk).
 *
 * @example
 * const t = new CsvTokenizer('exams.csv', {
 *   header: (cols, sep) => console.log(cols, sep),
 *   record: (r) => console.log(r.line, r.cell(0)),
 *   issue: (i) => console.log(i.message),
 * });
 * t.push('a;b\n1;"x;y"\n');
 * t.end();
 */
export class CsvTokenizer {
  readonly file: string;
  /** Data records seen (blank lines excluded, records with a wrong cell count included). */
  records = 0;
  /** Header columns once read, else null. */
  columns: string[] | null = null;
  separator: CsvSeparator = ',';
  /** True once the header handler refused the file. */
  stopped = false;

  readonly #handlers: CsvHandlers;
  #buf = '';
  #line = 1;
  #started = false;
  #skip = 0;
  #width = Number.MAX_SAFE_INTEGER;
  #sep = 44;
  #sepText = ',';
  /** Cells of the header or of a record read by the slow path. */
  readonly #values: string[] = [];
  #record = new CsvRecord(0);
  #pendingBlanks: number[] = [];
  #extraBlanks = 0;

  constructor(file: string, handlers: CsvHandlers) {
    this.file = file;
    this.#handlers = handlers;
  }

  /** Physical line number reached at the end of everything pushed so far. */
  get lineAtEnd(): number {
    let line = this.#line;
    for (let i = this.#buf.indexOf('\n'); i >= 0; i = this.#buf.indexOf('\n', i + 1)) line++;
    return line;
  }

  /**
   * True when a next line may be read by someone else (`takeLines`): the header is read, no
   * text is waiting (no record open across lines) and no blank line waits to be reported.
   */
  get idle(): boolean {
    return (
      this.columns !== null &&
      !this.stopped &&
      this.#buf.length === 0 &&
      this.#pendingBlanks.length === 0 &&
      this.#extraBlanks === 0
    );
  }

  /** The line number of the next line (the next record's when `idle`). */
  get nextLine(): number {
    return this.#line;
  }

  /**
   * Counts `n` non-blank record lines read by the caller instead of pushed (only when `idle`):
   * returns the first one's line number.
   */
  takeLines(n: number): number {
    this.records += n;
    const first = this.#line;
    this.#line = first + n;
    return first;
  }

  /** Feeds the next piece of text (any split, even inside a record). */
  push(chunk: string): void {
    if (this.stopped || chunk.length === 0) return;
    if (!this.#started) {
      this.#started = true;
      // Skipped by position: slicing would turn the whole chunk into a slower sliced string.
      if (chunk.charCodeAt(0) === 0xfeff) this.#skip = 1;
    }
    this.#buf = this.#buf.length === 0 ? chunk : this.#buf + chunk;
    this.#consume(false);
  }

  /** Flushes the last record; reports a file without a header. */
  end(): void {
    if (this.stopped) return;
    this.#consume(true);
    this.#buf = '';
    if (this.columns === null) {
      this.#issue('empty-file', 1, null, {});
    }
  }

  #issue(
    key: IssueKey,
    line: number | null,
    column: string | null,
    params: IssueParams,
    severity: Issue['severity'] = 'error',
  ): void {
    this.#handlers.issue(makeIssue(severity, key, this.file, line, column, params));
  }

  #consume(final: boolean): void {
    const buf = this.#buf;
    const len = buf.length;
    const none = len + 1;
    let pos = this.#skip;
    this.#skip = 0;
    let quote = buf.indexOf('"');
    if (quote < 0) quote = none;
    let sepAt = -1;
    while (pos < len && !this.stopped) {
      let nl = buf.indexOf('\n', pos);
      if (nl < 0) {
        if (!final) break;
        nl = len;
      }
      let end = nl;
      if (end > pos && buf.charCodeAt(end - 1) === CR) end--;
      if (this.columns === null && !this.#detectSeparator(buf, pos, end)) {
        this.#line++;
        pos = nl + 1;
        continue;
      }
      if (quote < end || this.columns === null) {
        const next = this.#slowRecord(buf, pos, final);
        if (next < 0) break;
        pos = next;
        quote = buf.indexOf('"', pos);
        if (quote < 0) quote = none;
        continue;
      }
      const sep = this.#sepText;
      const width = this.#width;
      const record = this.#record;
      const starts = record.starts;
      const ends = record.ends;
      let k = 0;
      let start = pos;
      for (;;) {
        if (sepAt < start) {
          sepAt = buf.indexOf(sep, start);
          if (sepAt < 0) sepAt = none;
        }
        const cellEnd = sepAt < end ? sepAt : end;
        if (k < width) {
          let s = start;
          let e = cellEnd;
          if (s < e) {
            let c = buf.charCodeAt(s);
            while (c === SPACE || c === TAB) c = ++s < e ? buf.charCodeAt(s) : 0;
            c = s < e ? buf.charCodeAt(e - 1) : 0;
            while (c === SPACE || c === TAB) c = --e > s ? buf.charCodeAt(e - 1) : 0;
          }
          starts[k] = s;
          ends[k] = e;
        }
        k++;
        if (cellEnd === end) break;
        start = cellEnd + 1;
      }
      const blank = starts[0] === ends[0] && isBlank(buf, pos, end, this.#sep);
      record.source = buf;
      this.#emit(k, this.#line, blank, false);
      this.#line++;
      pos = nl + 1;
    }
    this.#buf = pos >= len ? '' : buf.slice(pos);
  }

  /** Before the header: picks the separator from the first non-blank line. False when the line is blank. */
  #detectSeparator(buf: string, pos: number, end: number): boolean {
    let commas = 0;
    let semicolons = 0;
    let inQuotes = false;
    let blank = true;
    for (let i = pos; i < end; i++) {
      const c = buf.charCodeAt(i);
      if (c === QUOTE) inQuotes = !inQuotes;
      else if (!inQuotes && c === 44) commas++;
      else if (!inQuotes && c === 59) semicolons++;
      if (c !== SPACE && c !== TAB) blank = false;
    }
    if (blank) return false;
    this.separator = semicolons > commas ? ';' : ',';
    this.#sepText = this.separator;
    this.#sep = this.#sepText.charCodeAt(0);
    return true;
  }

  /**
   * One record that holds a double quote, from `pos`: RFC-4180 quoting, where quoted cells may
   * hold separators, `""` and line breaks. Returns the index after the record's line break, or
   * -1 when the record may continue past the end of the text pushed so far.
   */
  #slowRecord(buf: string, pos: number, final: boolean): number {
    const len = buf.length;
    const sep = this.#sep;
    const values = this.#values;
    const width = this.#width;
    const startLine = this.#line;
    let breaks = 0;
    let k = 0;
    let blank = true;
    let i = pos;
    for (;;) {
      let s = i;
      let c = buf.charCodeAt(s);
      while (s < len && (c === SPACE || c === TAB)) c = buf.charCodeAt(++s);
      let value: string;
      let stop: number; // index of the separator or line break ending the cell (len when none)
      if (c === QUOTE) {
        value = '';
        let seg = s + 1;
        let j = seg;
        for (;;) {
          const q = buf.indexOf('"', j);
          if (q < 0 || (q + 1 === len && !final)) {
            if (!final) return -1;
            this.#issue('unclosed-quote', startLine, this.columns?.[k] ?? null, {
              line: String(startLine),
            });
            this.#line = startLine + breaks + countBreaks(buf, s, len) + 1;
            return len;
          }
          if (buf.charCodeAt(q + 1) === QUOTE) {
            value += buf.slice(seg, q + 1);
            j = seg = q + 2;
            continue;
          }
          value += buf.slice(seg, q);
          j = q + 1;
          break;
        }
        breaks += countBreaks(buf, s, j);
        blank = false;
        stop = j;
        c = buf.charCodeAt(stop);
        while (stop < len && (c === SPACE || c === TAB)) c = buf.charCodeAt(++stop);
        const lineEnds =
          c === LF || (c === CR && (stop + 1 === len || buf.charCodeAt(stop + 1) === LF));
        if (stop < len && c !== sep && !lineEnds) {
          // Text after the closing quote: keep it (spreadsheets write `"a"b` for `a"b`), but say so.
          let e = stop;
          while (e < len && (c = buf.charCodeAt(e)) !== sep && c !== LF) e++;
          if (e === len && !final) return -1;
          const rest = buf.slice(stop, e).replace(/\r$/, '');
          this.#issue(
            'stray-quote',
            startLine + breaks,
            this.columns?.[k] ?? null,
            // Described, not quoted: a cell is free text (a name, an address).
            { rest: describeText(rest), value: describeText(value) },
            'warning',
          );
          value += rest;
          stop = e;
        }
      } else {
        let e = s;
        while (e < len && (c = buf.charCodeAt(e)) !== sep && c !== LF) e++;
        if (e === len && !final) return -1;
        stop = e;
        if (e > s && buf.charCodeAt(e - 1) === CR && (e === len || c === LF)) e--;
        c = buf.charCodeAt(e - 1);
        while (e > s && (c === SPACE || c === TAB)) c = buf.charCodeAt(--e - 1);
        value = buf.slice(s, e);
        if (e > s) blank = false;
      }
      if (k < width) values[k] = value;
      k++;
      if (stop < len && buf.charCodeAt(stop) === sep) {
        i = stop + 1;
        continue;
      }
      if (stop < len && buf.charCodeAt(stop) === CR) stop++;
      if (stop === len && !final) return -1;
      this.#emit(k, startLine, blank, true);
      this.#line = startLine + breaks + 1;
      return stop + 1;
    }
  }

  #emit(count: number, line: number, blank: boolean, fromValues: boolean): void {
    const values = this.#values;
    if (this.columns === null) {
      values.length = count;
      this.columns = values.slice();
      this.#width = count;
      this.#record = new CsvRecord(count);
      if (this.#handlers.header(this.columns, this.separator, line) === false) this.stopped = true;
      return;
    }
    if (blank) {
      if (this.#pendingBlanks.length < MAX_PENDING_BLANKS) this.#pendingBlanks.push(line);
      else this.#extraBlanks++;
      return;
    }
    if (this.#pendingBlanks.length > 0) this.#flushBlanks();
    this.records++;
    if (count !== this.#width) {
      this.#issue('cell-count', line, null, {
        count,
        width: this.#width,
        separator: this.#sepText,
      });
      return;
    }
    const record = this.#record;
    if (fromValues) {
      // Unquoted values laid end to end make the record's own source.
      let at = 0;
      for (let i = 0; i < count; i++) {
        record.starts[i] = at;
        at += (values[i] as string).length;
        record.ends[i] = at;
      }
      values.length = count;
      record.source = values.join('');
    }
    record.line = line;
    this.#handlers.record(record);
  }

  /** Blank lines are only worth a word when data follows them (trailing ones are ignored). */
  #flushBlanks(): void {
    for (const line of this.#pendingBlanks) {
      this.#issue('blank-line', line, null, {}, 'warning');
    }
    if (this.#extraBlanks > 0) {
      this.#issue('blank-line.more', null, null, { count: this.#extraBlanks }, 'warning');
    }
    this.#pendingBlanks = [];
    this.#extraBlanks = 0;
  }
}

/** True when a line holds nothing but separators, spaces and tabs. */
function isBlank(buf: string, from: number, to: number, sep: number): boolean {
  for (let i = from; i < to; i++) {
    const c = buf.charCodeAt(i);
    if (c !== sep && c !== SPACE && c !== TAB) return false;
  }
  return true;
}

function countBreaks(buf: string, from: number, to: number): number {
  let n = 0;
  for (let i = buf.indexOf('\n', from); i >= 0 && i < to; i = buf.indexOf('\n', i + 1)) n++;
  return n;
}

/** A whole CSV text as rows, for small files and tests. */
export interface CsvTable {
  columns: string[];
  separator: CsvSeparator;
  rows: string[][];
  /** Physical line of each row. */
  lines: number[];
  issues: Issue[];
}

/**
 * Tokenizes a whole CSV text at once.
 *
 * @example
 * parseCsv('a;b\n1;"2;3"\n', 'x.csv').rows; // [['1', '2;3']]
 */
export function parseCsv(text: string, file = 'input.csv'): CsvTable {
  const table: CsvTable = { columns: [], separator: ',', rows: [], lines: [], issues: [] };
  const tokenizer = new CsvTokenizer(file, {
    header: (columns, separator) => {
      table.columns = columns;
      table.separator = separator;
    },
    record: (record) => {
      table.rows.push(table.columns.map((_, i) => record.cell(i)));
      table.lines.push(record.line);
    },
    issue: (issue) => table.issues.push(issue),
  });
  tokenizer.push(text);
  tokenizer.end();
  return table;
}

/**
 * A value as a CSV cell: quoted when it holds the separator, a quote, a line break, or
 * leading/trailing spaces (which the reader would otherwise trim).
 *
 * @example
 * csvCell('a;b', ';'); // '"a;b"'
 */
export function csvCell(value: string, separator: CsvSeparator): string {
  const n = value.length;
  if (n === 0) return '';
  const sep = separator.charCodeAt(0);
  let c = value.charCodeAt(0);
  let quote = c === SPACE || c === TAB;
  if (!quote) {
    c = value.charCodeAt(n - 1);
    quote = c === SPACE || c === TAB;
  }
  for (let i = 0; !quote && i < n; i++) {
    c = value.charCodeAt(i);
    quote = c === sep || c === QUOTE || c === LF || c === CR;
  }
  return quote ? `"${value.replaceAll('"', '""')}"` : value;
}
