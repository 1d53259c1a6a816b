/**
 * `plateau demo`: generates the national campaign (seed 2010) and its two later demo years into
 * the data folder and imports them, oldest first, so that a fresh clone shows real figures and
 * their trends with one command.
 */
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LAST_YEAR, planCampaign } from '../../generate/index.ts';
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
about 270,000 exams; see 'plateau generate --help') and its demo years 2 and 3 (the same panel
in 2011 and 2012 with documented changes, for trends: docs/demo-years.md) into DATA/kits/
(national-SEED, national-SEED-y2, national-SEED-y3) and imports the three, oldest first. Then:

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
    const summaries = await withStore(values, (store) => importDemoCampaign(store, values), {
      create: true,
    });
    process.stdout.write(
      `${summaries.map(describeImport).join('\n\n')}\n\nNext: plateau indicators (or --json, --csv)\n`,
    );
    return 0;
  },
};

/**
 * Generates the national campaign's demo years 1 to 3 (seed from `--seed`, default 2010) into
 * DATA/kits/ (each unless it is there already) and imports them into `store`, oldest first, with
 * progress on stderr; their import summaries in that order. Shared by `plateau demo` and `plateau
 * serve --demo-if-empty`.
 *
 * @example
 * await importDemoCampaign(store, { data: './plateau-data' }); // synthetic-2010, -y2, -y3
 */
export async function importDemoCampaign(
  store: Store,
  values: OptionValues,
): Promise<ImportSummary[]> {
  const dataDir = resolveDataDir(stringOption(values, 'data'));
  // An in-memory store has no folder to keep the kit in: the system's temporary folder does.
  const kitsDir = dataDir.startsWith('memory://')
    ? join(tmpdir(), 'plateau-kits')
    : join(dataDir, 'kits');
  const summaries: ImportSummary[] = [];
  for (let year = 1; year <= LAST_YEAR; year++) {
    const options = { ...generateOptions(values), year };
    const kitDir = join(kitsDir, `national-${options.seed}${year === 1 ? '' : `-y${year}`}`);
    process.stderr.write(`demo year ${year} of ${LAST_YEAR}\n`);
    if (!existsSync(kitDir)) {
      // Generated beside its final place and renamed when complete (as 'plateau generate' does):
      // an interrupted demo never leaves a half-written kit that a later run would take for a
      // whole one, and the next run removes what a killed one left.
      const folder = {
        command: 'plateau generate',
        campaignId: planCampaign(options).campaign.id,
        onNote,
      };
      await kitFolderOrFail(() =>
        writeKitFolder(kitDir, folder, (tmp) => generateInto(tmp, options, kitDir)),
      );
    } else process.stderr.write(`using the kit already generated in ${kitDir}\n`);
    const { kit, issues } = await readKitWithIssues(kitDir);
    summaries.push(await importInto(store, kit, issues, kitDir));
  }
  return summaries;
}
