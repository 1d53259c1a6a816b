/**
 * Reads published figures from a CSV file: an OECD Data Explorer export (SDMX-CSV: STRUCTURE,
 * STRUCTURE_ID, REF_AREA, MEASURE, UNIT_MEASURE, TIME_PERIOD, OBS_VALUE…, with or without a label
 * column after each code column, or `CODE: label` cells), or the simple form `country, measure,
 * year, value[, source][, note]`. Rows of measures or areas plateau does not read are skipped with
 * one warning per measure or area; a bad year or value is a located error, and a file with an
 * error gives no figure at all. Cells reach messages only as codes, numbers or descriptions.
 */
import type { Issue } from '../../core/issues.ts';
import type { ReferenceFigure } from '../../plan/territories/types.ts';
import type { IssueKey, IssueParams } from '../../i18n/issues/index.ts';
import { makeIssue } from '../../i18n/issues/index.ts';
import type { CsvRecord, CsvSeparator } from '../csv.ts';
import { CsvTokenizer } from '../csv.ts';
import { describeText, isHeaderShaped, quoteCode, shownCellText } from '../kit/identifying.ts';
import { IssueSink } from '../kit/issue-sink.ts';
import { wideEncodingOf } from '../text-encoding.ts';
import type { Coded, ReadMeasure } from './oecd-codes.ts';
import { readArea, readSdmxMeasure, readSimpleMeasure } from './oecd-codes.ts';

/** What a read gives: the figures (none when an issue is an error), and every issue. */
export interface OecdCsvResult {
  figures: ReferenceFigure[];
  issues: Issue[];
}

/** The words of a loaded figure's source, before the export's file name. */
export const EXPORT_SOURCE = 'OECD Data Explorer export';

/** An SDMX component id as the exports write it in a header (`REF_AREA`, `OBS_VALUE`). */
const SDMX_ID = /^[A-Z][A-Z0-9_]*$/;
/** A header of the `labels=both` form: `REF_AREA: Reference area`. */
const COMBINED = /^([A-Z][A-Z0-9_]*): /;

const SDMX_REQUIRED = ['REF_AREA', 'MEASURE', 'TIME_PERIOD', 'OBS_VALUE'] as const;
const SIMPLE_REQUIRED = ['country', 'measure', 'year', 'value'] as const;
const SIMPLE_OPTIONAL = ['source', 'note'] as const;

/** Where one SDMX component is in the header: its code column and its label column (or -1). */
interface SdmxColumn {
  index: number;
  label: number;
  /** Cells are `CODE: label`. */
  combined: boolean;
}

/** Rows skipped for one unknown measure or area: how many, and the first line. */
interface Skipped {
  key: IssueKey;
  count: number;
  first: number;
  column: string;
  params: IssueParams;
}

/**
 * Reads the figures of one CSV text (`fileName` locates the issues and names the source).
 *
 * @example
 * readOecdCsv('country,measure,year,value\nFRA,ct_units_per_million,2021,18.9\n', 'oecd.csv').figures;
 * // [{ measure: 'unitsPerMillion', modality: 'CT', sector: null, area: 'FRA', year: 2021, value: 18.9, … }]
 */
export function readOecdCsv(text: string, fileName: string): OecdCsvResult {
  const sink = new IssueSink();
  const say = (
    severity: Issue['severity'],
    key: IssueKey,
    line: number | null,
    column: string | null,
    params: IssueParams,
  ): void => sink.say(severity, key, fileName, line, column, params);
  const figures: ReferenceFigure[] = [];
  const lines = new Map<string, number>();
  const skippedMeasures = new Map<string, Skipped>();
  const skippedAreas = new Map<string, Skipped>();
  let row: ((record: CsvRecord) => void) | null = null;
  let records = 0;

  const skip = (
    map: Map<string, Skipped>,
    what: string,
    key: IssueKey,
    line: number,
    column: string,
    params: IssueParams,
  ): void => {
    const seen = map.get(what);
    if (seen) seen.count++;
    else map.set(what, { key, count: 1, first: line, column, params });
  };

  /** A figure read from a row: checked for a repeated key, then kept. */
  const keep = (figure: ReferenceFigure, line: number): void => {
    const key = `${figure.measure}|${figure.modality}|${figure.sector ?? ''}|${figure.area}|${figure.year}`;
    const first = lines.get(key);
    if (first !== undefined) {
      say('error', 'reference-duplicate', line, null, {
        measure: figure.sector === null ? figure.measure : `${figure.measure} (${figure.sector})`,
        modality: figure.modality,
        area: figure.area,
        year: String(figure.year),
        first: String(first),
      });
      return;
    }
    lines.set(key, line);
    figures.push(figure);
  };

  const tokenizer = new CsvTokenizer(fileName, {
    header: (columns, separator, line) => {
      row = headerOf(columns, separator, line);
      return row !== null;
    },
    record: (record) => {
      records++;
      row?.(record);
    },
    issue: (issue) => sink.add(issue),
  });

  /** The row reader of the header's form, or null (with errors) when the file cannot be read. */
  function headerOf(
    columns: string[],
    separator: CsvSeparator,
    line: number,
  ): ((record: CsvRecord) => void) | null {
    const shownHeader = columns
      .map((c) => (isHeaderShaped(c) ? c : `(${describeText(c)})`))
      .join(', ');
    const sdmx = new Map<string, SdmxColumn>();
    let duplicate = false;
    columns.forEach((raw, i) => {
      const combined = COMBINED.exec(raw);
      const id = combined ? (combined[1] as string) : SDMX_ID.test(raw) ? raw : null;
      if (id === null) return;
      if (sdmx.has(id)) {
        duplicate = true;
        say('error', 'duplicate-column', line, id, { file: fileName, column: id });
        return;
      }
      const next = columns[i + 1];
      const label =
        !combined && next !== undefined && !SDMX_ID.test(next) && !COMBINED.test(next) ? i + 1 : -1;
      sdmx.set(id, { index: i, label, combined: combined !== null });
    });
    if (['REF_AREA', 'TIME_PERIOD', 'OBS_VALUE', 'STRUCTURE'].some((id) => sdmx.has(id))) {
      const missing = SDMX_REQUIRED.filter((id) => !sdmx.has(id));
      for (const column of missing)
        say('error', 'missing-column', line, column, {
          file: fileName,
          column,
          header: shownHeader,
        });
      return missing.length > 0 || duplicate ? null : sdmxRows(sdmx, separator);
    }
    const simple = new Map<string, number>();
    let simpleDuplicate = false;
    columns.forEach((raw, i) => {
      const name = raw.trim().toLowerCase();
      if (
        !(SIMPLE_REQUIRED as readonly string[]).includes(name) &&
        !(SIMPLE_OPTIONAL as readonly string[]).includes(name)
      )
        return;
      if (simple.has(name)) {
        simpleDuplicate = true;
        say('error', 'duplicate-column', line, name, { file: fileName, column: name });
      } else simple.set(name, i);
    });
    if (simple.size === 0) {
      say('error', 'reference-format', line, null, { file: fileName, header: shownHeader });
      return null;
    }
    const missing = SIMPLE_REQUIRED.filter((name) => !simple.has(name));
    for (const column of missing)
      say('error', 'missing-column', line, column, { file: fileName, column, header: shownHeader });
    return missing.length > 0 || simpleDuplicate ? null : simpleRows(simple, separator);
  }

  function sdmxRows(
    columns: Map<string, SdmxColumn>,
    separator: CsvSeparator,
  ): (record: CsvRecord) => void {
    const coded = (record: CsvRecord, id: string): Coded => {
      const at = columns.get(id);
      if (at === undefined) return { code: '', label: '' };
      const cell = record.cell(at.index);
      if (at.combined) {
        const colon = cell.indexOf(': ');
        return colon < 0
          ? { code: cell.trim(), label: '' }
          : { code: cell.slice(0, colon).trim(), label: cell.slice(colon + 2).trim() };
      }
      return { code: cell, label: at.label < 0 ? '' : record.cell(at.label) };
    };
    const technologyId = columns.has('MEDICAL_TECH') ? 'MEDICAL_TECH' : 'MEDICAL_PROCEDURE';
    const describing = ['MEASURE', 'UNIT_MEASURE', technologyId, 'HEALTH_CARE_PROVIDER'].filter(
      (id) => columns.has(id),
    );
    return (record) => {
      const line = record.line;
      const parts = {
        measure: coded(record, 'MEASURE'),
        unit: coded(record, 'UNIT_MEASURE'),
        technology: coded(record, technologyId),
        provider: coded(record, 'HEALTH_CARE_PROVIDER'),
      };
      const read = readSdmxMeasure(parts);
      if (read === null) {
        const codes = describing
          .map((id) => `${id} ${shownCode(coded(record, id).code)}`)
          .join(', ');
        skip(skippedMeasures, codes, 'reference-measure', line, 'MEASURE', { measure: codes });
        return;
      }
      const areaCell = coded(record, 'REF_AREA');
      const area = readArea(areaCell);
      if (area === null) {
        skip(skippedAreas, areaCell.code, 'reference-area', line, 'REF_AREA', {
          area: quoteCode(areaCell.code),
        });
        return;
      }
      const year = readYear(
        record.cell(columns.get('TIME_PERIOD')?.index ?? -1),
        line,
        'TIME_PERIOD',
      );
      const multiplier = readMultiplier(coded(record, 'UNIT_MULT').code, line);
      const value = readValue(
        record.cell(columns.get('OBS_VALUE')?.index ?? -1),
        separator,
        multiplier,
        line,
        'OBS_VALUE',
      );
      if (year === null || value === null || multiplier === null) return;
      const status = coded(record, 'OBS_STATUS');
      const structure = coded(record, 'STRUCTURE_NAME').code || coded(record, 'STRUCTURE_ID').code;
      keep(
        {
          ...read,
          area,
          year,
          value,
          source:
            structure === ''
              ? `${EXPORT_SOURCE} ${fileName}`
              : `${EXPORT_SOURCE} ${fileName}: ${structure}`,
          note:
            status.code === '' || status.code === 'A'
              ? null
              : status.label || `OBS_STATUS ${status.code}`,
          origin: 'loaded',
        },
        line,
      );
    };
  }

  function simpleRows(
    columns: Map<string, number>,
    separator: CsvSeparator,
  ): (record: CsvRecord) => void {
    const at = (name: string): number => columns.get(name) ?? -1;
    return (record) => {
      const line = record.line;
      const name = record.cell(at('measure'));
      const read: ReadMeasure | null = readSimpleMeasure(name);
      if (read === null) {
        const key = name.trim().toLowerCase();
        skip(skippedMeasures, key, 'reference-measure.simple', line, 'measure', {
          measure: quoteCode(key, 40),
        });
        return;
      }
      const country = record.cell(at('country'));
      const area = readArea({ code: country, label: '' });
      if (area === null) {
        skip(skippedAreas, country, 'reference-area', line, 'country', {
          area: quoteCode(country),
        });
        return;
      }
      const year = readYear(record.cell(at('year')), line, 'year');
      const value = readValue(record.cell(at('value')), separator, 0, line, 'value');
      if (year === null || value === null) return;
      const source = record.cell(at('source')).trim();
      const note = record.cell(at('note')).trim();
      keep(
        {
          ...read,
          area,
          year,
          value,
          source: source === '' ? `${EXPORT_SOURCE} ${fileName}` : source,
          note: note === '' ? null : note,
          origin: 'loaded',
        },
        line,
      );
    };
  }

  /** A year of four digits (1900–2200), else an error and null. */
  function readYear(text: string, line: number, column: string): number | null {
    const year = /^\d{4}$/.test(text) ? Number(text) : NaN;
    if (year >= 1900 && year <= 2200) return year;
    say('error', 'reference-year', line, column, { column, text: shownCellText(text) });
    return null;
  }

  /** UNIT_MULT (a power of ten; 0 when blank or absent), else an error and null. */
  function readMultiplier(text: string, line: number): number | null {
    if (text === '') return 0;
    const n = /^[+-]?\d{1,2}$/.test(text) ? Number(text) : NaN;
    if (Math.abs(n) <= 12) return n;
    say('error', 'reference-unit-mult', line, 'UNIT_MULT', { text: shownCellText(text) });
    return null;
  }

  /**
   * A figure (a decimal point; a decimal comma too in a `;`-separated file) times 10^multiplier.
   * Blank: a warning and null (an observation the export lacks); anything else: an error.
   */
  function readValue(
    text: string,
    separator: CsvSeparator,
    multiplier: number | null,
    line: number,
    column: string,
  ): number | null {
    if (text === '') {
      say('warning', 'reference-value.blank', line, column, { column });
      return null;
    }
    const plain = separator === ';' && /^[+-]?\d+,\d+$/.test(text) ? text.replace(',', '.') : text;
    const match = /^([+-]?(?:\d+(?:\.\d*)?|\.\d+))(?:[eE]([+-]?\d+))?$/.exec(plain);
    if (match === null) {
      say('error', 'reference-value', line, column, { column, text: shownCellText(text) });
      return null;
    }
    const value = Number(`${match[1]}e${Number(match[2] ?? 0) + (multiplier ?? 0)}`);
    if (!Number.isFinite(value)) {
      say('error', 'reference-value', line, column, { column, text: shownCellText(text) });
      return null;
    }
    if (value < 0) {
      say('error', 'reference-value.negative', line, column, { column, text: shownCellText(text) });
      return null;
    }
    return value;
  }

  tokenizer.push(text);
  tokenizer.end();
  if (row !== null && records === 0) say('error', 'reference-empty', 1, null, { file: fileName });
  const counted = [...skippedMeasures.values(), ...skippedAreas.values()].sort(
    (a, b) => a.first - b.first,
  );
  for (const s of counted)
    say('warning', s.key, s.first, s.column, {
      ...s.params,
      count: s.count,
      first: String(s.first),
    });
  const issues = sink.finish();
  return { figures: sink.errorCount === 0 ? figures : [], issues };
}

/** An SDMX code (`_T`, `10P6HB`, `EU27_2020`): letters, digits, `_`, `-` and `.`. */
const SDMX_CODE = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,39}$/;

/** A code as a message may show it: as is when it has the shape of an SDMX code, else described. */
function shownCode(code: string): string {
  if (code === '') return '(empty)';
  return SDMX_CODE.test(code) ? code : `(${describeText(code)})`;
}

/**
 * Reads the figures of a CSV file's bytes: UTF-8 (a byte-order mark is skipped); a file saved as
 * UTF-16 or UTF-32 is refused, and bytes that are not UTF-8 are an error at their line.
 */
export function readOecdCsvBytes(bytes: Uint8Array, fileName: string): OecdCsvResult {
  const wide = wideEncodingOf(bytes);
  if (wide !== null) {
    return {
      figures: [],
      issues: [
        makeIssue('error', 'encoding.unicode', fileName, null, null, {
          file: fileName,
          encoding: wide,
        }),
      ],
    };
  }
  try {
    return readOecdCsv(new TextDecoder('utf-8', { fatal: true }).decode(bytes), fileName);
  } catch (error) {
    if (!(error instanceof TypeError)) throw error;
    const text = new TextDecoder('utf-8').decode(bytes);
    const bad = text.indexOf('\ufffd');
    let line = 1;
    for (let i = text.indexOf('\n'); i >= 0 && i < bad; i = text.indexOf('\n', i + 1)) line++;
    const read = readOecdCsv(text, fileName);
    const encoding = makeIssue('error', 'encoding', fileName, line, null, {
      file: fileName,
      line: String(line),
    });
    return { figures: [], issues: [encoding, ...read.issues] };
  }
}
