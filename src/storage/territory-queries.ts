/**
 * The reads the territorial figures need beyond a campaign's results: its on-call and emergency
 * sessions only (night access is decided from them), one JSON document for the lot, so that a
 * national campaign's hundred thousand other sessions and its exams are never read.
 */
import type { Session, SessionType } from '../core/kit-types.ts';
import { epochMs } from './bulk.ts';
import type { Store } from './open-store.ts';

/** The session types that open a machine to unscheduled patients outside its programme. */
export const UNSCHEDULED_SESSION_TYPES = [
  'ON_CALL',
  'EMERGENCY',
] as const satisfies readonly SessionType[];

/**
 * The `ON_CALL` and `EMERGENCY` sessions of a campaign, by machine then start (empty when the
 * campaign is not stored or has none).
 *
 * @example
 * const sessions = await loadUnscheduledSessions(store, 'synthetic-2010');
 * nightAccessMachines(sessions, campaign);
 */
export async function loadUnscheduledSessions(
  store: Store,
  campaignId: string,
): Promise<Session[]> {
  const [row] = await store.db.query<{ sessions: string }>(
    `select coalesce(json_agg(json_build_array(equipment_id, ${epochMs('start_at')}, ${epochMs('end_at')}, type)
       order by equipment_id collate "C", start_at, end_at, type collate "C"), '[]')::text as sessions
     from sessions where campaign_id = $1 and type = any($2::text[])`,
    [campaignId, [...UNSCHEDULED_SESSION_TYPES]],
  );
  return (JSON.parse(row?.sessions ?? '[]') as [string, number, number, SessionType][]).map(
    ([equipmentId, start, end, type]): Session => ({ equipmentId, start, end, type }),
  );
}
