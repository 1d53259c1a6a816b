#!/usr/bin/env node
// Builds the map boundaries plateau ships (src/charts/geo/{departments,regions,insets}.json) from
// the full-detail GeoJSON of ../shared/data/geo (IGN ADMIN EXPRESS via gregoiredavid/france-geojson,
// Licence Ouverte). Steps: the five overseas départements are moved into inset boxes in a row
// under metropolitan France (each scaled to fill its box, true shape kept); islands and enclaves
// smaller than a threshold are dropped (never a feature's largest polygon); rings are simplified
// with Douglas–Peucker arc by arc, between the junctions of both files together, so a border
// shared by two départements, or by a département and its region, is simplified once and stays
// identical; coordinates are rounded to 3 decimals.
// Run: `node scripts/build-boundaries.mjs [--shared DIR]` (DIR defaults to ../shared beside the repo).
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** ECharts' default geo `aspectScale`: a degree of longitude is drawn 0.75 of a degree of latitude. */
export const ASPECT = 0.75;
/** Douglas–Peucker tolerance, in drawn degrees (a degree of latitude ≈ 111 km). */
export const TOLERANCE = 0.012;
/** Polygons (islands) and holes (enclaves) smaller than this, in drawn square degrees, are dropped. */
export const MIN_AREA = 0.003;
/** Decimals kept in the coordinates (≈ 100 m). */
export const DECIMALS = 3;

/** Overseas départements → their region code (each is a region of its own). */
const OVERSEAS = { 971: '01', 972: '02', 973: '03', 974: '04', 976: '06' };

/** Metropolitan France's extent in the sources (lon −5.14…9.56, lat 41.33…51.09). */
const ROW = { west: -5.1, east: 9.5, south: 39.0, north: 40.95, gap: 0.2 };
/** Share of a box's height kept free at its top for the territory's name. */
const LABEL_SHARE = 0.2;
/** Margin inside a box around the territory, as a share of the box's drawn width. */
const PADDING = 0.06;

/**
 * The five inset boxes in a row under metropolitan France, in source order of the codes, as
 * `[west, south, east, north]` in lon/lat, with the label's anchor (top centre inside the box).
 */
export function insetBoxes() {
  const codes = Object.keys(OVERSEAS);
  const width = (ROW.east - ROW.west - ROW.gap * (codes.length - 1)) / codes.length;
  return codes.map((code, i) => {
    const west = ROW.west + i * (width + ROW.gap);
    const box = [west, ROW.south, west + width, ROW.north].map(round);
    const labelAt = [
      round(west + width / 2),
      round(ROW.north - ((ROW.north - ROW.south) * LABEL_SHARE) / 2),
    ];
    return { code, region: OVERSEAS[code], box, labelAt };
  });
}

const round = (v) => Math.round(v * 10 ** DECIMALS) / 10 ** DECIMALS;
const polygonsOf = (geometry) =>
  geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
const bboxOf = (points) => {
  const b = [Infinity, Infinity, -Infinity, -Infinity];
  for (const [x, y] of points) {
    b[0] = Math.min(b[0], x);
    b[1] = Math.min(b[1], y);
    b[2] = Math.max(b[2], x);
    b[3] = Math.max(b[3], y);
  }
  return b;
};

/** The affine map of one overseas territory (bbox `src`) into its inset `box`, true shape kept. */
function insetTransform(src, inset) {
  const [w, s, e, n] = inset.box;
  const lat0 = (src[1] + src[3]) / 2;
  const kx = Math.cos((lat0 * Math.PI) / 180) / ASPECT;
  const pad = (e - w) * ASPECT * PADDING;
  const availW = e - w - (2 * pad) / ASPECT;
  const availH = (n - s) * (1 - LABEL_SHARE) - 2 * pad;
  const scale = Math.min(availW / ((src[2] - src[0]) * kx), availH / (src[3] - src[1]));
  const cx = (w + e) / 2;
  const cy = s + pad + availH / 2;
  const sx = (src[0] + src[2]) / 2;
  const sy = (src[1] + src[3]) / 2;
  return { scale, map: ([x, y]) => [cx + (x - sx) * kx * scale, cy + (y - sy) * scale] };
}

/** Drawn area of a ring (shoelace, x shrunk by the aspect), unsigned. */
function ringArea(ring) {
  let a = 0;
  for (let i = 0; i + 1 < ring.length; i++) {
    a += ring[i][0] * ring[i + 1][1] - ring[i + 1][0] * ring[i][1];
  }
  return Math.abs(a / 2) * ASPECT;
}

/** Distance from p to the segment a–b, drawn (x shrunk by the aspect). */
function segmentDistance(p, a, b) {
  const px = p[0] * ASPECT,
    ax = a[0] * ASPECT,
    bx = b[0] * ASPECT;
  const dx = bx - ax,
    dy = b[1] - a[1];
  const len2 = dx * dx + dy * dy;
  let t = len2 === 0 ? 0 : ((px - ax) * dx + (p[1] - a[1]) * dy) / len2;
  t = Math.max(0, Math.min(1, t));
  return Math.hypot(px - ax - t * dx, p[1] - a[1] - t * dy);
}

/**
 * Douglas–Peucker over an open polyline (both ends kept). It always keeps the point farthest
 * from the chord, so an arc never collapses onto its chord and a ring keeps an area.
 */
function douglasPeucker(points, tolerance) {
  const n = points.length;
  if (n <= 2) return points;
  const keep = new Uint8Array(n);
  keep[0] = keep[n - 1] = 1;
  const stack = [[0, n - 1, true]];
  while (stack.length > 0) {
    const [i, j, forced] = stack.pop();
    let best = -1,
      far = -1;
    for (let k = i + 1; k < j; k++) {
      const d = segmentDistance(points[k], points[i], points[j]);
      if (d > best) [best, far] = [d, k];
    }
    if (far >= 0 && (forced || best > tolerance)) {
      keep[far] = 1;
      stack.push([i, far, false], [far, j, false]);
    }
  }
  return points.filter((_, k) => keep[k] === 1);
}

const keyOf = (p) => `${p[0]},${p[1]}`;
const before = (a, b) => (a[0] !== b[0] ? a[0] < b[0] : a[1] < b[1]);

/**
 * Points where rings meet or part (a point seen with two different pairs of neighbours), over
 * every ring of both files: the ends of the shared arcs.
 */
function junctionsOf(rings) {
  const pairs = new Map();
  const junctions = new Set();
  for (const ring of rings) {
    const n = ring.length - 1;
    for (let i = 0; i < n; i++) {
      const key = keyOf(ring[i]);
      const a = keyOf(ring[(i + n - 1) % n]);
      const b = keyOf(ring[(i + 1) % n]);
      const pair = a < b ? `${a}|${b}` : `${b}|${a}`;
      const seen = pairs.get(key);
      if (seen === undefined) pairs.set(key, pair);
      else if (seen !== pair) junctions.add(key);
    }
  }
  return junctions;
}

/** An arc simplified the same way whichever direction a ring runs it. */
function simplifyArc(arc, tolerance) {
  const first = arc[0],
    last = arc[arc.length - 1];
  const reversed =
    keyOf(first) === keyOf(last) ? before(arc[arc.length - 2], arc[1]) : before(last, first);
  const forward = reversed ? [...arc].reverse() : arc;
  let out;
  if (keyOf(first) === keyOf(last) && forward.length > 3) {
    // A loop: split at its point farthest from the start, so each half has a chord.
    let far = 1,
      best = -1;
    for (let k = 1; k < forward.length - 1; k++) {
      const d = Math.hypot((forward[k][0] - first[0]) * ASPECT, forward[k][1] - first[1]);
      if (d > best) [best, far] = [d, k];
    }
    const a = douglasPeucker(forward.slice(0, far + 1), tolerance);
    const b = douglasPeucker(forward.slice(far), tolerance);
    out = [...a, ...b.slice(1)];
  } else out = douglasPeucker(forward, tolerance);
  return reversed ? out.reverse() : out;
}

/** A closed ring simplified arc by arc between its junctions (or from a canonical start). */
function simplifyRing(ring, junctions, tolerance) {
  const open = ring.slice(0, -1);
  let starts = open.map((p, i) => (junctions.has(keyOf(p)) ? i : -1)).filter((i) => i >= 0);
  if (starts.length === 0) {
    let min = 0;
    for (let i = 1; i < open.length; i++) if (before(open[i], open[min])) min = i;
    starts = [min];
  }
  const out = [];
  for (let s = 0; s < starts.length; s++) {
    const from = starts[s];
    const to = starts[(s + 1) % starts.length];
    const arc = [];
    for (let i = from; ; i = (i + 1) % open.length) {
      arc.push(open[i]);
      if (arc.length > 1 && i === to) break;
    }
    const simple = simplifyArc(arc, tolerance);
    out.push(...(out.length === 0 ? simple : simple.slice(1)));
  }
  return out;
}

/** Rounded, without consecutive repeats, closed; `null` when fewer than 3 distinct points remain. */
function finishRing(points) {
  const out = [];
  for (const p of points) {
    const q = [round(p[0]), round(p[1])];
    const last = out[out.length - 1];
    if (!last || last[0] !== q[0] || last[1] !== q[1]) out.push(q);
  }
  if (out.length > 1 && keyOf(out[0]) === keyOf(out[out.length - 1])) out.pop();
  if (new Set(out.map(keyOf)).size < 3) return null;
  out.push(out[0]);
  return out;
}

/**
 * The two shipped FeatureCollections and the insets, from the sources' départements and regions.
 * Features keep `code` and `name` only; overseas features sit in their inset boxes.
 */
export function buildBoundaries(sources, options = {}) {
  const tolerance = options.tolerance ?? TOLERANCE;
  const minArea = options.minArea ?? MIN_AREA;
  const boxes = insetBoxes();
  // 1. Overseas territories into their boxes (the same map for the département and its region).
  const transforms = new Map();
  const insets = boxes.map((inset) => {
    const feature = sources.departments.features.find((f) => f.properties.code === inset.code);
    const src = bboxOf(polygonsOf(feature.geometry).flat(2));
    const t = insetTransform(src, inset);
    transforms.set(`departments:${inset.code}`, t).set(`regions:${inset.region}`, t);
    return { ...inset, name: feature.properties.nom, scale: Math.round(t.scale * 100) / 100 };
  });
  // 2. Small islands and lakes out (their drawn area, after the insets' scaling). A ring that
  //    touches another feature (an exclave and the hole it makes) stays, however small.
  const prepare = (level) => {
    const features = sources[level].features.map((f) => {
      const t = transforms.get(`${level}:${f.properties.code}`);
      const polygons = polygonsOf(f.geometry).map((p) => (t ? p.map((r) => r.map(t.map)) : p));
      return { code: f.properties.code, name: f.properties.nom, polygons };
    });
    const owners = new Map();
    for (const f of features) {
      for (const p of f.polygons.flat(2)) {
        const key = keyOf(p);
        const owner = owners.get(key);
        if (owner === undefined) owners.set(key, f.code);
        else if (owner !== f.code) owners.set(key, null);
      }
    }
    const alone = (ring) => ring.every((p) => owners.get(keyOf(p)) !== null);
    return features.map(({ code, name, polygons }) => {
      const largest = Math.max(...polygons.map((p) => ringArea(p[0])));
      const kept = (ring, min) => ringArea(ring) >= min || !alone(ring);
      polygons = polygons
        .filter((p) => kept(p[0], Math.min(minArea, largest)))
        .map(([outer, ...holes]) => [outer, ...holes.filter((h) => kept(h, minArea))]);
      return { code, name, polygons };
    });
  };
  const departments = prepare('departments');
  const regions = prepare('regions');
  // 3. Arcs between the junctions of both files, each simplified once, the same way.
  const all = [...departments, ...regions];
  const junctions = junctionsOf(all.flatMap((f) => f.polygons.flat()));
  const collection = (features) => ({
    type: 'FeatureCollection',
    features: features
      .map(({ code, name, polygons }) => {
        const simple = polygons
          .map((p) => p.map((r) => finishRing(simplifyRing(r, junctions, tolerance))))
          .filter((p) => p[0] !== null)
          .map((p) => p.filter((r) => r !== null));
        if (simple.length === 0) throw new Error(`${code}: nothing left after simplification`);
        const geometry =
          simple.length === 1
            ? { type: 'Polygon', coordinates: simple[0] }
            : { type: 'MultiPolygon', coordinates: simple };
        return { type: 'Feature', properties: { code, name }, geometry };
      })
      .sort((a, b) => a.properties.code.localeCompare(b.properties.code)),
  });
  return { departments: collection(departments), regions: collection(regions), insets };
}

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
export const OUTPUT_DIR = join(root, 'src/charts/geo');

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const at = process.argv.indexOf('--shared');
  const shared = at > 0 ? process.argv[at + 1] : join(root, '..', 'shared');
  const read = (name) => JSON.parse(readFileSync(join(shared, 'data/geo', name), 'utf8'));
  const built = buildBoundaries({
    departments: read('departements-avec-outre-mer.geojson'),
    regions: read('regions-avec-outre-mer.geojson'),
  });
  for (const name of ['departments', 'regions']) {
    const text = JSON.stringify(built[name]);
    writeFileSync(join(OUTPUT_DIR, `${name}.json`), text);
    const points = built[name].features.reduce(
      (s, f) =>
        s +
        polygonsOf(f.geometry)
          .flat()
          .reduce((t, r) => t + r.length, 0),
      0,
    );
    console.log(
      `${name}.json: ${built[name].features.length} features, ${points} points, ${(text.length / 1024).toFixed(1)} KB`,
    );
  }
  writeFileSync(join(OUTPUT_DIR, 'insets.json'), `${JSON.stringify(built.insets, null, 2)}\n`);
}
