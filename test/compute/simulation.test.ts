// The simulation pipeline's own pieces: the median exam a machine's next available appointment
// looks for (hand-counted), a kit's records of a few machines (as the store reads them), and
// the status-quo checks of every machine matching the one-machine run.
import { describe, expect, it } from 'vitest';
import {
  machineRecordsOfKit,
  medianExamMinutes,
  statusQuoCheckOf,
  statusQuoChecksOfKit,
} from '../../src/compute/simulation.ts';
import { statusQuoChecksParallel } from '../../src/compute/simulation-parallel.ts';
import type { Exam } from '../../src/core/kit-types.ts';
import { smallKit } from '../storage/small-kit.ts';

const exam = (equipmentId: string, minutes: number): Exam => ({
  examId: `${equipmentId}-${minutes}`,
  equipmentId,
  category: 'A',
  roomIn: 0,
  roomOut: minutes * 60_000,
  acts: [],
  icr: null,
  reportValidatedAt: null,
  requestedAt: null,
  scheduledMinutes: null,
  ageBand: null,
});

describe('medianExamMinutes', () => {
  it("is the median of the machine's exams of 3 minutes or more, rounded up", () => {
    const exams = [
      exam('A', 2),
      exam('A', 10),
      exam('A', 15.5),
      exam('A', 30),
      exam('A', 12),
      exam('B', 100),
    ];
    // A: 10, 12, 15.5, 30 (the 2-minute exam left out) → (12 + 15.5) / 2 = 13.75 → 14.
    expect(medianExamMinutes({ exams }, 'A')).toBe(14);
    expect(medianExamMinutes({ exams }, 'B')).toBe(100);
    expect(medianExamMinutes({ exams: [exam('C', 2)] }, 'C')).toBeNull();
  });
});

describe('machineRecordsOfKit', () => {
  it("keeps the machines' records only, with their site", () => {
    const kit = smallKit('k');
    const records = machineRecordsOfKit(kit, ['MR1', 'CT2'])!;
    expect(records.equipment.map((m) => m.equipmentId)).toEqual(['MR1', 'CT2']);
    expect(records.sessions).toHaveLength(2);
    expect(records.exams.map((e) => e.equipmentId)).toEqual(['MR1', 'MR1']);
    expect(records.establishment?.finess).toBe('590000002');
    expect(records.acts).toBe(kit.acts);
    expect(records.slots).toBeUndefined();
    expect(machineRecordsOfKit(kit, ['MR1', 'XX'])).toBeNull();
    expect(machineRecordsOfKit(kit, [])).toBeNull();
  });
});

describe('status-quo checks of every machine', () => {
  it('gives each machine the check of its one-machine run, in equipment order', async () => {
    const kit = smallKit('k');
    const done: string[] = [];
    const checks = statusQuoChecksOfKit(kit, { replications: 2, seed: 4 }, (n, total, id) =>
      done.push(`${n}/${total} ${id}`),
    );
    expect(done).toEqual(['1/3 CT1', '2/3 MR1', '3/3 CT2']);
    expect(checks.map((c) => c.equipmentId)).toEqual(['CT1', 'MR1', 'CT2']);
    const alone = statusQuoCheckOf(machineRecordsOfKit(kit, ['MR1'])!, {
      replications: 2,
      seed: 4,
    });
    expect(checks[1]!.statusQuo).toEqual(alone.statusQuo);
    expect(checks[1]!.replications).toBe(2);
    expect(checks[1]!.seed).toBe(4);
    // From TypeScript sources no worker can start: the caller runs them in its own thread.
    expect(
      await statusQuoChecksParallel(kit, { replications: 2, seed: 4 }, { threads: 2 }),
    ).toBeNull();
  });
});
