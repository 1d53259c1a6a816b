/**
 * The figures the ANAP report published for the 2010 campaign (P20 / P50 / P80), as listed in
 * `indicators.md`. They calibrate the synthetic campaign and sit beside a campaign's own
 * figures in the benchmark views, so that a reader sees where 2010 stood.
 */
import type { Modality } from './kit-types.ts';
import type { CampaignIndicators } from './indicators/types.ts';

/** Published P20 / P50 / P80. */
export type Triple = readonly [number, number, number];

export interface ReferenceFigure {
  key: string;
  /** Label in the report's words (French) and in English. */
  label: { fr: string; en: string };
  unit: 'h/week' | 'fraction' | 'ICR/h' | 'exams/week' | 'min' | 'days';
  published: Readonly<Record<Modality, Triple>>;
  /** Where the same figure sits in a computed campaign (`null` when it cannot be computed). */
  pick: (
    r: CampaignIndicators,
    m: Modality,
  ) => { p20: number | null; p50: number | null; p80: number | null } | null;
}

const PUBLISHED_DURATIONS: Readonly<
  Record<'A' | 'H' | 'R' | 'U', Readonly<Record<Modality, Triple>>>
> = {
  A: { CT: [5, 10, 15.8], MR: [14, 20, 30] },
  H: { CT: [7.1, 12, 20], MR: [19.4, 28, 40] },
  R: { CT: [10, 16.6, 27.9], MR: [20, 31.6, 47.9] },
  U: { CT: [7, 11, 18], MR: [17, 25, 35] },
};

export const REFERENCE_2010: readonly ReferenceFigure[] = [
  {
    key: 'programmedOpening',
    label: { fr: 'Ouverture au programmé (h/semaine)', en: 'Programmed opening (h/week)' },
    unit: 'h/week',
    published: { CT: [37.4, 47, 56.2], MR: [47, 57, 64] },
    pick: (r, m) => r.benchmark[m]?.programmedOpening ?? null,
  },
  {
    key: 'occupancyProgrammed',
    label: { fr: "Taux d'occupation (programmé)", en: 'Occupancy (programmed)' },
    unit: 'fraction',
    published: { CT: [0.508, 0.606, 0.702], MR: [0.74, 0.814, 0.87] },
    pick: (r, m) => r.benchmark[m]?.occupancyProgrammed ?? null,
  },
  {
    key: 'icrPerHour',
    label: { fr: 'ICR par heure', en: 'ICR per hour' },
    unit: 'ICR/h',
    published: { CT: [130.4, 158.8, 191.1], MR: [125, 166.1, 208] },
    pick: (r, m) => r.benchmark[m]?.icrPerHour ?? null,
  },
  {
    key: 'passagesPerWeek',
    label: { fr: 'Passages par semaine', en: 'Passages per week' },
    unit: 'exams/week',
    published: { CT: [105, 158, 214], MR: [70, 105, 149] },
    pick: (r, m) => r.benchmark[m]?.passagesPerWeek ?? null,
  },
  ...(['A', 'H', 'R', 'U'] as const).map((c): ReferenceFigure => ({
    key: `duration${c}`,
    label: { fr: `Durée d'examen ${c} (min)`, en: `Exam duration ${c} (min)` },
    unit: 'min',
    published: PUBLISHED_DURATIONS[c],
    pick: (r, m) => r.benchmark[m]?.durationMinutes[c] ?? null,
  })),
  {
    key: 'appointmentDelayOutpatient',
    label: {
      fr: 'Délai de rendez-vous, patient ambulatoire (j)',
      en: 'Appointment delay, outpatient (days)',
    },
    unit: 'days',
    published: { CT: [2, 7, 14], MR: [11, 21, 38] },
    pick: (r, m) => r.survey[m]?.byPatient.outpatient ?? null,
  },
  {
    key: 'appointmentDelayInpatient',
    label: {
      fr: 'Délai de rendez-vous, patient hospitalisé (j)',
      en: 'Appointment delay, inpatient (days)',
    },
    unit: 'days',
    published: { CT: [0, 2, 5], MR: [3, 7, 17] },
    pick: (r, m) => r.survey[m]?.byPatient.inpatient ?? null,
  },
  {
    key: 'reportDelayOutpatient',
    label: {
      fr: 'Délai de compte-rendu, patient ambulatoire (min)',
      en: 'Report delay, outpatient (min)',
    },
    unit: 'min',
    published: { CT: [48, 180, 1650], MR: [48, 360, 4140] },
    pick: (r, m) => r.benchmark[m]?.reportDelayMinutes.outpatient ?? null,
  },
  {
    key: 'reportDelayInpatient',
    label: {
      fr: 'Délai de compte-rendu, patient hospitalisé (min)',
      en: 'Report delay, inpatient (min)',
    },
    unit: 'min',
    published: { CT: [66, 174, 1452], MR: [72, 762, 3726] },
    pick: (r, m) => r.benchmark[m]?.reportDelayMinutes.inpatient ?? null,
  },
];

/** The report's other published facts (medians with emergency sessions, on-call and night shares). */
export const REFERENCE_2010_FACTS = {
  occupancyProgrammedPlusEmergencyMedian: { CT: 0.59, MR: 0.8 },
  programmedPlusEmergencyOpeningMedian: { CT: 53.2, MR: 58.5 },
  significantOnCallShare: { CT: 0.7, MR: 0.21 },
  strongNightShareCT: [0.05, 0.1] as const,
  lowNightShareCT: 2 / 3,
  panel: { establishments: 301, regions: 14, CT: 326, MR: 191, exams: 270_100, days: 28 },
} as const;
