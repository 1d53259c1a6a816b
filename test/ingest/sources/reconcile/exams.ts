// Small builders for reconciliation tests: exams on a device at a Paris local time, and key tables.
import type { Exam } from '../../../../src/core/kit-types.ts';
import type { ExamKeys } from '../../../../src/ingest/sources/types.ts';
import { at } from '../../../helpers/build-kit.ts';

const MINUTE = 60_000;

/** An exam `id` on `equipmentId` from a Paris local time (`2010-03-01T08:00`), lasting `minutes`. */
export function exam(
  id: string,
  equipmentId: string,
  start: string,
  minutes: number,
  more: Partial<Exam> = {},
): Exam {
  return examAt(id, equipmentId, at(start), minutes, more);
}

/** An exam `id` on `equipmentId` entering the room at epoch `roomIn` (ms), lasting `minutes`. */
export function examAt(
  id: string,
  equipmentId: string,
  roomIn: number,
  minutes: number,
  more: Partial<Exam> = {},
): Exam {
  return {
    examId: id,
    equipmentId,
    category: 'A',
    roomIn,
    roomOut: roomIn + minutes * MINUTE,
    acts: [],
    icr: null,
    reportValidatedAt: null,
    requestedAt: null,
    scheduledMinutes: null,
    ageBand: null,
    ...more,
  };
}

/** A key table from `id → { accessions, studyUids }` (stand-ins for the hashes). */
export function keyTable(entries: Record<string, Partial<ExamKeys>>): Map<string, ExamKeys> {
  return new Map(
    Object.entries(entries).map(([id, k]) => [
      id,
      { accessions: k.accessions ?? [], studyUids: k.studyUids ?? [] },
    ]),
  );
}
