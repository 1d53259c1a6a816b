/**
 * Les étapes d'un import de kit (`UploadStatus.progress.stage`, codes de
 * core/views/upload-stages.ts) et les tables qu'il écrit, en mots pour la page d'envoi.
 * Référence française ; upload-stages-en.ts a les mêmes clés.
 */
export const uploadStagesMessagesFr = {
  'upload.server.queued': 'en attente',
  'upload.server.reading': 'lecture du kit',
  'upload.server.importing': 'import',
  'upload.server.writing': 'écriture en base',
  'upload.server.loading': 'chargement',
  'upload.server.computing': 'calcul des indicateurs',
  'upload.server.saving': 'enregistrement des résultats',
  'upload.server.refreshing': 'mise à jour des agrégats de la campagne',
  'upload.server.done': 'terminé',
  'upload.server.rejected': 'kit refusé',
  'upload.server.failed': 'échec de l’import',
  'upload.table.campaign': 'campagne',
  'upload.table.establishments': 'établissements',
  'upload.table.equipment': 'équipements',
  'upload.table.acts': 'actes',
  'upload.table.survey': 'enquête',
  'upload.table.sessions': 'vacations',
  'upload.table.exams': 'examens',
} as const;
