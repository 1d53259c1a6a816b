/**
 * `plateau simulate`: the capacity simulation of planning.md §3 from the store or a kit — one
 * machine, or a site's machines of one modality pooled, calibrated on their own campaign, its
 * status quo checked and scenarios from a JSON file compared with it (a table in the CLI's
 * language, or the SimulationReport as JSON); or `--all`, the status-quo check of every machine,
 * stored for the quality page. The pipeline is compute/simulation.ts's; this reads and prints.
 */
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import type { Issue } from '../../core/issues.ts';
import type { CostSet, Equipment, Kit, Modality } from '../../core/kit-types.ts';
import { MODALITIES } from '../../core/kit-types.ts';
import { statusQuoChecksParallel } from '../../compute/simulation-parallel.ts';
import type { StatusQuoCheck } from '../../compute/simulation.ts';
import {
  calibrateMachines,
  machineRecordsOfKit,
  statusQuoChecksOfKit,
} from '../../compute/simulation.ts';
import { formatInteger, formatNumber, formatPercent, isMessageKey } from '../../i18n/index.ts';
import type { MessageKey } from '../../i18n/index.ts';
import { readScenarioFile } from '../../ingest/scenarios/scenario-file.ts';
import type { SimulationChecksView } from '../../plan/simulation/checks.ts';
import { checksView } from '../../plan/simulation/checks.ts';
import { DEFAULT_REPLICATIONS, DEFAULT_SEED, runSimulation } from '../../plan/simulation/runner.ts';
import type {
  CalibrationNote,
  Estimate,
  FailingFigure,
  FigureKey,
  MachineRecords,
  Scenario,
  SimulationReport,
} from '../../plan/simulation/types.ts';
import { FIGURE_KEYS } from '../../plan/simulation/types.ts';
import { closeMatches } from '../../reports/matches.ts';
import type { Store } from '../../storage/index.ts';
import {
  describeHolder,
  loadCosts,
  loadEquipment,
  loadEstablishments,
  loadKit,
} from '../../storage/index.ts';
import { loadSimulationRecords } from '../../storage/machine-records.ts';
import { loadSimulationChecks, replaceSimulationChecks } from '../../storage/simulation-checks.ts';
import type { Command, OptionValues } from '../command.ts';
import {
  enumOption,
  intOption,
  positionals,
  STORE_OPTIONS,
  stringListOption,
  stringOption,
} from '../command.ts';
import type { Column } from '../output.ts';
import {
  errorTotal,
  getCliLang,
  printIssues,
  Progress,
  say,
  table,
  UsageError,
  UserError,
} from '../output.ts';
import { chooseCampaign } from './campaigns.ts';
import { readKitOrFail } from './read-kit-or-fail.ts';
import type { ScenarioCostFigure, ScenarioCostLine } from './scenario-costs.ts';
import { scenarioCostLine } from './scenario-costs.ts';
import { issueKey, servingHolder } from './server-handoff.ts';
import { withStore } from './store-access.ts';

/** Most machines simulated together (as the API allows). */
export const MAX_POOLED = 8;
const MAX_WEEKS = 104;
const MAX_REPLICATIONS = 1000;
const MAX_SEED = 2 ** 31 - 1;

const USAGE = `Usage: plateau simulate --machine EQUIPMENT_ID [KIT_DIR] [--scenario FILE.json] [--weeks N]
                        [--replications R] [--seed S] [--json]
       plateau simulate --site FINESS --modality CT|MR [KIT_DIR] [same options]
       plateau simulate --all [KIT_DIR] [--replications R] [--seed S] [--json]
       (from the store: [--campaign ID] [--data DIR | --database-url URL])

The capacity simulation (planning.md §3): a machine calibrated on its own campaign — demand by
hour of week, lead times, booked lengths, exam durations, late starts, its session grid — is
replayed R times (seeded, common random numbers), and each scenario is compared with it.

  --machine ID          the machine simulated (repeat it for machines of one site and one
                        modality sharing a queue, at most ${MAX_POOLED})
  --site FINESS --modality CT|MR
                        a site's machines of that modality, pooled
  --all                 the status quo of every machine of the campaign, each alone: how many
                        reproduce their campaign, and the figure that fails for the others;
                        stored for the quality page (replaced whole; cleared by an import that
                        changes the campaign). From a KIT_DIR nothing is stored
  KIT_DIR               read the kit's files instead of the store
  --scenario FILE.json  scenarios to compare with the status quo (format: docs/scenarios.md;
                        examples in examples/scenarios). A file with an error is refused with
                        every issue located, and nothing is simulated
  --weeks N             weeks measured (default: the campaign's whole weeks; 1 to ${MAX_WEEKS})
  --replications R      replications (default ${DEFAULT_REPLICATIONS}; 2 to ${MAX_REPLICATIONS})
  --seed S              the master seed (default ${DEFAULT_SEED}): the same seed gives the same figures
  --hourly-staff-cost EUR
                        with --scenario: each scenario's added yearly cost — the programmed
                        machine-hours per week it adds × EUR × 52, plus for an added machine the
                        amortisation and maintenance of the costs row (the kit's costs.csv, or the
                        one stored with the campaign) of the machine whose grid it copies — and
                        its cost per exam gained and per day of outpatient P50 delay saved; null
                        with the reason when the gain is not significant or a costs row is missing.
                        An illustrative costs set is said so
  --json                the SimulationReport (--all: the checks and their summary); with
                        --hourly-staff-cost each scenario has its cost
  --campaign ID         which stored campaign (default: the last imported)

The status quo must reproduce the campaign: occupancy (programmed) and exams per week within
5 % of the measured ones, the median appointment delay (outpatients, inpatients) within 20 % or
1 day. When it does not, the failing figure is named and the scenarios are marked unreliable.
A difference is called significant only when its 95 % interval excludes 0.

Examples (on the national campaign of 'plateau demo'):
  plateau simulate --machine EQ001
  plateau simulate --site 830363180 --modality MR --scenario examples/scenarios/saturday-morning.json
  plateau simulate --machine EQ001 ./national --json     (a kit written by plateau generate ./national)
  plateau simulate --machine EQ001 --scenario examples/scenarios/saturday-morning.json --hourly-staff-cost 45
  plateau simulate --all`;

/** What is simulated: machines, or every machine (`all`). */
type Target =
  | { kind: 'machines'; ids: string[] }
  | { kind: 'site'; finess: string; modality: Modality }
  | { kind: 'all' };

function targetOf(values: OptionValues): Target {
  const machines = stringListOption(values, 'machine');
  const site = stringOption(values, 'site');
  const modality = enumOption(values, 'modality', MODALITIES);
  const all = values['all'] === true;
  const chosen = [machines.length > 0, site !== undefined, all].filter(Boolean).length;
  if (chosen === 0) throw new UsageError(say('cli.simulate.usage.target'));
  if (chosen > 1) throw new UsageError(say('cli.simulate.usage.oneTarget'));
  if ((site === undefined) !== (modality === undefined))
    throw new UsageError(say('cli.simulate.usage.modality'));
  if (values['hourly-staff-cost'] !== undefined && values['scenario'] === undefined)
    throw new UsageError(say('cli.simulate.usage.costNeedsScenario'));
  if (all) {
    for (const option of ['scenario', 'weeks']) {
      if (values[option] !== undefined)
        throw new UsageError(say('cli.simulate.usage.allOnly', { option: `--${option}` }));
    }
    return { kind: 'all' };
  }
  if (site !== undefined && modality !== undefined) return { kind: 'site', finess: site, modality };
  if (machines.length > MAX_POOLED)
    throw new UsageError(say('cli.simulate.tooMany', { max: MAX_POOLED, asked: machines.length }));
  return { kind: 'machines', ids: [...new Set(machines)] };
}

/** The machines a target names among a campaign's, checked: known, one site, one modality. */
function machinesOf(
  target: Exclude<Target, { kind: 'all' }>,
  equipment: readonly Equipment[],
  campaign: string,
): Equipment[] {
  if (target.kind === 'site') {
    const found = equipment.filter(
      (m) => m.finess === target.finess && m.modality === target.modality,
    );
    if (found.length === 0)
      throw new UserError(
        say('cli.simulate.noSiteMachines', {
          modality: target.modality,
          finess: target.finess,
          campaign,
        }),
      );
    if (found.length > MAX_POOLED)
      throw new UserError(say('cli.simulate.tooMany', { max: MAX_POOLED, asked: found.length }));
    return found;
  }
  const byId = new Map(equipment.map((m) => [m.equipmentId, m]));
  const found = target.ids.map((id) => {
    const m = byId.get(id);
    if (m) return m;
    const near = closeMatches(
      id,
      equipment.map((e) => e.equipmentId),
    );
    throw new UserError(
      say('cli.simulate.unknownMachine', {
        id,
        campaign,
        near: near.length > 0 ? say('cli.simulate.near', { ids: near.join(', ') }) : '',
      }),
    );
  });
  const [first] = found;
  if (found.some((m) => m.finess !== first?.finess || m.modality !== first.modality)) {
    throw new UserError(
      say('cli.simulate.mixedMachines', {
        ids: found.map((m) => `${m.equipmentId} (${m.finess}, ${m.modality})`).join(', '),
      }),
    );
  }
  return found;
}

/** A scenario file read and checked for its form; a user error (every issue printed) when it has errors. */
async function scenarioFile(
  path: string,
): Promise<{ text: string; name: string; scenarios: Scenario[]; issues: Issue[] }> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new UserError(
      say('cli.simulate.scenarioUnreadable', {
        place: path,
        reason: (error as NodeJS.ErrnoException).code ?? (error as Error).message,
      }),
    );
  }
  const name = basename(path);
  const read = readScenarioFile(text, name);
  printIssues(read.issues);
  if (errorTotal(read.issues) > 0)
    throw new UserError(
      say('cli.simulate.scenarioRefused', { place: path, errorCount: errorTotal(read.issues) }),
    );
  return { text, name, scenarios: read.scenarios, issues: read.issues };
}

/** The records of the target, from a kit folder or the store; the campaign's costs too when `withCosts`. */
async function recordsOf(
  target: Exclude<Target, { kind: 'all' }>,
  kitDir: string | undefined,
  values: OptionValues,
  withCosts = false,
): Promise<{ records: MachineRecords; costs: CostSet | null }> {
  if (kitDir !== undefined) {
    const kit = await readKitOrFail(kitDir);
    const machines = machinesOf(target, kit.equipment, kit.campaign.id);
    const records = machineRecordsOfKit(
      kit,
      machines.map((m) => m.equipmentId),
    ) as MachineRecords;
    return { records, costs: kit.costs ?? null };
  }
  return withStore(values, async (store) => {
    const { id } = await chooseCampaign(store, stringOption(values, 'campaign'));
    const machines = machinesOf(target, await loadEquipment(store, id), id);
    const records = await loadSimulationRecords(
      store,
      id,
      machines.map((m) => m.equipmentId),
    );
    if (!records) throw new UserError(`campaign '${id}' changed while it was read: run this again`);
    // The stored costs are read with the whole campaign: only when a scenario adds a machine.
    const costs = withCosts ? await loadCosts(store.db, id) : null;
    return { records, costs };
  });
}

/** `--hourly-staff-cost`: euros ≥ 0, or undefined when not given. */
function hourlyStaffCostOf(values: OptionValues): number | undefined {
  const raw = stringOption(values, 'hourly-staff-cost');
  if (raw === undefined) return undefined;
  const n = Number(raw);
  if (raw.trim() === '' || !Number.isFinite(n) || n < 0)
    throw new UsageError(say('cli.simulate.usage.hourlyStaffCost', { value: raw }));
  return n;
}

async function simulateTarget(
  target: Exclude<Target, { kind: 'all' }>,
  kitDir: string | undefined,
  values: OptionValues,
): Promise<number> {
  const replications = intOption(values, 'replications', DEFAULT_REPLICATIONS, 2, MAX_REPLICATIONS);
  const seed = intOption(values, 'seed', DEFAULT_SEED, 0, MAX_SEED);
  const weeks =
    values['weeks'] === undefined ? undefined : intOption(values, 'weeks', 1, 1, MAX_WEEKS);
  const path = stringOption(values, 'scenario');
  const hourlyStaffCost = hourlyStaffCostOf(values);
  // The file is read before the records: a refused file costs nothing and runs nothing.
  const file = path === undefined ? null : await scenarioFile(path);
  const addsMachine =
    file?.scenarios.some((sc) => sc.changes.some((c) => c.type === 'add-machine')) ?? false;
  const { records, costs } = await recordsOf(
    target,
    kitDir,
    values,
    hourlyStaffCost !== undefined && addsMachine,
  );
  const { model, durations, nextAvailable } = calibrateMachines(records);
  let scenarios: Scenario[] = [];
  if (file !== null) {
    // Again with the model: the machines the changes name must be the simulated ones.
    const checked = readScenarioFile(file.text, file.name, { model });
    const shown = new Set(file.issues.map(issueKey));
    printIssues(checked.issues.filter((i) => !shown.has(issueKey(i))));
    if (errorTotal(checked.issues) > 0)
      throw new UserError(
        say('cli.simulate.scenarioRefused', {
          place: path as string,
          errorCount: errorTotal(checked.issues),
        }),
      );
    scenarios = checked.scenarios;
  }
  const progress = new Progress(`simulating ${model.machines.map((m) => m.equipmentId).join('+')}`);
  const report: SimulationReport = {
    ...runSimulation(model, scenarios, {
      replications,
      seed,
      ...(weeks === undefined ? {} : { weeks }),
      onProgress: (done, total) => progress.update(done, total),
    }),
    durations,
    nextAvailable,
  };
  progress.done();
  const scenarioCosts =
    hourlyStaffCost === undefined
      ? null
      : report.scenarios.map((result, i) =>
          scenarioCostLine(model, scenarios[i] as Scenario, result, costs, hourlyStaffCost),
        );
  if (values['json']) {
    const withCosts =
      scenarioCosts === null
        ? report
        : {
            ...report,
            scenarios: report.scenarios.map((sc, i) => ({ ...sc, cost: scenarioCosts[i] })),
          };
    process.stdout.write(`${JSON.stringify(withCosts, null, 2)}\n`);
  } else process.stdout.write(`${describeReport(report, records, scenarioCosts)}\n`);
  return 0;
}

/** Every machine's status-quo check, on worker threads when this build can. */
async function checksOf(kit: Kit, replications: number, seed: number): Promise<StatusQuoCheck[]> {
  const progress = new Progress(say('cli.simulate.all.progress'));
  try {
    const parallel = await statusQuoChecksParallel(
      kit,
      { replications, seed },
      { onMachine: (done, total, id) => progress.update(done, total, id) },
    );
    return (
      parallel ??
      statusQuoChecksOfKit(kit, { replications, seed }, (done, total, id) =>
        progress.update(done, total, id),
      )
    );
  } finally {
    progress.done();
  }
}

async function simulateAll(kitDir: string | undefined, values: OptionValues): Promise<number> {
  const replications = intOption(values, 'replications', DEFAULT_REPLICATIONS, 2, MAX_REPLICATIONS);
  const seed = intOption(values, 'seed', DEFAULT_SEED, 0, MAX_SEED);
  let view: SimulationChecksView;
  let where: string;
  if (kitDir !== undefined) {
    const kit = await readKitOrFail(kitDir);
    const computedAt = new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');
    const checks = (await checksOf(kit, replications, seed)).map(
      ({ events: _e, seconds: _s, ...c }) => ({ ...c, computedAt }),
    );
    view = checksView(kit.campaign, kit.equipment, kit.establishments, checks);
    where = say('cli.simulate.all.notStored', { place: kitDir });
  } else {
    // --all writes: a server holding the embedded store would refuse the open after the work.
    const server = await servingHolder(values);
    if (server !== null) {
      throw new UserError(
        say('cli.simulate.held', {
          holder: describeHolder(server),
          stop: server.pid > 0 ? `kill ${server.pid}` : 'stop it',
        }),
      );
    }
    ({ view, where } = await withStore(values, async (store) => {
      const { id } = await chooseCampaign(store, stringOption(values, 'campaign'));
      const kit = await loadKit(store, id);
      if (!kit) throw new UserError(`campaign '${id}' is no longer stored`);
      const checks = await checksOf(kit, replications, seed);
      await replaceSimulationChecks(
        store,
        id,
        checks.map(({ events: _e, seconds: _s, ...c }) => c),
      );
      return {
        view: await storedView(store, kit),
        where: say('cli.simulate.all.stored', { store: store.location }),
      };
    }));
  }
  if (values['json']) process.stdout.write(`${JSON.stringify(view, null, 2)}\n`);
  else process.stdout.write(`${describeChecks(view, where)}\n`);
  return 0;
}

async function storedView(store: Store, kit: Kit): Promise<SimulationChecksView> {
  const id = kit.campaign.id;
  const [equipment, establishments, checks] = await Promise.all([
    loadEquipment(store, id),
    loadEstablishments(store, id),
    loadSimulationChecks(store, id),
  ]);
  return checksView(kit.campaign, equipment, establishments, checks);
}

export const simulateCommand: Command = {
  name: 'simulate',
  summary: "simulate a machine's capacity on its own campaign: status quo check and scenarios",
  usage: USAGE,
  options: {
    ...STORE_OPTIONS,
    machine: { type: 'string', multiple: true },
    site: { type: 'string' },
    modality: { type: 'string' },
    all: { type: 'boolean' },
    scenario: { type: 'string' },
    weeks: { type: 'string' },
    replications: { type: 'string' },
    seed: { type: 'string' },
    'hourly-staff-cost': { type: 'string' },
    json: { type: 'boolean' },
    campaign: { type: 'string' },
  },
  async run({ positionals: args, values }) {
    const [kitDir] = positionals(args, 0, 1, 'at most one KIT_DIR');
    const target = targetOf(values);
    return target.kind === 'all'
      ? simulateAll(kitDir, values)
      : simulateTarget(target, kitDir, values);
  },
};

// ---------------------------------------------------------------------------------------------
// Output

/**
 * A figure's value in its unit: a share as a percentage (a signed difference of shares in
 * percentage points), minutes whole, the rest to 0.1.
 */
function figureValue(key: FigureKey, value: number | null | undefined, signed = false): string {
  const lang = getCliLang();
  if (value === null || value === undefined || !Number.isFinite(value)) return '–';
  const share = key === 'occupancy.programmed';
  const digits = share
    ? 3
    : key.startsWith('unscheduledWait') || key.endsWith('MinutesPerWeek')
      ? 0
      : 1;
  // Rounded as shown first, so that a tiny negative difference reads 0, not -0.
  const shown = Number(value.toFixed(digits)) + 0;
  const sign = signed && shown > 0 ? '+' : '';
  // A difference of shares is in percentage points, not a percent of the status quo.
  if (share && signed) return `${sign}${formatNumber(shown * 100, lang, 1)}\u00a0pt`;
  return sign + (share ? formatPercent(shown, lang, 1) : formatNumber(shown, lang, digits));
}

function interval(key: FigureKey, e: Estimate, signed = false): string {
  return e.ci95 === null
    ? '–'
    : `${figureValue(key, e.ci95[0], signed)} – ${figureValue(key, e.ci95[1], signed)}`;
}

const figureName = (key: FigureKey): string => say(`simulate.figure.${key}` as MessageKey);

function failingText(f: FailingFigure): string {
  return say('cli.simulate.failing', {
    figure: figureName(f.figure),
    observed: figureValue(f.figure, f.observed),
    simulated: figureValue(f.figure, f.simulated),
    tolerance: figureValue(f.figure, f.tolerance),
  });
}

function noteText(note: CalibrationNote): string {
  const key = `simulation.note.${note.code}`;
  return isMessageKey(key)
    ? say(key, note.params)
    : `${note.code}${note.params ? ` ${JSON.stringify(note.params)}` : ''}`;
}

/** Figures shown: those with a value somewhere (the report's own order). */
function shownFigures(report: SimulationReport): FigureKey[] {
  return FIGURE_KEYS.filter(
    (k) =>
      report.statusQuo.observed[k] !== null ||
      report.statusQuo.simulated[k].mean !== null ||
      report.scenarios.some((s) => s.figures[k].mean !== null),
  );
}

/** The readable report: the machines, the status quo against the campaign, each scenario against it, durations, next available appointment, engine, notes. */
export function describeReport(
  report: SimulationReport,
  records: MachineRecords,
  costs: readonly ScenarioCostLine[] | null = null,
): string {
  const lang = getCliLang();
  const sq = report.statusQuo;
  const figures = shownFigures(report);
  const failing = new Set(sq.failing.map((f) => f.figure));
  const checked = new Set<FigureKey>([
    'occupancy.programmed',
    'passagesPerWeek',
    'appointmentDelayDays.outpatient.p50',
    'appointmentDelayDays.inpatient.p50',
  ]);
  const site = records.establishment
    ? `${records.establishment.name} (${records.equipment[0]?.finess})`
    : (records.equipment[0]?.finess ?? '');
  const lines = [
    say('cli.simulate.title', { id: report.campaign.id, name: report.campaign.name }),
    say('cli.simulate.machines', {
      ids: records.equipment
        .map((m) => (m.label ? `${m.equipmentId} (${m.label})` : m.equipmentId))
        .join(', '),
      site,
      modality: records.equipment[0]?.modality ?? '',
    }),
    say('cli.simulate.run', {
      replications: report.replications,
      weeks: report.weeks,
      warmup: report.warmupWeeks,
      seed: String(report.seed),
    }),
    '',
    say('cli.simulate.statusQuo'),
  ];
  const sqColumns: Column[] = [
    { header: say('cli.simulate.col.figure') },
    { header: say('cli.simulate.col.observed'), align: 'right' },
    { header: say('cli.simulate.col.simulated'), align: 'right' },
    { header: say('cli.simulate.col.interval'), align: 'right' },
    { header: say('cli.simulate.col.check') },
  ];
  lines.push(
    table(
      sqColumns,
      figures.map((k) => [
        figureName(k),
        figureValue(k, sq.observed[k]),
        figureValue(k, sq.simulated[k].mean),
        interval(k, sq.simulated[k]),
        failing.has(k)
          ? say('cli.simulate.check.fails')
          : checked.has(k) && sq.observed[k] !== null
            ? say('cli.simulate.check.ok')
            : '',
      ]),
    ),
    sq.reproduces
      ? say('cli.simulate.reproduces')
      : say('cli.simulate.fails', { figures: sq.failing.map(failingText).join('; ') }),
  );
  if (report.scenarios.length === 0) lines.push('', say('cli.simulate.noScenario'));
  report.scenarios.forEach((s, i) => {
    lines.push('', say('cli.simulate.scenario', { name: s.name }));
    if (!s.reliable) lines.push(say('cli.simulate.unreliable'));
    const columns: Column[] = [
      { header: say('cli.simulate.col.figure') },
      { header: say('cli.simulate.col.statusQuo'), align: 'right' },
      { header: say('cli.simulate.col.scenario'), align: 'right' },
      { header: say('cli.simulate.col.interval'), align: 'right' },
      { header: say('cli.simulate.col.delta'), align: 'right' },
      { header: say('cli.simulate.col.deltaInterval'), align: 'right' },
    ];
    lines.push(
      table(
        columns,
        figures.map((k) => [
          figureName(k),
          figureValue(k, sq.simulated[k].mean),
          figureValue(k, s.figures[k].mean),
          interval(k, s.figures[k]),
          `${figureValue(k, s.delta[k].mean, true)}${s.delta[k].significant ? ' *' : '  '}`,
          interval(k, s.delta[k], true),
        ]),
      ),
    );
    const cost = costs?.[i];
    if (cost) lines.push(...scenarioCostText(cost));
  });
  if (report.scenarios.length > 0) lines.push(say('cli.simulate.legend'));
  const d = report.durations;
  if (d) {
    const minutes = (v: number | null): string =>
      v === null ? '–' : `${formatNumber(v, lang, 1)} min`;
    lines.push(
      '',
      say('cli.simulate.durations', {
        method: d.method,
        from: d.heldOut.from,
        to: d.heldOut.to,
        heldOutExams: formatInteger(d.heldOut.exams, lang),
        modelMae: minutes(d.heldOut.modelMaeMinutes),
        bookedMae: minutes(d.heldOut.bookedMaeMinutes),
        bookedExams: formatInteger(d.heldOut.bookedExams, lang),
        modelOnBooked: minutes(d.heldOut.modelMaeOnBookedMinutes),
        coverage: formatPercent(d.heldOut.p80Coverage, lang, 0),
      }),
    );
    if (d.heldOut.better !== null)
      lines.push(
        say(
          d.heldOut.better === 'model'
            ? 'cli.simulate.durations.model'
            : 'cli.simulate.durations.booked',
        ),
      );
    if (d.slots.length > 0) {
      const slots = d.slots.map(
        (s) =>
          `${records.equipment.length > 1 ? `${s.equipmentId} ` : ''}${s.family} ${formatInteger(s.minutes, lang)} min`,
      );
      lines.push(say('cli.simulate.durations.slots', { slots: slots.join(', ') }));
    }
  }
  for (const n of report.nextAvailable ?? []) {
    lines.push(
      n.medianDays === null
        ? say('cli.simulate.nextAvailable.none', { machine: n.equipmentId })
        : say('cli.simulate.nextAvailable', {
            machine: n.equipmentId,
            median: `${formatNumber(n.medianDays, lang, 1)} ${lang === 'fr' ? 'j' : 'd'}`,
            computedDays: n.days,
            slot: n.slotMinutes === null ? '–' : `${formatInteger(n.slotMinutes, lang)} min`,
          }),
    );
  }
  lines.push(
    '',
    say('cli.simulate.engine', {
      events: formatInteger(report.engine.events, lang),
      seconds: formatNumber(report.engine.seconds, lang, 2),
      rate: `${formatNumber(report.engine.eventsPerSecond / 1e6, lang, 2)} M`,
    }),
  );
  if (report.notes.length > 0)
    lines.push(say('cli.simulate.notes'), ...report.notes.map((n) => `  - ${noteText(n)}`));
  return lines.join('\n');
}

/** Euros, whole, or the reason it is null. */
function euros(f: ScenarioCostFigure, unit: string): string {
  if (f.value === null)
    return `– (${say(`cli.simulate.cost.reason.${f.reason ?? 'not-computable'}`)})`;
  return `${formatInteger(Math.round(f.value), getCliLang())}\u00a0€${unit}`;
}

/** A scenario's cost lines: what is added, then the two ratios, each saying its provenance. */
function scenarioCostText(c: ScenarioCostLine): string[] {
  const lang = getCliLang();
  const provenance = say(`cli.simulate.cost.provenance.${c.provenance}`);
  const machines = c.addedMachines.map((m) => `${m.count} × ${m.gridOf}`).join(', ');
  return [
    say('cli.simulate.cost.added', {
      provenance,
      added: euros(c.addedCostPerYear, ''),
      staffHours: formatNumber(c.staffHoursPerWeek, lang, 1),
      rate: formatNumber(c.hourlyStaffCost, lang, 2),
      addedMachines: machines === '' ? '' : say('cli.simulate.cost.machines', { list: machines }),
    }),
    say('cli.simulate.cost.ratios', {
      provenance,
      perExam: euros(c.costPerExamGained, ''),
      examsGained:
        c.examsGainedPerYear === null
          ? '–'
          : formatNumber(Number(c.examsGainedPerYear.toFixed(0)) + 0, lang, 0),
      perDay: euros(c.costPerDaySaved, ''),
      daysSaved:
        c.p50DaysSaved === null
          ? '–'
          : formatNumber(Number(c.p50DaysSaved.toFixed(1)) + 0, lang, 1),
    }),
    ...(c.reliable ? [] : [say('cli.simulate.cost.unreliable')]),
  ];
}

/** The `--all` summary: how many machines reproduce their campaign, the others with their failing figures. */
export function describeChecks(view: SimulationChecksView, where: string): string {
  const lang = getCliLang();
  const lines = [say('cli.simulate.title', { id: view.campaign.id, name: view.campaign.name })];
  const s = view.summary;
  if (s !== null) {
    lines.push(
      say('cli.simulate.all.summary', {
        reproduce: formatInteger(s.reproduce, lang),
        checked: formatInteger(s.machines, lang),
        share: formatPercent(s.share, lang, 1),
        replications: s.replications,
        seed: String(s.seed),
      }),
    );
    if (s.failing.length > 0) {
      lines.push(say('cli.simulate.all.failingTitle'));
      for (const m of s.failing) {
        lines.push(
          `  ${say('cli.simulate.all.failingMachine', {
            machine: m.equipmentId,
            site: m.establishment ? `${m.establishment} ${m.finess}` : (m.finess ?? '–'),
            modality: m.modality ?? '–',
            figures: m.failing.map(failingText).join('; '),
          })}`,
        );
      }
    }
  }
  lines.push(where);
  return lines.join('\n');
}
