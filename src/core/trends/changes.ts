/**
 * Changes between two consecutive campaigns (`TrendChange`): machine and site events, a figure's
 * move (notable from `NOTABLE_RELATIVE_CHANGE` of its value or `NOTABLE_RANK_MOVE` of its rank),
 * and a lead's verdict (notable when acted on, worse, or new). Built from stored figures only.
 */
import { MACHINE_FIGURES } from '../benchmark.ts';
import type { MachineIndicators } from '../indicators/types.ts';
import type { Modality } from '../kit-types.ts';
import type { CampaignIndex } from '../views/campaign-index.ts';
import type { FigureKey } from '../views/types.ts';
import { continuedFrom, mappedKind } from './matching.ts';
import type { LeadFollowUp, LeadVerdict, TrendChange, TrendChangeKind } from './types.ts';
import { NOTABLE_RANK_MOVE, NOTABLE_RELATIVE_CHANGE } from './types.ts';

/**
 * A change of `kind` from campaign `from` to `to`, every other field null unless given.
 *
 * @example
 * trendChange('site-added', '2010', '2011', { finess: '590780193', notable: true });
 */
export function trendChange(
  kind: TrendChangeKind,
  from: string,
  to: string,
  fields: Partial<TrendChange> = {},
): TrendChange {
  return {
    kind,
    from,
    to,
    finess: null,
    equipmentId: null,
    previousEquipmentId: null,
    modality: null,
    figure: null,
    lead: null,
    verdict: null,
    before: null,
    after: null,
    rankBefore: null,
    rankAfter: null,
    notable: false,
    ...fields,
  };
}

/**
 * |after − before| / |before|: 0 when both are 0, infinite when only `before` is 0; null when
 * either is unknown.
 */
export function relativeChange(before: number | null, after: number | null): number | null {
  if (before === null || after === null) return null;
  if (before === 0) return after === 0 ? 0 : Infinity;
  return Math.abs(after - before) / Math.abs(before);
}

/** True when a figure's move passes `NOTABLE_RELATIVE_CHANGE`, or its rank's `NOTABLE_RANK_MOVE`. */
export function figureNotable(
  before: number | null,
  after: number | null,
  rankBefore: number | null,
  rankAfter: number | null,
): boolean {
  const relative = relativeChange(before, after);
  // A tiny epsilon so that a move of exactly 10 % (or 0.15 of rank) computed in floating point counts.
  if (relative !== null && relative >= NOTABLE_RELATIVE_CHANGE - 1e-12) return true;
  return (
    rankBefore !== null &&
    rankAfter !== null &&
    Math.abs(rankAfter - rankBefore) >= NOTABLE_RANK_MOVE - 1e-12
  );
}

/** A figure's change (of a machine's value, or of a group's P50), null when nothing moved or a side is unknown. */
export function figureChange(
  from: string,
  to: string,
  figure: FigureKey,
  values: {
    before: number | null;
    after: number | null;
    rankBefore?: number | null;
    rankAfter?: number | null;
  },
  where: { finess?: string | null; equipmentId?: string | null; modality?: Modality | null },
): TrendChange | null {
  const { before, after } = values;
  const rankBefore = values.rankBefore ?? null;
  const rankAfter = values.rankAfter ?? null;
  if (before === null || after === null) return null;
  if (before === after && rankBefore === rankAfter) return null;
  return trendChange('figure', from, to, {
    ...where,
    figure,
    before,
    after,
    rankBefore,
    rankAfter,
    notable: figureNotable(before, after, rankBefore, rankAfter),
  });
}

/** Every figure of a machine that moved from one campaign to the next it is in, in `MACHINE_FIGURES` order. */
export function machineFigureChanges(
  from: string,
  to: string,
  before: MachineIndicators,
  after: MachineIndicators,
): TrendChange[] {
  const out: TrendChange[] = [];
  for (const f of MACHINE_FIGURES) {
    const c = figureChange(
      from,
      to,
      f.key,
      {
        before: f.value(before),
        after: f.value(after),
        rankBefore: before.percentRank?.[f.key] ?? null,
        rankAfter: after.percentRank?.[f.key] ?? null,
      },
      { finess: after.finess, equipmentId: after.equipmentId, modality: after.modality },
    );
    if (c) out.push(c);
  }
  return out;
}

const LEAD_CHANGES: ReadonlySet<LeadVerdict> = new Set(['acted', 'partly', 'worse', 'new-lead']);
const NOTABLE_LEADS: ReadonlySet<LeadVerdict> = new Set(['acted', 'worse', 'new-lead']);

/**
 * A lead follow-up as a change (hours per week before and after), null when it did not change
 * (`unchanged`, `no-lead`, `unknown`); notable when acted on, worse or new.
 */
export function leadChange(f: LeadFollowUp, m: MachineIndicators): TrendChange | null {
  if (!LEAD_CHANGES.has(f.verdict)) return null;
  return trendChange('lead', f.from, f.to, {
    finess: m.finess,
    equipmentId: m.equipmentId,
    modality: m.modality,
    lead: f.key,
    verdict: f.verdict,
    before: f.before?.hoursPerWeek ?? null,
    after: f.after?.hoursPerWeek ?? null,
    notable: NOTABLE_LEADS.has(f.verdict),
  });
}

/** A machine event (`m` is the machine in `to`, or in `from` when removed). */
export function machineEvent(
  kind: TrendChangeKind,
  from: string,
  to: string,
  m: MachineIndicators,
  previousEquipmentId: string | null,
  notable: boolean,
): TrendChange {
  return trendChange(kind, from, to, {
    finess: m.finess,
    equipmentId: m.equipmentId,
    previousEquipmentId,
    modality: m.modality,
    notable,
  });
}

const byFiness = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The events of a set of machines (a site's, a region's, the nation's) from one campaign to the
 * next: sites that came or went (a site is in the set when one of its machines is), then per
 * machine of `after` the one of `before` it continues (replaced or renamed when mapped) or
 * `machine-added`, then the machines of `before` nobody continues, `machine-removed`. A machine
 * added or removed with its whole site is not notable on its own: the site event says it.
 */
export function membershipEvents(
  earlier: CampaignIndex,
  later: CampaignIndex,
  before: readonly MachineIndicators[],
  after: readonly MachineIndicators[],
): TrendChange[] {
  const from = earlier.ref.id;
  const to = later.ref.id;
  const sitesBefore = new Set(before.map((m) => m.finess));
  const sitesAfter = new Set(after.map((m) => m.finess));
  const added = [...sitesAfter].filter((f) => !sitesBefore.has(f)).sort(byFiness);
  const removed = [...sitesBefore].filter((f) => !sitesAfter.has(f)).sort(byFiness);
  const out: TrendChange[] = [
    ...added.map((finess) => trendChange('site-added', from, to, { finess, notable: true })),
    ...removed.map((finess) => trendChange('site-removed', from, to, { finess, notable: true })),
  ];
  const beforeIds = new Set(before.map((m) => m.equipmentId));
  const continued = new Set<string>();
  for (const m of after) {
    const c = continuedFrom(earlier, later, m);
    if (c && beforeIds.has(c.machine.equipmentId)) {
      continued.add(c.machine.equipmentId);
      if (c.link === 'mapped') {
        const kind = mappedKind(earlier, c.machine.equipmentId, later, m.equipmentId);
        out.push(machineEvent(kind, from, to, m, c.machine.equipmentId, true));
      }
    } else out.push(machineEvent('machine-added', from, to, m, null, sitesBefore.has(m.finess)));
  }
  for (const m of before) {
    if (!continued.has(m.equipmentId))
      out.push(machineEvent('machine-removed', from, to, m, null, sitesAfter.has(m.finess)));
  }
  return out;
}
