/**
 * The byte fast path of sessions.csv against the checked path: for random rows, valid or not
 * (unknown machines, bad or daylight-saving date-times, spans in the day of margin or far away,
 * end before start, types in the wrong case, quotes, spaces, CRLF, blank lines, cell counts, any
 * column layout, bytes cut anywhere), reading with the fast path gives the same issues and the
 * same sessions as reading every row checked; and every canonical row is taken by the fast path.
 */
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { KitParser, type KitReadResult } from '../../../src/ingest/kit/parse-kit.ts';
import { KIT_READ_FILES } from '../../../src/ingest/kit/kit-files.ts';
import { CAMPAIGN, EQUIPMENT, ESTABLISHMENTS } from './fast-path-kit.ts';
import { FastSessionRows } from '../../../src/ingest/kit/session-fast-rows.ts';

const encoder = new TextEncoder();
const BASE: Record<string, string> = {
  'establishments.csv': ESTABLISHMENTS,
  'equipment.csv': EQUIPMENT,
  'exams.csv':
    'exam_id,equipment_id,category,room_in,room_out\nX1,EQ1,A,2010-03-26T08:00,2010-03-26T08:10\n',
};
const HEADER = ['equipment_id', 'start', 'end', 'type'];

/** Reads the kit with sessions.csv as bytes pushed in chunks of `chunk` bytes. */
function read(sessions: Uint8Array, fast: boolean, chunk: number): KitReadResult {
  const parser = new KitParser({ fastRows: fast });
  parser.campaign(CAMPAIGN);
  for (const spec of KIT_READ_FILES) {
    const text = BASE[spec.name];
    const isSessions = spec.name === 'sessions.csv';
    const feed = parser.csv(spec, isSessions || text !== undefined ? spec.name : null);
    if (feed === null) continue;
    if (!isSessions) feed.push(encoder.encode(text as string));
    else
      for (let at = 0; at < sessions.length; at += chunk)
        feed.push(sessions.subarray(at, at + chunk));
    feed.end();
  }
  return parser.finish();
}

/** Column layouts: as documented, reversed, with a column it does not read. */
const LAYOUTS: Record<string, <T>(cells: T[], filler: T) => T[]> = {
  documented: (cells) => cells,
  reversed: (cells) => [...cells].reverse(),
  extra: (cells, filler) => [...cells.slice(0, 2), filler, ...cells.slice(2)],
};

const pad = (n: number): string => String(n).padStart(2, '0');
/** `2010-03-DD` + `minute` as a local date-time (may run into other days). */
const at = (day: number, minute: number, seconds: boolean): string => {
  const t = new Date(Date.UTC(2010, 2, day) + minute * 60_000);
  const date = t.toISOString().slice(0, 10);
  return `${date}T${pad(t.getUTCHours())}:${pad(t.getUTCMinutes())}${seconds ? ':00' : ''}`;
};

const session = fc.record({
  eq: fc.constantFrom('EQ1', 'EQ1', 'EQ2', 'EQ9', '', 'eq1', '"EQ1"'),
  day: fc.integer({ min: 22, max: 34 }),
  minute: fc.integer({ min: 0, max: 23 * 60 }),
  length: fc.integer({ min: -30, max: 600 }),
  seconds: fc.boolean(),
  type: fc.constantFrom(
    'PUBLIC_SCHEDULED',
    'ON_CALL',
    'EMERGENCY',
    'on_call',
    'NAP',
    '',
    ' ON_CALL',
  ),
  bad: fc.option(
    fc.constantFrom('2010-03-28T02:30', '2010-03-26 08:00', '2010-02-30T10:00', '26/03/2010', ''),
    { freq: 4 },
  ),
  shape: fc.constantFrom('plain', 'plain', 'plain', 'crlf', 'blank-before', 'short', 'long'),
});

describe('the fast path of sessions.csv', () => {
  it('gives the issues and the sessions of the checked path, for any rows cut anywhere', () => {
    fc.assert(
      fc.property(
        fc.array(session, { maxLength: 30 }),
        fc.constantFrom(',', ';'),
        fc.integer({ min: 1, max: 200 }),
        fc.constantFrom(...Object.keys(LAYOUTS)),
        (rows, separator, chunk, layoutName) => {
          const layout = LAYOUTS[layoutName]!;
          const lines: string[] = [];
          for (const r of rows) {
            let cells = [
              r.eq,
              r.bad ?? at(r.day, r.minute, r.seconds),
              at(r.day, r.minute + r.length, r.seconds),
              r.type,
            ];
            if (r.shape === 'short') cells = cells.slice(1);
            if (r.shape === 'long') cells.push('x');
            let text = layout(cells, 'note').join(separator);
            if (r.shape === 'crlf') text += '\r';
            if (r.shape === 'blank-before') lines.push('');
            lines.push(text);
          }
          const file = encoder.encode(
            [layout(HEADER, 'note').join(separator), ...lines].join('\n') + '\n',
          );
          const checked = read(file, false, 1 << 20);
          const fast = read(file, true, chunk);
          expect(fast.issues).toEqual(checked.issues);
          expect(fast.kit?.sessions).toEqual(checked.kit?.sessions);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('takes every canonical row itself, whatever the column layout', () => {
    const rows = [
      ['EQ1', '2010-03-26T08:00', '2010-03-26T13:00', 'PUBLIC_SCHEDULED'],
      ['EQ1', '2010-03-26T13:00:00', '2010-03-27T08:00:00', 'ON_CALL'],
      ['EQ2', '2010-03-28T01:30', '2010-03-28T03:30', 'EMERGENCY'],
    ];
    const spy = vi.spyOn(FastSessionRows.prototype, 'read');
    try {
      for (const [name, layout] of Object.entries(LAYOUTS)) {
        spy.mockClear();
        const file = encoder.encode(
          [layout(HEADER, 'note'), ...rows.map((r) => layout(r, 'x'))]
            .map((r) => r.join(','))
            .join('\n') + '\n',
        );
        const { kit, issues } = read(file, true, 1 << 20);
        expect(
          issues.filter((i) => i.severity === 'error'),
          name,
        ).toEqual([]);
        expect(
          spy.mock.results.map((r) => (r.value as number) >= 0),
          name,
        ).toEqual([true, true, true]);
        // Hand-checked: Paris is UTC+1 then UTC+2 from 2010-03-28 02:00 local.
        expect(kit!.sessions.map((s) => [s.equipmentId, s.start, s.end, s.type])).toEqual([
          ['EQ1', Date.UTC(2010, 2, 26, 7), Date.UTC(2010, 2, 26, 12), 'PUBLIC_SCHEDULED'],
          ['EQ1', Date.UTC(2010, 2, 26, 12), Date.UTC(2010, 2, 27, 7), 'ON_CALL'],
          ['EQ2', Date.UTC(2010, 2, 28, 0, 30), Date.UTC(2010, 2, 28, 1, 30), 'EMERGENCY'],
        ]);
      }
    } finally {
      spy.mockRestore();
    }
  });
});
