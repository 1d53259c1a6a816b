// The project's shared folder (specs, conformance kits, real sample files), which stands beside
// the repository (`../shared`), wherever the repository was cloned. Suites over its sample files
// ask `haveShared(path)`: a developer without it sees them skipped (with a warning), while CI
// (`CI=true`) fails, so a run that silently checked nothing cannot pass there.
import { existsSync } from 'node:fs';
import { join } from 'node:path';

/** `../shared` from the repository's root. */
export const SHARED_DIR = join(import.meta.dirname, '../../../shared');

/** True when the run must have ../shared: `CI` set to anything but empty, `false` or `0`. */
export function sharedRequired(
  env: Readonly<Record<string, string | undefined>> = process.env,
): boolean {
  const ci = env['CI']?.trim().toLowerCase();
  return ci !== undefined && ci !== '' && ci !== 'false' && ci !== '0';
}

/** What CI says when a file or folder of ../shared is missing. */
export function sharedMissingMessage(path: string): string {
  return `../shared is missing: CI must run with the shared folder beside the clone (not found: ${path})`;
}

/**
 * Whether `path` (a file or folder of ../shared, or of PLATEAU_SAMPLES) is there: true when it
 * is; when it is not, false outside CI (the caller skips its suite; a warning says why) and an
 * error under `CI=true` (thrown while the test file loads, so that file fails).
 *
 * @example
 * const SAMPLES = `${SHARED_DIR}/samples/hl7v2`;
 * describe.skipIf(!haveShared(SAMPLES))('HL7 v2 sample files', () => { … });
 */
export function haveShared(
  path: string = SHARED_DIR,
  env: Readonly<Record<string, string | undefined>> = process.env,
): boolean {
  if (existsSync(path)) return true;
  if (sharedRequired(env)) throw new Error(sharedMissingMessage(path));
  console.warn(
    `skipped: ${path} is missing (../shared beside the clone; under CI=true this fails)`,
  );
  return false;
}
