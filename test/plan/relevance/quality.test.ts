// Data-quality side of relevance (planning.md §6): exams without a request time or booked length
// per site, counted by hand.
import { describe, expect, it } from 'vitest';
import { computeQuality } from '../../../src/plan/relevance/index.ts';
import type { RelevanceExam, RelevanceMachine } from '../../../src/plan/relevance/index.ts';

const machines: RelevanceMachine[] = [
  { equipmentId: 'a1', finess: 'A', modality: 'CT' },
  { equipmentId: 'a2', finess: 'A', modality: 'MR' },
  { equipmentId: 'b1', finess: 'B', modality: 'CT' },
];
const exam = (
  equipmentId: string,
  requestedAt: number | null,
  scheduledMinutes: number | null,
): RelevanceExam => ({
  examId: 'x',
  equipmentId,
  category: 'A',
  roomIn: 0,
  acts: [],
  requestedAt,
  scheduledMinutes,
});

describe('computeQuality', () => {
  it('counts missing request times and booked lengths per site', () => {
    const q = computeQuality(
      [
        exam('a1', null, 15),
        exam('a1', 1, null),
        exam('a2', null, null),
        exam('a2', 1, 0), // a booked length of 0 is a value, not missing
        exam('zz', null, null), // unknown machine: left out
      ],
      machines,
    );
    expect(q).toEqual([
      {
        finess: 'A',
        exams: 4,
        withoutRequestTime: 2,
        withoutBookedLength: 2,
        withoutRequestTimeShare: 0.5,
        withoutBookedLengthShare: 0.5,
      },
      {
        finess: 'B',
        exams: 0,
        withoutRequestTime: 0,
        withoutBookedLength: 0,
        withoutRequestTimeShare: null,
        withoutBookedLengthShare: null,
      },
    ]);
  });
});
