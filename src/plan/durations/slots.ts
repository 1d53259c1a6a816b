/**
 * Recommended slot length per machine and act family: the MEAN room duration of the machine's
 * bookable exams (categories A, H, R) of that family, rounded to the nearest 5 minutes (at least
 * 5). The mean, not the median: durations are skewed to the right, and only the mean makes a
 * session's booked total equal, on average, the work it receives — booking at the median would
 * build overtime, at the P80 idle time. Five minutes is the step of most agendas; rounding to the
 * nearest keeps the bias within ±2.5 minutes an exam. Small groups back off like the model:
 * machine × family → modality × family → machine → modality, ≥ 30 exams then ≥ 10.
 */
import { ACT_FAMILIES } from '../../core/act-families.ts';
import type { DurationModelReport } from '../simulation/types.ts';
import { DEFAULT_MIN_SIZES, type DurationFeature, levelName } from './backoff-model.ts';
import type { DurationRow } from './duration-rows.ts';

/** Family key of the slot for any exam (an exam with no family, or a family with no slot). */
export const ANY_FAMILY = '*';

/** A slot length from a mean duration: nearest multiple of 5 minutes, at least 5. */
export function roundSlot(minutes: number): number {
  return Math.max(5, Math.round(minutes / 5) * 5);
}

const BOOKABLE = new Set(['A', 'H', 'R']);
const FAMILY_LADDER: readonly (readonly DurationFeature[])[] = [
  ['machine', 'family'],
  ['modality', 'family'],
  ['machine'],
  ['modality'],
];
const ANY_LADDER: readonly (readonly DurationFeature[])[] = [['machine'], ['modality']];

type Slot = DurationModelReport['slots'][number];

/**
 * The slots of each machine (in `machines` order): one per act family its bookable exams show,
 * in ACT_FAMILIES order, then `*` (all its bookable exams).
 *
 * @example
 * recommendSlots(rows, ['CT-1']); // [{ equipmentId: 'CT-1', family: 'head', minutes: 15, exams: 120, level: 'machine×family' }, …]
 */
export function recommendSlots(
  rows: readonly DurationRow[],
  machines: readonly string[],
  minSizes: readonly number[] = DEFAULT_MIN_SIZES,
): Slot[] {
  const bookable = rows.filter((r) => BOOKABLE.has(r.category));
  const sums = new Map<string, { sum: number; n: number }>();
  const add = (key: string, minutes: number): void => {
    const s = sums.get(key);
    if (s) {
      s.sum += minutes;
      s.n++;
    } else sums.set(key, { sum: minutes, n: 1 });
  };
  const keyOf = (
    level: readonly DurationFeature[],
    q: Record<DurationFeature, string | null>,
  ): string => levelName(level) + '|' + level.map((f) => q[f]).join('\u0001');
  const modalityOf = new Map<string, string>();
  const familiesOf = new Map<string, Map<string, number>>();
  for (const r of bookable) {
    modalityOf.set(r.machine, r.modality);
    let counts = familiesOf.get(r.machine);
    if (!counts) familiesOf.set(r.machine, (counts = new Map()));
    counts.set(ANY_FAMILY, (counts.get(ANY_FAMILY) ?? 0) + 1);
    for (const level of ANY_LADDER) add(keyOf(level, r), r.minutes);
    if (r.family === null) continue;
    counts.set(r.family, (counts.get(r.family) ?? 0) + 1);
    for (const level of FAMILY_LADDER.slice(0, 2)) add(keyOf(level, r), r.minutes);
  }
  const order = [...ACT_FAMILIES, ANY_FAMILY] as string[];
  // A family of the user's own acts.csv (not in ACT_FAMILIES) comes after the shipped ones, before `*`.
  const rank = (family: string): number =>
    order.includes(family) ? order.indexOf(family) : order.length - 1.5;
  const slots: Slot[] = [];
  for (const machine of machines) {
    const counts = familiesOf.get(machine);
    const modality = modalityOf.get(machine) ?? null;
    if (!counts) continue;
    const families = [...counts.keys()].sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
    for (const family of families) {
      const ladder = family === ANY_FAMILY ? ANY_LADDER : FAMILY_LADDER;
      const q: Record<DurationFeature, string | null> = {
        machine,
        modality,
        family,
        category: null,
        ageBand: null,
        hourBand: null,
      };
      const found = ladder
        .map((level) => ({ level: levelName(level), s: sums.get(keyOf(level, q)) }))
        .filter((f): f is { level: string; s: { sum: number; n: number } } => f.s !== undefined);
      let hit = minSizes.map((min) => found.find((f) => f.s.n >= min)).find((f) => f !== undefined);
      if (!hit) for (const f of found) if (!hit || f.s.n > hit.s.n) hit = f;
      if (!hit) continue;
      slots.push({
        equipmentId: machine,
        family,
        minutes: roundSlot(hit.s.sum / hit.s.n),
        exams: counts.get(family) ?? 0,
        level: hit.level,
      });
    }
  }
  return slots;
}

/**
 * The slot length per act family (`*` = any exam) of one machine or a pool, for
 * `SimulationModel.predictedSlotMinutes`: a pool's slot is the mean of its machines' slots
 * weighted by their exams of the family, rounded again to 5 minutes.
 *
 * @example
 * predictedSlotMinutesOf(report, ['MR-1']); // { head: 25, spine: 25, musculoskeletal: 20, '*': 25 }
 */
export function predictedSlotMinutesOf(
  report: Pick<DurationModelReport, 'slots'>,
  equipmentIds: readonly string[],
): Record<string, number> {
  const ids = new Set(equipmentIds);
  const acc = new Map<string, { weighted: number; weight: number; sum: number; n: number }>();
  for (const s of report.slots) {
    if (!ids.has(s.equipmentId)) continue;
    let a = acc.get(s.family);
    if (!a) acc.set(s.family, (a = { weighted: 0, weight: 0, sum: 0, n: 0 }));
    a.weighted += s.minutes * s.exams;
    a.weight += s.exams;
    a.sum += s.minutes;
    a.n++;
  }
  const out: Record<string, number> = {};
  for (const [family, a] of acc)
    out[family] = roundSlot(a.weight > 0 ? a.weighted / a.weight : a.sum / a.n);
  return out;
}
