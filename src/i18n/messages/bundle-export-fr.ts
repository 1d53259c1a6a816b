/**
 * Words of the federated bundle's export (plateau bundle keygen, plateau bundle export) and the
 * names of the bundle's issue codes, in French (French reference: fr.ts spreads it).
 */
export const bundleExportMessagesFr = {
  'issue.bundle-exam-rows': 'Lignes d’examen dans un lot',
  'issue.bundle-unknown-key': 'Clé non admise dans un lot',
  'issue.bundle-invalid': 'Valeur illisible dans un lot',
  'issue.bundle-histogram': 'Histogramme mal formé dans un lot',
  'issue.bundle-binning': 'Lot mis en classes autrement',
  'issue.bundle-establishment': 'Ligne de lot d’un autre établissement',
  'issue.bundle-machine': 'Problème de machine d’un lot',
  'issue.bundle-survey': 'Problème de réponse à l’enquête d’un lot',
  'issue.bundle-consistency': 'Chiffres d’un lot en désaccord avec ses histogrammes',
  'issue.bundle-file': 'Fichier de lot illisible',
  'issue.bundle-key': 'Clé de lot non acceptée',
  'issue.bundle-signature': 'Signature de lot qui ne correspond pas',
  'cli.bundle.keygen.written':
    'Clé {keyId} du site {finess} : clé privée {privateFile} (à garder sur cette machine, lisible par vous seul), clé publique {publicFile}.',
  'cli.bundle.keygen.next':
    'Ensuite : envoyer {publicFile} (la clé publique seulement) à l’administrateur de l’observatoire, qui l’enregistre avec : plateau bundle keys add --site {finess} --public-key {publicName}',
  'cli.bundle.keygen.exists':
    '{file} existe déjà : plateau n’écrase jamais une clé (donner un autre --out, ou déplacer vous-même l’ancienne clé)',
  'cli.bundle.export.written':
    'Lot du site {finess}, campagne {campaign}, écrit dans {file} ({size}), signé avec la clé {keyId}.',
  'cli.bundle.export.contents':
    'Il contient {machines, plural, one {# machine} other {# machines}} (indicateurs), {histograms, plural, one {# histogramme} other {# histogrammes}} de {values} valeurs mises en classes, {answers, plural, one {# réponse à l’enquête} other {# réponses à l’enquête}} ; aucune ligne d’examen, aucune clé patient.',
  'cli.bundle.export.badKey':
    '{file} n’est pas une clé privée Ed25519 (le fichier PEM PKCS8 qu’écrit plateau bundle keygen)',
  'cli.bundle.export.noCampaign': 'la campagne {campaign} n’est pas dans ce stockage',
  'cli.bundle.export.noSite': 'le site {finess} n’est pas dans la campagne {campaign}',
  'cli.bundle.export.bundleSite':
    'le site {finess} est entré dans la campagne {campaign} par un lot : seul un site exporte ses propres chiffres',
  'cli.bundle.export.noMachines':
    'le site {finess} n’a aucune machine dans la campagne {campaign} : rien à exporter',
  'cli.bundle.export.noResults':
    'la campagne {campaign} n’a pas de résultats enregistrés pour les machines du site : relancer plateau import',
  'cli.bundle.export.invalid':
    'le lot tiré de ce stockage ne passe pas le lecteur de l’observatoire ({n, plural, one {# problème} other {# problèmes}}) : {first}',
} satisfies Record<string, string>;
