/**
 * Messages of the capacity simulation (calibration notes, figures, CLI and web words), in French (French reference: fr.ts spreads it). Kept in its own file so
 * that the planning features add their words without touching one another's.
 */
export const simulationMessagesFr = {
  'simulation.note.lead-pooled':
    'Aucun examen programmé de catégorie {category} ne porte sa date de demande : son délai minimal est tiré des délais des catégories A, H et R réunies',
  'simulation.note.no-lead':
    'Aucun examen programmé ne porte sa date de demande : les demandes sont prises sans délai minimal',
  'simulation.note.slot-from-durations':
    'Durée réservée inconnue pour la catégorie {category} : créneau de {minutes} min (durée médiane arrondie aux 5 minutes supérieures)',
  'simulation.note.request-from-exam-times':
    'Date de demande présente sur {percent} % seulement des examens programmés : les demandes sont placées à l’heure de l’examen moins le délai médian de sa catégorie',
  'simulation.note.no-late-start':
    'Aucune vacation programmée n’a d’examen : pas de retard au démarrage tiré',
  'simulation.note.partial-week':
    'La campagne dure {days, plural, one {# jour} other {# jours}} : la grille répète ses {gridWeeks} premières semaines entières',
  'simulation.note.no-scheduled':
    'Aucun examen programmé : seule la demande non programmée est simulée',
  'simulation.note.no-show-default':
    'Taux de rendez-vous non honorés inconnu : 0 par défaut (à saisir dans un scénario)',
  'simulation.note.warmup-extended':
    'Mise en route allongée à {weeks} semaines pour couvrir les délais de rendez-vous les plus longs',
  'simulation.note.inpatient-share':
    'Les patients hospitalisés (H, R) occupent {percent} % des minutes réservées : cette part de chaque vacation leur est gardée jusqu’à 24 h avant son début',
  'simulation.note.delays-outside-sessions':
    '{n, plural, one {# examen externe ou hospitalisé avec date de demande a eu lieu} other {# examens externes ou hospitalisés avec date de demande ont eu lieu}} hors vacation programmée (urgences, garde, hors vacation) : le modèle ne les prend pas en rendez-vous, leurs délais sont hors de son champ',
  'simulation.note.few-outpatient-delays':
    'Délai de rendez-vous des externes mesuré sur {n, plural, one {# examen} other {# examens}} seulement (moins de {min}) : non vérifié pour le statu quo',
  'simulation.note.few-inpatient-delays':
    'Délai de rendez-vous des hospitalisés mesuré sur {n, plural, one {# examen} other {# examens}} seulement (moins de {min}) : non vérifié pour le statu quo',
} satisfies Record<string, string>;
