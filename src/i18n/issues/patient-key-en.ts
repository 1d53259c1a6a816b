/**
 * Issues of exams.csv's `patient_key` column (planning.md §1), in English (same keys as
 * patient-key-fr.ts). The value is never repeated: it may be a patient's name or number.
 */
export const patientKeyIssuesEn = {
  'patient-key-identifier': {
    message:
      'patient_key looks like a raw patient identifier (a name, a number, a NIR), not a keyed hash: the kit is refused',
    hint: 'give a keyed hash of the patient (e.g. 64 hexadecimal characters, or plateau.h. followed by the hash), never the identifier itself; or leave the column blank',
  },
} as const satisfies Record<string, { message: string; hint: string | null }>;
