/**
 * Messages of the finess feature (French reference: fr.ts spreads it). Kept in its own file so that
 * the planning features add their words without touching one another's.
 */
export const finessMessagesFr = {
  'issue.finess-not-extraction': 'Pas une extraction FINESS',
  'issue.finess-unknown-line': 'Ligne FINESS sans section',
  'issue.finess-line-width': 'Ligne FINESS au mauvais nombre de champs',
  'issue.finess-invalid-eml': 'Code EML illisible',
  'issue.finess-invalid-finess': 'Numéro FINESS invalide dans l’extraction',
  'issue.finess-invalid-date': 'Date illisible dans l’extraction',
  'issue.finess-repeated-line': 'Autorisation donnée deux fois',
  'issue.finess-unknown-establishment': 'Équipement d’un établissement absent de l’extraction',
  'issue.finess-no-department': 'Établissement sans département ni catégorie',
  'issue.finess-no-establishments': 'Extraction des établissements manquante',
  'issue.finess-duplicate-establishment': 'Établissement décrit deux fois différemment',
  'issue.finess-invalid-department': 'Code de département inconnu',
  'issue.finess-outside-departments': 'Équipement hors des 101 départements, laissé de côté',
  'issue.finess-unknown-category': 'Catégorie d’établissement sans secteur',
  'issue.finess-other-equipment': 'Autres équipements lourds, ignorés',
  'issue.finess-other-sections': 'Autres sections FINESS, ignorées',
  'issue.finess-no-machines': 'Aucun scanner ni IRM dans l’extraction',
} satisfies Record<string, string>;
