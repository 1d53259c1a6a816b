/**
 * Reading one cell of a kit row into a typed value, with the located issue when it cannot be.
 * Cells are read in place (ranges of the record's source, see CsvRecord): dates, numbers and
 * codes never become strings unless they are wrong and must be quoted in a message. Readers
 * return sentinels (`null` blank, `NaN` / `undefined` invalid) so a row is checked to its end.
 */
import type { CsvRecord } from '../csv.ts';
import type { DateTimeReader } from './date-time.ts';
import { formatOffset } from './date-time.ts';
import type { IssueSink } from './issue-sink.ts';

/** What a column holds, said in hints (`room_in: the date-time the patient entered the room`). */
const COLUMN_HELP: Record<string, string> = {
  finess: 'the 9-character FINESS géographique id',
  name: 'the establishment name',
  legal_status: 'the legal status code',
  region: 'the region code or name',
  equipment_id: 'the machine id',
  modality: 'CT or MR',
  start: 'the date-time the session starts',
  end: 'the date-time the session ends',
  type: 'the session type code',
  exam_id: 'the exam id, unique per machine',
  category: 'the patient category A, H, R or U',
  room_in: 'the date-time the patient entered the room',
  room_out: 'the date-time the patient left the room',
  code: 'the CCAM act code',
  icr: 'the ICR, a number',
  case: 'the clinical case code',
  patient: 'outpatient or inpatient',
  days: 'the number of days to the earliest appointment offered',
};

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

  error(
    code: string,
    line: number,
    column: string | null,
    message: string,
    hint: string | null,
  ): void {
    this.sink.report('error', code, this.file, line, column, message, hint);
  }

  warn(
    code: string,
    line: number,
    column: string | null,
    message: string,
    hint: string | null,
  ): void {
    this.sink.report('warning', code, this.file, line, column, message, hint);
  }

  info(
    code: string,
    line: number,
    column: string | null,
    message: string,
    hint: string | null,
  ): void {
    this.sink.report('info', code, this.file, line, column, message, hint);
  }

  /** Reports a blank required cell. */
  blankRequired(line: number, column: string): void {
    const help = COLUMN_HELP[column];
    this.error(
      'required',
      line,
      column,
      `${column} is blank`,
      `fill in ${column}${help ? ` (${help})` : ''}; it is required`,
    );
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
    this.error(
      'invalid-value',
      row.line,
      column,
      `${column} "${text}" is not one of ${values.join(', ')}`,
      near !== undefined
        ? `write it exactly "${near}" (codes are case-sensitive)`
        : `use one of ${values.join(', ')}`,
    );
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
      this.error(
        'dst-gap',
        line,
        column,
        `${column} "${text}" does not exist in ${zone}: the clocks jumped forward that night (${formatOffset(before)} to ${formatOffset(after)}), skipping this time`,
        `give the offset explicitly, e.g. "${text}${formatOffset(before)}" if the time was read on a clock still on ${formatOffset(before)}`,
      );
    } else if (dates.problem === 'ambiguous') {
      const [first, second] = dates.offsets;
      this.error(
        'dst-ambiguous',
        line,
        column,
        `${column} "${text}" happened twice in ${zone}: the clocks went back that night, so this hour was lived at ${formatOffset(first)} then at ${formatOffset(second)}`,
        `give the offset explicitly: "${text}${formatOffset(first)}" for the first time, "${text}${formatOffset(second)}" for the second`,
      );
    } else {
      let hint = `write it as YYYY-MM-DDTHH:MM[:SS] in the campaign's time zone, e.g. ${EXAMPLE_DATE_TIME}, optionally with an offset such as +01:00 or Z`;
      if (text.includes('/')) {
        hint +=
          '; a date like 01/03/2010 comes from a spreadsheet cell format: set the column to yyyy-mm-dd hh:mm';
      } else if (text.length === 10) hint += '; the time of day is missing';
      this.error('invalid-date-time', line, column, `${column} "${text}" is not a date-time`, hint);
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
    const value = parseDecimalAt(row.source, row.starts[i] as number, row.ends[i] as number);
    const comma = lastMarkWasComma;
    if (
      value === value &&
      (!comma || this.commaDecimals) &&
      (!integer || Number.isInteger(value))
    ) {
      if (value > min || (value === min && !strict)) return value;
    }
    const text = row.cell(i);
    const line = row.line;
    if (value !== value) {
      this.error(
        'invalid-number',
        line,
        column,
        `${column} "${text}" is not a number`,
        integer
          ? 'write a whole number, e.g. 12'
          : `write a number with a decimal point, e.g. 12.5${this.commaDecimals ? ' or 12,5' : ''}, without spaces or units`,
      );
    } else if (comma && !this.commaDecimals) {
      this.error(
        'decimal-comma',
        line,
        column,
        `${column} "${text}" has a decimal comma in a file separated by commas`,
        'write the decimal with a point (12.5), or separate the whole file with ";" to use decimal commas',
      );
    } else if (integer && !Number.isInteger(value)) {
      this.error(
        'invalid-number',
        line,
        column,
        `${column} "${text}" is not a whole number`,
        'write a whole number, e.g. 12',
      );
    } else {
      this.error(
        'out-of-range',
        line,
        column,
        `${column} ${text} is ${strict && value === min ? 'not above' : 'below'} ${min}`,
        `${column} must be ${strict ? 'greater than' : 'at least'} ${min}`,
      );
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

/** Whether the decimal mark of the last `parseDecimalAt` was a comma. */
let lastMarkWasComma = false;
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
  lastMarkWasComma = mark >= 0 && source.charCodeAt(mark) === 44;
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
  return Number(lastMarkWasComma ? text.replace(',', '.') : text) + 0; // + 0: no -0
}
