/**
 * What the territories screens read from the API's `TerritoryDocument`: the screen's choices
 * from the address (level, figure, modality, region), the published figures beside a
 * territory's, and the links that narrow the benchmark to a territory.
 */
import type { TerritoryMapFigure, TerritoryMapLevel } from '../../charts/territory-map.ts';
import { isTerritoryMapFigure } from '../../charts/territory-map.ts';
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
  const asked = search.get('figure');
  const figure = isTerritoryMapFigure(asked) ? asked : 'unitsPerMillion';
  const wanted = search.get('modality');
  const modality =
    modalities.find((m) => m === wanted) ?? modalities.find((m) => m === 'CT') ?? modalities[0];
  return {
    level,
    figure,
    modality: modality ?? 'CT',
    inseeRegion: level === 'department' ? search.get('inseeRegion') || null : null,
  };
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
