/**
 * The whole French fleet of the synthetic campaign's year (`equipment-register.csv`), in which
 * the campaign's machines are a sample. Counts are the published densities times the shipped
 * population, not the year's own machine counts: CT 11.8 per million (OECD Health Statistics,
 * 2010) and MRI 618 installed units in 2011 (Imagerie Santé Avenir) over the 65.35 million
 * inhabitants of France (metropole and DOM) on 1 January 2012 (INSEE Première n° 1385,
 * "Bilan démographique 2011"), i.e. 9.46 per million. With the 2023 population (≈ 68.4 million)
 * that gives ≈ 807 CT (rather than the ≈ 770 of 2010's smaller population) and ≈ 646 MRI.
 *
 * Départements share them in proportion to population × a density factor (university
 * départements and the south higher, Paris highest, the outer Paris suburbs, the rural centre
 * and overseas lower, MRI lower where the 2015–2016 waits were longest), with at least one CT
 * everywhere, one MRI everywhere but Mayotte (none there in 2010), and at least the campaign's
 * own machines. Sectors follow the only published split (OECD 2018 MRI: 8.4 hospital + 6.4
 * private practice per million, i.e. 57 % hospital), applied to both modalities; the campaign's
 * machines keep their site's sector (`registerSector`), the other machines stand at invented
 * sites (complete CT+MRI platforms, CT-only hospitals, MRI-only practices).
 *
 * Whatever the campaign's size (`--machines M`), the register covers the nation at these
 * densities with the campaign's machines inside it; only a campaign bigger than that fleet
 * raises the counts. Everything is drawn from the stream handed in, so the campaign's other
 * draws are untouched.
 */
import type {
  Campaign,
  Equipment,
  Establishment,
  LegalStatus,
  Modality,
  RegisterMachine,
  RegisterSector,
} from '../core/kit-types.ts';
import type { PopulationTable } from '../plan/territories/types.ts';
import { luhnDigit, newFiness } from './geography.ts';
import type { Rng } from './random.ts';

/** CT scanners per million inhabitants, France 2010 (OECD Health Statistics). */
export const CT_PER_MILLION = 11.8;
/** MRI units installed in France in 2011 (Imagerie Santé Avenir, Le Quotidien du Médecin). */
export const MRI_UNITS_2011 = 618;
/** France (metropole and DOM, Mayotte aside) on 1 January 2012: INSEE Première n° 1385. */
export const FRANCE_POPULATION_2011 = 65_350_000;
/** MRI units per million inhabitants: 618 / 65.35 ≈ 9.46. */
export const MRI_PER_MILLION = (MRI_UNITS_2011 / FRANCE_POPULATION_2011) * 1_000_000;
/** Hospital share of the fleet: OECD 2018 MRI, 8.4 hospital of 14.8 per million (≈ 0.568). */
export const HOSPITAL_SHARE = 8.4 / (8.4 + 6.4);
/** Mean age (campaign year − installed year) the whole register aims at. */
export const TARGET_MEAN_AGE = 6;
/** Oldest machine of the register, in years. */
export const MAX_AGE = 15;

/** Départements without an MRI in the campaign's year (Mayotte's first came after 2010). */
const NO_MRI: ReadonlySet<string> = new Set(['976']);

/** Density factor by (current) region: the south higher, the centre and overseas lower. */
const REGION_FACTOR: Readonly<Record<string, number>> = {
  '93': 1.2, // Provence-Alpes-Côte d'Azur
  '76': 1.15, // Occitanie
  '94': 1.1, // Corse
  '75': 1.05, // Nouvelle-Aquitaine
  '24': 0.8, // Centre-Val de Loire
  '27': 0.85, // Bourgogne-Franche-Comté
  '28': 0.9, // Normandie
  '32': 0.95, // Hauts-de-France
  '52': 0.95, // Pays de la Loire
  '53': 0.95, // Bretagne
  '01': 0.8, // Guadeloupe
  '02': 0.85, // Martinique
  '03': 0.6, // Guyane
  '04': 0.8, // La Réunion
  '06': 0.35, // Mayotte
};

/** Départements with a university hospital (CHU): regional referral platforms. */
const UNIVERSITY: ReadonlySet<string> = new Set(
  '06 13 14 21 25 29 30 31 33 34 35 37 38 42 44 49 51 54 59 63 67 69 75 76 80 86 87 971 972 974'.split(
    ' ',
  ),
);

/** Rural départements of the centre and the north-east diagonal. */
const RURAL: ReadonlySet<string> = new Set(
  '03 08 09 12 15 18 23 32 36 43 46 48 52 55 58 70 89'.split(' '),
);

/** Paris and its suburbs: hospitals in Paris, patients around it. */
const PARIS_FACTOR: Readonly<Record<string, number>> = {
  '75': 1.5,
  '77': 0.7,
  '78': 0.85,
  '91': 0.7,
  '93': 0.7,
  '95': 0.7,
};

/**
 * MRI only: where the 2015–2016 MRI waits were longest (Imagerie Santé Avenir / Cemka-Eval:
 * Pays de la Loire, Bretagne, Centre, Alsace), by region and by département (Alsace).
 */
const MRI_WAIT_REGIONS: ReadonlySet<string> = new Set(['24', '52', '53']);
const MRI_WAIT_DEPARTMENTS: ReadonlySet<string> = new Set(['67', '68']);
const MRI_WAIT_FACTOR = 0.85;

/** Density factor of a département (before its noise). */
function densityFactor(code: string, region: string): number {
  return (
    (REGION_FACTOR[region] ?? 1) *
    (UNIVERSITY.has(code) ? 1.3 : 1) *
    (PARIS_FACTOR[code] ?? 1) *
    (RURAL.has(code) ? 0.8 : 1)
  );
}

/** Private practice weighs more in the south and Paris, less in rural départements and overseas. */
function hospitalBias(code: string, region: string): number {
  if (code === '75') return 0.9;
  if (code.length === 3) return 1.2;
  if (RURAL.has(code)) return 1.3;
  return ['93', '76', '94'].includes(region) ? 0.8 : 1;
}

/**
 * The register sector of a campaign site's legal status: liberal practices are private
 * practice; public, university, military, not-for-profit and private hospitals (clinics are
 * hospitals in the OECD sense) and the GCS and GIE they run are hospital.
 *
 * @example
 * registerSector('LIBERAL'); // 'private_practice'
 * registerSector('PRIVATE'); // 'hospital'
 */
export function registerSector(status: LegalStatus): RegisterSector {
  return status === 'LIBERAL' ? 'private_practice' : 'hospital';
}

/** What the register needs of the campaign's plan. */
export interface RegisterPlanInput {
  campaign: Campaign;
  establishments: readonly Establishment[];
  equipment: readonly Equipment[];
}

/**
 * Integer counts summing to `total` (when the bounds allow), proportional to `weights` by the
 * Sainte-Laguë method, each between `floors[i]` and `caps[i]`; a tie goes to the first index.
 */
export function allocate(
  weights: readonly number[],
  total: number,
  floors: readonly number[],
  caps?: readonly number[],
): number[] {
  const counts = floors.slice();
  let left = total - counts.reduce((s, c) => s + c, 0);
  while (left > 0) {
    let best = -1;
    let bestScore = -1;
    for (let i = 0; i < counts.length; i++) {
      const c = counts[i] as number;
      if (caps && c >= (caps[i] as number)) continue;
      const score = (weights[i] as number) / (2 * c + 1);
      if (score > bestScore) {
        bestScore = score;
        best = i;
      }
    }
    if (best < 0) break;
    counts[best] = (counts[best] as number) + 1;
    left--;
  }
  return counts;
}

/** Machines of one sector at one invented site. */
interface SiteDraft {
  ct: number;
  mr: number;
}

/** How machines of one sector gather into sites. */
interface SiteStyle {
  /** Chance that a CT and an MRI are on one site (while both remain). */
  complete: number;
  /** Chance that a further machine joins a complete site. */
  join: number;
  /** Chance that it joins a site of its own modality only. */
  pair: number;
}

/** Hospitals: mostly complete platforms; MRI-only ones are shared (GIE, GCS) units. */
const HOSPITAL_STYLE: SiteStyle = { complete: 0.75, join: 0.3, pair: 0.15 };
/** Private practices: complete imaging centres, MRI-only and CT-only cabinets. */
const PRACTICE_STYLE: SiteStyle = { complete: 0.5, join: 0.25, pair: 0.2 };

function buildSites(ct: number, mr: number, style: SiteStyle, rng: Rng): SiteDraft[] {
  const sites: SiteDraft[] = [];
  const pairs = Math.min(ct, mr);
  for (let k = 0; k < pairs; k++) {
    if (!rng.chance(style.complete)) continue;
    sites.push({ ct: 1, mr: 1 });
    ct--;
    mr--;
  }
  const place = (modality: 'ct' | 'mr'): void => {
    const other = modality === 'ct' ? 'mr' : 'ct';
    const complete = sites.filter((s) => s.ct > 0 && s.mr > 0);
    if (complete.length > 0 && rng.chance(style.join)) {
      rng.pick(complete)[modality]++;
      return;
    }
    const alone = sites.filter((s) => s[modality] > 0 && s[other] === 0);
    if (alone.length > 0 && rng.chance(style.pair)) {
      rng.pick(alone)[modality]++;
      return;
    }
    sites.push(modality === 'ct' ? { ct: 1, mr: 0 } : { ct: 0, mr: 1 });
  };
  for (; ct > 0; ct--) place('ct');
  for (; mr > 0; mr--) place('mr');
  return rng.shuffle(sites);
}

/** `YYYY-MM-DD` of a UTC day number. */
function isoDay(day: number): string {
  return new Date(day * 86_400_000).toISOString().slice(0, 10);
}

function dayOf(date: string): number {
  return Math.floor(Date.parse(`${date}T00:00:00Z`) / 86_400_000);
}

/** A FINESS géographique id for an invented site: overseas ones start `970` + the DOM digit. */
function siteFiness(department: string, rng: Rng, taken: Set<string>): string {
  if (department.length === 2) return newFiness(department, rng, taken);
  for (;;) {
    const payload = `970${department.slice(2)}${String(rng.int(10_000)).padStart(4, '0')}`;
    const id = payload + String(luhnDigit(payload));
    if (!taken.has(id)) {
      taken.add(id);
      return id;
    }
  }
}

/**
 * Ratio of the truncated geometric law on 0…MAX_AGE whose mean is `mean` (bisection; the law
 * is flat at ratio 1, mean MAX_AGE / 2, and `mean` is kept within (0, MAX_AGE / 2]).
 */
function ageRatio(mean: number): number {
  const target = Math.min(MAX_AGE / 2, Math.max(0.5, mean));
  const meanOf = (r: number): number => {
    let w = 1;
    let sw = 0;
    let swa = 0;
    for (let a = 0; a <= MAX_AGE; a++, w *= r) {
      sw += w;
      swa += w * a;
    }
    return swa / sw;
  };
  let lo = 0.01;
  let hi = 1;
  for (let i = 0; i < 60; i++) {
    const mid = (lo + hi) / 2;
    if (meanOf(mid) < target) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

/** Dates of a machine in service before `startDay`: authorisation, then putting into service. */
function serviceDates(
  installedYear: number,
  year: number,
  startDay: number,
  rng: Rng,
): { authorisedOn: string; inServiceOn: string } {
  // A third of the machines renew an older authorisation: the site's service date predates them.
  const serviceYear = rng.chance(1 / 3)
    ? Math.max(1985, installedYear - 5 - rng.int(8))
    : installedYear;
  const first = dayOf(`${serviceYear}-01-01`);
  const last = serviceYear >= year ? Math.max(first, startDay - 1) : dayOf(`${serviceYear}-12-31`);
  const inService = Math.min(first + rng.int(last - first + 1), startDay);
  return { authorisedOn: isoDay(inService - 90 - rng.int(450)), inServiceOn: isoDay(inService) };
}

/** An invented authorisation number (FINESS `noautor`-like, 10 digits), unique. */
function authorisationId(rng: Rng, taken: Set<string>): string {
  for (;;) {
    const id = String(1_000_000_000 + rng.int(9_000_000_000));
    if (!taken.has(id)) {
      taken.add(id);
      return id;
    }
  }
}

/** Field strength written in a campaign MRI's label (`IRM 1 1,5 T`), else `null`. */
function teslaOfLabel(label: string | null): number | null {
  const m = /(\d+(?:[.,]\d+)?)\s*T\b/.exec(label ?? '');
  return m ? Number((m[1] as string).replace(',', '.')) : null;
}

/** Register rows left without `in_service_on` (counted on their authorisation date, flagged). */
export const BLANK_SERVICE_DATES = 5;

/**
 * Draws the register of the campaign's year: every département of `population`, the
 * campaign's machines once each (by `equipmentId`), the others at invented sites, plus one MRI
 * authorised but put into service after the campaign's first day (not counted). Rows are in
 * the population table's département order, then by site.
 *
 * @example
 * const register = generateRegister(plan, new Rng(deriveSeed(2010, 0x4e61)), POPULATION);
 * register.filter((m) => m.modality === 'CT').length; // ≈ 807
 */
export function generateRegister(
  plan: RegisterPlanInput,
  rng: Rng,
  population: PopulationTable,
): RegisterMachine[] {
  const year = Number(plan.campaign.start.slice(0, 4));
  const startDay = dayOf(plan.campaign.start);
  const deps = population.departments;
  const index = new Map(deps.map((d, i) => [d.code, i]));
  const sites = new Map(plan.establishments.map((e) => [e.finess, e]));

  // The campaign's machines: their département and sector.
  const campaignRows = plan.equipment.map((e) => {
    const est = sites.get(e.finess);
    const at = est?.department == null ? undefined : index.get(est.department);
    if (!est || at === undefined)
      throw new RangeError(
        `campaign machine ${e.equipmentId}: site ${e.finess} is in no département of the population table`,
      );
    return { equipment: e, at, sector: registerSector(est.legalStatus) };
  });
  const zeros = (): number[] => deps.map(() => 0);
  const campaignCount: Record<Modality, number[]> = { CT: zeros(), MR: zeros() };
  const campaignHospital: Record<Modality, number[]> = { CT: zeros(), MR: zeros() };
  for (const r of campaignRows) {
    const m = r.equipment.modality;
    campaignCount[m][r.at] = (campaignCount[m][r.at] as number) + 1;
    if (r.sector === 'hospital')
      campaignHospital[m][r.at] = (campaignHospital[m][r.at] as number) + 1;
  }

  // Density factors, with a département's own noise shared by both modalities.
  const base = deps.map((d) => densityFactor(d.code, d.region) * rng.lognormal(1, 0.12));
  const totalPopulation = deps.reduce((s, d) => s + d.population, 0);
  const perMillion: Record<Modality, number> = { CT: CT_PER_MILLION, MR: MRI_PER_MILLION };

  const finessTaken = new Set(plan.establishments.map((e) => e.finess));
  const authorisations = new Set<string>();
  const drafts: { at: number; sector: RegisterSector; ct: number; mr: number }[] = [];
  const nonCampaign: Record<Modality, Record<RegisterSector, number[]>> = {
    CT: { hospital: zeros(), private_practice: zeros() },
    MR: { hospital: zeros(), private_practice: zeros() },
  };

  for (const modality of ['CT', 'MR'] as const) {
    const weights = deps.map((d, i) => {
      const wait =
        modality === 'MR' && (MRI_WAIT_REGIONS.has(d.region) || MRI_WAIT_DEPARTMENTS.has(d.code))
          ? MRI_WAIT_FACTOR
          : 1;
      return d.population * (base[i] as number) * wait * rng.lognormal(1, 0.08);
    });
    const floors = deps.map((d, i) =>
      Math.max(
        modality === 'MR' && NO_MRI.has(d.code) ? 0 : 1,
        campaignCount[modality][i] as number,
      ),
    );
    const target = Math.round((perMillion[modality] * totalPopulation) / 1_000_000);
    const total = Math.max(
      target,
      floors.reduce((s, f) => s + f, 0),
    );
    const caps = deps.map((d) => (modality === 'MR' && NO_MRI.has(d.code) ? 0 : Infinity));
    const counts = allocate(weights, total, floors, caps);
    const rest = counts.map((c, i) => c - (campaignCount[modality][i] as number));
    const restTotal = rest.reduce((s, c) => s + c, 0);
    const campaignHospitals = (campaignHospital[modality] as number[]).reduce((s, c) => s + c, 0);
    // Each département keeps a hospital CT (its emergency department's).
    const hospitalFloors = rest.map((r, i): number =>
      modality === 'CT' && r > 0 && campaignHospital.CT[i] === 0 ? 1 : 0,
    );
    const hospitals = Math.min(
      restTotal,
      Math.max(
        Math.round(total * HOSPITAL_SHARE) - campaignHospitals,
        hospitalFloors.reduce((s, f) => s + f, 0),
      ),
    );
    const hospital = allocate(
      deps.map((d, i) => (rest[i] as number) * hospitalBias(d.code, d.region)),
      hospitals,
      hospitalFloors,
      rest,
    );
    nonCampaign[modality].hospital = hospital;
    nonCampaign[modality].private_practice = rest.map((r, i) => r - (hospital[i] as number));
  }

  for (let at = 0; at < deps.length; at++) {
    for (const sector of ['hospital', 'private_practice'] as const) {
      const style = sector === 'hospital' ? HOSPITAL_STYLE : PRACTICE_STYLE;
      const ct = nonCampaign.CT[sector][at] as number;
      const mr = nonCampaign.MR[sector][at] as number;
      for (const s of buildSites(ct, mr, style, rng)) drafts.push({ at, sector, ...s });
    }
  }

  // Ages: the campaign's are given; the others follow a truncated geometric law whose mean
  // brings the whole register to TARGET_MEAN_AGE.
  const campaignAges = plan.equipment.map((e) =>
    e.installedYear === null ? null : year - e.installedYear,
  );
  const knownAges = campaignAges.filter((a): a is number => a !== null);
  const others = drafts.reduce((s, d) => s + d.ct + d.mr, 0);
  const all = others + knownAges.length;
  const ratio = ageRatio(
    others > 0
      ? (TARGET_MEAN_AGE * all - knownAges.reduce((s, a) => s + a, 0)) / others
      : TARGET_MEAN_AGE,
  );
  const ageWeights = Array.from({ length: MAX_AGE + 1 }, (_, a) => ratio ** a);

  const rows: RegisterMachine[] = [];
  for (const r of campaignRows) {
    const e = r.equipment;
    const dates =
      e.installedYear === null
        ? { authorisedOn: null, inServiceOn: null }
        : serviceDates(e.installedYear, year, startDay, rng);
    rows.push({
      finess: e.finess,
      department: (deps[r.at] as (typeof deps)[number]).code,
      modality: e.modality,
      sector: r.sector,
      authorisationId: authorisationId(rng, authorisations),
      ...dates,
      installedYear: e.installedYear,
      fieldTesla: e.modality === 'MR' ? teslaOfLabel(e.label) : null,
      equipmentId: e.equipmentId,
      origin: 'register',
    });
  }
  const invented: RegisterMachine[] = [];
  for (const draft of drafts) {
    const department = (deps[draft.at] as (typeof deps)[number]).code;
    const finess = siteFiness(department, rng, finessTaken);
    for (const [modality, count] of [
      ['CT', draft.ct],
      ['MR', draft.mr],
    ] as const) {
      for (let k = 0; k < count; k++) {
        // A machine cannot be installed after the first day: in a January start, age 0 is last year.
        let installedYear = year - rng.weighted(ageWeights);
        if (installedYear === year && startDay <= dayOf(`${year}-01-01`)) installedYear--;
        invented.push({
          finess,
          department,
          modality,
          sector: draft.sector,
          authorisationId: authorisationId(rng, authorisations),
          ...serviceDates(installedYear, year, startDay, rng),
          installedYear,
          fieldTesla:
            modality === 'MR' ? (rng.chance(0.15) ? 3 : rng.chance(0.05) ? 1 : 1.5) : null,
          equipmentId: null,
          origin: 'register',
        });
      }
    }
  }
  // A few rows without a date put into service (counted on their authorisation, flagged), one
  // of them without any date (counted, flagged).
  const blanks = rng.shuffle(invented.map((_, i) => i)).slice(0, BLANK_SERVICE_DATES);
  blanks.forEach((i, k) => {
    const row = invented[i] as RegisterMachine;
    row.inServiceOn = null;
    if (k === 0) row.authorisedOn = null;
  });
  // One MRI authorised, to be put into service after the first day: a row that is not counted.
  const practices = invented.filter(
    (m) => m.sector === 'private_practice' && !NO_MRI.has(m.department),
  );
  const host = practices.length > 0 ? rng.pick(practices) : null;
  if (host) {
    const inService = startDay + 20 + rng.int(100);
    invented.push({
      finess: host.finess,
      department: host.department,
      modality: 'MR',
      sector: host.sector,
      authorisationId: authorisationId(rng, authorisations),
      authorisedOn: isoDay(startDay - 120 - rng.int(280)),
      inServiceOn: isoDay(inService),
      installedYear: null,
      fieldTesla: 1.5,
      equipmentId: null,
      origin: 'register',
    });
  }
  for (const m of invented) rows.push(m);

  const order = (m: RegisterMachine): number => index.get(m.department) as number;
  return rows.sort(
    (a, b) =>
      order(a) - order(b) ||
      (a.finess < b.finess ? -1 : a.finess > b.finess ? 1 : 0) ||
      (a.modality < b.modality ? -1 : a.modality > b.modality ? 1 : 0) ||
      (a.equipmentId ?? '~').localeCompare(b.equipmentId ?? '~') ||
      (a.authorisationId ?? '').localeCompare(b.authorisationId ?? ''),
  );
}
