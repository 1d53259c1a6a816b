/**
 * A site's Ed25519 key pair for signing its bundles (node's crypto): the private key stays at the
 * site (PKCS8 PEM), the public one (SPKI PEM) is registered by the observatory's administrator.
 * A key is named by its id: the first 16 hex digits of the SHA-256 of its SPKI DER encoding.
 */
import type { KeyObject } from 'node:crypto';
import { createHash, createPublicKey, generateKeyPairSync } from 'node:crypto';

/** A new site key: PEM texts and the key id. */
export interface SiteKey {
  /** PKCS8 PEM (`-----BEGIN PRIVATE KEY-----`): keep it at the site, readable by its owner only. */
  privatePem: string;
  /** SPKI PEM (`-----BEGIN PUBLIC KEY-----`): what the administrator registers. */
  publicPem: string;
  keyId: string;
}

/**
 * Makes a new Ed25519 key pair for a site.
 *
 * @example
 * const { privatePem, publicPem, keyId } = generateSiteKey(); // keyId: '3f2a…' (16 hex digits)
 */
export function generateSiteKey(): SiteKey {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const publicPem = publicKey.export({ type: 'spki', format: 'pem' }).toString();
  return {
    privatePem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    publicPem,
    keyId: keyIdOf(publicKey),
  };
}

/**
 * The id of a public key (SPKI PEM text, or a key object; a private key gives its public key's
 * id): the first 16 hex digits of the SHA-256 of the SPKI DER encoding. Throws on text that is
 * not a key.
 *
 * @example
 * keyIdOf(publicPem); // '3f2a9c0d4e5b6a71'
 */
export function keyIdOf(key: string | KeyObject): string {
  const object =
    typeof key === 'string'
      ? createPublicKey(key)
      : key.type === 'private'
        ? createPublicKey(key)
        : key;
  const der = object.export({ type: 'spki', format: 'der' });
  return createHash('sha256').update(der).digest('hex').slice(0, 16);
}
