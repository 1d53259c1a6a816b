/**
 * A table as RFC 4180 CSV that spreadsheets open as intended: a UTF-8 byte order mark (Excel
 * otherwise reads accents as Latin-1), CRLF line ends, fields quoted only when they must be, and
 * text that a spreadsheet would run as a formula defused by a leading apostrophe.
 */
import type { ExportTable } from './table.ts';
import { checkRowWidths } from './table.ts';

export type { ExportColumn, ExportColumnKind, ExportTable } from './table.ts';

/** The separator and decimal mark: `;` with `,` is what French Excel expects. */
export interface CsvOptions {
  /** Field separator. Default `,`. */
  separator?: ',' | ';';
  /** Decimal mark of numbers. Default `.`; `,` only with the `;` separator. */
  decimal?: '.' | ',';
  /** Whether the text starts with a UTF-8 byte order mark. Default true (a file for a spreadsheet). */
  bom?: boolean;
  /** Line end. Default CRLF (RFC 4180); the command line writes `\n` to a terminal or a pipe. */
  lineEnd?: '\r\n' | '\n';
}

/** One cell: text (defused when it would start a formula), a number (never defused), or unknown. */
export type CsvCell = string | number | null;

const BOM = '\uFEFF';
const CRLF = '\r\n';

/** First characters that make a spreadsheet read a cell as a formula (OWASP's list). */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * Text with a leading apostrophe when it would otherwise start a formula (`=HYPERLINK(…)`,
 * `+1`, `-2`, `@SUM(…)`, or a tab or CR before one): the cell then shows as text.
 */
function defused(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** The field, quoted (inner quotes doubled) when it holds the separator, a quote, CR or LF. */
function quoted(field: string, separator: string): string {
  return field.includes(separator) || /["\r\n]/.test(field)
    ? `"${field.replaceAll('"', '""')}"`
    : field;
}

/**
 * A number as spreadsheets read it back: shortest round-trip digits, the chosen decimal mark;
 * NaN and infinities (no spreadsheet value) as an empty field.
 */
function numberText(value: number, decimal: '.' | ','): string {
  if (!Number.isFinite(value)) return '';
  const text = String(value);
  return decimal === ',' ? text.replace('.', ',') : text;
}

function fieldOf(cell: string | number | null, separator: string, decimal: '.' | ','): string {
  if (cell === null) return '';
  if (typeof cell === 'number') return numberText(cell, decimal);
  return quoted(defused(cell), separator);
}

/**
 * The table as CSV text: a BOM, a header row of the column labels, then one record per row, each
 * line ended by CRLF. `null` is an empty field; a `percent` cell is written as its fraction
 * (0.61), which a spreadsheet can format. Throws a RangeError for `decimal: ','` without
 * `separator: ';'` (the comma would split numbers), and for a row whose width differs from the
 * columns'.
 *
 * @example
 * const text = tableToCsv(
 *   { name: 'machines', columns: [{ key: 'id', label: 'Équipement', kind: 'text' },
 *     { key: 'occ', label: 'Occupation', kind: 'percent' }], rows: [['CT1', 0.61]] },
 *   { separator: ';', decimal: ',' },
 * );
 * // '\uFEFFÉquipement;Occupation\r\nCT1;0,61\r\n'
 */
export function tableToCsv(table: ExportTable, options: CsvOptions = {}): string {
  checkRowWidths(table);
  return csvText(
    table.columns.map((c) => c.label),
    table.rows,
    options,
  );
}

/**
 * The one CSV writer of plateau (web exports, command line, reports): a header row then one
 * record per row, text cells quoted when they must be and defused when a spreadsheet would run
 * them as a formula (`=`, `+`, `-`, `@`, tab, CR first), numbers written as numbers (`-3.5` stays
 * `-3.5`), `null` as an empty field. Same options and errors as `tableToCsv`, which it serves.
 *
 * @example
 * csvText(['machine', 'occupancy'], [['=HYPERLINK("x")', -0.5]], { bom: false, lineEnd: '\n' });
 * // 'machine,occupancy\n"\'=HYPERLINK(""x"")",-0.5\n'
 */
export function csvText(
  header: readonly string[],
  rows: readonly (readonly CsvCell[])[],
  options: CsvOptions = {},
): string {
  const separator = options.separator ?? ',';
  const decimal = options.decimal ?? '.';
  const lineEnd = options.lineEnd ?? CRLF;
  if (decimal === ',' && separator !== ';') {
    throw new RangeError(
      "the decimal comma needs the ';' separator: with ',' every number would be split in two",
    );
  }
  const lines = [header.map((label) => quoted(defused(label), separator)).join(separator)];
  for (const row of rows) {
    lines.push(row.map((cell) => fieldOf(cell, separator, decimal)).join(separator));
  }
  return (options.bom === false ? '' : BOM) + lines.map((line) => line + lineEnd).join('');
}
