/**
 * The spreadsheet source: a data kit filled in Excel, LibreOffice or Numbers, one sheet per kit
 * file, read with every rule of the kit reader and issues located in the workbook's cells.
 */
import type { Issue } from '../../../core/issues.ts';
import type { SourceAdapter, SourceInput } from '../types.ts';
import { emptyRecords } from '../types.ts';
import { readKitWorkbook } from './read-kit-workbook.ts';

export { readKitWorkbook } from './read-kit-workbook.ts';
export type { WorkbookKitResult } from './read-kit-workbook.ts';
export { kitFileOfSheet } from './kit-sheets.ts';
export { kitTemplateXlsx } from './template.ts';
export type { TemplateLang, TemplateOptions } from './template.ts';

const LATIN1 = new TextDecoder('latin1');
const WORKBOOK_PART = 'xl/workbook.xml';

/**
 * True when `bytes` start like a zip and name `xl/workbook.xml` in a local header near the start
 * or in the central directory at the end (names are scanned, nothing is inflated).
 */
function looksLikeWorkbook(bytes: Uint8Array): boolean {
  if (
    bytes.length < 30 ||
    bytes[0] !== 0x50 ||
    bytes[1] !== 0x4b ||
    bytes[2] !== 0x03 ||
    bytes[3] !== 0x04
  )
    return false;
  const window = 1 << 20;
  const head = LATIN1.decode(bytes.subarray(0, Math.min(bytes.length, window)));
  if (head.includes(WORKBOOK_PART)) return true;
  return LATIN1.decode(bytes.subarray(Math.max(0, bytes.length - window))).includes(WORKBOOK_PART);
}

/**
 * The xlsx adapter: each input is a whole kit workbook; its records go to the canonical records
 * (an input with an error gives none, only its issues). No identity crosses it: a sheet with an
 * identifying column is refused by the kit reader, so nothing is ever counted in `removed`.
 *
 * @example
 * const { records, issues } = await xlsxAdapter.read([{ name: 'kit.xlsx', bytes }], context);
 */
export const xlsxAdapter: SourceAdapter = {
  id: 'xlsx',
  label: 'Data kit as an Excel workbook (.xlsx), one sheet per kit file',
  detect(input: SourceInput): boolean {
    return looksLikeWorkbook(input.bytes);
  },
  read(inputs) {
    const records = emptyRecords();
    const issues: Issue[] = [];
    for (const input of inputs) {
      const result = readKitWorkbook(input.name, input.bytes);
      issues.push(...result.issues);
      if (result.kit === null) continue;
      records.establishments.push(...result.kit.establishments);
      records.equipment.push(...result.kit.equipment);
      records.sessions.push(...result.kit.sessions);
      records.exams.push(...result.kit.exams);
      records.acts.push(...result.kit.acts);
    }
    return Promise.resolve({ records, issues });
  },
};
