/**
 * The choropleth of France's regions or départements for one territorial figure (planning.md
 * §2): a `map` series hosted by a `geo` component, so that the overseas inset frames (a custom
 * series in the same coordinates) stay aligned with the shapes at any size; a piecewise,
 * colour-blind-safe sequential scale with a "no data" grey; the boundaries' attribution. The
 * caller registers the map once under `TERRITORY_MAP_NAMES[level]` (`echarts.registerMap`).
 */
import type { CustomSeriesRenderItem, EChartsOption } from 'echarts';
import type { Modality } from '../core/kit-types.ts';
import type { Gap, TerritoryFigures } from '../plan/territories/types.ts';
import { formatInteger, formatNumber, formatPercent, MISSING } from '../i18n/format.ts';
import type { Lang } from '../i18n/lang.ts';
import { modalityLabel } from '../i18n/labels.ts';
import { t } from '../i18n/translate.ts';
import { baseOption, escapeHtml, niceScale, wrapText } from './common.ts';
import { FONT_FAMILY, INK } from './palette.ts';

/** The names the boundaries are registered under, per level. */
export const TERRITORY_MAP_NAMES = {
  region: 'plateau-fr-regions',
  department: 'plateau-fr-departments',
} as const;

/** The two levels a map draws. */
export type TerritoryMapLevel = keyof typeof TERRITORY_MAP_NAMES;

/** The figures a map can show, in the order the screens offer them. */
export const TERRITORY_MAP_FIGURES = [
  'unitsPerMillion',
  'examsPer1000',
  'imputedShare',
  'gap',
  'ageAtLeast10',
  'shareComplete',
  'nightMriPerMillion',
  'delayP50',
] as const;
export type TerritoryMapFigure = (typeof TERRITORY_MAP_FIGURES)[number];

/** How a figure's values read: the unit decides the classes' bounds and the numbers' format. */
export type TerritoryFigureUnit = 'perMillion' | 'per1000' | 'share' | 'machines' | 'days';

/** What a figure is: its unit, and whether it is read per modality (CT or MRI). */
export const TERRITORY_FIGURE_SPECS: Readonly<
  Record<TerritoryMapFigure, { unit: TerritoryFigureUnit; byModality: boolean }>
> = {
  unitsPerMillion: { unit: 'perMillion', byModality: true },
  examsPer1000: { unit: 'per1000', byModality: true },
  imputedShare: { unit: 'share', byModality: true },
  gap: { unit: 'machines', byModality: true },
  ageAtLeast10: { unit: 'share', byModality: true },
  shareComplete: { unit: 'share', byModality: false },
  nightMriPerMillion: { unit: 'perMillion', byModality: false },
  delayP50: { unit: 'days', byModality: true },
};

/** True when `value` names a map figure (a figure read from an address). */
export function isTerritoryMapFigure(value: unknown): value is TerritoryMapFigure {
  return (TERRITORY_MAP_FIGURES as readonly unknown[]).includes(value);
}

/**
 * Which of a territory's gaps the `gap` figure reads: to the national density, to the OECD
 * average (of `year`, else the latest the document holds), or to the typed target.
 */
export interface GapPick {
  reference: Gap['reference'];
  year?: number;
}

/** The gap read when none is picked: to the latest OECD average (the default of the API). */
export const DEFAULT_GAP_PICK: GapPick = { reference: 'oecd' };

/**
 * The gap of `modality` that `pick` names among a territory's (the latest OECD year when the
 * pick names none); `undefined` when the document holds none.
 */
export function pickGap(gaps: readonly Gap[], modality: Modality, pick: GapPick): Gap | undefined {
  return gaps
    .filter(
      (g) =>
        g.reference === pick.reference &&
        g.modality === modality &&
        (pick.year === undefined || g.year === pick.year),
    )
    .sort((a, b) => (b.year ?? 0) - (a.year ?? 0))[0];
}

/**
 * One figure of a territory, `null` when it is unknown (no population, no machine, no such
 * reference among the gaps computed). The gap is the one `gap` picks (default: to the OECD
 * average of the latest year the document holds for the modality).
 *
 * @example
 * territoryFigureValue(doc.national, 'unitsPerMillion', 'CT'); // 11.8
 * territoryFigureValue(doc.national, 'gap', 'CT', { reference: 'national' }); // 0
 */
export function territoryFigureValue(
  figures: TerritoryFigures,
  figure: TerritoryMapFigure,
  modality: Modality,
  gap: GapPick = DEFAULT_GAP_PICK,
): number | null {
  switch (figure) {
    case 'unitsPerMillion':
      return figures.unitsPerMillion[modality]?.total ?? null;
    case 'examsPer1000':
      return figures.examsPer1000[modality]?.value ?? null;
    case 'imputedShare':
      return figures.imputedShare[modality] ?? null;
    case 'gap':
      return pickGap(figures.gapTo, modality, gap)?.machines ?? null;
    case 'ageAtLeast10':
      return figures.fleetAge[modality]?.shareAtLeast10 ?? null;
    case 'shareComplete':
      return figures.completeness.shareComplete;
    case 'nightMriPerMillion':
      return figures.nightCoverage.nightMriPerMillion;
    case 'delayP50':
      return figures.waiting[modality]?.realised.p50 ?? null;
  }
}

/**
 * A figure's value as text, in its unit ("11,8", "61 %", "3 appareils", "12 j").
 *
 * @example
 * formatTerritoryFigure(0.612, 'shareComplete', 'fr'); // "61 %"
 */
export function formatTerritoryFigure(
  value: number | null,
  figure: TerritoryMapFigure,
  lang: Lang,
): string {
  if (value === null || !Number.isFinite(value)) return MISSING;
  switch (TERRITORY_FIGURE_SPECS[figure].unit) {
    case 'perMillion':
      return formatNumber(value, lang, 1);
    case 'per1000':
      return formatNumber(value, lang, value < 10 ? 1 : 0);
    case 'share':
      return formatPercent(value, lang, 0);
    case 'machines':
      return t(lang, 'territories.unit.machines', { n: value });
    case 'days':
      return t(lang, 'territories.unit.days', { value: formatNumber(value, lang, 1) });
  }
}

/**
 * The reference a gap is measured to, in words: "densité nationale (11,8 par million)",
 * "moyenne OCDE 2015 (25,7 par million)", "cible saisie (20 par million)"; without its density
 * when only the pick is known ("moyenne OCDE 2015", "moyenne OCDE la plus récente").
 */
export function gapReferenceText(gap: GapPick | Gap, lang: Lang): string {
  const year = gap.year ?? null;
  const name =
    gap.reference === 'national'
      ? t(lang, 'territories.gap.national')
      : gap.reference === 'target'
        ? t(lang, 'territories.gap.target')
        : year === null
          ? t(lang, 'territories.gap.oecdLatest')
          : t(lang, 'territories.gap.oecd', { year: String(year) });
  return 'unitsPerMillion' in gap
    ? t(lang, 'territories.gap.withDensity', {
        reference: name,
        density: formatNumber(gap.unitsPerMillion, lang, 1),
      })
    : name;
}

/**
 * The figure's name, with its modality when it is read per modality: "Appareils par million
 * d'habitants — Scanner"; the gap's with its reference when it is given ("Appareils manquants
 * pour atteindre : moyenne OCDE 2015 (25,7 par million) — Scanner").
 */
export function territoryFigureLabel(
  figure: TerritoryMapFigure,
  modality: Modality,
  lang: Lang,
  gap?: GapPick | Gap,
): string {
  const name =
    figure === 'gap' && gap !== undefined
      ? t(lang, 'territories.figure.gapTo', { reference: gapReferenceText(gap, lang) })
      : t(lang, `territories.figure.${figure}`);
  return TERRITORY_FIGURE_SPECS[figure].byModality
    ? `${name} — ${modalityLabel(modality, lang)}`
    : name;
}

/**
 * The package the population table was built from, read from the end of its `source`
 * ("… via @etalab/decoupage-administratif 6.0.0 (Licence Ouverte)"); `null` when it names none.
 *
 * @example
 * populationSourcePackage('… via @etalab/decoupage-administratif 6.0.0 (…)');
 * // { name: '@etalab/decoupage-administratif', version: '6.0.0' }
 */
export function populationSourcePackage(source: string): { name: string; version: string } | null {
  const m = /\bvia\s+(@?[\w.-]+(?:\/[\w.-]+)?)\s+v?(\d+(?:\.\d+)*(?:-[\w.]+)?)/.exec(source);
  return m?.[1] && m[2] ? { name: m[1], version: m[2] } : null;
}

/**
 * The population's source in the reader's language, built from the table's years and the
 * package it was read from (the table's own `source` is French; it is kept, as written, when it
 * names no package).
 *
 * @example
 * populationSourceText(doc.population, 'en');
 * // "Source: INSEE, reference (legal) populations 2023 in force on 1 January 2026, … via @etalab/decoupage-administratif 6.0.0 (…)."
 */
export function populationSourceText(
  population: { year: number; inForce: number; source: string },
  lang: Lang,
): string {
  const from = populationSourcePackage(population.source);
  if (from === null) return population.source;
  return t(lang, 'territories.population.source', {
    year: String(population.year),
    inForce: String(population.inForce),
    package: from.name,
    version: from.version,
  });
}

/** A territory's value on the map. */
export interface TerritoryMapValue {
  /** INSEE code, the `code` property of the registered boundaries. */
  code: string;
  name: string;
  value: number | null;
}

/**
 * An inset frame: an overseas département moved beside metropolitan France, drawn as a box with
 * its name. `box` is `[west, south, east, north]` in the registered map's coordinates; the name
 * sits at `labelAt` (else under the box).
 */
export interface TerritoryMapInset {
  code: string;
  name: string;
  box: readonly [number, number, number, number];
  labelAt?: readonly [number, number];
}

/** `[west, south, east, north]` of a territory or a group of them, in map coordinates. */
export type MapBounds = readonly [number, number, number, number];

export interface TerritoryMapInput {
  level: TerritoryMapLevel;
  figure: TerritoryMapFigure;
  /** The modality of a per-modality figure (ignored by the others). */
  modality: Modality;
  values: readonly TerritoryMapValue[];
  lang: Lang;
  /** The overseas inset frames (none: no frame drawn). */
  insets?: readonly TerritoryMapInset[];
  /** The boundaries' attribution, written at the bottom (the licence asks for it). */
  attribution: string;
  /**
   * Only these territories are coloured and clickable (the départements of a region); the
   * others stay pale. `bounds` zooms onto them (map coordinates).
   */
  focus?: { codes: readonly string[]; bounds?: MapBounds };
  /** A territory outlined (the département of its page). */
  highlight?: string;
  /** The reference of the `gap` figure, named in its label (the document's gap, or the pick). */
  gap?: GapPick | Gap;
}

/** A GeoJSON collection, as far as bounds need it. */
export interface BoundaryCollection {
  features: readonly { properties: { code: string }; geometry: { coordinates: unknown } }[];
}

/**
 * The bounds of the features whose code is in `codes`, widened by `margin` of their size on
 * each side; `null` when none is found.
 *
 * @example
 * boundsOf(DEPARTMENTS, ['59', '62']); // [1.4, 49.9, 4.3, 51.2] roughly
 */
export function boundsOf(
  collection: BoundaryCollection,
  codes: readonly string[],
  margin = 0.04,
): MapBounds | null {
  const wanted = new Set(codes);
  let [west, south, east, north] = [Infinity, Infinity, -Infinity, -Infinity];
  const walk = (c: unknown): void => {
    if (!Array.isArray(c)) return;
    if (typeof c[0] === 'number' && typeof c[1] === 'number') {
      west = Math.min(west, c[0]);
      east = Math.max(east, c[0]);
      south = Math.min(south, c[1]);
      north = Math.max(north, c[1]);
      return;
    }
    for (const inner of c) walk(inner);
  };
  for (const f of collection.features)
    if (wanted.has(f.properties.code)) walk(f.geometry.coordinates);
  if (!(east >= west)) return null;
  const dx = (east - west) * margin;
  const dy = (north - south) * margin;
  return [west - dx, south - dy, east + dx, north + dy];
}

/** Sequential classes, light to dark (ColorBrewer YlGnBu, colour-blind safe). */
export const TERRITORY_SCALE = [
  '#ffffcc',
  '#c7e9b4',
  '#7fcdbb',
  '#41b6c4',
  '#1d91c0',
  '#225ea8',
  '#0c2c84',
] as const;

/** Territories without a value: a neutral grey no class of the scale is near. */
export const NO_DATA_COLOR = '#c9ced4';
/** Territories outside the focus (other regions). */
const OUTSIDE_COLOR = '#f1f3f5';
const OUTSIDE_BORDER = '#dde1e5';
const BORDER_COLOR = '#ffffff';
/**
 * A degree of longitude drawn as 0.75 of a degree of latitude (ECharts' default, ≈ cos 41°):
 * what the shipped boundaries' insets were shaped for (scripts/build-boundaries.mjs).
 */
const ASPECT = 0.75;
/** Charts this wide or narrower (px; a phone) put the legend under the map. */
export const TERRITORY_MAP_NARROW = 440;
/**
 * Metropolitan France in the shipped boundaries (`[west, south, east, north]`, lon/lat): with
 * the inset boxes, the extent a whole map is fitted to, so that no frame is cut.
 */
export const METROPOLE_BOUNDS: MapBounds = [-5.15, 41.33, 9.56, 51.09];
/** The no-data legend row's value: below any figure (all are counts, shares or densities ≥ 0). */
const NO_DATA_SENTINEL = -1e12;
/** Width (px) of the legend's column beside a zoomed region. */
const LEGEND_COLUMN = 124;
/** Height (px) of a legend row: its 10 px box (11 px text) and the gap to the next. */
const ROW = 16;
/**
 * What a vertical legend takes (px) as ECharts draws it: a row every 17 px (the 11 px text is
 * taller than the box) and its padding; measured (test/charts/territory-map-layout.test.ts).
 */
const LEGEND_ROW = 17;
const LEGEND_PADDING = 12;
/** ECharts reads `null` as "keep the normal style" where its types allow only strings. */
const NULL = null as unknown as string;
/** The attribution: its distance (px) to the chart's bottom, its line height, its wrapping. */
const CREDIT_BOTTOM = 4;
const CREDIT_LINE = 13;
const CREDIT_WRAP = { wide: 92, narrow: 56 } as const;
/** Free space (px) between the attribution and what stands above it (the inset frames, a legend). */
const CREDIT_GAP = 8;
/** Room (px) under an inset frame for its name, when the inset says no place inside for it. */
const INSET_NAME_BELOW = 14;

/** The credit as drawn: "©" first, wrapped to the layout's width. */
function creditText(attribution: string, narrow: boolean): string {
  const credit = attribution.startsWith('©') ? attribution : `© ${attribution}`;
  return wrapText(credit, narrow ? CREDIT_WRAP.narrow : CREDIT_WRAP.wide);
}

/** Height (px) the attribution takes at the chart's bottom, its margin under it included. */
function creditHeight(attribution: string, narrow: boolean): number {
  return CREDIT_BOTTOM + CREDIT_LINE * creditText(attribution, narrow).split('\n').length;
}

/** Where the map and the legend go, in px from the chart's edges. */
export interface TerritoryMapLayout {
  /** The box the map (metropolitan France and the inset frames) is fitted into. */
  geo: { left: number; right: number; top: number; bottom: number };
  /** The legend's bottom on a phone (under the map, over the attribution). */
  legendBottom: number;
}

/**
 * The map's box (px from the chart's edges) for `rows` legend rows (the classes and the no-data
 * row): the map over the attribution, with the legend in the Bay of Biscay (wide), or under the
 * map then the attribution (narrow, a phone). The map is fitted inside it, so neither the inset
 * frames nor their names ever reach the attribution or the legend.
 */
export function territoryMapLayout(input: {
  narrow: boolean;
  rows: number;
  attribution: string;
  /** A zoomed region: the legend gets a column of its own at the left. */
  focus?: boolean;
  /** An inset's name is written under its frame (the inset says no place inside for it). */
  namesBelow?: boolean;
}): TerritoryMapLayout {
  const below = input.namesBelow ? INSET_NAME_BELOW : 0;
  const credit = creditHeight(input.attribution, input.narrow) + CREDIT_GAP;
  if (!input.narrow)
    return {
      geo: { left: input.focus ? LEGEND_COLUMN : 8, right: 8, top: 8, bottom: credit + below },
      legendBottom: credit,
    };
  // The legend's rows and padding, then a gap to the map.
  const legend = input.rows > 0 ? input.rows * LEGEND_ROW + LEGEND_PADDING + CREDIT_GAP : 0;
  return {
    geo: { left: 4, right: 4, top: 4, bottom: credit + legend + below },
    legendBottom: credit,
  };
}

/**
 * The height (px) a map wants at a width: 600 wide; on a phone (`narrow`), the map of France
 * (its height about its width's) with the legend's `rows` and the attribution under it.
 */
export function territoryMapHeight(input: {
  narrow: boolean;
  width: number;
  rows: number;
  attribution: string;
}): number {
  if (!input.narrow) return 600;
  const layout = territoryMapLayout({ ...input, namesBelow: false });
  // France and its insets: about 1.1 times as high as wide (ASPECT, METROPOLE_BOUNDS).
  const map = Math.round((input.width - layout.geo.left - layout.geo.right) * 1.1);
  return layout.geo.top + map + layout.geo.bottom;
}

/** One class of the scale: `[min, max)` (the last one closed), its colour and its label. */
export interface TerritoryMapClass {
  min: number;
  max: number;
  color: string;
  label: string;
}

/**
 * Nice classes over the values: about 6, at most 7, of equal width on round bounds (shares bounded to
 * 0–100 %, machine gaps on whole numbers), coloured light to dark. None without a value.
 *
 * @example
 * territoryMapClasses([8.2, 11.4, 19.9], 'unitsPerMillion', 'fr').map((c) => c.label);
 * // ["8–10", "10–12", "12–14", "14–16", "16–18", "18–20"]
 */
export function territoryMapClasses(
  values: readonly (number | null)[],
  figure: TerritoryMapFigure,
  lang: Lang,
): TerritoryMapClass[] {
  const known = values.filter((v): v is number => v !== null && Number.isFinite(v));
  if (known.length === 0) return [];
  const unit = TERRITORY_FIGURE_SPECS[figure].unit;
  const scale = niceScale(known, {
    ticks: 6,
    zero: unit === 'machines' || unit === 'share',
    ...(unit === 'machines' ? { minInterval: 1 } : {}),
  });
  let { interval } = scale;
  const min = scale.min;
  let max = scale.max;
  while ((max - min) / interval > 7 + 1e-9) interval *= 2;
  let count = Math.max(1, Math.round((max - min) / interval));
  max = min + count * interval;
  if (unit === 'share' && max > 1) {
    max = 1;
    count = Math.max(1, Math.ceil((max - min) / interval - 1e-9));
  }
  const round = (v: number): number => Number(v.toFixed(10));
  const colors = pickColors(count);
  const classes: TerritoryMapClass[] = [];
  for (let i = 0; i < count; i++) {
    const lo = round(min + i * interval);
    const hi = round(Math.min(max, min + (i + 1) * interval));
    classes.push({ min: lo, max: hi, color: colors[i] ?? INK.muted, label: '' });
  }
  for (const [i, c] of classes.entries())
    c.label = classLabel(c, unit, i === classes.length - 1, scale.decimals, lang);
  return classes;
}

/** `n` colours spread over the scale, its lightest and darkest ends included. */
function pickColors(n: number): string[] {
  const last = TERRITORY_SCALE.length - 1;
  if (n === 1) return [TERRITORY_SCALE[Math.floor(last / 2)] ?? INK.muted];
  return Array.from(
    { length: n },
    (_, i) => TERRITORY_SCALE[Math.round((i * last) / (n - 1))] ?? INK.muted,
  );
}

function classLabel(
  c: TerritoryMapClass,
  unit: TerritoryFigureUnit,
  last: boolean,
  decimals: number,
  lang: Lang,
): string {
  if (unit === 'machines') {
    // Whole machines: [2, 4) holds 2 and 3, the last class holds its upper bound too.
    const top = last ? c.max : c.max - 1;
    return top <= c.min
      ? formatInteger(c.min, lang)
      : `${formatInteger(c.min, lang)}–${formatInteger(top, lang)}`;
  }
  if (unit === 'share') {
    const d = Math.max(0, decimals - 2);
    return `${formatNumber(c.min * 100, lang, d)}–${formatPercent(c.max, lang, d)}`;
  }
  return `${formatNumber(c.min, lang, decimals)}–${formatNumber(c.max, lang, decimals)}`;
}

/**
 * The map option: one `geo` of the registered boundaries (named by their `code` property), the
 * map series holding the values by code (an unknown value is `NaN`: drawn in the "no data"
 * grey), the legend of the classes, the inset frames and the attribution.
 */
export function territoryMapOption(input: TerritoryMapInput): EChartsOption {
  const { lang, figure, level, values } = input;
  const focus = input.focus ? new Set(input.focus.codes) : null;
  const inFocus = (code: string): boolean => focus === null || focus.has(code);
  const label = territoryFigureLabel(figure, input.modality, lang, input.gap);
  const classes = territoryMapClasses(
    values.filter((v) => inFocus(v.code)).map((v) => v.value),
    figure,
    lang,
  );
  const byCode = new Map(values.map((v) => [v.code, v]));
  // An unknown value is NaN, which the geo draws in its region's own colour: the "no data"
  // grey, or pale for the territories outside the focus (silent, without an id to follow).
  const data = values.map((v) =>
    inFocus(v.code)
      ? { id: v.code, name: v.code, value: v.value ?? Number.NaN }
      : { name: v.code, value: Number.NaN },
  );
  const regions: object[] = values
    .filter((v) => !inFocus(v.code))
    .map((v) => ({
      name: v.code,
      silent: true,
      itemStyle: { areaColor: OUTSIDE_COLOR, borderColor: OUTSIDE_BORDER },
      emphasis: { disabled: true },
    }));
  if (input.highlight !== undefined && inFocus(input.highlight)) {
    regions.push({
      name: input.highlight,
      itemStyle: { areaColor: NO_DATA_COLOR, borderColor: INK.text, borderWidth: 2.5 },
    });
  }
  // Frames of the insets shown: all of them, or those of the focus (an overseas region's).
  const insets = (input.insets ?? []).filter((inset) => inFocus(inset.code));
  // Wide: the legend stands in the Bay of Biscay (or the margin left of a tall map). Narrow:
  // under the map, its classes and the no-data row, then the attribution. Either way the map
  // (inset frames and their names included) stops above the attribution.
  const legendRows = classes.length > 0 ? classes.length + 1 : 0;
  const namesBelow = insets.some((inset) => inset.labelAt === undefined);
  const box = (narrow: boolean): TerritoryMapLayout =>
    territoryMapLayout({
      narrow,
      rows: legendRows,
      attribution: input.attribution,
      focus: focus !== null,
      namesBelow,
    });
  const layout = box(false).geo;
  const { geo: narrowLayout, legendBottom } = box(true);
  const frames: CustomSeriesRenderItem = (params, api) => {
    const inset = insets[params.dataIndex];
    if (!inset) return null;
    const [west, south, east, north] = inset.box;
    const [ax = 0, ay = 0] = api.coord([west, north]);
    const [bx = 0, by = 0] = api.coord([east, south]);
    const [lx = (ax + bx) / 2, ly = by + 2] = inset.labelAt ? api.coord([...inset.labelAt]) : [];
    return {
      type: 'group',
      silent: true,
      children: [
        {
          type: 'rect',
          shape: { x: ax, y: ay, width: bx - ax, height: by - ay },
          style: { fill: 'none', stroke: INK.axis, lineWidth: 1 },
        },
        {
          type: 'text',
          x: lx,
          y: ly,
          style: {
            text: inset.name,
            fill: INK.muted,
            // Smaller in the narrow boxes of a phone, so that "Guadeloupe" stays inside.
            fontSize: Math.max(7, Math.min(10, (bx - ax) / 6.5)),
            fontFamily: FONT_FAMILY,
            align: 'center',
            verticalAlign: inset.labelAt ? 'middle' : 'top',
          },
        },
      ],
    };
  };
  const empty = {
    type: 'text',
    id: 'empty',
    left: 'center',
    top: 'middle',
    silent: true,
    style: {
      text: t(lang, 'territories.map.empty'),
      fill: INK.muted,
      fontSize: 13,
      fontFamily: FONT_FAMILY,
    },
  };
  const attribution = (narrow: boolean): object => ({
    type: 'text',
    id: 'attribution',
    $action: 'replace',
    silent: true,
    z: 10,
    bottom: CREDIT_BOTTOM,
    ...(narrow ? { left: 8 } : { right: 8 }),
    style: {
      text: creditText(input.attribution, narrow),
      fill: INK.muted,
      fontSize: 10,
      lineHeight: CREDIT_LINE,
      fontFamily: FONT_FAMILY,
      textAlign: narrow ? 'left' : 'right',
    },
  });
  // A region's départements zoomed onto (with the frame of an overseas one); else the whole
  // of France with its insets.
  const withInsets = (start: MapBounds): MapBounds =>
    insets.reduce<MapBounds>(
      (b, i) => [
        Math.min(b[0], i.box[0]),
        Math.min(b[1], i.box[1]),
        Math.max(b[2], i.box[2]),
        Math.max(b[3], i.box[3]),
      ],
      start,
    );
  const bounds = input.focus?.bounds
    ? withInsets(input.focus.bounds)
    : insets.length > 0
      ? withInsets(METROPOLE_BOUNDS)
      : undefined;
  // ECharts lists pieces low to high and draws the highest on top: the no-data row first (a
  // legend entry only: no value equals it), so that it comes last, under the lowest class.
  // Territories without a value take the geo's own grey.
  const pieces = [
    { value: NO_DATA_SENTINEL, label: t(lang, 'territories.map.noData'), color: NO_DATA_COLOR },
    ...classes.map((c, i) =>
      i === classes.length - 1
        ? { gte: c.min, lte: c.max, label: c.label, color: c.color }
        : { gte: c.min, lt: c.max, label: c.label, color: c.color },
    ),
  ];

  return {
    ...baseOption(
      t(
        lang,
        level === 'region' ? 'territories.map.ariaRegions' : 'territories.map.ariaDepartments',
        {
          figure: label,
        },
      ),
    ),
    geo: {
      map: TERRITORY_MAP_NAMES[level],
      nameProperty: 'code',
      roam: false,
      // A region zoomed onto: the rest of France is cut at the chart's box.
      clip: true,
      aspectScale: ASPECT,
      ...layout,
      // Top-left then bottom-right corner.
      ...(bounds
        ? {
            boundingCoords: [
              [bounds[0], bounds[3]],
              [bounds[2], bounds[1]],
            ],
          }
        : {}),
      regions,
      label: { show: false },
      itemStyle: { areaColor: NO_DATA_COLOR, borderColor: BORDER_COLOR, borderWidth: 0.6 },
      // The hovered territory keeps its colour (`color` and `areaColor` null), outlined.
      emphasis: {
        label: { show: false },
        itemStyle: { color: NULL, areaColor: NULL, borderColor: INK.text, borderWidth: 1.5 },
      },
      select: { disabled: true },
    },
    ...(classes.length > 0
      ? {
          visualMap: {
            type: 'piecewise',
            seriesIndex: 0,
            dimension: 0,
            pieces,
            orient: 'vertical',
            left: 8,
            // Just under Brittany's latitude: the open sea of the Bay of Biscay.
            top: '37%',
            itemWidth: 14,
            itemHeight: 10,
            itemGap: ROW - 10,
            selectedMode: false,
            hoverLink: false,
            outOfRange: { color: NO_DATA_COLOR },
            textStyle: { color: INK.text, fontFamily: FONT_FAMILY, fontSize: 11 },
          },
        }
      : {}),
    graphic: [...(classes.length > 0 ? [] : [empty]), attribution(false)],
    tooltip: {
      ...baseOption('').tooltip,
      trigger: 'item',
      formatter: (p: unknown) => {
        const item = p as { seriesType?: string; name?: string };
        if (item.seriesType !== 'map' || item.name === undefined) return '';
        const v = byCode.get(item.name);
        if (!v || !inFocus(v.code)) return '';
        const code = level === 'department' ? ` (${escapeHtml(v.code)})` : '';
        return `<b>${escapeHtml(v.name)}</b>${code}<br>${escapeHtml(label)}<br><b>${escapeHtml(formatTerritoryFigure(v.value, figure, lang))}</b>`;
      },
    },
    series: [
      {
        type: 'map',
        geoIndex: 0,
        name: label,
        data,
      },
      {
        type: 'custom',
        coordinateSystem: 'geo',
        geoIndex: 0,
        silent: true,
        renderItem: frames,
        data: insets.map((inset) => [inset.box[0], inset.box[1]]),
        z: 5,
      },
    ],
    // On a phone the legend goes under the map, the attribution on two lines.
    media: [
      {
        query: { maxWidth: TERRITORY_MAP_NARROW },
        option: {
          geo: narrowLayout,
          graphic: [...(classes.length > 0 ? [] : [{ id: 'empty' }]), attribution(true)],
          ...(classes.length > 0 ? { visualMap: { top: 'auto', bottom: legendBottom } } : {}),
        },
      },
    ],
  } as EChartsOption;
}
