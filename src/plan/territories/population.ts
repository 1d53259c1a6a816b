/**
 * The population table plateau ships (INSEE legal population, communes summed per département by
 * `scripts/build-population.mjs` into `population-data.json`), and the lookups that turn the
 * codes and names found in kits, registers and FINESS extracts into its INSEE codes.
 */
import data from './population-data.json' with { type: 'json' };
import { departmentCodeIn } from './department-code.ts';
import type { DepartmentPopulation, PopulationTable, RegionName } from './types.ts';

/** The 101 départements and 18 regions, with the reference year and source. */
export const POPULATION: PopulationTable = data;

const departments = new Map(POPULATION.departments.map((d) => [d.code, d]));
const regions = new Map(POPULATION.regions.map((r) => [r.code, r]));

/**
 * The INSEE code of a département as one of the table's 101 (`01`, `2A`, `971`), from a raw
 * value: trimmed, upper-cased, a single digit padded (`1` → `01`), FINESS's overseas forms
 * (`9A` → `971`). `null` for anything else, `20` included (Corsica has two départements).
 */
export function normalizeDepartmentCode(raw: string): string | null {
  return departmentCodeIn(raw, departments);
}

/** A département of the table by its code (normalised first); `undefined` when none. */
export function departmentByCode(code: string): DepartmentPopulation | undefined {
  const normal = normalizeDepartmentCode(code);
  return normal === null ? undefined : departments.get(normal);
}

/** A region of the table by its INSEE code (`32`, `01`); `undefined` when none. */
export function regionByCode(code: string): RegionName | undefined {
  return regions.get(code.trim());
}

/** The départements of a region, by code order; empty for an unknown region. */
export function departmentsOfRegion(code: string): DepartmentPopulation[] {
  return POPULATION.departments.filter((d) => d.region === code.trim());
}

/** Lower case, no accents, every run of other characters a single space. */
function nameKey(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/**
 * Regions before the 2016 reform (the 2010 campaign writes them), the 2016 provisional names,
 * and a few usual short forms, each to its current INSEE region code.
 */
const OTHER_REGION_NAMES: Readonly<Record<string, string>> = {
  alsace: '44',
  lorraine: '44',
  'champagne ardenne': '44',
  'alsace champagne ardenne lorraine': '44',
  aquitaine: '75',
  limousin: '75',
  'poitou charentes': '75',
  'aquitaine limousin poitou charentes': '75',
  auvergne: '84',
  'rhone alpes': '84',
  bourgogne: '27',
  'franche comte': '27',
  centre: '24',
  'haute normandie': '28',
  'basse normandie': '28',
  'languedoc roussillon': '76',
  'midi pyrenees': '76',
  'languedoc roussillon midi pyrenees': '76',
  'nord pas de calais': '32',
  picardie: '32',
  'nord pas de calais picardie': '32',
  paca: '93',
  idf: '11',
  reunion: '04',
};

/** Every region name plateau reads (lower case, no accents, single spaces: `nameKey`), to its INSEE code. */
export const regionNames: ReadonlyMap<string, string> = new Map<string, string>([
  ...Object.entries(OTHER_REGION_NAMES),
  ...POPULATION.regions.map((r): [string, string] => [nameKey(r.name), r.code]),
]);

/**
 * The current INSEE region code of a value that names a region: a code (`32`, `1` → `01`), a
 * current name or a pre-2016 one (`Nord-Pas-de-Calais` → `32`), ignoring case, accents, dashes
 * and apostrophes. `null` when it names none of the 18 regions.
 */
export function regionCodeOf(value: string): string | null {
  let code = value.trim();
  if (/^\d$/.test(code)) code = `0${code}`;
  if (regions.has(code)) return code;
  return regionNames.get(nameKey(value)) ?? null;
}
