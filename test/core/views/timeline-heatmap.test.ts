// The timeline and heatmap in the campaign's zone, across the spring (2010-03-28) and autumn
// (2010-10-31) changes in Europe/Paris: spans cut at local midnight, wall-clock minutes, means
// per weekday over the campaign's days.
import { describe, expect, it } from 'vitest';
import { CampaignCalendar } from '../../../src/core/calendar.ts';
import type { Exam, Session } from '../../../src/core/kit-types.ts';
import { daysPerWeekday, heatmapView, timelineView } from '../../../src/core/views/index.ts';
import { at } from '../../helpers/build-kit.ts';

const session = (
  start: string,
  end: string,
  type: Session['type'],
  equipmentId = 'CT1',
): Session => ({
  equipmentId,
  start: at(start),
  end: at(end),
  type,
});
const exam = (
  roomIn: string,
  roomOut: string,
  category: Exam['category'] = 'A',
  equipmentId = 'CT1',
): Exam => ({
  examId: `${equipmentId}-${roomIn}`,
  equipmentId,
  category,
  roomIn: at(roomIn),
  roomOut: at(roomOut),
  acts: [],
  icr: null,
  reportValidatedAt: null,
  requestedAt: null,
  scheduledMinutes: null,
  ageBand: null,
});

// Monday 2010-03-22, 10 days: week 0 holds the spring change (Sunday 28), week 1 three days.
const spring = new CampaignCalendar('2010-03-22', 10, 'Europe/Paris');
const sessions = [
  session('2010-03-27T20:00', '2010-03-28T08:00', 'ON_CALL'),
  session('2010-03-28T00:00', '2010-03-29T00:00', 'EMERGENCY'),
  session('2010-03-22T08:00', '2010-03-22T13:00', 'PUBLIC_SCHEDULED'),
  session('2010-03-22T08:00', '2010-03-22T18:00', 'PUBLIC_SCHEDULED', 'OTHER'),
];
const exams = [
  exam('2010-03-28T03:30', '2010-03-28T03:32', 'U'),
  exam('2010-03-28T01:50', '2010-03-28T03:10', 'H'),
  exam('2010-03-23T23:50', '2010-03-24T00:20', 'R'),
  exam('2010-03-22T09:00', '2010-03-22T09:20'),
  exam('2010-03-29T10:00', '2010-03-29T10:30'),
  exam('2010-03-21T10:00', '2010-03-21T10:30'),
  exam('2010-03-22T09:00', '2010-03-22T09:20', 'A', 'OTHER'),
];

describe('timeline', () => {
  const week0 = timelineView(spring, 'CT1', 0, sessions, exams);
  const day = (date: string) => week0.days.find((d) => d.date === date)!;

  it('gives seven local days, Monday = 1', () => {
    expect(week0.equipmentId).toBe('CT1');
    expect(week0.week).toEqual({ index: 0, start: '2010-03-22' });
    expect(week0.weeks).toBe(2);
    expect(week0.days.map((d) => [d.date, d.weekday])).toEqual([
      ['2010-03-22', 1],
      ['2010-03-23', 2],
      ['2010-03-24', 3],
      ['2010-03-25', 4],
      ['2010-03-26', 5],
      ['2010-03-27', 6],
      ['2010-03-28', 7],
    ]);
  });
  it("keeps only the machine's own records", () => {
    expect(day('2010-03-22').sessions).toEqual([
      { startMinute: 480, endMinute: 780, type: 'PUBLIC_SCHEDULED' },
    ]);
    expect(day('2010-03-22').exams).toEqual([
      { startMinute: 540, endMinute: 560, category: 'A', short: false },
    ]);
  });
  it('cuts spans at local midnight', () => {
    expect(day('2010-03-27').sessions).toEqual([
      { startMinute: 1200, endMinute: 1440, type: 'ON_CALL' },
    ]);
    expect(day('2010-03-23').exams).toEqual([
      { startMinute: 1430, endMinute: 1440, category: 'R', short: false },
    ]);
    expect(day('2010-03-24').exams).toEqual([
      { startMinute: 0, endMinute: 20, category: 'R', short: false },
    ]);
  });
  it('places spans of the 23-hour spring day at their wall-clock minutes', () => {
    const sunday = day('2010-03-28');
    // 00:00-08:00 local is 7 hours long, drawn 0..480; the whole day 0..1440.
    expect(sunday.sessions).toEqual([
      { startMinute: 0, endMinute: 480, type: 'ON_CALL' },
      { startMinute: 0, endMinute: 1440, type: 'EMERGENCY' },
    ]);
    // 01:50 → 03:10 lasts 20 minutes; 03:30 → 03:32 is a short exam.
    expect(sunday.exams).toEqual([
      { startMinute: 110, endMinute: 190, category: 'H', short: false },
      { startMinute: 210, endMinute: 212, category: 'U', short: true },
    ]);
  });
  it('gives a shorter last week, and refuses a week outside the campaign', () => {
    const week1 = timelineView(spring, 'CT1', 1, sessions, exams);
    expect(week1.week).toEqual({ index: 1, start: '2010-03-29' });
    expect(week1.days.map((d) => d.date)).toEqual(['2010-03-29', '2010-03-30', '2010-03-31']);
    expect(week1.days[0]!.exams).toEqual([
      { startMinute: 600, endMinute: 630, category: 'A', short: false },
    ]);
    expect(week1.days[0]!.sessions).toEqual([]);
    expect(() => timelineView(spring, 'CT1', 2, sessions, exams)).toThrow(RangeError);
    expect(() => timelineView(spring, 'CT1', -1, sessions, exams)).toThrow(RangeError);
    expect(() => timelineView(spring, 'CT1', 0.5, sessions, exams)).toThrow(RangeError);
  });
  it('draws the 25-hour autumn day 0..1440, spans in the repeated hour at their real length', () => {
    const autumn = new CampaignCalendar('2010-10-25', 7, 'Europe/Paris');
    const view = timelineView(
      autumn,
      'CT1',
      0,
      [
        session('2010-10-31T00:00', '2010-11-01T00:00', 'ON_CALL'),
        session('2010-10-31T01:30', '2010-10-31T04:00', 'EMERGENCY'),
      ],
      [
        exam('2010-10-31T02:50+02:00', '2010-10-31T02:10+01:00'),
        exam('2010-10-31T02:20+01:00', '2010-10-31T02:40+01:00'),
      ],
    );
    const sunday = view.days[6]!;
    expect(sunday.date).toBe('2010-10-31');
    expect(sunday.sessions).toEqual([
      { startMinute: 0, endMinute: 1440, type: 'ON_CALL' },
      { startMinute: 90, endMinute: 240, type: 'EMERGENCY' },
    ]);
    expect(sunday.exams).toEqual([
      { startMinute: 140, endMinute: 160, category: 'A', short: false },
      { startMinute: 170, endMinute: 190, category: 'A', short: false },
    ]);
  });
});

describe('heatmap', () => {
  it('counts the days of each weekday in the campaign', () => {
    expect(daysPerWeekday(spring)).toEqual([2, 2, 2, 1, 1, 1, 1]);
    expect(daysPerWeekday(new CampaignCalendar('2010-03-01', 28, 'Europe/Paris'))).toEqual([
      4, 4, 4, 4, 4, 4, 4,
    ]);
  });
  it('gives mean exams started per local weekday and hour, over the campaign only', () => {
    const view = heatmapView(spring, 'CT1', exams);
    expect(view.equipmentId).toBe('CT1');
    expect(view.daysPerWeekday).toEqual([2, 2, 2, 1, 1, 1, 1]);
    expect(view.cells).toHaveLength(7);
    for (const row of view.cells) expect(row).toHaveLength(24);
    const expected = Array.from({ length: 7 }, () => new Array<number>(24).fill(0));
    expected[0]![9] = 1 / 2; // Monday 22, 09:00 (the other machine's exam left out)
    expected[0]![10] = 1 / 2; // Monday 29, 10:00
    expected[1]![23] = 1 / 2; // Tuesday 23, 23:50
    expected[6]![1] = 1; // Sunday 28, 01:50 (before the change)
    expected[6]![3] = 1; // Sunday 28, 03:30 (after it: 02:00 never happened)
    expect(view.cells).toEqual(expected);
    expect(view.max).toBe(1);
  });
  it('is all zeros for a machine without exams', () => {
    const view = heatmapView(spring, 'NONE', exams);
    expect(view.max).toBe(0);
    expect(view.cells.flat().every((v) => v === 0)).toBe(true);
  });
});
