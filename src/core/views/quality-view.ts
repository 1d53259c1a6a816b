/**
 * The data-quality page: campaign-wide counts, one row per machine from its stored quality
 * figures and occupancy inclusion, and the issues stored with the campaign's imports.
 */
import type { InclusionDetail } from '../indicators/types.ts';
import type { Issue } from '../issues.ts';
import { issueTotals } from '../issues.ts';
import type { CampaignIndex } from './campaign-index.ts';
import type { MachineQualityRow, OccupancyExclusionCode, QualityView } from './types.ts';

/**
 * Why the inclusion rule (`occupancyInclusion`) left a machine out, as a code: without any
 * programmed session its share above 15 % is unknown (`no-programmed-sessions`), else the share
 * fell under 95 % (`below-15-percent`); null for a machine kept.
 *
 * @example
 * exclusionCodeOf({ included: false, programmedSessionHours: 0, shareAbove15: null, reason: '…' });
 * // 'no-programmed-sessions'
 */
export function exclusionCodeOf(inclusion: InclusionDetail): OccupancyExclusionCode | null {
  if (inclusion.included) return null;
  return inclusion.shareAbove15 === null || inclusion.programmedSessionHours <= 0
    ? 'no-programmed-sessions'
    : 'below-15-percent';
}

/**
 * The quality view of a loaded campaign and its stored issues.
 *
 * @example
 * qualityView(index, await loadIssues(store, index.ref.id)).issueCounts.warning;
 */
export function qualityView(
  index: CampaignIndex,
  issues: readonly (Issue & { source: string })[],
): QualityView {
  const machines = index.machines.map((m): MachineQualityRow => ({
    equipmentId: m.equipmentId,
    finess: m.finess,
    establishment: index.establishmentByFiness.get(m.finess)?.name ?? m.finess,
    modality: m.modality,
    exams: m.exams,
    shortExams: m.quality.shortExams,
    unvaluedExams: m.quality.unvaluedExams,
    examsOutsideSessions: m.quality.examsOutsideSessions,
    overlappingExams: m.quality.overlappingExams,
    unknownActs: [...m.quality.unknownActs],
    occupancyIncluded: m.occupancyIncluded,
    exclusionReason: m.occupancyIncluded
      ? null
      : (m.inclusion.reason ?? 'left out of the occupancy distributions'),
    exclusionCode: m.occupancyIncluded ? null : exclusionCodeOf(m.inclusion),
    shareAbove15: m.inclusion.shareAbove15,
    ...(index.isBundleSite(m.finess) ? { origin: 'bundle' as const } : {}),
  }));
  // A capped kind counts for all its issues, not for its one summary.
  const { error, warning, info } = issueTotals(issues);
  const issueCounts = { error, warning, info };
  const { bundleSites, bundleMachines } = index.summary;
  return {
    campaign: index.ref,
    quality: index.data.results.quality,
    machines,
    issues: [...issues],
    issueCounts,
    ...(bundleSites ? { bundleSites, bundleMachines: bundleMachines ?? 0 } : {}),
  };
}
