/**
 * The one shape every table export takes: labelled, typed columns and rows of plain cells. Pure
 * data, so that the same table can be written as CSV or XLSX in the browser or in Node.
 */

/** How a column's numbers read: plain text, a number, or a fraction shown as a percentage. */
export type ExportColumnKind = 'text' | 'number' | 'percent';

/** One column: `key` names it for code, `label` heads it in the file. */
export interface ExportColumn {
  key: string;
  label: string;
  kind: ExportColumnKind;
}

/**
 * A table to export: one row per record, one cell per column, in the columns' order. `null` is an
 * unknown value (an empty cell); a `percent` cell holds the fraction (0.61 for 61 %).
 */
export interface ExportTable {
  /** The sheet name in a workbook (sanitised there), or a file name's stem. */
  name: string;
  columns: ExportColumn[];
  rows: (string | number | null)[][];
}

/**
 * Throws a RangeError naming the first row whose cell count differs from the column count: a
 * short or long row is a bug in the caller, never something to pad silently.
 */
export function checkRowWidths(table: ExportTable): void {
  const width = table.columns.length;
  table.rows.forEach((row, i) => {
    if (row.length !== width) {
      throw new RangeError(
        `table ${JSON.stringify(table.name)}: row ${i + 1} has ${row.length} cells for ${width} columns`,
      );
    }
  });
}
