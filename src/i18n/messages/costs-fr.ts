/**
 * Messages des coûts (`plateau costs`, costs.csv), en français, la référence (mêmes clés que
 * costs-en.ts ; fr.ts les répand). Dans leur propre fichier pour que chaque fonction ajoute ses mots à part.
 */
export const costsMessagesFr = {
  'issue.cost-missing-column': 'Colonne de coûts manquante',
  'issue.cost-unknown-equipment': 'Coûts d’une machine hors de la campagne',
  'issue.cost-duplicate-machine': 'Coûts donnés deux fois pour une machine',
  'issue.cost-not-a-number': 'Coût illisible',
  'issue.cost-negative': 'Coût négatif',
  'issue.cost-amortisation-years': 'Durée d’amortissement non supérieure à 0',
  'issue.cost-origin': 'Origine des coûts inconnue ou mélangée',
  'cli.costs.notFile': '{place} n’est pas un fichier',
  'cli.costs.refused': '{place} a des erreurs (ci-dessus) : aucun coût n’a été calculé',
  'cli.costs.none':
    'aucun coût donné : écrivez un costs.csv dans le dossier du kit (importé avec lui dans la base), ou donnez --costs FICHIER.csv, avec les colonnes equipment_id, purchase_price, amortisation_years, maintenance, staff, consumables_per_exam, overhead (euros par an ; consommables par examen) ; ou --illustrative pour un jeu de démonstration tiré au sort',
  'cli.costs.place.stored': 'les coûts importés avec la campagne',
  'cli.costs.title.input':
    'Coûts de {campaign} d’après {place} (provenance : saisie ; ratios divisés par l’activité mesurée)',
  'cli.costs.title.illustrative':
    'Coûts ILLUSTRATIFS de {campaign} : ordres de grandeur tirés au sort, pas les coûts du site (provenance : illustratif)',
  'cli.costs.machines': 'Par machine ({origin})',
  'cli.costs.sites': 'Par site, machines avec coûts seulement ({origin})',
  'cli.costs.col.machine': 'machine',
  'cli.costs.col.site': 'site',
  'cli.costs.col.modality': 'modalité',
  'cli.costs.col.machines': 'machines',
  'cli.costs.col.costPerYear': '€/an',
  'cli.costs.col.costPerOpeningHour': '€/heure d’ouverture',
  'cli.costs.col.costPerExam': '€/examen',
  'cli.costs.col.costPerIcr': '€/ICR',
  'cli.costs.col.exams': 'examens/an',
  'cli.costs.col.ftTier': 'palier FT',
  'cli.costs.col.examsToNextTier': 'examens au palier suivant',
  'cli.costs.col.provenance': 'provenance ({origin})',
  'cli.costs.provenance': 'coût {origin}, examens mesurés, palier référence',
  'cli.costs.siteProvenance': 'coût {origin}, examens mesurés',
  'cli.costs.without': 'machines sans coûts, laissées hors des totaux du site : {ids} ({origin})',
  'cli.costs.tiers':
    'Paliers du forfait technique : {source} ; un forfait compté par examen, une approximation (référence ; chiffres {origin})',
  'cli.costs.ageUnknown':
    'année d’installation inconnue pour {ids} : l’achat est amorti en entier ({origin})',
  'cli.costs.origin.input': 'saisie',
  'cli.costs.origin.illustrative': 'illustratif',
} satisfies Record<string, string>;
