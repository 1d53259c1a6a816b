/**
 * Hospital-system sources (HL7 v2, FHIR R4, DICOM, spreadsheets) turned into a data kit: the
 * public entry of src/ingest/sources. Read files with `readSources`, assemble and check a kit
 * with `kitFromSources`, and describe the site with a mapping file (`parseMapping`).
 */
export * from './types.ts';
export { countRemoved, pseudonymize } from './identity.ts';
export {
  ccamFor,
  categoryFor,
  equipmentFor,
  parseMapping,
  type DeviceKeys,
  type MachineInfo,
  type SiteMappingFile,
} from './mapping.ts';
export { detectSource, mergeInto, readSources, SOURCE_ADAPTERS } from './registry.ts';
export { ASSEMBLED, kitFromSources, readCampaignText, type AssemblyMapping } from './assemble.ts';
export {
  reconcile,
  reconciliationCsv,
  reconciliationIssues,
  RECONCILE_DEFAULTS,
  type ExamPair,
  type ReconcileOptions,
  type ReconciliationReport,
  type UnmatchedExam,
} from './reconcile/index.ts';
