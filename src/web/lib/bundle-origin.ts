/**
 * Which parts of a screen a site that came as a signed bundle of aggregates can show (issue 16):
 * React-free, so the rule is tested without a browser. Such a site has its machines' figures and
 * binned samples, no sessions or exams: the screens built from exams are hidden, and say why.
 */

/** Anything the API marks with `origin: 'bundle'` (listings, machine points). */
export interface WithOrigin {
  origin?: 'bundle';
}

/** True when the row or point came as a signed bundle. */
export function isBundle(row: WithOrigin | null | undefined): boolean {
  return row?.origin === 'bundle';
}

/** The parts of the machine and establishment pages that need exam rows. */
export type ExamPart = 'timeline' | 'heatmap' | 'scenarios';

/** The parts a page of a site of this `origin` shows: all for raw data, none for a bundle. */
export function examParts(row: WithOrigin | null | undefined): ReadonlySet<ExamPart> {
  return new Set<ExamPart>(isBundle(row) ? [] : ['timeline', 'heatmap', 'scenarios']);
}

/**
 * The page tab to show: a bundle site's page asked for its scenarios shows the overview (with the
 * reason) instead; any other tab is kept.
 */
export function shownTab<T extends string>(
  tab: T,
  row: WithOrigin | null | undefined,
): T | 'overview' {
  return tab === 'scenarios' && isBundle(row) ? 'overview' : tab;
}

/** How many of the rows came as bundles (a region's establishments, say). */
export function bundleCount(rows: readonly WithOrigin[]): number {
  return rows.filter(isBundle).length;
}
