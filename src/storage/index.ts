/**
 * The storage layer's public entry: open a store, import kits, read campaigns and results.
 * Repositories stay internal; everything here takes a `Store`.
 */
export { openStore, resolveDataDir, DEFAULT_DATA_DIR } from './open-store.ts';
export type { Store, OpenStoreOptions } from './open-store.ts';
export type { Db, Engine, Queryable, Row } from './db.ts';
export { StoreError } from './errors.ts';
export { migrate, schemaStatus } from './migrate.ts';
export type { SchemaStatus } from './migrate.ts';
export type { StoreErrorCode } from './errors.ts';
export { describeHolder, LOCK_FILE, lockStore, storeHolder } from './store-lock.ts';
export type { LockOptions, StoreHolder, StoreLock } from './store-lock.ts';
export { importKit, KIT_TABLES, periodOf, recomputeResults, renameCampaign } from './import-kit.ts';
export type {
  ImportOptions,
  ImportProgress,
  ImportSummary,
  RegisterSummary,
  RenameOutcome,
  TableChanges,
} from './import-kit.ts';
export { importSiteKit } from './import-site.ts';
export type { LocateRow, SiteImportOptions, SiteImportSummary } from './import-site.ts';
export { AGGREGATOR_ROLE, refreshAggregates, refreshAggregatesIn } from './aggregates.ts';
export { BundleImportError, importBundle } from './import-bundle.ts';
export type { BundleImportOptions, BundleImportSummary, BundleRefusal } from './import-bundle.ts';
export {
  addBundleKey,
  BundleKeyError,
  checkPublicKey,
  listBundleKeys,
  lookupBundleKey,
  revokeBundleKey,
} from './bundle-keys.ts';
export type { BundleKey, BundleKeyActor } from './bundle-keys.ts';
export type { AggregateRefresh, RefreshOptions } from './aggregates.ts';
export { importRegister, loadRegister } from './register-repository.ts';
export type { RegisterChanges, RegisterImport } from './register-repository.ts';
export { loadSlots } from './slot-repository.ts';
export { loadCosts } from './cost-repository.ts';
export type { SlotChanges } from './slot-repository.ts';
export { loadKit } from './load-kit.ts';
export {
  campaignStamps,
  loadResults,
  listCampaigns,
  loadIssues,
  deleteCampaign,
} from './queries.ts';
export type { CampaignListing } from './campaign-repository.ts';
export type { UpsertCounts } from './bulk.ts';
export type { ResultWrite } from './result-repository.ts';
export { kitFingerprint } from './fingerprint.ts';
export { loadSamples } from './sample-repository.ts';
export { buildBundlePayload, BundleExportError, plateauVersion } from './bundle-export.ts';
export type { BundleExportRefusal } from './bundle-export.ts';
export { loadCampaignData, type LoadCampaignDataOptions } from './campaign-data.ts';
export { loadStoredSeries, loadTrendIndex, storedCampaignRefs } from './trend-series.ts';
export {
  countMachinesByModality,
  loadEquipment,
  loadEstablishments,
  loadMachineRecords,
  loadSurvey,
  type MachineRecords,
} from './view-queries.ts';
export {
  createSession,
  purgeExpired,
  revokeSession,
  revokeUserSessions,
  sessionUser,
} from './login-sessions.ts';
export type { CreateSessionOptions, SessionUser } from './login-sessions.ts';
export { audit, readAudit } from './audit-repository.ts';
export type {
  AuditEntry,
  AuditOutcome,
  AuditRecord,
  ReadAuditOptions,
} from './audit-repository.ts';
export { hashPassword, needsRehash, SCRYPT_DEFAULTS, verifyPassword } from './passwords.ts';
export { loadPeerGroups, writePeerGroups } from './peer-groups.ts';
export { connectionRole, rlsBinds } from './connection-role.ts';
export type { ConnectionRole } from './connection-role.ts';
export type { ScryptParams } from './passwords.ts';
export {
  addUser,
  disableUser,
  listUsers,
  MIN_PASSWORD_LENGTH,
  normalizeEmail,
  resetPassword,
  USER_ROLES,
  UserAccountError,
  verifyLogin,
} from './user-repository.ts';
export type { NewUser, User, UserRepositoryOptions, UserRole } from './user-repository.ts';
/** The signing key and date of a campaign's bundle site (issue 16), read through the caller's store. */
export { readBundleOrigin as siteBundleOrigin } from './campaign-repository.ts';
