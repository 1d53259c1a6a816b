/** The real DICOM sample files (../shared/samples/dicom beside the repository, or PLATEAU_SAMPLES/dicom), named relative to that folder. */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { SiteMapping, SourceInput } from '../../../../src/ingest/sources/types.ts';
import { haveShared, SHARED_DIR } from '../../../helpers/shared.ts';

export const SAMPLES_DIR = join(process.env.PLATEAU_SAMPLES ?? `${SHARED_DIR}/samples`, 'dicom');
export const haveSamples = haveShared(SAMPLES_DIR);

function walk(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((f) => {
      const p = join(dir, f);
      return statSync(p).isDirectory() ? walk(p) : [p];
    });
}

/** Every sample DICOM file (README/licence files left out), as paths. */
export function samplePaths(): string[] {
  return haveSamples ? walk(SAMPLES_DIR).filter((p) => !/README|LICENSE/.test(p)) : [];
}

/** Every sample as a source input named `dicom/<relative path>`. */
export function sampleInputs(): SourceInput[] {
  return samplePaths().map((p) => ({
    name: `dicom/${relative(SAMPLES_DIR, p)}`,
    bytes: new Uint8Array(readFileSync(p)),
  }));
}

/** A site mapping covering the sample devices. */
export const SAMPLE_MAPPING: SiteMapping = {
  finess: '750000001',
  timeZone: 'Europe/Paris',
  equipment: [
    { station: 'CT01_OC0', equipmentId: 'CT-GE-1' },
    { serial: '-0000200', equipmentId: 'MR-TOSHIBA' },
    { aeTitle: 'CLUNIE1', equipmentId: 'CT-CLUNIE' },
  ],
  categories: [],
  acts: [],
};
