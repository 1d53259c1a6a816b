// Hand-built exams and rows for the duration model tests.
import type {
  AgeBand,
  Campaign,
  Category,
  Equipment,
  Exam,
  Modality,
} from '../../../src/core/kit-types.ts';
import type { DurationRow } from '../../../src/plan/durations/duration-rows.ts';

export const PARIS_MARCH: Campaign = {
  id: 'c',
  name: 'c',
  start: '2010-03-01',
  days: 28,
  timeZone: 'Europe/Paris',
};

export function machine(equipmentId: string, modality: Modality = 'CT'): Equipment {
  return {
    equipmentId,
    finess: '750000001',
    modality,
    label: null,
    installedYear: null,
    role: 'general',
  };
}

let seq = 0;
/** An exam entering the room at `utc` (ISO with Z) for `minutes`. */
export function exam(
  equipmentId: string,
  utc: string,
  minutes: number,
  o: {
    acts?: string[];
    category?: Category;
    ageBand?: AgeBand | null;
    booked?: number | null;
  } = {},
): Exam {
  const roomIn = Date.parse(utc);
  return {
    examId: `e${seq++}`,
    equipmentId,
    category: o.category ?? 'A',
    roomIn,
    roomOut: roomIn + minutes * 60_000,
    acts: o.acts ?? ['ACQK001'],
    icr: null,
    reportValidatedAt: null,
    requestedAt: null,
    scheduledMinutes: o.booked ?? null,
    ageBand: o.ageBand === undefined ? '18-64' : o.ageBand,
  };
}

/** A row as durationRows would give it (defaults: CT-1, CT, head, A, 18-64, morning). */
export function row(minutes: number, o: Partial<DurationRow> = {}): DurationRow {
  return {
    machine: 'CT-1',
    modality: 'CT',
    family: 'head',
    category: 'A',
    ageBand: '18-64',
    hourBand: 'morning',
    minutes,
    booked: null,
    roomIn: 0,
    ...o,
  };
}

/** `n` copies of a row. */
export function rows(n: number, minutes: number, o: Partial<DurationRow> = {}): DurationRow[] {
  return Array.from({ length: n }, () => row(minutes, o));
}
