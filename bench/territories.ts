/**
 * Territory features' speed (issue 12): `computeTerritories` and the whole `territoriesOf`
 * document on the national campaign (seed 2010, its 1,454-row register), the kit reader's
 * `equipment-register.csv` on its own (`readRegisterFile`), the FINESS reader on a synthetic
 * ~100k-line extraction and the OECD CSV reader on a synthetic 50k-row SDMX-CSV export.
 *
 * Same seeded data every time; each figure is the median of several runs after one warm-up run
 * (not counted), wall clock and CPU time of the process (the figure a loaded machine distorts
 * least). Each input is checked to read back as expected first: a bench of a broken reader
 * would be meaningless.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { computeCampaignDetailed } from '../src/core/indicators/index.ts';
import { writeGeneratedKit } from '../src/generate/index.ts';
import { readRegisterFile } from '../src/ingest/kit/register-file.ts';
import { readKitDir } from '../src/ingest/kit/read-kit.ts';
import { readOecdCsv } from '../src/ingest/references/oecd-csv.ts';
import { readFinessExtractions } from '../src/ingest/sources/finess/read-finess.ts';
import { computeTerritories } from '../src/plan/territories/compute.ts';
import { nightAccessMachines, territoryMachines } from '../src/plan/territories/machines.ts';
import { POPULATION } from '../src/plan/territories/population.ts';
import { SHIPPED_REFERENCES } from '../src/plan/territories/references.ts';
import type { TerritoryQuery, TerritorySource } from '../src/plan/territories/territory-query.ts';
import { territoriesOf } from '../src/plan/territories/territory-query.ts';
import type { TerritoryInput } from '../src/plan/territories/types.ts';

/** One measured figure. */
export interface TerritoryBenchRow {
  what: string;
  /** What one run works on ("1,454 register rows, 517 machines"). */
  size: string;
  runs: number;
  medianMs: number;
  medianCpuMs: number;
  /** Throughput at the median wall time ("1.2 M lines/s, 95 MB/s"), or empty. */
  rate: string;
}

const median = (values: number[]): number => {
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
};

const fmt = (n: number): string => n.toLocaleString('en-US');
const perSecond = (count: number, ms: number): string => {
  const r = count / (ms / 1000);
  return r >= 1e6
    ? `${(r / 1e6).toFixed(2)} M`
    : r >= 1e4
      ? `${Math.round(r / 1e3)} k`
      : fmt(Math.round(r));
};

/** Times `work` `runs` times after one warm-up run; returns the row (and logs the runs). Shared by bench/planning.ts. */
export function timed(
  what: string,
  size: string,
  runs: number,
  work: () => unknown,
  rate?: (ms: number) => string,
): TerritoryBenchRow {
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let r = 0; r <= runs; r++) {
    (globalThis as { gc?: () => void }).gc?.();
    const c = process.cpuUsage();
    const t = performance.now();
    work();
    const ms = performance.now() - t;
    const used = process.cpuUsage(c);
    if (r === 0) continue; // warms the JIT
    wall.push(ms);
    cpu.push((used.user + used.system) / 1000);
  }
  const medianMs = median(wall);
  const row = {
    what,
    size,
    runs,
    medianMs,
    medianCpuMs: median(cpu),
    rate: rate?.(medianMs) ?? '',
  };
  console.log(
    `${what.padEnd(48)} median ${medianMs.toFixed(1).padStart(8)} ms (CPU ${row.medianCpuMs.toFixed(1)} ms) over ${runs} runs  [${wall.map((t) => t.toFixed(1)).join(', ')}]  ${row.rate}`,
  );
  return row;
}

/** A seeded linear congruential generator in [0, 1): the same text every run. */
function lcg(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s * 1_103_515_245 + 12_345) % 2_147_483_648;
    return s / 2_147_483_648;
  };
}

// ---------------------------------------------------------------------------------------------
// FINESS: a synthetic pair of extractions (establishments + equipment), published layout.

/** FINESS's code of a département in `structureet.departement` (overseas as 9A…9F). */
const FINESS_DEPARTMENT: Readonly<Record<string, string>> = {
  '971': '9A',
  '972': '9B',
  '973': '9C',
  '974': '9D',
  '976': '9F',
};

/** Categories of establishments that hold CT or MRI authorisations (all placed by the sector table). */
// prettier-ignore
const HOLDER_CATEGORIES: readonly (readonly [string, string, string, string])[] = [
  ['355', 'Centre Hospitalier (C.H.)', '1102', 'Centres Hospitaliers'],
  ['101', 'Centre Hospitalier Régional (C.H.R.)', '1101', 'Centres Hospitaliers Régionaux'],
  ['365', 'Etablissement de Soins Pluridisciplinaire', '1106', 'Etablissements de Soins Pluridisciplinaires'],
  ['128', 'Etablissement de Soins Chirurgicaux', '1107', 'Etablissements de Soins Chirurgicaux'],
  ['699', 'Entité Ayant Autorisation', '1205', 'Autres Etablissements Relevant de la Loi Hospitalière'],
  ['698', 'Autre Etablissement Loi Hospitalière', '1205', 'Autres Etablissements Relevant de la Loi Hospitalière'],
];
/** The bulk of FINESS: establishments that hold no heavy equipment. */
// prettier-ignore
const OTHER_CATEGORIES: readonly (readonly [string, string, string, string])[] = [
  ['620', "Pharmacie d'Officine", '3301', 'Pharmacies d\'Officine'],
  ['500', "Etablissement d'hébergement pour personnes âgées dépendantes", '4401', 'Etablissements d\'Hébergement pour Personnes Âgées'],
  ['611', "Laboratoire d'Analyses", '3401', 'Laboratoires d\'Analyses et de Biologie Médicale'],
  ['124', 'Centre de Santé', '2204', 'Centres de Santé'],
  ['603', 'Maison de santé (L.6223-3)', '2206', 'Maisons de Santé pluriprofessionnelles'],
  ['209', 'Service de Soins Infirmiers A Domicile (S.S.I.A.D)', '4602', 'Services de Soins à Domicile'],
];
// prettier-ignore
const OTHER_EML: readonly (readonly [string, string])[] = [
  ['05701', 'Caméra à scintillation sans détecteur d\'émission de positons'],
  ['05702', 'Caméra à scintillation munie de détecteur d\'émission de positons'],
  ['05705', 'Tomographe à émissions de positons'],
  ['05901', 'Caisson hyperbare'],
  ['06001', 'Cyclotron à utilisation médicale'],
];

/** What `generateFinessExtractions` wrote, and what the reader must give back. */
export interface FinessBatch {
  establishments: Uint8Array;
  equipment: Uint8Array;
  lines: number;
  /** CT and MRI authorisations written: the register rows expected. */
  machines: number;
}

/**
 * The establishments extraction (`etalab-cs1100507`: a comment line, then `establishments` full
 * 32-field `structureet` lines, 1 % of them with a quoted field, spread over the 101 départements
 * in proportion to their population) and the equipment extraction (`etalab_cs1100504`: a comment
 * line, the 3-field `structureet` lines of its `holders`, then `equipmentLines` 11-field
 * `equipmateriellourd` lines, half CT (EML 05602) or MRI (06201), half other heavy equipment; 5 %
 * without a date put into service). Seeded: the same bytes every time.
 *
 * @example
 * const b = generateFinessExtractions(); // 84,000 + 2,000 + 14,000 lines (+ 2 comment lines)
 */
export function generateFinessExtractions(
  establishments = 84_000,
  holders = 2_000,
  equipmentLines = 14_000,
): FinessBatch {
  const rand = lcg(12);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)] as T;
  const pad = (n: number, w: number): string => String(n).padStart(w, '0');
  const date = (from: number, to: number): string =>
    `${from + Math.floor(rand() * (to - from + 1))}-${pad(1 + Math.floor(rand() * 12), 2)}-${pad(1 + Math.floor(rand() * 28), 2)}`;
  const total = POPULATION.departments.reduce((n, d) => n + d.population, 0);
  // Cumulative population shares: a département drawn in proportion to its population.
  let acc = 0;
  const cumulative = POPULATION.departments.map((d) => (acc += d.population / total));
  const drawDepartment = (): (typeof POPULATION.departments)[number] => {
    const u = rand();
    let i = cumulative.findIndex((c) => c >= u);
    if (i < 0) i = cumulative.length - 1;
    return POPULATION.departments[i] as (typeof POPULATION.departments)[number];
  };
  const prefix = (code: string): string => (code.length === 3 ? '97' : code);
  const ids: string[] = [];
  const legal: string[] = [];
  const names: string[] = [];
  const est: string[] = ['finess;etalab;111;2026-05-12'];
  for (let i = 0; i < establishments; i++) {
    const d = drawDepartment();
    const holder = i < holders;
    const [cat, libcat, agr, libagr] = holder ? pick(HOLDER_CATEGORIES) : pick(OTHER_CATEGORIES);
    const id = `${prefix(d.code)}${pad(i, 9 - prefix(d.code).length)}`;
    const ej = `${prefix(d.code)}${pad(500_000 + i, 9 - prefix(d.code).length)}`;
    const rs = holder
      ? `CH ${d.name.toUpperCase()} ${i}`
      : `${libcat.split(' ')[0]?.toUpperCase()} ${i}`;
    ids.push(id);
    legal.push(ej);
    names.push(rs);
    const quoted = i % 100 === 50 ? `"${rs} ""SITE ${i % 7}""; ANNEXE"` : rs;
    const cp =
      `${d.code.length === 3 ? d.code : d.code.replace(/[AB]/, '0')}${pad(Math.floor(rand() * 100), 2)}`.slice(
        0,
        5,
      );
    est.push(
      [
        'structureet',
        id,
        ej,
        quoted,
        `${rs} - ${libcat.toUpperCase()}`,
        '',
        '',
        String(1 + Math.floor(rand() * 120)),
        pick(['R', 'AV', 'BD', 'PL', 'CHE']),
        `DE LA REPUBLIQUE ${i % 97}`,
        '',
        '',
        pad(Math.floor(rand() * 900), 3),
        FINESS_DEPARTMENT[d.code] ?? d.code,
        d.name.toUpperCase(),
        `${cp} VILLE ${i % 311}`,
        `0${1 + (i % 5)}${pad(i % 100_000_000, 8)}`,
        '',
        cat,
        libcat,
        agr,
        libagr,
        `${pad(26_000_000 + i, 14)}`,
        '8610Z',
        '03',
        'ARS établissements Publics de santé dotation globale',
        '1',
        'Etablissement public de santé',
        date(1950, 2020),
        date(1950, 2020),
        date(2022, 2025),
        '',
      ].join(';'),
    );
  }
  const eq: string[] = ['finess;etalab;12;2026-05-12'];
  for (let i = 0; i < holders; i++) eq.push(`structureet;${ids[i]};${legal[i]}`);
  let machines = 0;
  for (let i = 0; i < equipmentLines; i++) {
    const h = Math.floor(rand() * holders);
    const imaging = i % 2 === 0;
    const [eml, libeml] = imaging
      ? rand() < 0.55
        ? ['05602', 'Scanographe à utilisation médicale']
        : ['06201', "Appareil d'IRM à utilisation clinique"]
      : pick(OTHER_EML);
    if (imaging) machines++;
    const authorised = date(1995, 2024);
    const year = Number(authorised.slice(0, 4));
    const inService = rand() < 0.05 ? '' : date(Math.min(year + 1, 2025), Math.min(year + 2, 2025));
    eq.push(
      [
        'equipmateriellourd',
        legal[h],
        names[h],
        eml,
        libeml,
        String(100_000_000 + i),
        `${pad(i % 100, 2)}-00-${pad(i, 6)}`,
        `${pad(i % 100, 2)}-00-${pad(i, 6)}`,
        authorised,
        ids[h],
        inService,
      ].join(';'),
    );
  }
  const encode = (lines: string[]): Uint8Array => new TextEncoder().encode(`${lines.join('\n')}\n`);
  return {
    establishments: encode(est),
    equipment: encode(eq),
    lines: est.length + eq.length,
    machines,
  };
}

// ---------------------------------------------------------------------------------------------
// OECD: a synthetic SDMX-CSV export of the medical-technology dataflow, with labels.

// prettier-ignore
const OECD_AREAS: readonly (readonly [string, string])[] = [
  ['AUS', 'Australia'], ['AUT', 'Austria'], ['BEL', 'Belgium'], ['CAN', 'Canada'], ['CHL', 'Chile'],
  ['COL', 'Colombia'], ['CRI', 'Costa Rica'], ['CZE', 'Czechia'], ['DNK', 'Denmark'], ['EST', 'Estonia'],
  ['FIN', 'Finland'], ['FRA', 'France'], ['DEU', 'Germany'], ['GRC', 'Greece'], ['HUN', 'Hungary'],
  ['ISL', 'Iceland'], ['IRL', 'Ireland'], ['ISR', 'Israel'], ['ITA', 'Italy'], ['JPN', 'Japan'],
  ['KOR', 'Korea'], ['LVA', 'Latvia'], ['LTU', 'Lithuania'], ['LUX', 'Luxembourg'], ['MEX', 'Mexico'],
  ['NLD', 'Netherlands'], ['NZL', 'New Zealand'], ['NOR', 'Norway'], ['POL', 'Poland'], ['PRT', 'Portugal'],
  ['SVK', 'Slovak Republic'], ['SVN', 'Slovenia'], ['ESP', 'Spain'], ['SWE', 'Sweden'], ['CHE', 'Switzerland'],
  ['TUR', 'Türkiye'], ['GBR', 'United Kingdom'], ['USA', 'United States'], ['OECD', 'OECD average'],
  ['EU27_2020', 'European Union (27 countries from 01/02/2020)'],
];
// prettier-ignore
const OECD_TECHNOLOGIES: readonly (readonly [string, string])[] = [
  ['CT', 'Computed tomography scanners'], ['MRI', 'Magnetic resonance imaging units'],
  ['PET', 'Positron emission tomography (PET) scanners, total'], ['GAMMA', 'Gamma cameras'],
  ['MAMMO', 'Mammographs'], ['RADTHER', 'Radiation therapy equipment'],
  ['LITHO', 'Lithotriptors'], ['ANGIO', 'Digital subtraction angiography units'],
];
const OECD_PROVIDERS = [
  ['_T', 'Total'],
  ['HP1', 'Hospitals'],
  ['HP3', 'Providers of ambulatory health care'],
] as const;
const OECD_UNITS = [
  ['10P6HB', 'Per million inhabitants'],
  ['NB', 'Number'],
] as const;

/** What `generateOecdExport` wrote, and what the reader must give back. */
export interface OecdBatch {
  text: string;
  rows: number;
  /** CT and MRI rows of readable areas: the figures expected. */
  figures: number;
}

/**
 * An OECD Data Explorer export (SDMX-CSV, a label column after each code column) of the
 * medical-technology dataflow: 40 areas (38 countries, the OECD average, the EU aggregate) × 8
 * technologies × 3 providers × 2 units × `years` years (26: 49,920 rows). Only CT and MRI rows of
 * the 39 readable areas are figures; other technologies and the EU are skipped with a warning each.
 */
export function generateOecdExport(years = 26): OecdBatch {
  const rand = lcg(2021);
  const header =
    'STRUCTURE,STRUCTURE_ID,STRUCTURE_NAME,ACTION,REF_AREA,Reference area,FREQ,Frequency of observation,MEASURE,Measure,UNIT_MEASURE,Unit of measure,MEDICAL_TECH,Medical technology,HEALTH_CARE_PROVIDER,Health care provider,TIME_PERIOD,Time period,OBS_VALUE,Observation value,OBS_STATUS,Observation status,UNIT_MULT,Unit multiplier';
  const lines = [header];
  let figures = 0;
  for (const [area, areaName] of OECD_AREAS) {
    for (const [tech, techName] of OECD_TECHNOLOGIES) {
      for (const [provider, providerName] of OECD_PROVIDERS) {
        for (const [unit, unitName] of OECD_UNITS) {
          for (let y = 0; y < years; y++) {
            const value =
              unit === 'NB' ? String(Math.round(50 + rand() * 3000)) : (rand() * 60).toFixed(2);
            const estimated = rand() < 0.1;
            const techCell = techName.includes(',') ? `"${techName}"` : techName;
            lines.push(
              `DATAFLOW,OECD.ELS.HD:DSD_HEALTH_REAC_HOSP@DF_MED_TECH(1.0),Medical technologies,I,${area},${areaName},A,Annual,MTU,Medical technology units,${unit},${unitName},${tech},${techCell},${provider},${providerName},${1998 + y},,${value},,${estimated ? 'E,Estimated value' : 'A,Normal value'},0,Units`,
            );
            if ((tech === 'CT' || tech === 'MRI') && area !== 'EU27_2020') figures++;
          }
        }
      }
    }
  }
  return { text: `${lines.join('\n')}\n`, rows: lines.length - 1, figures };
}

// ---------------------------------------------------------------------------------------------

/**
 * Runs every territory figure (the national campaign is written as a kit under `root`).
 *
 * @example
 * console.log(territoriesTable(await benchTerritories('/tmp/bench')));
 */
export async function benchTerritories(
  root: string,
  options: { runs?: number; readerRuns?: number } = {},
): Promise<TerritoryBenchRow[]> {
  const runs = options.runs ?? 20;
  const readerRuns = options.readerRuns ?? 7;
  const out: TerritoryBenchRow[] = [];

  // 1. The national campaign as a kit (its register included), read back and computed once.
  const dir = join(root, 'territories-campaign');
  let t = performance.now();
  const written = await writeGeneratedKit(dir, { seed: 2010 });
  const read = await readKitDir(dir);
  const kit = read.kit;
  if (!kit?.register || kit.register.length !== written.registerMachines)
    throw new Error(
      `the national campaign's register does not read back: ${kit?.register?.length ?? 'none'} of ${written.registerMachines} rows`,
    );
  const register = kit.register;
  const { indicators, samples } = computeCampaignDetailed(kit);
  const machines = indicators.machines;
  console.log(
    `national campaign: ${fmt(written.exams)} exams, ${machines.length} machines, register ${fmt(kit.register.length)} rows; written, read and computed in ${((performance.now() - t) / 1000).toFixed(1)} s`,
  );
  const size = `${machines.length} machines, ${fmt(kit.register.length)} register rows`;

  let territory: ReturnType<typeof territoryMachines> = [];
  out.push(
    timed(
      'TerritoryMachine[] (night access + samples)',
      `${machines.length} machines, ${fmt(kit.sessions.length)} sessions`,
      runs,
      () => {
        territory = territoryMachines(
          machines,
          samples,
          nightAccessMachines(kit.sessions, kit.campaign),
        );
      },
    ),
  );
  const input: TerritoryInput = {
    campaign: kit.campaign,
    establishments: kit.establishments,
    machines: territory,
    register: kit.register,
    survey: kit.survey,
    population: POPULATION,
    references: SHIPPED_REFERENCES,
  };
  const doc = computeTerritories(input);
  if (doc.departments.length !== 101 || doc.regions.length !== 18)
    throw new Error(
      `computeTerritories gave ${doc.departments.length} départements and ${doc.regions.length} regions`,
    );
  out.push(timed('computeTerritories', size, runs, () => computeTerritories(input)));

  const source: TerritorySource = {
    campaign: kit.campaign,
    establishments: kit.establishments,
    machines,
    samples,
    sessions: kit.sessions,
    register: kit.register,
    survey: kit.survey,
    references: SHIPPED_REFERENCES,
  };
  const whole = territoriesOf(source);
  const kb = Math.round(JSON.stringify(whole).length / 1024);
  out.push(timed('territoriesOf (whole document)', size, runs, () => territoriesOf(source)));
  const query: TerritoryQuery = {
    modality: 'MR',
    region: '32',
    inseeRegion: '32',
    gapTo: [{ kind: 'national' }, { kind: 'oecd', year: 2015 }],
  };
  out.push(
    timed('territoriesOf (MR, region 32, filtered)', size, runs, () =>
      territoriesOf(source, query),
    ),
  );
  out.push(
    timed('JSON.stringify of the whole document', `${kb} KB`, runs, () => JSON.stringify(whole)),
  );

  // 2. equipment-register.csv on its own, with the kit's rules (readRegisterFile).
  const registerBytes = new Uint8Array(readFileSync(join(dir, 'equipment-register.csv')));
  const context = { campaign: kit.campaign, equipment: kit.equipment };
  const check = readRegisterFile('equipment-register.csv', registerBytes, context);
  if (check.rows?.length !== register.length || check.issues.some((i) => i.severity === 'error'))
    throw new Error(
      `equipment-register.csv read alone gave ${check.rows?.length ?? 'no'} rows, ${check.issues.length} issues`,
    );
  out.push(
    timed(
      'equipment-register.csv (readRegisterFile)',
      `${fmt(register.length)} rows, ${(registerBytes.length / 1024).toFixed(0)} KB`,
      runs,
      () => readRegisterFile('equipment-register.csv', registerBytes, context),
      (ms) => `${perSecond(register.length, ms)} rows/s`,
    ),
  );
  // Its fixed part: the parser set up with the campaign and its machines, a header and no row.
  const headerOnly = registerBytes.slice(0, registerBytes.indexOf(10) + 1);
  out.push(
    timed(
      '  of which fixed (header only, no row)',
      `${machines.length} campaign machines`,
      runs,
      () => readRegisterFile('equipment-register.csv', headerOnly, context),
    ),
  );

  // 3. FINESS extractions (establishments + equipment), ~100k lines.
  t = performance.now();
  const finess = generateFinessExtractions();
  const inputs = [
    { input: finess.establishments, fileName: 'etalab-cs1100507-stock.csv' },
    { input: finess.equipment, fileName: 'etalab_cs1100504-stock.csv' },
  ];
  const finessRead = readFinessExtractions(inputs);
  const finessProblems = finessRead.issues.filter((i) => i.severity !== 'info');
  if (finessRead.rows.length !== finess.machines || finessProblems.length > 0)
    throw new Error(
      `the FINESS batch read back ${finessRead.rows.length}/${finess.machines} machines with ${finessProblems.length} issues, e.g. ${JSON.stringify(finessProblems[0])}`,
    );
  const finessMb = (finess.establishments.length + finess.equipment.length) / 1e6;
  console.log(
    `FINESS batch: ${fmt(finess.lines)} lines, ${finessMb.toFixed(1)} MB, ${fmt(finess.machines)} CT/MRI, generated in ${((performance.now() - t) / 1000).toFixed(1)} s`,
  );
  out.push(
    timed(
      'FINESS extractions (readFinessExtractions)',
      `${fmt(finess.lines)} lines, ${finessMb.toFixed(1)} MB, ${fmt(finess.machines)} CT/MRI`,
      readerRuns,
      () => readFinessExtractions(inputs),
      (ms) => `${perSecond(finess.lines, ms)} lines/s, ${(finessMb / (ms / 1000)).toFixed(1)} MB/s`,
    ),
  );

  // 4. OECD SDMX-CSV export, ~50k rows.
  const oecd = generateOecdExport();
  const oecdRead = readOecdCsv(oecd.text, 'OECD.ELS.HD,DSD_HEALTH_REAC_HOSP@DF_MED_TECH.csv');
  if (
    oecdRead.figures.length !== oecd.figures ||
    oecdRead.issues.some((i) => i.severity === 'error')
  )
    throw new Error(
      `the OECD export read back ${oecdRead.figures.length}/${oecd.figures} figures, issues ${JSON.stringify(oecdRead.issues.slice(0, 2))}`,
    );
  const oecdMb = Buffer.byteLength(oecd.text) / 1e6;
  out.push(
    timed(
      'OECD SDMX-CSV export (readOecdCsv)',
      `${fmt(oecd.rows)} rows, ${oecdMb.toFixed(1)} MB, ${fmt(oecd.figures)} figures`,
      readerRuns,
      () => readOecdCsv(oecd.text, 'oecd.csv'),
      (ms) => `${perSecond(oecd.rows, ms)} rows/s, ${(oecdMb / (ms / 1000)).toFixed(1)} MB/s`,
    ),
  );
  return out;
}

/** The figures as a Markdown table (also the planning documents' rows, under their own title). */
export function territoriesTable(
  rows: readonly TerritoryBenchRow[],
  title = 'Territories',
): string {
  const ms = (v: number): string =>
    v >= 1000 ? `${(v / 1000).toFixed(2)} s` : `${v.toFixed(1)} ms`;
  return [
    `| ${title} | size | runs | median (wall) | median CPU | throughput |`,
    '|---|---|---|---|---|---|',
    ...rows.map(
      (r) =>
        `| ${r.what} | ${r.size} | ${r.runs} | ${ms(r.medianMs)} | ${ms(r.medianCpuMs)} | ${r.rate} |`,
    ),
  ].join('\n');
}
