/**
 * The relevance document (planning.md §6) of a campaign, at site, département or region level:
 * neuro CT share with peers' quantiles and percentile ranks, repeats where patient keys exist,
 * and the data-quality shares. Pure: what `plateau relevance --json`, the API, the web page and
 * the site fiche all show.
 */
import { familyOverrides } from '../../core/act-families.ts';
import type { Kit } from '../../core/kit-types.ts';
import type { Quantiles } from '../../core/stats.ts';
import {
  departmentByCode,
  normalizeDepartmentCode,
  regionByCode,
  regionCodeOf,
} from '../territories/population.ts';
import { computeNeuro } from './neuro.ts';
import { computeQuality } from './quality.ts';
import { computeRepeats } from './repeats.ts';
import type { NeuroScope, NeuroShare, RelevanceTerritory } from './types.ts';

export const RELEVANCE_LEVELS = ['site', 'department', 'region'] as const;
export type RelevanceLevel = (typeof RELEVANCE_LEVELS)[number];

/** One scope of a site's neuro share, flat. */
export interface ScopeFigures {
  headCt: number;
  headMr: number;
  neuroCtShare: number | null;
  neuroCtRank: number | null;
  flagged: boolean;
}

/** A site's row of the JSON. */
export interface SiteRelevance extends ScopeFigures {
  finess: string;
  name: string | null;
  /** Ranked among peers (both a CT and an MR machine). */
  peer: boolean;
  scheduled: ScopeFigures;
  emergency: ScopeFigures;
  /** Repeats ÷ exams with a usable patient key; `null` without keys (always, until patient_key is read). */
  repeatShare: number | null;
  exams: number;
  withoutRequestShare: number | null;
  withoutBookedShare: number | null;
}

/** A territory's row of the JSON. */
export interface TerritoryRelevance extends ScopeFigures {
  /** INSEE code of the département or region. */
  id: string;
  /** Its name in the shipped population table. */
  name: string | null;
  level: 'department' | 'region';
  sites: number;
  scheduled: ScopeFigures;
  emergency: ScopeFigures;
  repeatShare: number | null;
}

/** What limits the figures, as a note of the document. */
export type RelevanceNoteCode =
  'repeats-need-patient-key' | 'unknown-machine-exams' | 'sites-without-territory';

/** The document `plateau relevance --json` prints. */
export interface RelevanceDocument {
  campaign: { id: string; name: string };
  level: RelevanceLevel;
  sites: SiteRelevance[];
  territories: TerritoryRelevance[];
  peers: {
    sites: Record<NeuroScope, Quantiles>;
    territories: Record<NeuroScope, Quantiles>;
  };
  /** Codes of what limits the figures: `repeats-need-patient-key`, `unknown-machine-exams`, `sites-without-territory`. */
  notes: { code: RelevanceNoteCode; n: number }[];
}

/** The territory id of a site at `level`, or `null` when its département is unknown. */
function territoryOf(
  department: string | null,
  region: string,
  level: 'department' | 'region',
): string | null {
  const dep = department === null ? null : normalizeDepartmentCode(department);
  if (level === 'department') return dep;
  if (dep !== null) return departmentByCode(dep)?.region ?? null;
  return regionCodeOf(region);
}

const flat = (s: NeuroShare): ScopeFigures => ({
  headCt: s.ct,
  headMr: s.mr,
  neuroCtShare: s.share,
  neuroCtRank: s.rank,
  flagged: s.flagged,
});

/** The relevance document of a kit at `level` (pure: no I/O). */
export function computeRelevance(kit: Kit, level: RelevanceLevel): RelevanceDocument {
  const territories: RelevanceTerritory[] = [];
  let unplaced = 0;
  if (level !== 'site') {
    const groups = new Map<string, string[]>();
    for (const e of kit.establishments) {
      const id = territoryOf(e.department, e.region, level);
      if (id === null) {
        unplaced++;
        continue;
      }
      groups.set(id, [...(groups.get(id) ?? []), e.finess]);
    }
    for (const [id, finess] of groups) territories.push({ id, finess });
  }
  const families = familyOverrides(kit.acts);
  const neuro = computeNeuro(kit.exams, kit.equipment, territories, { families });
  const repeats = computeRepeats(kit.exams, kit.equipment, families);
  const quality = new Map(computeQuality(kit.exams, kit.equipment).map((q) => [q.finess, q]));
  const names = new Map(kit.establishments.map((e) => [e.finess, e.name]));
  const repeatOf = (finess: readonly string[]): number | null => {
    let keyed = 0;
    let rep = 0;
    for (const r of repeats.entries)
      if (finess.includes(r.finess)) {
        keyed += r.keyed;
        rep += r.repeats;
      }
    return keyed === 0 ? null : rep / keyed;
  };
  const sites = neuro.sites.map((s): SiteRelevance => {
    const q = quality.get(s.id);
    return {
      finess: s.id,
      name: names.get(s.id) ?? null,
      ...flat(s.scopes.all),
      peer: s.peer,
      scheduled: flat(s.scopes.scheduled),
      emergency: flat(s.scopes.emergency),
      repeatShare: repeatOf([s.id]),
      exams: q?.exams ?? 0,
      withoutRequestShare: q?.withoutRequestTimeShare ?? null,
      withoutBookedShare: q?.withoutBookedLengthShare ?? null,
    };
  });
  const members = new Map(territories.map((t) => [t.id, t.finess]));
  const terr = neuro.territories.map((t): TerritoryRelevance => {
    const finess = members.get(t.id) ?? [];
    return {
      id: t.id,
      name: (level === 'region' ? regionByCode(t.id)?.name : departmentByCode(t.id)?.name) ?? null,
      level: level as 'department' | 'region',
      sites: finess.length,
      ...flat(t.scopes.all),
      scheduled: flat(t.scopes.scheduled),
      emergency: flat(t.scopes.emergency),
      repeatShare: repeatOf(finess),
    };
  });
  const keyed = repeats.entries.reduce((n, r) => n + r.keyed, 0);
  const notes: RelevanceDocument['notes'] = [];
  if (keyed === 0) notes.push({ code: 'repeats-need-patient-key', n: 0 });
  if (neuro.unknownMachineExams > 0)
    notes.push({ code: 'unknown-machine-exams', n: neuro.unknownMachineExams });
  if (unplaced > 0) notes.push({ code: 'sites-without-territory', n: unplaced });
  return {
    campaign: { id: kit.campaign.id, name: kit.campaign.name },
    level,
    sites,
    territories: terr,
    peers: { sites: neuro.sitePeers, territories: neuro.territoryPeers },
    notes,
  };
}
