// slots.csv (planning.md §1) through the kit reader: good rows become Slot records (date-times in
// the campaign's zone, an explicit offset honoured, the autumn repeat refused without one), every
// refused cell is located by line and column and refuses the whole kit, and what writeKitDir
// writes (the repeated hour with its offset) reads back the same.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Issue } from '../../../src/core/issues.ts';
import type { Slot } from '../../../src/core/kit-types.ts';
import { issueWords } from '../../../src/i18n/issues/index.ts';
import { parseKit } from '../../../src/ingest/kit/parse-kit.ts';
import { readKitDir } from '../../../src/ingest/kit/read-kit.ts';
import { writeKitDir } from '../../../src/ingest/kit/write-kit.ts';

const CAMPAIGN = {
  id: 'slots-2010',
  name: 'Slots test',
  start: '2010-03-01',
  days: 28,
  timeZone: 'Europe/Paris',
};
const HEADER = 'equipment_id,start,end,status,observed_at';

/** A tiny kit (two machines, no activity) with `slots` as its slots.csv. */
function kitFiles(slots?: string): Map<string, string> {
  const files = new Map<string, string>([
    ['campaign.json', JSON.stringify(CAMPAIGN)],
    [
      'establishments.csv',
      'finess,name,legal_status,region,department\n590000001,CH Nord,CH,32,59\n',
    ],
    ['equipment.csv', 'equipment_id,finess,modality\nCT-1,590000001,CT\nMR-1,590000001,MR\n'],
    ['sessions.csv', 'equipment_id,start,end,type\n'],
    ['exams.csv', 'exam_id,equipment_id,category,room_in,room_out\n'],
  ]);
  if (slots !== undefined) files.set('slots.csv', slots);
  return files;
}

/** Issues of slots.csv as `line:column key` (severity when not an error). */
const placed = (issues: readonly Issue[]): string[] =>
  issues
    .filter((i) => i.file === 'slots.csv')
    .map(
      (i) =>
        `${i.line}:${i.column} ${i.text?.key}${i.severity === 'error' ? '' : ` (${i.severity})`}`,
    );

// Paris is UTC+1 in March until the 28th at 02:00 local, UTC+2 after.
const utc = (text: string): number => Date.parse(`${text}Z`);

describe('slots.csv in a kit', () => {
  it('reads good rows, in the file’s order: wall-clock in the campaign’s zone, an offset honoured', () => {
    const { kit, issues, files } = parseKit(
      kitFiles(
        `${HEADER}\n` +
          'CT-1,2010-03-02T08:00,2010-03-02T08:20,free,2010-03-01T07:00\n' +
          'CT-1,2010-03-02 08:00:00,2010-03-02 08:20:00,busy,2010-03-01 16:45:10\n' +
          'MR-1,2010-03-29T09:00,2010-03-29T09:30,free,2010-03-26T07:00Z\n',
      ),
    );
    expect(issues).toEqual([]);
    expect(kit?.slots).toEqual<Slot[]>([
      {
        equipmentId: 'CT-1',
        start: utc('2010-03-02T07:00'),
        end: utc('2010-03-02T07:20'),
        status: 'free',
        observedAt: utc('2010-03-01T06:00'),
      },
      {
        equipmentId: 'CT-1',
        start: utc('2010-03-02T07:00'),
        end: utc('2010-03-02T07:20'),
        status: 'busy',
        observedAt: utc('2010-03-01T15:45:10'),
      },
      // After the spring change: UTC+2; the explicit Z is taken as it is.
      {
        equipmentId: 'MR-1',
        start: utc('2010-03-29T07:00'),
        end: utc('2010-03-29T07:30'),
        status: 'free',
        observedAt: utc('2010-03-26T07:00'),
      },
    ]);
    expect(files.find((f) => f.name === 'slots.csv')).toEqual({
      name: 'slots.csv',
      rows: 3,
      unknownColumns: [],
    });
  });

  it('is optional: no file gives no slots, a header alone none; columns in any order, `;` too', () => {
    const without = parseKit(kitFiles());
    expect(without.kit).not.toBeNull();
    expect(without.kit).not.toHaveProperty('slots');
    expect(parseKit(kitFiles(`${HEADER}\n`)).kit?.slots).toEqual([]);
    const shuffled = parseKit(
      kitFiles(
        'status;observed_at;end;start;equipment_id\nbusy;2010-03-01 07:00;2010-03-03 10:00;2010-03-03 09:40;MR-1\n',
      ),
    );
    expect(shuffled.issues).toEqual([]);
    expect(shuffled.kit?.slots).toEqual([
      {
        equipmentId: 'MR-1',
        start: utc('2010-03-03T08:40'),
        end: utc('2010-03-03T09:00'),
        status: 'busy',
        observedAt: utc('2010-03-01T06:00'),
      },
    ]);
  });

  it('locates every refused cell and stores nothing from a file with an error', () => {
    const { kit, issues } = parseKit(
      kitFiles(
        `${HEADER}\n` +
          'CT-1,2010-03-02T08:00,2010-03-02T08:20,free,2010-03-01T07:00\n' + // 2: good
          'CT-9,2010-03-02T08:00,2010-03-02T08:20,free,2010-03-01T07:00\n' + // 3: unknown machine
          'CT-1,2010-03-02T08:20,2010-03-02T08:20,free,2010-03-01T07:00\n' + // 4: end = start
          'CT-1,2010-03-02T09:00,2010-03-02T08:40,busy,2010-03-01T07:00\n' + // 5: end before start
          'CT-1,2010-03-02T08:00,2010-03-02T08:20,Free,2010-03-01T07:00\n' + // 6: status case
          'CT-1,2010-03-02T08:00,2010-03-02T08:20,booked,2010-03-01T07:00\n' + // 7: status unknown
          'CT-1,,2010-03-02T08:20,free,\n' + // 8: start and observed_at blank
          'CT-1,2010-03-28T02:30,2010-03-28T03:30,free,2010-03-27T07:00\n' + // 9: start in the spring gap
          'CT-1,2010-03-02T08:00,2010-03-02T08:20,free,02/03/2010 07:00\n' + // 10: a slash date
          'MR-1,2010-10-31T02:30,2010-10-31T03:30,free,2010-03-27T07:00\n', // 11: start in the autumn repeated hour, no offset
      ),
    );
    expect(kit).toBeNull();
    expect(placed(issues)).toEqual([
      '3:equipment_id unknown-reference.equipment',
      '4:end slot-end-before-start',
      '5:end slot-end-before-start',
      '6:status invalid-value.case',
      '7:status invalid-value',
      '8:start required',
      '8:observed_at required',
      '9:start dst-gap',
      '10:observed_at invalid-date-time.slash',
      '11:start dst-ambiguous',
    ]);
    const endBefore = issues.find((i) => i.line === 5);
    expect(endBefore?.message).toBe('end 2010-03-02T08:40 is not after start 2010-03-02T09:00');
    expect(issueWords(endBefore as Issue, 'fr').message).toBe(
      'la fin 2010-03-02T08:40 n’est pas après le début 2010-03-02T09:00',
    );
    // A blank slot time is not described as a session's.
    expect(issues.find((i) => i.line === 8)?.hint).toBe('fill in start; it is required');
  });

  it('refuses a file without a required column, and warns of one slot seen free and busy at one instant', () => {
    const missing = parseKit(
      kitFiles('equipment_id,start,end,status\nCT-1,2010-03-02T08:00,2010-03-02T08:20,free\n'),
    );
    expect(missing.kit).toBeNull();
    expect(placed(missing.issues)).toEqual(['1:observed_at missing-column']);

    const conflict = parseKit(
      kitFiles(
        `${HEADER}\n` +
          'CT-1,2010-03-02T08:00,2010-03-02T08:20,free,2010-03-01T07:00\n' +
          'CT-1,2010-03-02T08:00,2010-03-02T08:20,free,2010-03-01T07:00\n' +
          'CT-1,2010-03-02T08:00,2010-03-02T08:20,busy,2010-03-01T07:00\n',
      ),
    );
    expect(placed(conflict.issues)).toEqual(['4:status slot-conflict (warning)']);
    expect(conflict.issues[0]?.message).toBe(
      'this slot is seen busy at 2010-03-01T07:00, and free on line 2 at the same instant',
    );
    expect(conflict.kit?.slots).toHaveLength(3);
  });

  it('reports unknown machines once equipment.csv is usable, and no cascade when it is not', () => {
    const files = kitFiles(
      `${HEADER}\nCT-9,2010-03-02T08:00,2010-03-02T08:20,free,2010-03-01T07:00\n`,
    );
    files.set('equipment.csv', 'equipment_id,finess\nCT-1,590000001\n');
    const { kit, issues } = parseKit(files);
    expect(kit).toBeNull();
    expect(placed(issues)).toEqual([]);
  });
});

describe('slots.csv written by writeKitDir', () => {
  it('reads back exactly, the autumn repeated hour with its offset', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'plateau-slots-'));
    try {
      const base = parseKit(kitFiles()).kit;
      if (base === null) throw new Error('base kit');
      const campaign = { ...CAMPAIGN, start: '2010-10-18', days: 28 };
      // 2010-10-31 02:30 local happens twice: 00:30Z (UTC+2) then 01:30Z (UTC+1).
      const slots: Slot[] = [
        {
          equipmentId: 'MR-1',
          start: utc('2010-10-31T00:30'),
          end: utc('2010-10-31T01:30'),
          status: 'free',
          observedAt: utc('2010-10-30T05:00'),
        },
        {
          equipmentId: 'MR-1',
          start: utc('2010-10-31T01:30'),
          end: utc('2010-10-31T02:30'),
          status: 'busy',
          observedAt: utc('2010-10-31T01:40'),
        },
        {
          equipmentId: 'CT-1',
          start: utc('2010-10-19T06:00'),
          end: utc('2010-10-19T06:15'),
          status: 'free',
          observedAt: utc('2010-10-18T05:00'),
        },
      ];
      await writeKitDir(dir, { ...base, campaign, slots });
      const text = await readFile(join(dir, 'slots.csv'), 'utf8');
      expect(text).toBe(
        `${HEADER}\n` +
          'MR-1,2010-10-31T02:30:00+02:00,2010-10-31T02:30:00+01:00,free,2010-10-30T07:00:00\n' +
          'MR-1,2010-10-31T02:30:00+01:00,2010-10-31T03:30:00,busy,2010-10-31T02:40:00+01:00\n' +
          'CT-1,2010-10-19T08:00:00,2010-10-19T08:15:00,free,2010-10-18T07:00:00\n',
      );
      const { kit, issues } = await readKitDir(dir);
      expect(issues).toEqual([]);
      expect(kit?.slots).toEqual(slots);
      // A kit without slots leaves no stale slots.csv behind.
      await writeKitDir(dir, { ...base, campaign });
      expect((await readKitDir(dir)).kit).not.toHaveProperty('slots');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
