/**
 * The trend builders (issue 16): a machine, a site, a region or the nation over a series of
 * campaign indexes, oldest first. They assemble the concepts of this folder — machines matched
 * across campaigns, figure points, lead follow-ups, changes, "since last year", group bands — and
 * read stored figures only. Each change is listed under the step it happened in, oldest first:
 * events, then leads, then figures.
 */
import { MACHINE_FIGURES } from '../benchmark.ts';
import type { MachineIndicators } from '../indicators/types.ts';
import type { Modality } from '../kit-types.ts';
import { MODALITIES } from '../kit-types.ts';
import type { CampaignIndex } from '../views/campaign-index.ts';
import { machinesByModality } from '../views/summary.ts';
import {
  figureChange,
  leadChange,
  machineEvent,
  machineFigureChanges,
  membershipEvents,
} from './changes.ts';
import { figureTrends } from './figure-points.ts';
import { groupMachines, groupYear } from './group-bands.ts';
import type { TrendSeries } from './index.ts';
import { leadFollowUps } from './lead-follow-up.ts';
import type { FollowedMachine } from './matching.ts';
import { followBack, mappedKind, presentPairs, siteOrigin } from './matching.ts';
import { sinceLastYear } from './since-last-year.ts';
import type {
  GroupTrend,
  GroupTrendYear,
  MachineLink,
  MachineTrend,
  SiteTrend,
  SiteTrendYear,
  TrendChange,
} from './types.ts';

const at = (series: TrendSeries, k: number): CampaignIndex => series[k] as CampaignIndex;
const lastId = (series: TrendSeries): string | undefined => series[series.length - 1]?.ref.id;

/** The machine events of a followed machine from campaign k − 1 to k (see `membershipEvents` for notability). */
function machineEvents(series: TrendSeries, followed: FollowedMachine, k: number): TrendChange[] {
  const earlier = at(series, k - 1);
  const later = at(series, k);
  const before = followed.steps[k - 1] ?? null;
  const after = followed.steps[k] ?? null;
  const from = earlier.ref.id;
  const to = later.ref.id;
  if (before && after) {
    if (followed.links[k - 1] !== 'mapped') return [];
    const kind = mappedKind(earlier, before.equipmentId, later, after.equipmentId);
    return [machineEvent(kind, from, to, after, before.equipmentId, true)];
  }
  if (after)
    return [
      machineEvent(
        'machine-added',
        from,
        to,
        after,
        null,
        earlier.machinesOf(after.finess).length > 0,
      ),
    ];
  if (before)
    return [
      machineEvent(
        'machine-removed',
        from,
        to,
        before,
        null,
        later.machinesOf(before.finess).length > 0,
      ),
    ];
  return [];
}

/** The lead and figure changes of a followed machine, by the position of their later campaign. */
function stepChanges(
  series: TrendSeries,
  followed: FollowedMachine,
  leads: MachineTrend['leads'],
): Map<number, TrendChange[]> {
  const out = new Map<number, TrendChange[]>();
  for (const [i, j] of presentPairs(followed.steps)) {
    const before = followed.steps[i] as MachineIndicators;
    const after = followed.steps[j] as MachineIndicators;
    const from = at(series, i).ref.id;
    const to = at(series, j).ref.id;
    const leadChanges = leads
      .filter((l) => l.from === from && l.to === to)
      .flatMap((l) => leadChange(l, after) ?? []);
    out.set(j, [...leadChanges, ...machineFigureChanges(from, to, before, after)]);
  }
  return out;
}

function link(
  index: CampaignIndex,
  m: MachineIndicators | null,
  kind: MachineLink['link'],
): MachineLink {
  const equipment = m ? index.equipmentById.get(m.equipmentId) : undefined;
  return {
    campaignId: index.ref.id,
    equipmentId: m?.equipmentId ?? null,
    link: kind,
    label: equipment?.label ?? null,
    installedYear: equipment?.installedYear ?? null,
    origin: m ? siteOrigin(index, m.finess) : null,
  };
}

/** A followed machine's trend, and its lead and figure changes per step (for its site's trend). */
function followedTrend(
  series: TrendSeries,
  followed: FollowedMachine,
): { trend: MachineTrend; steps: Map<number, TrendChange[]> } {
  const last = at(series, followed.last);
  const m = followed.steps[followed.last] as MachineIndicators;
  const leads = leadFollowUps(series, followed.steps);
  const steps = stepChanges(series, followed, leads);
  const changes: TrendChange[] = [];
  for (let k = 1; k < series.length; k++)
    changes.push(...machineEvents(series, followed, k), ...(steps.get(k) ?? []));
  const trend: MachineTrend = {
    campaigns: series.map((i) => i.ref),
    equipmentId: m.equipmentId,
    label: last.equipmentById.get(m.equipmentId)?.label ?? null,
    finess: m.finess,
    establishment: last.establishmentByFiness.get(m.finess)?.name ?? m.finess,
    modality: m.modality,
    links: series.map((index, k) =>
      link(index, followed.steps[k] ?? null, followed.links[k] ?? 'absent'),
    ),
    figures: figureTrends(series, followed.steps),
    leads,
    changes,
    sinceLastYear: sinceLastYear(changes, lastId(series)),
  };
  return { trend, steps };
}

/**
 * A machine of the series' last campaign followed back; null when it is not in that campaign.
 *
 * @example
 * machineTrend(series, 'CT-001')?.figures.find((f) => f.key === 'programmedOpening')?.points.map((p) => p.value);
 */
export function machineTrend(series: TrendSeries, equipmentId: string): MachineTrend | null {
  const followed = followBack(series, series.length - 1, equipmentId);
  return followed ? followedTrend(series, followed).trend : null;
}

function siteYear(index: CampaignIndex, finess: string): SiteTrendYear {
  const origin = siteOrigin(index, finess);
  const machines = index.machinesOf(finess);
  const sum = (pick: (m: MachineIndicators) => number): number | null =>
    origin === null ? null : machines.reduce((total, m) => total + pick(m), 0);
  return {
    campaignId: index.ref.id,
    present: origin !== null,
    origin,
    machines: machinesByModality(machines),
    exams: machines.reduce((total, m) => total + m.exams, 0),
    programmedOpening: sum((m) => m.openingHoursPerWeek.programmed),
    totalOpening: sum((m) => m.openingHoursPerWeek.total),
  };
}

/**
 * A site of the series' last campaign over the series; null when it is not in that campaign. Its
 * machines are those of the last campaign, then those it had before that nobody continues (each
 * followed back from the last campaign it was in, latest first).
 *
 * @example
 * siteTrend(series, '590780193')?.sinceLastYear[0]?.kind; // 'machine-added'
 */
export function siteTrend(series: TrendSeries, finess: string): SiteTrend | null {
  const lastPosition = series.length - 1;
  const anchor = series[lastPosition];
  if (!anchor || siteOrigin(anchor, finess) === null) return null;
  const followed: FollowedMachine[] = [];
  const claimed = new Set<string>();
  const follow = (k: number, id: string): void => {
    const f = followBack(series, k, id);
    if (!f) return;
    followed.push(f);
    f.steps.forEach((m, j) => {
      if (m) claimed.add(`${j}|${m.equipmentId}`);
    });
  };
  for (let k = lastPosition; k >= 0; k--) {
    for (const m of at(series, k).machinesOf(finess))
      if (!claimed.has(`${k}|${m.equipmentId}`)) follow(k, m.equipmentId);
  }
  const built = followed.map((f) => followedTrend(series, f));
  const changes: TrendChange[] = [];
  for (let k = 1; k < series.length; k++) {
    const earlier = at(series, k - 1);
    const later = at(series, k);
    changes.push(
      ...membershipEvents(earlier, later, earlier.machinesOf(finess), later.machinesOf(finess)),
    );
    for (const b of built) changes.push(...(b.steps.get(k) ?? []).filter((c) => c.kind === 'lead'));
    for (const b of built)
      changes.push(...(b.steps.get(k) ?? []).filter((c) => c.kind === 'figure'));
  }
  return {
    campaigns: series.map((i) => i.ref),
    finess,
    name: anchor.establishmentByFiness.get(finess)?.name ?? finess,
    years: series.map((index) => siteYear(index, finess)),
    machines: built.map((b) => b.trend),
    changes,
    sinceLastYear: sinceLastYear(changes, lastId(series)),
  };
}

function regionSeen(series: TrendSeries, region: string): boolean {
  return series.some(
    (index) =>
      index.data.establishments.some((e) => e.region === region) ||
      index.machines.some((m) => m.region === region),
  );
}

const shown = (years: readonly GroupTrendYear[]): boolean =>
  years.some((y) => y.machines > 0 || Object.values(y.figures).some((q) => q !== null));

/**
 * The nation (`region` null) or a region (as the kits name it) over the series, per modality
 * (`modality` narrows to one); null when the region is in none of the campaigns.
 *
 * @example
 * groupTrend(series, 'Hauts-de-France', 'MR')?.byModality.MR?.map((y) => y.figures['programmedOpening']?.p50);
 */
export function groupTrend(
  series: TrendSeries,
  region: string | null,
  modality?: Modality,
): GroupTrend | null {
  if (region !== null && !regionSeen(series, region)) return null;
  const byModality: GroupTrend['byModality'] = {};
  for (const mod of MODALITIES) {
    if (modality !== undefined && mod !== modality) continue;
    const years = series.map((index) => groupYear(index, mod, region));
    if (shown(years)) byModality[mod] = years;
  }
  const modalities = Object.keys(byModality) as Modality[];
  const members = (index: CampaignIndex): MachineIndicators[] =>
    modalities.flatMap((mod) => groupMachines(index, mod, region));
  const changes: TrendChange[] = [];
  for (let k = 1; k < series.length; k++) {
    const earlier = at(series, k - 1);
    const later = at(series, k);
    changes.push(...membershipEvents(earlier, later, members(earlier), members(later)));
    for (const mod of modalities) {
      const years = byModality[mod] as GroupTrendYear[];
      const before = years[k - 1] as GroupTrendYear;
      const after = years[k] as GroupTrendYear;
      for (const f of MACHINE_FIGURES) {
        const values = {
          before: before.figures[f.key]?.p50 ?? null,
          after: after.figures[f.key]?.p50 ?? null,
        };
        const c = figureChange(earlier.ref.id, later.ref.id, f.key, values, { modality: mod });
        if (c) changes.push(c);
      }
    }
  }
  return {
    campaigns: series.map((i) => i.ref),
    level: region === null ? 'nation' : 'region',
    region,
    byModality,
    changes,
    sinceLastYear: sinceLastYear(changes, lastId(series)),
  };
}
