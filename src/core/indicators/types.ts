/**
 * The figures plateau computes, shaped as the JSON contract at the end of `indicators.md`.
 * Keys are a public interface: add freely, never rename or drop. Fractions are 0..1, hours and
 * minutes plain numbers, and a figure that cannot be computed is `null`.
 */
import type { Category, Modality } from '../kit-types.ts';
import type { Quantiles } from '../stats.ts';

export type { Quantiles } from '../stats.ts';

/** Opening hours per week of the three classes of sessions (out of 168). */
export interface Openings {
  programmed: number;
  extended: number;
  total: number;
  /** Union of programmed and `EMERGENCY` sessions (the report's figures 17-18). */
  programmedPlusEmergency: number;
}

export interface NightActivity {
  /** Exams whose `roomIn` is in [20:00, 24:00) local. */
  evening: number;
  /** Exams whose `roomIn` is in [00:00, 07:00) local. */
  deepNight: number;
  /** Mean exams per weekday night (night of D = [D 20:00, D+1 07:00), D Monday-Friday in the campaign). */
  perWeekdayNight: number | null;
  /** (evening + deepNight) / weeks. */
  perWeek: number;
  /** `strong` at ≥ 10 per weekday night, `low` at ≤ 5 per week, else `moderate`. */
  level: 'strong' | 'moderate' | 'low';
}

/** An improvement lead: its values' count, median and P80 in minutes, and the hours per week at stake. */
export interface Lead {
  n: number;
  p50: number | null;
  p80: number | null;
  hoursPerWeek: number;
}

export interface Leads {
  lateStartMinutes: Lead | null;
  earlyEndMinutes: Lead | null;
  turnoverGapMinutes: Lead | null;
  overrunMinutes: Lead | null;
}

/** The patient types of report delays (a category's `PATIENT_TYPE_OF`). */
export const PATIENT_TYPES = ['outpatient', 'inpatient', 'emergency'] as const;
export type PatientType = (typeof PATIENT_TYPES)[number];
export type Typology = 'emergency-dedicated' | 'scheduled-centred';

/** Why a machine is left out of the occupancy and ICR-per-hour distributions. */
export interface InclusionDetail {
  included: boolean;
  /** Summed length (h) of the programmed sessions, each taken on its own. */
  programmedSessionHours: number;
  /** Share of that length in sessions occupied above 15 %. */
  shareAbove15: number | null;
  /** Plain-words reason when excluded. */
  reason: string | null;
}

/** Everything plateau computes for one machine over the campaign. */
export interface MachineIndicators {
  equipmentId: string;
  finess: string;
  modality: Modality;
  region: string | null;
  legalStatus: string | null;
  openingHoursPerWeek: Openings;
  /** Hours per week of `ON_CALL` ∪ `EMERGENCY` sessions. */
  onCallHoursPerWeek: number;
  exams: number;
  passagesPerWeek: number;
  occupancy: { programmed: number | null; programmedPlusEmergency: number | null };
  occupancyIncluded: boolean;
  inclusion: InclusionDetail;
  icrPerHour: number | null;
  /** Σ ICR over all exams that could be valued. */
  icrTotal: number;
  emergencyShare: number | null;
  night: NightActivity;
  significantOnCall: boolean;
  typology: Typology;
  durationMinutes: Partial<Record<Category, Quantiles>>;
  reportDelayMinutes: Partial<Record<PatientType, Quantiles>>;
  /** Realized appointment delay (calendar days from request to exam), non-urgent exams. */
  appointmentDelayDays: Partial<Record<'outpatient' | 'inpatient', Quantiles>>;
  leads: Leads;
  quality: MachineQuality;
  /** Percentile rank (0..1) of each figure among the machines of the same modality. */
  percentRank?: Record<string, number | null>;
}

export interface MachineQuality {
  /** Exams under 3 minutes: kept for counts and ICR, left out of durations and occupancy. */
  shortExams: number;
  /** Exams with no ICR on the row and an act missing from the act table. */
  unvaluedExams: number;
  /** Act codes missing from the act table. */
  unknownActs: string[];
  /** Exams whose `roomIn` falls in no session at all. */
  examsOutsideSessions: number;
  /** Exams starting before the previous patient left the room (a recording doubt). */
  overlappingExams: number;
}

/** A P20/P50/P80 distribution across peer machines, with the machines it was taken over. */
export type Distribution = Quantiles;

/** The benchmark of one peer group (a modality, possibly narrowed by filters). */
export interface PeerBenchmark {
  programmedOpening: Distribution;
  extendedOpening: Distribution;
  totalOpening: Distribution;
  /** Opening of programmed ∪ `EMERGENCY` sessions (report, figures 17-18). */
  programmedPlusEmergencyOpening: Distribution;
  /** Over included machines only. */
  occupancyProgrammed: Distribution;
  /** Over included machines only. */
  occupancyProgrammedPlusEmergency: Distribution;
  /** Over included machines only. */
  icrPerHour: Distribution;
  passagesPerWeek: Distribution;
  emergencyShare: Distribution;
  nightPerWeek: Distribution;
  onCallHoursPerWeek: Distribution;
  /** Exam durations pooled over all exams of the peers, per category. */
  durationMinutes: Partial<Record<Category, Distribution>>;
  /** Distribution of the peers' per-machine median durations, per category. */
  durationMedianMinutes: Partial<Record<Category, Distribution>>;
  reportDelayMinutes: Partial<Record<PatientType, Distribution>>;
  reportDelayMedianMinutes: Partial<Record<PatientType, Distribution>>;
  /** Realized appointment delays pooled over the peers' exams. */
  appointmentDelayDays: Partial<Record<'outpatient' | 'inpatient', Distribution>>;
  /** Share of peers with significant on-call activity (> 90 h/week of on-call ∪ emergency). */
  significantOnCallShare: number | null;
  /** Share of peers with strong night activity (≥ 10 per weekday night). */
  strongNightShare: number | null;
  /** Share of peers with low night activity (≤ 5 per week). */
  lowNightShare: number | null;
  machines: number;
  includedMachines: number;
}

/** The appointment survey: earliest appointment offered (days), per modality. */
export interface SurveySummary {
  modality: Modality;
  byPatient: Partial<Record<'outpatient' | 'inpatient', Distribution>>;
  byCase: { case: string; patient: 'outpatient' | 'inpatient'; days: Distribution }[];
}

export interface CampaignQuality {
  shortExams: number;
  overlappingExams: number;
  excludedFromOccupancy: string[];
  exclusions: { equipmentId: string; reason: string }[];
  unknownActs: string[];
  unvaluedExams: number;
  examsOutsideSessions: number;
}

/** The whole result of a campaign (the `plateau indicators --json` document). */
export interface CampaignIndicators {
  campaign: { id: string; name: string; start: string; days: number; timeZone: string };
  machines: MachineIndicators[];
  benchmark: Partial<Record<Modality, PeerBenchmark>>;
  survey: Partial<Record<Modality, SurveySummary>>;
  quality: CampaignQuality;
}
