/**
 * France's boundaries for ECharts maps: the 101 départements and 18 regions (INSEE codes), simplified
 * at build time by `scripts/build-boundaries.mjs` from IGN ADMIN EXPRESS, with the five overseas
 * départements moved into inset boxes in a row under metropolitan France (lon/lat space, each
 * scaled to fill its box). Shared borders are simplified once, so both levels line up.
 */
import departments from './departments.json' with { type: 'json' };
import insets from './insets.json' with { type: 'json' };
import regions from './regions.json' with { type: 'json' };

/** `[lon, lat]`. */
export type Position = [number, number];

export type GeoGeometry =
  | { type: 'Polygon'; coordinates: Position[][] }
  | { type: 'MultiPolygon'; coordinates: Position[][][] };

/** One territory: its INSEE code (`59`, `2A`, `971`; region `32`, `01`) and name. */
export interface GeoFeature {
  type: 'Feature';
  properties: { code: string; name: string };
  geometry: GeoGeometry;
}

/** A GeoJSON FeatureCollection, as `echarts.registerMap(name, collection)` takes it. */
export interface GeoCollection {
  type: 'FeatureCollection';
  features: GeoFeature[];
}

/** Where an overseas département (and its region) is drawn. */
export interface GeoInset {
  /** Département code (`971`, `972`, `973`, `974`, `976`). */
  code: string;
  /** Its region's code (`01`…`06`). */
  region: string;
  name: string;
  /** The frame to draw, `[west, south, east, north]` in the maps' lon/lat. */
  box: [number, number, number, number];
  /** Where its name goes: top centre inside the box, a band kept free of the territory. */
  labelAt: Position;
  /** Its scale against metropolitan France (insets are not to scale: say so near the map). */
  scale: number;
}

/** The 101 départements, property `code` as in the population table. */
export const DEPARTMENTS = departments as GeoCollection;

/** The 18 regions, property `code` the INSEE region code. */
export const REGIONS = regions as GeoCollection;

/** The five overseas insets, in code order (971, 972, 973, 974, 976), left to right. */
export const INSETS = insets as unknown as readonly GeoInset[];

/** The frame of an inset as a closed polyline (for an ECharts `lines` series on the geo). */
export function insetFrame(inset: GeoInset): Position[] {
  const [w, s, e, n] = inset.box;
  return [
    [w, s],
    [e, s],
    [e, n],
    [w, n],
    [w, s],
  ];
}

/**
 * The credit every map must show (the Licence Ouverte / Open Licence asks for attribution), one
 * text for both languages.
 */
export const GEO_ATTRIBUTION =
  'IGN ADMIN EXPRESS, via gregoiredavid/france-geojson — Licence Ouverte / Open Licence (Etalab)';

/** The credit as a sentence in each language, with the insets' caveat (for a legend or a notes page). */
export const GEO_ATTRIBUTION_TEXT = {
  fr: 'Limites administratives : IGN ADMIN EXPRESS, via gregoiredavid/france-geojson (Licence Ouverte), simplifiées. Outre-mer en encarts, échelles différentes.',
  en: 'Administrative boundaries: IGN ADMIN EXPRESS, via gregoiredavid/france-geojson (Licence Ouverte / Open Licence), simplified. Overseas départements in insets, not to scale.',
} as const;
