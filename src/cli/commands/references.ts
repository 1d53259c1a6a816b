/**
 * `plateau references [--load FILE.csv]`: the published figures the territorial comparison puts
 * beside a territory's (shipped with plateau, and loaded by the user from OECD exports), merged
 * as `territories` uses them. `--load` reads an export, prints its issues like every reader, and
 * stores its figures only when it has no error. Listing without a store shows the shipped ones.
 */
import { readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { readOecdCsvBytes } from '../../ingest/references/oecd-csv.ts';
import { mergeReferences, SHIPPED_REFERENCES } from '../../plan/territories/references.ts';
import type { ReferenceFigure } from '../../plan/territories/types.ts';
import { resolveDataDir } from '../../storage/index.ts';
import { dataFolderState } from '../../storage/pglite/pglite-db.ts';
import { loadedReferences, storeReferences } from '../../storage/reference-repository.ts';
import type { Command, OptionValues } from '../command.ts';
import { positionals, STORE_OPTIONS, stringOption } from '../command.ts';
import type { Cell } from '../output.ts';
import { csv, errorTotal, printIssues, say, table, UsageError, UserError } from '../output.ts';
import { databaseUrlOf, withStore } from './store-access.ts';

const USAGE = `Usage: plateau references [--json | --csv] [--data DIR | --database-url URL]
       plateau references --load FILE.csv [--data DIR | --database-url URL]

The published figures that territorial figures are compared with: CT and MRI units per million
inhabitants (total, hospital, private practice) and exams per 1,000 inhabitants of France and of
the OECD average, and French exam volumes, costs, waits and installed units, each with its year
and its source. plateau ships the figures of OECD Health at a Glance 2017 (2015), OECD Health
Statistics (2010, 2018), the radiology plan (2017) and Imagerie Santé Avenir (2011, 2015–2016).
Newer figures come from an OECD Data Explorer export, loaded into the store: a loaded figure
replaces the shipped one of the same measure, modality, sector, area and year.

  --load FILE.csv       read an export and store its figures (nothing is stored when the file
                        has an error; issues are printed as for a kit). Accepted: the CSV of
                        OECD Data Explorer (Health > Health care resources > Medical
                        technologies, "Download" > "Filtered data in tabular text (CSV)"),
                        with or without labels, or a table with the columns
                        country, measure, year, value (+ source, note), measures written
                        ct_units_per_million, mri_exams_per_1000, mri_units_per_million_hospital…
  --json                the figures as JSON (measure, modality, sector, area, year, value,
                        source, note, origin)
  --csv                 the figures as CSV
  --data DIR            the embedded store (default: $PLATEAU_DATA, else ./plateau-data);
                        without a store, the shipped figures are listed
  --database-url URL    a PostgreSQL server instead of the embedded store

Areas are ISO 3166 alpha-3 codes (FRA) or OECD (the OECD average). OECD "ambulatory care
providers" (HP.3) are read as private practice. Figures count machines where they are, not
where the patients live.

Examples:
  plateau references
  plateau references --load medical-technologies.csv
  plateau references --csv > references.csv`;

/** The figures of the store merged with the shipped ones; the shipped ones alone without a store. */
async function listedFigures(values: OptionValues): Promise<ReferenceFigure[]> {
  if (databaseUrlOf(values) === undefined) {
    const dir = resolveDataDir(stringOption(values, 'data'));
    if (dataFolderState(dir) === 'none') {
      process.stderr.write(`${say('cli.references.shippedOnly', { place: dir })}\n`);
      return mergeReferences(SHIPPED_REFERENCES, []);
    }
  }
  const loaded = await withStore(values, (store) => loadedReferences(store));
  return mergeReferences(SHIPPED_REFERENCES, loaded);
}

const COLUMNS = [
  'measure',
  'modality',
  'sector',
  'area',
  'year',
  'value',
  'note',
  'source',
  'origin',
] as const;

/** A figure's cells: year and value as text for the aligned table, as numbers for CSV (never defused). */
function cells(f: ReferenceFigure, numbers = false): Cell[] {
  const [year, value] = numbers ? [f.year, f.value] : [String(f.year), String(f.value)];
  return [
    f.measure,
    f.modality,
    f.sector ?? '',
    f.area,
    year,
    value,
    f.note ?? '',
    f.source,
    f.origin,
  ];
}

function print(figures: readonly ReferenceFigure[], values: OptionValues): void {
  if (values['json']) {
    process.stdout.write(`${JSON.stringify(figures, null, 2)}\n`);
    return;
  }
  if (values['csv']) {
    process.stdout.write(
      csv(
        [...COLUMNS],
        figures.map((f) => cells(f, true)),
      ),
    );
    return;
  }
  const columns = COLUMNS.map((c) => ({
    header: say(`cli.references.col.${c}`),
    ...(c === 'year' || c === 'value' ? { align: 'right' as const } : {}),
  }));
  process.stdout.write(
    `${table(
      columns,
      figures.map((f) => cells(f)),
    )}\n`,
  );
}

/** Reads `path`, prints its issues, and stores its figures when it has no error. */
async function load(path: string, values: OptionValues): Promise<void> {
  const info = await stat(path).catch(() => null);
  if (!info?.isFile()) throw new UserError(say('cli.references.notFile', { place: path }));
  const { figures, issues } = readOecdCsvBytes(
    new Uint8Array(await readFile(path)),
    basename(path),
  );
  printIssues(issues);
  const errors = errorTotal(issues);
  if (errors > 0) throw new UserError(say('cli.references.refused', { place: path, errors }));
  if (figures.length === 0) throw new UserError(say('cli.references.none', { place: path }));
  const counts = await withStore(
    values,
    async (store) => ({ ...(await storeReferences(store, figures, path)), store: store.location }),
    {
      create: true,
    },
  );
  process.stdout.write(
    `${say('cli.references.loaded', { place: path, n: figures.length, ...counts })}\n`,
  );
}

export const referencesCommand: Command = {
  name: 'references',
  summary: 'list the published figures (OECD, France) and load newer ones from an OECD export',
  usage: USAGE,
  options: {
    json: { type: 'boolean' },
    csv: { type: 'boolean' },
    load: { type: 'string' },
    ...STORE_OPTIONS,
  },
  async run({ positionals: args, values }) {
    positionals(args, 0, 0, 'no argument (give the export to load with --load FILE.csv)');
    if (values['json'] && values['csv']) throw new UsageError('choose one of --json and --csv');
    const file = stringOption(values, 'load');
    if (file !== undefined) {
      if (values['json'] || values['csv'])
        throw new UsageError('--load stores figures: list them afterwards with --json or --csv');
      await load(file, values);
      return 0;
    }
    print(await listedFigures(values), values);
    return 0;
  },
};
