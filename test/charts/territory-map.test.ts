import { describe, expect, it } from 'vitest';
import { registerMapOnce, renderSvg } from '../../src/charts/render-svg.ts';
import type { TerritoryMapInput } from '../../src/charts/territory-map.ts';
import {
  boundsOf,
  formatTerritoryFigure,
  NO_DATA_COLOR,
  TERRITORY_MAP_NAMES,
  TERRITORY_SCALE,
  gapReferenceText,
  populationSourcePackage,
  populationSourceText,
  territoryFigureLabel,
  territoryFigureValue,
  territoryMapClasses,
  territoryMapOption,
} from '../../src/charts/territory-map.ts';
import type { TerritoryFigures } from '../../src/plan/territories/types.ts';

const ATTRIBUTION = '© IGN ADMIN EXPRESS, via gregoiredavid/france-geojson — Licence Ouverte';

/** Four unit squares side by side, coded like départements, and an inset box around the last. */
const square = (code: string, name: string, x: number): object => ({
  type: 'Feature',
  properties: { code, name },
  geometry: {
    type: 'Polygon',
    coordinates: [
      [
        [x, 45],
        [x + 1, 45],
        [x + 1, 46],
        [x, 46],
        [x, 45],
      ],
    ],
  },
});
const SQUARES = {
  type: 'FeatureCollection',
  features: [
    square('59', 'Nord', 0),
    square('62', 'Pas-de-Calais', 2),
    square('75', 'Paris', 4),
    square('971', 'Guadeloupe', 6),
  ],
};
registerMapOnce(TERRITORY_MAP_NAMES.department, SQUARES);

const input = (over: Partial<TerritoryMapInput> = {}): TerritoryMapInput => ({
  level: 'department',
  figure: 'unitsPerMillion',
  modality: 'CT',
  lang: 'fr',
  attribution: ATTRIBUTION,
  values: [
    { code: '59', name: 'Nord', value: 8.2 },
    { code: '62', name: 'Pas-de-Calais', value: 19.9 },
    { code: '75', name: 'Paris', value: 11.4 },
    { code: '971', name: 'Guadeloupe', value: null },
  ],
  insets: [{ code: '971', name: 'Guadeloupe', box: [5.8, 44.8, 7.2, 46.4] }],
  ...over,
});

interface MapData {
  id?: string;
  name: string;
  value: number;
}

describe('territoryMapClasses', () => {
  it('cuts densities into round classes of equal width, light to dark', () => {
    // 8.2…19.9: a step of 2 (11.7 / 6 = 1.95 rounded up), from 8 to 20.
    const classes = territoryMapClasses([8.2, 11.4, 19.9, null], 'unitsPerMillion', 'fr');
    expect(classes.map((c) => [c.min, c.max])).toEqual([
      [8, 10],
      [10, 12],
      [12, 14],
      [14, 16],
      [16, 18],
      [18, 20],
    ]);
    expect(classes.map((c) => c.label)).toEqual([
      '8–10',
      '10–12',
      '12–14',
      '14–16',
      '16–18',
      '18–20',
    ]);
    // Six of the seven colours, both ends kept.
    expect(classes.map((c) => c.color)).toEqual([
      '#ffffcc',
      '#c7e9b4',
      '#7fcdbb',
      '#1d91c0',
      '#225ea8',
      '#0c2c84',
    ]);
    // Half steps where the values need them: 2.3…4.1 by 0.5.
    expect(territoryMapClasses([2.3, 4.1], 'examsPer1000', 'en').map((c) => c.label)).toEqual([
      '2–2.5',
      '2.5–3',
      '3–3.5',
      '3.5–4',
      '4–4.5',
    ]);
  });

  it('bounds shares to 0–100 % and counts missing machines in whole numbers', () => {
    const shares = territoryMapClasses([0.12, 0.55, 0.9], 'shareComplete', 'fr');
    expect(shares.map((c) => [c.min, c.max])).toEqual([
      [0, 0.2],
      [0.2, 0.4],
      [0.4, 0.6],
      [0.6, 0.8],
      [0.8, 1],
    ]);
    expect(shares[0]!.label).toBe('0–20\u202f%');
    const gaps = territoryMapClasses([0, 0, 3, 7], 'gap', 'en');
    expect(gaps.map((c) => c.label)).toEqual(['0–1', '2–3', '4–5', '6–8']);
  });

  it('has no class without a value', () => {
    expect(territoryMapClasses([null, null], 'delayP50', 'fr')).toEqual([]);
  });
});

describe('territoryMapOption', () => {
  const option = territoryMapOption(input()) as Record<string, unknown>;
  const [map, frames] = option['series'] as [
    { type: string; data: MapData[] },
    { data: unknown[] },
  ];

  it('draws the registered map by code, each value under its code, null as no data (NaN)', () => {
    const geo = option['geo'] as { map: string; nameProperty: string; itemStyle: object };
    expect(geo.map).toBe('plateau-fr-departments');
    expect(geo.nameProperty).toBe('code');
    expect(geo.itemStyle).toMatchObject({ areaColor: NO_DATA_COLOR });
    expect(map.type).toBe('map');
    const byCode = Object.fromEntries(map.data.map((d) => [d.name, d.value]));
    expect(byCode).toMatchObject({ '59': 8.2, '62': 19.9, '75': 11.4 });
    expect(Number.isNaN(byCode['971'])).toBe(true);
    expect(map.data.map((d) => d.id)).toEqual(['59', '62', '75', '971']);
    expect(frames.data).toHaveLength(1);
  });

  it('has a piecewise legend of the classes and the attribution at the bottom', () => {
    const visualMap = option['visualMap'] as { type: string; pieces: { color: string }[] };
    expect(visualMap.type).toBe('piecewise');
    // The six classes and the no-data row, which no value matches (it is a legend entry).
    expect(visualMap.pieces).toHaveLength(7);
    expect(visualMap.pieces[0]).toMatchObject({ label: 'Pas de donnée', color: NO_DATA_COLOR });
    expect(visualMap.pieces.slice(1).map((p) => p.color)).toEqual([
      '#ffffcc',
      '#c7e9b4',
      '#7fcdbb',
      '#1d91c0',
      '#225ea8',
      '#0c2c84',
    ]);
    const graphic = option['graphic'] as {
      id?: string;
      bottom?: number;
      style?: { text: string };
    }[];
    const attribution = graphic.find((g) => g.id === 'attribution');
    expect(attribution?.style?.text).toBe(ATTRIBUTION);
    expect(attribution?.bottom).toBeLessThan(10);
  });

  it('writes the territory, the figure and its value in the tooltip', () => {
    const tooltip = option['tooltip'] as { formatter: (p: unknown) => string };
    const text = tooltip.formatter({ seriesType: 'map', name: '62' });
    expect(text).toContain('Pas-de-Calais');
    expect(text).toContain('(62)');
    expect(text).toContain('Appareils par million d’habitants — Scanner');
    expect(text).toContain('19,9');
    expect(tooltip.formatter({ seriesType: 'map', name: '971' })).toContain('—');
  });

  it('makes only the focus followable, the others pale and silent', () => {
    const focused = territoryMapOption(
      input({ focus: { codes: ['59', '62'], bounds: [0, 45, 3, 46] } }),
    ) as Record<string, unknown>;
    const [series, insetFrames] = focused['series'] as [{ data: MapData[] }, { data: unknown[] }];
    expect(series.data.map((d) => d.id)).toEqual(['59', '62', undefined, undefined]);
    expect(Number.isNaN(series.data[2]!.value)).toBe(true);
    const geo = focused['geo'] as {
      regions: { name: string; silent: boolean }[];
      boundingCoords: unknown;
    };
    expect(geo.regions.map((r) => [r.name, r.silent])).toEqual([
      ['75', true],
      ['971', true],
    ]);
    expect(geo.boundingCoords).toEqual([
      [0, 46],
      [3, 45],
    ]);
    // Classes from the focus only: 8.2 and 19.9.
    const visualMap = focused['visualMap'] as { pieces: { gte: number }[] };
    expect(visualMap.pieces[1]!.gte).toBe(8);
    expect(insetFrames.data).toEqual([]);
  });

  it('widens a zoomed overseas territory to its inset frame', () => {
    const zoomed = territoryMapOption(
      input({ focus: { codes: ['971'], bounds: [6, 45, 7, 46] } }),
    ) as Record<string, unknown>;
    expect((zoomed['geo'] as { boundingCoords: unknown }).boundingCoords).toEqual([
      [5.8, 46.4],
      [7.2, 44.8],
    ]);
    expect((zoomed['series'] as { data: unknown[] }[])[1]!.data).toHaveLength(1);
  });

  it('outlines the highlighted territory (a département on its page)', () => {
    const highlighted = territoryMapOption(
      input({ focus: { codes: ['59', '62'] }, highlight: '62' }),
    ) as Record<string, unknown>;
    const geo = highlighted['geo'] as { regions: { name: string; itemStyle: object }[] };
    expect(geo.regions.find((r) => r.name === '62')?.itemStyle).toMatchObject({
      borderWidth: 2.5,
    });
  });

  it('says so when no territory has a value, without a legend', () => {
    const none = territoryMapOption(
      input({ values: [{ code: '59', name: 'Nord', value: null }] }),
    ) as Record<string, unknown>;
    expect(none['visualMap']).toBeUndefined();
    const graphic = none['graphic'] as { id?: string; style?: { text: string } }[];
    expect(graphic.find((g) => g.id === 'empty')?.style?.text).toBe(
      'Aucune valeur pour cet indicateur',
    );
  });
});

describe('territoryMapOption drawn to SVG', () => {
  it('fills each territory with its class colour, no data in grey, with the inset and the attribution', () => {
    const svg = renderSvg(territoryMapOption(input()), 640, 420);
    const fills = [...svg.matchAll(/<path d="[^"]+" fill="([^"]+)"/g)].map((m) => m[1]);
    // Nord 8.2 → first class, Paris 11.4 → second, Pas-de-Calais 19.9 → last; Guadeloupe none.
    expect(fills).toEqual(
      expect.arrayContaining([TERRITORY_SCALE[0], '#c7e9b4', TERRITORY_SCALE[6], NO_DATA_COLOR]),
    );
    expect(svg).toContain('Licence Ouverte');
    expect(svg).toContain('Guadeloupe');
    expect(svg).toContain('Pas de donnée');
    expect(svg).toContain('18–20');
    // Valid XML: the font stack's quotes do not end the style attribute.
    expect(svg).not.toContain('"Segoe UI"');
  });
});

describe('territoryFigureValue', () => {
  const figures = {
    level: 'department',
    code: '59',
    name: 'Nord',
    region: '32',
    population: 2_600_000,
    units: {},
    unitsPerMillion: { CT: { total: 12.5, hospital: 8, privatePractice: 4.5 } },
    examsPer1000: {
      CT: { value: 160, annualExams: 0, measuredExams: 0, imputedExams: 0, imputedMachines: 0 },
    },
    imputedShare: { CT: 0.4, MR: null },
    gapTo: [
      {
        reference: 'national',
        modality: 'CT',
        year: null,
        unitsPerMillion: 13,
        machines: 1,
        provenance: 'measured',
      },
      {
        reference: 'oecd',
        modality: 'CT',
        year: 2010,
        unitsPerMillion: 20,
        machines: 9,
        provenance: 'reference',
      },
      {
        reference: 'oecd',
        modality: 'CT',
        year: 2015,
        unitsPerMillion: 25.7,
        machines: 34,
        provenance: 'reference',
      },
    ],
    fleetAge: {
      CT: {
        known: 10,
        unknown: 0,
        meanYears: 6,
        atLeast7: 4,
        atLeast10: 2,
        shareAtLeast7: 0.4,
        shareAtLeast10: 0.2,
        toRenew: 2,
      },
    },
    completeness: {
      sites: 4,
      complete: 1,
      ctOnly: 2,
      mriOnly: 1,
      shareComplete: 0.25,
      shareCtOnly: 0.5,
      shareMriOnly: 0.25,
      machinesPerSite: 1.5,
      regroupedShare: 0,
    },
    nightCoverage: {
      campaignMachines: {},
      significantOnCall: {},
      significantOnCallPerMillion: {},
      nightMriMachines: 2,
      nightMriPerMillion: 0.77,
      nightMriAccess: true,
      departmentsWithoutNightMri: [],
    },
    waiting: {
      CT: {
        realised: { n: 30, p20: 2, p50: 7, p80: 15 },
        survey: { n: 0, p20: null, p50: null, p80: null },
      },
    },
  } as TerritoryFigures;

  it('reads each figure, the latest OECD gap, and null where the figure is missing', () => {
    expect(territoryFigureValue(figures, 'unitsPerMillion', 'CT')).toBe(12.5);
    expect(territoryFigureValue(figures, 'unitsPerMillion', 'MR')).toBeNull();
    expect(territoryFigureValue(figures, 'examsPer1000', 'CT')).toBe(160);
    expect(territoryFigureValue(figures, 'imputedShare', 'CT')).toBe(0.4);
    expect(territoryFigureValue(figures, 'imputedShare', 'MR')).toBeNull();
    expect(territoryFigureValue(figures, 'gap', 'CT')).toBe(34);
    expect(territoryFigureValue(figures, 'gap', 'MR')).toBeNull();
    // The gap picked: to the national density, to the OECD average of a year, none typed.
    expect(territoryFigureValue(figures, 'gap', 'CT', { reference: 'national' })).toBe(1);
    expect(territoryFigureValue(figures, 'gap', 'CT', { reference: 'oecd', year: 2010 })).toBe(9);
    expect(
      territoryFigureValue(figures, 'gap', 'CT', { reference: 'oecd', year: 2021 }),
    ).toBeNull();
    expect(territoryFigureValue(figures, 'gap', 'CT', { reference: 'target' })).toBeNull();
    expect(territoryFigureValue(figures, 'ageAtLeast10', 'CT')).toBe(0.2);
    expect(territoryFigureValue(figures, 'shareComplete', 'MR')).toBe(0.25);
    expect(territoryFigureValue(figures, 'nightMriPerMillion', 'CT')).toBe(0.77);
    expect(territoryFigureValue(figures, 'delayP50', 'CT')).toBe(7);
  });

  it('names the gap with its reference, and its density when the document gives it', () => {
    const [national, oecd2010] = figures.gapTo;
    expect(territoryFigureLabel('gap', 'CT', 'fr', national)).toBe(
      'Appareils manquants pour atteindre la densité nationale (13 par million) — Scanner',
    );
    expect(territoryFigureLabel('gap', 'MR', 'en', oecd2010)).toBe(
      'Units missing to reach the OECD average 2010 (20 per million) — MRI',
    );
    expect(gapReferenceText({ reference: 'oecd' }, 'en')).toBe('latest OECD average');
    expect(gapReferenceText({ reference: 'target' }, 'fr')).toBe('cible saisie');
    const target = { ...oecd2010!, reference: 'target' as const, year: null, unitsPerMillion: 20 };
    expect(gapReferenceText(target, 'en')).toBe('typed target (20 per million)');
    // Without a reference, the figure's generic name.
    expect(territoryFigureLabel('gap', 'CT', 'en')).toBe(
      'Units missing for the reference density — CT',
    );
  });

  it('formats values in their unit', () => {
    expect(formatTerritoryFigure(12.46, 'unitsPerMillion', 'fr')).toBe('12,5');
    expect(formatTerritoryFigure(0.254, 'shareComplete', 'fr')).toBe('25\u202f%');
    expect(formatTerritoryFigure(1, 'gap', 'en')).toBe('1 unit');
    expect(formatTerritoryFigure(7, 'delayP50', 'en')).toBe('7 d');
    expect(formatTerritoryFigure(null, 'delayP50', 'en')).toBe('—');
  });
});

describe('boundsOf', () => {
  it('spans the features named, widened by the margin', () => {
    expect(boundsOf(SQUARES as never, ['59', '62'], 0)).toEqual([0, 45, 3, 46]);
    expect(boundsOf(SQUARES as never, ['59'], 0.1)).toEqual([-0.1, 44.9, 1.1, 46.1]);
    expect(boundsOf(SQUARES as never, ['00'])).toBeNull();
  });
});

describe('populationSourceText', () => {
  const population = {
    year: 2023,
    inForce: 2026,
    source:
      'INSEE, populations de référence (légales) 2023 en vigueur au 1er janvier 2026, population municipale des communes sommée par département (Mayotte : recensement 2017), via @etalab/decoupage-administratif 6.0.0 (Licence Ouverte)',
  };

  it('reads the package and its version at the end of the table’s source', () => {
    expect(populationSourcePackage(population.source)).toEqual({
      name: '@etalab/decoupage-administratif',
      version: '6.0.0',
    });
    expect(populationSourcePackage('via some-table 12.3.1-rc.1')).toEqual({
      name: 'some-table',
      version: '12.3.1-rc.1',
    });
    expect(populationSourcePackage('INSEE 2021')).toBeNull();
  });

  it('says the source in the reader’s language, the years and the package written as they are', () => {
    const en = populationSourceText(population, 'en');
    expect(en).toBe(
      'Source: INSEE, reference (legal) populations 2023 in force on 1 January 2026, municipal population of the communes summed by département (Mayotte: 2017 census), via @etalab/decoupage-administratif 6.0.0 (Licence Ouverte / Open Licence).',
    );
    expect(en).not.toContain('en vigueur');
    const fr = populationSourceText({ ...population, year: 2022, inForce: 2025 }, 'fr');
    expect(fr).toContain('populations de référence (légales) 2022 en vigueur au 1er janvier 2025');
    expect(fr).toContain('via @etalab/decoupage-administratif 6.0.0');
    // A table that names no package: its own words.
    expect(populationSourceText({ ...population, source: 'INSEE RP 2021' }, 'en')).toBe(
      'INSEE RP 2021',
    );
  });
});
