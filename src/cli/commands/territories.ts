/**
 * `plateau territories [KIT_DIR]`: equipment, activity, fleet age, platforms and night coverage
 * per region or département (planning.md §2), from a kit's files or from the store, as a table
 * in the CLI's language, the JSON territory document, or CSV (`;` and the decimal comma in
 * French). The figures are computed by the planning layer (`territoriesOf`); this only reads.
 */
import type { Modality } from '../../core/kit-types.ts';
import { LEGAL_STATUSES, MODALITIES } from '../../core/kit-types.ts';
import { TYPOLOGIES } from '../../core/views/filters.ts';
import { computeCampaignParallel } from '../../compute/parallel.ts';
import { tableToCsv } from '../../export/csv.ts';
import type { ExportColumn } from '../../export/table.ts';
import { formatInteger, formatNumber, formatPercent } from '../../i18n/index.ts';
import {
  normalizeDepartmentCode,
  POPULATION,
  regionCodeOf,
} from '../../plan/territories/population.ts';
import {
  latestFigure,
  mergeReferences,
  SHIPPED_REFERENCES,
} from '../../plan/territories/references.ts';
import type { TerritoryQuery, TerritorySource } from '../../plan/territories/territory-query.ts';
import {
  GAP_TO_SYNTAX,
  oecdDensityYears,
  parseGapTo,
  territoriesOf,
  territoryRegion,
  unknownOecdYears,
} from '../../plan/territories/territory-query.ts';
import type {
  Gap,
  ReferenceFigure,
  TerritoryDocument,
  TerritoryFigures,
} from '../../plan/territories/types.ts';
import { loadEquipment, loadEstablishments, loadSurvey } from '../../storage/index.ts';
import { loadedReferences } from '../../storage/reference-repository.ts';
import { loadRegister } from '../../storage/register-repository.ts';
import { loadUnscheduledSessions } from '../../storage/territory-queries.ts';
import type { Command, OptionValues } from '../command.ts';
import { CAMPAIGN_FIGURE_OPTIONS, enumOption, positionals, stringOption } from '../command.ts';
import type { Cell, Column } from '../output.ts';
import { getCliLang, say, table, UsageError } from '../output.ts';
import { readKitOrFail } from './read-kit-or-fail.ts';
import { chooseCampaign, storedComputation } from './campaigns.ts';
import { withStore } from './store-access.ts';

const USAGE = `Usage: plateau territories [KIT_DIR] [--level region|department] [--json | --csv] [filters]

CT and MRI equipment and activity per region or département, beside France and the OECD
(planning.md §2): population, units in service and units per million inhabitants (total,
hospital, private practice), exams per 1,000 inhabitants a year and the share of them imputed,
the gap in units to a reference density, fleet age (shares 7 and 10 years old or more),
platform completeness (sites with CT and MRI, CT only, MRI only), significant on-call and
night MRI access, and realised appointment delays.

What the figures mean, and their limits:
  - by place of the machine, not of the patient's residence: a territory that serves its
    neighbours looks better equipped and busier than its own population's use;
  - units come from the equipment register (equipment-register.csv) when the campaign has one,
    in service on the campaign's first day; without it only the campaign's machines are
    counted and densities are a floor;
  - exams of register machines absent from the campaign are imputed (the campaign's median
    passages per week of their modality × 365 / 7), and their share is given;
  - night coverage, on-call and waits are measured on the campaign's machines only (a sample);
  - the population is INSEE's legal population of ${POPULATION.year} (in force on 1 January
    ${POPULATION.inForce}), whatever the campaign's year: a caveat says when they are far apart.

  KIT_DIR               compute from a data kit's files (the store is not touched: compared with
                        the published figures shipped with plateau); without it, read the
                        campaign saved in the store by 'plateau import', and compare with the
                        shipped figures and those loaded into the store
  --level L             region (default) or department: the territories of the table and CSV
                        (the JSON always holds the nation, every region and every département)
  --json                the territory document: national, regions[], departments[], references[],
                        the register summary, provenance and caveats
  --csv                 one row for France, then one per territory (';' and the decimal comma
                        with --lang fr)
  --campaign ID         which stored campaign (default: the last imported)
  --modality CT|MR      only this modality
  --region R            list only this region and its départements (INSEE code such as 32, or a
                        name, current or pre-2016 such as Nord-Pas-de-Calais); France stays
  --legal-status S      measured figures from the campaign machines of this legal status only
  --typology T          measured figures from the campaign machines of this typology only
                        (scheduled-centred or emergency-dedicated)
  --department D        measured figures from the campaign machines of this département only
  --insee-region R      measured figures from the campaign machines of this region only
                        (these four narrow the campaign's machines: exams measured vs imputed,
                        on-call, night access, waits; the register's units are not filtered)
  --gap-to G            the reference density of the gap in units: national, oecd (the latest
                        OECD average), oecd:YEAR, or a target per modality such as CT=20,MR=15;
                        several joined by commas (default: national,oecd)
  --data DIR            the embedded store (default: $PLATEAU_DATA, else ./plateau-data)
  --database-url URL    a PostgreSQL server instead of the embedded store
  --lang fr|en          language of the table and of the CSV's number format

Examples:
  plateau territories --json > territories.json
  plateau territories --level department --region 32
  plateau territories ./my-kit --modality MR --gap-to oecd:2015 --csv > mri.csv`;

const LEVELS = ['region', 'department'] as const;
type Level = (typeof LEVELS)[number];

const REGION_CODES = POPULATION.regions.map((r) => r.code);
const DEPARTMENT_CODES = POPULATION.departments.map((d) => d.code);

/** The territory query of the options, each checked (usage errors name what is accepted). */
export function territoryOptions(values: OptionValues): TerritoryQuery {
  const query: TerritoryQuery = {
    modality: enumOption(values, 'modality', MODALITIES),
    legalStatus: enumOption(values, 'legal-status', LEGAL_STATUSES),
    typology: enumOption(values, 'typology', TYPOLOGIES),
  };
  const region = stringOption(values, 'region');
  if (region !== undefined) {
    const code = territoryRegion(region);
    if (code === null)
      throw new UsageError(
        say('cli.usage.oneOf', {
          option: '--region',
          values: REGION_CODES.join(', '),
          value: region,
        }),
      );
    query.region = code;
  }
  const department = stringOption(values, 'department');
  if (department !== undefined) {
    const code = normalizeDepartmentCode(department);
    if (code === null)
      throw new UsageError(
        say('cli.usage.oneOf', {
          option: '--department',
          values: DEPARTMENT_CODES.join(', '),
          value: department,
        }),
      );
    query.department = code;
  }
  const inseeRegion = stringOption(values, 'insee-region');
  if (inseeRegion !== undefined) {
    const code = regionCodeOf(inseeRegion);
    if (code === null)
      throw new UsageError(
        say('cli.usage.oneOf', {
          option: '--insee-region',
          values: REGION_CODES.join(', '),
          value: inseeRegion,
        }),
      );
    query.inseeRegion = code;
  }
  const gapTo = stringOption(values, 'gap-to');
  if (gapTo !== undefined) {
    const refs = parseGapTo(gapTo);
    if (refs === null)
      throw new UsageError(
        say('cli.usage.oneOf', { option: '--gap-to', values: GAP_TO_SYNTAX, value: gapTo }),
      );
    query.gapTo = refs;
  }
  return query;
}

/** Usage error when `--gap-to oecd:YEAR` names a year the references have no OECD average of. */
function checkOecdYears(query: TerritoryQuery, references: readonly ReferenceFigure[]): void {
  const missing = query.gapTo ? unknownOecdYears(query.gapTo, references) : [];
  if (missing.length > 0) {
    throw new UsageError(
      say('cli.territories.unknownOecdYear', {
        years: missing.join(', '),
        known: oecdDensityYears(references).join(', '),
      }),
    );
  }
}

async function fromKit(dir: string): Promise<TerritorySource> {
  const kit = await readKitOrFail(dir);
  const { indicators, samples } = await computeCampaignParallel(kit);
  return {
    campaign: kit.campaign,
    establishments: kit.establishments,
    machines: indicators.machines,
    samples,
    sessions: kit.sessions,
    register: kit.register ?? null,
    equipment: kit.equipment,
    survey: kit.survey,
    references: mergeReferences(SHIPPED_REFERENCES, []),
  };
}

async function fromStore(values: OptionValues): Promise<TerritorySource> {
  return withStore(values, async (store) => {
    const { id } = await chooseCampaign(store, stringOption(values, 'campaign'));
    const { indicators, samples } = await storedComputation(store, id);
    const [establishments, equipment, survey, register, sessions, loaded] = await Promise.all([
      loadEstablishments(store, id),
      loadEquipment(store, id),
      loadSurvey(store, id),
      loadRegister(store.db, id),
      loadUnscheduledSessions(store, id),
      loadedReferences(store),
    ]);
    return {
      campaign: indicators.campaign,
      establishments,
      machines: indicators.machines,
      samples,
      sessions,
      register,
      equipment,
      survey,
      references: mergeReferences(SHIPPED_REFERENCES, loaded),
    };
  });
}

export const territoriesCommand: Command = {
  name: 'territories',
  summary:
    'print equipment, activity and coverage per region or département, beside France and the OECD',
  usage: USAGE,
  options: {
    ...CAMPAIGN_FIGURE_OPTIONS,
    level: { type: 'string' },
    'gap-to': { type: 'string' },
  },
  async run({ positionals: args, values }) {
    const [kitDir] = positionals(args, 0, 1, 'at most one KIT_DIR');
    if (values.json && values.csv) throw new UsageError('choose one of --json and --csv');
    const level: Level = enumOption(values, 'level', LEVELS) ?? 'region';
    const query = territoryOptions(values);
    // A kit is compared with the shipped figures only: an unknown year is refused before reading it.
    if (kitDir) checkOecdYears(query, SHIPPED_REFERENCES);
    const source = kitDir ? await fromKit(kitDir) : await fromStore(values);
    checkOecdYears(query, source.references);
    const doc = territoriesOf(source, query);
    if (values.json) process.stdout.write(`${JSON.stringify(doc, null, 2)}\n`);
    else if (values.csv) process.stdout.write(territoriesCsv(doc, level));
    else process.stdout.write(`${describeTerritories(doc, level)}\n`);
    return 0;
  },
};

// ---------------------------------------------------------------------------------------------
// Output

/** The gap references of a document, as its nation lists them (one per reference and year). */
function gapReferences(
  doc: TerritoryDocument,
): { reference: Gap['reference']; year: number | null }[] {
  const out: { reference: Gap['reference']; year: number | null }[] = [];
  for (const g of doc.national.gapTo) {
    if (!out.some((r) => r.reference === g.reference && r.year === g.year))
      out.push({ reference: g.reference, year: g.year });
  }
  return out;
}

function gapOf(
  t: TerritoryFigures,
  reference: Gap['reference'],
  year: number | null,
  modality: Modality,
): Gap | undefined {
  return t.gapTo.find(
    (g) => g.reference === reference && g.year === year && g.modality === modality,
  );
}

/** Imputed exams ÷ annualised exams over the document's modalities; `null` without exams. */
function imputedShareAll(t: TerritoryFigures, modalities: readonly Modality[]): number | null {
  let imputed = 0;
  let annual = 0;
  for (const m of modalities) {
    imputed += t.examsPer1000[m]?.imputedExams ?? 0;
    annual += t.examsPer1000[m]?.annualExams ?? 0;
  }
  return annual > 0 ? imputed / annual : null;
}

/** Units 10 years old or more ÷ units of known age, over the document's modalities. */
function ageShareAll(t: TerritoryFigures, modalities: readonly Modality[]): number | null {
  let old = 0;
  let known = 0;
  for (const m of modalities) {
    old += t.fleetAge[m]?.atLeast10 ?? 0;
    known += t.fleetAge[m]?.known ?? 0;
  }
  return known > 0 ? old / known : null;
}

/** The territories of `level`, after the nation. */
function rowsOf(doc: TerritoryDocument, level: Level): TerritoryFigures[] {
  return [doc.national, ...(level === 'region' ? doc.regions : doc.departments)];
}

function gapLabel(reference: Gap['reference'], year: number | null): string {
  if (reference === 'oecd')
    return say('cli.territories.gap.oecd', { year: year === null ? '' : String(year) }).trim();
  return say(
    reference === 'national' ? 'cli.territories.gap.national' : 'cli.territories.gap.target',
  );
}

/** One line per published figure the document compares with: the latest density and exams of France and of the OECD. */
function referenceLines(doc: TerritoryDocument): string[] {
  const lang = getCliLang();
  const lines: string[] = [];
  for (const measure of ['unitsPerMillion', 'examsPer1000'] as const) {
    for (const modality of doc.modalities) {
      for (const area of ['FRA', 'OECD']) {
        const f = latestFigure(doc.references, { measure, modality, area });
        if (!f) continue;
        const line = say('cli.territories.ref.line', {
          area: say(area === 'OECD' ? 'territories.ref.oecd' : 'cli.territories.ref.france'),
          modality,
          measure: say(`territories.ref.measure.${measure}`),
          value: formatNumber(f.value, lang, 1),
          year: String(f.year),
          loaded: f.origin === 'loaded' ? `, ${say('territories.ref.loaded')}` : '',
          source: f.source,
        });
        lines.push(`  ${line}`);
      }
    }
  }
  return lines;
}

/** Parameters whose name ends in `Year` as plain text: a year is not a quantity (`2023`, not `2,023`). */
function yearsAsText(params: Record<string, string | number>): Record<string, string | number> {
  return Object.fromEntries(
    Object.entries(params).map(([k, v]) => [k, k.endsWith('Year') ? String(v) : v]),
  );
}

/**
 * The readable report for a terminal: the campaign, the population and the fleet it rests on,
 * one row per territory of `level` after France, the published figures and the caveats.
 */
export function describeTerritories(doc: TerritoryDocument, level: Level): string {
  const lang = getCliLang();
  const mods = doc.modalities;
  // The national gap is the JSON's and the CSV's; the table shows it only when it was the one asked for.
  const all = gapReferences(doc);
  const gaps = all.length > 1 ? all.filter((g) => g.reference !== 'national') : all;
  const columns: Column[] = [
    { header: say('cli.territories.col.code') },
    { header: say('cli.territories.col.name') },
    { header: say('cli.territories.col.population'), align: 'right' },
  ];
  const cells: ((t: TerritoryFigures) => Cell)[] = [
    (t) => t.code,
    (t) => t.name,
    (t) => formatInteger(t.population, lang),
  ];
  const add = (header: string, cell: (t: TerritoryFigures) => Cell): void => {
    columns.push({ header, align: 'right' });
    cells.push(cell);
  };
  for (const m of mods)
    add(say('cli.territories.col.units', { modality: m }), (t) =>
      formatInteger(t.units[m]?.total, lang),
    );
  for (const m of mods)
    add(say('cli.territories.col.perMillion', { modality: m }), (t) =>
      formatNumber(t.unitsPerMillion[m]?.total, lang, 1),
    );
  for (const m of mods)
    add(say('cli.territories.col.examsPer1000', { modality: m }), (t) =>
      formatNumber(t.examsPer1000[m]?.value, lang, 1),
    );
  add(say('cli.territories.col.imputed'), (t) => formatPercent(imputedShareAll(t, mods), lang, 0));
  for (const g of gaps) {
    for (const m of mods) {
      add(
        say('cli.territories.col.gap', { reference: gapLabel(g.reference, g.year), modality: m }),
        (t) => formatInteger(gapOf(t, g.reference, g.year, m)?.machines, lang),
      );
    }
  }
  add(say('cli.territories.col.age10'), (t) => formatPercent(ageShareAll(t, mods), lang, 0));
  add(say('cli.territories.col.complete'), (t) =>
    formatPercent(t.completeness.shareComplete, lang, 0),
  );
  if (mods.includes('MR'))
    add(say('cli.territories.col.nightMri'), (t) =>
      formatInteger(t.nightCoverage.nightMriMachines, lang),
    );

  const rows = rowsOf(doc, level).map((t) => cells.map((cell) => cell(t)));
  const c = doc.campaign;
  const r = doc.register;
  const lines = [
    say('cli.territories.title', { id: c.id, name: c.name, start: c.start, days: c.days }),
    say('cli.territories.population', {
      year: String(doc.population.year),
      inForce: String(doc.population.inForce),
      total: formatInteger(doc.population.total, lang),
      source: doc.population.source,
    }),
    r.source === 'register'
      ? say('cli.territories.register', {
          rows: r.rows,
          inService: r.inService,
          start: c.start,
          notYet: r.notYetInService,
          added: r.addedFromCampaign,
        })
      : say('cli.territories.registerNone', { inService: r.inService }),
  ];
  if (r.unknownDepartments.length > 0)
    lines.push(
      say('cli.territories.unknownDepartments', { codes: r.unknownDepartments.join(', ') }),
    );
  if (doc.unplaced.sites.length > 0)
    lines.push(
      say('cli.territories.unplaced', {
        sites: doc.unplaced.sites.length,
        machines: doc.unplaced.machines,
      }),
    );
  lines.push('', table(columns, rows), '', say('cli.territories.legend'));
  const refs = referenceLines(doc);
  if (refs.length > 0) lines.push('', say('cli.territories.references'), ...refs);
  if (doc.caveats.length > 0) {
    lines.push('', say('territories.caveats.title'));
    for (const caveat of doc.caveats)
      lines.push(`  - ${say(`territories.caveat.${caveat.code}`, yearsAsText(caveat.params))}`);
  }
  return lines.join('\n');
}

/** A CSV column: a stable key (the same in both languages), its kind and its cell. */
interface CsvColumn {
  key: string;
  kind: ExportColumn['kind'];
  value: (t: TerritoryFigures) => string | number | null;
}

/**
 * The CSV of a document: France then every territory of `level`, one column per figure and
 * modality, keys in English in both languages; `;` and the decimal comma with `--lang fr`.
 */
export function territoriesCsv(doc: TerritoryDocument, level: Level): string {
  const columns: CsvColumn[] = [
    { key: 'level', kind: 'text', value: (t) => t.level },
    { key: 'code', kind: 'text', value: (t) => t.code },
    { key: 'name', kind: 'text', value: (t) => t.name },
    { key: 'region', kind: 'text', value: (t) => t.region },
    { key: 'population', kind: 'number', value: (t) => t.population },
  ];
  const col = (key: string, kind: ExportColumn['kind'], value: CsvColumn['value']): void =>
    void columns.push({ key, kind, value });
  const gaps = gapReferences(doc);
  for (const m of doc.modalities) {
    const k = m.toLowerCase();
    col(`${k}_units`, 'number', (t) => t.units[m]?.total ?? null);
    col(`${k}_units_hospital`, 'number', (t) => t.units[m]?.hospital ?? null);
    col(`${k}_units_private_practice`, 'number', (t) => t.units[m]?.privatePractice ?? null);
    col(`${k}_units_unknown_sector`, 'number', (t) => t.units[m]?.unknownSector ?? null);
    col(`${k}_per_million`, 'number', (t) => t.unitsPerMillion[m]?.total ?? null);
    col(`${k}_per_million_hospital`, 'number', (t) => t.unitsPerMillion[m]?.hospital ?? null);
    col(
      `${k}_per_million_private_practice`,
      'number',
      (t) => t.unitsPerMillion[m]?.privatePractice ?? null,
    );
    col(`${k}_exams_per_1000`, 'number', (t) => t.examsPer1000[m]?.value ?? null);
    col(`${k}_annual_exams`, 'number', (t) => t.examsPer1000[m]?.annualExams ?? null);
    col(`${k}_imputed_exams`, 'number', (t) => t.examsPer1000[m]?.imputedExams ?? null);
    col(`${k}_imputed_machines`, 'number', (t) => t.examsPer1000[m]?.imputedMachines ?? null);
    col(`${k}_imputed_share`, 'percent', (t) => t.imputedShare[m] ?? null);
    for (const g of gaps) {
      const name = g.reference === 'oecd' && g.year !== null ? `oecd_${g.year}` : g.reference;
      col(`${k}_gap_${name}`, 'number', (t) => gapOf(t, g.reference, g.year, m)?.machines ?? null);
    }
    col(`${k}_age_known`, 'number', (t) => t.fleetAge[m]?.known ?? null);
    col(`${k}_age_mean_years`, 'number', (t) => t.fleetAge[m]?.meanYears ?? null);
    col(`${k}_age_7_plus_share`, 'percent', (t) => t.fleetAge[m]?.shareAtLeast7 ?? null);
    col(`${k}_age_10_plus_share`, 'percent', (t) => t.fleetAge[m]?.shareAtLeast10 ?? null);
    col(`${k}_to_renew`, 'number', (t) => t.fleetAge[m]?.toRenew ?? null);
    col(`${k}_campaign_machines`, 'number', (t) => t.nightCoverage.campaignMachines[m] ?? null);
    col(`${k}_significant_on_call`, 'number', (t) => t.nightCoverage.significantOnCall[m] ?? null);
    col(
      `${k}_significant_on_call_per_million`,
      'number',
      (t) => t.nightCoverage.significantOnCallPerMillion[m] ?? null,
    );
    col(`${k}_delay_realised_p50_days`, 'number', (t) => t.waiting[m]?.realised.p50 ?? null);
    col(`${k}_delay_survey_p50_days`, 'number', (t) => t.waiting[m]?.survey.p50 ?? null);
  }
  col('sites', 'number', (t) => t.completeness.sites);
  col('complete_share', 'percent', (t) => t.completeness.shareComplete);
  col('ct_only_share', 'percent', (t) => t.completeness.shareCtOnly);
  col('mri_only_share', 'percent', (t) => t.completeness.shareMriOnly);
  col('machines_per_site', 'number', (t) => t.completeness.machinesPerSite);
  col('regrouped_share', 'percent', (t) => t.completeness.regroupedShare);
  if (doc.modalities.includes('MR')) {
    col('night_mri_machines', 'number', (t) => t.nightCoverage.nightMriMachines);
    col('night_mri_per_million', 'number', (t) => t.nightCoverage.nightMriPerMillion);
    col('night_mri_access', 'text', (t) => (t.nightCoverage.nightMriAccess ? 'yes' : 'no'));
    col('departments_without_night_mri', 'number', (t) =>
      t.level === 'department' ? null : t.nightCoverage.departmentsWithoutNightMri.length,
    );
  }
  const french = getCliLang() === 'fr';
  return tableToCsv(
    {
      name: 'territories',
      columns: columns.map((c) => ({ key: c.key, label: c.key, kind: c.kind })),
      rows: rowsOf(doc, level).map((t) => columns.map((c) => c.value(t))),
    },
    french ? { separator: ';', decimal: ',' } : {},
  );
}
