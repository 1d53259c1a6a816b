/**
 * On-call and teleradiology pooling (planning.md §4): the contract of the pure computation.
 * Demand is measured from the campaign's exams in permanence-of-care hours (PDS); reading times,
 * targets and rates are inputs; every figure carries the weakest provenance of what it uses.
 */
import type { Modality } from '../../core/kit-types.ts';

/** Where a figure comes from, strongest first: the campaign, a user input, an illustrative default. */
export type Provenance = 'measured' | 'input' | 'illustrative';

/** A value with its provenance; `null` when it cannot be computed (e.g. no line count reaches the target). */
export interface Figure<T = number> {
  value: T | null;
  provenance: Provenance;
}

/**
 * A permanence-of-care period: `night` = Monday–Friday 20:00–08:00 local (the hours before 08:00
 * belong to the local date they fall on), `weekend` = all of Saturday, Sunday and the public
 * holidays given as input (plateau has no holiday table yet: the caller passes the dates).
 */
export type PdsPeriod = 'night' | 'weekend';
export const PDS_PERIODS: readonly PdsPeriod[] = ['night', 'weekend'];

/** Demand of one site and modality in PDS hours. */
export interface SiteModalityDemand {
  /** FINESS of the site. */
  site: string;
  modality: Modality;
  /** Exams ending in PDS hours, counted over the campaign (measured). */
  examsInCampaign: number;
  /** Exams per week (× 7 / campaign days) per period. */
  perWeek: Record<PdsPeriod, number>;
  /** Exams per year (× 365 / campaign days), both periods. */
  perYear: number;
  /**
   * Exams per week in each hour of the week, index = (Monday 0 … Sunday 6) × 24 + local hour;
   * daytime hours of weekdays are 0 (holidays on weekdays count there at their hour).
   */
  byHourOfWeek: number[];
}

/** The PDS demand of a territory over one campaign. */
export interface PdsDemand {
  campaignDays: number;
  /** PDS hours per week, per period, counted on the campaign calendar hour by hour (so DST and holidays count). */
  hoursPerWeek: Record<PdsPeriod, number>;
  rows: SiteModalityDemand[];
}

/** Reading-time distribution: exponential (Erlang C holds) or deterministic (simulated). */
export type ReadingDistribution = 'exponential' | 'deterministic';

/** Inputs of the reading model. */
export interface ReadingModel {
  /** Mean minutes a radiologist spends reading one exam, per modality. */
  readingMinutes: Record<Modality, number>;
  readingProvenance: Provenance;
  distribution: ReadingDistribution;
  /** Target response time (request → report), minutes. Default 30. */
  targetMinutes: number;
  /** Share of exams to be read within the target. Default 0.9. */
  targetShare: number;
  /** Euros per radiologist on-call hour (input); no cost without it. */
  hourlyRate: number | null;
  /** Seed of the simulated queue (used only when Erlang C does not hold). */
  seed: number;
  /** Customers measured per simulated queue (default 40,000) after a 10 % warm-up. */
  simulatedCustomers: number;
  /** Largest line count tried before `linesNeeded` is `null` (default 20). */
  maxLines: number;
}

/** One queue: who it reads for, in which periods, with how many lines. */
export interface QueueFigures {
  /** Sites read by this queue. */
  sites: string[];
  periods: PdsPeriod[];
  /**
   * Arrivals per hour (exams per week / PDS hours per week of its periods). The queue is taken as
   * stationary at this mean rate: evening peaks are not modelled, see `peakArrivalsPerHour`.
   */
  arrivalsPerHour: number;
  /** Busiest hour of the week within its periods (exams per week in that hour-of-week slot), for reading the mean against. */
  peakArrivalsPerHour: number;
  /** Lines needed to reach the target share; `null` when none up to `maxLines` does. */
  lines: number | null;
  /** Share read (response ≤ target) with `lines` lines. */
  shareWithinTarget: number | null;
  /** Mean response minutes (wait + reading) with `lines` lines. */
  meanResponseMinutes: number | null;
  /** 'erlang-c' when exponential reading times share one mean; 'simulation' otherwise. */
  method: 'erlang-c' | 'simulation';
}

export type PoolingOptionId =
  'separate' | 'hub' | 'hub-night-sites-weekend' | 'sites-night-hub-weekend';

/** Figures of one organisation option. */
export interface PoolingOption {
  id: PoolingOptionId;
  queues: QueueFigures[];
  /** Most lines on call at the same time (the larger of the night and weekend totals). */
  linesNeeded: Figure;
  /** Radiologist hours on call per week: Σ queue lines × its periods' PDS hours per week. */
  onCallHoursPerWeek: Figure;
  /** PDS exams per week ÷ on-call hours per week. */
  examsPerOnCallHour: Figure;
  /** Share of all PDS exams read within the target (queues weighted by exams). */
  shareReadWithinTarget: Figure;
  /** Mean response minutes over all PDS exams. */
  meanResponseMinutes: Figure;
  /** On-call hours × hourly rate; `null` value without a rate. */
  costPerWeek: Figure;
}
