/**
 * The appointment survey (report, figures 1 to 6): for each establishment, modality and
 * clinical case, the earliest appointment offered to an outpatient and to an inpatient.
 * Answers are whole days clustered on round values (a week, two weeks…), as sites answer;
 * their ranks are stratified over each pool so the pooled percentiles are the published ones.
 */
import type {
  ClinicalCase,
  Establishment,
  Modality,
  SurveyAnswer,
  SurveyPatient,
} from '../core/kit-types.ts';
import { CLINICAL_CASES } from '../core/kit-types.ts';
import { deriveSeed, Rng } from './random.ts';

/** Piecewise quantile function: on [previous `to`, `to`) the days run from `lo` to `hi`. */
type Steps = readonly (readonly [to: number, lo: number, hi: number])[];

/**
 * Days by pooled rank. Plateaus sit on the published P20 / P50 / P80 (CT outpatient 2 / 7 / 14,
 * inpatient 0 / 2 / 5; MRI outpatient 11 / 21 / 38, inpatient 3 / 7 / 17), wide enough that any
 * seed lands on them; a published 0 is a real mass of same-day answers.
 */
const STEPS: Readonly<Record<Modality, Record<SurveyPatient, Steps>>> = {
  CT: {
    outpatient: [
      [0.06, 0, 0],
      [0.14, 1, 1],
      [0.27, 2, 2],
      [0.33, 3, 3],
      [0.38, 4, 5],
      [0.43, 6, 6],
      [0.58, 7, 7],
      [0.7, 8, 12],
      [0.86, 14, 14],
      [0.95, 15, 21],
      [1, 22, 45],
    ],
    inpatient: [
      [0.3, 0, 0],
      [0.42, 1, 1],
      [0.6, 2, 2],
      [0.68, 3, 3],
      [0.74, 4, 4],
      [0.86, 5, 5],
      [0.93, 6, 7],
      [1, 8, 21],
    ],
  },
  MR: {
    outpatient: [
      [0.05, 3, 6],
      [0.14, 7, 9],
      [0.17, 10, 10],
      [0.23, 11, 11],
      [0.26, 12, 12],
      [0.43, 13, 20],
      [0.57, 21, 21],
      [0.74, 22, 34],
      [0.77, 35, 35],
      [0.83, 38, 38],
      [0.86, 40, 40],
      [1, 42, 90],
    ],
    inpatient: [
      [0.06, 0, 0],
      [0.13, 1, 2],
      [0.27, 3, 3],
      [0.43, 4, 6],
      [0.57, 7, 7],
      [0.74, 8, 14],
      [0.77, 16, 16],
      [0.83, 17, 17],
      [0.86, 18, 18],
      [1, 21, 45],
    ],
  },
};

/** Days at pooled rank `u` (0..1). */
export function surveyDays(modality: Modality, patient: SurveyPatient, u: number): number {
  let from = 0;
  for (const [to, lo, hi] of STEPS[modality][patient]) {
    if (u < to) return Math.round(lo + ((hi - lo) * (u - from)) / (to - from));
    from = to;
  }
  const last = STEPS[modality][patient].at(-1);
  return last ? last[2] : 0;
}

/**
 * Case effects on the latent: the report notes the paediatric brain MRI (girl, 4) waits less
 * (median 19 days instead of 21); the others are centred so that the pool keeps its shape.
 */
const CASE_SHIFT: Partial<Record<ClinicalCase, number>> = {
  MR_BRAIN_4F: -0.2,
  MR_KNEE_35M: 0.1,
  CT_TAP_70M: -0.1,
  CT_LUMBAR_50M: 0.1,
};

/**
 * The survey answers of every establishment having machines of a modality. A few answers are
 * missing (as in any survey), and liberal practices, which have no inpatients, answer only
 * for outpatients.
 *
 * @param modalitiesOf the modalities each establishment runs (by FINESS)
 */
export function generateSurvey(
  seed: number,
  establishments: readonly Establishment[],
  modalitiesOf: ReadonlyMap<string, ReadonlySet<Modality>>,
): SurveyAnswer[] {
  const rng = new Rng(deriveSeed(seed, 0x5e7));
  const answers: (SurveyAnswer & { latent: number })[] = [];
  const cases = Object.entries(CLINICAL_CASES) as [ClinicalCase, Modality][];
  for (const est of establishments) {
    const modalities = modalitiesOf.get(est.finess);
    if (!modalities) continue;
    // A site's answers move together: some plateaux are simply busier than others.
    const site = rng.normal();
    for (const [c, modality] of cases) {
      if (!modalities.has(modality)) continue;
      for (const patient of ['outpatient', 'inpatient'] as const) {
        if (patient === 'inpatient' && est.legalStatus === 'LIBERAL') continue;
        if (!rng.chance(patient === 'outpatient' ? 0.95 : 0.9)) continue;
        const latent = 0.6 * site + 0.8 * rng.normal() + (CASE_SHIFT[c] ?? 0);
        answers.push({ finess: est.finess, modality, case: c, patient, days: 0, latent });
      }
    }
  }
  for (const modality of ['CT', 'MR'] as const) {
    for (const patient of ['outpatient', 'inpatient'] as const) {
      const pool = answers.filter((a) => a.modality === modality && a.patient === patient);
      pool.sort((a, b) => a.latent - b.latent);
      pool.forEach(
        (a, rank) => (a.days = surveyDays(modality, patient, (rank + 0.5) / pool.length)),
      );
    }
  }
  return answers.map(({ finess, modality, case: c, patient, days }) => ({
    finess,
    modality,
    case: c,
    patient,
    days,
  }));
}
