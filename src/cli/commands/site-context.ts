/**
 * What a command needs to read a site's hospital-system data: its mapping file (located issues
 * printed, refused when it has errors) and its keyed-hash secret, always taken from an
 * environment variable so that it never shows in the shell history or the process list.
 */
import { readFile } from 'node:fs/promises';
import { parseMapping, type SiteMappingFile } from '../../ingest/sources/mapping.ts';
import type { OptionValues } from '../command.ts';
import { stringOption } from '../command.ts';
import { printIssues, UserError } from '../output.ts';

/** The environment variable holding the site secret unless `--secret-env` names another. */
export const DEFAULT_SECRET_ENV = 'PLATEAU_SECRET';

/**
 * The site secret from the variable `--secret-env` names (default PLATEAU_SECRET); a
 * `UserError` saying where to put it when it is unset or empty.
 *
 * @example
 * const secret = siteSecret({ 'secret-env': 'LENS_SECRET' }); // process.env.LENS_SECRET
 */
export function siteSecret(values: OptionValues): string {
  const name = stringOption(values, 'secret-env') ?? DEFAULT_SECRET_ENV;
  const secret = process.env[name] ?? '';
  if (secret === '') {
    throw new UserError(
      `the site secret is not set: put it in the environment variable ${name} (patient identifiers are hashed with it; it is never stored)`,
    );
  }
  return secret;
}

/**
 * Reads and checks a site mapping file; its issues are printed with their places, and a file
 * with errors is a `UserError` ending with `consequence`.
 *
 * @example
 * const mapping = await readMappingOrFail('mapping.csv');
 */
export async function readMappingOrFail(
  path: string,
  consequence = 'nothing was read',
): Promise<SiteMappingFile> {
  const text = await readFile(path, 'utf8').catch((error: unknown) => {
    throw new UserError(`cannot read the mapping file ${path}: ${(error as Error).message}`);
  });
  const { mapping, issues } = parseMapping(path, text);
  printIssues(issues);
  if (mapping === null) throw new UserError(`${path}: the mapping file has errors; ${consequence}`);
  return mapping;
}
