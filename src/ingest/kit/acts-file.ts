/**
 * An `acts.csv` on its own (the CCAM acts and their ICR, the same table year after year) read
 * with the data kit's own rules: it is parsed as the acts file of an otherwise empty kit, so a
 * cell is refused exactly as it would be in a kit, and every issue points into the given file.
 */
import type { Issue } from '../../core/issues.ts';
import type { Act } from '../../core/kit-types.ts';
import { KIT_CSV_FILES } from './kit-files.ts';
import { parseKit } from './parse-kit.ts';

const ACTS = 'acts.csv';
const EMPTY_CAMPAIGN = JSON.stringify({
  id: 'acts-only',
  name: 'acts only',
  start: '2010-03-01',
  days: 1,
  timeZone: 'Europe/Paris',
});

/**
 * The acts of an `acts.csv` file named `name`; null with its located errors when any cell is
 * refused.
 *
 * @example
 * const { acts, issues } = readActsFile('ccam-icr-2026.csv', await readFile(path));
 */
export function readActsFile(
  name: string,
  content: string | Uint8Array,
): { acts: Act[] | null; issues: Issue[] } {
  const files = new Map<string, string | Uint8Array>([['campaign.json', EMPTY_CAMPAIGN]]);
  for (const spec of KIT_CSV_FILES) {
    if (spec.name === ACTS) files.set(ACTS, content);
    else if (spec.required)
      files.set(
        spec.name,
        `${spec.columns
          .filter((c) => c.required)
          .map((c) => c.name)
          .join(',')}\n`,
      );
  }
  const { kit, issues } = parseKit(files);
  const own = issues.filter((i) => i.file === ACTS).map((i) => ({ ...i, file: name }));
  const others = issues.filter((i) => i.file !== ACTS && i.severity === 'error');
  if (others.length > 0) {
    // The empty kit around the file is plateau's own: it must read clean.
    throw new Error(
      `readActsFile: the empty kit was refused: ${others.map((i) => i.message).join('; ')}`,
    );
  }
  return {
    acts: kit === null || own.some((i) => i.severity === 'error') ? null : kit.acts,
    issues: own,
  };
}
