/**
 * Reads `costs.csv` (planning.md §1): the kit's CSV rules (`parseCsv`: separator, quotes, BOM),
 * then `validateCostRows` against the campaign's machines, each problem made a located i18n
 * issue. The optional `origin` column (`input` by default, or `illustrative`) must say the same on
 * every row. The caller refuses the whole file when any issue is an error (nothing computed).
 */
import type { Issue } from '../../core/issues.ts';
import type { CostOrigin, CostSet } from '../../core/kit-types.ts';
import type { IssueKey } from '../../i18n/issues/index.ts';
import { makeIssue } from '../../i18n/issues/index.ts';
import type { CostProblemCode, CostRow } from '../../plan/costs/index.ts';
import { validateCostRows } from '../../plan/costs/index.ts';
import { parseCsv } from '../csv.ts';
import { shownCellText } from '../kit/identifying.ts';

/** The catalog key of each problem of `validateCostRows`. */
const KEYS: Readonly<Record<CostProblemCode, IssueKey>> = {
  'costs.missing-column': 'cost-missing-column',
  'costs.unknown-equipment': 'cost-unknown-equipment',
  'costs.duplicate-machine': 'cost-duplicate-machine',
  'costs.not-a-number': 'cost-not-a-number',
  'costs.negative': 'cost-negative',
  'costs.amortisation-years': 'cost-amortisation-years',
};

/** The values of the `origin` column; a blank cell is `input`. */
export const COST_ORIGINS: readonly CostOrigin[] = ['input', 'illustrative'];

/**
 * What `readCostsCsv` returns: the valid rows, the file's origin (`input` when the column is
 * absent or blank) and every issue (rows are unusable when one is an error).
 */
export interface CostsFileResult {
  rows: CostRow[];
  origin: CostOrigin;
  issues: Issue[];
}

/** Every machine id is known: the caller could not list the machines (already an error). */
const ANY_MACHINE: ReadonlySet<string> = { has: () => true } as unknown as ReadonlySet<string>;

/**
 * The rows of a `costs.csv` text and its issues, located as `file:line:column`. `knownEquipment`
 * null checks no `equipment_id` (the machines are unknown, e.g. equipment.csv was refused).
 *
 * @example
 * readCostsCsv('equipment_id,purchase_price,…\nCT1,-5,…\n', 'costs.csv', new Set(['CT1'])).issues[0].line; // 2
 */
export function readCostsCsv(
  text: string,
  file: string,
  knownEquipment: ReadonlySet<string> | null,
): CostsFileResult {
  const table = parseCsv(text, file);
  const issues: Issue[] = [...table.issues];
  const { rows, problems } = validateCostRows(
    {
      header: table.columns,
      rows: table.rows.map((cells, i) => ({ line: table.lines[i] ?? i + 2, cells })),
    },
    knownEquipment ?? ANY_MACHINE,
  );
  for (const p of problems) {
    issues.push(
      makeIssue('error', KEYS[p.code], file, p.line, p.column, {
        ...p.params,
        ...(p.column ? { column: p.column } : {}),
      }),
    );
  }
  const at = table.columns.findIndex((c) => c.trim().toLowerCase() === 'origin');
  let origin: CostOrigin = 'input';
  if (at >= 0) {
    let first: { origin: CostOrigin; line: number } | null = null;
    table.rows.forEach((cells, i) => {
      const line = table.lines[i] ?? i + 2;
      const textOf = (cells[at] ?? '').trim();
      const value = (textOf === '' ? 'input' : textOf) as CostOrigin;
      if (!COST_ORIGINS.includes(value)) {
        issues.push(
          makeIssue('error', 'cost-origin', file, line, 'origin', {
            value: shownCellText(textOf),
            values: COST_ORIGINS.join(', '),
          }),
        );
        return;
      }
      if (first === null) first = { origin: value, line };
      else if (first.origin !== value) {
        issues.push(
          makeIssue('error', 'cost-origin.mixed', file, line, 'origin', {
            value,
            first: first.origin,
            firstLine: first.line,
          }),
        );
      }
    });
    origin = (first as { origin: CostOrigin } | null)?.origin ?? 'input';
  }
  return { rows, origin, issues };
}

/**
 * The cost set of a `costs.csv` text, or null with its issues when any is an error.
 *
 * @example
 * const { costs, issues } = readCostSet(text, 'costs.csv', new Set(['CT1']));
 */
export function readCostSet(
  text: string,
  file: string,
  knownEquipment: ReadonlySet<string> | null,
): { costs: CostSet | null; issues: Issue[] } {
  const { rows, origin, issues } = readCostsCsv(text, file, knownEquipment);
  return { costs: issues.some((i) => i.severity === 'error') ? null : { origin, rows }, issues };
}
