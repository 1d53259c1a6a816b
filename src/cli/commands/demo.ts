/**
 * `plateau demo`: generates the national campaign (seed 2010) into the data folder and imports
 * it, so that a fresh clone shows real figures with one command.
 */
import { existsSync } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { resolveDataDir } from '../../storage/index.ts';
import type { Command } from '../command.ts';
import { STORE_OPTIONS, stringOption } from '../command.ts';
import { generateInto, generateOptions } from './generate.ts';
import { describeImport, importInto } from './import.ts';
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
    const options = generateOptions(values);
    const kitDir = join(resolveDataDir(stringOption(values, 'data')), 'kits', `national-${options.seed}`);
    if (!existsSync(kitDir)) {
      // Generated beside its final place and renamed when complete: an interrupted demo never
      // leaves a half-written kit that a later run would take for a whole one.
      const partial = `${kitDir}.partial-${process.pid}`;
      await rm(partial, { recursive: true, force: true });
      await generateInto(partial, options);
      await rename(partial, kitDir);
    } else process.stderr.write(`using the kit already generated in ${kitDir}\n`);
    const { kit, issues } = await readKitWithIssues(kitDir);
    const summary = await withStore(values, (store) => importInto(store, kit, issues, kitDir));
    process.stdout.write(`${describeImport(summary)}\n\nNext: plateau indicators (or --json, --csv)\n`);
    return 0;
  },
};
