/**
 * `plateau import KIT_DIR`: reads and checks a data kit, then stores it with its computed
 * results in one transaction. A kit with errors stores nothing; importing the same kit twice
 * changes nothing.
 */
import { resolve } from 'node:path';
import type { Issue } from '../../core/issues.ts';
import type { Kit } from '../../core/kit-types.ts';
import type { ImportSummary, Store, UpsertCounts } from '../../storage/index.ts';
import { importKit, StoreError } from '../../storage/index.ts';
import type { Command } from '../command.ts';
import { positionals, STORE_OPTIONS } from '../command.ts';
import { Progress, UserError } from '../output.ts';
import { readKitWithIssues } from './read-kit-or-fail.ts';
import { withStore } from './store-access.ts';

const USAGE = `Usage: plateau import KIT_DIR [--data DIR | --database-url URL]

Reads a data kit (campaign.json, establishments.csv, equipment.csv, sessions.csv, exams.csv,
optional acts.csv and appointment-survey.csv; see the data-kit spec), checks every row, and
stores it with its computed indicators in one transaction. A kit with errors stores nothing:
every error is printed as file:line:column. Importing the same kit again changes nothing; an
exam whose row changed replaces its old row.

  --data DIR            the embedded store (default: $PLATEAU_DATA, else ./plateau-data)
  --database-url URL    a PostgreSQL server instead (postgres://user@host:port/db)
  --recompute           recompute the stored results even when no record changed

Example:
  plateau import ./kits/ars-hdf-2026`;

export const importCommand: Command = {
  name: 'import',
  summary: 'check a data kit and store it with its indicators',
  usage: USAGE,
  options: { ...STORE_OPTIONS, recompute: { type: 'boolean' } },
  async run({ positionals: args, values }) {
    const [dir] = positionals(args, 1, 1, 'one KIT_DIR (a folder holding campaign.json and the CSV files)');
    const { kit, issues } = await readKitWithIssues(dir as string);
    const summary = await withStore(values, (store) => importInto(store, kit, issues, resolve(dir as string), Boolean(values.recompute)));
    process.stdout.write(`${describeImport(summary)}\n`);
    return 0;
  },
};

/** Imports a checked kit into an open store, with progress on stderr. */
export async function importInto(
  store: Store,
  kit: Kit,
  issues: readonly Issue[],
  source: string,
  recompute = false,
): Promise<ImportSummary> {
  const progress = new Progress(`importing ${kit.campaign.id} into ${store.location}`);
  try {
    const summary = await importKit(store, kit, {
      source,
      issues,
      recompute,
      onProgress: (p) => progress.update(p.done, p.total, p.table ? `${p.phase} ${p.table}` : p.phase),
    });
    progress.done();
    return summary;
  } catch (error) {
    progress.done();
    if (error instanceof StoreError) throw new UserError(`${error.message}`);
    throw error;
  }
}

const counts = (c: UpsertCounts): string => `${c.inserted} new, ${c.updated} changed, ${c.unchanged} unchanged`;

/** A few lines saying what an import changed. */
export function describeImport(s: ImportSummary): string {
  return [
    `Campaign ${s.campaignId}: ${s.changed ? 'stored' : 'already up to date, nothing changed'} (${(s.timings.totalMs / 1000).toFixed(1)} s)`,
    `  establishments ${counts(s.establishments)}`,
    `  equipment      ${counts(s.equipment)}`,
    `  sessions       ${counts(s.sessions)}`,
    `  exams          ${counts(s.exams)}`,
    s.results ? `  results        computed for ${s.results.machines.inserted + s.results.machines.updated + s.results.machines.unchanged} machines` : '  results        kept (no record changed)',
  ].join('\n');
}
