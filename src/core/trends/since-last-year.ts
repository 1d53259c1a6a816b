/**
 * "Since last year": the notable changes into the last campaign, ordered machine and site events
 * first, then leads (largest move of hours per week first), then figures by relative change,
 * largest first (rank move breaking ties); equal keys keep the order they were built in.
 */
import { relativeChange } from './changes.ts';
import type { TrendChange, TrendChangeKind } from './types.ts';

const EVENTS: readonly TrendChangeKind[] = [
  'site-added',
  'site-removed',
  'machine-added',
  'machine-removed',
  'machine-replaced',
  'machine-renamed',
];

function group(c: TrendChange): number {
  if (c.kind === 'lead') return 1;
  if (c.kind === 'figure') return 2;
  return 0;
}

const hoursMove = (c: TrendChange): number =>
  c.before === null || c.after === null ? 0 : Math.abs(c.after - c.before);
const rankMove = (c: TrendChange): number =>
  c.rankBefore === null || c.rankAfter === null ? 0 : Math.abs(c.rankAfter - c.rankBefore);

/** Most notable first, within the groups of the module comment. */
export function compareNotable(a: TrendChange, b: TrendChange): number {
  const g = group(a) - group(b);
  if (g !== 0) return g;
  if (group(a) === 0) return EVENTS.indexOf(a.kind) - EVENTS.indexOf(b.kind);
  if (group(a) === 1) return hoursMove(b) - hoursMove(a);
  const ra = relativeChange(a.before, a.after) ?? 0;
  const rb = relativeChange(b.before, b.after) ?? 0;
  if (ra !== rb) return rb > ra ? 1 : -1;
  return rankMove(b) - rankMove(a);
}

/**
 * The notable changes whose `to` is `lastCampaignId`, most notable first.
 *
 * @example
 * sinceLastYear(trend.changes, trend.campaigns.at(-1)!.id);
 */
export function sinceLastYear(
  changes: readonly TrendChange[],
  lastCampaignId: string | undefined,
): TrendChange[] {
  return changes.filter((c) => c.notable && c.to === lastCampaignId).sort(compareNotable);
}
