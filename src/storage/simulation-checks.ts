/**
 * The `simulation_checks` table: the status-quo check of each machine of a campaign (planning.md
 * §3 rule), as `plateau simulate --all` computed it. The set is replaced whole by each run, and
 * cleared by an import that changes the campaign's records (they no longer describe it).
 */
import type { SimulationCheck } from '../plan/simulation/checks.ts';
import type { FailingFigure, StatusQuo } from '../plan/simulation/types.ts';
import type { Queryable } from './db.ts';
import type { Store } from './open-store.ts';

export type { SimulationCheck };

/** What is written: the check without its time (the store's clock gives it). */
export type SimulationCheckWrite = Omit<SimulationCheck, 'computedAt'>;

/** Deletes the checks of campaign `campaignId`; returns how many there were. */
export async function clearSimulationChecks(q: Queryable, campaignId: string): Promise<number> {
  const rows = await q.query(`delete from simulation_checks where campaign_id = $1 returning 1`, [
    campaignId,
  ]);
  return rows.length;
}

/**
 * Replaces the checks of campaign `campaignId` by `checks` (unique by machine), in one
 * transaction: a reader sees the old set or the new one, never a mix.
 *
 * @example
 * await replaceSimulationChecks(store, 'synthetic-2010', checks);
 */
export async function replaceSimulationChecks(
  store: Store,
  campaignId: string,
  checks: readonly SimulationCheckWrite[],
): Promise<void> {
  await store.db.transaction(async (tx) => {
    await clearSimulationChecks(tx, campaignId);
    if (checks.length === 0) return;
    await tx.query(
      `insert into simulation_checks (campaign_id, equipment_id, reproduces, failing, status_quo, replications, seed)
       select $1, u.equipment_id, u.reproduces, u.failing::jsonb, u.status_quo::jsonb, u.replications, u.seed::bigint
       from unnest($2::text[], $3::boolean[], $4::text[], $5::text[], $6::int4[], $7::float8[])
         as u (equipment_id, reproduces, failing, status_quo, replications, seed)`,
      [
        campaignId,
        checks.map((c) => c.equipmentId),
        checks.map((c) => c.reproduces),
        checks.map((c) => JSON.stringify(c.failing)),
        checks.map((c) => JSON.stringify(c.statusQuo)),
        checks.map((c) => c.replications),
        checks.map((c) => c.seed),
      ],
    );
  });
}

/** The stored checks of campaign `campaignId`, by equipment id (empty when none was computed). */
export async function loadSimulationChecks(
  store: Store,
  campaignId: string,
): Promise<SimulationCheck[]> {
  const rows = await store.db.query<{
    equipment_id: string;
    reproduces: boolean;
    failing: string;
    status_quo: string;
    replications: number;
    seed: number;
    computed_at: string;
  }>(
    `select equipment_id, reproduces, failing::text as failing, status_quo::text as status_quo, replications,
       seed::float8 as seed, to_char(computed_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as computed_at
     from simulation_checks where campaign_id = $1 order by equipment_id collate "C"`,
    [campaignId],
  );
  return rows.map((r) => ({
    equipmentId: r.equipment_id,
    reproduces: r.reproduces,
    failing: JSON.parse(r.failing) as FailingFigure[],
    statusQuo: JSON.parse(r.status_quo) as StatusQuo,
    replications: r.replications,
    seed: r.seed,
    computedAt: r.computed_at,
  }));
}
