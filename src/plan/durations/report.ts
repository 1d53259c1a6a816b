/**
 * The duration model of planning.md §3 for one machine or a pool: the back-off ladder is chosen
 * on the validation week (the week before the last, fitted on the days before it), refitted on
 * every day before the held-out last week and judged on that week against the booked lengths;
 * the recommended slots are fitted on the whole campaign. Choosing on a week other than the one
 * reported keeps the reported error honest (the choice never saw the held-out week).
 */
import { CampaignCalendar } from '../../core/calendar.ts';
import type { Campaign, Equipment, Exam } from '../../core/kit-types.ts';
import type { DurationModelReport } from '../simulation/types.ts';
import {
  BACKOFF_VARIANTS,
  BackoffModel,
  type BackoffVariant,
  DEFAULT_MIN_SIZES,
  levelName,
} from './backoff-model.ts';
import { type DurationRow, durationRows } from './duration-rows.ts';
import { weekFromEnd } from './held-out-week.ts';
import { scoresOf } from './scores.ts';
import { recommendSlots } from './slots.ts';

/** What the model reads (a `MachineRecords` fits). */
export interface DurationInput {
  campaign: Campaign;
  equipment: readonly Equipment[];
  exams: readonly Exam[];
}

export interface DurationOptions {
  /** Minimum group sizes tried in turn (default 30 then 10). */
  minSizes?: readonly number[];
  /** Ladders to choose from (default BACKOFF_VARIANTS; the first wins ties and short campaigns). */
  variants?: readonly BackoffVariant[];
}

/** How the ladder was chosen: each ladder's MAE (minutes) on the validation week. */
export interface LadderSelection {
  from: string;
  to: string;
  exams: number;
  maeMinutes: Record<string, number | null>;
}

/** The report, with the ladder kept and how it was chosen (null: campaign under 15 days, first ladder). */
export interface DurationReport extends DurationModelReport {
  variant: string;
  selection: LadderSelection | null;
}

/**
 * Fits, judges and sizes slots for the machines of `input`.
 *
 * @example
 * const report = durationModelReport(records);
 * report.heldOut.modelMaeOnBookedMinutes; // vs report.heldOut.bookedMaeMinutes
 * predictedSlotMinutesOf(report, ['MR-1']);
 */
export function durationModelReport(
  input: DurationInput,
  options: DurationOptions = {},
): DurationReport {
  const minSizes = options.minSizes ?? DEFAULT_MIN_SIZES;
  const variants = options.variants ?? BACKOFF_VARIANTS;
  const first = variants[0];
  if (first === undefined) throw new RangeError('at least one back-off ladder is needed');
  const { campaign } = input;
  const calendar = new CampaignCalendar(campaign.start, campaign.days, campaign.timeZone);
  const rows = durationRows(input.exams, input.equipment, calendar.clock).filter(
    (r) => r.roomIn >= calendar.start && r.roomIn < calendar.end,
  );
  const before = (t: number): DurationRow[] => rows.filter((r) => r.roomIn < t);
  const within = (start: number, end: number): DurationRow[] =>
    rows.filter((r) => r.roomIn >= start && r.roomIn < end);

  let chosen = first;
  let selection: LadderSelection | null = null;
  const validation = weekFromEnd(calendar, 1);
  if (validation !== null && validation.start > calendar.start && validation.days === 7) {
    const fit = before(validation.start);
    const judged = within(validation.start, validation.end);
    const maeMinutes: Record<string, number | null> = {};
    let best: number | null = null;
    for (const variant of variants) {
      const model = BackoffModel.fit(fit, variant, minSizes);
      const mae = scoresOf(judged, (r) => model.predict(r)).modelMaeMinutes;
      maeMinutes[variant.id] = mae;
      if (mae !== null && (best === null || mae < best)) {
        best = mae;
        chosen = variant;
      }
    }
    selection = { from: validation.from, to: validation.to, exams: judged.length, maeMinutes };
  }

  const held = weekFromEnd(calendar, 0) as NonNullable<ReturnType<typeof weekFromEnd>>;
  const model = BackoffModel.fit(before(held.start), chosen, minSizes);
  const scores = scoresOf(within(held.start, held.end), (r) => model.predict(r));
  const machines = input.equipment.map((e) => e.equipmentId);
  return {
    method: methodOf(chosen, minSizes, selection),
    heldOut: { from: held.from, to: held.to, ...scores },
    slots: recommendSlots(rows, machines, minSizes),
    variant: chosen.id,
    selection,
  };
}

function methodOf(
  variant: BackoffVariant,
  minSizes: readonly number[],
  selection: LadderSelection | null,
): string {
  const ladder = variant.levels.map(levelName).join(' → ');
  const sizes = minSizes.map((n) => `≥ ${n}`).join(', then ');
  const chosen =
    selection === null
      ? `ladder '${variant.id}' (campaign too short to choose on a validation week)`
      : `ladder '${variant.id}' chosen on ${selection.from}..${selection.to} (MAE ${Object.entries(
          selection.maeMinutes,
        )
          .map(([id, mae]) => `${id} ${mae === null ? 'n/a' : mae.toFixed(2)}`)
          .join(', ')} min)`;
  return (
    `median (P80) of the finest group with ${sizes} exams, else the largest: ${ladder}; ${chosen}; ` +
    'slots: mean duration of the machine’s A/H/R exams of the family, rounded to 5 min'
  );
}
