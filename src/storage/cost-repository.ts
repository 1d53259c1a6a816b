/**
 * The `costs` table: a campaign's machines' yearly costs (planning.md §1, `costs.csv`), one row
 * per machine with the set's origin on every row. Like the slots, the costs follow the kit: each
 * import replaces them whole (a kit without costs.csv leaves none stored).
 */
import type { CostOrigin, CostRow, CostSet } from '../core/kit-types.ts';
import type { Queryable } from './db.ts';

/**
 * The stored costs of `campaignId` by machine (`collate "C"`), or null when it has none.
 *
 * @example
 * const costs = await loadCosts(store.db, 'anap-2010'); // { origin: 'input', rows: [...] } | null
 */
export async function loadCosts(q: Queryable, campaignId: string): Promise<CostSet | null> {
  const rows = await q.query<{
    equipment_id: string;
    purchase_price: number;
    amortisation_years: number;
    maintenance: number;
    staff: number;
    consumables_per_exam: number;
    overhead: number;
    origin: CostOrigin;
  }>(
    `select equipment_id, purchase_price, amortisation_years, maintenance, staff, consumables_per_exam, overhead, origin
     from costs where campaign_id = $1 order by equipment_id collate "C"`,
    [campaignId],
  );
  if (rows.length === 0) return null;
  return {
    origin: rows.some((r) => r.origin === 'illustrative') ? 'illustrative' : 'input',
    rows: rows.map((r): CostRow => ({
      equipmentId: r.equipment_id,
      purchasePrice: r.purchase_price,
      amortisationYears: r.amortisation_years,
      maintenance: r.maintenance,
      staff: r.staff,
      consumablesPerExam: r.consumables_per_exam,
      overhead: r.overhead,
    })),
  };
}

function rowKey(r: CostRow): string {
  return [
    r.equipmentId,
    r.purchasePrice,
    r.amortisationYears,
    r.maintenance,
    r.staff,
    r.consumablesPerExam,
    r.overhead,
  ].join('\u0000');
}

/** True when two cost sets (or none) hold the same origin and rows, in any order. */
export function sameCosts(a: CostSet | null, b: CostSet | null): boolean {
  const ra = a === null || a.rows.length === 0 ? null : a;
  const rb = b === null || b.rows.length === 0 ? null : b;
  if (ra === null || rb === null) return ra === rb;
  if (ra.origin !== rb.origin || ra.rows.length !== rb.rows.length) return false;
  const keys = new Set(ra.rows.map(rowKey));
  return rb.rows.every((r) => keys.has(rowKey(r)));
}

/**
 * Replaces the stored costs of `campaignId` with `costs` (none: deletes them); `before` is what
 * is stored (read when not given). Returns true when anything changed. The machines must be
 * stored first (the rows reference them).
 */
export async function replaceCosts(
  q: Queryable,
  campaignId: string,
  costs: CostSet | null,
  before?: CostSet | null,
): Promise<boolean> {
  const stored = before === undefined ? await loadCosts(q, campaignId) : before;
  if (sameCosts(stored, costs)) return false;
  await q.query('delete from costs where campaign_id = $1', [campaignId]);
  if (costs !== null) await insertCostRows(q, campaignId, costs);
  return true;
}

/** Inserts `costs`' rows for `campaignId` (nothing for an empty set); the machines must be stored. */
export async function insertCostRows(
  q: Queryable,
  campaignId: string,
  costs: CostSet,
): Promise<void> {
  const rows = costs.rows;
  if (rows.length === 0) return;
  await q.query(
    `insert into costs (campaign_id, equipment_id, purchase_price, amortisation_years, maintenance, staff,
       consumables_per_exam, overhead, origin)
     select $1, u.equipment_id, u.purchase_price, u.amortisation_years, u.maintenance, u.staff,
       u.consumables_per_exam, u.overhead, $9
     from unnest($2::text[], $3::float8[], $4::float8[], $5::float8[], $6::float8[], $7::float8[], $8::float8[])
       as u (equipment_id, purchase_price, amortisation_years, maintenance, staff, consumables_per_exam, overhead)`,
    [
      campaignId,
      rows.map((r) => r.equipmentId),
      rows.map((r) => r.purchasePrice),
      rows.map((r) => r.amortisationYears),
      rows.map((r) => r.maintenance),
      rows.map((r) => r.staff),
      rows.map((r) => r.consumablesPerExam),
      rows.map((r) => r.overhead),
      costs.origin,
    ],
  );
}
