// Fuzz: byte mutations of whole workbooks and XML mutations of their parts (re-zipped) never
// crash or hang the reader, and every failure comes out as an issue located in the workbook.
// PLATEAU_FUZZ_RUNS sets the number of inputs (default 1000; the issue's check ran 100,000).
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { readKitWorkbook } from '../../../../src/ingest/sources/xlsx/index.ts';
import { kitTemplateXlsx } from '../../../../src/ingest/sources/xlsx/template.ts';
import { baseSheets, is, num, rawWorkbook, textRow } from './raw-workbook.ts';
import { mulberry32 } from '../../../helpers/rng.ts';

const RUNS = Number(process.env['PLATEAU_FUZZ_RUNS'] ?? 1000);
const NAME = 'fuzz.xlsx';

const SEEDS: Uint8Array[] = [
  rawWorkbook({
    sheets: baseSheets(
      textRow(1, ['exam_id', 'equipment_id', 'room_in', 'room_out', 'category']) +
        `<row r="2"><c r="A2" t="s"><v>0</v></c>${is('B2', 'CT-1')}${num('C2', 40238.354166666664, 1)}${num('D2', 40238.36, 1)}<c r="E2" t="str"><f>"A"</f><v>A</v></c></row>` +
        `<row r="4">${is('A4', 'E2')}${is('B4', 'CT-1')}${is('C4', '2010-03-01 09:00')}${is('D4', '2010-03-01 09:20')}<c r="E4" t="b"><v>0</v></c></row>`,
    ),
    sharedStrings: ['E1'],
  }),
  kitTemplateXlsx({
    lang: 'en',
    campaign: {
      id: 'f',
      name: 'F',
      start: { dateTime: '2010-03-01' },
      days: 28,
      timeZone: 'Europe/Paris',
    },
    rows: {
      'establishments.csv': [['010000024', 'CH', 'CH', 'ARA']],
      'equipment.csv': [['CT-1', '010000024', 'CT']],
      'sessions.csv': [
        [
          'CT-1',
          { dateTime: '2010-03-01T08:00' },
          { dateTime: '2010-03-01T13:00' },
          'PUBLIC_SCHEDULED',
        ],
      ],
      'exams.csv': [
        ['E1', 'CT-1', 'A', { dateTime: '2010-03-01T08:30' }, { dateTime: '2010-03-01T08:50' }],
      ],
    },
  }),
];
const SEED_PARTS = SEEDS.map((bytes) =>
  Object.entries(unzipSync(bytes)).map(([k, v]) => [k, strFromU8(v)] as [string, string]),
);

const TOKENS = [
  '<',
  '>',
  '&',
  '"',
  "'",
  '/',
  '=',
  ' ',
  '<c r="A1">',
  '</row>',
  '<row r="0">',
  '<v>',
  '</v>',
  't="s"',
  't="e"',
  's="1"',
  's="999"',
  '&#0;',
  '&amp;',
  '<![CDATA[',
  ']]>',
  '<!DOCTYPE x>',
  '<?pi?>',
  '1e400',
  '-1',
  'NaN',
  'XFE1048577',
  '\u0000',
  '\uFEFF',
  'é',
  '😀',
];

function mutateBytes(bytes: Uint8Array, rand: () => number): Uint8Array {
  const out = Uint8Array.from(bytes);
  const kind = Math.floor(rand() * 3);
  if (kind === 0) return out.subarray(0, Math.floor(rand() * out.length));
  const n = 1 + Math.floor(rand() * 8);
  for (let i = 0; i < n; i++) {
    const at = Math.floor(rand() * out.length);
    out[at] =
      kind === 1 ? Math.floor(rand() * 256) : (out[at] as number) ^ (1 << Math.floor(rand() * 8));
  }
  return out;
}

function mutateXml(text: string, rand: () => number): string {
  let s = text;
  const n = 1 + Math.floor(rand() * 3);
  for (let i = 0; i < n; i++) {
    const a = Math.floor(rand() * (s.length + 1));
    const b = Math.min(s.length, a + Math.floor(rand() * 40));
    switch (Math.floor(rand() * 5)) {
      case 0:
        s = s.slice(0, a) + s.slice(b);
        break;
      case 1:
        s = s.slice(0, a) + (TOKENS[Math.floor(rand() * TOKENS.length)] as string) + s.slice(a);
        break;
      case 2:
        s = s.slice(0, b) + s.slice(a, b) + s.slice(b);
        break;
      case 3:
        s = s.replace(/\d+/g, (d) => (rand() < 0.1 ? String(Math.floor(rand() * 100)) : d));
        break;
      default:
        s = s.slice(0, a) + String.fromCharCode(Math.floor(rand() * 0x3000)) + s.slice(a + 1);
    }
  }
  return s;
}

function mutatePackage(parts: readonly [string, string][], rand: () => number): Uint8Array {
  const files: Record<string, Uint8Array> = {};
  const target = Math.floor(rand() * parts.length);
  parts.forEach(([name, text], i) => {
    if (i === target && rand() < 0.05) return; // drop the part
    files[name] = strToU8(i === target ? mutateXml(text, rand) : text);
  });
  return zipSync(files, { level: 0 });
}

const CHUNK = 10_000;

/** Runs [from, to): each input is read, must not throw, and gives a kit or located errors. */
function fuzzRange(from: number, to: number): { refused: number; slowest: number } {
  let slowest = 0;
  let refused = 0;
  for (let run = from; run < to; run++) {
    const rand = mulberry32(run + 1);
    const seed = run % SEEDS.length;
    const bytes =
      run % 3 === 0
        ? mutateBytes(SEEDS[seed] as Uint8Array, rand)
        : mutatePackage(SEED_PARTS[seed] as [string, string][], rand);
    const t0 = performance.now();
    let result;
    try {
      result = readKitWorkbook(NAME, bytes);
    } catch (error) {
      throw new Error(`run ${run} threw: ${(error as Error).stack ?? String(error)}`);
    }
    slowest = Math.max(slowest, performance.now() - t0);
    const errors = result.issues.filter((i) => i.severity === 'error');
    if (result.kit === null) {
      refused += 1;
      if (errors.length === 0) throw new Error(`run ${run}: no kit and no error`);
    } else if (errors.length > 0) throw new Error(`run ${run}: a kit despite errors`);
    for (const issue of result.issues) {
      if (!issue.file.startsWith(NAME) || issue.message === '')
        throw new Error(`run ${run}: unlocated issue ${JSON.stringify(issue)}`);
    }
  }
  return { refused, slowest };
}

describe('readKitWorkbook fuzz', () => {
  for (let from = 0; from < RUNS; from += CHUNK) {
    const to = Math.min(RUNS, from + CHUNK);
    it(`survives mutated workbooks ${from}..${to - 1} with located issues only`, () => {
      const { refused, slowest } = fuzzRange(from, to);
      expect(refused).toBeGreaterThan((to - from) / 3);
      // no hang: even on a loaded machine, one small workbook reads in well under 5 s
      expect(slowest).toBeLessThan(5000);
    }, 600_000);
  }
});
