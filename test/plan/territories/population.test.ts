import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  buildPopulationTable,
  formatPopulationTable,
  OUTPUT,
  readPackage,
} from '../../../scripts/build-population.mjs';
import {
  departmentByCode,
  departmentsOfRegion,
  normalizeDepartmentCode,
  POPULATION,
  regionByCode,
  regionCodeOf,
} from '../../../src/plan/territories/population.ts';

const ROOT = join(import.meta.dirname, '../../..');
const total = (codes?: (code: string) => boolean): number =>
  POPULATION.departments
    .filter((d) => codes?.(d.code) ?? true)
    .reduce((s, d) => s + d.population, 0);

describe('population table', () => {
  it('has the 101 départements and 18 regions, each département in one of them', () => {
    expect(POPULATION.departments).toHaveLength(101);
    expect(POPULATION.regions).toHaveLength(18);
    expect(new Set(POPULATION.departments.map((d) => d.code)).size).toBe(101);
    for (const d of POPULATION.departments) expect(regionByCode(d.region), d.code).toBeDefined();
    for (const r of POPULATION.regions)
      expect(departmentsOfRegion(r.code).length, r.code).toBeGreaterThan(0);
    const codes = POPULATION.departments.map((d) => d.code);
    expect(codes).toContain('2A');
    expect(codes).toContain('2B');
    expect(codes).not.toContain('20');
    expect(codes.filter((c) => c.length === 3)).toEqual(['971', '972', '973', '974', '976']);
    expect(POPULATION.year).toBe(2023);
    expect(POPULATION.inForce).toBe(2026);
  });

  it('sums to INSEE’s legal population of France for 2023', () => {
    // INSEE, populations de référence 2023 (published 18 December 2025, in force 1 January 2026):
    // "la population officielle de la France (hors Mayotte) s'élève à 68.094.000 habitants", as
    // reported by Banque des Territoires, "L'Insee met en ligne les données de population qui
    // seront officielles au 1er janvier 2026" (banquedesterritoires.fr, December 2025).
    const franceWithoutMayotte = 68_094_000;
    expect(Math.abs(total((c) => c !== '976') / franceWithoutMayotte - 1)).toBeLessThan(0.0005);
    // With Mayotte (its 2017 census, 256,518) the 101 départements stay within 0.5 %.
    expect(Math.abs(total() / franceWithoutMayotte - 1)).toBeLessThan(0.005);
  });

  it('holds hand-checked départements and regions', () => {
    expect(departmentByCode('75')).toEqual({
      code: '75',
      name: 'Paris',
      region: '11',
      population: 2_103_778,
    });
    expect(departmentByCode('48')).toEqual({
      code: '48',
      name: 'Lozère',
      region: '76',
      population: 76_486,
    });
    // Mayotte: the package carries INSEE's 2017 census (256,518), not a 2023 figure.
    expect(departmentByCode('976')).toEqual({
      code: '976',
      name: 'Mayotte',
      region: '06',
      population: 256_518,
    });
    expect(departmentByCode('2A')?.region).toBe('94');
    expect(regionByCode('32')?.name).toBe('Hauts-de-France');
    expect(departmentsOfRegion('32').map((d) => d.code)).toEqual(['02', '59', '60', '62', '80']);
    expect(departmentsOfRegion('94').map((d) => d.code)).toEqual(['2A', '2B']);
    expect(departmentsOfRegion('99')).toEqual([]);
    expect(regionByCode('975')).toBeUndefined();
  });

  it('is what the script builds from the pinned package (no drift)', () => {
    const built = buildPopulationTable(readPackage(ROOT));
    expect(built).toEqual(POPULATION);
    expect(formatPopulationTable(built)).toBe(readFileSync(OUTPUT, 'utf8'));
    expect(built.source).toContain('@etalab/decoupage-administratif 6.0.0');
  });
});

describe('normalizeDepartmentCode', () => {
  it.each([
    ['1', '01'],
    [' 59 ', '59'],
    ['2a', '2A'],
    ['2B', '2B'],
    ['971', '971'],
    ['9A', '971'],
    ['9b', '972'],
    ['9C', '973'],
    ['9D', '974'],
    ['9F', '976'],
    ['95', '95'],
  ])('%j → %s', (raw, code) => expect(normalizeDepartmentCode(raw)).toBe(code));

  it.each(['20', '9E', '975', '977', '984', '96', '00', '0', '', '2C', '59000', 'Nord', '100'])(
    '%j → null',
    (raw) => expect(normalizeDepartmentCode(raw)).toBeNull(),
  );

  it('is what departmentByCode looks up', () => {
    expect(departmentByCode('9F')?.name).toBe('Mayotte');
    expect(departmentByCode('20')).toBeUndefined();
  });
});

describe('regionCodeOf', () => {
  it.each([
    ['32', '32'],
    [' 84 ', '84'],
    ['1', '01'],
    ['hauts de france', '32'],
    ['HAUTS-DE-FRANCE', '32'],
    ['Île-de-France', '11'],
    ['ile de france', '11'],
    ['IDF', '11'],
    ["Provence-Alpes-Côte d'Azur", '93'],
    ['Provence-Alpes-Côte d’Azur', '93'],
    ['Auvergne-Rhône-Alpes', '84'],
    ['La Réunion', '04'],
    ['Mayotte', '06'],
    // Pre-2016 regions, as the 2010 campaign writes them.
    ['Nord-Pas-de-Calais', '32'],
    ['Picardie', '32'],
    ['Alsace', '44'],
    ['Lorraine', '44'],
    ['Champagne-Ardenne', '44'],
    ['Rhône-Alpes', '84'],
    ['Auvergne', '84'],
    ['Midi-Pyrénées', '76'],
    ['Languedoc-Roussillon', '76'],
    ['Centre', '24'],
    ['Haute-Normandie', '28'],
    ['Basse-Normandie', '28'],
    ['Aquitaine', '75'],
    ['Limousin', '75'],
    ['Poitou-Charentes', '75'],
    ['Bourgogne', '27'],
    ['Franche-Comté', '27'],
    ['Bretagne', '53'],
    ['Pays de la Loire', '52'],
    ['Corse', '94'],
  ])('%j → %s', (value, code) => expect(regionCodeOf(value)).toBe(code));

  it.each(['', '99', '975', '59', 'Normandie du Nord', 'Nord'])('%j → null', (value) =>
    expect(regionCodeOf(value)).toBeNull(),
  );

  it('knows every region name the synthetic 2010 campaign writes', async () => {
    const { REGIONS } = await import('../../../src/generate/geography.ts');
    for (const r of REGIONS) expect(regionCodeOf(r.name), r.name).not.toBeNull();
  });
});
