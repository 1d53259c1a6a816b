/**
 * The view models of the HTTP API: what the web app, and later the PDF reports, draw. They are
 * built from stored results by pure functions (`src/core/views/`); nothing here recomputes an
 * indicator, it selects, narrows and ranks. Keys are a public interface: add, never rename.
 */
import type { PeerFilter } from '../benchmark.ts';
import type { Issue } from '../issues.ts';
import type { UploadStage, UploadState, UploadTable } from './upload-stages.ts';
import type { Category, Modality, SessionType } from '../kit-types.ts';
import type {
  CampaignQuality,
  Leads,
  MachineIndicators,
  PeerBenchmark,
  Quantiles,
  SurveySummary,
  Typology,
} from '../indicators/types.ts';

/** The campaign a view was built from. */
export interface CampaignRef {
  id: string;
  name: string;
  /** Local date `YYYY-MM-DD` of the first day. */
  start: string;
  days: number;
  timeZone: string;
}

/** A stored campaign: `GET /api/campaigns` (list) and `GET /api/campaigns/:id`. */
export interface CampaignSummary extends CampaignRef {
  /** ISO instant of the last import. */
  updatedAt: string;
  exams: number;
  machines: Partial<Record<Modality, number>>;
  establishments: number;
  /** How many of the establishments came as signed bundles of aggregates (issue 16); absent when none. */
  bundleSites?: number;
  /** How many machines those bundle sites hold; absent when none. */
  bundleMachines?: number;
}

/** The values each filter can take in a campaign (sorted), for the filter bar. */
export interface FilterOptions {
  modalities: Modality[];
  regions: string[];
  legalStatuses: string[];
  typologies: Typology[];
  /** INSEE codes of the sites' départements, in INSEE order (empty when the sites are not placed). */
  departments: string[];
  /** INSEE codes of the sites' current regions. */
  inseeRegions: string[];
}

/** `GET /api/campaigns/:id`. */
export interface CampaignDetail extends CampaignSummary {
  options: FilterOptions;
}

/**
 * Keys of the per-machine figures that are ranked and banded: every `MACHINE_FIGURES` key of
 * `core/benchmark.ts` (`programmedOpening`, `occupancyProgrammed`, `icrPerHour`,
 * `durationMedianA`, `reportDelayMedian_outpatient`, …).
 */
export type FigureKey = string;

/** One machine as a point of a distribution or a bubble chart. */
export interface MachinePoint {
  equipmentId: string;
  /** The equipment's label from the kit, when it has one. */
  label: string | null;
  finess: string;
  /** Name of the establishment. */
  establishment: string;
  modality: Modality;
  region: string | null;
  legalStatus: string | null;
  typology: Typology;
  /** Passes the 95 % / 15 % rule: counted in occupancy and ICR/h distributions. */
  occupancyIncluded: boolean;
  exams: number;
  nightLevel: 'strong' | 'moderate' | 'low';
  significantOnCall: boolean;
  /** `bundle` when its site came as a signed bundle of aggregates (no exam rows); absent for raw data. */
  origin?: 'bundle';
  /** Every `MACHINE_FIGURES` value plus `programmedPlusEmergencyOpening`; null when not computable. */
  figures: Record<FigureKey, number | null>;
}

/**
 * `GET /api/campaigns/:id/benchmark?modality=&region=&legalStatus=&typology=`: the peer
 * group the filters select, its P20/P50/P80 per modality, its machines, and the survey of
 * its establishments.
 */
export interface BenchmarkView {
  campaign: CampaignRef;
  filter: PeerFilter;
  options: FilterOptions;
  benchmark: Partial<Record<Modality, PeerBenchmark>>;
  survey: Partial<Record<Modality, SurveySummary>>;
  machines: MachinePoint[];
  /**
   * True when exam-level distributions (durations, report and appointment delays) were pooled
   * over the selected machines' exams; false when only the unfiltered campaign's are known.
   */
  pooledExact: boolean;
}

/** `GET /api/campaigns/:id/regions`: one row per region. */
export interface RegionListing {
  region: string;
  establishments: number;
  machines: Partial<Record<Modality, number>>;
  exams: number;
  /** How many of its establishments came as signed bundles of aggregates; absent when none. */
  bundleSites?: number;
}

/** `GET /api/campaigns/:id/establishments?region=&legalStatus=&q=`: one row per establishment. */
export interface EstablishmentListing {
  finess: string;
  name: string;
  region: string;
  department: string | null;
  legalStatus: string;
  machines: Partial<Record<Modality, number>>;
  exams: number;
  /** `bundle` when the site came as a signed bundle of aggregates (no exam rows); absent for raw data. */
  origin?: 'bundle';
}

/** A machine's figure against its peers: value, P20/P50/P80 band, percentile rank (0..1). */
export interface FigureComparison {
  key: FigureKey;
  unit: 'h/week' | 'fraction' | 'ICR/h' | 'exams/week' | 'min' | 'days';
  value: number | null;
  peers: Quantiles;
  rank: number | null;
}

/** Which peers a machine is compared with: its modality, narrowed by the given fields. */
export type PeerScope = 'modality' | 'region' | 'legalStatus' | 'typology';

/** One machine of a site, compared with its peers. */
export interface MachineComparison {
  point: MachinePoint;
  /** The peer group used (always the machine's modality, plus the scope's field). */
  peerFilter: PeerFilter;
  peerCount: number;
  figures: FigureComparison[];
  leads: Leads;
  indicators: MachineIndicators;
}

/** `GET /api/campaigns/:id/establishments/:finess?peers=modality|region|legalStatus|typology`. */
export interface EstablishmentView {
  campaign: CampaignRef;
  establishment: EstablishmentListing;
  scope: PeerScope;
  machines: MachineComparison[];
}

/** A week of the campaign a timeline can show: index 0 is the campaign's first 7 days. */
export interface WeekRef {
  index: number;
  /** Local date `YYYY-MM-DD` of the week's first day. */
  start: string;
}

/** `GET /api/campaigns/:id/machines/:equipmentId`. */
export interface MachineView {
  campaign: CampaignRef;
  establishment: EstablishmentListing;
  machine: MachineComparison;
  weeks: WeekRef[];
}

/** A span inside one local day, in minutes from that day's local midnight (0..1440). */
export interface DaySpan {
  startMinute: number;
  endMinute: number;
}

/**
 * `GET /api/campaigns/:id/machines/:equipmentId/timeline?week=N`: seven local days of
 * sessions (by type) and exams (by category); spans crossing midnight are cut at it.
 */
export interface TimelineView {
  equipmentId: string;
  week: WeekRef;
  weeks: number;
  days: {
    /** Local date `YYYY-MM-DD`. */
    date: string;
    /** 1 = Monday … 7 = Sunday. */
    weekday: number;
    sessions: (DaySpan & { type: SessionType })[];
    exams: (DaySpan & { category: Category; short: boolean })[];
  }[];
}

/**
 * `GET /api/campaigns/:id/machines/:equipmentId/heatmap`: mean exams started per hour, by
 * local weekday (rows, Monday first) and hour (columns), over the campaign's days.
 */
export interface HeatmapView {
  equipmentId: string;
  /** `cells[weekday - 1][hour]`. */
  cells: number[][];
  /** How many days of each weekday the campaign holds (the means' denominators). */
  daysPerWeekday: number[];
  max: number;
}

/** One machine's data-quality line. */
export interface MachineQualityRow {
  equipmentId: string;
  finess: string;
  establishment: string;
  modality: Modality;
  exams: number;
  shortExams: number;
  unvaluedExams: number;
  examsOutsideSessions: number;
  overlappingExams: number;
  unknownActs: string[];
  occupancyIncluded: boolean;
  /** Why the machine is out of the occupancy and ICR/h distributions. */
  exclusionReason: string | null;
  /** `exclusionReason` as a code a client can word in its language; null when kept. */
  exclusionCode: OccupancyExclusionCode | null;
  /** Share (0..1) of the programmed time in sessions occupied above 15 %; null without programmed sessions. */
  shareAbove15: number | null;
  /** `bundle` when its site came as a signed bundle of aggregates (its quality counts are the site's own); absent for raw data. */
  origin?: 'bundle';
}

/**
 * Why a machine is out of the occupancy distributions: it has no programmed session at all, or
 * less than 95 % of its programmed time lies in sessions occupied above 15 %.
 */
export type OccupancyExclusionCode = 'no-programmed-sessions' | 'below-15-percent';

/** `GET /api/campaigns/:id/quality`. */
export interface QualityView {
  campaign: CampaignRef;
  quality: CampaignQuality;
  machines: MachineQualityRow[];
  /** Issues stored with the campaign's imports (warnings and notes: errors are never stored). */
  issues: (Issue & { source: string })[];
  issueCounts: { error: number; warning: number; info: number };
  /** How many sites and machines came as signed bundles of aggregates (issue 16); absent when none. */
  bundleSites?: number;
  bundleMachines?: number;
}

/** What an import did to one table of a campaign. */
export interface TableChangeCounts {
  inserted: number;
  updated: number;
  removed: number;
  unchanged: number;
}

/** Where an upload stands: `POST /api/uploads` answers 202 with it, `GET /api/uploads/:id` polls it. */
export interface UploadStatus {
  id: string;
  state: UploadState;
  /** The step under way (a closed set of codes), the table it writes in `writing`, its completion (0..1, null when unknown). */
  progress: { stage: UploadStage; table?: UploadTable; fraction: number | null };
  /** Kit files received (paths inside the kit). */
  files: string[];
  /** Every issue found, located by file, line and column. */
  issues: Issue[];
  /** The campaign stored, once `done`. */
  campaignId: string | null;
  /**
   * Counts of the import, once `done`: the campaign's records, what became of the campaign
   * (`replaced`: stored over another period, replaced whole with `replace=1`), and per table the
   * rows added, changed, removed (no longer in the kit) and left unchanged.
   */
  summary: {
    exams: number;
    machines: number;
    establishments: number;
    campaign: 'inserted' | 'updated' | 'unchanged' | 'replaced';
    changes: Record<
      'establishments' | 'equipment' | 'acts' | 'survey' | 'sessions' | 'exams',
      TableChangeCounts
    >;
  } | null;
  /** Why it was rejected or failed, in one sentence. */
  error: { code: string; message: string } | null;
}

/** Every error answer of the API. */
export interface ApiError {
  error: { code: string; message: string };
}
