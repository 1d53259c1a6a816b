/**
 * Issues de la colonne `patient_key` d’exams.csv (planning.md §1), en français (mêmes clés que
 * patient-key-en.ts). La valeur n’est jamais répétée : elle peut être un nom ou un numéro de patient.
 */
export const patientKeyIssuesFr = {
  'patient-key-identifier': {
    message:
      'patient_key ressemble à un identifiant de patient en clair (un nom, un numéro, un NIR), pas à un hachage à clé : le kit est refusé',
    hint: 'donnez un hachage à clé du patient (par ex. 64 caractères hexadécimaux, ou plateau.h. suivi du hachage), jamais l’identifiant lui-même ; ou laissez la colonne vide',
  },
} as const satisfies Record<string, { message: string; hint: string | null }>;
