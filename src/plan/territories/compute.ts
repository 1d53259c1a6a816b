/**
 * The territorial figures of planning.md §2, for the nation, its regions and its départements.
 * The fleet is placed once (register rows in service on the campaign's first day, plus campaign
 * machines no row names) and grouped by département; a region or the nation pools the groups of
 * its départements, so every figure is computed by one function over one group. Sums are kept in
 * integers until the end, which makes the result independent of the order of the rows.
 */
import type { Modality, RegisterSector, SurveyAnswer } from '../../core/kit-types.ts';
import { MODALITIES } from '../../core/kit-types.ts';
import type { Quantiles } from '../../core/stats.ts';
import { quantileSorted, quantiles, quantilesInPlace, sortedFinite } from '../../core/stats.ts';
import { departmentCodeIn } from './department-code.ts';
import type {
  Completeness,
  Density,
  ExamsPerThousand,
  FleetAge,
  Gap,
  NightCoverage,
  PopulationTable,
  Provenance,
  ReferenceFigure,
  RegisterSummary,
  TerritoryCaveat,
  TerritoryDocument,
  TerritoryFigures,
  TerritoryInput,
  TerritoryLevel,
  TerritoryMachine,
  UnitCounts,
  Waiting,
} from './types.ts';

/** Age (years) from which the forfait technique's amortisation is over. */
export const AMORTISED_AGE = 7;
/** Age (years) from which a machine is counted as to renew (choice). */
export const RENEW_AGE = 10;
/** A site with this many machines or more is "regrouped". */
export const REGROUPED_SITE_MACHINES = 3;
/** Years between the campaign and the population beyond which a caveat is raised. */
export const POPULATION_YEAR_TOLERANCE = 2;

const MILLION = 1_000_000;
const DAYS_PER_YEAR = 365;
const DAYS_PER_WEEK = 7;

/** The nation's code and name in the document. */
export const NATION = { code: 'FR', name: 'France' } as const;

/** A machine counted in the fleet of a territory (in service on the campaign's first day). */
interface Counted {
  finess: string;
  modality: Modality;
  sector: RegisterSector | null;
  installedYear: number | null;
  department: string | null;
  /** A register machine absent from the campaign: its exams are imputed. */
  imputed: boolean;
}

/** A campaign machine and the département it stands in. */
interface Measured {
  machine: TerritoryMachine;
  department: string | null;
}

/** What one territory's figures are computed from. */
interface Group {
  counted: Counted[];
  measured: Measured[];
  survey: SurveyAnswer[];
}

/** What every territory shares: options resolved once. */
interface Context {
  modalities: readonly Modality[];
  days: number;
  year: number;
  /** Median passages per week of the campaign machines, per modality (`null` without any). */
  medianPassages: Partial<Record<Modality, number | null>>;
  gaps: Omit<Gap, 'machines'>[];
  nightMriByDepartment: ReadonlyMap<string, number>;
}

/**
 * The INSEE code of a département among the given table's (`1` → `01`, `2a` → `2A`, `9A` →
 * `971`), or `null` when the table has no such département. Matched against the input's table,
 * never the shipped one, so that a computation depends on its input alone.
 */
export function departmentOf(
  code: string | null | undefined,
  known: ReadonlySet<string>,
): string | null {
  return departmentCodeIn(code, known);
}

/**
 * Machines missing to reach a reference density: max(0, ⌈density × population / 10⁶ − units⌉).
 * The difference is rounded to 1e-9 before the ceiling, so that a product that should be an
 * integer (2 written 2.0000000001 by floating point) does not count one machine too many.
 *
 * @example
 * gapMachines(12, 500_000, 4); // 2 (6 machines expected, 4 in service)
 */
export function gapMachines(unitsPerMillion: number, population: number, units: number): number {
  const raw = (unitsPerMillion * population) / MILLION - units;
  return Math.max(0, Math.ceil(Math.round(raw * 1e9) / 1e9));
}

/** `count ÷ population × 10⁶`, `null` for an empty population. */
function perMillion(count: number, population: number): number | null {
  return population > 0 ? (count / population) * MILLION : null;
}

function shareOf(part: number, whole: number): number | null {
  return whole > 0 ? part / whole : null;
}

function perModality<T>(
  modalities: readonly Modality[],
  f: (m: Modality) => T,
): Partial<Record<Modality, T>> {
  const out: Partial<Record<Modality, T>> = {};
  for (const m of modalities) out[m] = f(m);
  return out;
}

/**
 * Pooled P20/P50/P80 (type 7, as the benchmark pools exam samples) of several samples; values
 * that are not finite are left out, as `quantiles` does. Delays are whole days, so when every
 * value is an integer in a short range the order statistics are read from a histogram (linear
 * time, no copy); otherwise the values are copied and selected (`quantilesInPlace`).
 */
export function pooledQuantiles(parts: readonly ArrayLike<number>[]): Quantiles {
  let n = 0;
  let min = Infinity;
  let max = -Infinity;
  let integers = true;
  for (const p of parts) {
    for (let i = 0; i < p.length; i++) {
      const v = p[i] as number;
      if (!Number.isFinite(v)) continue;
      n++;
      if (v < min) min = v;
      if (v > max) max = v;
      if (integers && !Number.isInteger(v)) integers = false;
    }
  }
  if (n === 0) return { n: 0, p20: null, p50: null, p80: null };
  if (integers && max - min <= HISTOGRAM_MAX_RANGE) return histogramQuantiles(parts, n, min, max);
  const all = new Float64Array(n);
  let at = 0;
  for (const p of parts) {
    for (let i = 0; i < p.length; i++) {
      const v = p[i] as number;
      if (Number.isFinite(v)) all[at++] = v;
    }
  }
  return quantilesInPlace(all);
}

/** Widest range of whole values counted in a histogram rather than selected. */
const HISTOGRAM_MAX_RANGE = 100_000;

function histogramQuantiles(
  parts: readonly ArrayLike<number>[],
  n: number,
  min: number,
  max: number,
): Quantiles {
  const counts = new Int32Array(max - min + 1);
  for (const p of parts) {
    for (let i = 0; i < p.length; i++) {
      const v = p[i] as number;
      if (Number.isFinite(v)) counts[v - min] = (counts[v - min] as number) + 1;
    }
  }
  // the value of rank k (0-based) in sorted order: walk the cumulative counts
  const at = (k: number): number => {
    let seen = 0;
    for (let j = 0; j < counts.length; j++) {
      seen += counts[j] as number;
      if (seen > k) return min + j;
    }
    return max;
  };
  const q = (p: number): number => {
    const h = (n - 1) * p;
    const lo = Math.floor(h);
    const a = at(lo);
    if (h === lo) return a;
    return a + (h - lo) * (at(Math.min(lo + 1, n - 1)) - a);
  };
  return { n, p20: q(0.2), p50: q(0.5), p80: q(0.8) };
}

function unitCounts(counted: readonly Counted[], modality: Modality): UnitCounts {
  const u: UnitCounts = { total: 0, hospital: 0, privatePractice: 0, unknownSector: 0 };
  for (const c of counted) {
    if (c.modality !== modality) continue;
    u.total++;
    if (c.sector === 'hospital') u.hospital++;
    else if (c.sector === 'private_practice') u.privatePractice++;
    else u.unknownSector++;
  }
  return u;
}

function density(u: UnitCounts, population: number): Density {
  return {
    total: perMillion(u.total, population),
    hospital: perMillion(u.hospital, population),
    privatePractice: perMillion(u.privatePractice, population),
  };
}

/**
 * Annualised exams: a campaign machine's exams × 365 / days (measured); a register machine absent
 * from the campaign, the median passages per week of its modality × 365 / 7 (imputed). Without a
 * campaign machine of the modality the imputation cannot be made: the value is then `null`.
 */
function examsPerThousand(
  group: Group,
  modality: Modality,
  population: number,
  ctx: Context,
): ExamsPerThousand {
  let exams = 0;
  for (const { machine } of group.measured)
    if (machine.modality === modality) exams += machine.exams;
  let imputedMachines = 0;
  for (const c of group.counted) if (c.imputed && c.modality === modality) imputedMachines++;
  const median = ctx.medianPassages[modality] ?? null;
  const measuredExams = (exams * DAYS_PER_YEAR) / ctx.days;
  const imputedExams =
    median === null ? 0 : (imputedMachines * median * DAYS_PER_YEAR) / DAYS_PER_WEEK;
  const annualExams = measuredExams + imputedExams;
  const computable = population > 0 && (imputedMachines === 0 || median !== null);
  return {
    value: computable ? (annualExams / population) * 1000 : null,
    annualExams,
    measuredExams,
    imputedExams,
    imputedMachines,
  };
}

function imputedShareOf(e: ExamsPerThousand, ctx: Context, modality: Modality): number | null {
  if (e.imputedMachines > 0 && (ctx.medianPassages[modality] ?? null) === null) return null;
  return shareOf(e.imputedExams, e.annualExams);
}

/**
 * Fleet age = campaign year − installed year. An installed year after the campaign's year is
 * read as unknown: the register then describes a later machine of the same authorisation.
 */
function fleetAge(counted: readonly Counted[], modality: Modality, year: number): FleetAge {
  let known = 0;
  let unknown = 0;
  let sum = 0;
  let atLeast7 = 0;
  let atLeast10 = 0;
  for (const c of counted) {
    if (c.modality !== modality) continue;
    if (c.installedYear === null || c.installedYear > year) {
      unknown++;
      continue;
    }
    const age = year - c.installedYear;
    known++;
    sum += age;
    if (age >= AMORTISED_AGE) atLeast7++;
    if (age >= RENEW_AGE) atLeast10++;
  }
  return {
    known,
    unknown,
    meanYears: known > 0 ? sum / known : null,
    atLeast7,
    atLeast10,
    shareAtLeast7: shareOf(atLeast7, known),
    shareAtLeast10: shareOf(atLeast10, known),
    toRenew: atLeast10,
  };
}

/** Platform classes of the territory's sites, over both modalities whatever the options. */
function completeness(counted: readonly Counted[]): Completeness {
  const sites = new Map<string, { CT: number; MR: number }>();
  for (const c of counted) {
    let s = sites.get(c.finess);
    if (!s) sites.set(c.finess, (s = { CT: 0, MR: 0 }));
    s[c.modality]++;
  }
  let complete = 0;
  let ctOnly = 0;
  let mriOnly = 0;
  let regrouped = 0;
  for (const s of sites.values()) {
    if (s.CT > 0 && s.MR > 0) complete++;
    else if (s.CT > 0) ctOnly++;
    else mriOnly++;
    if (s.CT + s.MR >= REGROUPED_SITE_MACHINES) regrouped += s.CT + s.MR;
  }
  const n = sites.size;
  return {
    sites: n,
    complete,
    ctOnly,
    mriOnly,
    shareComplete: shareOf(complete, n),
    shareCtOnly: shareOf(ctOnly, n),
    shareMriOnly: shareOf(mriOnly, n),
    machinesPerSite: shareOf(counted.length, n),
    regroupedShare: shareOf(regrouped, counted.length),
  };
}

function nightCoverage(
  group: Group,
  population: number,
  ctx: Context,
  departments: readonly string[] | null,
): NightCoverage {
  const count = (test: (m: TerritoryMachine) => boolean): number => {
    let n = 0;
    for (const { machine } of group.measured) if (test(machine)) n++;
    return n;
  };
  const onCall = perModality(ctx.modalities, (mod) =>
    count((m) => m.modality === mod && m.significantOnCall),
  );
  const nightMri = count((m) => m.modality === 'MR' && m.nightAccess);
  return {
    campaignMachines: perModality(ctx.modalities, (mod) => count((m) => m.modality === mod)),
    significantOnCall: onCall,
    significantOnCallPerMillion: perModality(ctx.modalities, (mod) =>
      perMillion(onCall[mod] ?? 0, population),
    ),
    nightMriMachines: nightMri,
    nightMriPerMillion: perMillion(nightMri, population),
    nightMriAccess: nightMri > 0,
    departmentsWithoutNightMri:
      departments === null
        ? []
        : departments.filter((d) => (ctx.nightMriByDepartment.get(d) ?? 0) === 0),
  };
}

function waiting(group: Group, modality: Modality): Waiting {
  return {
    realised: pooledQuantiles(
      group.measured
        .filter(({ machine }) => machine.modality === modality)
        .map(({ machine }) => machine.appointmentDelayDays),
    ),
    survey: quantiles(group.survey.filter((a) => a.modality === modality).map((a) => a.days)),
  };
}

interface TerritoryMeta {
  level: TerritoryLevel;
  code: string;
  name: string;
  region: string | null;
  population: number;
  /** Départements of a nation or region (for those without night MRI); `null` for a département. */
  departments: readonly string[] | null;
}

function territoryFigures(meta: TerritoryMeta, group: Group, ctx: Context): TerritoryFigures {
  const { population } = meta;
  const units = perModality(ctx.modalities, (m) => unitCounts(group.counted, m));
  const exams = perModality(ctx.modalities, (m) => examsPerThousand(group, m, population, ctx));
  return {
    level: meta.level,
    code: meta.code,
    name: meta.name,
    region: meta.region,
    population,
    units,
    unitsPerMillion: perModality(ctx.modalities, (m) =>
      density(units[m] as UnitCounts, population),
    ),
    examsPer1000: exams,
    imputedShare: perModality(ctx.modalities, (m) =>
      imputedShareOf(exams[m] as ExamsPerThousand, ctx, m),
    ),
    gapTo: ctx.gaps.map((g) => ({
      ...g,
      machines: gapMachines(g.unitsPerMillion, population, (units[g.modality] as UnitCounts).total),
    })),
    fleetAge: perModality(ctx.modalities, (m) => fleetAge(group.counted, m, ctx.year)),
    completeness: completeness(group.counted),
    nightCoverage: nightCoverage(group, population, ctx, meta.departments),
    waiting: perModality(ctx.modalities, (m) => waiting(group, m)),
  };
}

/** The OECD average units per million of a modality: of `year`, else the latest; a loaded figure wins a tie. */
function oecdDensity(
  references: readonly ReferenceFigure[],
  modality: Modality,
  year: number | undefined,
): ReferenceFigure | null {
  let best: ReferenceFigure | null = null;
  for (const r of references) {
    if (
      r.measure !== 'unitsPerMillion' ||
      r.area !== 'OECD' ||
      r.sector !== null ||
      r.modality !== modality
    )
      continue;
    if (year !== undefined && r.year !== year) continue;
    if (!Number.isFinite(r.value)) continue;
    if (
      best === null ||
      r.year > best.year ||
      (r.year === best.year && r.origin === 'loaded' && best.origin !== 'loaded')
    )
      best = r;
  }
  return best;
}

/** A register row is in service on `start` by its date put into service, else its authorisation; with neither it counts. */
type ServiceState = 'in-service' | 'by-authorisation' | 'date-unknown' | 'not-yet';

function serviceState(
  inServiceOn: string | null,
  authorisedOn: string | null,
  start: string,
): ServiceState {
  if (inServiceOn !== null) return inServiceOn <= start ? 'in-service' : 'not-yet';
  if (authorisedOn !== null) return authorisedOn <= start ? 'by-authorisation' : 'not-yet';
  return 'date-unknown';
}

/**
 * Places the fleet: register rows in service on the campaign's first day, in their département;
 * campaign machines no usable row names, added in their site's département (or unplaced).
 * A row whose département the table lacks is set aside entirely (listed), as if absent.
 */
function placeFleet(input: TerritoryInput, known: ReadonlySet<string>) {
  const { campaign, machines, register } = input;
  const campaignIds = new Set(machines.map((m) => m.equipmentId));
  const summary: RegisterSummary = {
    source: register === null ? 'campaign-only' : 'register',
    rows: register?.length ?? 0,
    inService: 0,
    notYetInService: 0,
    addedFromCampaign: 0,
    serviceDateFromAuthorisation: 0,
    serviceDateUnknown: 0,
    unknownDepartments: [],
  };
  const unknown = new Set<string>();
  const counted: Counted[] = [];
  /** Département of each campaign machine a usable row names (the smallest code if rows disagree). */
  const namedDepartment = new Map<string, string>();
  /** Département of each site by its register rows (the smallest code if rows disagree). */
  const rowSiteDepartment = new Map<string, string>();
  const keepSmallest = (map: Map<string, string>, key: string, dep: string): void => {
    const was = map.get(key);
    if (was === undefined || dep < was) map.set(key, dep);
  };
  for (const row of register ?? []) {
    const department = departmentOf(row.department, known);
    if (department === null) {
      unknown.add(row.department);
      continue;
    }
    keepSmallest(rowSiteDepartment, row.finess, department);
    if (row.equipmentId !== null) keepSmallest(namedDepartment, row.equipmentId, department);
    const state = serviceState(row.inServiceOn, row.authorisedOn, campaign.start);
    if (state === 'not-yet') {
      summary.notYetInService++;
      continue;
    }
    summary.inService++;
    if (state === 'by-authorisation') summary.serviceDateFromAuthorisation++;
    if (state === 'date-unknown') summary.serviceDateUnknown++;
    counted.push({
      finess: row.finess,
      modality: row.modality,
      sector: row.sector,
      installedYear: row.installedYear,
      department,
      imputed: row.equipmentId === null || !campaignIds.has(row.equipmentId),
    });
  }
  summary.unknownDepartments = [...unknown].sort();

  const establishmentDepartment = new Map<string, string>();
  for (const e of input.establishments) {
    const d = departmentOf(e.department, known);
    if (d !== null && !establishmentDepartment.has(e.finess))
      establishmentDepartment.set(e.finess, d);
  }
  const siteDepartment = (finess: string): string | null =>
    establishmentDepartment.get(finess) ?? rowSiteDepartment.get(finess) ?? null;

  const measured: Measured[] = [];
  for (const m of machines) {
    const named = namedDepartment.get(m.equipmentId);
    const department = named ?? siteDepartment(m.finess);
    measured.push({ machine: m, department });
    if (named === undefined) {
      summary.addedFromCampaign++;
      counted.push({
        finess: m.finess,
        modality: m.modality,
        sector: null,
        installedYear: m.installedYear,
        department,
        imputed: false,
      });
    }
  }
  const survey = input.survey.map((answer) => ({
    answer,
    department: siteDepartment(answer.finess),
  }));
  return { summary, counted, measured, survey };
}

function emptyGroup(): Group {
  return { counted: [], measured: [], survey: [] };
}

function mergeGroups(groups: readonly Group[]): Group {
  const out = emptyGroup();
  for (const g of groups) {
    out.counted.push(...g.counted);
    out.measured.push(...g.measured);
    out.survey.push(...g.survey);
  }
  return out;
}

function provenanceOf(
  summary: RegisterSummary,
  population: PopulationTable,
  imputedMachines: number,
  gaps: readonly Omit<Gap, 'machines'>[],
): TerritoryDocument['provenance'] {
  const fleet: Provenance[] = [];
  if (summary.source === 'register') fleet.push('declared');
  if (summary.addedFromCampaign > 0) fleet.push('measured');
  const fleetDetail =
    summary.source === 'register'
      ? `equipment register: machines in service on the campaign's first day${summary.addedFromCampaign > 0 ? `, plus ${summary.addedFromCampaign} campaign machine(s) no row names (sector unknown)` : ''}`
      : 'campaign machines alone (no register): a floor of the fleet';
  const pop = `population: ${population.source}`;
  const exams: Provenance[] =
    imputedMachines > 0 ? ['measured', 'imputed', 'reference'] : ['measured', 'reference'];
  const gapKinds = new Set<Provenance>(['declared', 'reference']);
  for (const g of gaps) gapKinds.add(g.provenance);
  return {
    population: { kinds: ['reference'], detail: pop },
    units: { kinds: fleet, detail: fleetDetail },
    unitsPerMillion: { kinds: [...fleet, 'reference'], detail: `${fleetDetail}; ${pop}` },
    examsPer1000: {
      kinds: exams,
      detail: `campaign exams × 365 / campaign days; register machines absent from the campaign: median passages per week of their modality × 365 / 7 (imputed); ${pop}`,
    },
    imputedShare: {
      kinds: imputedMachines > 0 ? ['measured', 'imputed'] : ['measured'],
      detail: 'imputed exams ÷ annualised exams',
    },
    gapTo: {
      kinds: [...gapKinds],
      detail:
        'max(0, ⌈reference density × population / 10⁶ − units⌉): national density, OECD average (published), or a typed target',
    },
    fleetAge: {
      kinds: fleet,
      detail: `campaign year − installed year (register); ≥ ${AMORTISED_AGE} and ≥ ${RENEW_AGE} years; to renew: ≥ ${RENEW_AGE}`,
    },
    completeness: {
      kinds: fleet,
      detail:
        'sites with CT and MRI, CT only, MRI only; machines per site; machines on sites with 3 or more',
    },
    nightCoverage: {
      kinds: ['measured'],
      detail:
        'campaign machines: significant on-call (> 90 h/week of on-call ∪ emergency); MRI with on-call or emergency sessions at night (20:00–08:00)',
    },
    waiting: {
      kinds: ['measured', 'declared'],
      detail:
        "realised delays of the campaign's exams (measured); the appointment survey's answers of the territory's sites (declared)",
    },
  };
}

/**
 * Every territorial figure of a campaign (planning.md §2): units per million, exams per 1,000,
 * gaps to reference densities, fleet age, platform completeness, night coverage and waits, for
 * the nation (the table's départements), each region of the table and each département.
 *
 * @example
 * const doc = computeTerritories({ campaign, establishments, machines, register, survey, population, references });
 * doc.national.unitsPerMillion.CT?.total; // CT units per million inhabitants
 */
export function computeTerritories(input: TerritoryInput): TerritoryDocument {
  const { campaign, population, references, options = {} } = input;
  const wanted = options.modalities ?? MODALITIES;
  const modalities = MODALITIES.filter((m) => wanted.includes(m));
  const year = Number(campaign.start.slice(0, 4));
  const known = new Set(population.departments.map((d) => d.code));
  const { summary, counted, measured, survey } = placeFleet(input, known);

  // Groups by département; what no département holds (unplaced) counts in the nation only.
  const groups = new Map<string, Group>(population.departments.map((d) => [d.code, emptyGroup()]));
  const unplaced = emptyGroup();
  const groupOf = (d: string | null): Group =>
    d === null ? unplaced : (groups.get(d) ?? unplaced);
  for (const c of counted) groupOf(c.department).counted.push(c);
  for (const m of measured) groupOf(m.department).measured.push(m);
  for (const s of survey) groupOf(s.department).survey.push(s.answer);
  const nation = mergeGroups([...groups.values(), unplaced]);
  const total = population.departments.reduce((s, d) => s + d.population, 0);

  const medianPassages = perModality(modalities, (mod) =>
    quantileSorted(
      sortedFinite(input.machines.filter((m) => m.modality === mod).map((m) => m.passagesPerWeek)),
      0.5,
    ),
  );
  const gaps: Omit<Gap, 'machines'>[] = [];
  for (const ref of options.gapTo ?? [{ kind: 'national' }, { kind: 'oecd' }]) {
    for (const modality of modalities) {
      if (ref.kind === 'national') {
        const d = perMillion(unitCounts(nation.counted, modality).total, total);
        if (d !== null)
          gaps.push({
            reference: 'national',
            modality,
            year: null,
            unitsPerMillion: d,
            provenance: 'declared',
          });
      } else if (ref.kind === 'oecd') {
        const r = oecdDensity(references, modality, ref.year);
        if (r)
          gaps.push({
            reference: 'oecd',
            modality,
            year: r.year,
            unitsPerMillion: r.value,
            provenance: 'reference',
          });
      } else if (ref.modality === modality && Number.isFinite(ref.unitsPerMillion)) {
        gaps.push({
          reference: 'target',
          modality,
          year: null,
          unitsPerMillion: ref.unitsPerMillion,
          provenance: 'input',
        });
      }
    }
  }
  const nightMriByDepartment = new Map<string, number>();
  for (const [code, g] of groups) {
    nightMriByDepartment.set(
      code,
      g.measured.filter(({ machine }) => machine.modality === 'MR' && machine.nightAccess).length,
    );
  }
  const ctx: Context = {
    modalities,
    days: campaign.days,
    year,
    medianPassages,
    gaps,
    nightMriByDepartment,
  };

  const allCodes = population.departments.map((d) => d.code);
  const national = territoryFigures(
    {
      level: 'nation',
      code: NATION.code,
      name: NATION.name,
      region: null,
      population: total,
      departments: allCodes,
    },
    nation,
    ctx,
  );
  const regions = population.regions.map((r) => {
    const deps = population.departments.filter((d) => d.region === r.code);
    return territoryFigures(
      {
        level: 'region',
        code: r.code,
        name: r.name,
        region: null,
        population: deps.reduce((s, d) => s + d.population, 0),
        departments: deps.map((d) => d.code),
      },
      mergeGroups(deps.map((d) => groups.get(d.code) as Group)),
      ctx,
    );
  });
  const departments = population.departments.map((d) =>
    territoryFigures(
      {
        level: 'department',
        code: d.code,
        name: d.name,
        region: d.region,
        population: d.population,
        departments: null,
      },
      groups.get(d.code) as Group,
      ctx,
    ),
  );

  let imputedMachines = 0;
  for (const m of modalities) imputedMachines += national.examsPer1000[m]?.imputedMachines ?? 0;
  const caveats: TerritoryCaveat[] = [{ code: 'place-of-machine', params: {} }];
  if (imputedMachines > 0)
    caveats.push({ code: 'imputed-exams', params: { machines: imputedMachines } });
  if (Math.abs(year - population.year) > POPULATION_YEAR_TOLERANCE) {
    caveats.push({
      code: 'population-year',
      params: { populationYear: population.year, campaignYear: year },
    });
  }
  if (input.register === null)
    caveats.push({ code: 'campaign-only', params: { machines: input.machines.length } });
  caveats.push({ code: 'campaign-sample', params: { machines: input.machines.length } });

  return {
    campaign: {
      id: campaign.id,
      name: campaign.name,
      start: campaign.start,
      days: campaign.days,
      year,
    },
    population: {
      year: population.year,
      inForce: population.inForce,
      source: population.source,
      total,
    },
    register: summary,
    modalities: [...modalities],
    provenance: provenanceOf(summary, population, imputedMachines, gaps),
    references: [...references],
    national,
    regions,
    departments,
    unplaced: {
      sites: [...new Set(unplaced.measured.map(({ machine }) => machine.finess))].sort(),
      machines: unplaced.counted.length,
    },
    caveats,
  };
}
