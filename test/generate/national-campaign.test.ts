/**
 * Structure of the synthetic national campaign: the panel (counts, legal mix, FINESS ids),
 * what the exams and sessions carry, determinism per seed and per machine, daylight-saving
 * changes in any zone, scaling, and the streamed kit on disk.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { naiveFields, ZoneClock } from '../../src/core/calendar.ts';
import type { Kit, Session } from '../../src/core/kit-types.ts';
import {
  AGE_BANDS,
  CATEGORIES,
  CLINICAL_CASES,
  LEGAL_STATUSES,
  SESSION_TYPES,
} from '../../src/core/kit-types.ts';
import {
  generateKit,
  generateMachine,
  planCampaign,
  writeGeneratedKit,
} from '../../src/generate/index.ts';
import { luhnValid } from '../../src/generate/geography.ts';
import { LEGAL_MIX_2010 } from '../../src/generate/panel.ts';
import { readKitDir } from '../../src/ingest/kit/read-kit.ts';

const MINUTE = 60_000;
let kit: Kit;

beforeAll(() => {
  kit = generateKit({ seed: 2010 });
}, 120_000);

describe('the 2010 panel', () => {
  it('has 301 establishments in 14 regions with the report’s legal-status mix', () => {
    expect(kit.establishments).toHaveLength(301);
    expect(new Set(kit.establishments.map((e) => e.region)).size).toBe(14);
    for (const status of LEGAL_STATUSES) {
      expect(kit.establishments.filter((e) => e.legalStatus === status).length, status).toBe(
        LEGAL_MIX_2010[status],
      );
    }
  });

  it('gives establishments plausible, unique FINESS géographique ids and names', () => {
    const ids = kit.establishments.map((e) => e.finess);
    expect(new Set(ids).size).toBe(ids.length);
    for (const e of kit.establishments) {
      expect(e.finess).toMatch(/^\d{9}$/);
      expect(e.finess.startsWith(e.department ?? '??'), `${e.finess} in ${e.department}`).toBe(
        true,
      );
      expect(luhnValid(e.finess), e.finess).toBe(true);
    }
    expect(new Set(kit.establishments.map((e) => e.name)).size).toBe(301);
    expect(
      kit.establishments
        .filter((e) => e.legalStatus === 'CHU_APHP')
        .every((e) => e.region === 'Île-de-France'),
    ).toBe(true);
    expect(
      kit.establishments
        .filter((e) => e.legalStatus === 'CHU_APHM')
        .every((e) => e.department === '13'),
    ).toBe(true);
  });

  it('has 326 CT and 191 MRI, every establishment at least one', () => {
    expect(kit.equipment.filter((e) => e.modality === 'CT')).toHaveLength(326);
    expect(kit.equipment.filter((e) => e.modality === 'MR')).toHaveLength(191);
    const withMachine = new Set(kit.equipment.map((e) => e.finess));
    expect(kit.establishments.every((e) => withMachine.has(e.finess))).toBe(true);
    expect(new Set(kit.equipment.map((e) => e.equipmentId)).size).toBe(517);
    expect(kit.equipment.some((e) => e.role === 'emergency')).toBe(true);
  });
});

describe('the 2010 campaign', () => {
  it('runs 28 days from Monday 2010-03-01 in Europe/Paris', () => {
    expect(kit.campaign).toMatchObject({ start: '2010-03-01', days: 28, timeZone: 'Europe/Paris' });
  });

  it('has about 270,000 exams, every session type, category and age band', () => {
    expect(kit.exams.length).toBeGreaterThanOrEqual(260_000);
    expect(kit.exams.length).toBeLessThanOrEqual(280_000);
    expect(new Set(kit.sessions.map((s) => s.type))).toEqual(new Set(SESSION_TYPES));
    expect(new Set(kit.exams.map((e) => e.category))).toEqual(new Set(CATEGORIES));
    expect(new Set(kit.exams.map((e) => e.ageBand).filter((a) => a !== null))).toEqual(
      new Set(AGE_BANDS),
    );
  });

  it('fills report, request and booked times, with a few doubtful short exams', () => {
    const n = kit.exams.length;
    const share = (f: (e: Kit['exams'][number]) => boolean): number =>
      kit.exams.filter(f).length / n;
    expect(share((e) => e.reportValidatedAt !== null)).toBeGreaterThan(0.9);
    expect(share((e) => e.requestedAt !== null)).toBeGreaterThan(0.7);
    expect(share((e) => e.scheduledMinutes !== null)).toBeGreaterThan(0.4);
    const short = share((e) => e.roomOut - e.roomIn < 3 * MINUTE);
    expect(short).toBeGreaterThan(0.002);
    expect(short).toBeLessThan(0.03);
    const reportBeforeExam = kit.exams.filter(
      (e) => e.reportValidatedAt !== null && e.reportValidatedAt < e.roomOut,
    );
    const requestAfterExam = kit.exams.filter(
      (e) => e.requestedAt !== null && e.requestedAt >= e.roomIn,
    );
    expect(reportBeforeExam).toEqual([]);
    expect(requestAfterExam).toEqual([]);
  });

  it('puts night and on-call work on CT, little on MRI', () => {
    const clock = new ZoneClock('Europe/Paris');
    const modality = new Map(kit.equipment.map((e) => [e.equipmentId, e.modality]));
    const night = { CT: 0, MR: 0 };
    for (const e of kit.exams) {
      const hour = naiveFields(clock.toNaive(e.roomIn)).hour;
      if (hour >= 20 || hour < 7) night[modality.get(e.equipmentId) ?? 'CT']++;
    }
    expect(night.CT).toBeGreaterThan(5 * night.MR);
    expect(night.MR).toBeGreaterThan(0);
  });

  it('values every act from acts.csv, which says its ICR values are illustrative', () => {
    const codes = new Set(kit.acts.map((a) => a.code));
    expect(kit.acts.every((a) => /illustratif/.test(a.label) && a.icr > 0)).toBe(true);
    expect(kit.exams.every((e) => e.acts.length > 0 && e.acts.every((c) => codes.has(c)))).toBe(
      true,
    );
  });

  it('answers the appointment survey for the ten clinical cases, outpatient and inpatient', () => {
    const cases = Object.keys(CLINICAL_CASES);
    expect(new Set(kit.survey.map((a) => a.case))).toEqual(new Set(cases));
    expect(new Set(kit.survey.map((a) => a.patient))).toEqual(new Set(['outpatient', 'inpatient']));
    for (const a of kit.survey) expect(CLINICAL_CASES[a.case]).toBe(a.modality);
    const ct = kit.survey.filter((a) => a.modality === 'CT' && a.patient === 'inpatient');
    expect(ct.filter((a) => a.days === 0).length / ct.length).toBeGreaterThan(0.25);
  });
});

describe('determinism', () => {
  it('gives the same plan and machines for the same seed, in any order', () => {
    const a = planCampaign({ seed: 7, machines: 60 });
    const b = planCampaign({ seed: 7, machines: 60 });
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
    const forward = [3, 17, 42].map((i) => generateMachine(a, i));
    const backward = [42, 17, 3].map((i) => generateMachine(b, i)).reverse();
    expect(backward).toEqual(forward);
  });

  it('gives a different campaign for a different seed', () => {
    const a = planCampaign({ seed: 7, machines: 60 });
    const b = planCampaign({ seed: 8, machines: 60 });
    expect(b.establishments.map((e) => e.finess)).not.toEqual(
      a.establishments.map((e) => e.finess),
    );
    expect(generateMachine(b, 0).exams.map((e) => e.roomIn)).not.toEqual(
      generateMachine(a, 0).exams.map((e) => e.roomIn),
    );
  });
});

/** Checks every time of a campaign is a real, consistent wall-clock time of its zone. */
function expectWallClockConsistent(k: Kit): void {
  const clock = new ZoneClock(k.campaign.timeZone);
  const check = (t: number): void => {
    const r = clock.resolve(clock.toNaive(t));
    const ok =
      (r.kind === 'ok' && r.instant === t) ||
      (r.kind === 'ambiguous' && (r.earlier === t || r.later === t));
    if (!ok)
      throw new Error(
        `${new Date(t).toISOString()} does not round-trip through wall-clock time (${r.kind})`,
      );
  };
  expect(k.sessions.filter((s) => s.end <= s.start)).toEqual([]);
  for (const s of k.sessions) {
    check(s.start);
    check(s.end);
  }
  for (const e of k.exams) {
    for (const t of [e.roomIn, e.roomOut, e.reportValidatedAt, e.requestedAt])
      if (t !== null) check(t);
  }
}

/** Programmed session starts by local date, for one machine (days with a breakdown left out). */
function programmedStarts(sessions: readonly Session[], clock: ZoneClock): Map<string, string[]> {
  const out = new Map<string, string[]>();
  const broken = new Set<string>();
  const dayOf = (t: number): string => {
    const f = naiveFields(clock.toNaive(t));
    return `${f.year}-${f.month}-${f.day}`;
  };
  for (const s of sessions) {
    if (s.type === 'BREAKDOWN')
      for (let t = s.start; t < s.end + 86_400_000; t += 3_600_000)
        broken.add(dayOf(Math.min(t, s.end)));
    if (s.type !== 'PUBLIC_SCHEDULED' && s.type !== 'LIBERAL') continue;
    const f = naiveFields(clock.toNaive(s.start));
    out.set(dayOf(s.start), [...(out.get(dayOf(s.start)) ?? []), `${f.hour}:${f.minute}`]);
  }
  for (const day of broken) out.delete(day);
  return out;
}

describe('daylight-saving changes', () => {
  it('keeps the vacation grid on wall-clock time across the spring change (2010-03-28, Paris)', () => {
    const options = { seed: 11, machines: 40, start: '2010-03-22', days: 14 };
    const k = generateKit(options);
    expectWallClockConsistent(k);
    const clock = new ZoneClock('Europe/Paris');
    const plan = planCampaign(options);
    let compared = 0;
    for (let i = 0; i < plan.machines.length; i++) {
      const starts = programmedStarts(generateMachine(plan, i).sessions, clock);
      // Same weekday one week apart, either side of the change: same local start times.
      for (const [before, after] of [
        ['2010-3-23', '2010-3-30'],
        ['2010-3-26', '2010-4-2'],
      ] as const) {
        if (starts.has(before) && starts.has(after)) {
          expect(starts.get(after), `machine ${i}`).toEqual(starts.get(before));
          compared++;
        }
      }
    }
    expect(compared).toBeGreaterThan(20);
    // The night of 27 to 28 March is an hour shorter: an on-call night lasts 11 h instead of 12 h.
    const nights = k.sessions.filter((s) => s.type === 'ON_CALL' || s.type === 'EMERGENCY');
    const covering = nights.filter(
      (s) => s.start < Date.UTC(2010, 2, 28, 1) && s.end > Date.UTC(2010, 2, 28, 1),
    );
    expect(covering.length).toBeGreaterThan(0);
    for (const s of covering) {
      const f = naiveFields(clock.toNaive(s.end));
      const g = naiveFields(clock.toNaive(s.start));
      const wallHours = (f.day - g.day) * 24 + f.hour - g.hour + (f.minute - g.minute) / 60;
      expect((s.end - s.start) / 3_600_000).toBe(wallHours - 1);
    }
  });

  it('writes consistent times in the autumn repeated hour and in other zones', () => {
    expectWallClockConsistent(
      generateKit({ seed: 3, machines: 30, start: '2010-10-25', days: 14 }),
    );
    // São Paulo skipped midnight on 2010-10-17; New York changes at 02:00 on 2010-03-14.
    expectWallClockConsistent(
      generateKit({
        seed: 3,
        machines: 30,
        start: '2010-10-11',
        days: 14,
        timeZone: 'America/Sao_Paulo',
      }),
    );
    expectWallClockConsistent(
      generateKit({
        seed: 3,
        machines: 30,
        start: '2010-03-08',
        days: 14,
        timeZone: 'America/New_York',
      }),
    );
  });

  it('never overlaps two exams on a machine and keeps exams in the campaign', () => {
    const k = generateKit({ seed: 5, machines: 50, start: '2010-03-22', days: 10 });
    const clock = new ZoneClock('Europe/Paris');
    const first = clock.toInstantLenient(Date.UTC(2010, 2, 22));
    const last = clock.toInstantLenient(Date.UTC(2010, 3, 1));
    const byMachine = new Map<string, Kit['exams']>();
    for (const e of k.exams)
      byMachine.set(e.equipmentId, [...(byMachine.get(e.equipmentId) ?? []), e]);
    const overlapping = [...byMachine.values()].flatMap((list) =>
      list.filter((e, i) => i > 0 && e.roomIn < (list[i - 1] as Kit['exams'][number]).roomOut),
    );
    expect(overlapping).toEqual([]);
    expect(k.sessions.filter((s) => s.start < first || s.end > last)).toEqual([]);
    expect(k.exams.filter((e) => e.roomIn < first || e.roomIn >= last)).toEqual([]);
  });
});

describe('scaling', () => {
  it('grows establishments with machines and keeps the CT/MRI ratio and the regions', () => {
    const plan = planCampaign({ machines: 2500, days: 365 });
    const ct = plan.equipment.filter((e) => e.modality === 'CT').length;
    expect(ct).toBe(Math.round((2500 * 326) / 517));
    expect(plan.equipment).toHaveLength(2500);
    expect(plan.establishments).toHaveLength(Math.round((2500 * 301) / 517));
    expect(new Set(plan.establishments.map((e) => e.region)).size).toBe(14);
    expect(plan.machines).toHaveLength(2500);
  });

  it('works for a tiny panel', () => {
    const k = generateKit({ machines: 3, days: 3, start: '2011-01-05' });
    expect(k.equipment).toHaveLength(3);
    expect(k.establishments.length).toBeGreaterThanOrEqual(1);
    expect(k.exams.length).toBeGreaterThan(0);
  });

  it('rejects impossible options', () => {
    expect(() => planCampaign({ machines: 0 })).toThrow(/machines/);
    expect(() => planCampaign({ start: '2010-02-30' })).toThrow(/date/);
    expect(() => planCampaign({ timeZone: 'Mars/Olympus' })).toThrow(/time zone/);
  });
});

describe('the kit on disk', () => {
  it('streams a kit that reads back as generated, with a README', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'plateau-generate-'));
    try {
      const options = { seed: 21, machines: 12, days: 7 };
      const progress: number[] = [];
      const summary = await writeGeneratedKit(dir, options, (p) => progress.push(p.done));
      expect(progress.at(-1)).toBe(12);
      const { kit: read, issues } = await readKitDir(dir);
      expect(issues.filter((i) => i.severity === 'error')).toEqual([]);
      const expected = generateKit(options);
      expect(read?.exams).toHaveLength(summary.exams);
      expect(read?.exams).toEqual(expected.exams);
      expect(read?.sessions).toEqual(expected.sessions);
      expect(read?.survey).toEqual(expected.survey);
      // Patient keys and the illustrative cost set go through exams.csv and costs.csv.
      expect(read?.exams.every((e) => typeof e.patientKey === 'string')).toBe(true);
      expect(read?.costs?.origin).toBe('illustrative');
      expect(read?.costs).toEqual(expected.costs);
      const readme = readFileSync(join(dir, 'README.md'), 'utf8');
      expect(readme).toMatch(/synthetic/i);
      expect(readme).toMatch(/seed 21/);
      expect(readme).toMatch(/illustrative/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('panel sizes', () => {
  it.each([1, 2, 5, 12, 37, 100, 517, 1000])(
    'places all %i machines, each establishment with at least one',
    (machines) => {
      const plan = planCampaign({ machines, days: 7 });
      expect(plan.equipment).toHaveLength(machines);
      expect(plan.machines).toHaveLength(machines);
      const used = new Set(plan.equipment.map((e) => e.finess));
      expect(plan.establishments.every((e) => used.has(e.finess))).toBe(true);
      expect(
        plan.equipment.every((e) => plan.establishments.some((x) => x.finess === e.finess)),
      ).toBe(true);
    },
  );
});
