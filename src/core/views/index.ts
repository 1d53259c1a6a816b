/**
 * The view builders of the HTTP API (and later the PDF reports): pure functions from a loaded,
 * indexed campaign to the view models of `types.ts`. They select, narrow and rank stored
 * results; none recomputes an indicator of a machine.
 */
export type * from './types.ts';
export { CampaignIndex } from './campaign-index.ts';
export type { CampaignData, PeerGroup } from './campaign-index.ts';
export { benchmarkView, selectMachines } from './benchmark-view.ts';
export { machineComparison } from './comparison.ts';
export { establishmentView } from './establishment-view.ts';
export {
  PEER_SCOPES,
  TYPOLOGIES,
  compareDepartmentCodes,
  filterKey,
  narrowsModality,
  normalizeFilter,
} from './filters.ts';
export type { BenchmarkFilter } from './filters.ts';
export { daysPerWeekday, heatmapView } from './heatmap.ts';
export { LEAD_KEYS, medianExamDuration, rankLeads, weightedMedian } from './lead-ranking.ts';
export type { DurationBasis, LeadKey, LeadRanking, RankedLead } from './lead-ranking.ts';
export { establishmentListing, establishmentListings, regionListings } from './listings.ts';
export type { EstablishmentQuery } from './listings.ts';
export { machineFigures, machinePoint } from './machine-point.ts';
export { machineView, weekCount, weekRefs } from './machine-view.ts';
export { qualityView } from './quality-view.ts';
export {
  campaignDetail,
  campaignRef,
  campaignSummary,
  compareLabels,
  filterOptions,
  machinesByModality,
} from './summary.ts';
export { foldText, matchesSearch } from './text-search.ts';
export { timelineView } from './timeline.ts';
