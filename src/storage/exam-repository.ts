/**
 * The `exams` table (passages), keyed by campaign, machine and exam id. Re-importing an exam
 * leaves an identical row alone and replaces a different one, so ids never duplicate. Writes
 * and reads are set-based: this table holds hundreds of thousands of rows per campaign.
 */
import type { AgeBand, Category, Exam } from '../core/kit-types.ts';
import type { CopyQueryable, UpsertCounts } from './bulk.ts';
import {
  copyInChunks,
  countingUpsert,
  deleteAbsent,
  epochMs,
  fromEpochMs,
  intoEmptyTable,
  upsertInChunks,
  withForeignKeysCheckedOnce,
} from './bulk.ts';
import type { Queryable } from './db.ts';

/**
 * Acts travel joined by the unit separator (U+001F) and are split server-side: `unnest` of a
 * two-dimensional array would flatten it. No CCAM code (nor any text from a CSV cell) holds it.
 */
const ACT_SEPARATOR = '\u001f';

const FIELDS = [
  'category',
  'room_in',
  'room_out',
  'acts',
  'icr',
  'report_validated_at',
  'requested_at',
  'scheduled_minutes',
  'age_band',
  'patient_key',
] as const;

const UPSERT =
  countingUpsert(`insert into exams (campaign_id, equipment_id, exam_id, ${FIELDS.join(', ')})
  select $1, u.equipment_id, u.exam_id, u.category, ${fromEpochMs('u.room_in')}, ${fromEpochMs('u.room_out')},
    string_to_array(u.acts, chr(31)), u.icr, ${fromEpochMs('u.report_validated_at')}, ${fromEpochMs('u.requested_at')},
    u.scheduled_minutes, u.age_band, u.patient_key
  from unnest($2::text[], $3::text[], $4::text[], $5::float8[], $6::float8[], $7::text[], $8::float8[],
    $9::float8[], $10::float8[], $11::float8[], $12::text[], $13::text[])
    as u (equipment_id, exam_id, category, room_in, room_out, acts, icr, report_validated_at, requested_at,
      scheduled_minutes, age_band, patient_key)
  on conflict (campaign_id, equipment_id, exam_id) do update set
    ${FIELDS.map((f) => `${f} = excluded.${f}`).join(', ')}
  where (${FIELDS.map((f) => `exams.${f}`).join(', ')})
    is distinct from (${FIELDS.map((f) => `excluded.${f}`).join(', ')})`);

/** The identity of an exam within a campaign. */
export function examKey(e: Pick<Exam, 'equipmentId' | 'examId'>): string {
  return `${e.equipmentId}\u0000${e.examId}`;
}

/** True when an act code cannot travel through the bulk write (it holds the separator). */
export function isStorableAct(code: string): boolean {
  return code !== '' && !code.includes(ACT_SEPARATOR);
}

/**
 * Upserts exams (unique by `examKey`: de-duplicate before calling); `onChunk` reports progress.
 * Act codes must pass `isStorableAct`.
 */
export function upsertExams(
  q: Queryable,
  campaignId: string,
  rows: readonly Exam[],
  onChunk?: (done: number, total: number) => void,
): Promise<UpsertCounts> {
  return upsertInChunks(
    q,
    UPSERT,
    rows,
    (chunk) => [
      campaignId,
      chunk.map((e) => e.equipmentId),
      chunk.map((e) => e.examId),
      chunk.map((e) => e.category),
      chunk.map((e) => e.roomIn),
      chunk.map((e) => e.roomOut),
      chunk.map((e) => e.acts.join(ACT_SEPARATOR)),
      chunk.map((e) => e.icr),
      chunk.map((e) => e.reportValidatedAt),
      chunk.map((e) => e.requestedAt),
      chunk.map((e) => e.scheduledMinutes),
      chunk.map((e) => e.ageBand),
      chunk.map((e) => e.patientKey ?? null),
    ],
    { onChunk },
  );
}

const COPY_COLUMNS = ['campaign_id', 'equipment_id', 'exam_id', ...FIELDS] as const;

/**
 * Inserts the exams of a campaign this transaction created, by binary COPY (PGlite): nothing can
 * conflict with them, and COPY skips the parsing and the per-row work of `upsertExams` (on
 * 274,000 exams, about 3 s instead of 13 s). Unique by `examKey`, as for `upsertExams`.
 */
export function copyExams(
  q: CopyQueryable,
  campaignId: string,
  rows: readonly Exam[],
  onChunk?: (done: number, total: number) => void,
): Promise<UpsertCounts> {
  return withForeignKeysCheckedOnce(q, 'exams', rows.length, () =>
    intoEmptyTable(q, 'exams', () =>
      copyInChunks(
        q,
        'exams',
        COPY_COLUMNS,
        rows,
        (w, e) => {
          w.repeatedText(campaignId);
          w.repeatedText(e.equipmentId);
          w.text(e.examId);
          w.repeatedText(e.category);
          w.timestamptz(e.roomIn);
          w.timestamptz(e.roomOut);
          w.textArray(e.acts);
          w.float8(e.icr);
          w.timestamptz(e.reportValidatedAt);
          w.timestamptz(e.requestedAt);
          w.float8(e.scheduledMinutes);
          w.repeatedText(e.ageBand);
          w.text(e.patientKey);
        },
        { onChunk },
      ),
    ),
  );
}

/**
 * Deletes the exams of a campaign that `rows` (just upserted, unique by `examKey`) does not hold;
 * returns how many.
 */
export function deleteAbsentExams(
  q: Queryable,
  campaignId: string,
  rows: readonly Exam[],
): Promise<number> {
  return deleteAbsent(
    q,
    'exams',
    campaignId,
    [
      { name: 'equipment_id', arrayType: 'text[]' },
      { name: 'exam_id', arrayType: 'text[]' },
    ],
    [rows.map((e) => e.equipmentId), rows.map((e) => e.examId)],
    rows.length,
  );
}

/** One exam as `EXAM_JSON_ARRAY` reads it. */
export type ExamTuple = [
  examId: string,
  category: Category,
  roomIn: number,
  roomOut: number,
  acts: string[],
  icr: number | null,
  reportValidatedAt: number | null,
  requestedAt: number | null,
  scheduledMinutes: number | null,
  ageBand: AgeBand | null,
  patientKey: string | null,
];

/** The SQL expression that reads an exam row as an `ExamTuple` (instants in epoch ms). */
export const EXAM_JSON_ARRAY = `json_build_array(exam_id, category, ${epochMs('room_in')}, ${epochMs('room_out')},
  acts, icr, ${epochMs('report_validated_at')}, ${epochMs('requested_at')}, scheduled_minutes, age_band, patient_key)`;

/** The `Exam` an `ExamTuple` of machine `equipmentId` stands for (`patientKey` only when it has one). */
export function examFromTuple(t: ExamTuple, equipmentId: string): Exam {
  return {
    examId: t[0],
    equipmentId,
    category: t[1],
    roomIn: t[2],
    roomOut: t[3],
    acts: t[4],
    icr: t[5],
    reportValidatedAt: t[6],
    requestedAt: t[7],
    scheduledMinutes: t[8],
    ageBand: t[9],
    ...(t[10] === null || t[10] === undefined ? {} : { patientKey: t[10] }),
  };
}

/** The exams of a campaign, by machine, then `roomIn`, then exam id. */
export async function readExams(q: Queryable, campaignId: string): Promise<Exam[]> {
  // One JSON document per machine rather than one row per exam: PGlite decodes rows field by
  // field in JavaScript, and JSON.parse is about twice as fast on 270,000 exams.
  const rows = await q.query<{ equipment_id: string; exams: string }>(
    `select equipment_id, json_agg(${EXAM_JSON_ARRAY}
       order by room_in, exam_id collate "C")::text as exams
     from exams where campaign_id = $1
     group by equipment_id
     order by equipment_id collate "C"`,
    [campaignId],
  );
  const exams: Exam[] = [];
  for (const row of rows) {
    const equipmentId = row.equipment_id;
    for (const t of JSON.parse(row.exams) as ExamTuple[]) exams.push(examFromTuple(t, equipmentId));
  }
  return exams;
}
