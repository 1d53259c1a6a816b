/**
 * Messages of `plateau bundle import` and `plateau bundle keys` (issue 16, signed bundles received
 * by the observatory), English: en.ts spreads it. French (bundle-store-fr.ts) is the reference.
 */
import type { bundleStoreMessagesFr } from './bundle-store-fr.ts';

export const bundleStoreMessagesEn = {
  'cli.bundle.imported':
    "{file}: site {finess} imported into campaign {campaign} (machines {list}, key {keyId}){replaced}{created}; the campaign's figures recomputed.",
  'cli.bundle.imported.replaced': ", replacing the site's previous bundle",
  'cli.bundle.imported.created': ', campaign created from the bundle',
  'cli.bundle.refused': '{file}: {reason}',
  'cli.bundle.someRefused': 'Refused, nothing stored for them: {files}.',
  'cli.bundle.keyAdded': 'Key {keyId} registered for site {finess}.',
  'cli.bundle.keyRevoked':
    'Key {keyId} (site {finess}) revoked: bundles signed with it are refused from now on.',
  'cli.bundle.noKeys':
    "No bundle key in {store}: 'plateau bundle keys add --site F --public-key FILE.pub.pem' registers one.",
  'cli.bundle.head.keyId': 'key',
  'cli.bundle.head.finess': 'FINESS',
  'cli.bundle.head.label': 'label',
  'cli.bundle.head.added': 'added',
  'cli.bundle.head.by': 'by',
  'cli.bundle.head.state': 'state',
  'cli.bundle.state.active': 'active',
  'cli.bundle.state.revoked': 'revoked on {date}',
} satisfies Record<keyof typeof bundleStoreMessagesFr, string>;
