/**
 * Issues of the slots.csv reader and the slot sources, in French (French reference: fr.ts spreads it). Kept in its own file so
 * that the planning features add their words without touching one another's.
 * `slots.csv` also reports the kit's own keys (required, invalid-value, invalid-date-time,
 * dst-gap, dst-ambiguous, unknown-reference.equipment).
 */
export const slotsIssuesFr = {
  'slot-end-before-start': {
    message: 'la fin {end} n’est pas après le début {start}',
    hint: 'un créneau finit après avoir commencé : vérifier les deux dates-heures',
  },
  'slot-conflict': {
    message: 'ce créneau est vu {status} à {observed}, et {other} ligne {first} au même instant',
    hint: 'garder une ligne par créneau et par instant ; plateau lit le créneau occupé (busy) à cet instant',
  },
  'fhir-slot-observed': {
    message:
      '{n, plural, one {ce Slot n’a} other {# Slots de ce fichier, celui-ci le premier, n’ont}} ni meta.lastUpdated ni timestamp de Bundle : on ne sait pas quand {n, plural, one {son statut a été vu} other {leurs statuts ont été vus}}',
    hint: 'envoyer les Slots avec meta.lastUpdated (ou leur Bundle avec son timestamp) ; ils ouvrent toujours des vacations, mais ne sont pas des créneaux de l’offre de rendez-vous',
  },
  'hl7-slot-no-time': {
    message: 'le rendez-vous n’a pas de MSH-7 lisible : on ne sait pas quand il a été vu',
    hint: 'envoyer MSH-7 (date-heure du message) ; le rendez-vous est lu, mais n’est pas un créneau occupé de l’offre de rendez-vous',
  },
  'slot-unknown-equipment.sources': {
    message:
      '{n, plural, one {# créneau} other {# créneaux}} de {ids} laissé{n, plural, one {} other {s}} de côté : aucune vacation ni aucun examen de la campagne n’est sur {machines, plural, one {cette machine} other {ces machines}}',
    hint: 'les créneaux ne décrivent que les machines de la campagne ; vérifier la table de correspondance du site si une machine manque',
  },
} as const satisfies Record<string, { message: string; hint: string | null }>;
