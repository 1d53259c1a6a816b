/**
 * A data kit given as one .xlsx workbook, a sheet per kit file: each sheet is turned into the
 * CSV text (or, for `campaign`, the JSON) the kit reader expects, so every kit rule applies, and
 * the issues it reports are moved back to the workbook's cells (`book.xlsx#exams`, line 5,
 * column C: `exams!C5`).
 */
import type { Issue } from '../../../core/issues.ts';
import type { Kit } from '../../../core/kit-types.ts';
import { columnName } from '../../../export/xlsx.ts';
import { csvCell } from '../../csv.ts';
import { CAMPAIGN_FILE } from '../../kit/kit-files.ts';
import { parseKit } from '../../kit/parse-kit.ts';
import type { KitFileSummary } from '../../kit/parse-kit.ts';
import { kitFileOfSheet, sheetKey } from './kit-sheets.ts';
import type { CellProblem, Sheet } from './workbook.ts';
import { cellProblem, readWorkbook, WorkbookError } from './workbook.ts';
import { makeIssue } from '../../../i18n/issues/index.ts';
import type { ZipLimits } from './zip.ts';
import { DEFAULT_ZIP_LIMITS, unzipWorkbook, ZipError } from './zip.ts';

/** What reading a workbook gives: `kit` is null as soon as one issue is an error. */
export interface WorkbookKitResult {
  kit: Kit | null;
  issues: Issue[];
  files: KitFileSummary[];
}

const CAMPAIGN_KEYS = ['id', 'name', 'start', 'days', 'timeZone'];
const CAMPAIGN_HEADERS = new Set(['key', 'field', 'cle', 'champ', 'parametre', 'parameter']);

/** Where a kit file's lines and columns are in its sheet. */
interface Placement {
  sheet: string;
  /** Line of the generated text → sheet row (identity for CSV sheets). */
  rowOfLine: (line: number) => number | null;
  /** Column as the kit reader names it → 0-based sheet column. */
  columns: Map<string, number>;
}

const clean = (text: string): string => text.replace(/\r\n|[\r\n]/g, ' ');

/** A sheet as CSV text whose line n is the sheet's row n; columns without a header are dropped. */
function sheetToCsv(sheet: Sheet, placeOf: Placement, problems: CellProblem[]): string {
  const header = sheet.rows.find((r) => r.cells.some((c) => c !== undefined && c.trim() !== ''));
  if (header === undefined) return '';
  const kept: number[] = [];
  const keptSet = new Set<number>();
  header.cells.forEach((c, i) => {
    if (c !== undefined && c.trim() !== '') {
      kept.push(i);
      keptSet.add(i);
      placeOf.columns.set(c.trim().toLowerCase(), i);
    }
  });
  const lines: string[] = [];
  let outside = false;
  for (const { row, cells } of sheet.rows) {
    if (row < header.row) continue;
    while (lines.length < row - 1) lines.push('');
    if (!outside) {
      const stray = cells.findIndex(
        (c, i) => c !== undefined && c.trim() !== '' && !keptSet.has(i),
      );
      if (stray >= 0) {
        outside = true;
        problems.push(
          cellProblem('warning', 'xlsx-cell-outside-columns', sheet.name, row, stray, {
            cell: `${sheet.name}!${columnName(stray)}${row}`,
          }),
        );
      }
    }
    lines.push(kept.map((i) => csvCell(clean(cells[i] ?? ''), ',')).join(','));
  }
  return `${lines.join('\n')}\n`;
}

/** The `campaign` sheet (key in column A, value in B) as campaign.json text, one key a line. */
function campaignToJson(sheet: Sheet, placeOf: Placement): string {
  const record: Record<string, string | number> = {};
  const rows: number[] = [];
  for (const { row, cells } of sheet.rows) {
    const rawKey = cells[0]?.trim() ?? '';
    if (rawKey === '' || (rows.length === 0 && CAMPAIGN_HEADERS.has(sheetKey(rawKey)))) continue;
    const key = CAMPAIGN_KEYS.find((k) => k.toLowerCase() === rawKey.toLowerCase()) ?? rawKey;
    if (key in record) continue;
    const value = cells[1]?.trim() ?? '';
    record[key] = key === 'days' && /^\d+(\.\d+)?$/.test(value) ? Number(value) : value;
    rows.push(row);
    placeOf.columns.set(key, 1);
  }
  placeOf.rowOfLine = (line) => rows[line - 2] ?? null;
  return JSON.stringify(record, null, 1);
}

function locate(book: string, sheet: string | null): string {
  return sheet === null ? book : `${book}#${sheet}`;
}

function problemIssue(book: string, p: CellProblem): Issue {
  return {
    severity: p.severity,
    code: p.code,
    file: locate(book, p.sheet),
    line: p.row,
    column: p.column === null ? null : columnName(p.column),
    message: p.message,
    hint: p.hint,
    ...(p.text ? { text: p.text } : {}),
  };
}

/**
 * Reads a data kit from the bytes of an .xlsx workbook named `name` (a sheet per kit file, see
 * kit-sheets.ts); never throws on bad input: an unreadable zip or part is an error issue.
 *
 * @example
 * const { kit, issues } = readKitWorkbook('campagne.xlsx', bytes);
 * // issues: [{ file: 'campagne.xlsx#exams', line: 5, column: 'C', code: 'invalid-date-time', … }]
 */
export function readKitWorkbook(
  name: string,
  bytes: Uint8Array,
  limits: ZipLimits = DEFAULT_ZIP_LIMITS,
): WorkbookKitResult {
  const problems: CellProblem[] = [];
  let sheets: Sheet[];
  try {
    sheets = readWorkbook(
      unzipWorkbook(bytes, limits),
      (p) => problems.push(p),
      (sheet) => kitFileOfSheet(sheet) !== 'help',
    );
  } catch (error) {
    if (!(
      error instanceof ZipError ||
      error instanceof WorkbookError ||
      error instanceof RangeError
    ))
      throw error;
    const sheet = error instanceof WorkbookError ? error.sheet : null;
    const issue = makeIssue(
      'error',
      error instanceof ZipError ? 'xlsx-unreadable' : 'xlsx-malformed',
      locate(name, sheet),
      null,
      null,
      { file: name, detail: error.message },
    );
    return { kit: null, issues: [...problems.map((p) => problemIssue(name, p)), issue], files: [] };
  }
  const files = new Map<string, string>();
  const placements = new Map<string, Placement>();
  for (const sheet of sheets) {
    const file = kitFileOfSheet(sheet.name);
    if (file === 'help') continue;
    if (file === null) {
      problems.push(
        cellProblem('warning', 'unknown-sheet', sheet.name, null, null, {
          sheet: JSON.stringify(sheet.name),
        }),
      );
      continue;
    }
    const earlier = placements.get(file);
    if (earlier !== undefined) {
      problems.push(
        cellProblem('error', 'duplicate-file.sheets', sheet.name, null, null, {
          first: JSON.stringify(earlier.sheet),
          second: JSON.stringify(sheet.name),
          file,
        }),
      );
      continue;
    }
    const placement: Placement = {
      sheet: sheet.name,
      rowOfLine: (line) => line,
      columns: new Map(),
    };
    placements.set(file, placement);
    files.set(
      file,
      file === CAMPAIGN_FILE
        ? campaignToJson(sheet, placement)
        : sheetToCsv(sheet, placement, problems),
    );
  }
  const result = parseKit(files);
  const issues = problems.map((p) => problemIssue(name, p));
  for (const issue of result.issues) {
    const placement = placements.get(issue.file.toLowerCase());
    if (placement === undefined) {
      const missing = issue.file.replace(/\.(csv|json)$/i, '');
      const sheetName = `sheet ${missing}`;
      issues.push({
        ...issue,
        file: locate(name, missing),
        message: issue.message.replaceAll(issue.file, sheetName),
        // The same words in every language: the file named as its sheet.
        ...(issue.text
          ? {
              text: {
                ...issue.text,
                params: Object.fromEntries(
                  Object.entries(issue.text.params).map(([k, v]) => [
                    k,
                    typeof v === 'string' ? v.replaceAll(issue.file, sheetName) : v,
                  ]),
                ),
              },
            }
          : {}),
      });
      continue;
    }
    const row = issue.line === null ? null : placement.rowOfLine(issue.line);
    const col =
      issue.column === null
        ? undefined
        : (placement.columns.get(issue.column.toLowerCase()) ??
          placement.columns.get(issue.column));
    issues.push({
      ...issue,
      file: locate(name, placement.sheet),
      line: row,
      column: col === undefined ? issue.column : columnName(col),
    });
  }
  const files2 = result.files.map((f) => ({
    ...f,
    name: locate(name, placements.get(f.name.toLowerCase())?.sheet ?? f.name),
  }));
  const hasError = issues.some((i) => i.severity === 'error');
  return { kit: hasError ? null : result.kit, issues, files: files2 };
}
