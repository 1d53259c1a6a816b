#!/usr/bin/env node
// Builds the population table plateau ships (src/plan/territories/population-data.json) from
// @etalab/decoupage-administratif (a pinned dev dependency): INSEE's population municipale of the
// `commune-actuelle` communes summed per département, for the 101 départements (96 metropolitan,
// 971–974, 976; not the overseas collectivities), with their names and the 18 regions.
// Run: `node scripts/build-population.mjs` (writes the file), `--check` (fails when it differs).
// The pure `buildPopulationTable` is exported so a test can compare the committed file to it.
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Legal-population reference year of the package's data, and the year it came into force. */
export const POPULATION_YEAR = 2023;
export const POPULATION_IN_FORCE = 2026;

/** Overseas départements (DROM) counted with the 96 metropolitan ones. */
const OVERSEAS_DEPARTMENTS = ['971', '972', '973', '974', '976'];

/** `01`…`95`, `2A`, `2B` (no `20`) and the five DROM: the 101 départements. */
const isDepartment = (code) =>
  /^(0[1-9]|1\d|2[1-9AB]|[3-8]\d|9[0-5])$/.test(code) || OVERSEAS_DEPARTMENTS.includes(code);

/**
 * The population table from the package's three lists (communes, départements, regions).
 * Départements and regions are sorted by code; the total is not stored (it is a sum).
 * @param {{ communes: any[], departements: any[], regions: any[], version: string }} input
 * @returns {import('../src/plan/territories/types.ts').PopulationTable}
 */
export function buildPopulationTable({ communes, departements, regions, version }) {
  const sums = new Map();
  for (const c of communes) {
    if (c.type !== 'commune-actuelle' || !isDepartment(c.departement)) continue;
    if (typeof c.population !== 'number') throw new Error(`commune ${c.code}: no population`);
    sums.set(c.departement, (sums.get(c.departement) ?? 0) + c.population);
  }
  const departments = departements
    .filter((d) => isDepartment(d.code))
    .map((d) => {
      const population = sums.get(d.code);
      if (population === undefined) throw new Error(`département ${d.code}: no commune`);
      return { code: d.code, name: d.nom, region: d.region, population };
    })
    .sort((a, b) => a.code.localeCompare(b.code));
  if (departments.length !== 101)
    throw new Error(`${departments.length} départements, 101 expected`);
  const used = new Set(departments.map((d) => d.region));
  const regionList = regions
    .filter((r) => used.has(r.code))
    .map((r) => ({ code: r.code, name: r.nom }))
    .sort((a, b) => a.code.localeCompare(b.code));
  if (regionList.length !== 18) throw new Error(`${regionList.length} regions, 18 expected`);
  return {
    year: POPULATION_YEAR,
    inForce: POPULATION_IN_FORCE,
    source:
      `INSEE, populations de référence (légales) ${POPULATION_YEAR} en vigueur au 1er janvier ${POPULATION_IN_FORCE}, ` +
      `population municipale des communes sommée par département (Mayotte : recensement 2017), ` +
      `via @etalab/decoupage-administratif ${version} (Licence Ouverte)`,
    regions: regionList,
    departments,
  };
}

/** The JSON text written: one département or region per line (as Prettier lays it out), so a diff reads. */
export function formatPopulationTable(table) {
  const object = (x) =>
    `{ ${Object.entries(x)
      .map(([k, v]) => `${JSON.stringify(k)}: ${JSON.stringify(v)}`)
      .join(', ')} }`;
  const lines = (items) => items.map((x) => `    ${object(x)}`).join(',\n');
  return (
    `{\n  "year": ${table.year},\n  "inForce": ${table.inForce},\n  "source": ${JSON.stringify(table.source)},\n` +
    `  "regions": [\n${lines(table.regions)}\n  ],\n  "departments": [\n${lines(table.departments)}\n  ]\n}\n`
  );
}

/** Reads the package from `node_modules` under `root`. */
export function readPackage(root) {
  const dir = join(root, 'node_modules/@etalab/decoupage-administratif');
  const read = (name) => JSON.parse(readFileSync(join(dir, name), 'utf8'));
  return {
    communes: read('data/communes.json'),
    departements: read('data/departements.json'),
    regions: read('data/regions.json'),
    version: read('package.json').version,
  };
}

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
export const OUTPUT = join(root, 'src/plan/territories/population-data.json');

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const text = formatPopulationTable(buildPopulationTable(readPackage(root)));
  if (process.argv.includes('--check')) {
    if (readFileSync(OUTPUT, 'utf8') !== text) {
      console.error(
        `${OUTPUT} differs from the package's data: run node scripts/build-population.mjs`,
      );
      process.exit(1);
    }
  } else {
    writeFileSync(OUTPUT, text);
    console.log(`wrote ${OUTPUT}`);
  }
}
