/**
 * A territory document as the CLI and the API ask for it: the benchmark's filters applied to the
 * campaign's machines (measured figures), the modality to the computed ones, an INSEE region to
 * the territories listed, and the gap references parsed from one short text
 * (`national`, `oecd`, `oecd:2021`, `CT=20,MR=15`, or several of them joined by commas).
 */
import type { PeerFilter } from '../../core/benchmark.ts';
import { matchesFilter } from '../../core/benchmark.ts';
import type { MachineIndicators, MachineSamples, Typology } from '../../core/indicators/index.ts';
import type {
  Campaign,
  Equipment,
  Establishment,
  Modality,
  RegisterMachine,
  Session,
  SurveyAnswer,
} from '../../core/kit-types.ts';
import { MODALITIES } from '../../core/kit-types.ts';
import { computeTerritories } from './compute.ts';
import { nightAccessMachines, territoryMachines } from './machines.ts';
import { POPULATION, regionCodeOf } from './population.ts';
import { sitePlaces } from './site-places.ts';
import type { GapReference, PopulationTable, ReferenceFigure, TerritoryDocument } from './types.ts';

/** What a territory document is asked with: every field optional, as the filters of the benchmark. */
export interface TerritoryQuery {
  /** The only modality computed. */
  modality?: Modality;
  /** INSEE code of the only region listed (with its départements); the nation is always given. */
  region?: string;
  /** Campaign machines of sites of this legal status only (measured figures). */
  legalStatus?: string;
  /** Campaign machines of this typology only (measured figures). */
  typology?: Typology;
  /** Campaign machines of sites in this département only (INSEE code; measured figures). */
  department?: string;
  /** Campaign machines of sites in this current region only (INSEE code; measured figures). */
  inseeRegion?: string;
  /** The references of the gap in machines (default: national and the latest OECD average). */
  gapTo?: readonly GapReference[];
}

/** A campaign as the territorial figures read it, from a kit or from the store. */
export interface TerritorySource {
  campaign: Campaign;
  establishments: readonly Establishment[];
  /** The campaign's computed machines and their exam samples. */
  machines: readonly MachineIndicators[];
  samples: ReadonlyMap<string, MachineSamples>;
  /** Its sessions; only `ON_CALL` and `EMERGENCY` ones are looked at (night access). */
  sessions: readonly Session[];
  register: readonly RegisterMachine[] | null;
  /** The campaign's machines as equipment.csv gives them: the installed year of a machine no register row names. */
  equipment?: readonly Pick<Equipment, 'equipmentId' | 'installedYear'>[];
  survey: readonly SurveyAnswer[];
  references: readonly ReferenceFigure[];
  /** Default: the shipped table. */
  population?: PopulationTable;
}

/** The syntax of a gap reference, as usage and error messages show it. */
export const GAP_TO_SYNTAX = 'national, oecd, oecd:YEAR, CT=N,MR=N (several joined by commas)';

/**
 * The gap references a text names, or `null` when any part of it is not one: `national`, `oecd`
 * (the latest average), `oecd:2021`, a target density per modality (`CT=20`, `MR=15.5`), joined by
 * commas; case and spaces do not matter. A modality given twice is refused.
 *
 * @example
 * parseGapTo('oecd:2021'); // [{ kind: 'oecd', year: 2021 }]
 * parseGapTo('CT=20,MR=15'); // [{ kind: 'target', modality: 'CT', unitsPerMillion: 20 }, { kind: 'target', modality: 'MR', … }]
 * parseGapTo('oecd:21'); // null
 */
export function parseGapTo(text: string): GapReference[] | null {
  const parts = text.split(',').map((p) => p.trim());
  if (parts.length === 0 || parts.some((p) => p === '')) return null;
  const out: GapReference[] = [];
  const seen = new Set<string>();
  for (const part of parts) {
    let ref: GapReference | null = null;
    const lower = part.toLowerCase();
    const oecd = /^oecd(?:\s*:\s*(\d{4}))?$/.exec(lower);
    const target = /^(ct|mr)\s*=\s*(\d+(?:[.,]\d+)?)$/.exec(lower);
    if (lower === 'national') ref = { kind: 'national' };
    else if (oecd)
      ref = oecd[1] === undefined ? { kind: 'oecd' } : { kind: 'oecd', year: Number(oecd[1]) };
    else if (target) {
      const modality = (target[1] as string).toUpperCase() as Modality;
      ref = {
        kind: 'target',
        modality,
        unitsPerMillion: Number((target[2] as string).replace(',', '.')),
      };
    }
    if (ref === null) return null;
    const key = ref.kind === 'target' ? `target:${ref.modality}` : JSON.stringify(ref);
    if (seen.has(key)) return null;
    seen.add(key);
    out.push(ref);
  }
  return out;
}

/**
 * The years of the OECD average densities (whole fleet) among `references`, ascending: the years
 * `oecd:YEAR` may name.
 */
export function oecdDensityYears(references: readonly ReferenceFigure[]): number[] {
  const years = new Set<number>();
  for (const r of references) {
    if (
      r.measure === 'unitsPerMillion' &&
      r.area === 'OECD' &&
      r.sector === null &&
      Number.isFinite(r.value)
    )
      years.add(r.year);
  }
  return [...years].sort((a, b) => a - b);
}

/** The OECD years `gapTo` names that `references` has no average density of (empty when all are known). */
export function unknownOecdYears(
  gapTo: readonly GapReference[],
  references: readonly ReferenceFigure[],
): number[] {
  const known = new Set(oecdDensityYears(references));
  return gapTo.flatMap((g) =>
    g.kind === 'oecd' && g.year !== undefined && !known.has(g.year) ? [g.year] : [],
  );
}

/**
 * The INSEE code of the region a `region` filter names (a code, a current or a pre-2016 name),
 * or `null` when it names none of the table's regions.
 */
export function territoryRegion(
  value: string,
  population: PopulationTable = POPULATION,
): string | null {
  const code = regionCodeOf(value);
  return code !== null && population.regions.some((r) => r.code === code) ? code : null;
}

/** The part of the query that narrows the campaign machines (and their survey answers). */
function machineFilterOf(query: TerritoryQuery): PeerFilter {
  const f: PeerFilter = {};
  if (query.legalStatus !== undefined) f.legalStatus = query.legalStatus;
  if (query.typology !== undefined) f.typology = query.typology;
  if (query.department !== undefined) f.department = query.department;
  if (query.inseeRegion !== undefined) f.inseeRegion = query.inseeRegion;
  return f;
}

/**
 * The territory document of a campaign under a query: the campaign machines (and the survey
 * answers of their sites) narrowed by legal status, typology, département and INSEE region;
 * only the modality asked computed; only the region asked (and its départements) listed.
 *
 * @example
 * const doc = territoriesOf({ campaign, establishments, machines, samples, sessions, register, survey, references }, { modality: 'MR', region: '32' });
 */
export function territoriesOf(
  source: TerritorySource,
  query: TerritoryQuery = {},
): TerritoryDocument {
  const population = source.population ?? POPULATION;
  const places = sitePlaces(source.establishments);
  const filter = machineFilterOf(query);
  const narrowed = Object.keys(filter).length > 0;
  const machines = narrowed
    ? source.machines.filter((m) => matchesFilter(m, filter, places))
    : source.machines;
  let survey = source.survey;
  if (narrowed) {
    const byFiness = new Map(source.establishments.map((e) => [e.finess, e]));
    survey = survey.filter((a) => {
      const e = byFiness.get(a.finess);
      const place = places.get(a.finess);
      if (!e) return false;
      if (filter.legalStatus !== undefined && e.legalStatus !== filter.legalStatus) return false;
      if (filter.department !== undefined && place?.department !== filter.department) return false;
      if (filter.inseeRegion !== undefined && place?.inseeRegion !== filter.inseeRegion)
        return false;
      if (filter.typology === undefined) return true;
      return machines.some((m) => m.finess === a.finess && m.modality === a.modality);
    });
  }
  const night = nightAccessMachines(source.sessions, source.campaign);
  const doc = computeTerritories({
    campaign: source.campaign,
    establishments: source.establishments,
    machines: territoryMachines(
      machines,
      source.samples,
      night,
      new Map((source.equipment ?? []).map((e) => [e.equipmentId, e.installedYear])),
    ),
    register: source.register,
    survey,
    population,
    references: source.references,
    options: {
      modalities: query.modality === undefined ? MODALITIES : [query.modality],
      ...(query.gapTo === undefined ? {} : { gapTo: query.gapTo }),
    },
  });
  if (query.region === undefined) return doc;
  return {
    ...doc,
    regions: doc.regions.filter((r) => r.code === query.region),
    departments: doc.departments.filter((d) => d.region === query.region),
  };
}
