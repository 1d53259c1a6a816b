/**
 * Issues of the references reader, in French (same keys and parameters as references-en.ts): spread into
 * the catalog of fr.ts, in their own file so that features add issues without touching one another's.
 */
export const referencesIssuesFr = {
  'reference-format': {
    message:
      '{file} n’est ni un export d’OECD Data Explorer (colonnes REF_AREA, TIME_PERIOD, OBS_VALUE…) ni un tableau de chiffres aux colonnes country, measure, year, value (son en-tête est : {header})',
    hint: 'télécharger le tableau depuis OECD Data Explorer en CSV (« Télécharger », puis « Données filtrées en texte tabulaire (CSV) »), ou écrire les colonnes country, measure, year, value',
  },
  'reference-empty': {
    message: '{file} a un en-tête mais aucune ligne de chiffres',
    hint: 'exporter le tableau avec ses lignes, ou ajouter une ligne par chiffre sous l’en-tête',
  },
  'reference-measure': {
    message:
      '{count, plural, one {# ligne de la mesure {measure} ignorée} other {# lignes de la mesure {measure} ignorées}} : plateau ne sait pas ce qu’elle mesure (première ligne {first})',
    hint: 'plateau lit les scanners et IRM par million d’habitants (MEASURE MTU, UNIT_MEASURE 10P6HB), les examens pour 1 000 habitants (10P3HB) et leurs nombres (NB), au total (_T), à l’hôpital (HP1) ou en ambulatoire (HP3) ; télécharger l’export avec les libellés si ses codes sont autres',
  },
  'reference-measure.simple': {
    message:
      '{count, plural, one {# ligne de la mesure {measure} ignorée} other {# lignes de la mesure {measure} ignorées}} : plateau ne sait pas ce qu’elle mesure (première ligne {first})',
    hint: 'écrire ct ou mri, puis units_per_million, exams_per_1000, exams, cost_euros, installed_units ou mean_wait_days, éventuellement suivi de _hospital ou _private_practice, par exemple mri_units_per_million_hospital',
  },
  'reference-area': {
    message:
      '{count, plural, one {# ligne de la zone {area} ignorée} other {# lignes de la zone {area} ignorées}} : ni un pays (code ISO 3166 alpha-3 comme FRA) ni la moyenne de l’OCDE (première ligne {first})',
    hint: 'les régions et autres groupes de pays ne sont pas lus : garder les lignes des pays et de la moyenne de l’OCDE (OECD)',
  },
  'reference-year': {
    message: '{column} {text} n’est pas une année',
    hint: 'écrire l’année du chiffre sur quatre chiffres, par exemple 2021 (un export par trimestre ou par mois n’est pas lu)',
  },
  'reference-value': {
    message: '{column} {text} n’est pas un nombre',
    hint: 'écrire le chiffre avec un point décimal et sans unité, par exemple 16.6',
  },
  'reference-value.negative': {
    message: '{column} {text} est négatif',
    hint: 'une densité, un nombre d’examens, un coût ou une attente vaut 0 ou plus',
  },
  'reference-value.blank': {
    message: '{column} est vide : la ligne est ignorée',
    hint: 'un export de l’OCDE laisse vide la valeur d’une observation manquante ; cette ligne n’a rien à charger',
  },
  'reference-unit-mult': {
    message: 'UNIT_MULT {text} n’est pas une puissance de dix entre -12 et 12',
    hint: 'garder la colonne UNIT_MULT telle que l’export l’a écrite (0 pour des unités, 3 pour des milliers)',
  },
  'reference-duplicate': {
    message: '{measure} {modality} de {area} en {year} figure déjà ligne {first}',
    hint: 'garder une ligne par chiffre : un export où une autre dimension varie (âge, sexe…) en donne plusieurs ; le filtrer sur les totaux',
  },
} as const satisfies Record<string, { message: string; hint: string | null }>;
