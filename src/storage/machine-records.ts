/**
 * What the capacity simulation calibrates on (`MachineRecords`, plan/simulation/types.ts): the
 * records of a few machines of one stored campaign, read with SQL narrowed to those machines (a
 * national campaign holds 270,000 exams; one machine about 500), with the same row-to-record
 * mapping and order as the whole-campaign readers, so that it equals `readKit` filtered.
 */
import type {
  Equipment,
  Establishment,
  Session,
  SessionType,
  Slot,
  SlotStatus,
} from '../core/kit-types.ts';
import type { MachineRecords } from '../plan/simulation/types.ts';
import { readActs } from './act-repository.ts';
import { epochMs } from './bulk.ts';
import { readCampaign } from './campaign-repository.ts';
import type { Queryable } from './db.ts';
import type { EquipmentRow } from './equipment-repository.ts';
import { EQUIPMENT_COLUMNS, equipmentOfRow } from './equipment-repository.ts';
import type { ExamTuple } from './exam-repository.ts';
import { EXAM_JSON_ARRAY, examFromTuple } from './exam-repository.ts';
import type { Store } from './open-store.ts';

/**
 * The records of machines `equipmentIds` of campaign `campaignId` (through `q`): the machines by
 * equipment id, the establishment of the first (null when the campaign has none of that FINESS),
 * their sessions by machine then start, their exams by machine then `roomIn` then exam id, the
 * campaign's whole act table, and their slots (file order) when the store holds any. Null when
 * the campaign is not stored, no id is given, or one of the ids is not a machine of it.
 */
export async function readMachineRecords(
  q: Queryable,
  campaignId: string,
  equipmentIds: readonly string[],
): Promise<MachineRecords | null> {
  const ids = [...new Set(equipmentIds)];
  if (ids.length === 0) return null;
  const campaign = await readCampaign(q, campaignId);
  if (!campaign) return null;
  const equipmentRows = await q.query<EquipmentRow & Record<string, unknown>>(
    `select ${EQUIPMENT_COLUMNS} from equipment
     where campaign_id = $1 and equipment_id = any($2::text[]) order by equipment_id collate "C"`,
    [campaignId, ids],
  );
  if (equipmentRows.length !== ids.length) return null;
  const equipment = equipmentRows.map(equipmentOfRow);
  const finess = (equipment[0] as Equipment).finess;
  // One JSON document per table rather than one row per record: PGlite decodes rows field by
  // field in JavaScript, JSON.parse is several times faster (as readSessions and readExams do).
  const [row] = await q.query<{
    establishment: string | null;
    sessions: string;
    exams: string;
    slots: string;
  }>(
    `select
       (select json_build_array(finess, name, legal_status, region, department)::text
        from establishments where campaign_id = $1 and finess = $3) as establishment,
       (select coalesce(json_agg(json_build_array(equipment_id, ${epochMs('start_at')}, ${epochMs('end_at')}, type)
          order by equipment_id collate "C", start_at, end_at, type collate "C"), '[]')::text
        from sessions where campaign_id = $1 and equipment_id = any($2::text[])) as sessions,
       (select coalesce(json_agg(json_build_array(equipment_id, ${EXAM_JSON_ARRAY})
          order by equipment_id collate "C", room_in, exam_id collate "C"), '[]')::text
        from exams where campaign_id = $1 and equipment_id = any($2::text[])) as exams,
       (select coalesce(json_agg(json_build_array(equipment_id, ${epochMs('slot_start')}, ${epochMs('slot_end')},
          status, ${epochMs('observed_at')}) order by row_no), '[]')::text
        from slots where campaign_id = $1 and equipment_id = any($2::text[])) as slots`,
    [campaignId, ids, finess],
  );
  const e = row?.establishment
    ? (JSON.parse(row.establishment) as [
        string,
        string,
        Establishment['legalStatus'],
        string,
        string | null,
      ])
    : null;
  const establishment: Establishment | null = e
    ? { finess: e[0], name: e[1], legalStatus: e[2], region: e[3], department: e[4] }
    : null;
  const sessions = (
    JSON.parse(row?.sessions ?? '[]') as [string, number, number, SessionType][]
  ).map(([equipmentId, start, end, type]): Session => ({ equipmentId, start, end, type }));
  const exams = (JSON.parse(row?.exams ?? '[]') as [string, ExamTuple][]).map(([equipmentId, t]) =>
    examFromTuple(t, equipmentId),
  );
  const slots = (
    JSON.parse(row?.slots ?? '[]') as [string, number, number, SlotStatus, number][]
  ).map(([equipmentId, start, end, status, observedAt]): Slot => ({
    equipmentId,
    start,
    end,
    status,
    observedAt,
  }));
  return {
    campaign,
    equipment,
    establishment,
    sessions,
    exams,
    acts: await readActs(q, campaignId),
    ...(slots.length > 0 ? { slots } : {}),
  };
}

/**
 * `readMachineRecords` on the store: what `calibrate` reads for one machine, or for a site's
 * machines of one modality pooled.
 *
 * @example
 * const records = await loadSimulationRecords(store, 'synthetic-2010', ['CT-0001']);
 * if (records) runSimulation(calibrate(records), [], { replications: 20 });
 */
export function loadSimulationRecords(
  store: Store,
  campaignId: string,
  equipmentIds: readonly string[],
): Promise<MachineRecords | null> {
  return readMachineRecords(store.db, campaignId, equipmentIds);
}
