/**
 * Checks parsed `costs.csv` rows (planning.md §1) before anything is computed or stored: each
 * problem located by line and column as a plain object. The kit reader turns them into i18n
 * issues (`makeIssue`) later; the file is refused as a whole when any problem is found.
 */
import { COST_COLUMNS, type CostRow } from './types.ts';

/** Problem codes of `validateCostRows`. */
export type CostProblemCode =
  | 'costs.missing-column'
  | 'costs.unknown-equipment'
  | 'costs.duplicate-machine'
  | 'costs.not-a-number'
  | 'costs.negative'
  | 'costs.amortisation-years';

/** A located problem: `line` is the file's line (1 = header), `column` the column's name. */
export interface CostProblem {
  line: number;
  column: string | null;
  code: CostProblemCode;
  params: Record<string, string | number>;
}

/** Parsed CSV: the header's cells and each data row's cells with its line number. */
export interface CostCsv {
  header: string[];
  headerLine?: number;
  rows: { line: number; cells: string[] }[];
}

/**
 * The valid rows and every problem. A row with any problem is left out of `rows`; the caller
 * should refuse the whole file when `problems` is not empty (nothing stored).
 * Numbers are plain decimals (`.` or `,` as decimal mark, no thousands separator).
 */
export function validateCostRows(
  csv: CostCsv,
  knownEquipment: ReadonlySet<string>,
): { rows: CostRow[]; problems: CostProblem[] } {
  const problems: CostProblem[] = [];
  const header = csv.header.map((h) => h.trim().toLowerCase());
  const index = new Map<string, number>();
  for (const [name] of COST_COLUMNS) {
    const at = header.indexOf(name);
    if (at < 0)
      problems.push({
        line: csv.headerLine ?? 1,
        column: name,
        code: 'costs.missing-column',
        params: { column: name },
      });
    else index.set(name, at);
  }
  if (problems.length > 0) return { rows: [], problems };

  const rows: CostRow[] = [];
  const seen = new Map<string, number>();
  for (const { line, cells } of csv.rows) {
    const before = problems.length;
    const cell = (name: string): string => (cells[index.get(name) ?? -1] ?? '').trim();
    const equipmentId = cell('equipment_id');
    if (!knownEquipment.has(equipmentId)) {
      problems.push({
        line,
        column: 'equipment_id',
        code: 'costs.unknown-equipment',
        params: { equipmentId },
      });
    }
    const first = seen.get(equipmentId);
    if (first !== undefined) {
      problems.push({
        line,
        column: 'equipment_id',
        code: 'costs.duplicate-machine',
        params: { equipmentId, firstLine: first },
      });
    } else seen.set(equipmentId, line);
    const row: Record<string, number | string> = { equipmentId };
    for (const [name, field] of COST_COLUMNS.slice(1)) {
      const text = cell(name);
      const value = /^[+-]?(\d+([.,]\d*)?|[.,]\d+)$/.test(text)
        ? Number(text.replace(',', '.'))
        : Number.NaN;
      if (!Number.isFinite(value)) {
        problems.push({ line, column: name, code: 'costs.not-a-number', params: { value: text } });
      } else if (name === 'amortisation_years' && value <= 0) {
        problems.push({
          line,
          column: name,
          code: 'costs.amortisation-years',
          params: { value: text },
        });
      } else if (value < 0) {
        problems.push({ line, column: name, code: 'costs.negative', params: { value: text } });
      }
      row[field] = value;
    }
    if (problems.length === before) rows.push(row as unknown as CostRow);
  }
  return { rows, problems };
}
