/**
 * Issues du lecteur de costs.csv (ingest/costs), en français : mêmes clés que costs-en.ts,
 * répandues dans le catalogue de fr.ts.
 */
export const costsIssuesFr = {
  'cost-missing-column': {
    message: 'costs.csv n’a pas de colonne {column}',
    hint: 'écrivez l’en-tête equipment_id, purchase_price, amortisation_years, maintenance, staff, consumables_per_exam, overhead',
  },
  'cost-unknown-equipment': {
    message: 'equipment_id {equipmentId} n’est pas une machine de la campagne',
    hint: 'donnez les coûts des seules machines de la campagne, avec leur equipment_id comme dans equipment.csv',
  },
  'cost-duplicate-machine': {
    message: 'les coûts de {equipmentId} sont déjà à la ligne {firstLine}',
    hint: 'gardez une ligne par machine',
  },
  'cost-not-a-number': {
    message: '{column} {value} n’est pas un nombre',
    hint: 'écrivez les euros en nombre simple, sans unité ni séparateur de milliers, par ex. 85000 ou 22,5',
  },
  'cost-negative': {
    message: '{column} {value} est négatif',
    hint: 'les coûts sont de zéro euro ou plus par an (consommables : euros par examen)',
  },
  'cost-amortisation-years': {
    message: 'amortisation_years {value} n’est pas supérieur à 0',
    hint: 'écrivez le nombre d’années d’amortissement de l’achat, par ex. 7',
  },
  'cost-origin': {
    message: 'origin {value} n’est pas l’une des valeurs {values}',
    hint: 'écrivez input (les coûts propres du site, par défaut si vide) ou illustrative (ordres de grandeur de démonstration)',
  },
  'cost-origin.mixed': {
    message: 'origin {value} diffère de {first} à la ligne {firstLine}',
    hint: 'un jeu de coûts a une seule origine : donnez la même origin à chaque ligne',
  },
} as const satisfies Record<string, { message: string; hint: string | null }>;
