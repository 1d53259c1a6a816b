/**
 * Patient keys and illustrative costs of the synthetic campaign: every exam keyed with a
 * hash-shaped key, repeats at a plausible rate (more for inpatients and emergencies), patients
 * seen on both modalities of a site, determinism per machine, and nothing else of the kit moved.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { examFamily } from '../../src/core/act-families.ts';
import type { Exam, Kit } from '../../src/core/kit-types.ts';
import {
  drawPatientKey,
  generateKit,
  generateMachine,
  planCampaign,
} from '../../src/generate/index.ts';
import { generateMachineData } from '../../src/generate/machine.ts';
import type { Rng } from '../../src/generate/random.ts';
import { ILLUSTRATIVE_RANGES } from '../../src/plan/costs/illustrative.ts';
import {
  computeRepeats,
  looksLikeRawIdentifier,
  REPEAT_WINDOW_MS,
} from '../../src/plan/relevance/repeats.ts';
import { CampaignCalendar, ZoneClock } from '../../src/core/calendar.ts';

const OPTIONS = { seed: 5, machines: 60, days: 28 };
let kit: Kit;
let modality: Map<string, 'CT' | 'MR'>;
let finess: Map<string, string>;

beforeAll(() => {
  kit = generateKit(OPTIONS);
  modality = new Map(kit.equipment.map((e) => [e.equipmentId, e.modality]));
  finess = new Map(kit.equipment.map((e) => [e.equipmentId, e.finess]));
});

/** Exams by patient key. */
function byKey(exams: readonly Exam[]): Map<string, Exam[]> {
  const out = new Map<string, Exam[]>();
  for (const e of exams) {
    const k = e.patientKey as string;
    out.set(k, [...(out.get(k) ?? []), e]);
  }
  return out;
}

describe('patient keys of the synthetic exams', () => {
  it('keys every exam with 32 lowercase hex digits that are not read as an identifier', () => {
    expect(kit.exams.length).toBeGreaterThan(10_000);
    const bad = kit.exams.filter(
      (e) => typeof e.patientKey !== 'string' || !/^[0-9a-f]{32}$/.test(e.patientKey),
    );
    expect(bad).toEqual([]);
    expect(kit.exams.filter((e) => looksLikeRawIdentifier(e.patientKey as string))).toEqual([]);
    expect(computeRepeats(kit.exams, kit.equipment).refusedKeys).toBe(0);
  });

  it('never draws an all-digit key (it would read as a number)', () => {
    const digits = { uint32: () => 0x12345678 } as unknown as Rng;
    expect(drawPatientKey(digits)).toBe('f2345678123456781234567812345678');
    expect(looksLikeRawIdentifier(drawPatientKey(digits))).toBe(false);
    expect(drawPatientKey({ uint32: () => 0xabcdef01 } as unknown as Rng)).toBe(
      'abcdef01'.repeat(4),
    );
  });

  it('repeats 3–6 % of exams within 30 days, more for inpatients and emergencies than outpatients', () => {
    const r = computeRepeats(kit.exams, kit.equipment);
    const keyed = r.entries.reduce((n, x) => n + x.keyed, 0);
    const repeats = r.entries.reduce((n, x) => n + x.repeats, 0);
    expect(keyed).toBe(kit.exams.length);
    expect(repeats / keyed).toBeGreaterThan(0.03);
    expect(repeats / keyed).toBeLessThan(0.06);
    // Counted by hand per category: an exam is a repeat when the previous exam of its patient on
    // the same modality and family is at most 30 days before.
    const chains = new Map<string, Exam[]>();
    for (const e of kit.exams) {
      const id = `${e.patientKey}|${modality.get(e.equipmentId)}|${examFamily(e.acts)}`;
      chains.set(id, [...(chains.get(id) ?? []), e]);
    }
    const count: Record<Exam['category'], [number, number]> = {
      A: [0, 0],
      H: [0, 0],
      R: [0, 0],
      U: [0, 0],
    };
    let total = 0;
    for (const chain of chains.values()) {
      chain.sort((a, b) => a.roomIn - b.roomIn);
      chain.forEach((e, i) => {
        const c = count[e.category];
        c[0]++;
        const prev = chain[i - 1];
        if (prev && e.roomIn - prev.roomIn <= REPEAT_WINDOW_MS) {
          c[1]++;
          total++;
        }
      });
    }
    expect(total).toBe(repeats);
    const share = (c: [number, number]): number => c[1] / c[0];
    const inpatients = (count.H[1] + count.R[1]) / (count.H[0] + count.R[0]);
    expect(share(count.A)).toBeGreaterThan(0.005);
    expect(inpatients).toBeGreaterThan(1.5 * share(count.A));
    expect(share(count.U)).toBeGreaterThan(1.5 * share(count.A));
  });

  it('gives a repeat the family and age band of the exam it repeats, on the same machine', () => {
    for (const [key, exams] of byKey(kit.exams)) {
      const bands = new Set(exams.map((e) => e.ageBand).filter((b) => b !== null));
      expect(bands.size, key).toBeLessThanOrEqual(1);
      const machines = new Map<string, Exam[]>();
      for (const e of exams)
        machines.set(e.equipmentId, [...(machines.get(e.equipmentId) ?? []), e]);
      for (const list of machines.values()) {
        expect(new Set(list.map((e) => examFamily(e.acts))).size, key).toBe(1);
        list.sort((a, b) => a.roomIn - b.roomIn);
        for (let i = 1; i < list.length; i++) {
          const gap = (list[i] as Exam).roomIn - (list[i - 1] as Exam).roomIn;
          expect(gap).toBeGreaterThanOrEqual(2 * 3_600_000);
          expect(gap).toBeLessThanOrEqual(28 * 86_400_000);
        }
      }
    }
  });

  it('sees some patients on both the CT and the MR machine of a site, never on two of one modality', () => {
    let both = 0;
    for (const [key, exams] of byKey(kit.exams)) {
      const machines = [...new Set(exams.map((e) => e.equipmentId))];
      const modalities = machines.map((m) => modality.get(m));
      expect(new Set(modalities).size, key).toBe(modalities.length);
      expect(new Set(machines.map((m) => finess.get(m))).size, key).toBe(1);
      if (modalities.length === 2) both++;
    }
    expect(both).toBeGreaterThan(50);
    // A small share of the patients, though.
    expect(both).toBeLessThan(0.05 * byKey(kit.exams).size);
  });

  it('gives the same keys for a seed, whatever order machines are generated in, and others for another seed', () => {
    const plan = planCampaign(OPTIONS);
    const late = generateMachine(plan, 7).exams.map((e) => e.patientKey);
    const other = planCampaign(OPTIONS);
    generateMachine(other, 3);
    expect(generateMachine(other, 7).exams.map((e) => e.patientKey)).toEqual(late);
    const first = kit.exams.filter((e) => e.equipmentId === plan.equipment[7]?.equipmentId);
    expect(first.map((e) => e.patientKey)).toEqual(late);
    const seed6 = generateMachine(planCampaign({ ...OPTIONS, seed: 6 }), 7).exams.map(
      (e) => e.patientKey,
    );
    expect(seed6.filter((k) => late.includes(k))).toEqual([]);
  });

  it('leaves every other field of the exams as the generator drew them', () => {
    const plan = planCampaign(OPTIONS);
    const calendar = new CampaignCalendar(
      plan.campaign.start,
      plan.campaign.days,
      plan.campaign.timeZone,
    );
    const frame = {
      firstDay: calendar.firstDay,
      days: calendar.days,
      clock: new ZoneClock(plan.campaign.timeZone),
    };
    for (const i of [0, 11, 42]) {
      const keyed = generateMachine(plan, i).exams.map(({ patientKey: _k, ...rest }) => rest);
      const profile = plan.machines[i];
      if (!profile) throw new Error(`no machine ${i}`);
      const drawn = generateMachineData(profile, frame, plan.options.seed).exams;
      expect(drawn.every((e) => e.patientKey === null)).toBe(true);
      expect(keyed).toEqual(drawn.map(({ patientKey: _k, ...rest }) => rest));
    }
  });
});

describe('illustrative costs of the synthetic kit', () => {
  it('has one illustrative row per machine, within the illustrative ranges', () => {
    expect(kit.costs?.origin).toBe('illustrative');
    const rows = kit.costs?.rows ?? [];
    expect(rows.map((r) => r.equipmentId)).toEqual(kit.equipment.map((e) => e.equipmentId));
    for (const r of rows) {
      const range = ILLUSTRATIVE_RANGES[modality.get(r.equipmentId) as 'CT' | 'MR'];
      expect(r.purchasePrice).toBeGreaterThanOrEqual(range.purchasePrice[0]);
      expect(r.purchasePrice).toBeLessThanOrEqual(range.purchasePrice[1]);
      expect(r.amortisationYears).toBe(7);
      expect(r.staff).toBeGreaterThanOrEqual(range.staff[0]);
      expect(r.consumablesPerExam).toBeLessThanOrEqual(range.consumablesPerExam[1]);
    }
  });

  it('draws the same costs for a seed, others for another seed', () => {
    const again = generateKit({ ...OPTIONS, machines: 12, days: 3 });
    const twice = generateKit({ ...OPTIONS, machines: 12, days: 3 });
    expect(again.costs).toEqual(twice.costs);
    expect(generateKit({ ...OPTIONS, seed: 6, machines: 12, days: 3 }).costs).not.toEqual(
      again.costs,
    );
  });
});
