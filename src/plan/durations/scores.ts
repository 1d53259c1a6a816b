/**
 * How well a duration predictor does on exams it was not fitted on: mean absolute error of its
 * point prediction, the same for the booked `scheduled_minutes` and for the model on the exams
 * that carry it (the fair comparison), and the share of exams within the predicted P80.
 */
import type { DurationModelReport } from '../simulation/types.ts';
import type { DurationRow } from './duration-rows.ts';

/** What predicts a duration: a point (median) and a P80, null when it cannot. */
export type Predictor = (row: DurationRow) => { median: number; p80: number } | null;

/** `DurationModelReport.heldOut` without its dates. */
export type Scores = Omit<DurationModelReport['heldOut'], 'from' | 'to'>;

/**
 * Scores of `predict` on `rows`. `exams` counts the rows the predictor answered (the MAE and the
 * coverage are over them); the booked figures are over those of them that carry a booked length.
 * `better` compares the two on the same exams; a tie goes to the booked length (nothing to change).
 *
 * @example
 * scoresOf(rows, (r) => ({ median: 15, p80: 20 })).modelMaeMinutes;
 */
export function scoresOf(rows: readonly DurationRow[], predict: Predictor): Scores {
  let n = 0;
  let absModel = 0;
  let covered = 0;
  let nBooked = 0;
  let absBooked = 0;
  let absModelOnBooked = 0;
  for (const r of rows) {
    const p = predict(r);
    if (p === null) continue;
    n++;
    const err = Math.abs(p.median - r.minutes);
    absModel += err;
    if (r.minutes <= p.p80) covered++;
    if (r.booked !== null) {
      nBooked++;
      absBooked += Math.abs(r.booked - r.minutes);
      absModelOnBooked += err;
    }
  }
  const bookedMae = nBooked > 0 ? absBooked / nBooked : null;
  const modelOnBooked = nBooked > 0 ? absModelOnBooked / nBooked : null;
  return {
    exams: n,
    modelMaeMinutes: n > 0 ? absModel / n : null,
    bookedMaeMinutes: bookedMae,
    bookedExams: nBooked,
    modelMaeOnBookedMinutes: modelOnBooked,
    p80Coverage: n > 0 ? covered / n : null,
    better:
      bookedMae === null || modelOnBooked === null
        ? null
        : modelOnBooked < bookedMae
          ? 'model'
          : 'booked',
  };
}
