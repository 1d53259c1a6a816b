/**
 * Words of the federated bundle's export (plateau bundle keygen, plateau bundle export) and the
 * names of the bundle's issue codes, in English (same keys as bundle-export-fr.ts).
 */
export const bundleExportMessagesEn = {
  'issue.bundle-exam-rows': 'Exam rows inside a bundle',
  'issue.bundle-unknown-key': 'Key not allowed in a bundle',
  'issue.bundle-invalid': 'Unreadable value in a bundle',
  'issue.bundle-histogram': 'Malformed histogram in a bundle',
  'issue.bundle-binning': 'Bundle binned otherwise',
  'issue.bundle-establishment': 'Bundle row of another establishment',
  'issue.bundle-machine': 'Bundle machine problem',
  'issue.bundle-survey': 'Bundle survey answer problem',
  'issue.bundle-consistency': 'Bundle figures that disagree with its histograms',
  'issue.bundle-file': 'Unreadable bundle file',
  'issue.bundle-key': 'Bundle key not accepted',
  'issue.bundle-signature': 'Bundle signature that does not match',
  'cli.bundle.keygen.written':
    'Key {keyId} of site {finess}: private key {privateFile} (keep it on this machine, readable by you only), public key {publicFile}.',
  'cli.bundle.keygen.next':
    "Next: send {publicFile} (the public key only) to the observatory's administrator, who registers it with: plateau bundle keys add --site {finess} --public-key {publicName}",
  'cli.bundle.keygen.exists':
    '{file} already exists: plateau never overwrites a key (give another --out, or move the old key away yourself)',
  'cli.bundle.export.written':
    'Bundle of site {finess}, campaign {campaign}, written to {file} ({size}), signed with key {keyId}.',
  'cli.bundle.export.contents':
    'It holds {machines, plural, one {# machine} other {# machines}} (indicators), {histograms, plural, one {# histogram} other {# histograms}} of {values} binned values, {answers, plural, one {# survey answer} other {# survey answers}}; no exam row, no patient key.',
  'cli.bundle.export.badKey':
    '{file} is not an Ed25519 private key (the PKCS8 PEM file plateau bundle keygen writes)',
  'cli.bundle.export.noCampaign': 'campaign {campaign} is not in this store',
  'cli.bundle.export.noSite': 'site {finess} is not in campaign {campaign}',
  'cli.bundle.export.bundleSite':
    'site {finess} came into campaign {campaign} as a bundle: only a site exports its own figures',
  'cli.bundle.export.noMachines':
    'site {finess} has no machine in campaign {campaign}: there is nothing to export',
  'cli.bundle.export.noResults':
    "campaign {campaign} has no stored results for the site's machines: run plateau import again",
  'cli.bundle.export.invalid':
    "the bundle made from this store does not pass the observatory's reader ({n, plural, one {# problem} other {# problems}}): {first}",
} satisfies Record<string, string>;
