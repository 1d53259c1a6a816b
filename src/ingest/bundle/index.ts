/**
 * The federated bundle at the edge (node's crypto): site keys, signing, and verification of a
 * received file before its payload is read by the allow-list of src/core/bundle/validate.ts.
 */
export { generateSiteKey, keyIdOf, type SiteKey } from './keys.ts';
export { readPrivateKey, signBundle } from './sign.ts';
export {
  BUNDLE_ISSUE_CODES,
  verifyBundle,
  type BundleVerification,
  type BundleVerifyRefusal,
  type RegisteredKey,
  type VerifyOptions,
} from './verify.ts';
