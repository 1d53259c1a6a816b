/**
 * The `equipment` table (one row per machine) of a campaign: upserted by equipment id, a row
 * rewritten only when a field differs. Each machine belongs to an establishment of the campaign.
 * `previous_id` (issue 16) is null in the table when the kit leaves it blank, absent on `Equipment`.
 */
import type { Equipment, EquipmentRole, Modality } from '../core/kit-types.ts';
import type { CopyQueryable, UpsertCounts } from './bulk.ts';
import { copyInChunks, countingUpsert, deleteAbsent, upsertInChunks } from './bulk.ts';
import type { Queryable } from './db.ts';

const UPSERT =
  countingUpsert(`insert into equipment (campaign_id, equipment_id, finess, modality, label, installed_year, role, previous_id)
  select $1, u.equipment_id, u.finess, u.modality, u.label, u.installed_year, u.role, u.previous_id
  from unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::int4[], $7::text[], $8::text[])
    as u (equipment_id, finess, modality, label, installed_year, role, previous_id)
  on conflict (campaign_id, equipment_id) do update set
    finess = excluded.finess, modality = excluded.modality, label = excluded.label,
    installed_year = excluded.installed_year, role = excluded.role, previous_id = excluded.previous_id
  where (equipment.finess, equipment.modality, equipment.label, equipment.installed_year, equipment.role, equipment.previous_id)
    is distinct from (excluded.finess, excluded.modality, excluded.label, excluded.installed_year, excluded.role, excluded.previous_id)`);

/** Upserts machines (unique by equipment id: de-duplicate before calling). */
export function upsertEquipment(
  q: Queryable,
  campaignId: string,
  rows: readonly Equipment[],
): Promise<UpsertCounts> {
  return upsertInChunks(q, UPSERT, rows, (chunk) => [
    campaignId,
    chunk.map((e) => e.equipmentId),
    chunk.map((e) => e.finess),
    chunk.map((e) => e.modality),
    chunk.map((e) => e.label),
    chunk.map((e) => e.installedYear),
    chunk.map((e) => e.role),
    chunk.map((e) => e.previousId ?? null),
  ]);
}

/** Inserts the machines of a campaign this transaction created, by binary COPY. */
export function copyEquipment(
  q: CopyQueryable,
  campaignId: string,
  rows: readonly Equipment[],
): Promise<UpsertCounts> {
  return copyInChunks(
    q,
    'equipment',
    [
      'campaign_id',
      'equipment_id',
      'finess',
      'modality',
      'label',
      'installed_year',
      'role',
      'previous_id',
    ],
    rows,
    (w, m) => {
      w.repeatedText(campaignId);
      w.text(m.equipmentId);
      w.repeatedText(m.finess);
      w.repeatedText(m.modality);
      w.text(m.label);
      w.int4(m.installedYear);
      w.repeatedText(m.role);
      w.text(m.previousId ?? null);
    },
  );
}

/**
 * Deletes the machines of a campaign that `rows` (just upserted) does not hold, with their
 * results and samples; returns how many.
 */
export function deleteAbsentEquipment(
  q: Queryable,
  campaignId: string,
  rows: readonly Equipment[],
): Promise<number> {
  return deleteAbsent(
    q,
    'equipment',
    campaignId,
    [{ name: 'equipment_id', arrayType: 'text[]' }],
    [rows.map((m) => m.equipmentId)],
    rows.length,
  );
}

/** An `equipment` row as `EQUIPMENT_COLUMNS` selects it. */
export interface EquipmentRow {
  equipment_id: string;
  finess: string;
  modality: Modality;
  label: string | null;
  installed_year: number | null;
  role: EquipmentRole;
  previous_id: string | null;
}

/** The columns of an `equipment` row that `equipmentOfRow` reads. */
export const EQUIPMENT_COLUMNS =
  'equipment_id, finess, modality, label, installed_year, role, previous_id';

/** A machine from its `equipment` row (`previousId` absent when the column is null). */
export function equipmentOfRow(r: EquipmentRow): Equipment {
  const m: Equipment = {
    equipmentId: r.equipment_id,
    finess: r.finess,
    modality: r.modality,
    label: r.label,
    installedYear: r.installed_year,
    role: r.role,
  };
  if (r.previous_id !== null) m.previousId = r.previous_id;
  return m;
}

/** The machines of a campaign, by equipment id. */
export async function readEquipment(q: Queryable, campaignId: string): Promise<Equipment[]> {
  const rows = await q.query<EquipmentRow & Record<string, unknown>>(
    `select ${EQUIPMENT_COLUMNS} from equipment where campaign_id = $1 order by equipment_id collate "C"`,
    [campaignId],
  );
  return rows.map(equipmentOfRow);
}
