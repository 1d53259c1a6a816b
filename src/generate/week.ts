/**
 * A machine's weekly grid of vacations, in wall-clock minutes of each weekday: programmed
 * half-days sized to the machine's programmed hours, emergency slots after them, quality
 * control, reconditioning, research and a four-weekly maintenance. On-call time is not in the
 * grid: it fills the gaps once the campaign's days are laid out (see timeline.ts).
 */
import type { LegalStatus, Modality, SessionType } from '../core/kit-types.ts';
import type { Rng } from './random.ts';

/** A vacation of the weekly grid, `[start, end)` in minutes from local midnight. */
export interface Block {
  start: number;
  end: number;
  type: SessionType;
}

/** The weekly grid: `days[w]` for weekday w (0 = Sunday … 6 = Saturday), sorted, disjoint. */
export interface WeekGrid {
  days: Block[][];
  /** A maintenance half-day every `period` weeks, in week `phase` of the cycle. */
  maintenance: {
    weekday: number;
    start: number;
    end: number;
    period: number;
    phase: number;
  } | null;
}

export interface WeekOptions {
  modality: Modality;
  legalStatus: LegalStatus;
  /** Programmed hours per week to lay out (0 for none). */
  programmedHours: number;
  /** Emergency-session hours per week (scheduled machines). */
  emergencyHours: number;
  /** Latest wall-clock minute a staffed session may reach (20:00 keeps nights quiet). */
  latestEnd: number;
  reconditioning: boolean;
  research: boolean;
}

const H = 60;

/** Programmed session types by legal status (public hospitals mostly public vacations…). */
function typeWeights(status: LegalStatus): [SessionType, number][] {
  switch (status) {
    case 'PRIVATE':
    case 'LIBERAL':
      return [
        ['LIBERAL', 0.9],
        ['PRIVATE', 0.06],
        ['OTHER_SPECIALTY', 0.04],
      ];
    case 'GIE':
    case 'GCS':
      return [
        ['PUBLIC_SCHEDULED', 0.45],
        ['LIBERAL', 0.42],
        ['PUBLIC_UNSCHEDULED', 0.08],
        ['OTHER_SPECIALTY', 0.05],
      ];
    case 'ESPIC':
      return [
        ['PUBLIC_SCHEDULED', 0.68],
        ['PUBLIC_UNSCHEDULED', 0.1],
        ['LIBERAL', 0.16],
        ['OTHER_SPECIALTY', 0.06],
      ];
    default:
      return [
        ['PUBLIC_SCHEDULED', 0.7],
        ['PUBLIC_UNSCHEDULED', 0.13],
        ['PRIVATE', 0.08],
        ['OTHER_SPECIALTY', 0.05],
        ['LIBERAL', 0.04],
      ];
  }
}

const quarter = (minutes: number): number => Math.round(minutes / 15) * 15;

/** First free window of `length` minutes on a day, starting at or after `earliest`, ending by `latest`. */
export function findSlot(
  day: readonly Block[],
  earliest: number,
  length: number,
  latest: number,
): number | null {
  let t = earliest;
  for (const b of day) {
    if (b.end <= t) continue;
    if (b.start >= t + length) break;
    t = Math.max(t, b.end);
  }
  return t + length <= latest ? t : null;
}

function insert(day: Block[], block: Block): void {
  day.push(block);
  day.sort((a, b) => a.start - b.start);
}

const lastEnd = (day: readonly Block[]): number | null =>
  day.length === 0 ? null : (day[day.length - 1] as Block).end;

/** Lays out the weekly grid of one machine. */
export function buildWeek(o: WeekOptions, rng: Rng): WeekGrid {
  const days: Block[][] = Array.from({ length: 7 }, () => []);
  const types = typeWeights(o.legalStatus);
  const pickType = (): SessionType =>
    (types[rng.weighted(types.map((t) => t[1]))] as [SessionType, number])[0];
  const latest = o.latestEnd;

  // Programmed time: weekdays first, Saturday for the longer openings, Sunday only beyond.
  let total = quarter(o.programmedHours * H);
  if (total > 0) {
    let saturday = 0;
    const pSaturday = Math.min(0.9, Math.max(0.05, (o.programmedHours - 38) / 28));
    if (rng.chance(pSaturday))
      saturday = quarter(H * rng.pick(o.programmedHours > 60 ? [5, 6, 8] : [4, 4, 5]));
    saturday = Math.min(saturday, Math.max(0, total - 5 * 3 * H));
    let weekdays = total - saturday;
    let count = 5;
    while (count > 1 && weekdays / count < 3.5 * H) count--;
    const longest = latest - 7.5 * H;
    if (weekdays / count > longest) {
      saturday += weekdays - count * longest;
      weekdays = count * longest;
    }
    let sunday = 0;
    if (saturday > 10 * H) {
      sunday = Math.min(saturday - 10 * H, 10 * H);
      saturday = 10 * H;
    }
    total = weekdays + saturday + sunday;
    const chosen = rng.shuffle([1, 2, 3, 4, 5]).slice(0, count).sort();
    const units = weekdays / 15;
    const per = Math.floor(units / count);
    const lengths = chosen.map((_, i) => (per + (i < units - per * count ? 1 : 0)) * 15);
    // Some grids are uneven: an hour moves from one weekday to another.
    if (count >= 2 && rng.chance(0.4)) {
      const from = rng.int(count);
      const to = (from + 1 + rng.int(count - 1)) % count;
      if ((lengths[from] as number) >= 4 * H && (lengths[to] as number) + H <= longest) {
        lengths[from] = (lengths[from] as number) - H;
        lengths[to] = (lengths[to] as number) + H;
      }
    }
    const startChoice = rng.pick([7.5 * H, 8 * H, 8 * H, 8.5 * H]);
    const lunch = rng.chance(0.25);
    // Types are fixed per half-day slot of the grid, as in a real vacation table.
    const morningType = pickType();
    const afternoonTypes = [pickType(), pickType(), pickType(), pickType(), pickType()];
    chosen.forEach((weekday, i) => {
      const length = lengths[i] as number;
      const gap = lunch && length <= 9 * H ? H : 0;
      const start = Math.max(7 * H, Math.min(startChoice, latest - length - gap));
      const end = start + length + gap;
      const day = days[weekday] as Block[];
      const noon = 13 * H;
      const mType = rng.chance(0.8) ? morningType : pickType();
      const aType = afternoonTypes[i] as SessionType;
      if (end <= noon + 30) {
        day.push({ start, end, type: mType });
        return;
      }
      const split = gap > 0 ? 12.5 * H : noon;
      day.push({ start, end: split, type: mType });
      const afternoonStart = split + gap;
      if (end - afternoonStart > 6 * H) {
        day.push({ start: afternoonStart, end: 18 * H, type: aType });
        day.push({ start: 18 * H, end, type: rng.chance(0.5) ? aType : pickType() });
      } else day.push({ start: afternoonStart, end, type: aType });
    });
    if (saturday > 0)
      (days[6] as Block[]).push({ start: 8 * H, end: 8 * H + saturday, type: pickType() });
    if (sunday > 0)
      (days[0] as Block[]).push({ start: 8 * H, end: 8 * H + sunday, type: pickType() });
  }

  // Emergency sessions: weekday evenings after the programmed day, the rest at the week-end.
  let emergency = quarter(o.emergencyHours * H);
  if (emergency > 0) {
    const evenings = rng.chance(0.7);
    if (evenings) {
      const each = Math.min(quarter(emergency / 5), 150);
      for (let w = 1; w <= 5 && each >= 30; w++) {
        const day = days[w] as Block[];
        const start = lastEnd(day) ?? 18 * H;
        const end = Math.min(start + each, latest);
        if (end - start >= 30) {
          insert(day, { start, end, type: 'EMERGENCY' });
          emergency -= end - start;
        }
      }
    }
    for (const w of [6, 0]) {
      if (emergency < 60) break;
      const day = days[w] as Block[];
      const start = Math.max(lastEnd(day) ?? 8 * H, 8 * H);
      const end = Math.min(start + emergency, latest, start + 12 * H);
      if (end - start >= 60) {
        insert(day, { start, end, type: 'EMERGENCY' });
        emergency -= end - start;
      }
    }
  }

  // Quality control once a week, just before the first session of the week (or early Monday).
  const qcLength = o.modality === 'MR' ? 45 : 30;
  const firstDay = [1, 2, 3, 4, 5, 6, 0].find((w) => (days[w] as Block[]).length > 0) ?? 1;
  const firstStart = (days[firstDay] as Block[])[0]?.start ?? 7.5 * H;
  insert(days[firstDay] as Block[], {
    start: firstStart - qcLength,
    end: firstStart,
    type: 'QUALITY_CONTROL',
  });

  if (o.reconditioning) {
    for (let w = 1; w <= 5; w++) {
      const day = days[w] as Block[];
      const end = lastEnd(day);
      if (end !== null && end + 20 <= 23 * H)
        insert(day, { start: end, end: end + 20, type: 'RECONDITIONING' });
    }
  }

  if (o.research) {
    const weekday = rng.pick([2, 4]);
    const day = days[weekday] as Block[];
    const start = findSlot(day, lastEnd(day) ?? 14 * H, 120, Math.min(latest, 22 * H));
    if (start !== null) insert(day, { start, end: start + 120, type: 'RESEARCH' });
    else {
      const saturday = days[6] as Block[];
      const s = findSlot(saturday, 13 * H, 180, 19 * H);
      if (s !== null) insert(saturday, { start: s, end: s + 180, type: 'RESEARCH' });
    }
  }

  // Maintenance: a half-day every four weeks, outside staffed time.
  let maintenance: WeekGrid['maintenance'] = null;
  for (const weekday of rng.shuffle([2, 3, 4, 6])) {
    const day = days[weekday] as Block[];
    const start = findSlot(day, weekday === 6 ? 13 * H : (lastEnd(day) ?? 14 * H), 180, 23 * H);
    if (start !== null) {
      maintenance = { weekday, start, end: start + 180, period: 4, phase: rng.int(4) };
      break;
    }
  }
  return { days, maintenance };
}

/** Programmed, emergency… minutes per week of a grid, by session type. */
export function gridMinutes(grid: WeekGrid): Partial<Record<SessionType, number>> {
  const out: Partial<Record<SessionType, number>> = {};
  for (const day of grid.days)
    for (const b of day) out[b.type] = (out[b.type] ?? 0) + b.end - b.start;
  return out;
}
