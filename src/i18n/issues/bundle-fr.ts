/**
 * Issues of the federated bundle's reader (src/core/bundle/validate.ts) and of its signature
 * check (src/ingest/bundle/verify.ts), in French (French reference: fr.ts spreads it). A bundle's
 * values are never quoted: only JSON paths, counts, key ids and FINESS.
 */
import type { BundleProblemKey } from '../../core/bundle/schema.ts';

export const bundleIssuesFr = {
  'bundle-exam-rows': {
    message: 'un lot ne porte que des agrégats : lignes d’examen trouvées en {path}',
    hint: 'exporter le lot avec plateau bundle export : il contient des indicateurs et des distributions par classes, jamais une ligne d’examen, une vacation ou une clé patient',
  },
  'bundle-unknown-key': {
    message: '{path} ne fait pas partie d’un lot : le lot est lu par liste blanche et refusé',
    hint: 'exporter à nouveau le lot avec plateau bundle export, sans le modifier',
  },
  'bundle-invalid.missing': {
    message: '{path} manque',
    hint: 'exporter à nouveau le lot avec plateau bundle export',
  },
  'bundle-invalid.object': { message: '{path} devrait être un objet', hint: null },
  'bundle-invalid.array': { message: '{path} devrait être une liste', hint: null },
  'bundle-invalid.array-long': { message: '{path} contient plus de {max} éléments', hint: null },
  'bundle-invalid.text': { message: '{path} devrait être un texte', hint: null },
  'bundle-invalid.text-long': { message: '{path} dépasse {max} caractères', hint: null },
  'bundle-invalid.number': {
    message: '{path} devrait être un nombre fini de {min} à {max}',
    hint: null,
  },
  'bundle-invalid.integer': {
    message: '{path} devrait être un nombre entier de {min} à {max}',
    hint: null,
  },
  'bundle-invalid.boolean': { message: '{path} devrait valoir true ou false', hint: null },
  'bundle-invalid.choice': {
    message: '{path} devrait être l’une des valeurs {values}',
    hint: null,
  },
  'bundle-invalid.blank': { message: '{path} est vide', hint: null },
  'bundle-invalid.finess': {
    message: '{path} devrait être un FINESS : 9 lettres ou chiffres',
    hint: null,
  },
  'bundle-invalid.plateau-version': {
    message: '{path} devrait être une version de plateau comme 0.1.0',
    hint: null,
  },
  'bundle-invalid.key-id': {
    message: '{path} devrait être un identifiant de clé : 16 chiffres hexadécimaux',
    hint: null,
  },
  'bundle-invalid.base64': { message: '{path} devrait être une signature en base64', hint: null },
  'bundle-invalid.date': { message: '{path} devrait être une date AAAA-MM-JJ', hint: null },
  'bundle-invalid.instant': {
    message: '{path} devrait être un instant comme 2011-03-28T09:00:00Z',
    hint: null,
  },
  'bundle-invalid.time-zone': {
    message: '{path} devrait être un fuseau horaire comme Europe/Paris',
    hint: null,
  },
  'bundle-invalid.format': {
    message: 'ce n’est pas un fichier {format} ({path})',
    hint: 'donner le fichier écrit par plateau bundle export',
  },
  'bundle-invalid.version': {
    message: '{path} : lot de version {version}, ce plateau lit la version {supported}',
    hint: 'exporter le lot avec la même version de plateau que l’observatoire, ou mettre l’observatoire à jour',
  },
  'bundle-invalid.too-many': { message: '{n} autres problèmes non listés', hint: null },
  'bundle-histogram.width': {
    message: '{path} : la largeur de classe devrait être {width} (les classes de ce plateau)',
    hint: 'exporter le lot avec la même version de plateau que l’observatoire',
  },
  'bundle-histogram.bin': {
    message:
      '{path} : chaque classe devrait être une paire [classe, effectif] de nombres entiers, effectif d’au moins 1',
    hint: null,
  },
  'bundle-histogram.order': {
    message: '{path} : les classes devraient être croissantes, chacune une fois',
    hint: null,
  },
  'bundle-histogram.total': {
    message: '{path} vaut {n} mais les effectifs totalisent {sum}',
    hint: null,
  },
  'bundle-binning': {
    message:
      '{path} devrait valoir {width} : le lot a été mis en classes autrement que ce plateau ne le lit',
    hint: 'exporter le lot avec la même version de plateau que l’observatoire',
  },
  'bundle-establishment.foreign': {
    message: '{path} désigne un autre établissement que celui du lot',
    hint: 'un lot porte un seul site : ses machines et ses réponses à l’enquête seulement',
  },
  'bundle-machine.none': {
    message: 'le lot ne contient aucune machine',
    hint: 'exporter un site qui a des machines dans la campagne',
  },
  'bundle-machine.duplicate': { message: '{path} : le même equipment_id que {first}', hint: null },
  'bundle-machine.indicators': {
    message: '{path} : le champ {field} de la machine diffère de sa ligne d’équipement',
    hint: null,
  },
  'bundle-survey.case': {
    message: '{path} : le cas clinique n’est pas de la modalité de la réponse',
    hint: null,
  },
  'bundle-survey.duplicate': {
    message: '{path} : mêmes modalité, cas et patient que {first}',
    hint: null,
  },
  'bundle-consistency.n': {
    message:
      '{path} vaut {n} mais l’histogramme contient {histogramN} valeurs : les chiffres ont été modifiés',
    hint: 'exporter à nouveau le lot ; un lot est pris tel que plateau l’a calculé',
  },
  'bundle-consistency.keys': {
    message:
      '{path} n’a pas d’histogramme correspondant dans {histograms} (ou l’inverse) : les chiffres ont été modifiés',
    hint: 'exporter à nouveau le lot ; un lot est pris tel que plateau l’a calculé',
  },
  'bundle-consistency.quantile': {
    message:
      '{path} s’écarte de celui de l’histogramme de plus de {width} (une demi-classe) : les chiffres ont été modifiés',
    hint: 'exporter à nouveau le lot ; un lot est pris tel que plateau l’a calculé',
  },
  'bundle-consistency.exams': {
    message:
      '{path} vaut {n} mais les histogrammes contiennent {samples} examens : les chiffres ont été modifiés',
    hint: 'exporter à nouveau le lot ; un lot est pris tel que plateau l’a calculé',
  },
  'bundle-file.too-large': {
    message: '{file} fait {size} Mio : un lot fait au plus {max} Mio',
    hint: 'un lot porte un seul site ; donner le fichier écrit par plateau bundle export',
  },
  'bundle-file.json': {
    message: '{file} n’est pas du JSON lisible (ligne {line}, colonne {column})',
    hint: 'donner le fichier écrit par plateau bundle export, sans le modifier',
  },
  'bundle-file.payload-json': {
    message: '{file} : le contenu du lot n’est pas du JSON lisible',
    hint: 'donner le fichier écrit par plateau bundle export, sans le modifier',
  },
  'bundle-key.unknown': {
    message: 'le lot est signé avec la clé {keyId}, qui n’est pas enregistrée : clé inconnue',
    hint: 'un administrateur enregistre d’abord la clé publique du site : plateau bundle keys add --site FINESS --public-key CLE.pub.pem',
  },
  'bundle-key.revoked': {
    message: 'le lot est signé avec la clé {keyId}, qui a été révoquée',
    hint: 'le site crée une nouvelle clé (plateau bundle keygen), un administrateur l’enregistre, et le site exporte à nouveau',
  },
  'bundle-key.finess': {
    message:
      'la clé {keyId} est enregistrée pour {keyFiness}, pas pour l’établissement du lot {finess}',
    hint: 'un site ne signe que son propre lot, avec la clé enregistrée pour son FINESS',
  },
  'bundle-signature': {
    message:
      'la signature ne correspond pas au lot (clé {keyId}) : il a été modifié après signature, ou signé avec une autre clé',
    hint: 'exporter à nouveau le lot et envoyer le fichier sans le modifier',
  },
} as const satisfies Record<
  BundleProblemKey | `bundle-${'file' | 'key'}.${string}` | 'bundle-signature',
  { message: string; hint: string | null }
>;
