/**
 * The byte fast path of exams.csv against the checked path: for random rows, valid or not (bad
 * dates, daylight-saving gaps, repeated ids, raw patient keys, quotes, CRLF, blank lines, cell
 * counts, bytes cut anywhere), reading with the fast path gives the same issues and the same exam
 * table as reading every row checked; and hand-checked values of canonical rows.
 */
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { attachedExamTable, NO_AGE_BAND } from '../../../src/core/exam-table.ts';
import { KitParser, parseKit, type KitReadResult } from '../../../src/ingest/kit/parse-kit.ts';
import { FastExamRows } from '../../../src/ingest/kit/exam-fast-rows.ts';
import { KIT_READ_FILES } from '../../../src/ingest/kit/kit-files.ts';
import { CAMPAIGN, EQUIPMENT, ESTABLISHMENTS } from './fast-path-kit.ts';

const encoder = new TextEncoder();
const BASE: Record<string, string> = {
  'establishments.csv': ESTABLISHMENTS,
  'equipment.csv': EQUIPMENT,
  'sessions.csv':
    'equipment_id,start,end,type\nEQ1,2010-03-26T08:00,2010-03-26T13:00,PUBLIC_SCHEDULED\n',
};
const HEADER = [
  'exam_id',
  'equipment_id',
  'category',
  'room_in',
  'room_out',
  'acts',
  'icr',
  'report_validated_at',
  'requested_at',
  'scheduled_minutes',
  'age_band',
  'patient_key',
];
const HEX = '41989fcbcb40c24341bc5df20d49dce6';

/** Reads the kit with exams.csv as bytes pushed in chunks of `chunk` bytes. */
function read(exams: Uint8Array, fast: boolean, chunk: number): KitReadResult {
  const parser = new KitParser({ fastRows: fast });
  parser.campaign(CAMPAIGN);
  for (const spec of KIT_READ_FILES) {
    const text = spec.name === 'exams.csv' ? null : BASE[spec.name];
    const feed = parser.csv(
      spec,
      text === undefined && spec.name !== 'exams.csv' ? null : spec.name,
    );
    if (feed === null) continue;
    if (text !== null && text !== undefined) feed.push(encoder.encode(text));
    else for (let at = 0; at < exams.length; at += chunk) feed.push(exams.subarray(at, at + chunk));
    feed.end();
  }
  return parser.finish();
}

const dates = [
  '2010-03-26T08:00',
  '2010-03-26T08:20:00',
  '2010-03-28T01:30',
  '2010-03-28T02:30', // gap
  '2010-03-28T03:10:00',
  '2010-03-26 09:00', // space
  '2010-03-24T23:00', // margin
  '2001-03-26T10:00', // far
  '2010-03-31T25:00', // bad hour
  '2010-02-30T10:00', // no such day
  '2010-03-27T10:00+01:00',
  '2010-04-01T08:00', // last night
  '2010-03-26T08:10:30.5',
  '26/03/2010 08:00',
  '',
];
const cell = {
  id: fc.constantFrom('X1', 'X2', 'X3', 'X4', 'X5', 'X6', 'X7', 'Y10', 'É1', '', '"X8"'),
  eq: fc.constantFrom('EQ1', 'EQ1', 'EQ2', 'EQ9', ''),
  cat: fc.constantFrom('A', 'H', 'R', 'U', 'u', ''),
  date: fc.constantFrom(...dates),
  acts: fc.constantFrom(
    '',
    'ZCQH001',
    'ZCQH001|ACQK001',
    ' ZCQH001 | ACQK001',
    'ZCQH001||',
    'ÉCHO',
  ),
  icr: fc.constantFrom('', '1', '2.5', '2,5', '-1', 'x', '1e3', '0012', '1234567890123456'),
  scheduled: fc.constantFrom('', '15', '0', '7.5', 'x', '20'),
  age: fc.constantFrom('', '18-64', '80+', '0-17', '65-79', 'adult'),
  key: fc.constantFrom(
    '',
    HEX,
    HEX.toUpperCase(),
    '12345678901234567890123456789012',
    'Jean Dupont',
    'abc',
  ),
};
const row = fc.record({
  cells: fc.tuple(
    cell.id,
    cell.eq,
    cell.cat,
    cell.date,
    cell.date,
    cell.acts,
    cell.icr,
    cell.date,
    cell.date,
    cell.scheduled,
    cell.age,
    cell.key,
  ),
  shape: fc.constantFrom(
    'plain',
    'plain',
    'plain',
    'plain',
    'crlf',
    'blank-before',
    'short',
    'space',
  ),
});
/** Rows mostly canonical (room_out a few minutes after room_in), some with one cell from the pools. */
const canonicalRow = fc.record({
  id: fc.integer({ min: 1, max: 400 }),
  eq: fc.constantFrom('EQ1', 'EQ2'),
  day: fc.integer({ min: 24, max: 32 }),
  minute: fc.integer({ min: 0, max: 23 * 60 }),
  length: fc.integer({ min: -2, max: 50 }),
  seconds: fc.boolean(),
  report: fc.integer({ min: -20, max: 3000 }),
  requested: fc.option(fc.integer({ min: 0, max: 3000 })),
  optional: fc.tuple(
    fc.constantFrom('', 'ZCQH001', 'ZCQH001|ACQK001'),
    fc.constantFrom('', '2.5', '12'),
    fc.constantFrom('', '15', '7.5'),
    fc.constantFrom('', '18-64', '80+', '0-17', '65-79'),
    fc.constantFrom('', HEX),
  ),
  mutation: fc.option(fc.tuple(fc.integer({ min: 0, max: 11 }), fc.nat()), { freq: 3 }),
});
const POOLS = [
  ['X1', 'É1', '', '"X8"', 'K1'],
  ['EQ9', '', 'EQ1', 'eq1'],
  ['u', '', 'AH', 'R'],
  dates,
  dates,
  ['', 'ÉCHO', ' ZCQH001', 'ZCQH001||'],
  ['-1', 'x', '1e3', '0012', '1234567890123456', '2,5', '.5', '1.'],
  dates,
  dates,
  ['0', 'x', '-5', '20', '1,5'],
  ['adult', '18-65', '80', ''],
  ['Jean Dupont', '12345678901234567890123456789012', HEX.slice(1), HEX.toUpperCase(), 'g' + HEX],
];
const pad = (n: number): string => String(n).padStart(2, '0');
/** `2010-03-DD` + `minute` (may run into the next days, or before the day), as a local date-time. */
const at = (day: number, minute: number, seconds: boolean): string => {
  const t = new Date(Date.UTC(2010, 2, day) + minute * 60_000);
  const date = t.toISOString().slice(0, 10);
  return `${date}T${pad(t.getUTCHours())}:${pad(t.getUTCMinutes())}${seconds ? ':00' : ''}`;
};

function examsFile(separator: ',' | ';', lines: string[], header = HEADER): Uint8Array {
  return encoder.encode([header.join(separator), ...lines].join('\n') + '\n');
}

/**
 * Column layouts of exams.csv (the fast path reads cells by their header's position): as
 * documented, reversed, rotated, with a column it does not read, without the optional last two.
 */
const LAYOUTS: Record<string, <T>(cells: T[], filler: T) => T[]> = {
  documented: (cells) => cells,
  reversed: (cells) => [...cells].reverse(),
  rotated: (cells) => [...cells.slice(3), ...cells.slice(0, 3)],
  extra: (cells, filler) => [...cells.slice(0, 6), filler, ...cells.slice(6)],
  short: (cells) => cells.slice(0, 10),
};

function same(exams: Uint8Array, chunk: number): void {
  const checked = read(exams, false, 1 << 20);
  const fast = read(exams, true, chunk);
  expect(fast.issues).toEqual(checked.issues);
  expect(fast.files).toEqual(checked.files);
  expect(fast.kit === null).toBe(checked.kit === null);
  if (fast.kit !== null && checked.kit !== null) {
    expect(attachedExamTable(fast.kit)).toEqual(attachedExamTable(checked.kit));
    expect(fast.kit.exams).toEqual(checked.kit.exams);
  }
}

describe('the fast path of exams.csv', () => {
  it('gives the issues and the table of the checked path, for any rows cut anywhere', () => {
    fc.assert(
      fc.property(
        fc.array(row, { maxLength: 25 }),
        fc.array(canonicalRow, { maxLength: 25 }),
        fc.constantFrom<',' | ';'>(',', ';'),
        fc.integer({ min: 1, max: 300 }),
        fc.constantFrom(...Object.keys(LAYOUTS)),
        (rows, canonical, separator, chunk, layoutName) => {
          const layout = LAYOUTS[layoutName]!;
          const lines = canonical.map((c) => {
            const cells = [
              `K${c.id}`,
              c.eq,
              'H',
              at(c.day, c.minute, c.seconds),
              at(c.day, c.minute + c.length, c.seconds),
              c.optional[0],
              c.optional[1],
              at(c.day, c.minute + c.report, c.seconds),
              c.requested === null ? '' : at(c.day, c.minute - c.requested, false),
              c.optional[2],
              c.optional[3],
              c.optional[4],
            ];
            if (c.mutation !== null) {
              const [k, n] = c.mutation;
              const pool = POOLS[k] as string[];
              cells[k] = pool[n % pool.length] as string;
            }
            return layout(cells, 'note')
              .map((v) => (separator === ';' ? v : v.replace(/,/g, '.')))
              .join(separator);
          });
          for (const { cells, shape } of rows) {
            let cellsOut = [...cells];
            if (shape === 'short') cellsOut = cellsOut.slice(1);
            if (shape === 'space') cellsOut[2] = ` ${cellsOut[2]}`;
            let text = layout(cellsOut, 'x')
              .map((c) => (separator === ';' ? c : c.replace(/,/g, '.')))
              .join(separator);
            if (shape === 'crlf') text += '\r';
            if (shape === 'blank-before') lines.push('');
            lines.splice(Math.floor(lines.length / 2), 0, text);
          }
          same(examsFile(separator, lines, layout(HEADER, 'note')), chunk);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('takes every canonical row itself, whatever the column layout (none left to the checked path)', () => {
    const cells = [
      [
        'D1',
        'EQ1',
        'A',
        '2010-03-26T08:00',
        '2010-03-26T08:10',
        'ZCQH001',
        '2.5',
        '2010-03-26T09:00',
        '',
        '15',
        '18-64',
        HEX,
      ],
      [
        'D2',
        'EQ1',
        'U',
        '2010-03-26T08:20:00',
        '2010-03-26T08:30:30',
        '',
        '',
        '',
        '2010-03-25T09:00',
        '',
        '',
        HEX.toUpperCase(),
      ],
      [
        'D3',
        'EQ2',
        'H',
        '2010-03-28T03:10',
        '2010-03-28T03:20',
        '',
        '12',
        '',
        '',
        '7.5',
        '80+',
        HEX,
      ],
    ];
    const read = vi.spyOn(FastExamRows.prototype, 'read');
    try {
      for (const [name, layout] of Object.entries(LAYOUTS)) {
        read.mockClear();
        const lines = cells.map((c) => layout(c, 'note').join(','));
        const result = parseKit(
          new Map<string, string | Uint8Array>([
            ['campaign.json', CAMPAIGN],
            ...Object.entries(BASE).map(([k, v]) => [k, encoder.encode(v)] as [string, Uint8Array]),
            ['exams.csv', examsFile(',', lines, layout(HEADER, 'note'))],
          ]),
        );
        expect(
          result.issues.filter((i) => i.severity === 'error'),
          name,
        ).toEqual([]);
        expect(
          read.mock.results.map((r) => (r.value as number) >= 0),
          name,
        ).toEqual([true, true, true]);
      }
    } finally {
      read.mockRestore();
    }
  });

  it('reads canonical rows to the hand-checked instants and codes (Paris, across the spring change)', () => {
    const lines = [
      'A1,EQ2,U,2010-03-26T08:30,2010-03-26T08:45:30,ZCQH001|ACQK001,,2010-03-26T10:00,,15,80+,' +
        HEX,
      'A2,EQ1,A,2010-03-28T03:10,2010-03-28T03:20,,2.5,,2010-03-27T18:00,,,',
      'A3,EQ1,R,2010-03-28T01:10,2010-03-28T01:20,,,,,,0-17,',
    ];
    const exams = examsFile(',', lines);
    const { kit, issues } = read(exams, true, 1 << 20);
    expect(issues).toEqual([]);
    const table = attachedExamTable(kit!)!;
    expect(table.length).toBe(3);
    expect([...table.machineStart]).toEqual([0, 2, 3]);
    // EQ1 first (equipment.csv order), its rows by room_in: A3 (01:10 UTC+1) then A2 (03:10 UTC+2).
    expect([...table.fileOrder]).toEqual([2, 1, 0]);
    expect([...table.roomIn]).toEqual([
      Date.UTC(2010, 2, 28, 0, 10),
      Date.UTC(2010, 2, 28, 1, 10),
      Date.UTC(2010, 2, 26, 7, 30),
    ]);
    expect(table.roomOut[2]).toBe(Date.UTC(2010, 2, 26, 7, 45, 30));
    expect([...table.category]).toEqual([2, 0, 3]);
    expect([...table.ageBand]).toEqual([0, NO_AGE_BAND, 3]);
    expect(table.rowIcr[1]).toBe(2.5);
    expect(table.requestedAt[1]).toBe(Date.UTC(2010, 2, 27, 17, 0));
    expect(table.scheduledMinutes[2]).toBe(15);
    expect(table.actLists[table.acts[2] as number]).toEqual(['ZCQH001', 'ACQK001']);
    expect(table.acts[0]).toBe(0);
    expect(kit!.exams.map((e) => e.examId)).toEqual(['A1', 'A2', 'A3']);
    expect(kit!.exams[0]!.patientKey).toBe(HEX);
    expect(kit!.exams[1]!.patientKey).toBeUndefined();
    expect(table.roomIn.buffer).toBeInstanceOf(SharedArrayBuffer);
  });

  it('reports a repeated id, a raw key and a report before the exam as the checked path does', () => {
    const lines = [
      'B1,EQ1,A,2010-03-26T08:00,2010-03-26T08:10,,,,,,,' + HEX,
      'B1,EQ1,A,2010-03-26T09:00,2010-03-26T09:10,,,,,,,' + HEX,
      'B2,EQ1,A,2010-03-26T09:00,2010-03-26T09:10,,,2010-03-26T09:05,,,,' + HEX,
      'B3,EQ1,A,2010-03-26T09:00,2010-03-26T09:10,,,,,,,Jean Dupont',
    ];
    const { kit, issues } = parseKit(
      new Map<string, string | Uint8Array>([
        ['campaign.json', CAMPAIGN],
        ...Object.entries(BASE).map(([k, v]) => [k, encoder.encode(v)] as [string, Uint8Array]),
        ['exams.csv', examsFile(',', lines)],
      ]),
    );
    expect(kit).toBeNull();
    expect(issues.map((i) => `${i.line} ${i.code}`)).toEqual([
      '3 duplicate-key',
      '4 report-before-exam',
      '5 patient-key-identifier',
    ]);
  });

  it('reads a multi-byte character cut between chunks, and reports a bad byte on its line', () => {
    const lines = [
      'C1,EQ1,A,2010-03-26T08:00,2010-03-26T08:10,ÉCHO|É2,,,,,,',
      'C2,EQ1,A,2010-03-26T09:00,2010-03-26T09:10,,,,,,,',
    ];
    const exams = examsFile(',', lines);
    const at = exams.indexOf(0xc3) + 1; // inside É
    for (const chunk of [at, 3, 7]) {
      const { kit, issues } = read(exams, true, chunk);
      expect(issues).toEqual([]);
      expect(attachedExamTable(kit!)!.actLists).toEqual([[], ['ÉCHO', 'É2']]);
    }
    const bad = new Uint8Array([...exams.subarray(0, exams.length - 3), 0xff, 0x2c, 0x0a]);
    same(bad, 5);
    expect(read(bad, true, 5).issues.map((i) => `${i.line} ${i.code}`)[0]).toBe('3 encoding');
  });
});

describe('patient keys not kept (patientKeys: false, the indicators)', () => {
  /** Reads the kit with the given parser options, exams.csv given whole. */
  function readWith(exams: string, patientKeys: boolean): KitReadResult {
    const parser = new KitParser({ patientKeys });
    parser.campaign(CAMPAIGN);
    for (const spec of KIT_READ_FILES) {
      const text = spec.name === 'exams.csv' ? exams : BASE[spec.name];
      const feed = parser.csv(spec, text === undefined ? null : spec.name);
      if (feed === null) continue;
      feed.push(encoder.encode(text as string));
      feed.end();
    }
    return parser.finish();
  }
  const row = (id: string, key: string): string =>
    `${id},EQ1,A,2010-03-26T08:00,2010-03-26T08:20,,12,,,,18-64,${key}`;

  it('checks every key but keeps none: the table has no key column, the records no key', () => {
    const ok = readWith(`${HEADER.join(',')}\n${row('e1', HEX)}\n${row('e2', '')}\n`, false);
    expect(ok.issues.filter((i) => i.severity === 'error')).toEqual([]);
    const table = attachedExamTable(ok.kit!);
    expect(table?.patientKey).toBeNull();
    expect(ok.kit!.exams.map((e) => e.patientKey)).toEqual([undefined, undefined]);
    const kept = readWith(`${HEADER.join(',')}\n${row('e1', HEX)}\n${row('e2', '')}\n`, true);
    expect(kept.kit!.exams.map((e) => e.patientKey)).toEqual([HEX, undefined]);
  });

  it('still refuses a raw identifier in patient_key, on its line', () => {
    const bad = readWith(
      `${HEADER.join(',')}\n${row('e1', HEX)}\n${row('e2', '1850575123456')}\n`,
      false,
    );
    expect(bad.kit).toBeNull();
    expect(bad.issues.find((i) => i.code === 'patient-key-identifier')?.line).toBe(3);
  });
});
