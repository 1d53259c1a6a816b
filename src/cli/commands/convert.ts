/**
 * `plateau convert INPUT… --mapping mapping.csv --to-kit OUT_DIR`: reads hospital-system files
 * (HL7 v2, FHIR R4, DICOM, XLSX; files or folders, recursively; MLLP journal folders as their
 * messages) and PACS through DICOMweb, pseudonymizes identifiers with the site secret taken from
 * an environment variable, and writes a checked data kit. The same conversion serves `plateau
 * import` when it is given source files instead of a kit.
 */
import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import type { Issue } from '../../core/issues.ts';
import { makeIssue } from '../../i18n/issues/index.ts';
import type { Act, Campaign, Kit } from '../../core/kit-types.ts';
import { DEFAULT_LANG, LANGS } from '../../i18n/index.ts';
import { readActsFile } from '../../ingest/kit/acts-file.ts';
import { checkKitFolder, KitFolderError, writeKitFolder } from '../../ingest/kit/kit-folder.ts';
import { writeKitDir } from '../../ingest/kit/write-kit.ts';
import { kitFromSources, readCampaignText } from '../../ingest/sources/assemble.ts';
import type { SiteMappingFile } from '../../ingest/sources/mapping.ts';
import {
  reconciliationCsv,
  type ReconciliationReport,
} from '../../ingest/sources/reconcile/index.ts';
import { mergeInto, readSources } from '../../ingest/sources/registry.ts';
import { emptyRecords, type SourceInput } from '../../ingest/sources/types.ts';
import type { Command, OptionValues } from '../command.ts';
import { enumOption, intOption, stringOption } from '../command.ts';
import { printIssues, UsageError, UserError } from '../output.ts';
import {
  DICOMWEB_OPTIONS,
  DICOMWEB_OPTIONS_HELP,
  dicomwebUrls,
  readDicomwebSources,
} from './dicomweb-input.ts';
import { isJournalDir, isJournalFile, readJournalFolder } from './journal-input.ts';
import { readMappingOrFail, siteSecret } from './site-context.ts';

/** Options shared by `convert` and `import` for source files. */
export const SOURCE_OPTIONS = {
  mapping: { type: 'string' },
  campaign: { type: 'string' },
  'campaign-id': { type: 'string' },
  'campaign-name': { type: 'string' },
  start: { type: 'string' },
  days: { type: 'string' },
  'secret-env': { type: 'string' },
  reconciliation: { type: 'string' },
  lang: { type: 'string' },
  acts: { type: 'string' },
  ...DICOMWEB_OPTIONS,
} as const;

/** Help lines for SOURCE_OPTIONS. */
export const SOURCE_OPTIONS_HELP = `  --mapping FILE        the site mapping file, CSV with columns kind,key,value,target, e.g.
                          site,finess,,620454421          site,time_zone,,Europe/Paris
                          equipment,station,CTSCAN1,CT-1  equipment,modality,CT,CT-1
                          category,unit,REA1,R            act,local_code,SCAN-THORAX,ZBQK002
                        (equipment keys: station, ae_title, serial, location; category keys:
                        patient_class, unit; the first matching row wins)
  --campaign FILE       campaign.json, or instead:
  --campaign-id ID --start YYYY-MM-DD --days N [--campaign-name NAME]
                        (the time zone is the mapping's)
  --acts FILE           the CCAM acts and their ICR, as the kit's acts.csv (code,label,icr;
                        the same table every year): the exams' acts are valued with it (without
                        it, exams from hospital systems have no ICR)
  --secret-env NAME     the environment variable holding the site secret that keys the hash of
                        patient identifiers (default PLATEAU_SECRET; never given as a value, so
                        it stays out of the shell history)
  --reconciliation FILE.csv
                        when the sources hold both RIS exams (HL7 v2, FHIR, spreadsheet) and
                        images (DICOM files or DICOMweb), write the exams matched neither way —
                        billed but not performed, performed but not billed — and the totals per
                        machine to this CSV (written even when the kit has errors; the summary
                        is always printed, the unmatched exams as warnings)
  --lang fr|en          language of the messages and of that CSV (default for the CSV: ${DEFAULT_LANG}; French
                        uses ';' and the decimal comma; messages follow LC_ALL/LC_MESSAGES/LANG)
${DICOMWEB_OPTIONS_HELP}`;

const USAGE = `Usage: plateau convert [INPUT…] [--dicomweb URL…] --mapping FILE (--campaign FILE | --campaign-id ID --start DATE --days N) --to-kit OUT_DIR [--force]

Reads hospital-system files — HL7 v2 messages, FHIR R4 Bundles or NDJSON, DICOM files, XLSX
workbooks — given as files or folders (read recursively), the journal folder of
\`plateau listen\` (read as its accepted messages, named mllp:<received at>#<n> in the issues),
and PACS through DICOMweb, and writes a data kit into OUT_DIR. Patient identifiers are replaced
by a keyed hash; names, birth dates and addresses are dropped and counted. Every problem is
printed with its place; with an error (a damaged journal, a PACS that does not answer) nothing
is written.

  --to-kit OUT_DIR      the data kit to write: a new or empty folder, or the kit an earlier
                        plateau convert wrote there for the same campaign, replaced as a whole
                        (the kit is built beside it and renamed into place when complete)
  --force               replace OUT_DIR whatever it holds (another campaign's kit, files of
                        yours): everything in it is deleted
${SOURCE_OPTIONS_HELP}

Examples:
  PLATEAU_SECRET=… plateau convert ./hl7 ./dicom --mapping mapping.csv \\
    --campaign-id lens-2026 --start 2026-03-02 --days 28 --to-kit ./kits/lens-2026
  PLATEAU_SECRET=… PLATEAU_DICOMWEB_AUTHORIZATION="Basic …" plateau convert \\
    ./plateau-data/mllp-journal --dicomweb http://pacs:8042/dicom-web --mapping mapping.csv \\
    --campaign campaign.json --to-kit ./kits/lens-2026`;

export const convertCommand: Command = {
  name: 'convert',
  summary: 'turn HL7 v2, FHIR, DICOM or XLSX files into a data kit',
  usage: USAGE,
  options: { ...SOURCE_OPTIONS, 'to-kit': { type: 'string' }, force: { type: 'boolean' } },
  async run({ positionals: args, values }) {
    const inputs = sourcePaths(args, values);
    const out = stringOption(values, 'to-kit');
    if (out === undefined) throw new UsageError('--to-kit OUT_DIR is required');
    const folder = {
      command: 'plateau convert',
      force: values.force === true,
      forceFlag: '--force',
      onNote,
    };
    // Checked before the sources are read (a conversion can be long), and again with the campaign.
    await kitFolderOrFail(() => checkKitFolder(out, folder));
    const { kit, removed } = await convertSources(inputs, values);
    await kitFolderOrFail(() =>
      writeKitFolder(out, { ...folder, campaignId: kit.campaign.id }, (dir) =>
        writeKitDir(dir, kit),
      ),
    );
    process.stdout.write(`${describeConversion(kit, out, removed)}\n`);
    return 0;
  },
};

/** The INPUT paths of a source command: at least one, unless `--dicomweb` gives a PACS. */
export function sourcePaths(args: string[], values: OptionValues): string[] {
  if (args.length === 0 && dicomwebUrls(values).length === 0)
    throw new UsageError('expected one or more INPUT files or folders, or --dicomweb URL');
  return args;
}

/**
 * Reads source files, journal folders and DICOMweb PACS into a checked kit for a command:
 * mapping, campaign and secret from the options, every issue printed, a `UserError` when
 * anything is an error.
 */
export async function convertSources(
  paths: readonly string[],
  values: OptionValues,
): Promise<{ kit: Kit; issues: Issue[]; removed: Record<string, number> }> {
  const mappingPath = stringOption(values, 'mapping');
  if (mappingPath === undefined)
    throw new UsageError('--mapping FILE is required to read source files');
  const hasPacs = dicomwebUrls(values).length > 0;
  const secret = siteSecret(values);
  const mapping = await readMappingOrFail(mappingPath);
  const campaign = await campaignOf(values, mapping);
  const context = { mapping, secret };
  const collected = paths.length > 0 ? await collectInputs(paths) : { inputs: [], issues: [] };
  // With a PACS, files are optional: an empty journal must not stop its exams.
  const read =
    collected.inputs.length > 0 || !hasPacs
      ? await readSources(collected.inputs, context)
      : { records: emptyRecords(), issues: [] };
  const pacs = await readDicomwebSources(values, campaign, context);
  for (const records of pacs.records) mergeInto(read.records, records);
  const actsTable = await actsOf(values);
  if (actsTable.acts) read.records.acts.push(...actsTable.acts);
  const assembled = await kitFromSources(read.records, campaign, mapping);
  const issues = [
    ...collected.issues,
    ...actsTable.issues,
    ...read.issues,
    ...pacs.issues,
    ...assembled.issues,
  ];
  printIssues(issues);
  await writeReconciliation(values, assembled.reconciliation);
  if (assembled.kit === null || issues.some((i) => i.severity === 'error')) {
    const errors = issues.filter((i) => i.severity === 'error').length;
    throw new UserError(
      `${errors} error${errors === 1 ? '' : 's'} in the sources; no kit was made`,
    );
  }
  return { kit: assembled.kit, issues, removed: read.records.removed };
}

/** The acts table of `--acts FILE` (read with the kit's rules), or none. */
async function actsOf(values: OptionValues): Promise<{ acts: Act[] | null; issues: Issue[] }> {
  const path = stringOption(values, 'acts');
  if (path === undefined) return { acts: null, issues: [] };
  const bytes = await readFile(path).catch((error: unknown) => {
    throw new UserError(`cannot read the acts file ${path}: ${(error as Error).message}`);
  });
  return readActsFile(path, new Uint8Array(bytes));
}

/** Writes `--reconciliation FILE` when asked; says so when the sources gave nothing to reconcile. */
async function writeReconciliation(
  values: OptionValues,
  report: ReconciliationReport | null,
): Promise<void> {
  const path = stringOption(values, 'reconciliation');
  const lang = enumOption(values, 'lang', LANGS) ?? DEFAULT_LANG;
  if (path === undefined) return;
  if (report === null) {
    process.stderr.write(
      `no reconciliation written to ${path}: the sources hold RIS exams only or images only (reconciliation needs both)\n`,
    );
    return;
  }
  await writeFile(path, reconciliationCsv(report, lang)).catch((error: unknown) => {
    throw new UserError(`cannot write the reconciliation to ${path}: ${(error as Error).message}`);
  });
  process.stderr.write(`reconciliation written to ${path}\n`);
}

async function campaignOf(values: OptionValues, mapping: SiteMappingFile): Promise<Campaign> {
  const file = stringOption(values, 'campaign');
  const id = stringOption(values, 'campaign-id');
  if (file !== undefined && id !== undefined)
    throw new UsageError('give --campaign FILE or --campaign-id, not both');
  let checked: ReturnType<typeof readCampaignText>;
  if (file !== undefined) {
    const text = await readFile(file, 'utf8').catch((error: unknown) => {
      throw new UserError(`cannot read ${file}: ${(error as Error).message}`);
    });
    checked = readCampaignText(file, text);
  } else {
    const start = stringOption(values, 'start');
    if (id === undefined || start === undefined || values.days === undefined) {
      throw new UsageError(
        'give the campaign: --campaign campaign.json, or --campaign-id ID --start YYYY-MM-DD --days N',
      );
    }
    const days = intOption(values, 'days', 28, 1, 3660);
    const campaign = {
      id,
      name: stringOption(values, 'campaign-name') ?? id,
      start,
      days,
      timeZone: mapping.timeZone,
    };
    checked = readCampaignText('--campaign-id/--start/--days', JSON.stringify(campaign, null, 2));
  }
  printIssues(checked.issues);
  if (checked.campaign === null) throw new UserError('the campaign is not valid; nothing was read');
  return checked.campaign;
}

/** True when `dir` is a data kit folder (it holds campaign.json). */
export async function isKitDir(dir: string): Promise<boolean> {
  const info = await stat(dir).catch(() => null);
  if (!info?.isDirectory()) return false;
  const names = await readdir(dir);
  return names.some((n) => n.toLowerCase() === 'campaign.json');
}

/**
 * Every file under the given paths (folders recursively, hidden entries skipped), read whole; an
 * MLLP journal folder gives its accepted messages instead of its files. A data kit folder named
 * directly is refused (it is imported as it is); one met inside a folder (e.g. an earlier
 * output) is skipped with a warning. One journal file named directly is refused for its folder.
 */
export async function collectInputs(
  paths: readonly string[],
): Promise<{ inputs: SourceInput[]; issues: Issue[] }> {
  const inputs: SourceInput[] = [];
  const issues: Issue[] = [];
  const visit = async (path: string, top: boolean): Promise<void> => {
    const info = await stat(path).catch(() => null);
    if (info === null) throw new UserError(`${path} does not exist`);
    if (info.isDirectory()) {
      if (await isKitDir(path)) {
        if (top)
          throw new UserError(
            `${path} is a data kit already (it holds campaign.json): import it with plateau import ${path}`,
          );
        issues.push(makeIssue('warning', 'nested-kit', path, null, null, { path }));
        return;
      }
      if (await isJournalDir(path)) {
        const journal = await readJournalFolder(path);
        inputs.push(...journal.inputs);
        issues.push(...journal.issues);
        return;
      }
      const entries = await readdir(path, { withFileTypes: true });
      entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
      for (const entry of entries)
        if (!entry.name.startsWith('.')) await visit(join(path, entry.name), false);
    } else if (info.isFile()) {
      if (top && (await isJournalFile(path)))
        throw new UserError(
          `${path} is one file of an MLLP journal: give its folder, ${dirname(path)}, to read the journal whole`,
        );
      inputs.push({ name: path, bytes: new Uint8Array(await readFile(path)) });
    }
  };
  for (const path of paths) await visit(path, true);
  return { inputs, issues };
}

/** Prints what a kit folder writer put right from an interrupted run. */
export function onNote(message: string): void {
  process.stderr.write(`${message}\n`);
}

/**
 * Runs a kit folder step, a refused folder (KitFolderError) becoming the command's UserError.
 *
 * @example
 * await kitFolderOrFail(() => checkKitFolder(out, { command: 'plateau convert' }));
 */
export async function kitFolderOrFail<T>(step: () => Promise<T>): Promise<T> {
  try {
    return await step();
  } catch (error) {
    if (error instanceof KitFolderError) throw new UserError(error.message);
    throw error;
  }
}

/** What a conversion made, for stdout. */
export function describeConversion(kit: Kit, out: string, removed: Record<string, number>): string {
  const lines = [
    `Wrote data kit ${kit.campaign.id} to ${resolve(out)}`,
    `  establishments ${kit.establishments.length}`,
    `  equipment      ${kit.equipment.length}`,
    `  sessions       ${kit.sessions.length}`,
    `  exams          ${kit.exams.length}`,
  ];
  const fields = Object.entries(removed).sort(([a], [b]) => a.localeCompare(b));
  if (fields.length > 0) {
    lines.push('  removed at the door (identifiers hashed, names/birth dates/addresses dropped):');
    for (const [field, n] of fields) lines.push(`    ${field}: ${n}`);
  }
  return lines.join('\n');
}
