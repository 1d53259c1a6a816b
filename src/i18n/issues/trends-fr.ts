/**
 * Issues of the trends' machine mapping (issue 16), in French (the reference; same keys as
 * trends-en.ts): the optional `previous_id` column of equipment.csv. fr.ts spreads it.
 */
export const trendsIssuesFr = {
  'previous-id.invalid': {
    message: 'previous_id {text} n’est pas un identifiant',
    hint: 'écrire l’identifiant de la machine dans une campagne antérieure, sans espace autour, tabulation ni saut de ligne ; laisser vide quand il n’a pas changé',
  },
  'previous-id.self': {
    message: 'previous_id {id} est l’equipment_id de la machine elle-même',
    hint: 'previous_id donne l’identifiant de la machine dans une campagne antérieure quand il a changé (renommée, ou la machine qu’elle remplace) : laisser vide quand il est le même',
  },
};
