/**
 * Messages de `plateau bundle import` et `plateau bundle keys` (issue 16, paquets signés reçus par
 * l'observatoire), en français : la référence ; fr.ts les étale, bundle-store-en.ts a les mêmes clés.
 */
export const bundleStoreMessagesFr = {
  'cli.bundle.imported':
    '{file} : site {finess} importé dans la campagne {campaign} (machines {list}, clé {keyId}){replaced}{created} ; indicateurs de la campagne recalculés.',
  'cli.bundle.imported.replaced': ', remplace le paquet précédent du site',
  'cli.bundle.imported.created': ', campagne créée depuis le paquet',
  'cli.bundle.refused': '{file} : {reason}',
  'cli.bundle.someRefused': 'Refusés, rien n’a été stocké pour eux : {files}.',
  'cli.bundle.keyAdded': 'Clé {keyId} enregistrée pour le site {finess}.',
  'cli.bundle.keyRevoked':
    'Clé {keyId} (site {finess}) révoquée : les paquets signés avec elle sont désormais refusés.',
  'cli.bundle.noKeys':
    "Aucune clé de paquet dans {store} : 'plateau bundle keys add --site F --public-key FICHIER.pub.pem' en enregistre une.",
  'cli.bundle.head.keyId': 'clé',
  'cli.bundle.head.finess': 'FINESS',
  'cli.bundle.head.label': 'libellé',
  'cli.bundle.head.added': 'ajoutée',
  'cli.bundle.head.by': 'par',
  'cli.bundle.head.state': 'état',
  'cli.bundle.state.active': 'active',
  'cli.bundle.state.revoked': 'révoquée le {date}',
};
