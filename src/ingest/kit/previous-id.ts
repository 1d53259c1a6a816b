/**
 * equipment.csv's optional `previous_id` (issue 16, an extension of data-kit.md): the machine's id
 * in an earlier campaign, so that trends follow a renamed or replaced machine. Any text an
 * `equipment_id` may be, except the machine's own id; a blank cell or a missing column says nothing.
 */
import type { CsvRecord } from '../csv.ts';
import type { CellReader } from './cells.ts';
import { detach } from './cells.ts';

/** Spaces around the id, or a control character (a tab, a line break) inside it. */
const NOT_AN_ID = /^\s|\s$|\p{Cc}/u;

/**
 * The `previous_id` cell of an equipment.csv row (`i`, -1 when the column is missing): the id,
 * null when blank, false (with a located error) when it is not an id or names `equipmentId` itself.
 *
 * @example
 * previousIdOf(row, col('previous_id'), 'CT-2', cells); // 'CT-OLD-2', or null when blank
 */
export function previousIdOf(
  row: CsvRecord,
  i: number,
  equipmentId: string | null,
  r: CellReader,
): string | null | false {
  if (row.blank(i)) return null;
  const text = row.cell(i);
  if (NOT_AN_ID.test(text)) {
    r.say('error', 'previous-id.invalid', row.line, 'previous_id', { text });
    return false;
  }
  if (text === equipmentId) {
    r.say('error', 'previous-id.self', row.line, 'previous_id', { id: text });
    return false;
  }
  return detach(text);
}
