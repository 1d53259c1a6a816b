/**
 * What the synthetic campaign aims at: quantile curves built from the published 2010 figures
 * (REFERENCE_2010 in core, the single copy of the report's table) plus the few calibration
 * knobs that the engine's definitions need (pooling weights, early ends, the exam total).
 */
import type { Category, Modality } from '../core/kit-types.ts';
import { REFERENCE_2010, REFERENCE_2010_FACTS, type Triple } from '../core/reference-2010.ts';
import { type Curve, curve, percentileCurve, Z80 } from './random.ts';

/** The published P20 / P50 / P80 of a figure of the reference table. */
export function published(key: string, modality: Modality): Triple {
  const figure = REFERENCE_2010.find((f) => f.key === key);
  if (!figure) throw new Error(`no published figure ${key}`);
  return figure.published[modality];
}

export { REFERENCE_2010_FACTS };

/** Extends a log curve beyond P20 / P80 with the same slopes, out to z = ±2.6. */
function logTails(
  [p20, p50, p80]: Triple,
  tail = 1,
): { low: [number, number]; high: [number, number] } {
  const span = 2.6 / Z80;
  return {
    low: [-2.6, p50 * (p20 / p50) ** span],
    high: [2.6, p50 * (p80 / p50) ** (span * tail)],
  };
}

/** Knobs found by running the engine on the generated campaign (see test/generate/calibration.test.ts). */
export const KNOBS = {
  /** Share of a machine's duration latent that is machine-level (between-machine spread). */
  durationMachineShare: { CT: 0.45, MR: 0.5 } as Record<Modality, number>,
  /**
   * Shift of the exam duration latent: machines with short exams do more of them, so pooling
   * over exams pulls durations down; this puts the pooled percentiles back on the published ones.
   */
  durationLatentShift: {
    CT: { A: 0.15, H: 0.15, R: 0.08, U: 0.0 },
    MR: { A: 0.28, H: 0.25, R: 0.3, U: 0.25 },
  } as Record<Modality, Record<Category, number>>,
  /** Slope multiplier of the duration curve above P80 (the tail sets mean durations, hence passages). */
  durationTail: { CT: 1.8, MR: 2.0 } as Record<Modality, number>,
  /** Share of a machine's report-delay latent that is machine-level. */
  reportMachineShare: 0.6,
  /** Weights of the opening and occupancy latents in the passages latent. */
  passagesCorrelation: { CT: [0.5, 0.4], MR: [0.5, 0.35] } as Record<Modality, [number, number]>,
  /**
   * Passages per week aimed at. The published medians (158 CT, 105 MRI) with 28 days would
   * make about 290,000 exams, more than the 270,100 the report counted; aiming a little under
   * them keeps both within reach.
   */
  passages: { CT: [100, 149, 205], MR: [70, 98, 144] } as Record<Modality, Triple>,
  /** Correlation of the programmed-opening and occupancy latents. */
  openingOccupancyCorrelation: 0.3,
  /**
   * Programmed exams per target exam: a session's last patient often runs past its end, so a
   * session holds a few more exams than its occupied minutes over the mean duration suggest.
   */
  programmedCountBias: 1.04,
  /** Doubtful entries (exams under 3 minutes) per exam. */
  shortExamShare: { CT: 0.012, MR: 0.006 } as Record<Modality, number>,
};

/** Programmed opening (h/week) across machines, over normal scores. */
export function openingCurve(m: Modality): Curve {
  const [p20, p50, p80] = published('programmedOpening', m);
  return m === 'CT'
    ? percentileCurve(
        p20,
        p50,
        p80,
        { low: [-2.6, 12], high: [2.6, 72] },
        { log: false, min: 8, max: 74 },
      )
    : percentileCurve(
        p20,
        p50,
        p80,
        { low: [-2.6, 30], high: [2.6, 80] },
        { log: false, min: 24, max: 82 },
      );
}

/** Passages per week across machines. */
export function passagesCurve(m: Modality): Curve {
  const [p20, p50, p80] = KNOBS.passages[m];
  return m === 'CT'
    ? percentileCurve(
        p20,
        p50,
        p80,
        { low: [-2.6, 45], high: [2.6, 250] },
        { log: false, min: 20, max: 400 },
      )
    : percentileCurve(
        p20,
        p50,
        p80,
        { low: [-2.6, 35], high: [2.6, 175] },
        { log: false, min: 15, max: 260 },
      );
}

/** Occupancy of programmed time across included machines. */
export function occupancyCurve(m: Modality): Curve {
  const [p20, p50, p80] = published('occupancyProgrammed', m);
  return m === 'CT'
    ? percentileCurve(
        p20,
        p50,
        p80,
        { low: [-2.6, 0.34], high: [2.6, 0.86] },
        { log: false, min: 0.3, max: 0.9 },
      )
    : percentileCurve(
        p20,
        p50,
        p80,
        { low: [-2.6, 0.6], high: [2.6, 0.93] },
        { log: false, min: 0.55, max: 0.94 },
      );
}

/** ICR per programmed hour across included machines. */
export function icrPerHourCurve(m: Modality): Curve {
  const t = published('icrPerHour', m);
  return percentileCurve(t[0], t[1], t[2], logTails(t), { min: 40, max: 400 });
}

/** Exam duration (minutes, 3 or more) of a category, over the exam's normal score. */
export function durationCurve(m: Modality, c: Category): Curve {
  const t = published(`duration${c}`, m);
  const tails = logTails(t, KNOBS.durationTail[m]);
  return percentileCurve(t[0], t[1], t[2], tails, { min: 3, max: m === 'CT' ? 90 : 120 });
}

export type ReportPatient = 'outpatient' | 'inpatient' | 'emergency';

/** Report delay (minutes) by patient type; emergency reports (not published) are fast. */
export function reportDelayCurve(m: Modality, p: ReportPatient): Curve {
  const t: Triple =
    p === 'outpatient'
      ? published('reportDelayOutpatient', m)
      : p === 'inpatient'
        ? published('reportDelayInpatient', m)
        : m === 'CT'
          ? [18, 50, 190]
          : [30, 120, 600];
  const tails = logTails(t);
  return percentileCurve(
    t[0],
    t[1],
    t[2],
    { low: [tails.low[0], Math.max(2, tails.low[1])], high: tails.high },
    { min: 2, max: 20_000 },
  );
}

/** Realized appointment delay (days from request to exam) for non-urgent exams. */
export function requestDelayCurve(m: Modality, c: 'A' | 'H'): Curve {
  if (c === 'A') {
    const t = published('appointmentDelayOutpatient', m);
    return curve(
      [
        [-2.6, 0],
        [-Z80, t[0]],
        [0, t[1]],
        [Z80, t[2]],
        [2.6, t[2] * 3],
      ],
      { log: false, min: 0, max: 150 },
    );
  }
  return m === 'CT'
    ? curve(
        [
          [-2.6, 0],
          [-Z80, 0.3],
          [0, 1.5],
          [Z80, 4],
          [2.6, 12],
        ],
        { log: false, min: 0, max: 40 },
      )
    : curve(
        [
          [-2.6, 0],
          [-Z80, 1.5],
          [0, 4],
          [Z80, 9],
          [2.6, 25],
        ],
        { log: false, min: 0, max: 60 },
      );
}
