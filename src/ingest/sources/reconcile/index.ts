/**
 * Reconciliation of the RIS side (HL7 v2, FHIR, spreadsheets) with the DICOM side: matching by
 * hashed accession, study UID and time, and what is billed but not performed or the reverse.
 */
export { reconcile, RECONCILE_DEFAULTS } from './reconcile.ts';
export { LISTED_EXAMS, reconciliationIssues } from './issues.ts';
export { reconciliationCsv } from './csv.ts';
export type * from './types.ts';
