/**
 * `plateau costs [KIT_DIR] [--costs FILE.csv | --illustrative] [--json]`: the cost figures of
 * planning.md §5 per machine and site, from a cost set (`--costs FILE`, else the kit's costs.csv,
 * else the one stored with the campaign) and the campaign's computed indicators (a kit's files, or
 * the store). A file with an error is refused whole, its issues located; an illustrative set
 * (`--illustrative`, or a costs.csv whose origin says so) is said on every line and in the JSON.
 */
import { readFile, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type { Campaign, CostOrigin, Equipment } from '../../core/kit-types.ts';
import type { MachineIndicators } from '../../core/indicators/types.ts';
import { Rng } from '../../core/random.ts';
import { computeCampaignParallel } from '../../compute/parallel.ts';
import { readCostsCsv } from '../../ingest/costs/costs-file.ts';
import type { CostReport, CostSet, SiteCost } from '../../plan/costs/index.ts';
import {
  computeCosts,
  costMachines,
  costsDocument,
  FORFAIT_REFERENCE,
  illustrativeCosts,
} from '../../plan/costs/index.ts';
import { loadCosts, loadEquipment } from '../../storage/index.ts';
import type { Command, OptionValues } from '../command.ts';
import { positionals, STORE_OPTIONS, stringOption } from '../command.ts';
import type { Cell } from '../output.ts';
import { errorTotal, printIssues, say, table, UsageError, UserError } from '../output.ts';
import { chooseCampaign, storedComputation } from './campaigns.ts';
import { readKitOrFail } from './read-kit-or-fail.ts';
import { withStore } from './store-access.ts';

/** Seed of the illustrative set: the same figures on every run. */
export const ILLUSTRATIVE_SEED = 14;

const USAGE = `Usage: plateau costs [KIT_DIR] [--campaign ID] [--costs FILE.csv | --illustrative] [--json]
                    [--data DIR | --database-url URL]

Yearly cost, cost per opening hour, per exam and per ICR point, and the forfait technique tier
(with the exams a year still needed to reach the next one) of each machine, and each site's
totals, from a costs.csv and the campaign's measured activity (exams annualised over the
campaign's days, programmed opening hours per week × 52). The purchase is amortised (price ÷
amortisation_years) while the machine is younger than amortisation_years, and in full when its
installed year is unknown (said below the table). A machine without a row is left out, never
priced by default.

costs.csv (the kit's CSV rules: , or ; separator, UTF-8), one row per machine, yearly euros:
  equipment_id, purchase_price, amortisation_years, maintenance, staff,
  consumables_per_exam (euros per exam), overhead
A file with any error (negative cost, unknown equipment_id, unreadable number, machine given
twice, missing column) is refused with its file:line:column; nothing is computed.

An optional origin column (input, the default, or illustrative: the same on every row) says
where the costs come from; an illustrative set is labelled so on every line and in the JSON.

  KIT_DIR               a data kit: its machines and activity, and its costs.csv when present
                        (without KIT_DIR: a campaign saved in the store by 'plateau import',
                        with the costs.csv imported with it)
  --campaign ID         which stored campaign (default: the last imported)
  --costs FILE.csv      the costs (instead of the kit's or the stored ones)
  --illustrative        a seeded set of orders of magnitude (CT and MRI), not a site's costs:
                        every line and the JSON say "illustrative"
  --json                { origin, machines: [{ equipmentId, costPerYear, costPerOpeningHour,
                        costPerExam, costPerIcr, ftTier, examsToNextTier, provenance… }],
                        sites: [...] }, numbers or null
  --data DIR            the embedded store (default: $PLATEAU_DATA, else ./plateau-data)
  --database-url URL    a PostgreSQL server instead of the embedded store

Forfait technique tiers: ${FORFAIT_REFERENCE.source}; one forfait is counted per exam (an
approximation).

Examples:
  plateau costs ./my-kit
  plateau costs --campaign anap-2010
  plateau costs --costs costs-2024.csv --json
  plateau costs ./my-kit --illustrative`;

/** What the costs are computed on: the campaign, its machines and their indicators, and its own costs. */
interface CostSource {
  campaign: Campaign;
  equipment: Equipment[];
  machines: MachineIndicators[];
  /** The kit's or the stored campaign's cost set, when it has one. */
  costs: CostSet | null;
  /** Where `costs` was read from (the kit's costs.csv), null for the store. */
  costsFile: string | null;
}

async function fromKit(dir: string): Promise<CostSource> {
  const kit = await readKitOrFail(dir);
  const { indicators } = await computeCampaignParallel(kit);
  return {
    campaign: kit.campaign,
    equipment: kit.equipment,
    machines: indicators.machines,
    costs: kit.costs ?? null,
    costsFile: kit.costs ? join(dir, 'costs.csv') : null,
  };
}

/** The stored campaign; its stored cost set too when `withCosts` (read with the whole campaign). */
async function fromStore(values: OptionValues, withCosts: boolean): Promise<CostSource> {
  return withStore(values, async (store) => {
    const { id } = await chooseCampaign(store, stringOption(values, 'campaign'));
    const { indicators } = await storedComputation(store, id);
    const equipment = await loadEquipment(store, id);
    const costs = withCosts ? await loadCosts(store.db, id) : null;
    return {
      campaign: indicators.campaign,
      equipment,
      machines: indicators.machines,
      costs,
      costsFile: null,
    };
  });
}

/** The cost set of a file: its rows (refused whole on any error) and its origin column (input by default). */
async function costSetOf(path: string, source: CostSource): Promise<CostSet> {
  const info = await stat(path).catch(() => null);
  if (!info?.isFile()) throw new UserError(say('cli.costs.notFile', { place: path }));
  const text = await readFile(path, 'utf8');
  const known = new Set(source.equipment.map((e) => e.equipmentId));
  const read = readCostsCsv(text, basename(path), known);
  printIssues(read.issues);
  if (errorTotal(read.issues) > 0) throw new UserError(say('cli.costs.refused', { place: path }));
  if (read.rows.length === 0) throw new UserError(say('cli.costs.none'));
  const origin: CostOrigin = (read as { origin?: CostOrigin }).origin ?? 'input';
  return { origin, rows: read.rows };
}

/**
 * The cost set asked and where it comes from: `--illustrative`, `--costs FILE`, else the kit's
 * costs.csv (read by the kit reader) or the set stored with the campaign; else how to give costs.
 */
async function chosenCosts(
  source: CostSource,
  options: { illustrative: boolean; file: string | undefined },
): Promise<{ costs: CostSet; file: string | null }> {
  if (options.illustrative)
    return { costs: illustrativeCosts(source.equipment, new Rng(ILLUSTRATIVE_SEED)), file: null };
  if (options.file !== undefined)
    return { costs: await costSetOf(options.file, source), file: options.file };
  if (source.costs && source.costs.rows.length > 0)
    return { costs: source.costs, file: source.costsFile };
  throw new UserError(say('cli.costs.none'));
}

const round = (v: number | null, digits: number): number | null =>
  v === null ? null : Math.round(v * 10 ** digits) / 10 ** digits;

/** The readable report: a title saying where the costs come from, a table per machine and per site. */
function describe(report: CostReport, campaign: Campaign, place: string | null): string {
  const origin = say(`cli.costs.origin.${report.origin}`);
  const p = { origin };
  const title =
    report.origin === 'illustrative'
      ? say('cli.costs.title.illustrative', { campaign: campaign.name })
      : say('cli.costs.title.input', {
          campaign: campaign.name,
          place: place ?? say('cli.costs.place.stored'),
        });
  const num = (header: string, digits: number) => ({
    header: say(header as never, p),
    digits,
    align: 'right' as const,
  });
  const machineRows: Cell[][] = report.machines.map((m) => [
    m.equipmentId,
    m.finess,
    m.modality,
    round(m.annualisedExams.value, 0),
    m.costPerYear.value,
    m.costPerOpeningHour.value,
    m.costPerExam.value,
    m.costPerIcr.value,
    m.ftTier === null ? null : String(m.ftTier.tier),
    m.ftTier?.examsToNextTier ?? null,
    say('cli.costs.provenance', p),
  ]);
  const machines = table(
    [
      { header: say('cli.costs.col.machine') },
      { header: say('cli.costs.col.site') },
      { header: say('cli.costs.col.modality') },
      num('cli.costs.col.exams', 0),
      num('cli.costs.col.costPerYear', 0),
      num('cli.costs.col.costPerOpeningHour', 1),
      num('cli.costs.col.costPerExam', 1),
      num('cli.costs.col.costPerIcr', 2),
      { header: say('cli.costs.col.ftTier'), align: 'right' },
      num('cli.costs.col.examsToNextTier', 0),
      { header: say('cli.costs.col.provenance', p) },
    ],
    machineRows,
  );
  const siteRows: Cell[][] = report.sites.map((s: SiteCost) => [
    s.finess,
    s.machines,
    round(s.annualisedExams.value, 0),
    s.costPerYear.value,
    s.costPerExam.value,
    s.costPerIcr.value,
    say('cli.costs.siteProvenance', p),
  ]);
  const sites = table(
    [
      { header: say('cli.costs.col.site') },
      num('cli.costs.col.machines', 0),
      num('cli.costs.col.exams', 0),
      num('cli.costs.col.costPerYear', 0),
      num('cli.costs.col.costPerExam', 1),
      num('cli.costs.col.costPerIcr', 2),
      { header: say('cli.costs.col.provenance', p) },
    ],
    siteRows,
  );
  const notes: string[] = [];
  const without = report.machines
    .filter((m) => m.costPerYear.reason === 'no-cost-row')
    .map((m) => m.equipmentId);
  if (without.length > 0) notes.push(say('cli.costs.without', { ids: without.join(', '), origin }));
  const unknownAge = report.machines
    .filter((m) => m.ageUnknown && m.costPerYear.value !== null)
    .map((m) => m.equipmentId);
  if (unknownAge.length > 0)
    notes.push(say('cli.costs.ageUnknown', { ids: unknownAge.join(', '), origin }));
  notes.push(say('cli.costs.tiers', { source: FORFAIT_REFERENCE.source, origin }));
  return [
    title,
    '',
    say('cli.costs.machines', p),
    machines,
    '',
    say('cli.costs.sites', p),
    sites,
    '',
    ...notes,
  ].join('\n');
}

export const costsCommand: Command = {
  name: 'costs',
  summary:
    'cost per year, opening hour, exam and ICR point, and forfait technique tier, per machine and site',
  usage: USAGE,
  options: {
    json: { type: 'boolean' },
    campaign: { type: 'string' },
    costs: { type: 'string' },
    illustrative: { type: 'boolean' },
    ...STORE_OPTIONS,
  },
  async run({ positionals: args, values }) {
    const [kitDir] = positionals(args, 0, 1, 'at most one KIT_DIR');
    const file = stringOption(values, 'costs');
    const illustrative = values['illustrative'] === true;
    if (file !== undefined && illustrative)
      throw new UsageError('choose one of --costs and --illustrative');
    if (kitDir !== undefined && stringOption(values, 'campaign') !== undefined)
      throw new UsageError('--campaign names a stored campaign: give it without KIT_DIR');
    const source =
      kitDir !== undefined
        ? await fromKit(kitDir)
        : await fromStore(values, file === undefined && !illustrative);
    const { costs, file: costsFile } = await chosenCosts(source, { illustrative, file });
    const report = computeCosts({
      campaign: { year: Number(source.campaign.start.slice(0, 4)), days: source.campaign.days },
      machines: costMachines(source.equipment, source.machines),
      costs,
    });
    if (values['json'])
      process.stdout.write(`${JSON.stringify(costsDocument(report, costsFile), null, 2)}\n`);
    else process.stdout.write(`${describe(report, source.campaign, costsFile)}\n`);
    return 0;
  },
};
