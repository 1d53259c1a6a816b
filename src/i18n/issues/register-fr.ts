/**
 * Issues of the register reader, in French (same keys and parameters as register-en.ts): spread into
 * the catalog of fr.ts, in their own file so that features add issues without touching one another's.
 */
export const registerIssuesFr = {
  'register-department': {
    message: 'le département « {text} » n’est pas un code de département français',
    hint: 'écrire le code INSEE du département, par exemple 59, 2A ou 971',
  },
  'register-date': {
    message: '{column} « {text} » n’est pas une date',
    hint: 'écrire la date sous la forme AAAA-MM-JJ, par exemple 2008-06-15',
  },
  'out-of-range.register-year': {
    message: 'installed_year {text} est après l’année de la campagne, {year}',
    hint: 'écrire l’année d’installation de la machine, de 1950 à {year}',
  },
  'out-of-range.field-tesla': {
    message: 'field_tesla {text} dépasse 11,7',
    hint: 'écrire le champ en tesla, par exemple 1.5 ou 3 (aucune IRM clinique ne dépasse 11,7 T)',
  },
  'register-field-tesla': {
    message: 'field_tesla {text} est donné sur une ligne de scanner (CT)',
    hint: 'field_tesla ne concerne que les IRM (MR) : le laisser vide pour un scanner, ou corriger la modalité',
  },
  'register-modality': {
    message: 'equipment_id {id} est {equipmentModality} dans {file}, et cette ligne dit {modality}',
    hint: 'corriger la modalité ou l’equipment_id : une ligne du registre désigne la machine de la campagne qu’elle est',
  },
  'register-modality.campaign': {
    message:
      'equipment_id {id} est {equipmentModality} dans la campagne enregistrée {campaign}, et cette ligne dit {modality}',
    hint: 'corriger la modalité ou l’equipment_id : une ligne du registre désigne la machine de la campagne qu’elle est',
  },
  'duplicate-key.register-equipment': {
    message: 'equipment_id {id} est déjà désigné ligne {first}',
    hint: 'une machine de la campagne est une seule machine du parc : ne la désigner que sur une ligne',
  },
  'unknown-reference.register-campaign': {
    message: 'equipment_id {id} n’est pas une machine de la campagne enregistrée {campaign}',
    hint: 'laisser equipment_id vide pour une machine hors de la campagne, ou corriger l’identifiant',
  },
  'register-service-date': {
    message: 'in_service_on {inService} est avant authorised_on {authorised}',
    hint: 'une machine est mise en service une fois autorisée : vérifier les deux dates',
  },
  'register-detached': {
    message:
      '{n, plural, one {# ligne} other {# lignes}} du registre enregistré désignai{n, plural, one {t} other {ent}} des machines que ce kit n’a plus ({ids}) : leur equipment_id a été effacé',
    hint: 'si ces machines ont été renommées, importer de nouveau le registre des équipements avec leurs nouveaux identifiants',
  },
} as const satisfies Record<string, { message: string; hint: string | null }>;
