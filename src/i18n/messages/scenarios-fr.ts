/**
 * Messages of the scenario editor and the "what would change" page, in French (French reference: fr.ts spreads it). Kept in its own file so
 * that the planning features add their words without touching one another's.
 */
export const scenariosMessagesFr = {
  // Noms des problèmes du lecteur de fichiers de scénarios (page qualité, CLI).
  'issue.scenario-file': 'Fichier de scénarios illisible',
  'issue.scenario-duplicate': 'Donné deux fois dans un fichier de scénarios',
  'issue.scenario-key': 'Clé inconnue dans un fichier de scénarios',
  'issue.scenario-change-type': 'Type de changement inconnu',
  'issue.scenario-required': 'Champ manquant dans un scénario',
  'issue.scenario-value': 'Valeur invalide dans un scénario',
  'issue.scenario-empty': 'Scénario sans changement',
  'issue.scenario-machine': 'Machine inconnue dans un scénario',
  // Notes d’applyScenario (src/plan/simulation/scenarios.ts) : un changement rogné ou sans effet.
  'simulation.note.scenario-machine-unknown':
    'Changement {change} : aucune machine {machine} parmi celles simulées ; le changement a été écarté',
  'simulation.note.scenario-extend-none':
    'Changement {change} : {equipment} n’a aucune vacation programmée ces jours-là ; rien n’a été prolongé',
  'simulation.note.scenario-extend-clipped':
    'Changement {change} : sur {equipment}, {minutes} min de l’extension tombaient sur d’autres vacations et ont été écartées ({days, plural, one {# jour} other {# jours}})',
  'simulation.note.scenario-session-overlap':
    'Changement {change} : sur {equipment}, {minutes} min de la vacation ajoutée tombaient sur des vacations existantes et ont été écartées ({days, plural, one {# jour} other {# jours}})',
  'simulation.note.scenario-interventional-none':
    'Changement {change} : aucun temps programmé de {equipment} à ces heures ; rien n’a été donné à la radiologie interventionnelle',
  'simulation.note.scenario-predicted-missing':
    'Changement {change} : aucune durée de créneau prédite n’est connue pour cette machine ; les examens sont réservés à leur durée programmée',
  // Web: the Scenarios tab of the machine and establishment pages (helper G; keep when editing this file).
  'scenarios.web.tabs': 'Onglets de la page',
  'scenarios.web.tab.overview': 'Vue d’ensemble',
  'scenarios.web.tab.scenarios': 'Scénarios',
  'scenarios.web.title': 'Scénarios de capacité',
  'scenarios.web.note':
    'Une simulation calibrée sur la campagne de ces machines rejoue leur demande et leur grille de vacations ; le scénario les change. Statu quo et scénario reçoivent les mêmes tirages aléatoires : une différence est celle du scénario, dite significative seulement si son intervalle à 95 % exclut 0.',
  'scenarios.web.pool': 'Simulées ensemble, avec une file commune : {machines}',
  'scenarios.web.modality': 'Modalité simulée',
  'scenarios.web.noMachines': 'Pas de machine de cette modalité à simuler.',
  'scenarios.web.form.title': 'Composer un scénario',
  'scenarios.web.form.name': 'Nom du scénario',
  'scenarios.web.form.defaultName': 'Mon scénario',
  'scenarios.web.form.addType': 'Changement à ajouter',
  'scenarios.web.form.add': 'Ajouter',
  'scenarios.web.form.changeN': 'Changement {n}',
  'scenarios.web.form.remove': 'Retirer',
  'scenarios.web.form.removeAria': 'Retirer le changement {n}',
  'scenarios.web.form.none': 'Aucun changement : ajoutez-en au moins un.',
  'scenarios.web.form.replications': 'Réplications',
  'scenarios.web.form.seed': 'Graine',
  'scenarios.web.form.run': 'Lancer la simulation',
  'scenarios.web.form.cancel': 'Annuler',
  'scenarios.web.form.copyLink': 'Copier le lien',
  'scenarios.web.form.copied': 'Lien copié.',
  'scenarios.web.form.copyFailed':
    'Copie refusée par le navigateur : le lien est dans la barre d’adresse.',
  'scenarios.web.form.invalid': 'Corrigez les champs signalés avant de lancer.',
  'scenarios.web.form.unreadable': 'Le scénario de l’adresse est illisible : il a été ignoré.',
  'scenarios.web.change.extend-hours': 'Ouvrir plus tôt ou fermer plus tard',
  'scenarios.web.change.add-session': 'Ajouter une vacation',
  'scenarios.web.change.add-machine': 'Ajouter une machine',
  'scenarios.web.change.emergency-reservation': 'Réserver une part aux urgences',
  'scenarios.web.change.interventional-sessions': 'Dédier des vacations à l’interventionnel',
  'scenarios.web.change.predicted-durations': 'Réserver aux durées prédites',
  'scenarios.web.change.demand-growth': 'Faire varier la demande',
  'scenarios.web.change.fix-late-start': 'Démarrer les vacations à l’heure',
  'scenarios.web.change.no-show': 'Absences des patients',
  'scenarios.web.hint.extend-hours':
    'La première vacation programmée de ces jours commence plus tôt, la dernière finit plus tard.',
  'scenarios.web.hint.add-session':
    'Une vacation programmée ajoutée chaque semaine ces jours-là (heure locale), par exemple un samedi matin.',
  'scenarios.web.hint.add-machine':
    'Des machines ajoutées au groupe, chacune avec une copie de la grille programmée d’une machine.',
  'scenarios.web.hint.emergency-reservation':
    'Part de chaque vacation programmée gardée pour les examens non programmés au lieu d’être mixte.',
  'scenarios.web.hint.interventional-sessions':
    'Ce temps programmé est donné à la radiologie interventionnelle : il n’est plus réservable par le diagnostic.',
  'scenarios.web.hint.predicted-durations':
    'Chaque examen programmé est réservé à la durée prédite pour sa famille d’actes, non à sa durée réservée.',
  'scenarios.web.hint.demand-growth':
    'Toutes les arrivées multipliées par (1 + x %) ; une valeur négative pour une baisse.',
  'scenarios.web.hint.fix-late-start':
    'Les retards au démarrage mesurés sur la campagne sont supprimés.',
  'scenarios.web.hint.no-show':
    'Probabilité qu’un patient programmé ne vienne pas, par catégorie (une saisie ; 0 par défaut).',
  'scenarios.web.field.weekdays': 'Jours',
  'scenarios.web.field.openEarlier': 'Ouvrir plus tôt de (min)',
  'scenarios.web.field.closeLater': 'Fermer plus tard de (min)',
  'scenarios.web.field.start': 'Début',
  'scenarios.web.field.end': 'Fin',
  'scenarios.web.field.machine': 'Machine',
  'scenarios.web.field.allMachines': 'Toutes les machines',
  'scenarios.web.field.count': 'Nombre de machines',
  'scenarios.web.field.gridOf': 'Grille copiée de',
  'scenarios.web.field.share': 'Part réservée (%)',
  'scenarios.web.field.percent': 'Variation de la demande (%)',
  'scenarios.web.field.rate': '{category} (%)',
  'scenarios.web.error.weekdays': 'Choisissez au moins un jour.',
  'scenarios.web.error.clock': 'Une heure HH:MM.',
  'scenarios.web.error.span': 'La fin doit suivre le début.',
  'scenarios.web.error.minutes': 'De 0 à 720 minutes, et plus de 0 pour l’un des deux.',
  'scenarios.web.error.count': 'Un nombre entier de 1 à 10.',
  'scenarios.web.error.share': 'De 0 à 90 %.',
  'scenarios.web.error.percent': 'Plus de -100 % et au plus 1 000 %.',
  'scenarios.web.error.rate': 'De 0 à 100 %.',
  'scenarios.web.error.replications': 'Un nombre entier de {min} à {max}.',
  'scenarios.web.error.seed': 'Un nombre entier de 0 à {max}.',
  'scenarios.web.error.name': 'Donnez un nom au scénario.',
  'scenarios.web.progress': 'Simulation en cours : {done} sur {total} réplications',
  'scenarios.web.progressLabel': 'Avancement de la simulation',
  'scenarios.web.runningNote': 'Le calcul tourne à part : la page reste utilisable.',
  'scenarios.web.cancelled': 'Simulation annulée.',
  'scenarios.web.failed': 'La simulation a échoué : {message}',
  'scenarios.web.results.title': 'Statu quo et scénario « {name} »',
  'scenarios.web.results.meta':
    '{replications} réplications, graine {seed}, {weeks} semaines mesurées après {warmup} semaines de mise en route ; {events} événements en {seconds} s.',
  'scenarios.web.results.note':
    'Moyenne sur les réplications et intervalle de confiance à 95 %. Une différence est significative quand son intervalle exclut 0.',
  'scenarios.web.statusQuo.ok':
    'Le statu quo reproduit la campagne : occupation et passages à 5 % près, délai médian à 20 % ou 1 jour près.',
  'scenarios.web.statusQuo.fails':
    'Le statu quo ne reproduit pas la campagne : résultats du scénario non fiables.',
  'scenarios.web.statusQuo.failing':
    '{figure} : simulé {simulated}, mesuré {observed} (écart toléré {tolerance})',
  'scenarios.web.unreliable': 'Résultats du scénario non fiables',
  'scenarios.web.statusQuo': 'Statu quo',
  'scenarios.web.observed': 'Campagne (mesuré)',
  'scenarios.web.col.observed': 'Mesuré',
  'scenarios.web.col.statusQuo': 'Statu quo simulé',
  'scenarios.web.col.scenario': 'Scénario',
  'scenarios.web.col.delta': 'Différence',
  'scenarios.web.col.significant': 'Significative',
  'scenarios.web.col.low': '{column}, borne basse',
  'scenarios.web.col.high': '{column}, borne haute',
  'scenarios.web.interval': '{low} à {high}',
  'scenarios.web.chart.aria': 'Statu quo et scénario, moyennes et intervalles à 95 % : {title}.',
  'scenarios.web.chart.delays': 'Délais de rendez-vous',
  'scenarios.web.chart.occupancy': 'Occupation des vacations programmées',
  'scenarios.web.chart.overtime': 'Dépassements et temps libre',
  'scenarios.web.chart.outpatient': 'Externes',
  'scenarios.web.chart.inpatient': 'Hospitalisés',
  'scenarios.web.chart.ci': 'IC 95 % {low} à {high}',
  'scenarios.web.figure.occupancy.programmed': 'Occupation des vacations programmées',
  'scenarios.web.figure.passagesPerWeek': 'Passages par semaine',
  'scenarios.web.figure.icrPerHour': 'ICR par heure programmée',
  'scenarios.web.figure.appointmentDelayDays.outpatient.p20': 'Délai de rendez-vous, externes, P20',
  'scenarios.web.figure.appointmentDelayDays.outpatient.p50':
    'Délai de rendez-vous, externes, médiane',
  'scenarios.web.figure.appointmentDelayDays.outpatient.p80': 'Délai de rendez-vous, externes, P80',
  'scenarios.web.figure.appointmentDelayDays.inpatient.p20':
    'Délai de rendez-vous, hospitalisés, P20',
  'scenarios.web.figure.appointmentDelayDays.inpatient.p50':
    'Délai de rendez-vous, hospitalisés, médiane',
  'scenarios.web.figure.appointmentDelayDays.inpatient.p80':
    'Délai de rendez-vous, hospitalisés, P80',
  'scenarios.web.figure.unscheduledWaitMinutes.p50': 'Attente des non programmés, médiane',
  'scenarios.web.figure.unscheduledWaitMinutes.p90': 'Attente des non programmés, P90',
  'scenarios.web.figure.overtimeMinutesPerWeek': 'Dépassements par semaine',
  'scenarios.web.figure.idleMinutesPerWeek': 'Temps libre en vacation programmée par semaine',
  'scenarios.web.durations.title': 'Durées d’examen prédites',
  'scenarios.web.durations.note':
    'Longueur de créneau recommandée par famille d’actes, prédite des propres données du site ; le modèle est jugé sur la dernière semaine de la campagne, mise de côté.',
  'scenarios.web.durations.methodLabel': 'Méthode :',
  'scenarios.web.durations.heldOut':
    'Semaine mise de côté du {from} au {to} ({exams, plural, one {# examen} other {# examens}}) : erreur moyenne de {model} avec le modèle ; sur les {bookedExams} examens qui ont une durée réservée, {modelOnBooked} avec le modèle et {booked} avec la durée réservée. {coverage} des durées réelles sous le P80 prédit (cible 80 %).',
  'scenarios.web.durations.better.model':
    'Le modèle est plus proche des durées réelles que les durées réservées.',
  'scenarios.web.durations.better.booked':
    'Les durées réservées sont plus proches des durées réelles que le modèle.',
  'scenarios.web.durations.better.none':
    'Pas assez de données pour départager modèle et durées réservées.',
  'scenarios.web.durations.none': 'Pas de durée prédite pour ces machines.',
  'scenarios.web.durations.unavailable': 'Pas de rapport de durées pour cette campagne.',
  'scenarios.web.col.family': 'Famille d’actes',
  'scenarios.web.col.slot': 'Créneau recommandé',
  'scenarios.web.col.level': 'Niveau du modèle',
  'scenarios.web.family.head': 'Tête',
  'scenarios.web.family.spine': 'Rachis',
  'scenarios.web.family.thorax': 'Thorax',
  'scenarios.web.family.breast': 'Sein',
  'scenarios.web.family.abdomen-pelvis': 'Abdomen et pelvis',
  'scenarios.web.family.musculoskeletal': 'Ostéo-articulaire',
  'scenarios.web.family.vascular': 'Vasculaire',
  'scenarios.web.family.cardiac': 'Cardiaque',
  'scenarios.web.family.whole-body': 'Plusieurs régions',
  'scenarios.web.family.interventional': 'Interventionnel',
  'scenarios.web.family.other': 'Autre',
  'scenarios.web.family.*': 'Toutes familles',
  'scenarios.web.next.title': 'Troisième prochain rendez-vous disponible',
  'scenarios.web.next.note':
    'Chaque jour de la campagne à 8 h, le délai jusqu’au troisième créneau libre assez long pour l’examen médian de la machine ; sa médiane sur la campagne.',
  'scenarios.web.next.value':
    '{machine} : {days} (médiane sur {n, plural, one {# jour} other {# jours}}, créneau de {minutes})',
  'scenarios.web.next.noSlots':
    '{machine} : non calculé, il faut les créneaux de la campagne (slots.csv).',
};
