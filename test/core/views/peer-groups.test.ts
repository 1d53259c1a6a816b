// The stored peer groups: every modality alone and narrowed by each region, legal status and
// typology present, with the index's own sorted values, none under MIN_PEERS machines.
import { describe, expect, it } from 'vitest';
import { MACHINE_FIGURES } from '../../../src/core/benchmark.ts';
import { MIN_PEERS } from '../../../src/core/access.ts';
import { peerGroupKey, storedPeerGroups } from '../../../src/core/views/peer-groups.ts';
import { indexOf, viewsKit } from './views-kit.ts';

// CT0…CT4 hold 1…5 exams in one week (CT0's only exam urgent: emergency-dedicated; CT1 half
// urgent: not more than half, scheduled-centred); CT0, CT1 at a CH and CT2, CT3 at a private
// clinic, both in Hauts-de-France; CT4 and MR0 at a CHU in Île-de-France.
const groups = storedPeerGroups(indexOf(viewsKit(), false));
const byKey = new Map(groups.map((g) => [peerGroupKey(g.filter), g]));

describe('storedPeerGroups', () => {
  it('stores each modality alone and narrowed by every value present, with its size', () => {
    const sizes = Object.fromEntries(groups.map((g) => [peerGroupKey(g.filter), g.n]));
    expect(sizes).toEqual({
      '["CT",null,null,null]': 5,
      '["CT","Hauts-de-France",null,null]': 4,
      '["CT","Île-de-France",null,null]': 1,
      '["CT",null,"CH",null]': 2,
      '["CT",null,"PRIVATE",null]': 2,
      '["CT",null,"CHU",null]': 1,
      '["CT",null,null,"emergency-dedicated"]': 1,
      '["CT",null,null,"scheduled-centred"]': 4,
      '["MR",null,null,null]': 1,
      '["MR","Île-de-France",null,null]': 1,
      '["MR",null,"CHU",null]': 1,
      '["MR",null,null,"scheduled-centred"]': 1,
    });
    // Ordered by key, filters carrying only their narrowing field.
    expect(groups.map((g) => peerGroupKey(g.filter))).toEqual([...byKey.keys()].sort());
    expect(byKey.get('["CT",null,"CH",null]')!.filter).toEqual({
      modality: 'CT',
      legalStatus: 'CH',
    });
    expect(byKey.get('["MR",null,null,null]')!.filter).toEqual({ modality: 'MR' });
  });

  it('gives the sorted values of every figure only from MIN_PEERS machines up', () => {
    expect(MIN_PEERS).toBe(5);
    const ct = byKey.get('["CT",null,null,null]')!;
    expect(Object.keys(ct.values!).sort()).toEqual(MACHINE_FIGURES.map((f) => f.key).sort());
    // One week: passages per week are the exam counts; the urgent share is 1 of k + 1.
    expect(ct.values!['passagesPerWeek']).toEqual([1, 2, 3, 4, 5]);
    expect(ct.values!['emergencyShare']).toEqual([1 / 5, 1 / 4, 1 / 3, 1 / 2, 1]);
    for (const g of groups) if (g !== ct) expect(g.values, peerGroupKey(g.filter)).toBeNull();
  });

  it('keys groups as the campaign index does', () => {
    expect(peerGroupKey({ modality: 'MR', region: 'Nord', typology: 'scheduled-centred' })).toBe(
      '["MR","Nord",null,"scheduled-centred"]',
    );
  });
});
