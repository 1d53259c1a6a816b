/**
 * A kit file's header mapped to its columns: identifying columns refuse the file, unknown ones
 * are kept aside with a warning (quoted only when header-shaped), missing required ones and
 * repeated ones make the file unreadable.
 */
import type { KitFileSpec } from './kit-files.ts';
import { describeText, isHeaderShaped, isIdentifyingHeader } from './identifying.ts';
import type { IssueSink } from './issue-sink.ts';

/** One file of the kit as read: its rows (blank lines excluded) and the columns kept aside. */
export interface KitFileSummary {
  name: string;
  rows: number;
  unknownColumns: string[];
}

/** Maps the header to column indexes; null (with errors) when the file cannot be read. */
export function mapHeader(
  spec: KitFileSpec,
  name: string,
  columns: string[],
  line: number,
  summary: KitFileSummary,
  sink: IssueSink,
): Map<string, number> | null {
  const identifying = columns.filter(isIdentifyingHeader);
  for (const column of identifying) {
    sink.say('error', 'identifying-column', name, line, column, { file: name, column });
  }
  if (identifying.length > 0) return null;
  const known = new Set(spec.columns.map((c) => c.name));
  const index = new Map<string, number>();
  let usable = true;
  // A first line naming no column of the kit is data, not a header (a name, a date…): its
  // cells are described, never quoted; a header's unknown column is quoted when it looks like one.
  const isData = !columns.some((c) => known.has(c.toLowerCase()));
  const shown = (raw: string): string =>
    !isData && isHeaderShaped(raw) ? raw : `(${describeText(raw)})`;
  columns.forEach((raw, i) => {
    const key = raw.toLowerCase();
    if (raw === '') {
      sink.say('warning', 'unnamed-column', name, line, null, {
        position: String(i + 1),
        file: name,
      });
    } else if (known.has(key)) {
      if (index.has(key)) {
        usable = false;
        sink.say('error', 'duplicate-column', name, line, key, { file: name, column: key });
      } else index.set(key, i);
    } else {
      summary.unknownColumns.push(shown(raw));
      sink.say('warning', 'unknown-column', name, line, shown(raw), {
        file: name,
        column: shown(raw),
        columns: spec.columns.map((c) => c.name).join(', '),
      });
    }
  });
  for (const column of spec.columns) {
    if (!column.required || index.has(column.name)) continue;
    usable = false;
    const tab = columns.length === 1 && (columns[0] ?? '').includes('\t');
    sink.say('error', tab ? 'missing-column.tabs' : 'missing-column', name, line, column.name, {
      file: name,
      column: column.name,
      header: columns.map(shown).join(', '),
    });
  }
  return usable ? index : null;
}
