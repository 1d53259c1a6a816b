/**
 * The sites' bundle keys (issue 16, `bundle_keys`): the Ed25519 public keys an administrator
 * registers per FINESS, against which the observatory verifies signed bundles. A key is checked to
 * be an Ed25519 SPKI PEM and named by its key id (first 16 hex digits of the SHA-256 of its SPKI
 * DER); a revoked key stays listed (bundles imported with it keep their `bundle_sites` row) but
 * verifies nothing more. Every change is written to the audit log.
 */
import { keyIdOf } from '../ingest/bundle/keys.ts';
import { createPublicKey } from 'node:crypto';
import { audit } from './audit-repository.ts';
import type { Queryable } from './db.ts';
import type { Store } from './open-store.ts';

/** A registered key; times ISO 8601 UTC. */
export interface BundleKey {
  keyId: string;
  finess: string;
  /** SPKI PEM, as registered. */
  publicKey: string;
  label: string | null;
  addedBy: string;
  addedAt: string;
  revokedAt: string | null;
}

/** Who changes a key, for the audit log (an administrator logged in, or `console:<user>`). */
export interface BundleKeyActor {
  userId?: number | null;
  email: string;
}

/** A refused key change, in plain words. */
export class BundleKeyError extends Error {
  readonly code: 'invalid' | 'exists' | 'unknown';
  constructor(code: BundleKeyError['code'], message: string) {
    super(message);
    this.name = 'BundleKeyError';
    this.code = code;
  }
}

/** A FINESS as accounts take it: 9 digits, or 2A/2B and 7 digits (Corsica). */
const FINESS = /^(\d{9}|2[AB]\d{7})$/;

const UTC_ISO = `'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'`;
const COLUMNS = `key_id as "keyId", finess, public_key as "publicKey", label, added_by as "addedBy",
  to_char(added_at at time zone 'UTC', ${UTC_ISO}) as "addedAt",
  to_char(revoked_at at time zone 'UTC', ${UTC_ISO}) as "revokedAt"`;

/**
 * The key id of an Ed25519 public key given as SPKI PEM, and its PEM normalized; a
 * `BundleKeyError` `invalid` when the text is not one (another algorithm, a private key, garbage).
 */
export function checkPublicKey(pem: string): { keyId: string; pem: string } {
  let key;
  try {
    key = createPublicKey({ key: pem, format: 'pem' });
  } catch {
    throw new BundleKeyError(
      'invalid',
      'the public key is not a PEM public key (-----BEGIN PUBLIC KEY-----, as plateau bundle keygen writes KEY.pub.pem)',
    );
  }
  if (key.asymmetricKeyType !== 'ed25519') {
    throw new BundleKeyError(
      'invalid',
      `the public key is ${key.asymmetricKeyType ?? 'of an unknown type'}, not Ed25519 (plateau bundle keygen makes one)`,
    );
  }
  if (/PRIVATE KEY/.test(pem)) {
    throw new BundleKeyError(
      'invalid',
      'this is a private key: register the public one (KEY.pub.pem), and keep the private key at the site',
    );
  }
  return { keyId: keyIdOf(key), pem: key.export({ type: 'spki', format: 'pem' }).toString() };
}

/**
 * Registers `publicKey` (Ed25519 SPKI PEM) for the site `finess`. Refused: not such a key
 * (`invalid`), a FINESS that is not 9 characters of a FINESS, a key already registered (`exists`,
 * whichever site it names).
 *
 * @example
 * await addBundleKey(store, { finess: '590780193', publicKey: pem, label: 'PACS 2026' }, { email: 'console:root' });
 */
export async function addBundleKey(
  store: Store,
  key: { finess: string; publicKey: string; label?: string | null },
  actor: BundleKeyActor,
): Promise<BundleKey> {
  const finess = key.finess.trim();
  if (!FINESS.test(finess))
    throw new BundleKeyError(
      'invalid',
      `'${finess.slice(0, 20)}' is not a FINESS (9 digits, or 2A/2B and 7 digits)`,
    );
  const { keyId, pem } = checkPublicKey(key.publicKey);
  const label = key.label?.trim() || null;
  const rows = await store.db.query<BundleKey & Record<string, unknown>>(
    `insert into bundle_keys (key_id, finess, public_key, label, added_by) values ($1, $2, $3, $4, $5)
     on conflict (key_id) do nothing returning ${COLUMNS}`,
    [keyId, finess, pem, label, actor.email],
  );
  const added = rows[0];
  if (!added) {
    const known = await lookupBundleKey(store.db, keyId);
    throw new BundleKeyError(
      'exists',
      `key ${keyId} is already registered${known ? ` (for ${known.finess})` : ''}`,
    );
  }
  await audit(store, {
    userId: actor.userId ?? null,
    email: actor.email,
    action: 'bundle-key.add',
    target: keyId,
    outcome: 'success',
    detail: { finess, label },
  });
  return { ...added };
}

/** Every registered key, by FINESS then time added (revoked ones included). */
export async function listBundleKeys(store: Store): Promise<BundleKey[]> {
  const rows = await store.db.query<BundleKey & Record<string, unknown>>(
    `select ${COLUMNS} from bundle_keys order by finess collate "C", added_at, key_id collate "C"`,
  );
  return rows.map((r) => ({ ...r }));
}

/** The key `keyId` (revoked or not), or null when none is registered under it. */
export async function lookupBundleKey(q: Queryable, keyId: string): Promise<BundleKey | null> {
  const [row] = await q.query<BundleKey & Record<string, unknown>>(
    `select ${COLUMNS} from bundle_keys where key_id = $1`,
    [keyId],
  );
  return row ? { ...row } : null;
}

/**
 * Revokes `keyId`: bundles signed with it are refused from now on (those imported stay). Revoking
 * a revoked key keeps its first revocation time. `unknown` when no key has that id.
 */
export async function revokeBundleKey(
  store: Store,
  keyId: string,
  actor: BundleKeyActor,
): Promise<BundleKey> {
  const rows = await store.db.query<BundleKey & Record<string, unknown>>(
    `update bundle_keys set revoked_at = coalesce(revoked_at, now()) where key_id = $1 returning ${COLUMNS}`,
    [keyId],
  );
  const key = rows[0];
  if (!key)
    throw new BundleKeyError(
      'unknown',
      `no bundle key ${keyId.slice(0, 40)} is registered (plateau bundle keys list shows them)`,
    );
  await audit(store, {
    userId: actor.userId ?? null,
    email: actor.email,
    action: 'bundle-key.revoke',
    target: keyId,
    outcome: 'success',
    detail: { finess: key.finess },
  });
  return { ...key };
}
