// The synthetic campaign's booking supply (slots.csv): one département's machines, slot lengths
// from their booked lengths, each slot seen at the first morning (07:00 local) within eight weeks
// and again when taken, taken from the request of the first exam that occupies it — checked on a
// hand-made machine, then on the national plan (consistency with the exams, size of a national
// year), and through the kit on disk.
import { mkdtempSync, rmSync, statSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CampaignCalendar, MS_PER_DAY, ZoneClock } from '../../src/core/calendar.ts';
import type { Equipment, Establishment, Exam, Session, Slot } from '../../src/core/kit-types.ts';
import {
  generateKit,
  generateMachine,
  generateMachineSlots,
  planCampaign,
  writeGeneratedKit,
} from '../../src/generate/index.ts';
import type { Rng } from '../../src/generate/random.ts';
import { generateSlots, slotLengthOf, slotMachines } from '../../src/generate/slots.ts';
import { createKitWriter } from '../../src/ingest/kit/write-kit.ts';
import { readKitDir } from '../../src/ingest/kit/read-kit.ts';

const utc = (text: string): number => Date.parse(`${text}Z`);
const site = (finess: string, department: string | null): Establishment => ({
  finess,
  name: finess,
  legalStatus: 'CH',
  region: '32',
  department,
});
const machineAt = (id: string, finess: string): Equipment => ({
  equipmentId: id,
  finess,
  modality: 'CT',
  label: null,
  installedYear: null,
  role: 'general',
});
/** A stream whose `chance` answers the given answers in turn (then false). */
const answers = (...values: boolean[]): Rng =>
  ({ chance: () => values.shift() ?? false }) as unknown as Rng;
const exam = (
  id: string,
  category: Exam['category'],
  roomIn: string,
  roomOut: string,
  requestedAt: string | null,
  scheduledMinutes: number | null,
  equipmentId = 'CT-1',
): Exam => ({
  examId: id,
  equipmentId,
  category,
  roomIn: utc(roomIn),
  roomOut: utc(roomOut),
  acts: [],
  icr: null,
  reportValidatedAt: null,
  requestedAt: requestedAt === null ? null : utc(requestedAt),
  scheduledMinutes,
  ageBand: null,
});
const row = (start: string, end: string, status: Slot['status'], seen: string): Slot => ({
  equipmentId: 'CT-1',
  start: utc(start),
  end: utc(end),
  status,
  observedAt: utc(seen),
});

describe('slotMachines', () => {
  it('takes the département with the most campaign machines among those with at most 8, the smallest code on a tie', () => {
    const establishments = [
      site('590000001', '59'),
      site('620000001', '62'),
      site('800000001', '80'),
      site('750000001', '75'),
      site('000000001', null),
    ];
    const equipment = [
      machineAt('A', '620000001'),
      machineAt('B', '590000001'),
      machineAt('C', '620000001'),
      machineAt('D', '590000001'),
      machineAt('E', '800000001'),
      ...Array.from({ length: 9 }, (_, i) => machineAt(`P${i}`, '750000001')),
      machineAt('X', '000000001'),
      machineAt('Y', '000000001'),
      machineAt('Z', '000000001'),
    ];
    // 59 and 62 hold two each (75 holds nine: too many; no département: never): 59.
    expect(slotMachines(establishments, equipment)).toEqual([1, 3]);
    expect(slotMachines(establishments, [...equipment, machineAt('F', '620000001')])).toEqual([
      0, 2, 17,
    ]);
    expect(slotMachines([site('000000001', null)], [machineAt('X', '000000001')])).toEqual([]);
  });
});

describe('slotLengthOf', () => {
  it('is the median booked length to the nearest 5 minutes, at least 10; 15 (CT) or 30 (MRI) without any', () => {
    expect(slotLengthOf('CT', [])).toBe(15);
    expect(slotLengthOf('MR', [])).toBe(30);
    expect(slotLengthOf('CT', [30, 10, 12])).toBe(10);
    expect(slotLengthOf('MR', [22, 23, 40])).toBe(25);
    expect(slotLengthOf('CT', [7])).toBe(10);
  });
});

describe('generateSlots on a hand-made machine', () => {
  // Paris, 1–3 March 2010 (UTC+1): the agenda is looked at 06:00Z each morning.
  const frame = {
    firstDay: utc('2010-03-01T00:00'),
    days: 3,
    clock: new ZoneClock('Europe/Paris'),
  };
  const sessions: Session[] = [
    {
      equipmentId: 'CT-1',
      start: utc('2010-03-02T07:00'),
      end: utc('2010-03-02T08:00'),
      type: 'PUBLIC_SCHEDULED',
    },
    {
      equipmentId: 'CT-1',
      start: utc('2010-03-02T08:00'),
      end: utc('2010-03-02T09:00'),
      type: 'EMERGENCY',
    },
    // 40 min: two slots of 20 (a last piece shorter than a slot is no slot).
    {
      equipmentId: 'CT-1',
      start: utc('2010-03-03T07:00'),
      end: utc('2010-03-03T07:50'),
      type: 'LIBERAL',
    },
    {
      equipmentId: 'MR-9',
      start: utc('2010-03-02T07:00'),
      end: utc('2010-03-02T08:00'),
      type: 'PUBLIC_SCHEDULED',
    },
  ];
  const exams: Exam[] = [
    // Asked on Monday at 11:00Z for Tuesday's first slot: free on Monday morning, taken on Tuesday's.
    exam('e1', 'A', '2010-03-02T07:00', '2010-03-02T07:12', '2010-03-01T11:00', 20),
    // No request time, an inpatient: booked before; 40 minutes long, it takes the next two slots.
    exam('e2', 'H', '2010-03-02T07:25', '2010-03-02T08:05', null, 20),
    // An urgent patient without request time takes Wednesday's slot as it comes: free every morning.
    exam('e3', 'U', '2010-03-03T07:05', '2010-03-03T07:15', null, null),
    exam('x1', 'A', '2010-03-03T07:20', '2010-03-03T07:40', '2010-02-01T11:00', 20, 'MR-9'),
  ];

  it('cuts sessions open to appointments into slots of the booked length, seen when first shown and when taken', () => {
    expect(
      generateSlots({ equipmentId: 'CT-1', modality: 'CT' }, sessions, exams, frame, answers()),
    ).toEqual([
      row('2010-03-02T07:00', '2010-03-02T07:20', 'free', '2010-03-01T06:00'),
      row('2010-03-02T07:00', '2010-03-02T07:20', 'busy', '2010-03-02T06:00'),
      row('2010-03-02T07:20', '2010-03-02T07:40', 'busy', '2010-03-01T06:00'),
      row('2010-03-02T07:40', '2010-03-02T08:00', 'busy', '2010-03-01T06:00'),
      row('2010-03-03T07:00', '2010-03-03T07:20', 'free', '2010-03-01T06:00'),
      row('2010-03-03T07:20', '2010-03-03T07:40', 'free', '2010-03-01T06:00'),
    ]);
  });

  it('holds back the slots its own stream says, busy from the start', () => {
    const rows = generateSlots(
      { equipmentId: 'CT-1', modality: 'CT' },
      sessions,
      exams,
      frame,
      answers(false, false, false, true),
    );
    expect(rows.slice(4)).toEqual([
      row('2010-03-03T07:00', '2010-03-03T07:20', 'busy', '2010-03-01T06:00'),
      row('2010-03-03T07:20', '2010-03-03T07:40', 'free', '2010-03-01T06:00'),
    ]);
  });

  it('shows a slot eight weeks ahead at the latest, and none already past on the first morning', () => {
    const long = { ...frame, days: 70 };
    // 30 April 08:00 local (UTC+2): 56 days earlier is 5 March 06:00Z, that morning's look.
    const later: Session[] = [
      {
        equipmentId: 'CT-1',
        start: utc('2010-04-30T06:00'),
        end: utc('2010-04-30T06:30'),
        type: 'PUBLIC_SCHEDULED',
      },
      {
        equipmentId: 'CT-1',
        start: utc('2010-03-01T05:00'),
        end: utc('2010-03-01T05:30'),
        type: 'PUBLIC_SCHEDULED',
      },
    ];
    expect(
      generateSlots({ equipmentId: 'CT-1', modality: 'MR' }, later, [], long, answers()),
    ).toEqual([row('2010-04-30T06:00', '2010-04-30T06:30', 'free', '2010-03-05T06:00')]);
  });
});

describe('the synthetic campaign’s slots', () => {
  it('cover one département’s machines, consistently with their exams', () => {
    const plan = planCampaign({ seed: 2010 });
    expect(plan.slotMachines.length).toBeGreaterThanOrEqual(2);
    expect(plan.slotMachines.length).toBeLessThanOrEqual(8);
    const department = new Map(plan.establishments.map((e) => [e.finess, e.department]));
    const deps = new Set(plan.slotMachines.map((i) => department.get(plan.equipment[i]!.finess)));
    expect(deps.size).toBe(1);
    // Every machine of that département has slots.
    const dep = [...deps][0];
    expect(plan.equipment.filter((m) => department.get(m.finess) === dep)).toHaveLength(
      plan.slotMachines.length,
    );
    const calendar = new CampaignCalendar(
      plan.campaign.start,
      plan.campaign.days,
      plan.campaign.timeZone,
    );
    const mornings = new Set(
      Array.from({ length: calendar.days }, (_, d) =>
        calendar.clock.toInstantLenient(calendar.firstDay + d * MS_PER_DAY + 7 * 3_600_000),
      ),
    );
    let checked = 0;
    for (const i of plan.slotMachines.slice(0, 3)) {
      const data = generateMachine(plan, i);
      const slots = generateMachineSlots(plan, i, data);
      expect(slots.length).toBeGreaterThan(100);
      const bySlot = new Map<number, Slot[]>();
      for (const s of slots) {
        expect(mornings.has(s.observedAt)).toBe(true);
        expect(s.observedAt).toBeLessThan(s.start);
        bySlot.set(s.start, [...(bySlot.get(s.start) ?? []), s]);
      }
      for (const seen of bySlot.values()) {
        // Seen once (free or busy), or free then busy.
        expect(
          seen.length === 1 ||
            (seen.length === 2 && seen[0]!.status === 'free' && seen[1]!.status === 'busy'),
        ).toBe(true);
      }
      // An outpatient asked for before a morning's look holds its slot, busy at that look.
      const starts = [...bySlot.keys()].sort((a, b) => a - b);
      for (const e of data.exams) {
        if (e.category !== 'A' || e.requestedAt === null) continue;
        const start = starts.filter((t) => t <= e.roomIn).pop();
        const seen = start === undefined ? undefined : bySlot.get(start);
        if (seen === undefined || e.roomIn >= seen[0]!.end) continue;
        const looks = [...mornings].filter(
          (t) => t >= e.requestedAt! && t < seen[0]!.start && t >= seen[0]!.observedAt,
        );
        for (const t of looks) {
          const last = seen.filter((s) => s.observedAt <= t).pop();
          expect(last?.status).toBe('busy');
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(100);
  });

  it('stay under 5 MB of slots.csv for a national year (12 weeks of agendas at most)', async () => {
    const plan = planCampaign({ seed: 2010, days: 365 });
    const slots = plan.slotMachines.flatMap((i) =>
      generateMachineSlots(plan, i, generateMachine(plan, i)),
    );
    const last = Math.max(...slots.map((s) => s.start));
    expect(last).toBeLessThan(
      new CampaignCalendar(plan.campaign.start, 85, plan.campaign.timeZone).end,
    );
    const dir = mkdtempSync(join(tmpdir(), 'plateau-slots-size-'));
    try {
      const writer = createKitWriter(dir, plan.campaign);
      await writer.writeSlots(slots);
      await writer.close();
      const bytes = statSync(join(dir, 'slots.csv')).size;
      expect(bytes).toBeGreaterThan(1_000_000);
      expect(bytes).toBeLessThan(5_000_000);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);

  it('are written to slots.csv, which reads back as generated, and said in the README', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'plateau-slots-kit-'));
    try {
      const options = { seed: 5, machines: 12, days: 7 };
      const summary = await writeGeneratedKit(dir, options);
      const expected = generateKit(options).slots ?? [];
      expect(expected.length).toBeGreaterThan(0);
      expect(summary.slots).toBe(expected.length);
      const { kit, issues } = await readKitDir(dir);
      expect(issues.filter((i) => i.severity === 'error')).toEqual([]);
      expect(kit?.slots).toEqual(expected);
      expect(readFileSync(join(dir, 'README.md'), 'utf8')).toContain(
        `slots.csv: the agendas of the`,
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
