import { describe, expect, it } from 'vitest';
import { CampaignCalendar, ZoneClock } from '../../../src/core/calendar.ts';
import { pdsDemand, pdsHoursInCampaign, pdsPeriodAt } from '../../../src/plan/oncall/index.ts';
import { ct, examEnding } from './fixtures.ts';

const paris = new ZoneClock('Europe/Paris');
const holiday = new Set(['2026-03-25']); // a Wednesday, given as if it were a public holiday
const at = (iso: string): number => Date.parse(iso);

describe('PDS hours (Europe/Paris, DST on Sunday 2026-03-29, a holiday on Wednesday 2026-03-25)', () => {
  it('classifies instants in local time on both sides of the change', () => {
    expect(pdsPeriodAt(paris, at('2026-03-23T06:30Z'), holiday)).toBe('night'); // Mon 07:30 CET
    expect(pdsPeriodAt(paris, at('2026-03-30T06:30Z'), holiday)).toBeNull(); // Mon 08:30 CEST: daytime
    expect(pdsPeriodAt(paris, at('2026-03-29T01:30Z'), holiday)).toBe('weekend'); // Sun 03:30 CEST
    expect(pdsPeriodAt(paris, at('2026-03-26T19:30Z'), holiday)).toBe('night'); // Thu 20:30 CET
    expect(pdsPeriodAt(paris, at('2026-04-02T18:30Z'), holiday)).toBe('night'); // Thu 20:30 CEST
    expect(pdsPeriodAt(paris, at('2026-04-02T17:30Z'), holiday)).toBeNull(); // Thu 19:30 CEST
    expect(pdsPeriodAt(paris, at('2026-03-25T10:00Z'), holiday)).toBe('weekend'); // holiday 11:00
    expect(pdsPeriodAt(paris, at('2026-03-25T10:00Z'), new Set())).toBeNull(); // same hour, no holiday
    expect(pdsPeriodAt(paris, at('2026-03-26T10:00Z'), holiday)).toBeNull(); // Thu 11:00
  });

  it('counts PDS hours on the calendar: the DST Sunday has 23 hours, the holiday moves 12 night hours to weekend', () => {
    const cal = new CampaignCalendar('2026-03-23', 14, 'Europe/Paris');
    // Week 1: nights 5 × 12 − 12 (Wed) = 48; weekend = Wed 24 + Sat 24 + Sun 23 = 71.
    // Week 2: nights 60; weekend 48. Total night 108, weekend 119.
    expect(pdsHoursInCampaign(cal, holiday)).toEqual({ night: 108, weekend: 119 });
    expect(pdsHoursInCampaign(cal, new Set())).toEqual({ night: 120, weekend: 95 });
  });

  it('counts, annualises and places exams per site and modality', () => {
    const campaign = {
      id: 'c',
      name: 'c',
      start: '2026-03-23',
      days: 14,
      timeZone: 'Europe/Paris',
    };
    const eq = [ct('A')];
    const exams = [
      examEnding('A-CT', at('2026-03-23T06:30Z'), 1), // night
      examEnding('A-CT', at('2026-03-25T10:00Z'), 2), // holiday
      examEnding('A-CT', at('2026-04-02T18:30Z'), 3), // night, Thu 20:30 CEST
      examEnding('A-CT', at('2026-03-30T06:30Z'), 4), // daytime: left out
      examEnding('A-CT', at('2026-04-06T06:30Z'), 5), // after the campaign
      examEnding('Z-CT', at('2026-03-23T06:30Z'), 6), // unknown machine
    ];
    const d = pdsDemand(campaign, eq, exams, holiday);
    expect(d.hoursPerWeek).toEqual({ night: 54, weekend: 59.5 });
    expect(d.rows).toHaveLength(1);
    const row = d.rows[0]!;
    expect(row.examsInCampaign).toBe(3);
    expect(row.perWeek).toEqual({ night: 1, weekend: 0.5 }); // 2 and 1 exams × 7/14
    expect(row.perYear).toBeCloseTo((3 * 365) / 14, 10);
    expect(row.byHourOfWeek[3 * 24 + 20]).toBe(0.5); // Thursday 20:00–21:00
    expect(row.byHourOfWeek[0 * 24 + 7]).toBe(0.5); // Monday 07:00–08:00
    expect(row.byHourOfWeek[2 * 24 + 11]).toBe(0.5); // Wednesday (holiday) 11:00
    expect(row.byHourOfWeek.reduce((s, v) => s + v, 0)).toBe(1.5);
  });
});
