/**
 * Messages of the register feature (French reference: fr.ts spreads it). Kept in its own file so that
 * the planning features add their words without touching one another's.
 */
export const registerMessagesFr = {
  'issue.register-department': 'Code de département inconnu',
  'issue.register-date': 'Date illisible',
  'issue.register-field-tesla': 'Champ magnétique sur une ligne de scanner',
  'issue.register-modality': 'Modalité du registre différente de la machine de la campagne',
  'issue.register-service-date': 'Mise en service avant l’autorisation',
  'issue.register-detached': 'Ligne du registre qui ne désigne plus une machine de la campagne',
  'cli.register.reading': 'lecture du registre des équipements {place}',
  'cli.register.refused':
    '{place} : le registre des équipements a des erreurs (listées ci-dessus) ; rien n’a été enregistré',
  'cli.register.campaignMissing':
    'la base contient plusieurs campagnes : indiquer celle de ce registre avec --campaign ID (enregistrées : {ids})',
  'cli.register.campaignUnknown':
    'la campagne {id} n’est pas dans la base (enregistrées : {ids}) : importer d’abord son kit, puis son registre',
  'cli.register.noCampaign':
    'la base ne contient aucune campagne : importer d’abord le kit de la campagne, puis son registre des équipements',
  'cli.register.finessUnavailable':
    '{place} est une extraction FINESS, que ce plateau ne sait pas encore lire : la convertir en equipment-register.csv',
} satisfies Record<string, string>;
