/**
 * Reading one cell of a kit row into a typed value, with the located issue when it cannot be.
 * Cells are read in place (ranges of the record's source, see CsvRecord): dates, numbers and
 * codes never become strings unless they are wrong and must be quoted in a message. Readers
 * return sentinels (`null` blank, `NaN` / `undefined` invalid) so a row is checked to its end.
 */
import type { CsvRecord } from '../csv.ts';
import type { DateTimeReader } from './date-time.ts';
import { formatOffset } from './date-time.ts';
import type { Severity } from '../../core/issues.ts';
import { enColumnHelp } from '../../i18n/issues/en.ts';
import type { IssueKey, IssueParams } from '../../i18n/issues/index.ts';
import type { IssueSink } from './issue-sink.ts';

const EXAMPLE_DATE_TIME = '2010-03-01T08:30';

/** Copies a long slice so it stops pinning the whole chunk it was cut from (V8 sliced strings). */
export function detach(text: string): string {
  return text.length < 13 ? text : (' ' + text).slice(1);
}

/** Cell readers bound to one file; they report to the sink and never throw. */
export class CellReader {
  readonly file: string;
  readonly sink: IssueSink;
  readonly dates: DateTimeReader;
  /** Decimal commas are only unambiguous when cells are separated by `;`. */
  readonly commaDecimals: boolean;

  constructor(file: string, sink: IssueSink, dates: DateTimeReader, commaDecimals: boolean) {
    this.file = file;
    this.sink = sink;
    this.dates = dates;
    this.commaDecimals = commaDecimals;
  }

  /** Reports the issue of a catalog key at `line` and `column` of this file. */
  say(
    severity: Severity,
    key: IssueKey,
    line: number,
    column: string | null,
    params: IssueParams,
  ): void {
    this.sink.say(severity, key, this.file, line, column, params);
  }

  /** Reports a blank required cell. */
  blankRequired(line: number, column: string): void {
    this.say('error', enColumnHelp[column] ? 'required.help' : 'required', line, column, {
      column,
    });
  }

  /** The cell as text, or `null` (and an error) when it is blank. */
  required(row: CsvRecord, i: number, column: string): string | null {
    if (!row.blank(i)) return row.cell(i);
    this.blankRequired(row.line, column);
    return null;
  }

  /**
   * A code from a fixed list. Blank gives `null` when `optional`, else an error; a code not in
   * the list gives `undefined` and an error.
   */
  choice<T extends string>(
    values: readonly T[],
    row: CsvRecord,
    i: number,
    column: string,
    optional = false,
  ): T | null | undefined {
    if (row.blank(i)) {
      if (optional) return null;
      this.blankRequired(row.line, column);
      return undefined;
    }
    const source = row.source;
    const from = row.starts[i] as number;
    const length = (row.ends[i] as number) - from;
    for (const value of values)
      if (value.length === length && source.startsWith(value, from)) return value;
    const text = row.cell(i);
    const near = values.find((v) => v.toLowerCase() === text.toLowerCase());
    const params = { column, text, values: values.join(', ') };
    if (near === undefined) this.say('error', 'invalid-value', row.line, column, params);
    else this.say('error', 'invalid-value.case', row.line, column, { ...params, near });
    return undefined;
  }

  /** An instant; NaN (and an error) when blank or unreadable. */
  dateTime(row: CsvRecord, i: number, column: string): number {
    if (row.blank(i)) {
      this.blankRequired(row.line, column);
      return NaN;
    }
    const instant = this.dates.readAt(row.source, row.starts[i] as number, row.ends[i] as number);
    if (instant === instant) return instant;
    this.#dateTimeError(row.cell(i), row.line, column);
    return NaN;
  }

  /** An optional instant: `null` when blank, NaN (and an error) when unreadable. */
  optionalDateTime(row: CsvRecord, i: number, column: string): number | null {
    if (row.blank(i)) return null;
    const instant = this.dates.readAt(row.source, row.starts[i] as number, row.ends[i] as number);
    if (instant === instant) return instant;
    this.#dateTimeError(row.cell(i), row.line, column);
    return NaN;
  }

  #dateTimeError(text: string, line: number, column: string): void {
    const dates = this.dates;
    const zone = dates.clock.timeZone;
    if (dates.problem === 'gap') {
      const [before, after] = dates.offsets;
      this.say('error', 'dst-gap', line, column, {
        column,
        text,
        zone,
        before: formatOffset(before),
        after: formatOffset(after),
      });
    } else if (dates.problem === 'ambiguous') {
      const [first, second] = dates.offsets;
      this.say('error', 'dst-ambiguous', line, column, {
        column,
        text,
        zone,
        first: formatOffset(first),
        second: formatOffset(second),
      });
    } else {
      const key = text.includes('/')
        ? 'invalid-date-time.slash'
        : text.length === 10
          ? 'invalid-date-time.date-only'
          : 'invalid-date-time';
      this.say('error', key, line, column, { column, text, example: EXAMPLE_DATE_TIME });
    }
  }

  /**
   * An optional number: `null` when blank, NaN (and an error) when unreadable, not whole when
   * `integer`, or below `min` (`strict`: not above it).
   */
  number(
    row: CsvRecord,
    i: number,
    column: string,
    min: number,
    strict = false,
    integer = false,
  ): number | null {
    if (row.blank(i)) return null;
    const from = row.starts[i] as number;
    const to = row.ends[i] as number;
    const value = parseDecimalAt(row.source, from, to);
    // A number read has at most one mark: it was a comma when the cell holds one.
    const comma = value === value && hasComma(row.source, from, to);
    if (
      value === value &&
      (!comma || this.commaDecimals) &&
      (!integer || Number.isInteger(value))
    ) {
      if (value > min || (value === min && !strict)) return value;
    }
    const text = row.cell(i);
    const line = row.line;
    const params = { column, text };
    if (value !== value) {
      const key = integer
        ? 'invalid-number.integer'
        : this.commaDecimals
          ? 'invalid-number.decimal-comma'
          : 'invalid-number.decimal';
      this.say('error', key, line, column, params);
    } else if (comma && !this.commaDecimals) {
      this.say('error', 'decimal-comma', line, column, params);
    } else if (integer && !Number.isInteger(value)) {
      this.say('error', 'invalid-number.not-whole', line, column, params);
    } else {
      const key = !strict
        ? 'out-of-range.at-least'
        : value === min
          ? 'out-of-range.not-above'
          : 'out-of-range.above';
      this.say('error', key, line, column, { ...params, min: String(min) });
    }
    return NaN;
  }

  /** A required number (see `number`); NaN when blank or unreadable. */
  requiredNumber(
    row: CsvRecord,
    i: number,
    column: string,
    min: number,
    strict = false,
    integer = false,
  ): number {
    if (row.blank(i)) {
      this.blankRequired(row.line, column);
      return NaN;
    }
    return this.number(row, i, column, min, strict, integer) ?? NaN;
  }
}

/** Whether `source[from, to)` holds a comma. */
function hasComma(source: string, from: number, to: number): boolean {
  const at = source.indexOf(',', from);
  return at >= 0 && at < to;
}

const POWERS_OF_TEN = Array.from({ length: 23 }, (_, i) => 10 ** i);

/**
 * A decimal number with `.` or `,` as decimal mark and an optional exponent; NaN otherwise.
 * Stricter than `Number()`, which takes `0x1F`, `Infinity` and `" "`.
 */
export function parseDecimal(text: string): number {
  return parseDecimalAt(text, 0, text.length);
}

/** `parseDecimal` of `source` from `from` to `to`, read in place. */
export function parseDecimalAt(source: string, from: number, to: number): number {
  let i = from;
  let c = i < to ? source.charCodeAt(i) : 0;
  const negative = c === 45;
  if (c === 43 || c === 45) i++;
  let digits = 0;
  let mark = -1;
  let mantissa = 0;
  for (; i < to; i++) {
    c = source.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      digits++;
      mantissa = mantissa * 10 + (c - 48);
    } else if ((c === 46 || c === 44) && mark < 0) mark = i;
    else break;
  }
  const comma = mark >= 0 && source.charCodeAt(mark) === 44;
  if (digits === 0) return NaN;
  if (i === to) {
    const decimals = mark < 0 ? 0 : to - mark - 1;
    // Both exact (< 2^53 and 10^22), so the quotient is correctly rounded, as Number() would be.
    if (digits <= 15 && decimals <= 22) {
      const value = mantissa / (POWERS_OF_TEN[decimals] as number);
      return negative && value !== 0 ? -value : value;
    }
  } else {
    if (c !== 101 && c !== 69) return NaN;
    i++;
    c = source.charCodeAt(i);
    if (i < to && (c === 43 || c === 45)) i++;
    const first = i;
    for (; i < to; i++) {
      c = source.charCodeAt(i);
      if (c < 48 || c > 57) return NaN;
    }
    if (i === first) return NaN;
  }
  const text = source.slice(from, to);
  return Number(comma ? text.replace(',', '.') : text) + 0; // + 0: no -0
}
