// The reader of published figures: two OECD Data Explorer exports written by hand from the
// documented SDMX-CSV format (figures and issues read by hand in expected.json), the simple form
// country, measure, year, value, the `CODE: label` form, exams recognised from their labels, the
// file-level refusals, and bytes that are not UTF-8. A file with an error gives no figure.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Issue } from '../../../src/core/issues.ts';
import { issueWords } from '../../../src/i18n/issues/index.ts';
import {
  readArea,
  readSdmxMeasure,
  readSimpleMeasure,
} from '../../../src/ingest/references/oecd-codes.ts';
import { readOecdCsv, readOecdCsvBytes } from '../../../src/ingest/references/oecd-csv.ts';
import type { ReferenceFigure } from '../../../src/plan/territories/types.ts';

const FIXTURES = join(import.meta.dirname, '../../fixtures/references');

interface Expected {
  figures: ReferenceFigure[];
  issues: [string, string, number | null, string | null][];
}

function fixture(name: string): { text: string; expected: Expected } {
  return {
    text: readFileSync(join(FIXTURES, name, 'input.csv'), 'utf8'),
    expected: JSON.parse(readFileSync(join(FIXTURES, name, 'expected.json'), 'utf8')) as Expected,
  };
}

const placed = (issues: readonly Issue[]): [string, string, number | null, string | null][] =>
  issues.map((i) => [i.severity, i.code, i.line, i.column]);

const byKey = (issues: readonly Issue[], key: string): Issue => {
  const found = issues.find((i) => i.text?.key === key);
  if (!found) throw new Error(`no issue ${key} in ${issues.map((i) => i.text?.key).join(', ')}`);
  return found;
};

describe('an OECD Data Explorer export with labels (fixture oecd-med-tech)', () => {
  const { text, expected } = fixture('oecd-med-tech');
  const result = readOecdCsv(text, 'input.csv');

  it('gives the figures read by hand: densities by sector, a number with its multiplier, the OECD average', () => {
    expect(result.figures).toEqual(expected.figures);
  });

  it('skips an unknown technology and an aggregate area with one warning each, counted', () => {
    expect(placed(result.issues)).toEqual(expected.issues);
    const measure = byKey(result.issues, 'reference-measure');
    expect(measure.message).toBe(
      '2 rows of the measure MEASURE MTU, UNIT_MEASURE 10P6HB, MEDICAL_TECH PET, HEALTH_CARE_PROVIDER _T skipped: plateau does not know what it measures (first on line 7)',
    );
    expect(issueWords(measure, 'fr').message).toBe(
      '2 lignes de la mesure MEASURE MTU, UNIT_MEASURE 10P6HB, MEDICAL_TECH PET, HEALTH_CARE_PROVIDER _T ignorées\u202f: plateau ne sait pas ce qu’elle mesure (première ligne 7)',
    );
    expect(byKey(result.issues, 'reference-area').message).toContain(
      '1 row of the area "EU27_2020" skipped',
    );
    expect(byKey(result.issues, 'reference-value.blank').message).toBe(
      'OBS_VALUE is blank: the row was skipped',
    );
  });
});

describe('an OECD export of codes with errors (fixture oecd-codes-errors)', () => {
  const { text, expected } = fixture('oecd-codes-errors');
  const result = readOecdCsv(text, 'input.csv');

  it('locates every error and returns no figure', () => {
    expect(result.figures).toEqual([]);
    expect(placed(result.issues)).toEqual(expected.issues);
  });

  it('says what is wrong without repeating text that is not a code or a number', () => {
    const messages = result.issues.map((i) => i.message);
    expect(messages).toContain('TIME_PERIOD 2019-Q1 is not a year');
    expect(messages).toContain('OBS_VALUE n/a is not a number');
    expect(messages).toContain('OBS_VALUE -1 is negative');
    expect(messages).toContain('unitsPerMillion of CT for FRA in 2019 is already on line 2');
    expect(messages).toContain('OBS_VALUE (11 characters: letters, spaces) is not a number');
    expect(messages.join('\n')).not.toContain('Dupont');
  });

  it('reads the same rows without their errors', () => {
    const clean = text
      .split('\n')
      .filter((_, i) => ![2, 3, 4, 5, 6, 7].includes(i))
      .join('\n');
    const read = readOecdCsv(clean, 'input.csv');
    expect(read.issues).toEqual([]);
    expect(read.figures.map((f) => [f.modality, f.area, f.year, f.value, f.source])).toEqual([
      [
        'CT',
        'FRA',
        2019,
        17.8,
        'OECD Data Explorer export input.csv: OECD.ELS.HD:DSD_HEALTH_REAC_HOSP@DF_MED_TECH(1.0)',
      ],
      [
        'MR',
        'ESP',
        2019,
        18.1,
        'OECD Data Explorer export input.csv: OECD.ELS.HD:DSD_HEALTH_REAC_HOSP@DF_MED_TECH(1.0)',
      ],
    ]);
  });
});

describe('the simple form: country, measure, year, value', () => {
  it('reads measures by name, the OECD average, an optional source and note', () => {
    const text = [
      'country,measure,year,value,source,note',
      'FRA,ct_units_per_million,2021,18.9,,',
      'fra,MRI_units_per_million_hospital,2021,8.9,OECD Health Statistics 2023,',
      'OECD average,ct_units_per_million,2021,29.8,,estimate',
      'FRA,mri_mean_wait_days,2023,33.5,Imagerie Santé Avenir 2023,',
      'FRA,ct_exams_per_1000,2021,207.6,,5th',
    ].join('\n');
    const read = readOecdCsv(text, 'figures.csv');
    expect(read.issues).toEqual([]);
    expect(read.figures).toEqual([
      {
        measure: 'unitsPerMillion',
        modality: 'CT',
        sector: null,
        area: 'FRA',
        year: 2021,
        value: 18.9,
        source: 'OECD Data Explorer export figures.csv',
        note: null,
        origin: 'loaded',
      },
      {
        measure: 'unitsPerMillion',
        modality: 'MR',
        sector: 'hospital',
        area: 'FRA',
        year: 2021,
        value: 8.9,
        source: 'OECD Health Statistics 2023',
        note: null,
        origin: 'loaded',
      },
      {
        measure: 'unitsPerMillion',
        modality: 'CT',
        sector: null,
        area: 'OECD',
        year: 2021,
        value: 29.8,
        source: 'OECD Data Explorer export figures.csv',
        note: 'estimate',
        origin: 'loaded',
      },
      {
        measure: 'meanWaitDays',
        modality: 'MR',
        sector: null,
        area: 'FRA',
        year: 2023,
        value: 33.5,
        source: 'Imagerie Santé Avenir 2023',
        note: null,
        origin: 'loaded',
      },
      {
        measure: 'examsPer1000',
        modality: 'CT',
        sector: null,
        area: 'FRA',
        year: 2021,
        value: 207.6,
        source: 'OECD Data Explorer export figures.csv',
        note: '5th',
        origin: 'loaded',
      },
    ]);
  });

  it('reads a semicolon file with decimal commas, and counts unknown measures and areas once each', () => {
    const text = [
      'country;measure;year;value',
      'FRA;ct_units_per_million;2021;18,9',
      'FRA;pet_units_per_million;2021;2,3',
      'DEU;pet_units_per_million;2021;1,4',
      'Île-de-France;ct_units_per_million;2021;20',
    ].join('\n');
    const read = readOecdCsv(text, 'f.csv');
    expect(read.figures.map((f) => f.value)).toEqual([18.9]);
    expect(placed(read.issues)).toEqual([
      ['warning', 'reference-measure', 3, 'measure'],
      ['warning', 'reference-area', 5, 'country'],
    ]);
    expect(read.issues[0]?.text?.key).toBe('reference-measure.simple');
    expect(read.issues[0]?.message).toContain(
      '2 rows of the measure "pet_units_per_million" skipped',
    );
    // A region's name is described, not quoted.
    expect(read.issues[1]?.message).toContain(
      '1 row of the area a value of 13 characters: letters, punctuation skipped',
    );
  });
});

describe('other forms of the export', () => {
  it('reads `CODE: label` cells (labels=both)', () => {
    const text = [
      'STRUCTURE,STRUCTURE_ID,ACTION,REF_AREA: Reference area,MEASURE: Measure,UNIT_MEASURE: Unit of measure,MEDICAL_TECH: Medical technology,TIME_PERIOD: Time period,OBS_VALUE',
      'dataflow,OECD.ELS.HD:DSD_HEALTH_REAC_HOSP@DF_MED_TECH(1.0),I,FRA: France,MTU: Medical technology units,10P6HB: Per million inhabitants,MRI: Magnetic resonance imaging units,2021,16.64',
    ].join('\n');
    const read = readOecdCsv(text, 'both.csv');
    expect(read.issues).toEqual([]);
    expect(
      read.figures.map((f) => [f.measure, f.modality, f.sector, f.area, f.year, f.value]),
    ).toEqual([['unitsPerMillion', 'MR', null, 'FRA', 2021, 16.64]]);
  });

  it('recognises exams per 1,000 and numbers of exams from their labels, and nothing it cannot name', () => {
    const header =
      'STRUCTURE,STRUCTURE_ID,STRUCTURE_NAME,ACTION,REF_AREA,Reference area,MEASURE,Measure,UNIT_MEASURE,Unit of measure,TIME_PERIOD,Time period,OBS_VALUE,Observation value';
    const text = [
      header,
      'DATAFLOW,X:Y(1.0),Diagnostic exams,I,FRA,France,EX_CT,Computed tomography exams,10P3HB,Per 1 000 inhabitants,2021,,207.6,',
      'DATAFLOW,X:Y(1.0),Diagnostic exams,I,FRA,France,EX_MR,"Magnetic resonance imaging exams, total",NB,Number,2021,,7421000,',
      'DATAFLOW,X:Y(1.0),Diagnostic exams,I,FRA,France,EX_PET,Positron emission tomography (PET) exams,10P3HB,Per 1 000 inhabitants,2021,,7.1,',
      'DATAFLOW,X:Y(1.0),Diagnostic exams,I,FRA,France,EX_CT,Computed tomography exams,PT_POP,Percentage of population,2021,,1.2,',
    ].join('\n');
    const read = readOecdCsv(text, 'exams.csv');
    expect(read.figures.map((f) => [f.measure, f.modality, f.value, f.source])).toEqual([
      ['examsPer1000', 'CT', 207.6, 'OECD Data Explorer export exams.csv: Diagnostic exams'],
      ['exams', 'MR', 7421000, 'OECD Data Explorer export exams.csv: Diagnostic exams'],
    ]);
    expect(placed(read.issues)).toEqual([
      ['warning', 'reference-measure', 4, 'MEASURE'],
      ['warning', 'reference-measure', 5, 'MEASURE'],
    ]);
  });
});

describe('files that cannot be read', () => {
  it('refuses an empty file, a header without rows, and a header of neither form', () => {
    expect(placed(readOecdCsv('', 'e.csv').issues)).toEqual([['error', 'empty-file', 1, null]]);
    const headerOnly = readOecdCsv('country,measure,year,value\n', 'h.csv');
    expect(placed(headerOnly.issues)).toEqual([['error', 'reference-empty', 1, null]]);
    const other = readOecdCsv('exam_id,Martin Paul 3 rue\nE1,x\n', 'o.csv');
    expect(placed(other.issues)).toEqual([['error', 'reference-format', 1, null]]);
    expect(other.issues[0]?.message).toContain('(its header is: exam_id, Martin Paul 3 rue)');
    expect(other.figures).toEqual([]);
  });

  it('names the columns a form lacks, and refuses a column given twice', () => {
    const sdmx = readOecdCsv('REF_AREA,MEASURE,TIME_PERIOD\nFRA,MTU,2021\n', 's.csv');
    expect(placed(sdmx.issues)).toEqual([['error', 'missing-column', 1, 'OBS_VALUE']]);
    const simple = readOecdCsv('country,measure,year\nFRA,ct_units_per_million,2021\n', 's.csv');
    expect(placed(simple.issues)).toEqual([['error', 'missing-column', 1, 'value']]);
    const twice = readOecdCsv(
      'country,measure,year,value,Value\nFRA,ct_units_per_million,2021,1,2\n',
      't.csv',
    );
    expect(placed(twice.issues)).toEqual([['error', 'duplicate-column', 1, 'value']]);
  });

  it('refuses a file saved as UTF-16, and locates bytes that are not UTF-8', () => {
    const text = 'country,measure,year,value\nFRA,ct_units_per_million,2021,18.9\n';
    const wide = new Uint8Array(2 + text.length * 2);
    wide.set([0xff, 0xfe]);
    for (let i = 0; i < text.length; i++) wide[2 + i * 2] = text.charCodeAt(i);
    const utf16 = readOecdCsvBytes(wide, 'w.csv');
    expect(placed(utf16.issues)).toEqual([['error', 'encoding', null, null]]);
    expect(utf16.issues[0]?.text?.key).toBe('encoding.unicode');
    const latin1 = new TextEncoder().encode(`${text}FRA,mri_units_per_million,2021,16.6,\n`);
    latin1[latin1.length - 2] = 0xe9;
    const bad = readOecdCsvBytes(latin1, 'l.csv');
    expect(bad.figures).toEqual([]);
    expect(placed(bad.issues)[0]).toEqual(['error', 'encoding', 3, null]);
    const bom = readOecdCsvBytes(
      new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(text)]),
      'b.csv',
    );
    expect(bom.issues).toEqual([]);
    expect(bom.figures.map((f) => f.value)).toEqual([18.9]);
  });
});

describe('what a row measures', () => {
  const parts = (
    over: Partial<Record<'measure' | 'unit' | 'technology' | 'provider', [string, string]>>,
  ) => {
    const coded = (p: [string, string] | undefined, code: string) => ({
      code: p?.[0] ?? code,
      label: p?.[1] ?? '',
    });
    return {
      measure: coded(over.measure, 'MTU'),
      unit: coded(over.unit, '10P6HB'),
      technology: coded(over.technology, 'CT'),
      provider: coded(over.provider, '_T'),
    };
  };

  it('reads the providers as sectors, by code or by label', () => {
    expect(readSdmxMeasure(parts({}))).toEqual({
      measure: 'unitsPerMillion',
      modality: 'CT',
      sector: null,
    });
    expect(readSdmxMeasure(parts({ provider: ['HP3', ''] }))?.sector).toBe('private_practice');
    expect(readSdmxMeasure(parts({ provider: ['X1', 'Hospitals'] }))?.sector).toBe('hospital');
    expect(
      readSdmxMeasure(parts({ provider: ['HP4', 'Providers of ancillary services'] })),
    ).toBeNull();
  });

  it('never guesses: another technology, a conflict, an unknown unit or measure is no figure', () => {
    expect(readSdmxMeasure(parts({ technology: ['PETCT', 'PET-CT scanners'] }))).toBeNull();
    expect(
      readSdmxMeasure(
        parts({ technology: ['SPECT', 'Single-photon emission computed tomography'] }),
      ),
    ).toBeNull();
    expect(
      readSdmxMeasure(parts({ measure: ['MTU', 'Magnetic resonance imaging units'] })),
    ).toBeNull();
    expect(readSdmxMeasure(parts({ unit: ['PT_POP', 'Percentage of population'] }))).toBeNull();
    expect(readSdmxMeasure(parts({ measure: ['ZZZ', ''] }))).toBeNull();
    expect(readSdmxMeasure(parts({ unit: ['10P3HB', ''] }))).toBeNull();
  });

  it('reads areas: ISO alpha-3 codes and the OECD average, nothing else', () => {
    expect(readArea({ code: 'OAVG', label: '' })).toBe('OECD');
    expect(readArea({ code: 'OECD', label: 'OECD' })).toBe('OECD');
    expect(readArea({ code: 'XYZ1', label: 'OECD average' })).toBe('OECD');
    expect(readArea({ code: 'deu', label: '' })).toBe('DEU');
    expect(readArea({ code: 'OECDE', label: 'OECD Europe' })).toBeNull();
    expect(readArea({ code: 'FR', label: 'France' })).toBeNull();
  });

  it('reads the simple names, and no other', () => {
    expect(readSimpleMeasure(' MR_installed_units ')).toEqual({
      measure: 'installedUnits',
      modality: 'MR',
      sector: null,
    });
    expect(readSimpleMeasure('ct_cost_euros_private_practice')).toEqual({
      measure: 'costEuros',
      modality: 'CT',
      sector: 'private_practice',
    });
    expect(readSimpleMeasure('ct_units_per_million_ambulatory')).toBeNull();
    expect(readSimpleMeasure('ct_units')).toBeNull();
  });
});
