/**
 * The contract of the territorial figures (planning.md §2): what the pure computation takes (a
 * campaign's per-machine facts, the whole-fleet register, a population table, published
 * references) and the document it returns, which the CLI prints, the API serves, the web app
 * maps and the PDF syntheses print. Every figure says where it comes from (`Provenance`).
 */
import type { Quantiles } from '../../core/stats.ts';
import type {
  Campaign,
  Establishment,
  Modality,
  RegisterMachine,
  RegisterSector,
  SurveyAnswer,
} from '../../core/kit-types.ts';

/**
 * Where a figure comes from: the campaign (`measured`), the equipment register (`declared`), a
 * published figure (`reference`, with year and source), the user (`input`), or an estimate for
 * register machines absent from the campaign (`imputed`).
 */
export const PROVENANCES = ['measured', 'declared', 'reference', 'input', 'imputed'] as const;
export type Provenance = (typeof PROVENANCES)[number];

/** Territorial levels, widest first. */
export const TERRITORY_LEVELS = ['nation', 'region', 'department'] as const;
export type TerritoryLevel = (typeof TERRITORY_LEVELS)[number];

// ---------------------------------------------------------------------------------------------
// Inputs

/** One département of the population table (INSEE legal population, communes summed). */
export interface DepartmentPopulation {
  /** INSEE code: `01`…`95`, `2A`, `2B`, `971`…`976`. */
  code: string;
  name: string;
  /** INSEE code of its region (current boundaries, 18 regions). */
  region: string;
  population: number;
}

/** One region (INSEE code and name; its population is the sum of its départements). */
export interface RegionName {
  code: string;
  name: string;
}

/** The population table the product ships (built by `scripts/build-population.mjs`). */
export interface PopulationTable {
  /** Reference year of the legal population (the census year it describes). */
  year: number;
  /** The year the legal population came into force (1 January), e.g. 2026 for 2023 figures. */
  inForce: number;
  /** Source and licence, e.g. "INSEE, populations légales 2023, via @etalab/decoupage-administratif 6.0.0 (Licence Ouverte)". */
  source: string;
  regions: readonly RegionName[];
  departments: readonly DepartmentPopulation[];
}

/**
 * What a published reference figure measures: units per million inhabitants, exams per 1,000
 * inhabitants a year, and figures that are not densities (exams a year, their cost in euros a
 * year, installed units, mean wait in days).
 */
export const REFERENCE_MEASURES = [
  'unitsPerMillion',
  'examsPer1000',
  'exams',
  'costEuros',
  'installedUnits',
  'meanWaitDays',
] as const;
export type ReferenceMeasure = (typeof REFERENCE_MEASURES)[number];

/**
 * One published figure (OECD or French), with its year and source. `area` is an ISO 3166
 * alpha-3 country code (`FRA`), or `OECD` for the OECD average.
 */
export interface ReferenceFigure {
  measure: ReferenceMeasure;
  modality: Modality;
  /** Only part of the fleet (hospital or private practice); `null` for the whole fleet. */
  sector: RegisterSector | null;
  area: string;
  year: number;
  value: number;
  source: string;
  /** Rank or remark given with the figure ("5th of OECD"); `null` when none. */
  note: string | null;
  /** `shipped` with plateau, or `loaded` by a user from an OECD CSV export. */
  origin: 'shipped' | 'loaded';
}

/** What the computation needs to know of one campaign machine (from its computed figures). */
export interface TerritoryMachine {
  equipmentId: string;
  finess: string;
  modality: Modality;
  /** Exams over the campaign (measured). */
  exams: number;
  passagesPerWeek: number;
  /** Significant on-call activity (indicators.md). */
  significantOnCall: boolean;
  /** Has on-call or emergency sessions at night (20:00–08:00 local): night access (stroke care for MRI). */
  nightAccess: boolean;
  /** Realised appointment delays (calendar days) of its scheduled exams, outpatient and inpatient pooled. */
  appointmentDelayDays: ArrayLike<number>;
  /** `installed_year` of equipment.csv (the age of a campaign machine no register row names); `null` when blank. */
  installedYear: number | null;
}

/** A reference density the gap in machines is measured to. */
export type GapReference =
  | { kind: 'national' }
  /** The OECD average of a year (the latest shipped or loaded when `year` is omitted). */
  | { kind: 'oecd'; year?: number }
  /** A density the user types, units per million. */
  | { kind: 'target'; modality: Modality; unitsPerMillion: number };

export interface TerritoryOptions {
  /** Modalities to compute (default both). */
  modalities?: readonly Modality[];
  /** References of the gap (default: national and the latest OECD average). */
  gapTo?: readonly GapReference[];
}

export interface TerritoryInput {
  campaign: Campaign;
  establishments: readonly Establishment[];
  /** The campaign machines after the benchmark filters. */
  machines: readonly TerritoryMachine[];
  /** The whole fleet; `null` when the campaign has none (its machines alone are counted, flagged). */
  register: readonly RegisterMachine[] | null;
  survey: readonly SurveyAnswer[];
  population: PopulationTable;
  references: readonly ReferenceFigure[];
  options?: TerritoryOptions;
}

// ---------------------------------------------------------------------------------------------
// Output

/** Machines in service on the campaign's first day, by sector (declared). */
export interface UnitCounts {
  total: number;
  hospital: number;
  privatePractice: number;
  /** Campaign machines no register row named: sector unknown. */
  unknownSector: number;
}

/** Units per million inhabitants; `null` when the population is 0. */
export interface Density {
  total: number | null;
  hospital: number | null;
  privatePractice: number | null;
}

/** Exams per 1,000 inhabitants per year, by place of the machine. */
export interface ExamsPerThousand {
  value: number | null;
  /** Annualised exams of the territory's machines (measured + imputed). */
  annualExams: number;
  measuredExams: number;
  imputedExams: number;
  /** Register machines absent from the campaign, whose exams are imputed. */
  imputedMachines: number;
}

/** The gap in machines to a reference density: max(0, ⌈density × population / 10⁶ − units⌉). */
export interface Gap {
  reference: 'national' | 'oecd' | 'target';
  modality: Modality;
  /** Year of the OECD figure; `null` otherwise. */
  year: number | null;
  /** The reference density, units per million. */
  unitsPerMillion: number;
  machines: number;
  provenance: Provenance;
}

/** Fleet age = campaign year − installed year (declared). */
export interface FleetAge {
  /** Machines with an installed year. */
  known: number;
  unknown: number;
  meanYears: number | null;
  atLeast7: number;
  atLeast10: number;
  /** Shares of `known`; `null` when none is known. */
  shareAtLeast7: number | null;
  shareAtLeast10: number | null;
  /** Machines to renew: 10 years or older (choice, docs/readings-of-the-spec.md). */
  toRenew: number;
}

/** Platform completeness of the territory's sites (choice of planning.md §2). */
export interface Completeness {
  sites: number;
  complete: number;
  ctOnly: number;
  mriOnly: number;
  shareComplete: number | null;
  shareCtOnly: number | null;
  shareMriOnly: number | null;
  machinesPerSite: number | null;
  /** Share of machines on sites with 3 machines or more. */
  regroupedShare: number | null;
}

/** Night and on-call coverage, measured on the campaign's machines of the territory. */
export interface NightCoverage {
  /** Campaign machines of the territory (the sample it is measured on), per modality. */
  campaignMachines: Partial<Record<Modality, number>>;
  significantOnCall: Partial<Record<Modality, number>>;
  significantOnCallPerMillion: Partial<Record<Modality, number | null>>;
  /** MRI machines with on-call or emergency sessions at night (20:00–08:00). */
  nightMriMachines: number;
  nightMriPerMillion: number | null;
  nightMriAccess: boolean;
  /** For the nation and regions: départements of it with no night MRI access, by code. */
  departmentsWithoutNightMri: string[];
}

/** Appointment delays (days) pooled over the territory, P20/P50/P80 with their count. */
export interface Waiting {
  /** Realised delays of the territory's campaign machines (measured). */
  realised: Quantiles;
  /** The appointment survey's answers of the territory's sites (declared by the sites). */
  survey: Quantiles;
}

/** Every figure of one territory. Per-modality records hold only the computed modalities. */
export interface TerritoryFigures {
  level: TerritoryLevel;
  /** `FR` for the nation, INSEE code otherwise. */
  code: string;
  name: string;
  /** For a département, its region's code; else `null`. */
  region: string | null;
  population: number;
  units: Partial<Record<Modality, UnitCounts>>;
  unitsPerMillion: Partial<Record<Modality, Density>>;
  examsPer1000: Partial<Record<Modality, ExamsPerThousand>>;
  /** Imputed exams ÷ annualised exams; `null` without exams. */
  imputedShare: Partial<Record<Modality, number | null>>;
  gapTo: Gap[];
  fleetAge: Partial<Record<Modality, FleetAge>>;
  completeness: Completeness;
  nightCoverage: NightCoverage;
  waiting: Partial<Record<Modality, Waiting>>;
}

/** Counts about the register behind the figures (what was declared, added, assumed). */
export interface RegisterSummary {
  /** `register` when the campaign has one, `campaign-only` when its machines alone are counted. */
  source: 'register' | 'campaign-only';
  rows: number;
  /** In service on the campaign's first day (counted). */
  inService: number;
  /** Put into service after the first day (not counted). */
  notYetInService: number;
  /** Campaign machines no row named, added (sector unknown). */
  addedFromCampaign: number;
  /** Counted on their authorisation date (no date put into service). */
  serviceDateFromAuthorisation: number;
  /** Counted with neither date. */
  serviceDateUnknown: number;
  /** Rows whose département is not in the population table (not counted, listed). */
  unknownDepartments: string[];
}

export const TERRITORY_CAVEATS = [
  /** Figures are by place of the machine, not of the patient's residence. */
  'place-of-machine',
  /** Some exams are imputed (register machines absent from the campaign). */
  'imputed-exams',
  /** The population's year differs from the campaign's (params: populationYear, campaignYear). */
  'population-year',
  /** No register: the campaign's machines alone are counted, densities are a floor. */
  'campaign-only',
  /** Night and on-call coverage and waits are measured on the campaign's machines only. */
  'campaign-sample',
] as const;
export type TerritoryCaveatCode = (typeof TERRITORY_CAVEATS)[number];

export interface TerritoryCaveat {
  code: TerritoryCaveatCode;
  params: Record<string, string | number>;
}

/** The document `plateau territories --json` prints and `/api/…/territories` serves. */
export interface TerritoryDocument {
  campaign: { id: string; name: string; start: string; days: number; year: number };
  population: { year: number; inForce: number; source: string; total: number };
  register: RegisterSummary;
  modalities: Modality[];
  /** What each figure rests on, by field name of `TerritoryFigures`. */
  provenance: Record<string, { kinds: Provenance[]; detail: string }>;
  references: ReferenceFigure[];
  national: TerritoryFigures;
  regions: TerritoryFigures[];
  departments: TerritoryFigures[];
  /** Campaign sites placed in no département (no `department`, no register row): counted nationally only. */
  unplaced: { sites: string[]; machines: number };
  /** Limits the reader must see, as codes the screens and reports put in words (i18n `territory.caveat.<code>`). */
  caveats: TerritoryCaveat[];
}
