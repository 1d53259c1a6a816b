/**
 * The trend views (issue 16): a machine, a site, a region and the nation followed across the
 * stored campaigns, oldest first. Built by pure functions (`src/core/trends/`) from one
 * `CampaignIndex` per campaign; nothing here recomputes an indicator, it matches machines across
 * campaigns (same `equipment_id`, or the kit's `previous_id`), reads their stored figures and
 * their peers' bands, and says what changed. Keys are a public interface: add, never rename.
 */
import type { Lead } from '../indicators/types.ts';
import type { Modality } from '../kit-types.ts';
import type { Quantiles } from '../stats.ts';
import type { LeadKey } from '../views/lead-ranking.ts';
import type { CampaignRef, FigureComparison, FigureKey } from '../views/types.ts';

/** Where a site's figures came from in a campaign: its own exam rows, or a signed bundle of aggregates. */
export type SiteOrigin = 'raw' | 'bundle';

/**
 * A relative change of a figure at least this large (|after − before| / |before|) is notable,
 * and so is a move of the percentile rank of at least `NOTABLE_RANK_MOVE`.
 */
export const NOTABLE_RELATIVE_CHANGE = 0.1;
export const NOTABLE_RANK_MOVE = 0.15;

/**
 * A lead is one to act on when it frees at least this many hours a week; the next campaign's value
 * of the same lead then says whether it was acted on (`LeadVerdict`).
 */
export const LEAD_WORTH_HOURS = 0.5;

/** One figure of one campaign: the value, the peers' P20/P50/P80, how many peers, the rank (0..1). */
export interface TrendPoint {
  campaignId: string;
  /** Null when the machine (group) is absent from the campaign or the figure is not computable. */
  value: number | null;
  /** The peer group's band (the machine's modality, in that campaign); null when hidden or absent. */
  peers: Quantiles | null;
  peerCount: number;
  rank: number | null;
}

/** A figure followed over the series, one point per campaign (in the series' order). */
export interface FigureTrend {
  key: FigureKey;
  unit: FigureComparison['unit'];
  points: TrendPoint[];
}

/** How a followed machine is known in one campaign of the series. */
export interface MachineLink {
  campaignId: string;
  /** Its id in that campaign; null when absent. */
  equipmentId: string | null;
  /**
   * `same-id`: the id of the next campaign; `mapped`: the next campaign's machine names it in its
   * `previous_id` (renamed, or replaced by it); `absent`: not in that campaign. The link of the last
   * campaign it is in is `same-id` (the series' last for a machine of it; a machine a site had and
   * lost is followed back from the last campaign it was in, `absent` in every later one).
   */
  link: 'same-id' | 'mapped' | 'absent';
  label: string | null;
  installedYear: number | null;
  origin: SiteOrigin | null;
}

/**
 * Whether a lead of the earlier campaign was acted on, from its hours per week then and now:
 * `acted` ≤ 50 % of before, `partly` ≤ 80 %, `unchanged` ≤ 120 %, `worse` above; `no-lead` when it
 * freed less than `LEAD_WORTH_HOURS` before and still does; `new-lead` when it did not and now
 * does; `unknown` when either value is missing.
 */
export type LeadVerdict =
  'acted' | 'partly' | 'unchanged' | 'worse' | 'no-lead' | 'new-lead' | 'unknown';

/** One lead of a machine between two consecutive campaigns of the series. */
export interface LeadFollowUp {
  key: LeadKey;
  from: string;
  to: string;
  before: Lead | null;
  after: Lead | null;
  verdict: LeadVerdict;
}

/** What a change is about. */
export type TrendChangeKind =
  | 'machine-added'
  | 'machine-removed'
  | 'machine-replaced'
  | 'machine-renamed'
  | 'site-added'
  | 'site-removed'
  | 'figure'
  | 'lead';

/**
 * One change between two consecutive campaigns (`from` → `to`, campaign ids). Fields that do not
 * apply are null: a figure change names its `figure`, a lead its `lead` and `verdict`, a replaced or
 * renamed machine its `previousEquipmentId`.
 */
export interface TrendChange {
  kind: TrendChangeKind;
  from: string;
  to: string;
  finess: string | null;
  /** The machine in `to` (in `from` when removed). */
  equipmentId: string | null;
  previousEquipmentId: string | null;
  modality: Modality | null;
  figure: FigureKey | null;
  lead: LeadKey | null;
  verdict: LeadVerdict | null;
  before: number | null;
  after: number | null;
  /** For a figure: the rank before and after (0..1), when known. */
  rankBefore: number | null;
  rankAfter: number | null;
  /** Passes `NOTABLE_RELATIVE_CHANGE` / `NOTABLE_RANK_MOVE`, or is a machine/site/lead event worth saying. */
  notable: boolean;
}

/** `GET /api/campaigns/:id/trends/machines/:equipmentId`: one machine over the series. */
export interface MachineTrend {
  /** The series, oldest first; the last one is the campaign asked for. */
  campaigns: CampaignRef[];
  equipmentId: string;
  label: string | null;
  finess: string;
  establishment: string;
  modality: Modality;
  links: MachineLink[];
  /** Every `MACHINE_FIGURES` key, in its order. */
  figures: FigureTrend[];
  leads: LeadFollowUp[];
  changes: TrendChange[];
  /**
   * The notable changes into the series' last campaign (from the last campaign it was in before),
   * most notable first; for a machine gone since, its removal when it went in that step.
   */
  sinceLastYear: TrendChange[];
}

/** A site in one campaign of the series. */
export interface SiteTrendYear {
  campaignId: string;
  present: boolean;
  origin: SiteOrigin | null;
  machines: Partial<Record<Modality, number>>;
  exams: number;
  /** Sums over the site's machines (h/week); null when absent. */
  programmedOpening: number | null;
  totalOpening: number | null;
}

/** `GET /api/campaigns/:id/trends/establishments/:finess`. */
export interface SiteTrend {
  campaigns: CampaignRef[];
  finess: string;
  name: string;
  years: SiteTrendYear[];
  /** Its machines of the last campaign, and the ones it had before that are gone, each followed back. */
  machines: MachineTrend[];
  changes: TrendChange[];
  sinceLastYear: TrendChange[];
}

/** A group of machines (a region's, or the nation's) of one modality in one campaign. */
export interface GroupTrendYear {
  campaignId: string;
  machines: number;
  sites: number;
  /** Of which came as bundles. */
  bundleSites: number;
  exams: number;
  /** P20/P50/P80 of each figure over the group's machines; null when hidden or not computable. */
  figures: Record<FigureKey, Quantiles | null>;
  /** For a region: the nation's band of each figure in that campaign (null for the nation itself). */
  national: Record<FigureKey, Quantiles | null> | null;
}

/**
 * `GET /api/campaigns/:id/trends?modality=` (the nation) and
 * `GET /api/campaigns/:id/trends/regions/:region` (a region, as the kit names it).
 */
export interface GroupTrend {
  campaigns: CampaignRef[];
  level: 'nation' | 'region';
  region: string | null;
  byModality: Partial<Record<Modality, GroupTrendYear[]>>;
  /** Machines and sites added or removed in the group, and notable figure moves of its bands. */
  changes: TrendChange[];
  sinceLastYear: TrendChange[];
}
