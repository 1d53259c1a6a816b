// Night access (on-call or emergency sessions reaching into 20:00–08:00 local) across both
// daylight-saving changes of 2010 in Paris, and the territorial view of computed machines.
import { describe, expect, it } from 'vitest';
import { computeCampaignDetailed } from '../../../src/core/indicators/index.ts';
import type { Exam, Kit, Session, SessionType } from '../../../src/core/kit-types.ts';
import { nightAccessMachines, territoryMachines } from '../../../src/plan/territories/machines.ts';

const H = 3_600_000;
const MIN = 60_000;
const utc = (y: number, mo: number, d: number, h: number, mi = 0): number =>
  Date.UTC(y, mo - 1, d, h, mi);
const session = (
  equipmentId: string,
  start: number,
  end: number,
  type: SessionType = 'ON_CALL',
): Session => ({
  equipmentId,
  start,
  end,
  type,
});
const PARIS = { timeZone: 'Europe/Paris' };

describe('nightAccessMachines', () => {
  it('reads the night in local time on the day summer time begins (Paris, 28 March 2010: UTC+1 → UTC+2 at 01:00 UTC)', () => {
    const sessions = [
      // 08:00–19:30 CEST = 06:00–17:30 UTC: a day session (read at UTC+1 it would start at 07:00, at night)
      session('DAY', utc(2010, 3, 28, 6), utc(2010, 3, 28, 17, 30), 'EMERGENCY'),
      // 20:00–20:30 CEST = 18:00–18:30 UTC: night (read at UTC+1 it would be 19:00–19:30, day)
      session('EVENING', utc(2010, 3, 28, 18), utc(2010, 3, 28, 18, 30)),
      // Saturday 20:00 CET (19:00 UTC) to Sunday 08:00 CEST (06:00 UTC), across the change: 11 h, night
      session('ACROSS', utc(2010, 3, 27, 19), utc(2010, 3, 28, 6)),
      // 07:00–08:00 CEST = 05:00–06:00 UTC: the night's last hour
      session('DAWN', utc(2010, 3, 28, 5), utc(2010, 3, 28, 6), 'EMERGENCY'),
      // a programmed session at night does not give night access
      session('PROGRAMMED', utc(2010, 3, 28, 20), utc(2010, 3, 28, 22), 'PUBLIC_SCHEDULED'),
    ];
    expect([...nightAccessMachines(sessions, PARIS)].sort()).toEqual(['ACROSS', 'DAWN', 'EVENING']);
  });

  it('reads the night in local time on the day summer time ends (Paris, 31 October 2010: UTC+2 → UTC+1 at 01:00 UTC)', () => {
    const sessions = [
      // 08:30–19:30 CET = 07:30–18:30 UTC: day (read at UTC+2 it would end at 20:30, at night)
      session('DAY', utc(2010, 10, 31, 7, 30), utc(2010, 10, 31, 18, 30), 'EMERGENCY'),
      // 19:30–20:00 CET = 18:30–19:00 UTC: ends as the night begins, [start, end) never reaches it
      session('UNTIL_20', utc(2010, 10, 31, 18, 30), utc(2010, 10, 31, 19)),
      // 07:00–08:00 CET = 06:00–07:00 UTC: night (read at UTC+2 it would be 08:00–09:00, day)
      session('DAWN', utc(2010, 10, 31, 6), utc(2010, 10, 31, 7)),
      // 19:59–20:01 CET: one minute of night is enough
      session('ONE_MINUTE', utc(2010, 10, 31, 18, 59), utc(2010, 10, 31, 19, 1), 'EMERGENCY'),
      // an empty session at night is ignored
      session('EMPTY', utc(2010, 10, 31, 22), utc(2010, 10, 31, 22)),
      // the repeated hour: 02:30 CEST then 02:30 CET, both night
      session('REPEAT', utc(2010, 10, 31, 0, 30), utc(2010, 10, 31, 1, 30)),
    ];
    expect([...nightAccessMachines(sessions, PARIS)].sort()).toEqual([
      'DAWN',
      'ONE_MINUTE',
      'REPEAT',
    ]);
  });

  it("uses the campaign's own time zone (New York, 14 March 2010: UTC−5 → UTC−4)", () => {
    const sessions = [
      // 08:00–19:00 EDT = 12:00–23:00 UTC: day (read in Paris it would be 13:00–00:00, night)
      session('DAY', utc(2010, 3, 14, 12), utc(2010, 3, 14, 23)),
      // 07:00–08:00 EDT = 11:00–12:00 UTC: night (read at UTC−5 it would be 06:00–07:00, night too; in Paris, day)
      session('DAWN', utc(2010, 3, 14, 11), utc(2010, 3, 14, 12)),
    ];
    expect([...nightAccessMachines(sessions, { timeZone: 'America/New_York' })]).toEqual(['DAWN']);
    expect([...nightAccessMachines(sessions, PARIS)]).toEqual(['DAY']);
  });

  it('refuses an unknown time zone', () => {
    expect(() => nightAccessMachines([], { timeZone: 'Mars/Olympus' })).toThrow(RangeError);
  });
});

describe('territoryMachines', () => {
  // A week from Monday 22 March 2010 (Paris, UTC+1 that day): EQ1 (CT) on call every night,
  // EQ2 (MR) with programmed sessions only.
  const monday = utc(2010, 3, 21, 23); // 2010-03-22 00:00 CET
  const exam = (
    id: string,
    equipmentId: string,
    category: Exam['category'],
    roomIn: number,
    requestedDaysBefore: number | null,
  ): Exam => ({
    examId: id,
    equipmentId,
    category,
    roomIn,
    roomOut: roomIn + 15 * MIN,
    acts: [],
    icr: 50,
    reportValidatedAt: null,
    requestedAt: requestedDaysBefore === null ? null : roomIn - requestedDaysBefore * 24 * H,
    scheduledMinutes: null,
    ageBand: null,
  });
  const kit: Kit = {
    campaign: { id: 't', name: 't', start: '2010-03-22', days: 7, timeZone: 'Europe/Paris' },
    establishments: [
      { finess: '010000001', name: 'S', legalStatus: 'CH', region: '84', department: '01' },
    ],
    equipment: [
      {
        equipmentId: 'EQ1',
        finess: '010000001',
        modality: 'CT',
        label: null,
        installedYear: 2005,
        role: 'general',
      },
      {
        equipmentId: 'EQ2',
        finess: '010000001',
        modality: 'MR',
        label: null,
        installedYear: 2008,
        role: 'general',
      },
    ],
    sessions: [
      session('EQ1', monday + 8 * H, monday + 18 * H, 'PUBLIC_SCHEDULED'),
      // on call from Monday 18:00 to Monday 08:00 a week later: 158 h a week, significant
      session('EQ1', monday + 18 * H, monday + 7 * 24 * H + 8 * H, 'ON_CALL'),
      session('EQ2', monday + 8 * H, monday + 18 * H, 'PUBLIC_SCHEDULED'),
    ],
    exams: [
      // realised delays: outpatient 3 days and 5 days, inpatient 1 day; the emergency exam has none
      exam('X1', 'EQ1', 'A', monday + 9 * H, 3),
      exam('X2', 'EQ1', 'H', monday + 10 * H, 1),
      exam('X3', 'EQ1', 'U', monday + 21 * H, null),
      exam('X4', 'EQ1', 'A', monday + 11 * H, 5),
      exam('X5', 'EQ2', 'A', monday + 9 * H, null),
    ],
    acts: [],
    survey: [],
  };

  it('takes exams, passages, on-call, night access and the pooled realised delays of each machine', () => {
    const { indicators, samples } = computeCampaignDetailed(kit);
    const out = territoryMachines(
      indicators.machines,
      samples,
      nightAccessMachines(kit.sessions, kit.campaign),
    );
    const byId = new Map(out.map((m) => [m.equipmentId, m]));
    const eq1 = byId.get('EQ1');
    expect(eq1).toMatchObject({
      finess: '010000001',
      modality: 'CT',
      exams: 4,
      passagesPerWeek: 4,
      significantOnCall: true,
      nightAccess: true,
    });
    expect([...(eq1?.appointmentDelayDays as Float64Array)].sort((a, b) => a - b)).toEqual([
      1, 3, 5,
    ]);
    const eq2 = byId.get('EQ2');
    expect(eq2).toMatchObject({
      modality: 'MR',
      exams: 1,
      passagesPerWeek: 1,
      significantOnCall: false,
      nightAccess: false,
    });
    expect(eq2?.appointmentDelayDays.length).toBe(0);
  });

  it('carries the installed year of equipment.csv, null when not given', () => {
    const { indicators } = computeCampaignDetailed(kit);
    const years = new Map(kit.equipment.map((e) => [e.equipmentId, e.installedYear]));
    expect(
      territoryMachines(indicators.machines, new Map(), new Set(), years).map(
        (m) => m.installedYear,
      ),
    ).toEqual([2005, 2008]);
    expect(
      territoryMachines(indicators.machines, new Map(), new Set()).map((m) => m.installedYear),
    ).toEqual([null, null]);
  });

  it('gives a machine without samples no delays', () => {
    const { indicators } = computeCampaignDetailed(kit);
    const out = territoryMachines(indicators.machines, new Map(), new Set());
    expect(out.map((m) => m.appointmentDelayDays.length)).toEqual([0, 0]);
    expect(out.map((m) => m.nightAccess)).toEqual([false, false]);
  });
});
