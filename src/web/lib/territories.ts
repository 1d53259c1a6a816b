/**
 * What the territories screens read from the API's `TerritoryDocument`: the screen's choices
 * from the address (level, figure, modality, region, the gap's reference as the API takes it),
 * the typed target densities turned into that text, the ranking's columns that fit its box, the
 * published figures beside a territory's, and the links that narrow the benchmark to a territory.
 */
import type { GapPick, TerritoryMapFigure, TerritoryMapLevel } from '../../charts/territory-map.ts';
import { DEFAULT_GAP_PICK, isTerritoryMapFigure } from '../../charts/territory-map.ts';
import type { Modality } from '../../core/kit-types.ts';
import type {
  ReferenceFigure,
  ReferenceMeasure,
  TerritoryDocument,
  TerritoryFigures,
} from '../../plan/territories/types.ts';
import { paths } from './paths.ts';

/** The territories screen's state, read from its address. */
export interface TerritoriesView {
  level: TerritoryMapLevel;
  figure: TerritoryMapFigure;
  modality: Modality;
  /** The region whose départements are shown (level `department` only). */
  inseeRegion: string | null;
  /**
   * The gap's reference as the API takes it (`national`, `oecd`, `oecd:2015`, `CT=20,MR=15`);
   * `null`: the API's default, the latest OECD average.
   */
  gapTo: string | null;
}

/** The `gapTo` of an address: trimmed, `null` when absent or blank. */
export function gapToOf(search: URLSearchParams): string | null {
  return search.get('gapTo')?.trim() || null;
}

/**
 * The screen's choices from a query string, checked against the document: an unknown figure
 * falls back to units per million, a modality the campaign lacks to its first one.
 */
export function territoriesView(
  search: URLSearchParams,
  modalities: readonly Modality[],
): TerritoriesView {
  const level = search.get('level') === 'department' ? 'department' : 'region';
  // `gapOecd`: the gap's former name, when it was always to the OECD average.
  const asked = search.get('figure') === 'gapOecd' ? 'gap' : search.get('figure');
  const figure = isTerritoryMapFigure(asked) ? asked : 'unitsPerMillion';
  const wanted = search.get('modality');
  const modality =
    modalities.find((m) => m === wanted) ?? modalities.find((m) => m === 'CT') ?? modalities[0];
  return {
    level,
    figure,
    modality: modality ?? 'CT',
    inseeRegion: level === 'department' ? search.get('inseeRegion') || null : null,
    gapTo: gapToOf(search),
  };
}

/**
 * The gap the screen reads from a `gapTo` text: that of its first reference (a typed target
 * names one per modality). The API checks the text; what it refuses never gets here.
 *
 * @example
 * gapPickOf('oecd:2015'); // { reference: 'oecd', year: 2015 }
 * gapPickOf('CT=20,MR=15'); // { reference: 'target' }
 */
export function gapPickOf(gapTo: string | null): GapPick {
  const first = (gapTo ?? '').split(',')[0]?.trim().toLowerCase() ?? '';
  if (first === 'national') return { reference: 'national' };
  const oecd = /^oecd(?:\s*:\s*(\d{4}))?$/.exec(first);
  if (oecd) return oecd[1] ? { reference: 'oecd', year: Number(oecd[1]) } : { reference: 'oecd' };
  if (/^(ct|mr)\s*=/.test(first)) return { reference: 'target' };
  return DEFAULT_GAP_PICK;
}

/** The years of the OECD average densities (whole fleet) the document holds, latest first. */
export function oecdDensityYearsOf(references: readonly ReferenceFigure[]): number[] {
  const years = new Set<number>();
  for (const r of references)
    if (r.measure === 'unitsPerMillion' && r.area === 'OECD' && r.sector === null)
      years.add(r.year);
  return [...years].sort((a, b) => b - a);
}

/** A typed density: digits, with a decimal point or comma. */
const DENSITY = /^\d+(?:[.,]\d+)?$/;

/**
 * The `gapTo` of typed target densities (per modality; blank ones left out): `CT=20,MR=12.5`,
 * or the first value that is not a density, or `empty` when none is typed.
 *
 * @example
 * targetGapTo({ CT: '20', MR: '12,5' }, ['CT', 'MR']); // { gapTo: 'CT=20,MR=12.5' }
 * targetGapTo({ CT: 'vingt' }, ['CT', 'MR']); // { invalid: 'vingt', modality: 'CT' }
 */
export function targetGapTo(
  typed: Partial<Record<Modality, string>>,
  modalities: readonly Modality[],
): { gapTo: string } | { invalid: string; modality: Modality } | { empty: true } {
  const parts: string[] = [];
  for (const m of modalities) {
    const text = (typed[m] ?? '').trim();
    if (text === '') continue;
    if (!DENSITY.test(text)) return { invalid: text, modality: m };
    parts.push(`${m}=${text.replace(',', '.')}`);
  }
  return parts.length === 0 ? { empty: true } : { gapTo: parts.join(',') };
}

/** The target densities a `gapTo` text names, by modality, as the fields show them. */
export function targetsOf(
  gapTo: string | null,
  decimalComma: boolean,
): Partial<Record<Modality, string>> {
  const out: Partial<Record<Modality, string>> = {};
  for (const part of (gapTo ?? '').split(',')) {
    const m = /^\s*(ct|mr)\s*=\s*(\S+)\s*$/i.exec(part);
    if (m?.[1] && m[2]) {
      const modality = m[1].toUpperCase() as Modality;
      out[modality] = decimalComma ? m[2].replace('.', ',') : m[2];
    }
  }
  return out;
}

/** The rows of the level, in the order of the document (a region's départements only when asked). */
export function territoryRows(doc: TerritoryDocument, view: TerritoriesView): TerritoryFigures[] {
  if (view.level === 'region') return doc.regions;
  return view.inseeRegion === null
    ? doc.departments
    : doc.departments.filter((d) => d.region === view.inseeRegion);
}

/** The benchmark of a territory: the campaign screen narrowed to a département or a region. */
export function benchmarkOf(
  id: string,
  territory: Pick<TerritoryFigures, 'level' | 'code'>,
): string {
  if (territory.level === 'department') return paths.campaign(id, { department: territory.code });
  if (territory.level === 'region') return paths.campaign(id, { inseeRegion: territory.code });
  return paths.campaign(id);
}

/** Where a territory of the map or the table leads: a region to its départements, a département to its page. */
export function territoryTarget(id: string, view: TerritoriesView, code: string): string {
  return view.level === 'region'
    ? paths.territories(id, {
        level: 'department',
        figure: view.figure,
        modality: view.modality,
        inseeRegion: code,
        gapTo: view.gapTo ?? undefined,
      })
    : paths.territory(id, code);
}

/** The measure of the published figures a map figure compares with, if any. */
export function referenceMeasureOf(figure: TerritoryMapFigure): ReferenceMeasure | null {
  if (figure === 'unitsPerMillion' || figure === 'examsPer1000') return figure;
  return null;
}

/**
 * The latest published figures of `measure` and `modality` for the whole fleet: the OECD
 * average and France's, each the one of the latest year; `null` where none is known.
 */
export function latestReferences(
  references: readonly ReferenceFigure[],
  measure: ReferenceMeasure,
  modality: Modality,
): { oecd: ReferenceFigure | null; france: ReferenceFigure | null } {
  const latest = (area: string): ReferenceFigure | null =>
    references
      .filter(
        (r) =>
          r.measure === measure && r.modality === modality && r.sector === null && r.area === area,
      )
      .reduce<ReferenceFigure | null>(
        (best, r) => (best === null || r.year > best.year ? r : best),
        null,
      );
  return { oecd: latest('OECD'), france: latest('FRA') };
}

/**
 * Estimated widths (px) of the ranking's columns, padding included: the rank, the territory
 * (its name wraps over a minimum the style sheet widens from 721 px) and any figure (its header
 * wraps over a 6.5rem minimum). A table that still overflows loses a column more.
 */
const RANK_WIDTH = 66;
const NAME_WIDTH = { narrow: 128, wide: 160 } as const;
const FIGURE_WIDTH = 104;

/** The figure columns after the map's, in the order they are given room. */
const RANKING_ORDER = [
  'units',
  'population',
  'unitsPerMillion',
  'examsPer1000',
  'gap',
  'ageAtLeast10',
  'imputedShare',
  'shareComplete',
  'nightMriPerMillion',
  'delayP50',
] as const;

/**
 * The figure columns the ranking shows in `width` px without scrolling sideways: the map's
 * figure, then as many of the others (`RANKING_ORDER`) as fit; at least the map's figure.
 *
 * @example
 * rankingColumns('examsPer1000', 590, 1280); // ['examsPer1000', 'units', 'population']
 */
export function rankingColumns(
  figure: TerritoryMapFigure,
  width: number,
  viewport: number,
  drop = 0,
): string[] {
  const name = viewport > 720 ? NAME_WIDTH.wide : NAME_WIDTH.narrow;
  const room = Math.max(1, Math.floor((width - RANK_WIDTH - name) / FIGURE_WIDTH) - drop);
  return [figure, ...RANKING_ORDER.filter((k) => k !== figure)].slice(0, room);
}
