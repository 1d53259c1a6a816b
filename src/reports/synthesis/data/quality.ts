/**
 * The data quality of a synthesis' scope (the caveats chapter): short exams, machines left out
 * of occupancy and why, exams that could not be valued, unknown acts, exams outside sessions and
 * overlapping exams, summed from each machine's stored quality figures.
 */
import type { Modality } from '../../../core/kit-types.ts';
import { exclusionCodeOf } from '../../../core/views/quality-view.ts';
import type { Lang } from '../../../i18n/index.ts';
import { exclusionText } from '../../../i18n/index.ts';
import type { SynthesisScope } from '../scope.ts';

/** One machine left out of the occupancy and ICR-per-hour distributions. */
export interface ExcludedMachine {
  equipmentId: string;
  label: string | null;
  establishment: string;
  modality: Modality;
  /** Why, in the reader's language. */
  reason: string;
}

/** The scope's data-quality counts. */
export interface QualityFacts {
  exams: number;
  shortExams: number;
  unvaluedExams: number;
  examsOutsideSessions: number;
  overlappingExams: number;
  unknownActs: string[];
  machines: number;
  excluded: ExcludedMachine[];
}

/**
 * The data-quality facts of a scope, machines excluded in the results' order.
 *
 * @example
 * qualityFacts(scope, 'fr').excluded.map((e) => e.equipmentId); // ['EQ125', …]
 */
export function qualityFacts(scope: SynthesisScope, lang: Lang): QualityFacts {
  const { index } = scope;
  const acts = new Set<string>();
  const out: QualityFacts = {
    exams: 0,
    shortExams: 0,
    unvaluedExams: 0,
    examsOutsideSessions: 0,
    overlappingExams: 0,
    unknownActs: [],
    machines: scope.machines.length,
    excluded: [],
  };
  for (const m of scope.machines) {
    out.exams += m.exams;
    out.shortExams += m.quality.shortExams;
    out.unvaluedExams += m.quality.unvaluedExams;
    out.examsOutsideSessions += m.quality.examsOutsideSessions;
    out.overlappingExams += m.quality.overlappingExams;
    for (const a of m.quality.unknownActs) acts.add(a);
    if (!m.occupancyIncluded) {
      out.excluded.push({
        equipmentId: m.equipmentId,
        label: index.equipmentById.get(m.equipmentId)?.label ?? null,
        establishment: index.establishmentByFiness.get(m.finess)?.name ?? m.finess,
        modality: m.modality,
        reason: exclusionText(exclusionCodeOf(m.inclusion), m.inclusion.shareAbove15, lang),
      });
    }
  }
  out.unknownActs = [...acts].sort();
  return out;
}
