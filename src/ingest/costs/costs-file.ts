/**
 * Reads `costs.csv` (planning.md §1): the kit's CSV rules (`parseCsv`: separator, quotes, BOM),
 * then `validateCostRows` against the campaign's machines, each problem made a located i18n
 * issue. The caller refuses the whole file when any issue is an error (nothing computed).
 */
import type { Issue } from '../../core/issues.ts';
import type { IssueKey } from '../../i18n/issues/index.ts';
import { makeIssue } from '../../i18n/issues/index.ts';
import type { CostProblemCode, CostRow } from '../../plan/costs/index.ts';
import { validateCostRows } from '../../plan/costs/index.ts';
import { parseCsv } from '../csv.ts';

/** The catalog key of each problem of `validateCostRows`. */
const KEYS: Readonly<Record<CostProblemCode, IssueKey>> = {
  'costs.missing-column': 'cost-missing-column',
  'costs.unknown-equipment': 'cost-unknown-equipment',
  'costs.duplicate-machine': 'cost-duplicate-machine',
  'costs.not-a-number': 'cost-not-a-number',
  'costs.negative': 'cost-negative',
  'costs.amortisation-years': 'cost-amortisation-years',
};

/** What `readCostsCsv` returns: the valid rows and every issue (rows are unusable when one is an error). */
export interface CostsFileResult {
  rows: CostRow[];
  issues: Issue[];
}

/**
 * The rows of a `costs.csv` text and its issues, located as `file:line:column`.
 *
 * @example
 * readCostsCsv('equipment_id,purchase_price,…\nCT1,-5,…\n', 'costs.csv', new Set(['CT1'])).issues[0].line; // 2
 */
export function readCostsCsv(text: string, file: string, knownEquipment: ReadonlySet<string>): CostsFileResult {
  const table = parseCsv(text, file);
  const issues: Issue[] = [...table.issues];
  const { rows, problems } = validateCostRows(
    { header: table.columns, rows: table.rows.map((cells, i) => ({ line: table.lines[i] ?? i + 2, cells })) },
    knownEquipment,
  );
  for (const p of problems) {
    issues.push(makeIssue('error', KEYS[p.code], file, p.line, p.column, { ...p.params, ...(p.column ? { column: p.column } : {}) }));
  }
  return { rows, issues };
}
