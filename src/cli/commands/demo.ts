/**
 * `plateau demo`: generates the national campaign (seed 2010) into the data folder and imports
 * it, so that a fresh clone shows real figures with one command.
 */
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { planCampaign } from '../../generate/index.ts';
import { writeKitFolder } from '../../ingest/kit/kit-folder.ts';
import type { ImportSummary, Store } from '../../storage/index.ts';
import { resolveDataDir } from '../../storage/index.ts';
import type { Command, OptionValues } from '../command.ts';
import { STORE_OPTIONS, stringOption } from '../command.ts';
import { kitFolderOrFail, onNote } from './convert.ts';
import { generateInto, generateOptions } from './generate.ts';
import { describeImport } from './import-summary.ts';
import { importInto } from './import.ts';
import { readKitWithIssues } from './read-kit-or-fail.ts';
import { withStore } from './store-access.ts';

const USAGE = `Usage: plateau demo [--seed N] [--data DIR | --database-url URL]

Generates the synthetic national campaign (301 establishments, 326 CT, 191 MRI, 28 days,
about 270,000 exams; see 'plateau generate --help') into DATA/kits/ and imports it into the
store. Then:

  plateau indicators            the national benchmark as a table
  plateau indicators --json     the same as JSON

  --seed N              the random seed (default 2010)
  --data DIR            the embedded store (default: $PLATEAU_DATA, else ./plateau-data)
  --database-url URL    a PostgreSQL server instead of the embedded store`;

export const demoCommand: Command = {
  name: 'demo',
  summary: 'generate the national campaign and import it (start here)',
  usage: USAGE,
  options: { ...STORE_OPTIONS, seed: { type: 'string' } },
  async run({ values }) {
    const summary = await withStore(values, (store) => importDemoCampaign(store, values), { create: true });
    process.stdout.write(`${describeImport(summary)}\n\nNext: plateau indicators (or --json, --csv)\n`);
    return 0;
  },
};

/**
 * Generates the national campaign (seed from `--seed`, default 2010) into DATA/kits/ unless it
 * is there already, and imports it into `store`, with progress on stderr. Shared by `plateau
 * demo` and `plateau serve --demo-if-empty`.
 *
 * @example
 * await importDemoCampaign(store, { data: './plateau-data' });
 */
export async function importDemoCampaign(store: Store, values: OptionValues): Promise<ImportSummary> {
  const options = generateOptions(values);
  const dataDir = resolveDataDir(stringOption(values, 'data'));
  // An in-memory store has no folder to keep the kit in: the system's temporary folder does.
  const kitsDir = dataDir.startsWith('memory://') ? join(tmpdir(), 'plateau-kits') : join(dataDir, 'kits');
  const kitDir = join(kitsDir, `national-${options.seed}`);
  if (!existsSync(kitDir)) {
    // Generated beside its final place and renamed when complete (as 'plateau generate' does):
    // an interrupted demo never leaves a half-written kit that a later run would take for a
    // whole one, and the next run removes what a killed one left.
    const folder = { command: 'plateau generate', campaignId: planCampaign(options).campaign.id, onNote };
    await kitFolderOrFail(() => writeKitFolder(kitDir, folder, (tmp) => generateInto(tmp, options, kitDir)));
  } else process.stderr.write(`using the kit already generated in ${kitDir}\n`);
  const { kit, issues } = await readKitWithIssues(kitDir);
  return importInto(store, kit, issues, kitDir);
}
