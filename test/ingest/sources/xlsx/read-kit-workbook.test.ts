// A data kit read from one workbook: raw SpreadsheetML cases (shared and inline strings, dates
// in both systems, gaps, booleans, formulas), issues located in cells, sheet names, refusals.
import { describe, expect, it } from 'vitest';
import type { Issue } from '../../../../src/core/issues.ts';
import { tablesToXlsx } from '../../../../src/export/xlsx.ts';
import { kitFileOfSheet, readKitWorkbook } from '../../../../src/ingest/sources/xlsx/index.ts';
import { DEFAULT_ZIP_LIMITS } from '../../../../src/ingest/sources/xlsx/zip.ts';
import { baseSheets, is, num, rawParts, rawWorkbook, textRow, zipParts } from './raw-workbook.ts';

const EXAM_HEADER = textRow(1, ['exam_id', 'equipment_id', 'room_in', 'room_out', 'category']);
const place = (i: Issue): string => `${i.file}:${i.line ?? ''}:${i.column ?? ''} ${i.code}`;
const errors = (issues: readonly Issue[]): string[] =>
  issues.filter((i) => i.severity === 'error').map(place);

describe('readKitWorkbook on hand-written workbooks', () => {
  it('reads shared strings, inline strings, date cells in the 1900 system, numbers and gaps', () => {
    const exams =
      EXAM_HEADER +
      // shared strings 0 and 1, room_in as a date-time serial (style 1), room_out as text
      `<row r="2"><c r="A2" t="s"><v>0</v></c><c r="B2" t="s"><v>1</v></c>${num('C2', 40238.354166666664, 1)}${is('D2', '2010-03-01 08:50')}${is('E2', 'A')}</row>` +
      // rows 3 and 4 missing (a gap); row 5 has cells without r and a skipped column
      `<row r="5"><c t="inlineStr"><is><r><t>E</t></r><r><t>2</t></r><rPh><t>ignored</t></rPh></is></c>${is('B5', 'CT-1')}${num('C5', 40238.375, 1)}${num('D5', 40238.3888888889, 1)}${is('E5', 'U')}</row>`;
    const { kit, issues } = readKitWorkbook(
      'book.xlsx',
      rawWorkbook({ sheets: baseSheets(exams), sharedStrings: ['E1', 'CT-1'] }),
    );
    expect(errors(issues)).toEqual([]);
    expect(kit?.exams.map((e) => [e.examId, e.category])).toEqual([
      ['E1', 'A'],
      ['E2', 'U'],
    ]);
    const e1 = kit?.exams[0];
    const e2 = kit?.exams[1];
    // 2010-03-01 08:30 in Paris is 07:30 UTC
    expect(new Date(e1?.roomIn as number).toISOString()).toBe('2010-03-01T07:30:00.000Z');
    expect(new Date(e1?.roomOut as number).toISOString()).toBe('2010-03-01T07:50:00.000Z');
    expect(new Date(e2?.roomOut as number).toISOString()).toBe('2010-03-01T08:20:00.000Z');
    expect(kit?.campaign).toEqual({
      id: 'raw',
      name: 'Raw',
      start: '2010-03-01',
      days: 28,
      timeZone: 'Europe/Paris',
    });
  });

  it('reads the 1904 date system, built-in date formats and formulas with cached values', () => {
    const sheets = baseSheets(
      EXAM_HEADER +
        `<row r="2">${is('A2', 'E1')}<c r="B2" t="str"><f>"CT-"&amp;1</f><v>CT-1</v></c>${num('C2', 38776.5, 1)}<c r="D2" s="1"><f>C2+1/48</f><v>38776.520833333336</v></c>${is('E2', 'H')}</row>`,
    );
    // campaign start as a built-in date (style 2 = numFmt 14) in the 1904 system
    sheets[0] = {
      name: 'Campaign.json',
      data: (sheets[0]?.data ?? '').replace(is('B4', '2010-03-01'), num('B4', 38776, 2)),
    };
    const { kit, issues } = readKitWorkbook('b.xlsx', rawWorkbook({ sheets, date1904: true }));
    expect(errors(issues)).toEqual([]);
    expect(kit?.campaign.start).toBe('2010-03-01');
    expect(kit?.exams[0]?.equipmentId).toBe('CT-1');
    expect(new Date(kit?.exams[0]?.roomOut as number).toISOString()).toBe(
      '2010-03-01T11:30:00.000Z',
    );
  });

  it('locates a bad date at its cell: exams!C5', () => {
    const exams =
      EXAM_HEADER +
      textRow(2, ['E1', 'CT-1', '2010-03-01 08:30', '2010-03-01 08:50', 'A']) +
      textRow(5, ['E2', 'CT-1', '2010-02-30 08:00', '2010-03-01 09:00', 'A']);
    const { kit, issues } = readKitWorkbook(
      'workbook.xlsx',
      rawWorkbook({ sheets: baseSheets(exams) }),
    );
    expect(kit).toBeNull();
    expect(errors(issues)).toEqual(['workbook.xlsx#exams:5:C invalid-date-time']);
  });

  it('locates a boolean, an error cell and a missing shared string', () => {
    const exams =
      EXAM_HEADER +
      `<row r="2">${is('A2', 'E1')}${is('B2', 'CT-1')}${is('C2', '2010-03-01 08:30')}${is('D2', '2010-03-01 08:50')}<c r="E2" t="b"><v>1</v></c></row>` +
      `<row r="3">${is('A3', 'E2')}<c r="B3" t="e"><v>#REF!</v></c>${is('C3', '2010-03-01 08:30')}<c r="D3" t="s"><v>9</v></c>${is('E3', 'A')}</row>`;
    const { issues } = readKitWorkbook('w.xlsx', rawWorkbook({ sheets: baseSheets(exams) }));
    const found = errors(issues);
    expect(found).toContain('w.xlsx#exams:3:B xlsx-cell-error');
    expect(found).toContain('w.xlsx#exams:3:D xlsx-bad-cell');
    expect(found).toContain('w.xlsx#exams:2:E invalid-value');
  });

  it('locates campaign values at their row, in column B', () => {
    const sheets = baseSheets(EXAM_HEADER);
    sheets[0] = {
      name: 'campaign',
      data: (sheets[0]?.data ?? '').replace(num('B5', 28), is('B5', 'many')),
    };
    const { issues } = readKitWorkbook('w.xlsx', rawWorkbook({ sheets }));
    expect(errors(issues)).toEqual(['w.xlsx#campaign:5:B invalid-campaign']);
  });

  it('matches sheet names case- and accent-insensitively, with or without .csv', () => {
    expect(kitFileOfSheet('Équipment.CSV')).toBe('equipment.csv');
    expect(kitFileOfSheet('Appointment Survey')).toBe('appointment-survey.csv');
    expect(kitFileOfSheet('appointment_survey.csv')).toBe('appointment-survey.csv');
    expect(kitFileOfSheet('CAMPAIGN')).toBe('campaign.json');
    expect(kitFileOfSheet('Lisez-moi')).toBe('help');
    expect(kitFileOfSheet('Feuil1')).toBeNull();
    const sheets = baseSheets(
      EXAM_HEADER + textRow(2, ['E1', 'CT-1', '2010-03-01 08:30', '2010-03-01 08:50', 'A']),
    );
    sheets.push({ name: 'Feuil1', data: textRow(1, ['x']) }, { name: 'Exams.csv', data: '' });
    const { kit, issues } = readKitWorkbook('w.xlsx', rawWorkbook({ sheets }));
    expect(kit).toBeNull();
    expect(issues.map(place)).toEqual(
      expect.arrayContaining([
        'w.xlsx#Feuil1:: unknown-sheet',
        'w.xlsx#Exams.csv:: duplicate-file',
      ]),
    );
  });

  it('reports a missing sheet under the workbook and keeps header-less cells out', () => {
    const sheets = baseSheets(
      EXAM_HEADER +
        `<row r="2">${is('A2', 'E1')}${is('B2', 'CT-1')}${is('C2', '2010-03-01 08:30')}${is('D2', '2010-03-01 08:50')}${is('E2', 'A')}${is('G2', 'stray')}</row>`,
    );
    const { kit, issues } = readKitWorkbook(
      'w.xlsx',
      rawWorkbook({ sheets: sheets.filter((s) => s.name !== 'sessions') }),
    );
    expect(issues.map(place)).toEqual(
      expect.arrayContaining(['w.xlsx#exams:2:G xlsx-cell-outside-columns']),
    );
    expect(errors(issues).some((p) => p.startsWith('w.xlsx#sessions'))).toBe(true);
    expect(kit).toBeNull();
  });

  it('refuses a sheet with an identifying column, as the kit reader does', () => {
    const exams =
      textRow(1, [
        'exam_id',
        'equipment_id',
        'room_in',
        'room_out',
        'category',
        'Date de naissance',
      ]) + textRow(2, ['E1', 'CT-1', '2010-03-01 08:30', '2010-03-01 08:50', 'A', '1950-01-01']);
    const { kit, issues } = readKitWorkbook('w.xlsx', rawWorkbook({ sheets: baseSheets(exams) }));
    expect(kit).toBeNull();
    expect(issues.find((i) => i.code === 'identifying-column')).toMatchObject({
      file: 'w.xlsx#exams',
      line: 1,
      column: 'F',
    });
  });

  it('turns unreadable packages and parts into one located error, never a throw', () => {
    const ok = rawParts({ sheets: baseSheets(EXAM_HEADER) });
    const cases: [Uint8Array, RegExp][] = [
      [new Uint8Array([1, 2, 3]), /not a readable zip/],
      [zipParts({ ...ok, 'xl/workbook.xml': '<workbook><sheets>' }), /not well-formed/],
      [
        zipParts(
          Object.fromEntries(Object.entries(ok).filter(([k]) => k !== 'xl/worksheets/sheet5.xml')),
        ),
        /missing/,
      ],
      [
        zipParts({
          ...ok,
          'xl/worksheets/sheet5.xml':
            '<worksheet><sheetData><row r="3"/><row r="2"/></sheetData></worksheet>',
        }),
        /out of order/,
      ],
      [
        zipParts({
          ...ok,
          'xl/worksheets/sheet5.xml':
            '<worksheet><sheetData><row r="2"><c r="B3"/></row></sheetData></worksheet>',
        }),
        /not a valid address/,
      ],
    ];
    for (const [bytes, message] of cases) {
      const { kit, issues } = readKitWorkbook('w.xlsx', bytes);
      expect(kit).toBeNull();
      expect(issues.filter((i) => i.severity === 'error')).toHaveLength(1);
      expect(issues[issues.length - 1]?.message).toMatch(message);
    }
    const sheetIssue = readKitWorkbook('w.xlsx', cases[3]?.[0] as Uint8Array).issues[0];
    expect(sheetIssue?.file).toBe('w.xlsx#exams');
  });

  it('refuses a zip bomb before inflating it', () => {
    const parts = rawParts({
      sheets: baseSheets(
        EXAM_HEADER + `<row r="2">${is('A2', 'x'.repeat(1000))}</row>`.repeat(3000),
      ),
    });
    const bytes = zipParts(parts);
    const small = { ...DEFAULT_ZIP_LIMITS, maxEntryBytes: 100_000 };
    expect(readKitWorkbook('w.xlsx', bytes, small).issues[0]?.message).toMatch(
      /inflates to \d+ bytes/,
    );
    const ratio = { ...DEFAULT_ZIP_LIMITS, maxRatio: 2 };
    const bomb = zipParts({
      ...parts,
      'xl/worksheets/sheet5.xml': `<worksheet><sheetData>${' '.repeat(5_000_000)}</sheetData></worksheet>`,
    });
    expect(readKitWorkbook('w.xlsx', bomb, ratio).issues[0]?.message).toMatch(/zip bomb/);
    expect(readKitWorkbook('w.xlsx', bomb).issues[0]?.message).toMatch(/zip bomb/);
    const many = { ...DEFAULT_ZIP_LIMITS, maxEntries: 3 };
    expect(readKitWorkbook('w.xlsx', bytes, many).issues[0]?.message).toMatch(
      /more than 3 entries/,
    );
  });

  it('reads a workbook written by the export writer', () => {
    const bytes = tablesToXlsx([
      {
        name: 'campaign',
        columns: [
          { key: 'k', label: 'key', kind: 'text' },
          { key: 'v', label: 'value', kind: 'text' },
        ],
        rows: [
          ['id', 'exp'],
          ['name', 'Exported'],
          ['start', '2010-03-01'],
          ['days', '28'],
          ['timeZone', 'Europe/Paris'],
        ],
      },
      {
        name: 'establishments',
        columns: ['finess', 'name', 'legal_status', 'region'].map((c) => ({
          key: c,
          label: c,
          kind: 'text' as const,
        })),
        rows: [['010000024', 'CH A', 'CHU', 'ARA']],
      },
      {
        name: 'equipment',
        columns: ['equipment_id', 'finess', 'modality', 'installed_year'].map((c) => ({
          key: c,
          label: c,
          kind: c === 'installed_year' ? ('number' as const) : ('text' as const),
        })),
        rows: [['MR-1', '010000024', 'MR', 2008]],
      },
      {
        name: 'sessions',
        columns: ['equipment_id', 'start', 'end', 'type'].map((c) => ({
          key: c,
          label: c,
          kind: 'text' as const,
        })),
        rows: [['MR-1', '2010-03-01T08:00', '2010-03-01T12:00', 'PUBLIC_SCHEDULED']],
      },
      {
        name: 'exams',
        columns: ['exam_id', 'equipment_id', 'category', 'room_in', 'room_out', 'icr'].map((c) => ({
          key: c,
          label: c,
          kind: c === 'icr' ? ('number' as const) : ('text' as const),
        })),
        rows: [['X1', 'MR-1', 'A', '2010-03-01T08:00', '2010-03-01T08:30', 120.5]],
      },
    ]);
    const { kit, issues } = readKitWorkbook('export.xlsx', bytes);
    expect(errors(issues)).toEqual([]);
    expect(kit?.equipment[0]).toMatchObject({
      equipmentId: 'MR-1',
      modality: 'MR',
      installedYear: 2008,
    });
    expect(kit?.exams[0]).toMatchObject({ examId: 'X1', icr: 120.5 });
  });
});
