/**
 * Neuro imaging on CT or MRI (planning.md §6, the plan's measure 1): per site and territory, the
 * share of head/brain exams (act family `head`) done on CT among those on CT and MRI, scheduled
 * (A, H, R) and emergency (U) apart; peers' P20/P50/P80 (type 7) and percentile ranks as the benchmark.
 */
import { examFamily } from '../../core/act-families.ts';
import { percentRank, quantilesOfSorted, sortedFinite } from '../../core/stats.ts';
import type { Quantiles } from '../../core/stats.ts';
import {
  NEURO_SCOPES,
  type NeuroEntry,
  type NeuroOptions,
  type NeuroResult,
  type NeuroScope,
  type RelevanceExam,
  type RelevanceMachine,
  type RelevanceTerritory,
} from './types.ts';

interface Counts {
  ct: number;
  mr: number;
}
type ScopeCounts = Record<NeuroScope, Counts>;

const emptyCounts = (): ScopeCounts => ({
  all: { ct: 0, mr: 0 },
  scheduled: { ct: 0, mr: 0 },
  emergency: { ct: 0, mr: 0 },
});

/**
 * Ranks entries among themselves, scope by scope: a peer is an entry with a share in that scope;
 * `flagged` when the share is at or above the peers' P80 (so with a single peer, it is flagged).
 */
function distribute(
  counts: ReadonlyMap<string, ScopeCounts>,
  isPeer: (id: string) => boolean,
): { entries: NeuroEntry[]; peers: Record<NeuroScope, Quantiles> } {
  const ids = [...counts.keys()].sort();
  const shareOf = (c: Counts): number | null => (c.ct + c.mr === 0 ? null : c.ct / (c.ct + c.mr));
  const peers = {} as Record<NeuroScope, Quantiles>;
  const sorted = {} as Record<NeuroScope, Float64Array>;
  for (const scope of NEURO_SCOPES) {
    const values: number[] = [];
    for (const id of ids) {
      if (!isPeer(id)) continue;
      const s = shareOf((counts.get(id) as ScopeCounts)[scope]);
      if (s !== null) values.push(s);
    }
    sorted[scope] = sortedFinite(values);
    peers[scope] = quantilesOfSorted(sorted[scope]);
  }
  const entries = ids.map((id): NeuroEntry => {
    const c = counts.get(id) as ScopeCounts;
    const peer = isPeer(id);
    const scopes = {} as NeuroEntry['scopes'];
    for (const scope of NEURO_SCOPES) {
      const share = shareOf(c[scope]);
      const p80 = peers[scope].p80;
      scopes[scope] = {
        ct: c[scope].ct,
        mr: c[scope].mr,
        share,
        rank: share === null || !peer ? null : percentRank(sorted[scope], share),
        flagged: peer && share !== null && p80 !== null && share >= p80,
      };
    }
    return { id, neuroCtShare: scopes.all.share, flagged: scopes.all.flagged, peer, scopes };
  });
  return { entries, peers };
}

/**
 * Neuro CT share of every site with a machine among `machines` (a site with no head exam has a
 * `null` share and is no peer; by default only sites with both a CT and an MR machine are peers,
 * see `NeuroEntry.peer`), and of every territory (its sites' exams pooled; territories rank
 * among the territories given). The modality is the exam's machine's; exams on unknown machines
 * are left out and counted.
 *
 * @example
 * computeNeuro(kit.exams, kit.equipment, [{ id: '75', finess: ['750000001'] }]).sites[0].neuroCtShare;
 */
export function computeNeuro(
  exams: readonly RelevanceExam[],
  machines: readonly RelevanceMachine[],
  territories: readonly RelevanceTerritory[] = [],
  options: NeuroOptions = {},
): NeuroResult {
  const needBoth = options.peersNeedBothModalities ?? true;
  const modalities = new Map<string, Set<string>>();
  for (const m of machines) {
    const set = modalities.get(m.finess) ?? new Set<string>();
    set.add(m.modality);
    modalities.set(m.finess, set);
  }
  const byMachine = new Map(machines.map((m) => [m.equipmentId, m]));
  const sites = new Map<string, ScopeCounts>();
  for (const m of machines) if (!sites.has(m.finess)) sites.set(m.finess, emptyCounts());
  let unknownMachineExams = 0;
  for (const e of exams) {
    const m = byMachine.get(e.equipmentId);
    if (!m) {
      unknownMachineExams++;
      continue;
    }
    if (examFamily(e.acts, options.families) !== 'head') continue;
    const c = sites.get(m.finess) as ScopeCounts;
    const key = m.modality === 'CT' ? 'ct' : 'mr';
    c.all[key]++;
    c[e.category === 'U' ? 'emergency' : 'scheduled'][key]++;
  }
  const terr = new Map<string, ScopeCounts>();
  for (const t of territories) {
    const c = emptyCounts();
    for (const finess of new Set(t.finess)) {
      const s = sites.get(finess);
      if (!s) continue;
      for (const scope of NEURO_SCOPES) {
        c[scope].ct += s[scope].ct;
        c[scope].mr += s[scope].mr;
      }
    }
    terr.set(t.id, c);
  }
  const s = distribute(sites, (finess) => !needBoth || (modalities.get(finess)?.size ?? 0) === 2);
  const t = distribute(terr, () => true);
  return {
    sites: s.entries,
    sitePeers: s.peers,
    territories: t.entries,
    territoryPeers: t.peers,
    unknownMachineExams,
  };
}
