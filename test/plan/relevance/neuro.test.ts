// Neuro CT share (planning.md §6) on a tiny kit-like set counted by hand: per site and territory,
// U apart, peers' P20/P50/P80 (type 7) and percentile ranks (mid-rank ties) as the benchmark.
import { describe, expect, it } from 'vitest';
import type { Category } from '../../../src/core/kit-types.ts';
import { computeNeuro } from '../../../src/plan/relevance/index.ts';
import type { RelevanceExam, RelevanceMachine } from '../../../src/plan/relevance/index.ts';

const HEAD_CT = 'ACQK001';
const BRAIN_MR = 'ACQN001';
const THORAX_CT = 'ZBQK001';

const machines: RelevanceMachine[] = [
  { equipmentId: 'a1', finess: 'A', modality: 'CT' },
  { equipmentId: 'a2', finess: 'A', modality: 'MR' },
  { equipmentId: 'b1', finess: 'B', modality: 'CT' },
  { equipmentId: 'b2', finess: 'B', modality: 'MR' },
  { equipmentId: 'c1', finess: 'C', modality: 'CT' },
  { equipmentId: 'd1', finess: 'D', modality: 'MR' },
  { equipmentId: 'e1', finess: 'E', modality: 'CT' },
];

let n = 0;
const exam = (equipmentId: string, category: Category, acts: string[]): RelevanceExam => ({
  examId: `x${++n}`,
  equipmentId,
  category,
  roomIn: n * 60_000,
  acts,
  requestedAt: null,
  scheduledMinutes: null,
});
const many = (k: number, m: string, c: Category, code: string): RelevanceExam[] =>
  Array.from({ length: k }, () => exam(m, c, [code]));

const exams: RelevanceExam[] = [
  // A: CT head 3 scheduled (A, H, R) + 1 U; MR head 2 A; a thorax CT (not head)
  exam('a1', 'A', [HEAD_CT]),
  exam('a1', 'H', [HEAD_CT]),
  exam('a1', 'R', ['YYYY600', HEAD_CT]), // supplement first: family from the next act
  exam('a1', 'U', [HEAD_CT]),
  ...many(2, 'a2', 'A', BRAIN_MR),
  exam('a1', 'A', [THORAX_CT]),
  // B: CT head 1 A + 2 U; MR head 3 A + 1 U
  exam('b1', 'A', [HEAD_CT]),
  ...many(2, 'b1', 'U', HEAD_CT),
  ...many(3, 'b2', 'A', BRAIN_MR),
  exam('b2', 'U', [BRAIN_MR]),
  // C: CT head 2 A, no MR
  ...many(2, 'c1', 'A', HEAD_CT),
  // D: MR head 1 A + 1 U
  exam('d1', 'A', [BRAIN_MR]),
  exam('d1', 'U', [BRAIN_MR]),
  // E: no head exam
  exam('e1', 'U', [THORAX_CT]),
  // unknown machine
  exam('zz', 'A', [HEAD_CT]),
];

describe('computeNeuro', () => {
  const r = computeNeuro(
    exams,
    machines,
    [
      { id: 'T1', finess: ['A', 'B'] },
      { id: 'T2', finess: ['C', 'D', 'X'] },
      { id: 'T3', finess: ['E'] },
    ],
    { peersNeedBothModalities: false },
  );
  const site = (id: string) => r.sites.find((s) => s.id === id)!;

  it('counts head exams per site, U apart', () => {
    expect(r.sites.map((s) => s.id)).toEqual(['A', 'B', 'C', 'D', 'E']);
    expect(site('A').scopes.all).toMatchObject({ ct: 4, mr: 2 });
    expect(site('A').neuroCtShare).toBeCloseTo(4 / 6, 12);
    expect(site('A').scopes.scheduled).toMatchObject({ ct: 3, mr: 2, share: 0.6 });
    expect(site('A').scopes.emergency).toMatchObject({ ct: 1, mr: 0, share: 1 });
    expect(site('B').neuroCtShare).toBeCloseTo(3 / 7, 12);
    expect(site('B').scopes.scheduled.share).toBe(0.25);
    expect(site('B').scopes.emergency.share).toBeCloseTo(2 / 3, 12);
    expect(site('C').neuroCtShare).toBe(1);
    expect(site('C').scopes.emergency).toMatchObject({
      ct: 0,
      mr: 0,
      share: null,
      rank: null,
      flagged: false,
    });
    expect(site('D').neuroCtShare).toBe(0);
    expect(site('E')).toMatchObject({ neuroCtShare: null, flagged: false });
    expect(site('E').scopes.all.rank).toBeNull();
    expect(r.unknownMachineExams).toBe(1);
  });

  it('gives the peers P20/P50/P80 (type 7) of each scope', () => {
    // all: 0, 3/7, 2/3, 1 → P20 h=0.6: 0.6·3/7 = 9/35; P50 h=1.5: (3/7+2/3)/2 = 23/42; P80 h=2.4: 2/3+0.4/3 = 0.8
    expect(r.sitePeers.all.n).toBe(4);
    expect(r.sitePeers.all.p20).toBeCloseTo(9 / 35, 12);
    expect(r.sitePeers.all.p50).toBeCloseTo(23 / 42, 12);
    expect(r.sitePeers.all.p80).toBeCloseTo(0.8, 12);
    // scheduled: 0, 0.25, 0.6, 1 → 0.15, 0.425, 0.76
    expect(r.sitePeers.scheduled.p20).toBeCloseTo(0.15, 12);
    expect(r.sitePeers.scheduled.p50).toBeCloseTo(0.425, 12);
    expect(r.sitePeers.scheduled.p80).toBeCloseTo(0.76, 12);
    // emergency: 0, 2/3, 1 (C has none) → h=0.4: 4/15; 2/3; h=1.6: 2/3+0.6/3 = 13/15
    expect(r.sitePeers.emergency.n).toBe(3);
    expect(r.sitePeers.emergency.p20).toBeCloseTo(4 / 15, 12);
    expect(r.sitePeers.emergency.p50).toBeCloseTo(2 / 3, 12);
    expect(r.sitePeers.emergency.p80).toBeCloseTo(13 / 15, 12);
  });

  it('ranks sites (share below + half the ties, over the peers) and flags those ≥ P80', () => {
    expect(['D', 'B', 'A', 'C'].map((id) => site(id).scopes.all.rank)).toEqual([
      0.125, 0.375, 0.625, 0.875,
    ]);
    expect(r.sites.filter((s) => s.flagged).map((s) => s.id)).toEqual(['C']);
    expect(site('A').scopes.scheduled.rank).toBe(0.625);
    expect(r.sites.filter((s) => s.scopes.scheduled.flagged).map((s) => s.id)).toEqual(['C']);
    expect(['D', 'B', 'A'].map((id) => site(id).scopes.emergency.rank)).toEqual([
      0.5 / 3,
      1.5 / 3,
      2.5 / 3,
    ]);
    expect(r.sites.filter((s) => s.scopes.emergency.flagged).map((s) => s.id)).toEqual(['A']);
  });

  it('pools the sites of a territory and ranks territories among themselves', () => {
    const t = (id: string) => r.territories.find((x) => x.id === id)!;
    expect(t('T1').scopes.all).toMatchObject({ ct: 7, mr: 6 }); // A 4 + 2, B 3 + 4
    expect(t('T1').neuroCtShare).toBe(7 / 13);
    expect(t('T2').neuroCtShare).toBe(0.5); // C 2 CT + D 2 MR; X has no machine
    expect(t('T3').neuroCtShare).toBeNull();
    // peers 1/2, 7/13 → P80 h=0.8: 1/2 + 0.8·(7/13 − 1/2) = 1/2 + 0.8/26 = 69/130
    expect(r.territoryPeers.all.p80).toBeCloseTo(69 / 130, 12);
    expect([t('T1').scopes.all.rank, t('T2').scopes.all.rank]).toEqual([0.75, 0.25]);
    expect(r.territories.filter((x) => x.flagged).map((x) => x.id)).toEqual(['T1']); // 70/130 ≥ 69/130
  });

  it('counts ties half and has no peers for an empty set', () => {
    const two = computeNeuro(
      [exam('c1', 'A', [HEAD_CT]), exam('e1', 'A', [HEAD_CT])],
      machines,
      [],
      { peersNeedBothModalities: false },
    );
    // C and E both 1: ranks (0 + 2/2)/2 = 0.5, both ≥ P80 = 1
    expect(
      two.sites
        .filter((s) => s.neuroCtShare !== null)
        .map((s) => [s.id, s.scopes.all.rank, s.flagged]),
    ).toEqual([
      ['C', 0.5, true],
      ['E', 0.5, true],
    ]);
    const none = computeNeuro([], machines, [], { peersNeedBothModalities: false });
    expect(none.sitePeers.all).toEqual({ n: 0, p20: null, p50: null, p80: null });
    expect(none.sites.every((s) => s.neuroCtShare === null && !s.flagged)).toBe(true);
  });

  it('by default ranks and flags only sites with both a CT and an MR machine', () => {
    const d = computeNeuro(exams, machines);
    // peers A (2/3) and B (3/7): P80 h=0.8: 3/7 + 0.8·(2/3 − 3/7) = 9/21 + 4/21 = 13/21
    expect(d.sitePeers.all.n).toBe(2);
    expect(d.sitePeers.all.p80).toBeCloseTo(13 / 21, 12);
    expect(d.sites.map((s) => [s.id, s.peer, s.scopes.all.rank, s.flagged])).toEqual([
      ['A', true, 0.75, true], // 14/21 ≥ 13/21
      ['B', true, 0.25, false],
      ['C', false, null, false], // CT only: share 1 by force, not flagged
      ['D', false, null, false],
      ['E', false, null, false],
    ]);
    expect(d.sites.find((s) => s.id === 'C')!.neuroCtShare).toBe(1);
    expect(d.territories.every((t) => t.peer)).toBe(true);
  });

  it("counts the user's acts.csv families over the shipped table", () => {
    // Site E (CT only) has no head exam of its own by the shipped table; a user family
    // turning the thorax code into 'head' makes its thorax exams head exams, and back.
    const e = [
      exam('e1', 'A', [THORAX_CT]),
      exam('e1', 'A', [THORAX_CT]),
      exam('e1', 'A', [HEAD_CT]),
    ];
    const plain = computeNeuro(e, machines).sites.find((s) => s.id === 'E')!;
    expect(plain.scopes.all.ct).toBe(1);
    const families = new Map([
      ['ZBQK001', 'head' as const],
      ['ACQK001', 'other' as const],
    ]);
    const mine = computeNeuro(e, machines, [], { families }).sites.find((s) => s.id === 'E')!;
    expect(mine.scopes.all.ct).toBe(2);
  });
});
