/**
 * Issues of the finess reader, in French (same keys and parameters as finess-en.ts): spread into
 * the catalog of fr.ts, in their own file so that features add issues without touching one another's.
 */

const BOTH_EXTRACTIONS =
  'fournir l’extraction des établissements (etalab-cs1100507-stock-….csv, dont les lignes structureet donnent le département et la catégorie) avec celle des équipements';

export const finessIssuesFr = {
  'finess-not-extraction': {
    message:
      '{file} n’est pas une extraction FINESS : sa première ligne n’est ni la ligne de commentaire « finess;etalab;… » ni une ligne d’une section connue',
    hint: 'fournir l’extraction telle que data.gouv.fr la publie (« FINESS Extraction du Fichier des établissements »), sans la modifier',
  },
  'finess-unknown-line': {
    message: 'la ligne commence par {text}, pas par le nom d’une section',
    hint: 'chaque ligne de l’extraction commence par sa section : structureet, equipmateriellourd, …',
  },
  'finess-line-width': {
    message: 'la ligne {section} a {count} champs, pas {width}',
    hint: 'une ligne de cette section a {width} champs séparés par « {separator} » ; une valeur qui contient « {separator} » est entre guillemets',
  },
  'finess-line-width.structureet': {
    message:
      'la ligne structureet a {count} champs, pas 32 (extraction des établissements) ou 3 (extraction des équipements)',
    hint: 'les champs sont séparés par « {separator} » ; une valeur qui contient « {separator} » est entre guillemets',
  },
  'finess-invalid-eml': {
    message: 'eml {text} n’est pas un code EML à 5 chiffres',
    hint: 'les codes EML ont 5 chiffres, par exemple 05602 (scanner) ou 06201 (IRM) ; un tableur efface le zéro initial si la colonne n’est pas au format texte',
  },
  'finess-invalid-finess': {
    message: 'nofinesset {text} n’est pas un numéro FINESS à 9 caractères',
    hint: 'un FINESS géographique a 9 caractères, par exemple 590000011 ou 2A0000018',
  },
  'finess-invalid-date': {
    message: '{column} {text} n’est pas une date',
    hint: 'l’extraction écrit les dates AAAA-MM-JJ, par exemple 2006-11-08',
  },
  'finess-repeated-line': {
    message: 'cette autorisation répète la ligne {first} ; elle a été lue une fois',
    hint: 'une autorisation donnée deux fois reste une machine : supprimer la ligne répétée (un fichier concaténé deux fois donne ce cas)',
  },
  'finess-unknown-establishment': {
    message: 'l’établissement {finess} n’a pas de ligne structureet dans les données',
    hint: 'fournir les extractions entières : chaque ligne equipmateriellourd renvoie à une ligne structureet',
  },
  'finess-no-department': {
    message:
      'l’établissement {finess} n’a que la ligne structureet courte de l’extraction des équipements : son département et sa catégorie ne sont pas dans les données',
    hint: BOTH_EXTRACTIONS,
  },
  'finess-no-establishments': {
    message:
      '{count, plural, one {# autorisation de scanner ou d’IRM renvoie} other {# autorisations de scanner ou d’IRM renvoient}} à des établissements dont le département et la catégorie ne sont pas dans les données : l’extraction des équipements ne les désigne que par leur numéro',
    hint: BOTH_EXTRACTIONS,
  },
  'finess-duplicate-establishment': {
    message:
      'l’établissement {finess} est déjà décrit ligne {first} avec un autre département ou une autre catégorie ; la première description est gardée',
    hint: 'fournir une seule extraction des établissements',
  },
  'finess-invalid-department': {
    message: 'departement {text} de l’établissement {finess} n’est pas un code de département',
    hint: 'FINESS écrit les départements de 01 à 95, 2A, 2B, et de 9A à 9F outre-mer',
  },
  'finess-outside-departments': {
    message:
      '{count, plural, one {# autorisation de scanner ou d’IRM} other {# autorisations de scanner ou d’IRM}} d’établissements situés en {code} (hors des 101 départements) {count, plural, one {laissée} other {laissées}} hors du parc',
    hint: 'les indicateurs territoriaux couvrent les 101 départements seulement',
  },
  'finess-unknown-category': {
    message:
      '{count, plural, one {# autorisation de scanner ou d’IRM} other {# autorisations de scanner ou d’IRM}} d’établissements de catégorie {category}, que plateau ne range dans aucun secteur, {count, plural, one {comptée} other {comptées}} comme machines hospitalières',
    hint: 'plateau range les catégories 124, 698 et 699 dans le secteur libéral et les établissements de santé dans le secteur hospitalier ; pour fixer le secteur soi-même, fournir le parc en equipment-register.csv',
  },
  'finess-unknown-category.blank': {
    message:
      '{count, plural, one {# autorisation de scanner ou d’IRM} other {# autorisations de scanner ou d’IRM}} d’établissements sans catégorie {count, plural, one {comptée} other {comptées}} comme machines hospitalières',
    hint: 'pour fixer le secteur soi-même, fournir le parc en equipment-register.csv',
  },
  'finess-other-equipment': {
    message:
      '{count, plural, one {# autorisation} other {# autorisations}} d’autres équipements lourds {count, plural, one {ignorée} other {ignorées}} (EML {codes})',
    hint: null,
  },
  'finess-other-sections': {
    message:
      '{count, plural, one {# ligne} other {# lignes}} d’autres sections {count, plural, one {ignorée} other {ignorées}} ({sections})',
    hint: null,
  },
  'finess-no-machines': {
    message: '{file} n’a aucune autorisation de scanner (EML 05602) ni d’IRM (EML 06201)',
    hint: 'vérifier que les données contiennent l’extraction des équipements (etalab_cs1100504), dont les lignes commencent par equipmateriellourd',
  },
} as const satisfies Record<string, { message: string; hint: string | null }>;
