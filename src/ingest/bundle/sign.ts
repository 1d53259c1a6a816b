/**
 * Signs a bundle payload with the site's Ed25519 private key. The payload is serialised once
 * (`JSON.stringify`) and that exact text is what is signed (as UTF-8) and carried in the file, so
 * the observatory verifies the bytes it reads, never a re-serialisation.
 */
import type { KeyObject } from 'node:crypto';
import { createPrivateKey, sign } from 'node:crypto';
import type { BundlePayload, SignedBundle } from '../../core/bundle/types.ts';
import { BUNDLE_VERSION } from '../../core/bundle/types.ts';
import { keyIdOf } from './keys.ts';

/**
 * The private key of a PEM text (PKCS8, as `generateSiteKey` writes it); throws when it is not an
 * Ed25519 private key.
 */
export function readPrivateKey(pem: string): KeyObject {
  const key = createPrivateKey({ key: pem, format: 'pem' });
  if (key.asymmetricKeyType !== 'ed25519')
    throw new Error(`not an Ed25519 key (${key.asymmetricKeyType ?? 'unknown type'})`);
  return key;
}

/**
 * The signed bundle of `payload`: its JSON text, and the Ed25519 signature of that text's UTF-8
 * bytes with the key's id.
 *
 * @example
 * const file = JSON.stringify(signBundle(payload, privatePem));
 */
export function signBundle(payload: BundlePayload, privateKey: string | KeyObject): SignedBundle {
  const key = typeof privateKey === 'string' ? readPrivateKey(privateKey) : privateKey;
  const text = JSON.stringify(payload);
  const value = sign(null, Buffer.from(text, 'utf8'), key).toString('base64');
  return {
    format: 'plateau-signed-bundle',
    version: BUNDLE_VERSION,
    payload: text,
    signature: { algorithm: 'Ed25519', keyId: keyIdOf(key), value },
  };
}
