import type { Equipment, Exam } from '../../../src/core/kit-types.ts';

/** A CT machine of site `finess`. */
export function ct(finess: string): Equipment {
  return {
    equipmentId: `${finess}-CT`,
    finess,
    modality: 'CT',
    label: null,
    installedYear: null,
    role: 'general',
  };
}

/** An exam on `equipmentId` ending at `roomOut` (20 min long). */
export function examEnding(equipmentId: string, roomOut: number, n: number): Exam {
  return {
    examId: `${equipmentId}-${n}`,
    equipmentId,
    category: 'U',
    roomIn: roomOut - 20 * 60_000,
    roomOut,
    acts: [],
    icr: null,
    reportValidatedAt: null,
    requestedAt: null,
    scheduledMinutes: null,
    ageBand: null,
  };
}
