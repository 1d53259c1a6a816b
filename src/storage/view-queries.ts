/**
 * The reads the HTTP views need beyond results: a campaign's establishments, machines and
 * survey answers (through the repositories' own readers), the machine counts of every
 * campaign, and one machine's sessions and exams for its timeline and heatmap, read with the
 * same SQL-to-record mapping as the whole-campaign readers, narrowed to the machine.
 */
import type {
  Equipment,
  Establishment,
  Exam,
  Modality,
  Session,
  SessionType,
  SurveyAnswer,
} from '../core/kit-types.ts';
import { epochMs } from './bulk.ts';
import { readEquipment } from './equipment-repository.ts';
import type { ExamTuple } from './exam-repository.ts';
import { EXAM_JSON_ARRAY, examFromTuple } from './exam-repository.ts';
import { readEstablishments } from './establishment-repository.ts';
import type { Store } from './open-store.ts';
import { readSurvey } from './survey-repository.ts';

/** The establishments of a campaign, by FINESS (empty when the campaign is not stored). */
export function loadEstablishments(store: Store, campaignId: string): Promise<Establishment[]> {
  return readEstablishments(store.db, campaignId);
}

/** The machines of a campaign, by equipment id (empty when the campaign is not stored). */
export function loadEquipment(store: Store, campaignId: string): Promise<Equipment[]> {
  return readEquipment(store.db, campaignId);
}

/** The appointment-survey answers of a campaign, in key order. */
export function loadSurvey(store: Store, campaignId: string): Promise<SurveyAnswer[]> {
  return readSurvey(store.db, campaignId);
}

/**
 * Machines per modality of every stored campaign, by campaign id (a campaign with no machine
 * is absent).
 *
 * @example
 * (await countMachinesByModality(store)).get('synthetic-2010'); // { CT: 326, MR: 191 }
 */
export async function countMachinesByModality(
  store: Store,
): Promise<Map<string, Partial<Record<Modality, number>>>> {
  const rows = await store.db.query<{ campaign_id: string; modality: Modality; n: number }>(
    `select campaign_id, modality, count(*)::int as n from equipment
     group by campaign_id, modality order by campaign_id collate "C", modality collate "C"`,
  );
  const out = new Map<string, Partial<Record<Modality, number>>>();
  for (const r of rows) {
    let counts = out.get(r.campaign_id);
    if (!counts) out.set(r.campaign_id, (counts = {}));
    counts[r.modality] = r.n;
  }
  return out;
}

/** One machine's records: sessions by start, exams by `roomIn` then exam id. */
export interface MachineRecords {
  sessions: Session[];
  exams: Exam[];
}

/**
 * The sessions and exams of one machine, instants in epoch ms, or null when the campaign has no
 * such machine. One JSON document per table, as `readSessions` and `readExams` do (PGlite
 * decodes rows field by field in JavaScript; JSON.parse is faster). Given `span` (epoch ms), only
 * the records that may meet it: the sessions within a day of it and the exams that come in from
 * two days before it (an exam lasts at most 24 hours) to a day after; a week's timeline needs
 * those, not a year's.
 *
 * @example
 * const records = await loadMachineRecords(store, 'synthetic-2010', 'CT-0001');
 * records?.exams.length;
 */
export async function loadMachineRecords(
  store: Store,
  campaignId: string,
  equipmentId: string,
  span?: { from: number; to: number },
): Promise<MachineRecords | null> {
  const from = `to_timestamp($3::double precision / 1000)`;
  const to = `to_timestamp($4::double precision / 1000)`;
  const sessionsWithin = span
    ? ` and end_at > ${from} - interval '1 day' and start_at < ${to} + interval '1 day'`
    : '';
  const examsWithin = span
    ? ` and room_in > ${from} - interval '2 days' and room_in < ${to} + interval '1 day'`
    : '';
  const [row] = await store.db.query<{ known: boolean; sessions: string; exams: string }>(
    `select
       exists (select 1 from equipment where campaign_id = $1 and equipment_id = $2) as known,
       (select coalesce(json_agg(json_build_array(${epochMs('start_at')}, ${epochMs('end_at')}, type)
          order by start_at, end_at, type collate "C"), '[]')::text
        from sessions where campaign_id = $1 and equipment_id = $2${sessionsWithin}) as sessions,
       (select coalesce(json_agg(${EXAM_JSON_ARRAY}
          order by room_in, exam_id collate "C"), '[]')::text
        from exams where campaign_id = $1 and equipment_id = $2${examsWithin}) as exams`,
    span ? [campaignId, equipmentId, span.from, span.to] : [campaignId, equipmentId],
  );
  if (!row?.known) return null;
  const sessions = (JSON.parse(row.sessions) as [number, number, SessionType][]).map(
    ([start, end, type]): Session => ({ equipmentId, start, end, type }),
  );
  const exams = (JSON.parse(row.exams) as ExamTuple[]).map((t) => examFromTuple(t, equipmentId));
  return { sessions, exams };
}
