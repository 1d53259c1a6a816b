/**
 * The exams as the duration model sees them: what is known when the exam is booked (machine,
 * modality, act family, category, age band, local hour band) and the room duration it took.
 * Exams under 3 minutes are doubtful entries (sim-design.md, pools) and left out, like exams of
 * machines not in the equipment list or with unreadable times.
 */
import { examFamily } from '../../core/act-families.ts';
import type { ZoneClock } from '../../core/calendar.ts';
import { MS_PER_DAY, MS_PER_HOUR, MS_PER_MINUTE } from '../../core/calendar.ts';
import type { AgeBand, Category, Equipment, Exam, Modality } from '../../core/kit-types.ts';

/** Shorter room durations (minutes) are doubtful entries, left out of fitting and judging. */
export const MIN_EXAM_MINUTES = 3;

/** Local hour bands of the room entry: night 20:00–08:00, morning 08:00–13:00, afternoon 13:00–20:00. */
export const HOUR_BANDS = ['night', 'morning', 'afternoon'] as const;
export type HourBand = (typeof HOUR_BANDS)[number];

/** The hour band of a local hour (0–23). */
export function hourBandOf(localHour: number): HourBand {
  if (localHour < 8 || localHour >= 20) return 'night';
  return localHour < 13 ? 'morning' : 'afternoon';
}

function localHour(clock: ZoneClock, instant: number): number {
  const naive = clock.toNaive(instant);
  return Math.floor((((naive % MS_PER_DAY) + MS_PER_DAY) % MS_PER_DAY) / MS_PER_HOUR);
}

/** One exam for the duration model. */
export interface DurationRow {
  machine: string;
  modality: Modality;
  /** Act family of its first act with one, null when none (act-families.ts). */
  family: string | null;
  category: Category;
  ageBand: AgeBand | null;
  hourBand: HourBand;
  /** Room duration, minutes (roomOut − roomIn), ≥ MIN_EXAM_MINUTES. */
  minutes: number;
  /** `scheduled_minutes` of the row, null when unknown. */
  booked: number | null;
  /** Room entry, UTC epoch ms. */
  roomIn: number;
}

/**
 * The rows of the exams of the given machines, in the exams' order.
 *
 * @example
 * durationRows(records.exams, records.equipment, new ZoneClock('Europe/Paris'));
 */
export function durationRows(
  exams: readonly Exam[],
  equipment: readonly Equipment[],
  clock: ZoneClock,
): DurationRow[] {
  const modalityOf = new Map(equipment.map((e) => [e.equipmentId, e.modality]));
  const rows: DurationRow[] = [];
  for (const e of exams) {
    const modality = modalityOf.get(e.equipmentId);
    if (modality === undefined) continue;
    const minutes = (e.roomOut - e.roomIn) / MS_PER_MINUTE;
    if (!Number.isFinite(minutes) || minutes < MIN_EXAM_MINUTES) continue;
    rows.push({
      machine: e.equipmentId,
      modality,
      family: examFamily(e.acts),
      category: e.category,
      ageBand: e.ageBand,
      hourBand: hourBandOf(localHour(clock, e.roomIn)),
      minutes,
      booked:
        e.scheduledMinutes !== null && Number.isFinite(e.scheduledMinutes)
          ? e.scheduledMinutes
          : null,
      roomIn: e.roomIn,
    });
  }
  return rows;
}
