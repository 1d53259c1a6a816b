/**
 * Tables as an .xlsx workbook (Office Open XML SpreadsheetML), one sheet per table, written as
 * the few XML parts a spreadsheet needs and zipped with fflate: inline strings (no shared-string
 * table to build), numbers as values, a bold frozen header row and a 0.0% format for percent
 * columns. Pure: runs in the browser and in Node alike.
 */
import { strToU8, zipSync } from 'fflate';
import type { Zippable } from 'fflate';
import type { ExportColumnKind, ExportTable } from './table.ts';
import { checkRowWidths } from './table.ts';

export type { ExportColumn, ExportColumnKind, ExportTable } from './table.ts';

const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const NS_MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const NS_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const NS_PKG_REL = 'http://schemas.openxmlformats.org/package/2006/relationships';
const CT = 'application/vnd.openxmlformats-officedocument.spreadsheetml';

/** Excel's limits: sheet rows and columns, characters in a cell, in a sheet name. */
const MAX_ROWS = 1_048_576;
const MAX_COLUMNS = 16_384;
const MAX_CELL_CHARS = 32_767;
const MAX_SHEET_NAME = 31;

/** Cell style indexes into `cellXfs` of styles.xml. */
const STYLE = { plain: 0, header: 1, percent: 2 } as const;

/**
 * A fixed date for the zip entries: the same tables always give the same bytes. Zip stores local
 * (DOS) time and fflate reads the Date's local fields, so this is 1980-01-01 00:00 in the running
 * zone, made per call: a UTC instant gave other bytes outside UTC, and 1979 (refused) west of it.
 */
const zipMtime = (): Date => new Date(1980, 0, 1);

/**
 * Characters XML 1.0 cannot hold (control characters but tab, LF and CR; lone surrogates;
 * U+FFFE, U+FFFF): removed, since no escape can carry them.
 */
const INVALID_XML = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/** Text for XML content or a double-quoted attribute; CR kept as a reference (parsers drop it). */
export function xmlEscape(text: string): string {
  return text
    .replace(INVALID_XML, '')
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll('\r', '&#13;');
}

/** The first `max` UTF-16 units of `text`, never splitting a surrogate pair. */
function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  const code = text.charCodeAt(max - 1);
  return text.slice(0, code >= 0xd800 && code <= 0xdbff ? max - 1 : max);
}

/**
 * Valid, distinct sheet names for `names`, in order: the characters Excel refuses (`[]:*?/\` and
 * those XML cannot hold) become `_`, leading and trailing apostrophes and spaces go, an empty name
 * becomes `Sheet`, at most 31 characters, and a name equal (ignoring case) to an earlier one, or
 * to Excel's reserved `History`, gets a ` (2)`, ` (3)`… suffix.
 *
 * @example
 * sheetNames(['CT/MR', 'ct/mr', '']); // ['CT_MR', 'ct_mr (2)', 'Sheet']
 */
export function sheetNames(names: readonly string[]): string[] {
  const taken = new Set<string>(['history']);
  return names.map((raw) => {
    const cleaned = raw
      .replace(INVALID_XML, '')
      .replace(/[[\]:*?/\\\t\n\r]/g, '_')
      .replace(/^[' ]+|[' ]+$/g, '');
    const base = truncate(cleaned, MAX_SHEET_NAME).replace(/[' ]+$/, '') || 'Sheet';
    let name = base;
    for (let n = 2; taken.has(name.toLowerCase()); n++) {
      const suffix = ` (${n})`;
      name = truncate(base, MAX_SHEET_NAME - suffix.length) + suffix;
    }
    taken.add(name.toLowerCase());
    return name;
  });
}

/** The column letters of a 0-based index: 0 → A, 25 → Z, 26 → AA. */
export function columnName(index: number): string {
  let name = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) {
    name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  }
  return name;
}

/**
 * Cell text as Excel reads it back: a literal `_xHHHH_` would be taken for an escaped character
 * (ST_Xstring), so its underscore is itself escaped as `_x005F_`.
 */
function excelText(text: string): string {
  return text.replace(/_(x[0-9A-Fa-f]{4}_)/g, '_x005F_$1');
}

function inlineString(ref: string, text: string, style: number): string {
  const value = excelText(truncate(text, MAX_CELL_CHARS));
  const space = /^\s|\s$/.test(value) ? ' xml:space="preserve"' : '';
  const s = style === STYLE.plain ? '' : ` s="${style}"`;
  return `<c r="${ref}" t="inlineStr"${s}><is><t${space}>${xmlEscape(value)}</t></is></c>`;
}

/** One cell, or '' for a cell left empty (null, NaN, an infinity). */
function cellXml(ref: string, cell: string | number | null, kind: ExportColumnKind): string {
  if (cell === null) return '';
  if (typeof cell === 'string') return inlineString(ref, cell, STYLE.plain);
  if (!Number.isFinite(cell)) return '';
  const s = kind === 'percent' ? ` s="${STYLE.percent}"` : '';
  return `<c r="${ref}"${s}><v>${String(cell)}</v></c>`;
}

/** Column widths from the labels (about one unit per character), for a readable first view. */
function colsXml(table: ExportTable): string {
  if (table.columns.length === 0) return '';
  const cols = table.columns.map((c, i) => {
    const width = Math.min(60, Math.max(10, c.label.length + 2));
    return `<col min="${i + 1}" max="${i + 1}" width="${width}" customWidth="1"/>`;
  });
  return `<cols>${cols.join('')}</cols>`;
}

function sheetXml(table: ExportTable): string {
  const { columns, rows } = table;
  const refs = columns.map((_, i) => columnName(i));
  const last = columns.length === 0 ? 'A1' : `${refs[refs.length - 1] as string}${rows.length + 1}`;
  const parts: string[] = [];
  parts.push(
    `${XML_HEAD}<worksheet xmlns="${NS_MAIN}" xmlns:r="${NS_REL}">`,
    `<dimension ref="A1:${last}"/>`,
    '<sheetViews><sheetView workbookViewId="0">',
    '<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>',
    '<selection pane="bottomLeft" activeCell="A2" sqref="A2"/>',
    '</sheetView></sheetViews>',
    '<sheetFormatPr defaultRowHeight="15"/>',
    colsXml(table),
    '<sheetData>',
    `<row r="1">${columns.map((c, i) => inlineString(`${refs[i] as string}1`, c.label, STYLE.header)).join('')}</row>`,
  );
  rows.forEach((row, r) => {
    const n = r + 2;
    let cells = '';
    row.forEach((cell, i) => {
      cells += cellXml(
        `${refs[i] as string}${n}`,
        cell,
        (columns[i] as ExportTable['columns'][number]).kind,
      );
    });
    parts.push(`<row r="${n}">${cells}</row>`);
  });
  parts.push('</sheetData>', '</worksheet>');
  return parts.join('');
}

function contentTypesXml(sheets: number): string {
  const overrides = Array.from(
    { length: sheets },
    (_, i) =>
      `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="${CT}.worksheet+xml"/>`,
  );
  return (
    `${XML_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
    '<Default Extension="xml" ContentType="application/xml"/>' +
    `<Override PartName="/xl/workbook.xml" ContentType="${CT}.sheet.main+xml"/>` +
    `<Override PartName="/xl/styles.xml" ContentType="${CT}.styles+xml"/>` +
    `${overrides.join('')}</Types>`
  );
}

const ROOT_RELS =
  `${XML_HEAD}<Relationships xmlns="${NS_PKG_REL}">` +
  `<Relationship Id="rId1" Type="${NS_REL}/officeDocument" Target="xl/workbook.xml"/>` +
  '</Relationships>';

function workbookXml(names: readonly string[]): string {
  const sheets = names.map(
    (name, i) => `<sheet name="${xmlEscape(name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`,
  );
  return (
    `${XML_HEAD}<workbook xmlns="${NS_MAIN}" xmlns:r="${NS_REL}">` +
    '<bookViews><workbookView activeTab="0"/></bookViews>' +
    `<sheets>${sheets.join('')}</sheets></workbook>`
  );
}

function workbookRelsXml(sheets: number): string {
  const rels = Array.from(
    { length: sheets },
    (_, i) =>
      `<Relationship Id="rId${i + 1}" Type="${NS_REL}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`,
  );
  rels.push(`<Relationship Id="rId${sheets + 1}" Type="${NS_REL}/styles" Target="styles.xml"/>`);
  return `${XML_HEAD}<Relationships xmlns="${NS_PKG_REL}">${rels.join('')}</Relationships>`;
}

/** Styles: 0 plain, 1 bold (header), 2 percent with one decimal (custom format 164). */
const STYLES_XML =
  `${XML_HEAD}<styleSheet xmlns="${NS_MAIN}">` +
  '<numFmts count="1"><numFmt numFmtId="164" formatCode="0.0%"/></numFmts>' +
  '<fonts count="2"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font>' +
  '<font><b/><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>' +
  '<fills count="2"><fill><patternFill patternType="none"/></fill>' +
  '<fill><patternFill patternType="gray125"/></fill></fills>' +
  '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  '<cellXfs count="3">' +
  '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>' +
  '<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>' +
  '<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>' +
  '</cellXfs>' +
  '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
  '</styleSheet>';

/**
 * The tables as the bytes of an .xlsx workbook, one sheet per table in order, named after the
 * tables (made valid and distinct by `sheetNames`). Header row: the labels, bold, frozen. Cells:
 * strings inline, numbers as values (a `percent` column's numbers formatted `0.0%`), `null`, NaN
 * and infinities left empty; text longer than a cell holds (32,767 characters) is cut. Throws a
 * RangeError for no table, a table over Excel's size, or a row whose width differs from the
 * columns'.
 *
 * @example
 * const bytes = tablesToXlsx([{ name: 'CT', columns: [{ key: 'occ', label: 'Occupation',
 *   kind: 'percent' }], rows: [[0.61]] }]);
 * new Blob([bytes], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' });
 */
export function tablesToXlsx(tables: readonly ExportTable[]): Uint8Array {
  if (tables.length === 0) throw new RangeError('a workbook needs at least one table');
  for (const table of tables) {
    checkRowWidths(table);
    if (table.rows.length + 1 > MAX_ROWS || table.columns.length > MAX_COLUMNS) {
      throw new RangeError(
        `table ${JSON.stringify(table.name)} is larger than a sheet holds (${MAX_ROWS} rows, ${MAX_COLUMNS} columns)`,
      );
    }
  }
  const names = sheetNames(tables.map((t) => t.name));
  const files: Zippable = {
    '[Content_Types].xml': strToU8(contentTypesXml(tables.length)),
    '_rels/.rels': strToU8(ROOT_RELS),
    'xl/workbook.xml': strToU8(workbookXml(names)),
    'xl/_rels/workbook.xml.rels': strToU8(workbookRelsXml(tables.length)),
    'xl/styles.xml': strToU8(STYLES_XML),
  };
  tables.forEach((table, i) => {
    files[`xl/worksheets/sheet${i + 1}.xml`] = strToU8(sheetXml(table));
  });
  return zipSync(files, { level: 6, mtime: zipMtime() });
}
