/**
 * The blank data-kit workbook plateau hands to sites: a README sheet, then one sheet per kit
 * file with its header row (the exact column names the reader expects), a help message on each
 * column (shown when a cell is selected: what it is, unit, format, example), drop-down lists on
 * the enumerated columns, text format on identifiers (FINESS keeps its leading zero) and a
 * date-time format on date columns. Reading it back once filled gives a kit.
 */
import { strToU8, zipSync } from 'fflate';
import type { Zippable } from 'fflate';
import { columnName, xmlEscape } from '../../../export/xlsx.ts';
import { ACTS_FILE, ACTS_WRITE_ORDER, CAMPAIGN_FILE, KIT_CSV_FILES } from '../../kit/kit-files.ts';
import type { ColumnHelp, TemplateLang } from './column-help.ts';
import { COLUMN_HELP } from './column-help.ts';
import { localToSerial } from './serial-date.ts';

export type { TemplateLang } from './column-help.ts';

/** A cell to pre-fill: text, a number, a local date-time (written as an Excel date), or empty. */
export type TemplateCell = string | number | null | { dateTime: string };

/** Options of the template: its language, and rows to pre-fill (examples, tests). */
export interface TemplateOptions {
  lang: TemplateLang;
  /** Campaign values by key (`id`, `name`, `start`, `days`, `timeZone`). */
  campaign?: Readonly<Record<string, TemplateCell>>;
  /** Rows by kit file name (`exams.csv`), cells in the order of the template's columns. */
  rows?: Readonly<Record<string, readonly (readonly TemplateCell[])[]>>;
}

const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const NS_MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const NS_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const NS_PKG_REL = 'http://schemas.openxmlformats.org/package/2006/relationships';
const CT = 'application/vnd.openxmlformats-officedocument.spreadsheetml';
/** Zip entries' date: 1980-01-01 00:00 local (zip stores local time; a UTC instant is 1979 west of UTC, refused). */
const zipMtime = (): Date => new Date(1980, 0, 1);
const LAST_ROW = 1_048_576;

/** Indexes into cellXfs below. */
const STYLE = {
  plain: 0,
  header: 1,
  text: 2,
  'date-time': 3,
  date: 4,
  number: 0,
  wrap: 5,
} as const;

const STYLES_XML =
  `${XML_HEAD}<styleSheet xmlns="${NS_MAIN}">` +
  '<numFmts count="2"><numFmt numFmtId="164" formatCode="yyyy\\-mm\\-dd\\ hh:mm"/><numFmt numFmtId="165" formatCode="yyyy\\-mm\\-dd"/></numFmts>' +
  '<fonts count="2"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font>' +
  '<font><b/><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>' +
  '<fills count="3"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill>' +
  '<fill><patternFill patternType="solid"><fgColor rgb="FFDDEBF7"/><bgColor indexed="64"/></patternFill></fill></fills>' +
  '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  '<cellXfs count="6">' +
  '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>' +
  '<xf numFmtId="49" fontId="1" fillId="2" borderId="0" xfId="0" applyFont="1" applyFill="1" applyNumberFormat="1"/>' +
  '<xf numFmtId="49" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>' +
  '<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>' +
  '<xf numFmtId="165" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>' +
  '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" applyAlignment="1"><alignment wrapText="1" vertical="top"/></xf>' +
  '</cellXfs>' +
  '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
  '</styleSheet>';

const TEXT = {
  fr: {
    readme: 'Lisez-moi',
    key: 'clé',
    value: 'valeur',
    help: 'aide',
    required: 'obligatoire',
    optional: 'facultatif',
    badValue: 'Valeur non prévue',
    pick: 'Choisir une valeur de la liste : ',
    intro: [
      'Kit de données plateau (benchmark imagerie ANAP 2010) à remplir dans ce classeur.',
      'Une feuille par fichier du kit ; la première ligne de chaque feuille porte les noms de colonnes : ne pas les modifier.',
      'Sélectionner une cellule affiche l’aide de sa colonne ; les colonnes à valeurs fixées ont une liste déroulante.',
      'Dates-heures : heure locale des sites (fuseau de la feuille campaign), ex. 2010-03-01 08:30.',
      'Aucune donnée identifiant un patient (nom, date de naissance, n° patient) : une colonne de ce type fait refuser la feuille.',
      'Importer : plateau import classeur.xlsx',
    ],
    columns: ['feuille', 'colonne', 'obligatoire', 'description', 'valeurs'],
  },
  en: {
    readme: 'README',
    key: 'key',
    value: 'value',
    help: 'help',
    required: 'required',
    optional: 'optional',
    badValue: 'Unexpected value',
    pick: 'Pick a value from the list: ',
    intro: [
      'plateau data kit (ANAP 2010 imaging benchmark) to fill in this workbook.',
      'One sheet per kit file; the first row of each sheet holds the column names: do not change them.',
      'Selecting a cell shows its column’s help; columns with fixed values have a drop-down list.',
      "Date-times: the sites' local time (time zone of the campaign sheet), e.g. 2010-03-01 08:30.",
      'No data identifying a patient (name, birth date, patient number): such a column makes the sheet refused.',
      'Import: plateau import workbook.xlsx',
    ],
    columns: ['sheet', 'column', 'required', 'description', 'values'],
  },
} as const;

interface SheetPart {
  name: string;
  xml: string;
}

function cellXml(ref: string, cell: TemplateCell, style: number): string {
  const s = style === 0 ? '' : ` s="${style}"`;
  if (cell === null) return '';
  if (typeof cell === 'number')
    return Number.isFinite(cell) ? `<c r="${ref}"${s}><v>${cell}</v></c>` : '';
  if (typeof cell === 'object') {
    const serial = localToSerial(cell.dateTime);
    if (serial === null) throw new RangeError(`not a local date-time: ${cell.dateTime}`);
    return `<c r="${ref}" s="${style === STYLE.date ? STYLE.date : STYLE['date-time']}"><v>${serial}</v></c>`;
  }
  if (cell === '') return '';
  const space = /^\s|\s$/.test(cell) ? ' xml:space="preserve"' : '';
  return `<c r="${ref}" t="inlineStr"${s}><is><t${space}>${xmlEscape(cell)}</t></is></c>`;
}

const clip = (text: string, max: number): string =>
  text.length <= max ? text : `${text.slice(0, max - 1)}…`;

/** A data validation: a drop-down list when the column is enumerated, else only its help. */
function validationXml(sqref: string, title: string, help: ColumnHelp, lang: TemplateLang): string {
  const prompt = xmlEscape(clip(help[lang], 255));
  const head = `showInputMessage="1" promptTitle="${xmlEscape(clip(title, 32))}" prompt="${prompt}" sqref="${sqref}"`;
  if (help.values === undefined) return `<dataValidation allowBlank="1" ${head}/>`;
  const list = help.values.join(',');
  const error = xmlEscape(clip(`${TEXT[lang].pick}${help.values.join(', ')}`, 255));
  return (
    `<dataValidation type="list" allowBlank="1" showErrorMessage="1" errorTitle="${TEXT[lang].badValue}" error="${error}" ${head}>` +
    `<formula1>"${xmlEscape(list)}"</formula1></dataValidation>`
  );
}

function worksheetXml(
  widths: readonly number[],
  styles: readonly number[],
  rows: readonly string[],
  validations: readonly string[],
): string {
  const cols = widths.map((w, i) => {
    const style = styles[i] ?? 0;
    return `<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"${style === 0 ? '' : ` style="${style}"`}/>`;
  });
  return (
    `${XML_HEAD}<worksheet xmlns="${NS_MAIN}" xmlns:r="${NS_REL}">` +
    '<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>' +
    '<selection pane="bottomLeft" activeCell="A2" sqref="A2"/></sheetView></sheetViews>' +
    '<sheetFormatPr defaultRowHeight="15"/>' +
    (cols.length > 0 ? `<cols>${cols.join('')}</cols>` : '') +
    `<sheetData>${rows.join('')}</sheetData>` +
    (validations.length > 0
      ? `<dataValidations count="${validations.length}">${validations.join('')}</dataValidations>`
      : '') +
    '</worksheet>'
  );
}

function rowXml(n: number, cells: readonly TemplateCell[], styles: readonly number[]): string {
  return `<row r="${n}">${cells.map((c, i) => cellXml(`${columnName(i)}${n}`, c, styles[i] ?? 0)).join('')}</row>`;
}

function styleOf(help: ColumnHelp | undefined): number {
  return help?.format === undefined ? STYLE.plain : STYLE[help.format];
}

function readmeSheet(lang: TemplateLang): SheetPart {
  const t = TEXT[lang];
  const rows: string[] = [];
  let n = 1;
  const wrap = [STYLE.wrap, STYLE.wrap, STYLE.wrap, STYLE.wrap, STYLE.wrap];
  rows.push(rowXml(n++, [t.intro[0]], [STYLE.header]));
  for (const line of t.intro.slice(1)) rows.push(rowXml(n++, [line], [STYLE.plain]));
  n++;
  rows.push(
    rowXml(
      n++,
      [...t.columns],
      [STYLE.header, STYLE.header, STYLE.header, STYLE.header, STYLE.header],
    ),
  );
  const sheets = [
    {
      file: CAMPAIGN_FILE,
      columns: Object.keys(COLUMN_HELP[CAMPAIGN_FILE] ?? {}).map((name) => ({
        name,
        required: true,
      })),
    },
    ...KIT_CSV_FILES.map((spec) => ({
      file: spec.name,
      columns: templateColumns(spec).map((name) => ({
        name,
        required: spec.columns.some((c) => c.name === name && c.required),
      })),
    })),
  ];
  for (const { file, columns } of sheets) {
    for (const column of columns) {
      const help = COLUMN_HELP[file]?.[column.name];
      rows.push(
        rowXml(
          n++,
          [
            file.replace(/\.(csv|json)$/, ''),
            column.name,
            column.required ? t.required : t.optional,
            help?.[lang] ?? '',
            help?.values?.join(', ') ?? '',
          ],
          wrap,
        ),
      );
    }
  }
  return { name: t.readme, xml: worksheetXml([22, 22, 12, 70, 50], [], rows, []) };
}

function campaignSheet(options: TemplateOptions): SheetPart {
  const { lang } = options;
  const t = TEXT[lang];
  const helps = COLUMN_HELP[CAMPAIGN_FILE] ?? {};
  const rows = [rowXml(1, [t.key, t.value, t.help], [STYLE.header, STYLE.header, STYLE.header])];
  const validations: string[] = [];
  Object.entries(helps).forEach(([key, help], i) => {
    const n = i + 2;
    const value = options.campaign?.[key] ?? null;
    const valueStyle = styleOf(help);
    rows.push(rowXml(n, [key, value, help[lang]], [STYLE.text, valueStyle, STYLE.plain]));
    validations.push(validationXml(`B${n}`, key, help, lang));
  });
  return {
    name: 'campaign',
    xml: worksheetXml([14, 30, 70], [STYLE.text, STYLE.plain, STYLE.plain], rows, validations),
  };
}

/** The template's columns of a kit file, in data-kit.md's order (`acts`: code, label, icr, then family). */
export function templateColumns(spec: (typeof KIT_CSV_FILES)[number]): string[] {
  return spec.name === ACTS_FILE.name
    ? [...ACTS_WRITE_ORDER, 'family']
    : spec.columns.map((c) => c.name);
}

function kitSheet(spec: (typeof KIT_CSV_FILES)[number], options: TemplateOptions): SheetPart {
  const { lang } = options;
  const helps = COLUMN_HELP[spec.name] ?? {};
  const names = templateColumns(spec);
  const styles = names.map((name) => styleOf(helps[name]));
  const rows = [
    rowXml(
      1,
      names,
      names.map(() => STYLE.header),
    ),
  ];
  (options.rows?.[spec.name] ?? []).forEach((cells, i) => rows.push(rowXml(i + 2, cells, styles)));
  const validations = names.flatMap((name, i) => {
    const help = helps[name];
    const col = columnName(i);
    return help === undefined ? [] : [validationXml(`${col}2:${col}${LAST_ROW}`, name, help, lang)];
  });
  const widths = names.map((name, i) =>
    Math.max(12, name.length + 4, styles[i] === STYLE['date-time'] ? 18 : 0),
  );
  return {
    name: spec.name.replace(/\.csv$/, ''),
    xml: worksheetXml(widths, styles, rows, validations),
  };
}

function packageParts(sheets: readonly SheetPart[]): Zippable {
  const overrides = sheets.map(
    (_, i) =>
      `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="${CT}.worksheet+xml"/>`,
  );
  const rels = sheets.map(
    (_, i) =>
      `<Relationship Id="rId${i + 1}" Type="${NS_REL}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`,
  );
  rels.push(
    `<Relationship Id="rId${sheets.length + 1}" Type="${NS_REL}/styles" Target="styles.xml"/>`,
  );
  const files: Zippable = {
    '[Content_Types].xml': strToU8(
      `${XML_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
        '<Default Extension="xml" ContentType="application/xml"/>' +
        `<Override PartName="/xl/workbook.xml" ContentType="${CT}.sheet.main+xml"/>` +
        `<Override PartName="/xl/styles.xml" ContentType="${CT}.styles+xml"/>${overrides.join('')}</Types>`,
    ),
    '_rels/.rels': strToU8(
      `${XML_HEAD}<Relationships xmlns="${NS_PKG_REL}"><Relationship Id="rId1" Type="${NS_REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    ),
    'xl/workbook.xml': strToU8(
      `${XML_HEAD}<workbook xmlns="${NS_MAIN}" xmlns:r="${NS_REL}"><bookViews><workbookView activeTab="0"/></bookViews><sheets>` +
        sheets
          .map(
            (s, i) => `<sheet name="${xmlEscape(s.name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`,
          )
          .join('') +
        '</sheets></workbook>',
    ),
    'xl/_rels/workbook.xml.rels': strToU8(
      `${XML_HEAD}<Relationships xmlns="${NS_PKG_REL}">${rels.join('')}</Relationships>`,
    ),
    'xl/styles.xml': strToU8(STYLES_XML),
  };
  sheets.forEach((s, i) => {
    files[`xl/worksheets/sheet${i + 1}.xml`] = strToU8(s.xml);
  });
  return files;
}

/**
 * The data-kit workbook template as .xlsx bytes: README, campaign (key/value rows), then one
 * sheet per kit CSV file, help and drop-down lists in `lang`; pre-filled with `campaign` and
 * `rows` when given. Throws a RangeError for a `{ dateTime }` cell that is not a local date-time.
 *
 * @example
 * writeFileSync('kit.xlsx', kitTemplateXlsx({ lang: 'fr' }));
 */
export function kitTemplateXlsx(options: TemplateOptions): Uint8Array {
  const sheets = [
    readmeSheet(options.lang),
    campaignSheet(options),
    ...KIT_CSV_FILES.map((spec) => kitSheet(spec, options)),
  ];
  return zipSync(packageParts(sheets), { level: 6, mtime: zipMtime() });
}
