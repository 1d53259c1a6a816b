import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { GeoCollection, GeoFeature, Position } from '../../src/charts/geo/index.ts';
import {
  DEPARTMENTS,
  GEO_ATTRIBUTION,
  GEO_ATTRIBUTION_TEXT,
  INSETS,
  insetFrame,
  REGIONS,
} from '../../src/charts/geo/index.ts';
import { POPULATION } from '../../src/plan/territories/population.ts';
import { SHARED_DIR } from '../helpers/shared.ts';

const GEO_DIR = join(import.meta.dirname, '../../src/charts/geo');
const OVERSEAS = ['971', '972', '973', '974', '976'];

const polygonsOf = (f: GeoFeature): Position[][][] =>
  f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates;
const pointsOf = (f: GeoFeature): Position[] => polygonsOf(f).flat(2);
type Box = [number, number, number, number];
const bboxOf = (points: Position[]): Box => {
  const b: Box = [Infinity, Infinity, -Infinity, -Infinity];
  for (const [x, y] of points) {
    b[0] = Math.min(b[0], x);
    b[1] = Math.min(b[1], y);
    b[2] = Math.max(b[2], x);
    b[3] = Math.max(b[3], y);
  }
  return b;
};
const overlaps = (a: Box, b: Box): boolean =>
  a[0] < b[2] && b[0] < a[2] && a[1] < b[3] && b[1] < a[3];
const inside = (p: Position, b: Box): boolean =>
  p[0] >= b[0] && p[0] <= b[2] && p[1] >= b[1] && p[1] <= b[3];

/** Undirected edges of the features' rings, counted. */
function edgeCounts(features: GeoFeature[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const f of features) {
    for (const ring of polygonsOf(f).flat()) {
      for (let i = 0; i + 1 < ring.length; i++) {
        const a = ring[i]!.join(',');
        const b = ring[i + 1]!.join(',');
        const key = a < b ? `${a}|${b}` : `${b}|${a}`;
        counts.set(key, (counts.get(key) ?? 0) + 1);
      }
    }
  }
  return counts;
}
const once = (counts: Map<string, number>): string[] =>
  [...counts]
    .filter(([, n]) => n % 2 === 1)
    .map(([k]) => k)
    .sort();

/**
 * Region code → the edges of its outline that its départements do not draw (and the reverse):
 * both empty when every region border runs exactly along département borders and no gap opens
 * inside a region.
 */
function outlineMismatches(departments: GeoCollection, regions: GeoCollection): string[] {
  const regionOf = new Map(POPULATION.departments.map((d) => [d.code, d.region]));
  const wrong: string[] = [];
  for (const region of regions.features) {
    const code = region.properties.code;
    const fromDepartments = once(
      edgeCounts(departments.features.filter((d) => regionOf.get(d.properties.code) === code)),
    );
    const outline = once(edgeCounts([region]));
    if (fromDepartments.join() !== outline.join()) wrong.push(code);
  }
  return wrong;
}

describe('shipped boundaries', () => {
  it('have the population table’s 101 départements and 18 regions, with its names', () => {
    const codes = (c: GeoCollection) => c.features.map((f) => f.properties.code).sort();
    expect(DEPARTMENTS.features).toHaveLength(101);
    expect(REGIONS.features).toHaveLength(18);
    expect(codes(DEPARTMENTS)).toEqual(POPULATION.departments.map((d) => d.code).sort());
    expect(codes(REGIONS)).toEqual(POPULATION.regions.map((r) => r.code).sort());
    const names = new Map(POPULATION.departments.map((d) => [d.code, d.name]));
    for (const f of DEPARTMENTS.features)
      expect(f.properties.name).toBe(names.get(f.properties.code));
    expect(REGIONS.features.find((f) => f.properties.code === '32')?.properties.name).toBe(
      'Hauts-de-France',
    );
  });

  it('stay within their size budget (minified)', () => {
    expect(statSync(join(GEO_DIR, 'departments.json')).size).toBeLessThanOrEqual(200 * 1024);
    expect(statSync(join(GEO_DIR, 'regions.json')).size).toBeLessThanOrEqual(100 * 1024);
    // Simplified, yet not to nothing: France keeps its shape.
    expect(DEPARTMENTS.features.reduce((s, f) => s + pointsOf(f).length, 0)).toBeGreaterThan(5000);
  });

  it('are valid polygons: closed rings of finite coordinates with 3 decimals at most', () => {
    for (const f of [...DEPARTMENTS.features, ...REGIONS.features]) {
      expect(f.type).toBe('Feature');
      expect(['Polygon', 'MultiPolygon']).toContain(f.geometry.type);
      expect(Object.keys(f.properties).sort()).toEqual(['code', 'name']);
      for (const ring of polygonsOf(f).flat()) {
        expect(ring.length, f.properties.code).toBeGreaterThanOrEqual(4);
        expect(ring[0], f.properties.code).toEqual(ring[ring.length - 1]);
        expect(new Set(ring.map((p) => p.join())).size).toBeGreaterThanOrEqual(3);
        for (const p of ring) {
          expect(p).toHaveLength(2);
          for (const v of p) {
            expect(Number.isFinite(v)).toBe(true);
            expect(Math.abs(v * 1000 - Math.round(v * 1000))).toBeLessThan(1e-6);
          }
        }
      }
    }
  });

  it('place metropolitan France where it is and the overseas départements in their insets', () => {
    const metropole = bboxOf(
      DEPARTMENTS.features.filter((f) => !OVERSEAS.includes(f.properties.code)).flatMap(pointsOf),
    );
    // lon −4.79 (Pointe de Corsen: Ouessant, 15 km², is below the islands kept)…9.56 (Corsica),
    // lat 41.33 (Corsica)…51.09 (Bray-Dunes).
    expect(metropole[0]).toBeCloseTo(-4.79, 1);
    expect(metropole[2]).toBeCloseTo(9.56, 1);
    expect(metropole[1]).toBeCloseTo(41.33, 1);
    expect(metropole[3]).toBeCloseTo(51.09, 1);
    expect(INSETS.map((i) => i.code)).toEqual(OVERSEAS);
    expect(INSETS.map((i) => i.region)).toEqual(['01', '02', '03', '04', '06']);
    for (const [k, inset] of INSETS.entries()) {
      expect(overlaps(inset.box, metropole), inset.code).toBe(false);
      for (const other of INSETS.slice(k + 1)) expect(overlaps(inset.box, other.box)).toBe(false);
      const department = DEPARTMENTS.features.find((f) => f.properties.code === inset.code)!;
      const region = REGIONS.features.find((f) => f.properties.code === inset.region)!;
      const drawn = bboxOf(pointsOf(department));
      expect(bboxOf(pointsOf(region))).toEqual(drawn);
      for (const p of pointsOf(department)) expect(inside(p, inset.box), inset.code).toBe(true);
      // Legible: the territory fills most of its box's width or height.
      const fill = Math.max(
        (drawn[2] - drawn[0]) / (inset.box[2] - inset.box[0]),
        (drawn[3] - drawn[1]) / (inset.box[3] - inset.box[1]),
      );
      expect(fill, inset.code).toBeGreaterThan(0.6);
      // Its name sits inside the box, above the territory.
      expect(inside(inset.labelAt, inset.box)).toBe(true);
      expect(inset.labelAt[1]).toBeGreaterThan(drawn[3]);
      expect(insetFrame(inset)).toHaveLength(5);
    }
    expect(INSETS.map((i) => i.name)).toEqual([
      'Guadeloupe',
      'Martinique',
      'Guyane',
      'La Réunion',
      'Mayotte',
    ]);
  });

  it('draw each region exactly along its départements’ borders (simplified once, no gap)', () => {
    expect(outlineMismatches(DEPARTMENTS, REGIONS)).toEqual([]);
    // The check sees a gap: Côte-d'Or's exclave between Nièvre and Saône-et-Loire taken out.
    const without = structuredClone(DEPARTMENTS);
    const cote = without.features.find((f) => f.properties.code === '21')!;
    expect(cote.geometry.type).toBe('MultiPolygon');
    if (cote.geometry.type === 'MultiPolygon') {
      const polygons = cote.geometry.coordinates;
      const smallest = polygons.reduce((a, b) => (a.flat().length <= b.flat().length ? a : b));
      cote.geometry.coordinates = polygons.filter((p) => p !== smallest);
    }
    expect(outlineMismatches(without, REGIONS)).toEqual(['27']);
  });

  it('fill every hole but the Étang de Berre with another département (enclaves)', () => {
    const outers = new Set(
      DEPARTMENTS.features.flatMap((f) =>
        polygonsOf(f).map((p) =>
          p[0]!
            .map((q) => q.join())
            .sort()
            .join(';'),
        ),
      ),
    );
    const unfilled = DEPARTMENTS.features.flatMap((f) =>
      polygonsOf(f)
        .flatMap((p) => p.slice(1))
        .filter(
          (hole) =>
            !outers.has(
              hole
                .map((q) => q.join())
                .sort()
                .join(';'),
            ),
        )
        .map((hole) => [f.properties.code, bboxOf(hole)] as const),
    );
    expect(unfilled).toHaveLength(1);
    const [code, box] = unfilled[0]!;
    expect(code).toBe('13');
    expect(inside([5.1, 43.45], box)).toBe(true);
  });

  it('carry the attribution the licence asks for, and the insets’ caveat in both languages', () => {
    expect(GEO_ATTRIBUTION).toContain('IGN ADMIN EXPRESS, via gregoiredavid/france-geojson');
    expect(GEO_ATTRIBUTION).toContain('Licence Ouverte');
    expect(GEO_ATTRIBUTION_TEXT.fr).toContain(
      'IGN ADMIN EXPRESS, via gregoiredavid/france-geojson',
    );
    expect(GEO_ATTRIBUTION_TEXT.fr).toContain('encarts');
    expect(GEO_ATTRIBUTION_TEXT.en).toContain(
      'IGN ADMIN EXPRESS, via gregoiredavid/france-geojson',
    );
    expect(GEO_ATTRIBUTION_TEXT.en).toContain('not to scale');
  });
});

describe('scripts/build-boundaries.mjs', () => {
  it('rebuilds exactly the committed files from ../shared/data/geo (no drift)', async () => {
    const { buildBoundaries } = await import('../../scripts/build-boundaries.mjs');
    const read = (name: string): unknown =>
      JSON.parse(readFileSync(join(SHARED_DIR, 'data/geo', name), 'utf8'));
    const built = buildBoundaries({
      departments: read('departements-avec-outre-mer.geojson'),
      regions: read('regions-avec-outre-mer.geojson'),
    });
    expect(JSON.stringify(built.departments)).toBe(
      readFileSync(join(GEO_DIR, 'departments.json'), 'utf8'),
    );
    expect(JSON.stringify(built.regions)).toBe(readFileSync(join(GEO_DIR, 'regions.json'), 'utf8'));
    expect(built.insets).toEqual(INSETS);
  }, 60_000);
});
