/**
 * French words of the site fiche's "Ce qui changerait" pages (the simulated leads), spread into
 * the reports' reference dictionary (`fr.ts`). Kept apart so that the capacity simulation adds
 * its words without touching the other pages' ones.
 */
export const whatWouldChangeFr = {
  'site.whatIf.title': 'Ce qui changerait',
  'site.whatIf.intro':
    'Les pistes les mieux classées de {machine}, traduites en scénarios et simulées sur les données de la machine (une simulation calibrée sur sa propre campagne) : moyenne de {replications} réplications, intervalle de confiance à 95 % entre parenthèses. Un écart n’est appelé différence que lorsque son intervalle à 95 % exclut 0. La demande reste celle de la campagne : du temps libéré se lit en délais et en dépassements horaires, pas en passages, sauf si la demande augmente.',
  'site.whatIf.noDelay':
    'Délais de rendez-vous non donnés : les examens de la campagne ne portent pas de date de demande, la simulation n’a pas de délai mesuré à reproduire.',
  'site.whatIf.noLead':
    'Aucune piste mesurable à simuler : aucune vacation programmée de la machine ne perd de temps mesurable.',
  'site.whatIf.notComputed.noRecords':
    'Non calculé : les données de la machine ne sont pas dans la base.',
  'site.whatIf.notComputed.tooLittleData':
    'Non calculé : trop peu de données pour calibrer la simulation ({exams, plural, one {# examen programmé} other {# examens programmés}} et {sessions, plural, one {# vacation programmée} other {# vacations programmées}} ; il en faut au moins {minExams} et {minSessions}).',
  'site.whatIf.notComputed.timeBudget':
    'Non calculé : le temps alloué aux simulations de la fiche ({seconds} s) était écoulé. La commande plateau simulate --machine {id} la calcule.',
  'site.whatIf.notComputed.failed': 'Non calculé : la simulation a échoué ({message}).',
  'site.whatIf.sq.caption': 'Statu quo de {machine} : la campagne mesurée et sa simulation',
  'site.whatIf.col.figure': 'Indicateur',
  'site.whatIf.col.measured': 'Mesuré (campagne)',
  'site.whatIf.col.simulated': 'Simulé (statu quo)',
  'site.whatIf.col.check': 'Contrôle',
  'site.whatIf.col.statusQuo': 'Statu quo',
  'site.whatIf.col.scenario': 'Scénario',
  'site.whatIf.col.difference': 'Différence',
  'site.whatIf.check.ok': 'reproduit',
  'site.whatIf.check.fails': 'hors tolérance (±\u00a0{tolerance})',
  'site.whatIf.check.none': 'non contrôlé',
  'site.whatIf.sq.reproduces':
    'Le statu quo reproduit la campagne : taux d’occupation et passages par semaine à moins de 5 % des valeurs mesurées, délai médian de rendez-vous à moins de 20 % ou d’un jour. Chaque scénario est comparé à ce statu quo simulé avec les mêmes tirages aléatoires.',
  'site.whatIf.sq.unreliable':
    'Non fiable : {figures}. La simulation ne reproduit pas la campagne de cette machine ; aucun chiffre de scénario n’est donné.',
  'site.whatIf.sq.failing':
    '{figure} hors tolérance (simulé {simulated}, mesuré {observed}, tolérance ±\u00a0{tolerance})',
  'site.whatIf.lead': '{rank}. {lead} ({hours})',
  'site.whatIf.change.fixLateStart':
    'Changement simulé : les vacations démarrent à l’heure ; les retards au démarrage de la campagne (médiane {median}) sont retirés.',
  'site.whatIf.change.predictedDurations':
    'Changement simulé : chaque examen est programmé à la durée prédite pour sa famille d’actes à partir des données de la machine, au lieu de sa durée programmée d’aujourd’hui.',
  'site.whatIf.change.demandGrowth':
    'Changement simulé : demande + {percent}, la hausse qui remplirait les {hours} laissées libres par les fins précoces ({percent} des heures occupées aujourd’hui dans les vacations programmées). La simulation ne fait pas finir les vacations plus tard : elle dit ce que ces patients en plus feraient aux passages, aux délais et aux dépassements horaires.',
  'site.whatIf.skip.turnover':
    'Non simulé : la simulation réserve à chaque examen sa durée programmée, qui contient déjà le temps entre deux examens ; ce temps ne s’y retire pas seul. Le raccourcir revient à raccourcir les créneaux, ce que simule la piste « dépassement de la durée programmée » par les durées prédites ; aucun scénario honnête n’isole le bionettoyage ou la préparation.',
  'site.whatIf.skip.noPrediction':
    'Non simulé : la machine n’a pas de durée prédite par famille d’actes (trop peu d’examens dont les actes sont connus).',
  'site.whatIf.skip.noOccupancy':
    'Non simulé : le taux d’occupation de la machine n’est pas connu, la hausse de demande qui remplirait ces heures ne se calcule pas.',
  'site.whatIf.scenario.caption': 'Statu quo et scénario « {scenario} » de {machine}',
  'site.whatIf.name.fixLateStart': 'Démarrage à l’heure',
  'site.whatIf.name.predictedDurations': 'Durées prédites',
  'site.whatIf.name.demandGrowth': 'Demande + {percent}',
  'site.whatIf.statusQuo': 'Statu quo',
  'site.whatIf.statusQuoShort': 'SQ',
  'site.whatIf.notSignificant': 'pas de différence significative',
  'site.whatIf.points': '{value} pt',
  'site.whatIf.interval': '{low} à {high}',
  'site.whatIf.chart.caption':
    'Statu quo et scénarios de {machine} : moyenne et intervalle de confiance à 95 % sur {replications} réplications',
  'site.whatIf.chart.aria':
    'Pour chaque indicateur, la valeur simulée du statu quo et de chaque scénario, un point sur son intervalle de confiance à 95 %.',
  'site.whatIf.reading':
    'Simulation à événements discrets de la machine, calibrée sur sa campagne : demande, durées, délais minimaux et retards tirés de ses propres examens. {weeks, plural, one {# semaine mesurée} other {# semaines mesurées}} après {warmup, plural, one {# semaine} other {# semaines}} de mise en route, {replications} réplications, graine {seed} (la fiche est reproductible). Différence = scénario − statu quo, réplication par réplication.',
  'site.whatIf.short.passagesPerWeek': 'Passages/sem',
  'site.whatIf.short.occupancy.programmed': 'Occupation (programmé)',
  'site.whatIf.short.appointmentDelayDays.outpatient.p50': 'Délai RDV externes (j)',
  'site.whatIf.short.overtimeMinutesPerWeek': 'Dépassements (min/sem)',
  'site.whatIf.figure.occupancy.programmed': 'Taux d’occupation (programmé)',
  'site.whatIf.figure.passagesPerWeek': 'Passages par semaine',
  'site.whatIf.figure.icrPerHour': 'ICR par heure',
  'site.whatIf.figure.appointmentDelayDays.outpatient.p20': 'Délai de rendez-vous externes, P20',
  'site.whatIf.figure.appointmentDelayDays.outpatient.p50': 'Délai de rendez-vous médian, externes',
  'site.whatIf.figure.appointmentDelayDays.outpatient.p80': 'Délai de rendez-vous externes, P80',
  'site.whatIf.figure.appointmentDelayDays.inpatient.p20': 'Délai de rendez-vous hospitalisés, P20',
  'site.whatIf.figure.appointmentDelayDays.inpatient.p50':
    'Délai de rendez-vous médian, hospitalisés',
  'site.whatIf.figure.appointmentDelayDays.inpatient.p80': 'Délai de rendez-vous hospitalisés, P80',
  'site.whatIf.figure.unscheduledWaitMinutes.p50': 'Attente des patients non programmés, médiane',
  'site.whatIf.figure.unscheduledWaitMinutes.p90': 'Attente des patients non programmés, P90',
  'site.whatIf.figure.overtimeMinutesPerWeek': 'Dépassements horaires par semaine',
  'site.whatIf.figure.idleMinutesPerWeek': 'Temps machine inoccupé par semaine',
} as const;
