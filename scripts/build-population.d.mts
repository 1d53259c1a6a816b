// Types of scripts/build-population.mjs, for the test that compares the committed table to it.
import type { PopulationTable } from '../src/plan/territories/types.ts';

export declare const POPULATION_YEAR: number;
export declare const POPULATION_IN_FORCE: number;
export declare const OUTPUT: string;
export interface DecoupagePackage {
  communes: unknown[];
  departements: unknown[];
  regions: unknown[];
  version: string;
}
export declare function buildPopulationTable(input: DecoupagePackage): PopulationTable;
export declare function formatPopulationTable(table: PopulationTable): string;
export declare function readPackage(root: string): DecoupagePackage;
