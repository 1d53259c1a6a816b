/**
 * The SpreadsheetML parts of a workbook read into plain sheets of text cells: workbook.xml
 * (sheet names, the 1904 date system), its relationships, the shared strings, the styles (which
 * numeric cells are dates) and each worksheet (inline and shared strings, numbers, booleans,
 * errors, formulas' cached values, `r="C5"` addresses with gaps). Numbers formatted as dates
 * become the kit's local date-time text. Problems in cells are reported with their address.
 */
import type { IssueText } from '../../../core/issues.ts';
import type { IssueKey, IssueParams } from '../../../i18n/issues/index.ts';
import { makeIssue } from '../../../i18n/issues/index.ts';
import { describeText, quoteCode } from '../../kit/identifying.ts';
import { columnName } from '../../../export/xlsx.ts';
import { formatShowsTime, isDateFormat, serialToLocal } from './serial-date.ts';
import { scanXml, XmlError } from './xml.ts';

/** One row of a sheet: its 1-based number and its cells by 0-based column (holes are empty). */
export interface SheetRow {
  row: number;
  cells: (string | undefined)[];
}

/** A worksheet as text cells. */
export interface Sheet {
  name: string;
  rows: SheetRow[];
}

/** A problem in a cell or part, before it is given a file name. */
export interface CellProblem {
  severity: 'error' | 'warning';
  code: string;
  sheet: string | null;
  row: number | null;
  /** 0-based column, when known. */
  column: number | null;
  message: string;
  hint: string | null;
  /** The words as a catalog key and parameters (see i18n/issues), when the reader gives them. */
  text?: IssueText;
}

/** A problem of a catalog key (its words in every language) in `sheet` at `row`, `column`. */
export function cellProblem(
  severity: CellProblem['severity'],
  key: IssueKey,
  sheet: string | null,
  row: number | null,
  column: number | null,
  params: IssueParams,
): CellProblem {
  const { code, message, hint, text } = makeIssue(severity, key, '', row, null, params);
  return { severity, code, sheet, row, column, message, hint, ...(text ? { text } : {}) };
}

/** A workbook whose structure cannot be read (a missing or malformed part). */
export class WorkbookError extends Error {
  override name = 'WorkbookError';
  constructor(
    message: string,
    readonly sheet: string | null = null,
  ) {
    super(message);
  }
}

const MAX_ROW = 1_048_576;
const MAX_COLUMN = 16_384;

/** `_xHHHH_` escapes of SpreadsheetML strings (ST_Xstring) back to their characters. */
function unescapeXstring(text: string): string {
  if (!text.includes('_x')) return text;
  return text.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) =>
    String.fromCharCode(parseInt(hex, 16)),
  );
}

function parsePart(
  parts: ReadonlyMap<string, string>,
  path: string,
  sheet: string | null,
  handlers: Parameters<typeof scanXml>[1],
): void {
  const xml = parts.get(path);
  if (xml === undefined) throw new WorkbookError(`the part ${path} is missing`, sheet);
  try {
    scanXml(xml, handlers);
  } catch (error) {
    if (error instanceof XmlError)
      throw new WorkbookError(`${path} is not well-formed XML: ${error.message}`, sheet);
    throw error;
  }
}

/** `xl/_rels/workbook.xml.rels` → id → part path (targets resolved against `xl/`). */
function readRels(
  parts: ReadonlyMap<string, string>,
  path: string,
  base: string,
): Map<string, { path: string; type: string }> {
  const rels = new Map<string, { path: string; type: string }>();
  parsePart(parts, path, null, {
    open(name, attrs) {
      if (name !== 'Relationship') return;
      const id = attrs['Id'];
      const target = attrs['Target'];
      if (id === undefined || target === undefined || attrs['TargetMode'] === 'External') return;
      rels.set(id, { path: resolvePath(base, target), type: attrs['Type'] ?? '' });
    },
  });
  return rels;
}

function resolvePath(base: string, target: string): string {
  const segments = target.startsWith('/') ? [] : base.split('/').filter(Boolean);
  for (const s of target.split('/')) {
    if (s === '' || s === '.') continue;
    if (s === '..') segments.pop();
    else segments.push(s);
  }
  return segments.join('/');
}

function readSharedStrings(parts: ReadonlyMap<string, string>, path: string | undefined): string[] {
  const strings: string[] = [];
  if (path === undefined || !parts.has(path)) return strings;
  let current: string | null = null;
  let inT = false;
  let phonetic = 0;
  parsePart(parts, path, null, {
    open(name, _attrs, selfClosing) {
      if (name === 'si') current = '';
      else if (name === 'rPh' && !selfClosing) phonetic += 1;
      else if (name === 't' && !selfClosing) inT = true;
    },
    close(name) {
      if (name === 'si' && current !== null) {
        strings.push(unescapeXstring(current));
        current = null;
      } else if (name === 'rPh') phonetic = Math.max(0, phonetic - 1);
      else if (name === 't') inT = false;
    },
    text(text) {
      if (inT && phonetic === 0 && current !== null) current += text;
    },
  });
  return strings;
}

/** Style index → 'date' | 'date-time' | null (not a date), from cellXfs and numFmts. */
function readDateStyles(
  parts: ReadonlyMap<string, string>,
  path: string | undefined,
): ('date' | 'date-time' | null)[] {
  const styles: ('date' | 'date-time' | null)[] = [];
  if (path === undefined || !parts.has(path)) return styles;
  const custom = new Map<number, string>();
  const xfIds: number[] = [];
  let inCellXfs = false;
  parsePart(parts, path, null, {
    open(name, attrs, selfClosing) {
      if (name === 'numFmt') {
        const id = Number(attrs['numFmtId']);
        if (Number.isInteger(id) && attrs['formatCode'] !== undefined)
          custom.set(id, attrs['formatCode']);
      } else if (name === 'cellXfs' && !selfClosing) inCellXfs = true;
      else if (name === 'xf' && inCellXfs) {
        const id = Number(attrs['numFmtId'] ?? '0');
        xfIds.push(Number.isInteger(id) ? id : 0);
      }
    },
    close(name) {
      if (name === 'cellXfs') inCellXfs = false;
    },
  });
  for (const id of xfIds) {
    styles.push(
      isDateFormat(id, custom) ? (formatShowsTime(id, custom) ? 'date-time' : 'date') : null,
    );
  }
  return styles;
}

/** `C5` → [row 5, column 2]; null when not a valid A1 address within Excel's grid. */
export function parseCellRef(ref: string): [number, number] | null {
  const m = /^\$?([A-Z]{1,3})\$?([1-9][0-9]{0,6})$/.exec(ref);
  if (!m) return null;
  let col = 0;
  for (const ch of m[1] as string) col = col * 26 + (ch.charCodeAt(0) - 64);
  const row = Number(m[2]);
  if (col > MAX_COLUMN || row > MAX_ROW) return null;
  return [row, col - 1];
}

interface WorkbookContext {
  strings: readonly string[];
  dateStyles: readonly ('date' | 'date-time' | null)[];
  date1904: boolean;
  report(problem: CellProblem): void;
}

/** One worksheet part into rows of text cells. */
function readSheet(
  parts: ReadonlyMap<string, string>,
  path: string,
  name: string,
  ctx: WorkbookContext,
): Sheet {
  const rows: SheetRow[] = [];
  let row: SheetRow | null = null;
  let nextRow = 1;
  let nextCol = 0;
  let cell: {
    col: number;
    type: string;
    style: number;
    value: string | null;
    inline: string | null;
    formula: boolean;
  } | null = null;
  let collect: 'v' | 't' | null = null;
  let inIs = false;
  let phonetic = 0;
  let inSheetData = false;
  const problem = (
    severity: CellProblem['severity'],
    key: IssueKey,
    r: number | null,
    c: number | null,
    params: IssueParams,
  ): void => ctx.report(cellProblem(severity, key, name, r, c, params));
  const where = (c: number): string => `${name}!${columnName(c)}${row?.row ?? '?'}`;

  const finishCell = (): void => {
    if (cell === null || row === null) return;
    const { col, type, style } = cell;
    let text: string | undefined;
    const v = cell.value;
    switch (type) {
      case 's': {
        const index = Number(v);
        const s = v !== null && /^\d+$/.test(v.trim()) ? ctx.strings[index] : undefined;
        if (s === undefined)
          problem('error', 'xlsx-bad-cell.string', row.row, col, {
            cell: where(col),
            index: v === null ? '—' : quoteCode(v, 10),
          });
        else text = s;
        break;
      }
      case 'inlineStr':
        text = unescapeXstring(cell.inline ?? '');
        break;
      case 'str':
        text = unescapeXstring(v ?? '');
        break;
      case 'b':
        if (v === '1' || v === '0') text = v === '1' ? 'TRUE' : 'FALSE';
        else if (v !== null)
          problem('error', 'xlsx-bad-cell.boolean', row.row, col, {
            cell: where(col),
            value: describeText(v),
          });
        break;
      case 'e':
        problem('error', 'xlsx-cell-error', row.row, col, {
          cell: where(col),
          error: v !== null && /^#[A-Z0-9/!?]{1,12}$/.test(v) ? v : '#?',
        });
        text = v ?? '#ERROR';
        break;
      case 'd':
        text = v ?? undefined;
        break;
      case 'n': {
        if (v === null || v.trim() === '') break;
        const n = Number(v);
        if (!/^\s*[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?\s*$/.test(v) || !Number.isFinite(n)) {
          problem('error', 'xlsx-bad-cell.number', row.row, col, {
            cell: where(col),
            value: describeText(v),
          });
          break;
        }
        const kind = ctx.dateStyles[style] ?? null;
        if (kind === null) text = String(Number(n.toPrecision(15)));
        else {
          const local = serialToLocal(n, ctx.date1904, kind === 'date-time');
          if (local === null)
            problem('error', 'xlsx-bad-date', row.row, col, { cell: where(col), value: v });
          else text = local;
        }
        break;
      }
      default:
        problem('error', 'xlsx-bad-cell.type', row.row, col, {
          cell: where(col),
          type: quoteCode(type ?? '', 12),
        });
    }
    if (cell.formula && v === null && type !== 'inlineStr')
      problem('warning', 'xlsx-formula-without-value', row.row, col, { cell: where(col) });
    if (text !== undefined && text !== '') row.cells[col] = text;
    cell = null;
  };

  parsePart(parts, path, name, {
    open(tag, attrs, selfClosing) {
      if (tag === 'sheetData') inSheetData = !selfClosing;
      if (!inSheetData) return;
      if (tag === 'row') {
        const r = attrs['r'] === undefined ? nextRow : Number(attrs['r']);
        if (!Number.isInteger(r) || r < nextRow || r > MAX_ROW) {
          throw new WorkbookError(
            `${path}: row r="${attrs['r'] ?? ''}" is out of order or out of range (after row ${nextRow - 1})`,
            name,
          );
        }
        row = { row: r, cells: [] };
        nextRow = r + 1;
        nextCol = 0;
        if (!selfClosing) rows.push(row);
      } else if (tag === 'c') {
        if (row === null) throw new WorkbookError(`${path}: a cell outside a row`, name);
        let col = nextCol;
        const ref = attrs['r'];
        if (ref !== undefined) {
          const at = parseCellRef(ref);
          if (at === null || at[0] !== row.row || at[1] < nextCol) {
            throw new WorkbookError(
              `${path}: cell r="${ref}" is not a valid address after ${columnName(Math.max(0, nextCol - 1))}${row.row}`,
              name,
            );
          }
          col = at[1];
        }
        if (col >= MAX_COLUMN)
          throw new WorkbookError(
            `${path}: more than ${MAX_COLUMN} columns in row ${row.row}`,
            name,
          );
        nextCol = col + 1;
        const style = Number(attrs['s'] ?? '0');
        cell = {
          col,
          type: attrs['t'] ?? 'n',
          style: Number.isInteger(style) ? style : 0,
          value: null,
          inline: null,
          formula: false,
        };
        if (selfClosing) cell = null;
      } else if (cell !== null && !selfClosing) {
        if (tag === 'v') {
          collect = 'v';
          cell.value = '';
        } else if (tag === 'is') {
          inIs = true;
          cell.inline = '';
        } else if (tag === 'rPh') phonetic += 1;
        else if (tag === 't' && inIs) collect = 't';
        else if (tag === 'f') cell.formula = true;
      } else if (cell !== null && tag === 'f') cell.formula = true;
    },
    close(tag) {
      if (tag === 'sheetData') inSheetData = false;
      if (!inSheetData) return;
      if (tag === 'c') finishCell();
      else if (tag === 'row') row = null;
      else if (tag === 'v' || tag === 't') collect = null;
      else if (tag === 'is') inIs = false;
      else if (tag === 'rPh') phonetic = Math.max(0, phonetic - 1);
    },
    text(t) {
      if (cell === null || collect === null) return;
      if (collect === 'v') cell.value += t;
      else if (phonetic === 0) cell.inline = (cell.inline ?? '') + t;
    },
  });
  return { name, rows };
}

/**
 * The sheets of a workbook, in the workbook's order, from its parts (path → XML text). Throws
 * WorkbookError when the structure cannot be read; cell problems go to `report`. Sheets for
 * which `wanted` is false are not read (nor returned).
 *
 * @example
 * const sheets = readWorkbook(unzipWorkbook(bytes), (p) => problems.push(p));
 */
export function readWorkbook(
  parts: ReadonlyMap<string, string>,
  report: (problem: CellProblem) => void,
  wanted: (sheet: string) => boolean = () => true,
): Sheet[] {
  const declared: { name: string; rid: string }[] = [];
  let date1904 = false;
  parsePart(parts, 'xl/workbook.xml', null, {
    open(name, attrs) {
      if (name === 'workbookPr')
        date1904 = attrs['date1904'] === '1' || attrs['date1904'] === 'true';
      else if (name === 'sheet') {
        const rid = attrs['r:id'] ?? attrs['id'];
        if (attrs['name'] === undefined || rid === undefined)
          throw new WorkbookError('xl/workbook.xml: a sheet without a name or relationship');
        declared.push({ name: attrs['name'], rid });
      }
    },
  });
  const rels = parts.has('xl/_rels/workbook.xml.rels')
    ? readRels(parts, 'xl/_rels/workbook.xml.rels', 'xl')
    : new Map<string, { path: string; type: string }>();
  const relOfType = (type: string, fallback: string): string | undefined => {
    for (const rel of rels.values()) if (rel.type.endsWith(`/${type}`)) return rel.path;
    return parts.has(fallback) ? fallback : undefined;
  };
  const ctx: WorkbookContext = {
    strings: readSharedStrings(parts, relOfType('sharedStrings', 'xl/sharedStrings.xml')),
    dateStyles: readDateStyles(parts, relOfType('styles', 'xl/styles.xml')),
    date1904,
    report,
  };
  return declared
    .filter(({ name }) => wanted(name))
    .map(({ name, rid }) => {
      const path = rels.get(rid)?.path;
      if (path === undefined)
        throw new WorkbookError(
          `sheet ${JSON.stringify(name)} has no part (relationship ${rid} is missing)`,
          name,
        );
      return readSheet(parts, path, name, ctx);
    });
}
