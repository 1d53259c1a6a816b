// The checks view: the share of machines reproducing their campaign and the failing ones with
// their site, counted by hand on three machines; an empty state before any run.
import { describe, expect, it } from 'vitest';
import type { Equipment, Establishment } from '../../../src/core/kit-types.ts';
import type { SimulationCheck } from '../../../src/plan/simulation/checks.ts';
import { checksView } from '../../../src/plan/simulation/checks.ts';
import type { StatusQuo } from '../../../src/plan/simulation/types.ts';

const machine = (equipmentId: string, finess: string): Equipment => ({
  equipmentId,
  finess,
  modality: 'CT',
  label: null,
  installedYear: null,
  role: 'general',
});
const site: Establishment = {
  finess: '590000001',
  name: 'CH Lens',
  legalStatus: 'CH',
  region: 'Nord',
  department: '59',
};
const check = (equipmentId: string, reproduces: boolean, computedAt: string): SimulationCheck => ({
  equipmentId,
  reproduces,
  failing: reproduces
    ? []
    : [{ figure: 'passagesPerWeek', observed: 100, simulated: 90, tolerance: 5 }],
  statusQuo: {} as StatusQuo,
  replications: 20,
  seed: computedAt.endsWith('1Z') ? 7 : 1,
  computedAt,
});

describe('checksView', () => {
  const equipment = [
    machine('A', '590000001'),
    machine('B', '590000001'),
    machine('C', '590000002'),
    machine('D', '590000002'),
  ];
  it('counts the machines that reproduce and lists the others with their site', () => {
    const view = checksView(
      { id: 'c', name: 'C' },
      equipment,
      [site],
      [
        check('A', true, '2026-03-02T10:00:00Z'),
        check('B', false, '2026-03-02T10:00:01Z'),
        check('C', true, '2026-03-02T10:00:00Z'),
      ],
    );
    expect(view.campaignMachines).toBe(4);
    expect(view.summary?.machines).toBe(3);
    expect(view.summary?.reproduce).toBe(2);
    expect(view.summary?.share).toBeCloseTo(2 / 3, 12);
    expect(view.summary?.computedAt).toBe('2026-03-02T10:00:01Z');
    expect(view.summary?.seed).toBe(7);
    expect(view.summary?.failing).toEqual([
      {
        equipmentId: 'B',
        label: null,
        finess: '590000001',
        establishment: 'CH Lens',
        modality: 'CT',
        failing: [{ figure: 'passagesPerWeek', observed: 100, simulated: 90, tolerance: 5 }],
      },
    ]);
    expect(view.checks).toHaveLength(3);
  });
  it('is an empty state before any run', () => {
    expect(checksView({ id: 'c', name: 'C' }, equipment, [site], [])).toEqual({
      campaign: { id: 'c', name: 'C' },
      campaignMachines: 4,
      summary: null,
      checks: [],
    });
  });
});
