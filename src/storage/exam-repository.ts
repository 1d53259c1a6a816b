/**
 * The `exams` table (passages), keyed by campaign, machine and exam id. Re-importing an exam
 * leaves an identical row alone and replaces a different one, so ids never duplicate. Writes
 * and reads are set-based: this table holds hundreds of thousands of rows per campaign.
 */
import type { ExamTable, StringColumn } from '../core/exam-table.ts';
import { compareIds, ExamTableWriter, NO_AGE_BAND, stringAt } from '../core/exam-table.ts';
import { AGE_BANDS, CATEGORIES } from '../core/kit-types.ts';
import type { AgeBand, Category, Equipment, Exam } from '../core/kit-types.ts';
import type { CopyQueryable, UpsertCounts } from './bulk.ts';
import {
  copyCountInChunks,
  countingUpsert,
  deleteAbsent,
  epochMs,
  fromEpochMs,
  intoEmptyTable,
  upsertRangesInChunks,
  withForeignKeysCheckedOnce,
} from './bulk.ts';
import type { BinaryCopyWriter } from './copy-binary.ts';
import type { Queryable } from './db.ts';
import type { ExamRows } from './exam-rows.ts';
import { machineIdOf, rowAt } from './exam-rows.ts';

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

/** A number column's value as stored: NaN (unknown) is null. */
const orNull = (v: number): number | null => (v !== v ? null : v);

/** The `i`-th to `end`-th rows' values of `rows`, one array per column of `UPSERT` ($2 …). */
function upsertParams(rows: ExamRows, start: number, end: number): unknown[][] {
  const t = rows.table;
  const n = end - start;
  const cols = Array.from({ length: 12 }, () => new Array<unknown>(n));
  const joined = new Map<number, string>();
  for (let i = 0; i < n; i++) {
    const r = rowAt(rows, start + i);
    const list = t.acts[r] as number;
    let acts = joined.get(list);
    if (acts === undefined)
      joined.set(list, (acts = (t.actLists[list] as readonly string[]).join(ACT_SEPARATOR)));
    const band = t.ageBand[r] as number;
    (cols[0] as unknown[])[i] = machineIdOf(rows, r);
    (cols[1] as unknown[])[i] = stringAt(t.examId, r);
    (cols[2] as unknown[])[i] = CATEGORIES[t.category[r] as number];
    (cols[3] as unknown[])[i] = t.roomIn[r];
    (cols[4] as unknown[])[i] = t.roomOut[r];
    (cols[5] as unknown[])[i] = acts;
    (cols[6] as unknown[])[i] = orNull(t.rowIcr[r] as number);
    (cols[7] as unknown[])[i] = orNull(t.reportAt[r] as number);
    (cols[8] as unknown[])[i] = orNull(t.requestedAt[r] as number);
    (cols[9] as unknown[])[i] = orNull(t.scheduledMinutes[r] as number);
    (cols[10] as unknown[])[i] = band === NO_AGE_BAND ? null : AGE_BANDS[band];
    (cols[11] as unknown[])[i] = t.patientKey === null ? null : stringAt(t.patientKey, r);
  }
  return cols;
}

/**
 * Upserts exams (unique by `examKey`: de-duplicate before calling, `lastExamRows`); `onChunk`
 * reports progress. Act codes must pass `isStorableAct`. Values are read from the table's
 * columns chunk by chunk: no object per exam.
 */
export function upsertExams(
  q: Queryable,
  campaignId: string,
  rows: ExamRows,
  onChunk?: (done: number, total: number) => void,
): Promise<UpsertCounts> {
  return upsertRangesInChunks(
    q,
    UPSERT,
    rows.length,
    (start, end) => [campaignId, ...upsertParams(rows, start, end)],
    {
      onChunk,
    },
  );
}

const COPY_COLUMNS = ['campaign_id', 'equipment_id', 'exam_id', ...FIELDS] as const;

/** A table's string `r` as a COPY text field (null when absent). */
function copyString(w: BinaryCopyWriter, column: StringColumn, r: number): void {
  if (column.absent !== null && column.absent[r] === 1) w.null();
  else w.utf8(column.bytes, column.offsets[r] as number, column.offsets[r + 1] as number);
}

/**
 * Inserts the exams of a campaign this transaction created, by binary COPY: nothing can conflict
 * with them, and COPY skips the parsing and the per-row work of `upsertExams` (on 274,000 exams,
 * about 3 s instead of 13 s on PGlite; 1.7 million into PostgreSQL, 40 s instead of 8 min).
 * Unique by `examKey`, as for `upsertExams`. Each row is encoded from the table's columns (ids
 * straight from their UTF-8 bytes).
 */
export function copyExams(
  q: CopyQueryable,
  campaignId: string,
  rows: ExamRows,
  onChunk?: (done: number, total: number) => void,
): Promise<UpsertCounts> {
  const t = rows.table;
  return withForeignKeysCheckedOnce(q, 'exams', rows.length, () =>
    intoEmptyTable(q, 'exams', () =>
      copyCountInChunks(
        q,
        'exams',
        COPY_COLUMNS,
        rows.length,
        (w, i) => {
          const r = rowAt(rows, i);
          const band = t.ageBand[r] as number;
          w.repeatedText(campaignId);
          w.repeatedText(machineIdOf(rows, r));
          copyString(w, t.examId, r);
          w.repeatedText(CATEGORIES[t.category[r] as number]);
          w.timestamptz(t.roomIn[r]);
          w.timestamptz(t.roomOut[r]);
          w.textArray(t.actLists[t.acts[r] as number] as readonly string[]);
          w.float8(orNull(t.rowIcr[r] as number));
          w.timestamptz(orNull(t.reportAt[r] as number));
          w.timestamptz(orNull(t.requestedAt[r] as number));
          w.float8(orNull(t.scheduledMinutes[r] as number));
          w.repeatedText(band === NO_AGE_BAND ? null : AGE_BANDS[band]);
          if (t.patientKey === null) w.null();
          else copyString(w, t.patientKey, r);
        },
        { onChunk },
      ),
    ),
  );
}

/**
 * Deletes the exams of a campaign that `rows` (just upserted, unique by `examKey`) does not hold;
 * returns how many. The keys are only listed when some stored exam is absent.
 */
export function deleteAbsentExams(
  q: Queryable,
  campaignId: string,
  rows: ExamRows,
): Promise<number> {
  return deleteAbsent(
    q,
    'exams',
    campaignId,
    [
      { name: 'equipment_id', arrayType: 'text[]' },
      { name: 'exam_id', arrayType: 'text[]' },
    ],
    () => {
      const machines = new Array<string>(rows.length);
      const ids = new Array<string>(rows.length);
      for (let i = 0; i < rows.length; i++) {
        const r = rowAt(rows, i);
        machines[i] = machineIdOf(rows, r);
        ids[i] = stringAt(rows.table.examId, r) as string;
      }
      return [machines, ids];
    },
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

/**
 * The exams of a campaign as an `ExamTable` over `equipment` (the stored machines, by id in
 * `collate "C"` order, as `readEquipment` gives them): rows in the table's order, `fileOrder` the
 * order `readExams` lists them, so the kit it is attached to reads and fingerprints the same
 * without one record per exam kept (each machine's JSON is parsed, then dropped).
 */
export async function readExamTable(
  q: Queryable,
  campaignId: string,
  equipment: readonly Pick<Equipment, 'equipmentId'>[],
): Promise<ExamTable> {
  // One machine at a time, in the order readExams reads them, with its count (one statement: consistent).
  const machines = await q.query<{ equipment_id: string; n: number; exams: string }>(
    `select equipment_id, count(*)::int as n, json_agg(${EXAM_JSON_ARRAY}
       order by room_in, exam_id collate "C")::text as exams
     from exams where campaign_id = $1
     group by equipment_id
     order by equipment_id collate "C"`,
    [campaignId],
  );
  const n = machines.reduce((sum, m) => sum + m.n, 0);
  const machineOf = new Map(equipment.map((m, i) => [m.equipmentId, i]));
  const writer = new ExamTableWriter(n, equipment.length);
  const fileOrder = new Uint32Array(n);
  let row = 0;
  let lastMachine = -1;
  for (const entry of machines) {
    const m = machineOf.get(entry.equipment_id);
    if (m === undefined || m <= lastMachine)
      throw new Error(`exams of ${entry.equipment_id} are not in the stored equipment's order`);
    lastMachine = m;
    const tuples = JSON.parse(entry.exams) as ExamTuple[];
    entry.exams = '';
    // The table orders a machine's rows by roomIn, roomOut, then id (JS order); fileOrder keeps the stored order.
    const order = tuples.map((_, i) => i);
    order.sort((a, b) => {
      const x = tuples[a] as ExamTuple;
      const y = tuples[b] as ExamTuple;
      return x[2] - y[2] || x[3] - y[3] || compareIds(x[0], y[0]) || a - b;
    });
    const first = row;
    for (const i of order) {
      const t = tuples[i] as ExamTuple;
      t[2] += 0; // no -0 instants
      t[3] += 0;
      writer.write(row, m, examFromTuple(t, entry.equipment_id));
      fileOrder[first + i] = row;
      row++;
    }
  }
  return writer.table(fileOrder);
}
