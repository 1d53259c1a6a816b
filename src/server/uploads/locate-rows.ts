/**
 * Lines of refused rows in an upload's files, for a site import's refusal (`importSiteKit`'s
 * `locate`): the small files a site's rows are checked in are kept and parsed again on demand,
 * once each; exams and sessions are never kept (their machine is refused in equipment.csv first).
 */
import { parseCsv } from '../../ingest/csv.ts';
import type { LocateRow } from '../../storage/import-site.ts';

/** The files whose rows a site import may refuse by line. */
const LOCATED = new Set([
  'establishments.csv',
  'equipment.csv',
  'appointment-survey.csv',
  'acts.csv',
  'costs.csv',
  'slots.csv',
]);

/**
 * A `LocateRow` over an upload's files (paths inside the kit): the line of the first row of `file`
 * whose `column` holds `value`, or null when the file, the column or the row is not there.
 *
 * @example
 * rowLocator(files)('equipment.csv', 'finess', '590000001'); // 4
 */
export function rowLocator(files: ReadonlyMap<string, Uint8Array>): LocateRow {
  const kept = new Map<string, Uint8Array>();
  for (const [path, bytes] of files) if (LOCATED.has(path)) kept.set(path, bytes);
  const tables = new Map<string, ReturnType<typeof parseCsv> | null>();
  return (file, column, value) => {
    let table = tables.get(file);
    if (table === undefined) {
      const bytes = kept.get(file);
      table = bytes === undefined ? null : parseCsv(new TextDecoder().decode(bytes), file);
      tables.set(file, table);
    }
    if (table === null) return null;
    const at = table.columns.indexOf(column);
    if (at < 0) return null;
    const row = table.rows.findIndex((r) => r[at] === value);
    return row < 0 ? null : (table.lines[row] ?? null);
  };
}
