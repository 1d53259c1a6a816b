// The fixture cases of the FHIR adapter: the real R4 examples of shared/samples (each alone and
// all together) and a hand-written transaction Bundle, each with its site mapping and the
// expected records and issues (expected.json, checked by hand).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SiteMapping, SourceInput } from '../../../../src/ingest/sources/types.ts';

export const SAMPLES_DIR = join(import.meta.dirname, '../../../../../shared/samples/fhir-r4');
export const FIXTURES_DIR = join(import.meta.dirname, 'fixtures');
export const SECRET = 'fixture-secret';

/** One input read from disk, named by its file name. */
export function inputOf(dir: string, name: string): SourceInput {
  return { name, bytes: new Uint8Array(readFileSync(join(dir, name))) };
}

/** The R4 example resources (package.json is the package's manifest, not a resource). */
export function sampleInputs(): SourceInput[] {
  return readdirSync(SAMPLES_DIR)
    .filter((f) => f.endsWith('.json') && f !== 'package.json')
    .sort()
    .map((f) => inputOf(SAMPLES_DIR, f));
}

export function mappingOf(caseName: string): SiteMapping {
  return JSON.parse(
    readFileSync(join(FIXTURES_DIR, caseName, 'mapping.json'), 'utf8'),
  ) as SiteMapping;
}

export function expectedOf(caseName: string): unknown {
  return JSON.parse(readFileSync(join(FIXTURES_DIR, caseName, 'expected.json'), 'utf8'));
}
