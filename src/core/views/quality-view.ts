/**
 * The data-quality page: campaign-wide counts, one row per machine from its stored quality
 * figures and occupancy inclusion, and the issues stored with the campaign's imports.
 */
import type { Issue } from '../issues.ts';
import type { CampaignIndex } from './campaign-index.ts';
import type { MachineQualityRow, QualityView } from './types.ts';

/**
 * The quality view of a loaded campaign and its stored issues.
 *
 * @example
 * qualityView(index, await loadIssues(store, index.ref.id)).issueCounts.warning;
 */
export function qualityView(index: CampaignIndex, issues: readonly (Issue & { source: string })[]): QualityView {
  const machines = index.machines.map(
    (m): MachineQualityRow => ({
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
      exclusionReason: m.occupancyIncluded ? null : (m.inclusion.reason ?? 'left out of the occupancy distributions'),
    }),
  );
  const issueCounts = { error: 0, warning: 0, info: 0 };
  for (const i of issues) issueCounts[i.severity]++;
  return { campaign: index.ref, quality: index.data.results.quality, machines, issues: [...issues], issueCounts };
}
