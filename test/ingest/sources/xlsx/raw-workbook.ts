// Hand-written SpreadsheetML parts zipped into a workbook, to test the reader on what other
// programs write (shared strings, styles, 1904 dates, formulas, gaps) and on broken parts.
import { strToU8, zipSync } from 'fflate';

const NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const NS_R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const NS_PKG = 'http://schemas.openxmlformats.org/package/2006/relationships';

export interface RawSheet {
  name: string;
  /** The content of <sheetData>, or a whole part when `part` is set. */
  data?: string;
  part?: string;
}

export interface RawWorkbook {
  sheets: RawSheet[];
  sharedStrings?: string[];
  /** Whole styles.xml; default: style 1 = date-time (yyyy-mm-dd hh:mm), 2 = built-in 14 (date). */
  styles?: string;
  date1904?: boolean;
  /** Parts to replace or add, by path. */
  extra?: Record<string, string>;
}

export const DEFAULT_STYLES =
  `<styleSheet xmlns="${NS}"><numFmts count="1"><numFmt numFmtId="170" formatCode="yyyy\\-mm\\-dd\\ hh:mm"/></numFmts>` +
  '<cellXfs count="4"><xf numFmtId="0"/><xf numFmtId="170"/><xf numFmtId="14"/><xf numFmtId="2"/></cellXfs></styleSheet>';

/** The parts of a workbook, by path (to mutate before zipping). */
export function rawParts(book: RawWorkbook): Record<string, string> {
  const parts: Record<string, string> = {
    '[Content_Types].xml':
      '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
    '_rels/.rels': `<Relationships xmlns="${NS_PKG}"><Relationship Id="rId1" Type="${NS_R}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    'xl/workbook.xml':
      `<?xml version="1.0" encoding="UTF-8"?>\n<workbook xmlns="${NS}" xmlns:r="${NS_R}">` +
      (book.date1904 ? '<workbookPr date1904="1"/>' : '<workbookPr/>') +
      `<sheets>${book.sheets.map((s, i) => `<sheet name="${s.name}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('')}</sheets></workbook>`,
    'xl/_rels/workbook.xml.rels':
      `<Relationships xmlns="${NS_PKG}">` +
      book.sheets
        .map(
          (_, i) =>
            `<Relationship Id="rId${i + 1}" Type="${NS_R}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`,
        )
        .join('') +
      `<Relationship Id="rIdS" Type="${NS_R}/styles" Target="/xl/styles.xml"/>` +
      `<Relationship Id="rIdT" Type="${NS_R}/sharedStrings" Target="sharedStrings.xml"/></Relationships>`,
    'xl/styles.xml': book.styles ?? DEFAULT_STYLES,
    'xl/sharedStrings.xml': `<sst xmlns="${NS}">${(book.sharedStrings ?? []).map((s) => `<si><t>${s}</t></si>`).join('')}</sst>`,
  };
  book.sheets.forEach((s, i) => {
    parts[`xl/worksheets/sheet${i + 1}.xml`] =
      s.part ?? `<worksheet xmlns="${NS}"><sheetData>${s.data ?? ''}</sheetData></worksheet>`;
  });
  return { ...parts, ...book.extra };
}

export function zipParts(parts: Record<string, string>): Uint8Array {
  return zipSync(Object.fromEntries(Object.entries(parts).map(([k, v]) => [k, strToU8(v)])));
}

export function rawWorkbook(book: RawWorkbook): Uint8Array {
  return zipParts(rawParts(book));
}

/** Inline-string cell. */
export const is = (ref: string, text: string): string =>
  `<c r="${ref}" t="inlineStr"><is><t>${text}</t></is></c>`;
/** Number cell with an optional style. */
export const num = (ref: string, v: number | string, s?: number): string =>
  `<c r="${ref}"${s === undefined ? '' : ` s="${s}"`}><v>${v}</v></c>`;
/** A row of inline strings from A. */
export function textRow(r: number, cells: readonly string[]): string {
  return `<row r="${r}">${cells.map((c, i) => (c === '' ? '' : is(`${String.fromCharCode(65 + i)}${r}`, c))).join('')}</row>`;
}

/** A small valid kit as raw sheets (inline strings), exams sheet to be supplied. */
export function baseSheets(exams: string): RawSheet[] {
  return [
    {
      name: 'campaign',
      data: [
        textRow(1, ['key', 'value']),
        textRow(2, ['id', 'raw']),
        textRow(3, ['name', 'Raw']),
        textRow(4, ['start', '2010-03-01']),
        `<row r="5">${is('A5', 'days')}${num('B5', 28)}</row>`,
        textRow(6, ['timeZone', 'Europe/Paris']),
      ].join(''),
    },
    {
      name: 'establishments',
      data:
        textRow(1, ['finess', 'name', 'legal_status', 'region']) +
        textRow(2, ['010000024', 'CH A', 'CH', 'ARA']),
    },
    {
      name: 'equipment',
      data:
        textRow(1, ['equipment_id', 'finess', 'modality']) +
        textRow(2, ['CT-1', '010000024', 'CT']),
    },
    {
      name: 'sessions',
      data:
        textRow(1, ['equipment_id', 'start', 'end', 'type']) +
        textRow(2, ['CT-1', '2010-03-01 08:00', '2010-03-01 13:00', 'PUBLIC_SCHEDULED']),
    },
    { name: 'exams', data: exams },
  ];
}
