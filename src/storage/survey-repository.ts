/**
 * The `survey_answers` table: earliest appointment offered per establishment, modality,
 * clinical case and patient type (one answer per such key; a new answer replaces the old one).
 */
import type { ClinicalCase, Modality, SurveyAnswer, SurveyPatient } from '../core/kit-types.ts';
import type { CopyQueryable, UpsertCounts } from './bulk.ts';
import {
  copyInChunks,
  countingUpsert,
  deleteAbsent,
  intoEmptyTable,
  upsertInChunks,
  withForeignKeysCheckedOnce,
} from './bulk.ts';
import type { Queryable } from './db.ts';

const UPSERT =
  countingUpsert(`insert into survey_answers (campaign_id, finess, modality, clinical_case, patient_type, days)
  select $1, u.finess, u.modality, u.clinical_case, u.patient_type, u.days
  from unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::float8[])
    as u (finess, modality, clinical_case, patient_type, days)
  on conflict (campaign_id, finess, modality, clinical_case, patient_type) do update set days = excluded.days
  where survey_answers.days is distinct from excluded.days`);

/** The key an answer is unique by. */
export function surveyKey(a: SurveyAnswer): string {
  return `${a.finess}\u0000${a.modality}\u0000${a.case}\u0000${a.patient}`;
}

/** Upserts survey answers (unique by `surveyKey`: de-duplicate before calling). */
export function upsertSurvey(
  q: Queryable,
  campaignId: string,
  rows: readonly SurveyAnswer[],
): Promise<UpsertCounts> {
  return upsertInChunks(q, UPSERT, rows, (chunk) => [
    campaignId,
    chunk.map((a) => a.finess),
    chunk.map((a) => a.modality),
    chunk.map((a) => a.case),
    chunk.map((a) => a.patient),
    chunk.map((a) => a.days),
  ]);
}

/** Inserts the survey answers of a campaign this transaction created, by binary COPY. */
export function copySurvey(
  q: CopyQueryable,
  campaignId: string,
  rows: readonly SurveyAnswer[],
): Promise<UpsertCounts> {
  return withForeignKeysCheckedOnce(q, 'survey_answers', rows.length, () =>
    intoEmptyTable(q, 'survey_answers', () =>
      copyInChunks(
        q,
        'survey_answers',
        ['campaign_id', 'finess', 'modality', 'clinical_case', 'patient_type', 'days'],
        rows,
        (w, a) => {
          w.repeatedText(campaignId);
          w.repeatedText(a.finess);
          w.repeatedText(a.modality);
          w.repeatedText(a.case);
          w.repeatedText(a.patient);
          w.float8(a.days);
        },
      ),
    ),
  );
}

/**
 * Deletes the survey answers of a campaign that `rows` (just upserted) does not hold; returns how
 * many.
 */
export function deleteAbsentSurvey(
  q: Queryable,
  campaignId: string,
  rows: readonly SurveyAnswer[],
): Promise<number> {
  return deleteAbsent(
    q,
    'survey_answers',
    campaignId,
    [
      { name: 'finess', arrayType: 'text[]' },
      { name: 'modality', arrayType: 'text[]' },
      { name: 'clinical_case', arrayType: 'text[]' },
      { name: 'patient_type', arrayType: 'text[]' },
    ],
    [
      rows.map((a) => a.finess),
      rows.map((a) => a.modality),
      rows.map((a) => a.case),
      rows.map((a) => a.patient),
    ],
    rows.length,
  );
}

/** The survey answers of a campaign, in key order. */
export async function readSurvey(q: Queryable, campaignId: string): Promise<SurveyAnswer[]> {
  const rows = await q.query<{
    finess: string;
    modality: Modality;
    clinical_case: ClinicalCase;
    patient_type: SurveyPatient;
    days: number;
  }>(
    `select finess, modality, clinical_case, patient_type, days from survey_answers
     where campaign_id = $1
     order by finess collate "C", modality collate "C", clinical_case collate "C", patient_type collate "C"`,
    [campaignId],
  );
  return rows.map((r) => ({
    finess: r.finess,
    modality: r.modality,
    case: r.clinical_case,
    patient: r.patient_type,
    days: r.days,
  }));
}
