// The project's shared folder (specs, conformance kits, real sample files), which stands beside
// the repository (`../shared`), wherever the repository was cloned.
import { join } from 'node:path';

/** `../shared` from the repository's root. */
export const SHARED_DIR = join(import.meta.dirname, '../../../shared');
