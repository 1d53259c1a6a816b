/**
 * The steps of an upload's import as a closed set of codes (`UploadStatus.progress.stage`): the
 * server reports only these, the web and any client word them from `upload.server.<stage>`
 * messages. The table being written travels apart, as a code too (`progress.table`).
 */

/** Where an upload stands (`UploadStatus.state`). */
export const UPLOAD_STATES = ['validating', 'importing', 'done', 'rejected', 'failed'] as const;

/** One state of an upload (see `UPLOAD_STATES`). */
export type UploadState = (typeof UPLOAD_STATES)[number];

/** Every stage an upload goes through, in order; `rejected` and `failed` end it too. */
export const UPLOAD_STAGES = [
  'queued',
  'reading',
  'importing',
  'writing',
  'loading',
  'computing',
  'saving',
  'refreshing',
  'done',
  'rejected',
  'failed',
] as const;

/** One step of an upload (see `UPLOAD_STAGES`). */
export type UploadStage = (typeof UPLOAD_STAGES)[number];

/** The tables an import writes, in the `writing` stage (storage's `ImportProgress.table`). */
export const UPLOAD_TABLES = [
  'campaign',
  'establishments',
  'equipment',
  'acts',
  'survey',
  'sessions',
  'exams',
] as const;

/** A table an import writes (see `UPLOAD_TABLES`). */
export type UploadTable = (typeof UPLOAD_TABLES)[number];

/** Whether `value` is one of the stages (for clients reading an answer from `unknown`). */
export function isUploadStage(value: unknown): value is UploadStage {
  return typeof value === 'string' && (UPLOAD_STAGES as readonly string[]).includes(value);
}
