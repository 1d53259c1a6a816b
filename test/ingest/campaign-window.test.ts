// Rows dated away from the campaign: a mistyped year (2001 for 2010) is an error with its place,
// so that the kit is not stored; the last night is kept silently, a day of margin with a warning.
// Hospital-system sources leave such rows out instead (they send every day's activity).
import { describe, expect, it } from 'vitest';
import { CampaignCalendar } from '../../src/core/calendar.ts';
import { issuePlace, type Issue } from '../../src/core/issues.ts';
import { CampaignWindow } from '../../src/ingest/kit/campaign-window.ts';
import { parseKit } from '../../src/ingest/kit/read-kit.ts';
import { kitFromSources } from '../../src/ingest/sources/assemble.ts';
import { parseMapping } from '../../src/ingest/sources/mapping.ts';
import { emptyRecords } from '../../src/ingest/sources/types.ts';
import { at } from '../helpers/build-kit.ts';
import { MAPPING_CSV } from './sources/fake-adapter.ts';

// 2010-03-28 is the spring daylight-saving change in Paris: the last day is 23 hours long.
const CAMPAIGN =
  '{ "id": "c", "name": "C", "start": "2010-03-01", "days": 28, "timeZone": "Europe/Paris" }';

function kitWith(sessions: string[], exams: string[]) {
  return parseKit(
    new Map([
      ['campaign.json', CAMPAIGN],
      ['establishments.csv', 'finess,name,legal_status,region\n590000001,CH,CH,HDF\n'],
      ['equipment.csv', 'equipment_id,finess,modality\nCT1,590000001,CT\n'],
      [
        'sessions.csv',
        `equipment_id,start,end,type\n${sessions.map((s) => `CT1,${s}\n`).join('')}`,
      ],
      [
        'exams.csv',
        `exam_id,equipment_id,category,room_in,room_out\n${exams.map((e, i) => `E${i},CT1,A,${e}\n`).join('')}`,
      ],
    ]),
  );
}

const placed = (issues: Issue[], codes: string[]): string[] =>
  issues
    .filter((i) => codes.includes(i.code))
    .map((i) => `${i.severity} ${issuePlace(i)} ${i.code}`);

describe('rows away from the campaign in a data kit', () => {
  it('refuses an exam dated years away, naming its file, line and column', () => {
    const { kit, issues } = kitWith(
      ['2010-03-01T08:00,2010-03-01T13:00,PUBLIC_SCHEDULED'],
      ['2010-03-01T08:05,2010-03-01T08:20', '2001-03-05T09:00,2001-03-05T09:20'],
    );
    expect(kit).toBeNull();
    expect(placed(issues, ['outside-campaign', 'campaign-margin'])).toEqual([
      'error exams.csv:3:room_in outside-campaign',
    ]);
    const error = issues.find((i) => i.code === 'outside-campaign')!;
    expect(error.message).toBe(
      "room_in 2001-03-05T09:00 is 3,283 days (8 years) before the campaign's first day (2010-03-01): " +
        'the campaign runs 28 days from 2010-03-01, and only its last night and a day either side are accepted',
    );
    expect(error.hint).toContain('mistyped year');
  });

  it('keeps the last night without a word, and a day of margin either side with a warning', () => {
    const { kit, issues } = kitWith(
      ['2010-03-28T20:00,2010-03-29T08:00,ON_CALL'],
      [
        '2010-03-29T03:00,2010-03-29T03:30', // the last night, after the last midnight
        '2010-03-29T11:30,2010-03-29T11:50', // the morning after, until noon
        '2010-02-28T22:00,2010-02-28T22:30', // the day before the first day
        '2010-03-29T15:00,2010-03-29T15:20', // the afternoon after the last day
      ],
    );
    expect(placed(issues, ['outside-campaign', 'campaign-margin'])).toEqual([
      'warning exams.csv:4:room_in campaign-margin',
      'warning exams.csv:5:room_in campaign-margin',
    ]);
    expect(kit?.exams).toHaveLength(4);
    expect(issues.find((i) => i.line === 4)!.message).toBe(
      "room_in 2010-02-28T22:00 is on the day before the campaign's first day (2010-03-01): kept, and counted in the figures",
    );
  });

  it('refuses an exam two days after the last day, even in the night', () => {
    const { kit, issues } = kitWith([], ['2010-03-30T01:00,2010-03-30T01:20']);
    expect(kit).toBeNull();
    expect(placed(issues, ['outside-campaign'])).toEqual([
      'error exams.csv:2:room_in outside-campaign',
    ]);
    expect(issues[0]!.message).toContain("2 days after the campaign's last day (2010-03-28)");
  });

  it('refuses a session that starts or ends far away, warns about one in the margin', () => {
    const { kit, issues } = kitWith(
      [
        '2010-03-01T08:00,2010-03-01T13:00,PUBLIC_SCHEDULED',
        '2001-03-02T08:00,2001-03-02T13:00,PUBLIC_SCHEDULED',
        '2010-03-27T08:00,2011-03-27T13:00,PUBLIC_SCHEDULED',
        '2010-02-28T08:00,2010-02-28T13:00,PUBLIC_SCHEDULED',
        '2010-02-28T20:00,2010-03-01T08:00,ON_CALL',
      ],
      [],
    );
    expect(kit).toBeNull();
    expect(placed(issues, ['outside-campaign', 'campaign-margin'])).toEqual([
      'error sessions.csv:3:start outside-campaign',
      'error sessions.csv:4:end outside-campaign',
      'warning sessions.csv:5:start campaign-margin',
    ]);
    expect(issues.find((i) => i.line === 4)!.message).toMatch(
      /^the session 2010-03-27T08:00 to 2011-03-27T13:00 ends 364 days after/,
    );
  });
});

describe('CampaignWindow', () => {
  const window = new CampaignWindow(new CampaignCalendar('2010-03-01', 28, 'Europe/Paris'));

  it('places instants by local day, across the daylight-saving change', () => {
    expect(window.placeOf(at('2010-03-01T00:00'))).toBe('in');
    expect(window.placeOf(at('2010-02-28T23:59'))).toBe('margin');
    expect(window.placeOf(at('2010-02-28T00:00'))).toBe('margin');
    expect(window.placeOf(at('2010-02-27T23:59'))).toBe('far');
    expect(window.placeOf(at('2010-03-28T23:59'))).toBe('in');
    expect(window.placeOf(at('2010-03-29T11:59'))).toBe('in');
    expect(window.placeOf(at('2010-03-29T12:00'))).toBe('margin');
    expect(window.placeOf(at('2010-03-29T23:59'))).toBe('margin');
    expect(window.placeOf(at('2010-03-30T00:00'))).toBe('far');
    expect(window.placeOf(NaN)).toBe('in');
  });
});

describe('rows away from the campaign in hospital-system sources', () => {
  const mapping = parseMapping('mapping.csv', MAPPING_CSV).mapping!;
  const campaign = { id: 'c', name: 'C', start: '2010-03-01', days: 28, timeZone: 'Europe/Paris' };
  const exam = (examId: string, roomIn: string, roomOut: string) => ({
    examId,
    equipmentId: 'CT-LENS-1',
    category: 'A' as const,
    roomIn: at(roomIn),
    roomOut: at(roomOut),
    acts: [],
    icr: null,
    reportValidatedAt: null,
    requestedAt: null,
    scheduledMinutes: null,
    ageBand: null,
  });

  it('leaves them out as information, keeps the last night, and gives the span of the far ones', async () => {
    const records = emptyRecords();
    records.exams.push(
      exam('IN', '2010-03-01T08:00', '2010-03-01T08:20'),
      exam('NIGHT', '2010-03-29T02:00', '2010-03-29T02:20'),
      exam('MARGIN', '2010-02-28T10:00', '2010-02-28T10:20'),
      exam('TYPO', '2001-03-05T10:00', '2001-03-05T10:20'),
    );
    const { kit, issues } = await kitFromSources(records, campaign, mapping);
    expect(kit?.exams.map((e) => e.examId)).toEqual(['IN', 'NIGHT']);
    const note = issues.find((i) => i.code === 'outside-campaign')!;
    expect(note.severity).toBe('info');
    expect(note.message).toBe(
      "2 exams and 0 sessions outside the campaign's days were left out and count in no figure; " +
        "1 of them more than a day away, from 2001-03-05 to 2001-03-05: if the campaign's dates are right, check those dates in the sources",
    );
    expect(note.hint).toContain('not errors here');
    expect(issues.filter((i) => i.severity === 'error')).toEqual([]);
  });
});
