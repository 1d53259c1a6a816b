/**
 * `plateau import KIT_DIR`: reads and checks a data kit, then stores it with its computed
 * results in one transaction, so that the stored campaign is exactly the kit. A kit with errors
 * stores nothing; importing the same kit twice changes nothing.
 */
import { resolve } from 'node:path';
import type { Issue } from '../../core/issues.ts';
import type { Kit } from '../../core/kit-types.ts';
import type { ImportSummary, Store } from '../../storage/index.ts';
import { importKit, StoreError } from '../../storage/index.ts';
import type { Command } from '../command.ts';
import { positionals, STORE_OPTIONS } from '../command.ts';
import { Progress, UsageError, UserError } from '../output.ts';
import { convertSources, isKitDir, SOURCE_OPTIONS, SOURCE_OPTIONS_HELP } from './convert.ts';
import { dicomwebUrls } from './dicomweb-input.ts';
import { isJournalDir } from './journal-input.ts';
import { readKitWithIssues } from './read-kit-or-fail.ts';
import { describeImport } from './import-summary.ts';
import { importRegisterFiles, registerInputKind } from './import-register.ts';
import { handOffImport } from './server-handoff.ts';
import { withStore } from './store-access.ts';

const USAGE = `Usage: plateau import KIT_DIR [--replace] [--data DIR | --database-url URL]
       plateau import [INPUT…] [--dicomweb URL…] --mapping FILE (--campaign FILE | --campaign-id ID --start DATE --days N)
       plateau import REGISTER.csv | FINESS.csv… [--campaign ID] [--data DIR | --database-url URL]

Reads a data kit (campaign.json, establishments.csv, equipment.csv, sessions.csv, exams.csv,
optional acts.csv and appointment-survey.csv; see the data-kit spec), checks every row, and
stores it with its computed indicators in one transaction. A kit with errors stores nothing:
every error is printed as file:line:column. The stored campaign of the kit's id then holds
exactly the kit: a row that changed replaces its old row, a row the kit no longer holds is
removed (with its results and issues), and the summary counts what was added, changed and
removed per table. Importing the same kit again changes nothing.

  --replace             the kit's period (start, days or time zone) differs from the stored
                        campaign of its id: replace that campaign whole (without it, refused)
  --data DIR            the embedded store (default: $PLATEAU_DATA, else ./plateau-data)
  --database-url URL    a PostgreSQL server instead (postgres://user@host:port/db)
  --recompute           recompute the stored results even when no record changed

A kit may hold equipment-register.csv, the whole fleet of its territory (finess, department,
modality, sector, and optionally authorisation_id, authorised_on, in_service_on, installed_year,
field_tesla, equipment_id): it replaces the campaign's stored register. A kit without one keeps
the stored register (an equipment_id naming a machine the kit no longer holds is cleared).

REGISTER.csv alone (an equipment-register.csv, known by its header), or FINESS.csv… (the public
FINESS extractions of establishments and equipment, known by their first line), replaces the
register of the stored campaign --campaign ID (needed when the store holds several), checked
against its machines, in one transaction; its records and results are left as they are. With
an error, nothing is stored. While 'plateau serve' holds the data folder, the file is handed to
it (POST /api/campaigns/ID/register) and the outcome printed the same way.

Instead of a kit, INPUT… may be hospital-system files or folders (HL7 v2, FHIR R4, DICOM,
XLSX), the journal folder of \`plateau listen\` (its accepted messages), and PACS through
DICOMweb, converted as \`plateau convert\` does (with an error, nothing is stored), with:
${SOURCE_OPTIONS_HELP}

Examples:
  plateau import ./kits/ars-hdf-2026
  plateau import ./hdf-register.csv --campaign ars-hdf-2026
  PLATEAU_SECRET=… plateau import ./hl7 --mapping mapping.csv --campaign campaign.json
  PLATEAU_SECRET=… plateau import ./plateau-data/mllp-journal --mapping mapping.csv \\
    --dicomweb http://pacs:8042/dicom-web --campaign campaign.json`;

export const importCommand: Command = {
  name: 'import',
  summary: 'check a data kit (or source files) and store it with its indicators',
  usage: USAGE,
  options: {
    ...STORE_OPTIONS,
    ...SOURCE_OPTIONS,
    recompute: { type: 'boolean' },
    replace: { type: 'boolean' },
  },
  async run({ positionals: args, values }) {
    const urls = dicomwebUrls(values);
    const inputs =
      urls.length > 0
        ? args
        : positionals(
            args,
            1,
            Number.MAX_SAFE_INTEGER,
            'one KIT_DIR (a folder holding campaign.json and the CSV files), or source files with --mapping',
          );
    // An equipment register (or FINESS extractions) alone, for a stored campaign.
    const registerKind =
      urls.length === 0 && values.mapping === undefined ? await registerInputKind(inputs) : null;
    if (registerKind !== null) return importRegisterFiles(inputs, registerKind, values);
    const [first] = inputs;
    const asKit =
      first !== undefined &&
      inputs.length === 1 &&
      urls.length === 0 &&
      (values.mapping === undefined || (await isKitDir(first)));
    if (asKit && values.mapping === undefined && (await isJournalDir(first))) {
      throw new UsageError(
        `${first} is an MLLP journal folder: give --mapping FILE and the campaign to read its messages`,
      );
    }
    const { kit, issues } = asKit
      ? await readKitWithIssues(first)
      : await convertSources(inputs, values);
    const source = [...inputs.map((p) => resolve(p)), ...urls].join(' ');
    // A `plateau serve` holding the data folder gets the kit through its upload API.
    const handedOff = values.recompute
      ? null
      : await handOffImport(values, {
          kit,
          issues,
          path: asKit ? first : null,
          replace: values['replace'] === true,
        });
    if (handedOff !== null) return handedOff;
    const summary = await withStore(
      values,
      (store) =>
        importInto(
          store,
          kit,
          issues,
          source,
          Boolean(values.recompute),
          values['replace'] === true,
        ),
      { create: true },
    );
    process.stdout.write(`${describeImport(summary)}\n`);
    return 0;
  },
};

/**
 * Imports a checked kit into an open store, with progress on stderr; `replace` lets it replace a
 * stored campaign of the same id over another period.
 */
export async function importInto(
  store: Store,
  kit: Kit,
  issues: readonly Issue[],
  source: string,
  recompute = false,
  replace = false,
): Promise<ImportSummary> {
  const progress = new Progress(`importing ${kit.campaign.id} into ${store.location}`);
  try {
    const summary = await importKit(store, kit, {
      source,
      issues,
      recompute,
      replace,
      onProgress: (p) =>
        progress.update(p.done, p.total, p.table ? `${p.phase} ${p.table}` : p.phase),
    });
    progress.done();
    return summary;
  } catch (error) {
    progress.done();
    if (error instanceof StoreError) throw new UserError(`${error.message}`);
    throw error;
  }
}
