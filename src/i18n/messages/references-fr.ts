/**
 * Messages of the references feature (French reference: fr.ts spreads it). Kept in its own file so that
 * the planning features add their words without touching one another's.
 */
export const referencesMessagesFr = {
  'issue.reference-format': 'Pas un tableau de chiffres publiés',
  'issue.reference-empty': 'Fichier sans chiffres',
  'issue.reference-measure': 'Mesure non lue',
  'issue.reference-area': 'Zone non lue (ni un pays ni la moyenne de l’OCDE)',
  'issue.reference-year': 'Année illisible',
  'issue.reference-value': 'Chiffre illisible',
  'issue.reference-unit-mult': 'Multiplicateur d’unité illisible',
  'issue.reference-duplicate': 'Chiffre donné deux fois',
  'reference.measure.unitsPerMillion': 'Équipements par million d’habitants',
  'reference.measure.examsPer1000': 'Examens pour 1 000 habitants par an',
  'reference.measure.exams': 'Examens par an',
  'reference.measure.costEuros': 'Coût des examens par an (€)',
  'reference.measure.installedUnits': 'Équipements installés',
  'reference.measure.meanWaitDays': 'Délai moyen de rendez-vous (jours)',
  'reference.area.OECD': 'Moyenne de l’OCDE',
  'reference.origin.shipped': 'livré avec plateau',
  'reference.origin.loaded': 'chargé depuis un export',
  'cli.references.col.measure': 'mesure',
  'cli.references.col.modality': 'modalité',
  'cli.references.col.sector': 'secteur',
  'cli.references.col.area': 'zone',
  'cli.references.col.year': 'année',
  'cli.references.col.value': 'valeur',
  'cli.references.col.note': 'remarque',
  'cli.references.col.source': 'source',
  'cli.references.col.origin': 'origine',
  'cli.references.shippedOnly':
    'il n’y a pas de base plateau dans {place} : voici seulement les chiffres livrés avec plateau (plateau references --load FICHIER.csv en enregistre de plus récents)',
  'cli.references.notFile': '{place} n’est pas un fichier',
  'cli.references.refused':
    '{place} : {errors, plural, one {# erreur} other {# erreurs}} ; rien n’a été enregistré',
  'cli.references.none': '{place} : aucun chiffre que plateau sait lire ; rien n’a été enregistré',
  'cli.references.loaded':
    '{place} : {n, plural, one {# chiffre enregistré} other {# chiffres enregistrés}} dans {store} : {added, plural, one {# ajouté} other {# ajoutés}}, {replaced, plural, one {# remplacé} other {# remplacés}}, {unchanged, plural, one {# inchangé} other {# inchangés}}',
} satisfies Record<string, string>;
