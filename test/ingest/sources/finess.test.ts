// The FINESS extraction reader: a sample written by hand from the published layout (the
// establishments extraction's 32-field structureet lines, then the equipment extraction's short
// structureet and 11-field equipmateriellourd lines), every row checked by hand; bad lines located
// and nothing returned; encodings, separators, the two extractions apart; and the throughput.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Issue } from '../../../src/core/issues.ts';
import type { RegisterMachine } from '../../../src/core/kit-types.ts';
import { issueLabel } from '../../../src/i18n/labels.ts';
import { issueWords } from '../../../src/i18n/issues/index.ts';
import { sectorOfCategory } from '../../../src/ingest/sources/finess/categories.ts';
import {
  isFinessExtraction,
  readFinessExtraction,
  readFinessExtractions,
  splitFields,
} from '../../../src/ingest/sources/finess/read-finess.ts';

const FILE = 'sample.csv';
const SAMPLE = readFileSync(join(import.meta.dirname, '../../fixtures/finess/sample.csv'), 'utf8');
const LINES = SAMPLE.replace(/\n$/, '').split('\n');

/** Every issue the tests saw, to check their words in both languages at the end. */
const seen: Issue[] = [];

function read(text: string | Uint8Array, name = FILE): ReturnType<typeof readFinessExtraction> {
  const result = readFinessExtraction(text, name);
  seen.push(...result.issues);
  return result;
}

/** The sample with line `n` (1-based) replaced by `f(line)`. */
function withLine(n: number, f: (line: string) => string): string {
  return LINES.map((line, i) => (i === n - 1 ? f(line) : line)).join('\n');
}

/** Line `n` of the sample with field `i` (0-based) set to `value`. */
function withField(n: number, i: number, value: string): string {
  return withLine(n, (line) => {
    const fields = line.split(';');
    fields[i] = value;
    return fields.join(';');
  });
}

/** A row of the expected table: finess, département, modality, sector, noautor, dates, year. */
function row(
  finess: string,
  department: string,
  modality: 'CT' | 'MR',
  sector: 'hospital' | 'private_practice',
  authorisationId: string,
  authorisedOn: string,
  inServiceOn: string | null,
  installedYear: number | null,
): RegisterMachine {
  return {
    finess,
    department,
    modality,
    sector,
    authorisationId,
    authorisedOn,
    inServiceOn,
    installedYear,
    fieldTesla: null,
    equipmentId: null,
    origin: 'finess',
  };
}

// Checked by hand against sample.csv: one row per 05602/06201 line, in file order; the two
// 05701 lines and the 05705 line skipped; line 46 (9E, Saint-Pierre-et-Miquelon) left out.
const EXPECTED: RegisterMachine[] = [
  row('590000011', '59', 'CT', 'hospital', '590001001', '2004-11-02', '2005-03-15', 2005), // l.30, CH 355
  row('590000011', '59', 'MR', 'hospital', '590001002', '2008-06-10', '2009-01-20', 2009), // l.31
  row('590000029', '59', 'CT', 'hospital', '590002001', '2010-02-01', null, null), // l.33, clinic 365, datemeo blank
  row('590000037', '59', 'CT', 'private_practice', '590003001', '2006-05-12', '2006-11-30', 2006), // l.34, 699
  row('590000037', '59', 'MR', 'private_practice', '590003002', '2012-09-03', '2013-04-02', 2013), // l.35
  row('750000016', '75', 'CT', 'hospital', '750001001', '2003-07-01', '2003-12-15', 2003), // l.36, CHR 101
  row('750000016', '75', 'MR', 'hospital', '750001002', '2005-01-20', '2005-09-01', 2005), // l.37
  row('750000024', '75', 'MR', 'private_practice', '750002001', '2011-03-14', '2011-10-03', 2011), // l.39, 698
  row('2A0000018', '2A', 'CT', 'hospital', '2A0001001', '2007-04-23', '2008-02-11', 2008), // l.40, Corsica
  row('970100014', '971', 'CT', 'hospital', '970101001', '2009-12-07', '2010-06-21', 2010), // l.41, 9A
  row('970400012', '974', 'MR', 'hospital', '970401001', '2014-05-05', '2015-01-12', 2015), // l.42, 9D, 128
  row('690000013', '69', 'CT', 'private_practice', '690001001', '2013-10-10', '2014-03-03', 2014), // l.43, 124
  row('690000021', '69', 'MR', 'hospital', '690002001', '2016-02-29', '2016-11-14', 2016), // l.44, 106
  row('130000012', '13', 'CT', 'hospital', '130001001', '2018-01-15', '2018-06-01', 2018), // l.45, 500: fallback
];

/** The issues of a good read of the sample, as (severity, key, params). */
function summary(issues: readonly Issue[]): unknown[] {
  return issues.map((i) => [i.severity, i.text?.key, i.file, i.line, i.column, i.text?.params]);
}

const SAMPLE_ISSUES = [
  ['warning', 'finess-outside-departments', FILE, null, null, { count: 1, code: '9E' }],
  ['warning', 'finess-unknown-category', FILE, null, null, { count: 1, category: '"500"' }],
  ['info', 'finess-other-equipment', FILE, null, null, { count: 3, codes: '05701 ×2, 05705 ×1' }],
  ['info', 'finess-other-sections', FILE, null, null, { count: 2, sections: 'geolocalisation ×2' }],
];

describe('readFinessExtraction on the hand-written sample', () => {
  it('gives one row per CT or MRI authorisation, each checked by hand', () => {
    const { rows, issues } = read(SAMPLE);
    expect(rows).toEqual(EXPECTED);
    expect(summary(issues)).toEqual(SAMPLE_ISSUES);
  });

  it('says in words what it decided: the fallback sector, the left-out overseas machine', () => {
    const { issues } = read(SAMPLE);
    expect(issues[0]?.message).toBe(
      '1 CT or MRI authorisation of establishments in 9E (outside the 101 départements) left out of the register',
    );
    expect(issues[1]?.message).toBe(
      '1 CT or MRI authorisation of establishments of category "500", which plateau does not place in a sector, counted as hospital machines',
    );
    expect(issueWords(issues[1]!, 'fr').message).toBe(
      '1 autorisation de scanner ou d’IRM d’établissements de catégorie "500", que plateau ne range dans aucun secteur, comptée comme machines hospitalières',
    );
  });

  it('reads Latin-1 and UTF-8 bytes, CRLF line ends and a byte-order mark alike', () => {
    const crlf = SAMPLE.replace(/\n/g, '\r\n');
    expect(read(new Uint8Array(Buffer.from(crlf, 'latin1'))).rows).toEqual(EXPECTED);
    expect(read(new TextEncoder().encode(`\ufeff${SAMPLE}`)).rows).toEqual(EXPECTED);
  });

  it('reads tab-separated lines (the layout the data.gouv.fr notice describes)', () => {
    const tabbed = LINES.map((line) => splitFields(line, ';').join('\t')).join('\n');
    const { rows, issues } = read(tabbed);
    expect(rows).toEqual(EXPECTED);
    expect(issues.filter((i) => i.severity !== 'info')).toHaveLength(2);
  });

  it('reads the two extractions given apart, in either order', () => {
    const establishments = `${LINES.slice(0, 16).join('\n')}\n`;
    const equipment = `${LINES.slice(16).join('\n')}\n`;
    for (const inputs of [
      [
        { input: establishments, fileName: 'etalab-cs1100507.csv' },
        { input: equipment, fileName: 'etalab_cs1100504.csv' },
      ],
      [
        { input: equipment, fileName: 'etalab_cs1100504.csv' },
        { input: establishments, fileName: 'etalab-cs1100507.csv' },
      ],
    ]) {
      const { rows, issues } = readFinessExtractions(inputs);
      seen.push(...issues);
      expect(rows).toEqual(EXPECTED);
      expect(issues.every((i) => i.severity !== 'error')).toBe(true);
    }
  });

  it('refuses the equipment extraction alone: its establishments have no département or category', () => {
    const equipment = `${LINES.slice(16).join('\n')}\n`;
    const { rows, issues } = read(equipment, 'etalab_cs1100504.csv');
    expect(rows).toEqual([]);
    const errors = issues.filter((i) => i.severity === 'error');
    expect(summary(errors)).toEqual([
      ['error', 'finess-no-establishments', 'etalab_cs1100504.csv', null, null, { count: 15 }],
    ]);
    expect(errors[0]?.hint).toContain('etalab-cs1100507');
  });

  it('warns when the input has no CT or MRI at all (the establishments extraction alone)', () => {
    const { rows, issues } = read(`${LINES.slice(0, 16).join('\n')}\n`, 'etab.csv');
    expect(rows).toEqual([]);
    expect(issues.map((i) => [i.severity, i.code])).toEqual([
      ['info', 'finess-other-sections'],
      ['warning', 'finess-no-machines'],
    ]);
  });

  it('reads an authorisation given twice once, and says so', () => {
    const { rows, issues } = read(`${SAMPLE}${LINES[29]}\n`);
    expect(rows).toEqual(EXPECTED);
    const repeated = issues.find((i) => i.code === 'finess-repeated-line');
    expect([repeated?.line, repeated?.text?.params]).toEqual([48, { first: '30' }]);
    // The same authorisation number on another line (another date) is not a repeat.
    const other = LINES[29]!.replace('2005-03-15', '2005-03-16');
    expect(read(`${SAMPLE}${other}\n`).rows).toHaveLength(EXPECTED.length + 1);
  });
});

describe('bad lines are located and nothing is returned', () => {
  /** The errors of a read, as file:line:column and key; the rows must be empty. */
  function errorsOf(text: string): string[] {
    const { rows, issues } = read(text);
    expect(rows).toEqual([]);
    return issues
      .filter((i) => i.severity === 'error')
      .map((i) => `${i.file}:${i.line}:${i.column} ${i.text?.key}`);
  }

  it('an equipment line whose establishment has no structureet line', () => {
    expect(errorsOf(withField(43, 9, '690009999'))).toEqual([
      'sample.csv:43:nofinesset finess-unknown-establishment',
    ]);
  });

  it('an equipment line whose establishment has only the short structureet line', () => {
    // Line 3 (the clinic's full line) becomes another section: numbering unchanged.
    expect(errorsOf(withLine(3, () => 'geolocalisation;590000029;1;2;x;2026-05-11'))).toEqual([
      'sample.csv:33:nofinesset finess-no-department',
    ]);
  });

  it('dates that are not calendar dates', () => {
    expect(errorsOf(withField(34, 10, '2006-11-31'))).toEqual([
      'sample.csv:34:datemeo finess-invalid-date',
    ]);
    expect(errorsOf(withField(36, 8, '01/07/2003'))).toEqual([
      'sample.csv:36:dateautor finess-invalid-date',
    ]);
    const { issues } = read(withField(34, 10, '2006-11-31'));
    expect(issues.find((i) => i.severity === 'error')?.message).toBe(
      'datemeo "2006-11-31" is not a date',
    );
  });

  it('an equipment line of the wrong width, and a structureet line of neither width', () => {
    expect(errorsOf(withLine(36, (line) => line.replace(/;2003-12-15$/, '')))).toEqual([
      'sample.csv:36:null finess-line-width',
    ]);
    const { issues } = read(withLine(36, (line) => line.replace(/;2003-12-15$/, '')));
    expect(issues.find((i) => i.severity === 'error')?.message).toBe(
      'equipmateriellourd line has 10 fields, not 11',
    );
    // Line 5 (the CHR) loses a field: its two machines have only the short line left.
    expect(errorsOf(withLine(5, (line) => line.replace(';PARIS;75013', ';75013')))).toEqual([
      'sample.csv:5:null finess-line-width.structureet',
      'sample.csv:36:nofinesset finess-no-department',
      'sample.csv:37:nofinesset finess-no-department',
    ]);
  });

  it('an EML code that lost its leading zero, a FINESS number of 8 characters', () => {
    expect(errorsOf(withField(30, 3, '5602'))).toEqual(['sample.csv:30:eml finess-invalid-eml']);
    expect(errorsOf(withField(31, 9, '59000001'))).toEqual([
      'sample.csv:31:nofinesset finess-invalid-finess',
    ]);
  });

  it('a département code FINESS does not have, said on the establishment’s line', () => {
    expect(errorsOf(withField(11, 13, '20'))).toEqual([
      'sample.csv:11:departement finess-invalid-department',
    ]);
  });

  it('a line that names no section, and a file that is not an extraction', () => {
    expect(errorsOf(withLine(40, () => 'Dupont Jean;12 rue X'))).toEqual([
      'sample.csv:40:null finess-unknown-line',
    ]);
    expect(errorsOf('finess,department,modality,sector\n590000011,59,CT,hospital\n')).toEqual([
      'sample.csv:1:null finess-not-extraction',
    ]);
    const wide = new Uint8Array(Buffer.from(`\ufeff${SAMPLE}`, 'utf16le'));
    expect(errorsOf(wide as unknown as string)).toEqual(['sample.csv:null:null encoding.unicode']);
  });

  it('never quotes what it cannot read', () => {
    const { issues } = read(withField(34, 10, 'Jean Dupont'));
    const error = issues.find((i) => i.severity === 'error')!;
    expect(error.message).toBe('datemeo a value of 11 characters: letters, spaces is not a date');
    expect(JSON.stringify(error)).not.toContain('Dupont');
    const line = read(withLine(40, () => 'Dupont Jean;12 rue X')).issues.find(
      (i) => i.severity === 'error',
    )!;
    expect(JSON.stringify(line)).not.toContain('Dupont');
  });
});

describe('isFinessExtraction', () => {
  it('knows an extraction by its first line, and nothing else', () => {
    expect(isFinessExtraction(SAMPLE.slice(0, 200))).toBe(true);
    expect(isFinessExtraction('\ufefffiness;etalab;12;2026-05-12\r\nstructureet;…')).toBe(true);
    expect(isFinessExtraction('finess\tetalab\t12\t2026-05-12')).toBe(true);
    expect(isFinessExtraction('equipmateriellourd;590780011;CH;05602;…')).toBe(true);
    expect(isFinessExtraction('finess,department,modality,sector\n')).toBe(false);
    expect(isFinessExtraction('finess;department;modality;sector\n')).toBe(false);
    expect(isFinessExtraction('exam_id,equipment_id,category')).toBe(false);
    expect(isFinessExtraction('')).toBe(false);
  });
});

describe('splitFields', () => {
  it('reads quoted values with doubled quotes and separators inside', () => {
    expect(splitFields('a;"GIE ""X""; 2";;b', ';')).toEqual(['a', 'GIE "X"; 2', '', 'b']);
    expect(splitFields('a;b;', ';')).toEqual(['a', 'b', '']);
    expect(splitFields('"a', ';')).toEqual(['a']);
  });
});

describe('the category table', () => {
  it('places hospitals, clinics and practices, and nothing it does not know', () => {
    expect(['101', '106', '128', '355', '365', '697'].map(sectorOfCategory)).toEqual(
      Array(6).fill('hospital'),
    );
    expect(['124', '698', '699'].map(sectorOfCategory)).toEqual(Array(3).fill('private_practice'));
    expect(sectorOfCategory('500')).toBeNull();
    expect(sectorOfCategory('toString')).toBeNull();
  });
});

describe('throughput', () => {
  it('reads a 100,000-line extraction in linear time', () => {
    // 50,000 establishments (full structureet lines) and 50,000 CT/MRI authorisations.
    const lines = ['finess;etalab;111;2026-05-12'];
    const establishment = LINES[1]!.split(';');
    const equipment = LINES[29]!.split(';');
    const n = 50_000;
    for (let i = 0; i < n; i++) {
      const id = `59${String(i).padStart(7, '0')}`;
      establishment[1] = id;
      lines.push(establishment.join(';'));
    }
    for (let i = 0; i < n - 1; i++) {
      equipment[5] = String(100_000_000 + i);
      equipment[9] = `59${String(i).padStart(7, '0')}`;
      lines.push(equipment.join(';'));
    }
    const text = `${lines.join('\n')}\n`;
    const bytes = new TextEncoder().encode(text);
    const start = performance.now();
    const { rows, issues } = readFinessExtraction(bytes, 'big.csv');
    const seconds = (performance.now() - start) / 1000;
    expect(lines).toHaveLength(100_000);
    expect(issues).toEqual([]);
    expect(rows).toHaveLength(n - 1);
    expect(rows[12_345]).toMatchObject({ finess: '590012345', department: '59', modality: 'CT' });
    console.info(
      `FINESS reader: ${lines.length} lines (${(bytes.length / 1e6).toFixed(1)} MB) in ${seconds.toFixed(2)} s, ${Math.round(lines.length / seconds)} lines/s`,
    );
    expect(seconds).toBeLessThan(10);
  });
});

describe('the issues', () => {
  it('have their words and names in both languages', () => {
    expect(seen.length).toBeGreaterThan(20);
    for (const issue of seen) {
      const en = issueWords(issue, 'en');
      const fr = issueWords(issue, 'fr');
      expect(en.message, issue.code).toBe(issue.message);
      expect(fr.translated, issue.code).toBe(true);
      expect(fr.message, issue.code).not.toBe(en.message);
      expect(`${fr.message} ${fr.hint ?? ''}`, issue.code).not.toMatch(/\{\w+\}/);
      expect(issueLabel(issue.code, 'fr'), issue.code).not.toBeNull();
      expect(issueLabel(issue.code, 'en'), issue.code).not.toBeNull();
    }
  });
});
