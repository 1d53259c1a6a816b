/**
 * `plateau indicators [KIT_DIR]`: the figures of a campaign, straight from a kit's files (the
 * store is not touched) or from the store's saved results (nothing recomputed), as a table,
 * JSON (the contract of indicators.md) or CSV (one row per machine).
 */
import { availableParallelism } from 'node:os';
import { benchmarkByModality, matchesFilter } from '../../core/benchmark.ts';
import type { PeerFilter, SitePlaces } from '../../core/benchmark.ts';
import type { CampaignComputation } from '../../core/indicators/index.ts';
import type {
  CampaignIndicators,
  MachineIndicators,
  PeerBenchmark,
} from '../../core/indicators/types.ts';
import { MODALITIES } from '../../core/kit-types.ts';
import type { Modality } from '../../core/kit-types.ts';
import { REFERENCE_2010 } from '../../core/reference-2010.ts';
import { computeCampaignParallel } from '../../compute/parallel.ts';
import {
  normalizeDepartmentCode,
  POPULATION,
  regionCodeOf,
} from '../../plan/territories/population.ts';
import { sitePlaces } from '../../plan/territories/site-places.ts';
import type { Command } from '../command.ts';
import {
  CAMPAIGN_FIGURE_OPTIONS,
  enumOption,
  intOption,
  positionals,
  stringOption,
} from '../command.ts';
import type { Cell } from '../output.ts';
import { csv, say, table, UsageError, UserError } from '../output.ts';
import { readKitOrFail } from './read-kit-or-fail.ts';

const USAGE = `Usage: plateau indicators [KIT_DIR] [--json | --csv] [filters]

Prints every indicator of a campaign: per machine, and the benchmark (P20 / P50 / P80) per
modality beside the values the ANAP report published for 2010.

  KIT_DIR               compute straight from a data kit's files (the store is not touched);
                        without it, read the results saved in the store by 'plateau import'
  --json                the JSON document of indicators.md (machines, benchmark, survey, quality)
  --csv                 one row per machine
  --threads N           threads computing the machines of KIT_DIR (default: the machine's
                        available parallelism; 1 computes in this thread); same figures either way
  --campaign ID         which stored campaign (default: the last imported, named on stderr
                        when the store holds several; see 'plateau campaigns list')
  --modality CT|MR      only this modality
  --region R            peers of this region only (benchmark and machines)
  --legal-status S      peers of this legal status only (CH, CHU, ESPIC, PRIVATE…)
  --typology T          scheduled-centred or emergency-dedicated
  --department D        peers whose site is in this département (INSEE code: 59, 2A, 971), from
                        the establishments' department column
  --insee-region R      peers whose site is in this current region (INSEE code such as 32, or a
                        name, current or pre-2016): the site's département's region, else the
                        region its region column names
  --data DIR            the embedded store (default: $PLATEAU_DATA, else ./plateau-data)
  --database-url URL    a PostgreSQL server instead of the embedded store

Examples:
  plateau indicators ./my-kit --json > figures.json
  plateau indicators --modality MR --region HDF
  plateau indicators --modality CT --department 59`;

export const indicatorsCommand: Command = {
  name: 'indicators',
  summary: 'print the indicators and benchmark of a kit or of the stored campaign',
  usage: USAGE,
  options: { ...CAMPAIGN_FIGURE_OPTIONS, threads: { type: 'string' } },
  async run({ positionals: args, values }) {
    const [kitDir] = positionals(args, 0, 1, 'at most one KIT_DIR');
    const threads = intOption(values, 'threads', availableParallelism(), 1, 256);
    if (values.json && values.csv) throw new UsageError('choose one of --json and --csv');
    const filter: PeerFilter = {
      modality: enumOption(values, 'modality', MODALITIES),
      region: stringOption(values, 'region'),
      legalStatus: stringOption(values, 'legal-status'),
      typology: enumOption(values, 'typology', [
        'scheduled-centred',
        'emergency-dedicated',
      ] as const),
      ...placeOptions(values),
    };
    let computation: CampaignComputation;
    let places: SitePlaces;
    if (kitDir) {
      // The indicators read no patient key: checked, not kept (a national year's are 600 MB).
      const kit = await readKitOrFail(kitDir, { patientKeys: false });
      computation = await computeCampaignParallel(kit, { threads });
      places = sitePlaces(kit.establishments);
    } else {
      // The store's modules load only here: a kit's figures do without them (~20 MiB less).
      const [{ loadEstablishments }, { chooseCampaign, storedComputation }, { withStore }] =
        await Promise.all([
          import('../../storage/index.ts'),
          import('./campaigns.ts'),
          import('./store-access.ts'),
        ]);
      [computation, places] = await withStore(values, async (store) => {
        const { id } = await chooseCampaign(store, stringOption(values, 'campaign'));
        return [
          await storedComputation(store, id),
          sitePlaces(await loadEstablishments(store, id)),
        ] as const;
      });
    }
    const result = applyFilter(computation, filter, places);
    if (result.machines.length === 0 && computation.indicators.machines.length > 0) {
      const regions = [...new Set(computation.indicators.machines.map((m) => m.region ?? '–'))]
        .sort()
        .join(', ');
      throw new UserError(
        `no machine matches these filters (regions in this campaign: ${regions})`,
      );
    }
    if (values.json) process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
    else if (values.csv) process.stdout.write(machinesCsv(result.machines));
    else process.stdout.write(`${describe(result)}\n`);
    return 0;
  },
};

/** The `--department` and `--insee-region` filters as INSEE codes; a usage error lists the codes for a value that names none. */
function placeOptions(
  values: Parameters<Command['run']>[0]['values'],
): Pick<PeerFilter, 'department' | 'inseeRegion'> {
  const out: Pick<PeerFilter, 'department' | 'inseeRegion'> = {};
  const department = stringOption(values, 'department');
  if (department !== undefined) {
    const code = normalizeDepartmentCode(department);
    const codes = POPULATION.departments.map((d) => d.code).join(', ');
    if (code === null)
      throw new UsageError(
        say('cli.usage.oneOf', { option: '--department', values: codes, value: department }),
      );
    out.department = code;
  }
  const region = stringOption(values, 'insee-region');
  if (region !== undefined) {
    const code = regionCodeOf(region);
    const codes = POPULATION.regions.map((r) => r.code).join(', ');
    if (code === null)
      throw new UsageError(
        say('cli.usage.oneOf', { option: '--insee-region', values: codes, value: region }),
      );
    out.inseeRegion = code;
  }
  return out;
}

/**
 * The document narrowed to the machines of the filter, with their benchmark as peers; `places`
 * gives the sites' INSEE département and region for those filters.
 */
export function applyFilter(
  c: CampaignComputation,
  filter: PeerFilter,
  places: SitePlaces = new Map(),
): CampaignIndicators {
  const active = Object.values(filter).some((v) => v !== undefined);
  if (!active) return c.indicators;
  const machines = c.indicators.machines.filter((m) => matchesFilter(m, filter, places));
  return {
    ...c.indicators,
    machines,
    benchmark: benchmarkByModality(c.indicators.machines, c.samples, filter, places),
  };
}

const pct = (v: number | null): number | null => (v === null ? null : v * 100);

const MACHINE_COLUMNS: {
  header: string;
  digits?: number;
  value: (m: MachineIndicators) => Cell;
}[] = [
  { header: 'equipment', value: (m) => m.equipmentId },
  { header: 'modality', value: (m) => m.modality },
  { header: 'finess', value: (m) => m.finess },
  { header: 'region', value: (m) => m.region },
  { header: 'programmed_h_week', digits: 1, value: (m) => m.openingHoursPerWeek.programmed },
  { header: 'extended_h_week', digits: 1, value: (m) => m.openingHoursPerWeek.extended },
  { header: 'total_h_week', digits: 1, value: (m) => m.openingHoursPerWeek.total },
  { header: 'passages_week', digits: 1, value: (m) => m.passagesPerWeek },
  { header: 'occupancy_programmed_pct', digits: 1, value: (m) => pct(m.occupancy.programmed) },
  {
    header: 'occupancy_prog_emerg_pct',
    digits: 1,
    value: (m) => pct(m.occupancy.programmedPlusEmergency),
  },
  { header: 'included', value: (m) => (m.occupancyIncluded ? 'yes' : 'no') },
  { header: 'icr_per_hour', digits: 1, value: (m) => m.icrPerHour },
  { header: 'ed_share_pct', digits: 1, value: (m) => pct(m.emergencyShare) },
  { header: 'night_week', digits: 1, value: (m) => m.night.perWeek },
  { header: 'on_call', value: (m) => (m.significantOnCall ? 'yes' : 'no') },
  { header: 'typology', value: (m) => m.typology },
];

export function machinesCsv(machines: readonly MachineIndicators[]): string {
  const extra: { header: string; value: (m: MachineIndicators) => Cell }[] = [
    { header: 'night_evening', value: (m) => m.night.evening },
    { header: 'night_deep', value: (m) => m.night.deepNight },
    { header: 'night_per_weekday_night', value: (m) => m.night.perWeekdayNight },
    ...(['A', 'H', 'R', 'U'] as const).map((c) => ({
      header: `duration_${c}_p50_min`,
      value: (m: MachineIndicators) => m.durationMinutes[c]?.p50 ?? null,
    })),
    ...(['outpatient', 'inpatient', 'emergency'] as const).map((t) => ({
      header: `report_delay_${t}_p50_min`,
      value: (m: MachineIndicators) => m.reportDelayMinutes[t]?.p50 ?? null,
    })),
    ...(
      ['lateStartMinutes', 'earlyEndMinutes', 'turnoverGapMinutes', 'overrunMinutes'] as const
    ).map((k) => ({
      header: `lead_${k.replace('Minutes', '')}_h_week`,
      value: (m: MachineIndicators) => m.leads[k]?.hoursPerWeek ?? null,
    })),
    { header: 'short_exams', value: (m) => m.quality.shortExams },
  ];
  const columns = [...MACHINE_COLUMNS, ...extra];
  return csv(
    columns.map((c) => c.header),
    machines.map((m) => columns.map((c) => c.value(m))),
  );
}

const FIGURE_ROWS: {
  label: string;
  digits: number;
  scale?: number;
  get: (
    b: PeerBenchmark,
  ) => { n: number; p20: number | null; p50: number | null; p80: number | null } | undefined;
  ref?: string;
}[] = [
  {
    label: 'Programmed opening (h/week)',
    digits: 1,
    get: (b) => b.programmedOpening,
    ref: 'programmedOpening',
  },
  { label: 'Extended opening (h/week)', digits: 1, get: (b) => b.extendedOpening },
  { label: 'Total opening (h/week)', digits: 1, get: (b) => b.totalOpening },
  {
    label: 'Occupancy, programmed (%)',
    digits: 1,
    scale: 100,
    get: (b) => b.occupancyProgrammed,
    ref: 'occupancyProgrammed',
  },
  {
    label: 'Occupancy, prog. + emergency (%)',
    digits: 1,
    scale: 100,
    get: (b) => b.occupancyProgrammedPlusEmergency,
  },
  { label: 'ICR per hour', digits: 1, get: (b) => b.icrPerHour, ref: 'icrPerHour' },
  { label: 'Passages per week', digits: 1, get: (b) => b.passagesPerWeek, ref: 'passagesPerWeek' },
  ...(['A', 'H', 'R', 'U'] as const).map((c) => ({
    label: `Exam duration ${c} (min)`,
    digits: 1,
    get: (b: PeerBenchmark) => b.durationMinutes[c],
    ref: `duration${c}`,
  })),
  {
    label: 'Report delay, outpatient (min)',
    digits: 0,
    get: (b) => b.reportDelayMinutes.outpatient,
    ref: 'reportDelayOutpatient',
  },
  {
    label: 'Report delay, inpatient (min)',
    digits: 0,
    get: (b) => b.reportDelayMinutes.inpatient,
    ref: 'reportDelayInpatient',
  },
  { label: 'Report delay, emergency (min)', digits: 0, get: (b) => b.reportDelayMinutes.emergency },
  { label: 'Night exams per week', digits: 1, get: (b) => b.nightPerWeek },
  { label: 'Emergency-department share (%)', digits: 1, scale: 100, get: (b) => b.emergencyShare },
];

function benchmarkTable(result: CampaignIndicators, modality: Modality, b: PeerBenchmark): string {
  const fmt = (v: number | null, digits: number, scale = 1): string =>
    v === null ? '–' : (v * scale).toFixed(digits);
  const rows: Cell[][] = FIGURE_ROWS.flatMap((f) => {
    const q = f.get(b);
    if (!q) return [];
    const ref = REFERENCE_2010.find((r) => r.key === f.ref)?.published[modality];
    const refText = ref
      ? ref.map((v) => String(Number((v * (f.scale ?? 1)).toFixed(1)))).join(' / ')
      : '';
    return [
      [
        f.label,
        String(q.n),
        fmt(q.p20, f.digits, f.scale),
        fmt(q.p50, f.digits, f.scale),
        fmt(q.p80, f.digits, f.scale),
        refText,
      ],
    ];
  });
  const survey = result.survey[modality];
  for (const patient of ['outpatient', 'inpatient'] as const) {
    const q = survey?.byPatient[patient];
    const ref = REFERENCE_2010.find(
      (r) => r.key === `appointmentDelay${patient === 'outpatient' ? 'Outpatient' : 'Inpatient'}`,
    );
    if (q)
      rows.push([
        `Appointment delay, ${patient} (days, survey)`,
        String(q.n),
        fmt(q.p20, 1),
        fmt(q.p50, 1),
        fmt(q.p80, 1),
        ref?.published[modality].join(' / ') ?? '',
      ]);
  }
  const on =
    b.significantOnCallShare === null ? '–' : `${(b.significantOnCallShare * 100).toFixed(0)} %`;
  const strong = b.strongNightShare === null ? '–' : `${(b.strongNightShare * 100).toFixed(0)} %`;
  const right = { align: 'right' as const };
  return [
    `Benchmark ${modality}: ${b.machines} machines, ${b.includedMachines} included in occupancy and ICR/h`,
    table(
      [
        { header: 'figure' },
        { header: 'n', ...right },
        { header: 'P20', ...right },
        { header: 'P50', ...right },
        { header: 'P80', ...right },
        { header: '2010 P20 / P50 / P80' },
      ],
      rows,
    ),
    `Significant on-call activity: ${on} of machines; strong night activity: ${strong}.`,
  ].join('\n');
}

/** The readable report of a campaign for a terminal. */
export function describe(result: CampaignIndicators): string {
  const c = result.campaign;
  const parts = [
    `Campaign ${c.id} — ${c.name} · ${c.start}, ${c.days} days (${c.timeZone}) · ${result.machines.length} machines`,
    '',
  ];
  for (const modality of MODALITIES) {
    const b = result.benchmark[modality];
    if (b) parts.push(benchmarkTable(result, modality, b), '');
  }
  parts.push(
    'Machines',
    table(
      MACHINE_COLUMNS.map((c) => ({ header: c.header.replaceAll('_', ' '), digits: c.digits })),
      result.machines.map((m) => MACHINE_COLUMNS.map((c) => c.value(m))),
    ),
    '',
    `Data quality: ${result.quality.shortExams} exams under 3 minutes; ${result.quality.excludedFromOccupancy.length} machines excluded from occupancy` +
      (result.quality.unknownActs.length
        ? `; unknown acts: ${result.quality.unknownActs.join(', ')}`
        : ''),
  );
  return parts.join('\n');
}
