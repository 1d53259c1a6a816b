/**
 * The steps of a kit import (`UploadStatus.progress.stage`, codes of
 * core/views/upload-stages.ts) and the tables it writes, in words for the upload page.
 * Same keys as upload-stages-fr.ts (the reference).
 */
import type { uploadStagesMessagesFr } from './upload-stages-fr.ts';

export const uploadStagesMessagesEn: Record<keyof typeof uploadStagesMessagesFr, string> = {
  'upload.server.queued': 'queued',
  'upload.server.reading': 'reading the kit',
  'upload.server.importing': 'importing',
  'upload.server.writing': 'writing to the store',
  'upload.server.loading': 'loading',
  'upload.server.computing': 'computing the indicators',
  'upload.server.saving': 'saving the results',
  'upload.server.refreshing': 'refreshing the campaign aggregates',
  'upload.server.done': 'done',
  'upload.server.rejected': 'kit refused',
  'upload.server.failed': 'import failed',
  'upload.table.campaign': 'campaign',
  'upload.table.establishments': 'establishments',
  'upload.table.equipment': 'equipment',
  'upload.table.acts': 'acts',
  'upload.table.survey': 'survey',
  'upload.table.sessions': 'sessions',
  'upload.table.exams': 'exams',
};
