/**
 * Words of `plateau simulate` and of the quality page's status-quo card (capacity simulation,
 * planning.md §3), in French (the reference: fr.ts spreads it). Kept in its own file so that the
 * planning features add their words without touching one another's.
 */
export const simulateMessagesFr = {
  'simulate.figure.occupancy.programmed': 'Taux d’occupation (programmé)',
  'simulate.figure.passagesPerWeek': 'Passages par semaine',
  'simulate.figure.icrPerHour': 'ICR par heure programmée',
  'simulate.figure.appointmentDelayDays.outpatient.p20': 'Délai de rendez-vous externes, P20 (j)',
  'simulate.figure.appointmentDelayDays.outpatient.p50':
    'Délai de rendez-vous externes, médiane (j)',
  'simulate.figure.appointmentDelayDays.outpatient.p80': 'Délai de rendez-vous externes, P80 (j)',
  'simulate.figure.appointmentDelayDays.inpatient.p20':
    'Délai de rendez-vous hospitalisés, P20 (j)',
  'simulate.figure.appointmentDelayDays.inpatient.p50':
    'Délai de rendez-vous hospitalisés, médiane (j)',
  'simulate.figure.appointmentDelayDays.inpatient.p80':
    'Délai de rendez-vous hospitalisés, P80 (j)',
  'simulate.figure.unscheduledWaitMinutes.p50': 'Attente des non programmés, médiane (min)',
  'simulate.figure.unscheduledWaitMinutes.p90': 'Attente des non programmés, P90 (min)',
  'simulate.figure.overtimeMinutesPerWeek': 'Dépassements (min par semaine)',
  'simulate.figure.idleMinutesPerWeek': 'Temps programmé inoccupé (min par semaine)',

  'cli.simulate.title': 'Simulation · campagne {id} — {name}',
  'cli.simulate.machines': 'Machines simulées ensemble : {ids} · site {site} · {modality}',
  'cli.simulate.run':
    'Réplications : {replications} · semaines mesurées : {weeks} · semaines de mise en route : {warmup} · graine : {seed}',
  'cli.simulate.engine': 'Moteur : {events} événements en {seconds} s, soit {rate} par seconde',
  'cli.simulate.statusQuo': 'Statu quo : la campagne rejouée par le modèle',
  'cli.simulate.reproduces':
    'Reproduit la campagne : oui (occupation et passages à 5 % près, délai médian à 20 % ou 1 jour près)',
  'cli.simulate.fails': 'Reproduit la campagne : non — {figures}',
  'cli.simulate.failing':
    '{figure} : observé {observed}, simulé {simulated}, tolérance {tolerance}',
  'cli.simulate.col.figure': 'Chiffre',
  'cli.simulate.col.observed': 'Observé',
  'cli.simulate.col.simulated': 'Simulé',
  'cli.simulate.col.interval': 'IC 95 %',
  'cli.simulate.col.check': 'Contrôle',
  'cli.simulate.col.statusQuo': 'Statu quo',
  'cli.simulate.col.scenario': 'Scénario',
  'cli.simulate.col.delta': 'Différence',
  'cli.simulate.col.deltaInterval': 'IC 95 % de la différence',
  'cli.simulate.check.ok': 'ok',
  'cli.simulate.check.fails': 'hors tolérance',
  'cli.simulate.usage.costNeedsScenario':
    '--hourly-staff-cost chiffre les scénarios : donnez-le avec --scenario FICHIER.json',
  'cli.simulate.usage.hourlyStaffCost':
    '--hourly-staff-cost prend des euros par heure de personnel, un nombre ≥ 0 (reçu {value})',
  'cli.simulate.cost.added':
    'Coût ajouté ({provenance}) : {added} par an = {staffHours} heures-machine programmées par semaine × {rate} € × 52{addedMachines}',
  'cli.simulate.cost.machines':
    ' + amortissement et maintenance des machines ajoutées ({list}, d’après leur ligne de costs.csv)',
  'cli.simulate.cost.ratios':
    'Par examen gagné ({provenance}) : {perExam} ({examsGained} examens par an) ; par jour de délai P50 externe gagné : {perDay} ({daysSaved} jours)',
  'cli.simulate.cost.unreliable': 'Indicatif : le statu quo ne reproduit pas la campagne.',
  'cli.simulate.cost.provenance.input': 'saisi',
  'cli.simulate.cost.provenance.illustrative': 'coûts ILLUSTRATIFS',
  'cli.simulate.cost.reason.not-significant': 'non significatif',
  'cli.simulate.cost.reason.no-gain': 'aucun gain',
  'cli.simulate.cost.reason.not-computable': 'non calculable',
  'cli.simulate.cost.reason.missing-hourly-cost': 'pas de coût horaire du personnel',
  'cli.simulate.cost.reason.invalid-added-cost': 'coût ajouté invalide',
  'cli.simulate.cost.reason.no-cost-row': 'pas de ligne costs.csv pour la machine copiée',
  'cli.simulate.scenario': 'Scénario : {name}',
  'cli.simulate.unreliable': 'Non fiable : le statu quo ne reproduit pas la campagne.',
  'cli.simulate.noScenario':
    'Aucun scénario : décrivez-en dans un fichier JSON donné avec --scenario.',
  'cli.simulate.legend':
    '* différence significative : son intervalle de confiance à 95 % exclut 0 (chaque scénario rejoue les mêmes tirages que le statu quo).',
  'cli.simulate.durations':
    'Durées prédites ({method}) : semaine tenue à l’écart du {from} au {to}, examens : {heldOutExams} ; erreur absolue moyenne du modèle {modelMae}, des durées réservées {bookedMae} (examens avec une durée réservée : {bookedExams}, modèle sur ces examens {modelOnBooked}) ; couverture du P80 : {coverage}.',
  'cli.simulate.durations.model':
    'Le modèle est plus proche des durées réelles que les durées réservées.',
  'cli.simulate.durations.booked':
    'Les durées réservées sont plus proches des durées réelles que le modèle.',
  'cli.simulate.durations.slots': 'Créneaux recommandés par famille d’actes : {slots}',
  'cli.simulate.nextAvailable':
    '3e prochain rendez-vous disponible, {machine} : médiane {median} (jours calculés : {computedDays}, créneau cherché : {slot})',
  'cli.simulate.nextAvailable.none':
    '3e prochain rendez-vous disponible, {machine} : non calculé sans données de créneaux (slots.csv)',
  'cli.simulate.notes': 'Remarques :',
  'cli.simulate.all.progress': 'simulation du statu quo de chaque machine',
  'cli.simulate.all.summary':
    'Machines qui reproduisent leur campagne : {reproduce} sur {checked} ({share}) · réplications : {replications} · graine : {seed}',
  'cli.simulate.all.failingTitle': 'Machines qui ne la reproduisent pas :',
  'cli.simulate.all.failingMachine': '{machine} ({site}, {modality}) : {figures}',
  'cli.simulate.all.stored':
    'Enregistré dans {store} : la page Qualité le montre jusqu’au prochain import qui change la campagne.',
  'cli.simulate.all.notStored':
    'Calculé depuis le kit {place} : rien n’est enregistré (importez le kit pour le voir sur la page Qualité).',
  'cli.simulate.usage.target':
    'dites quoi simuler : --machine ID, --site FINESS --modality CT|MR, ou --all',
  'cli.simulate.usage.oneTarget': 'choisissez un seul de --machine, --site et --all',
  'cli.simulate.usage.modality':
    '--modality va avec --site (les machines d’un site et d’une modalité, simulées ensemble)',
  'cli.simulate.usage.allOnly':
    '--all rejoue le statu quo de chaque machine seul : {option} ne s’y applique pas',
  'cli.simulate.unknownMachine': 'pas de machine « {id} » dans la campagne {campaign}{near}',
  'cli.simulate.near': ' ; proches : {ids}',
  'cli.simulate.noSiteMachines':
    'pas de machine {modality} sur le site {finess} dans la campagne {campaign}',
  'cli.simulate.mixedMachines':
    'les machines simulées ensemble doivent être d’un même site et d’une même modalité : {ids}',
  'cli.simulate.tooMany': 'au plus {max} machines simulées ensemble (demandées : {asked})',
  'cli.simulate.scenarioUnreadable':
    'impossible de lire le fichier de scénarios {place} : {reason}',
  'cli.simulate.scenarioRefused':
    'fichier de scénarios {place} refusé (erreurs : {errorCount}) : rien n’a été simulé. Le format est décrit dans docs/scenarios.md',
  'cli.simulate.held':
    '{holder} tient le magasin : --all y enregistre ses contrôles et ne peut pas l’ouvrir en même temps. Arrêtez-le ({stop}) puis relancez plateau simulate --all, ou gardez les données dans un serveur PostgreSQL (--database-url) ; rien n’a été simulé',

  'simulate.quality.title': 'Simulation : statu quo',
  'simulate.quality.lede':
    'Chaque machine est simulée sur sa propre campagne ; le modèle doit en retrouver l’occupation et les passages par semaine à 5 % près, et le délai de rendez-vous médian à 20 % ou 1 jour près. Les scénarios d’une machine qui ne reproduit pas sa campagne sont marqués non fiables.',
  'simulate.quality.summary':
    'Machines qui reproduisent leur campagne : {reproduce} sur {checked} ({share}).',
  'simulate.quality.computed':
    'Calculé le {date} · réplications : {replications} · graine : {seed}.',
  'simulate.quality.unchecked': 'Machines de la campagne sans contrôle : {unchecked}.',
  'simulate.quality.allReproduce': 'Toutes les machines contrôlées reproduisent leur campagne.',
  'simulate.quality.failingTitle': 'Machines qui ne reproduisent pas leur campagne',
  'simulate.quality.col.figure': 'Chiffre hors tolérance',
  'simulate.quality.col.observed': 'Observé',
  'simulate.quality.col.simulated': 'Simulé (moyenne)',
  'simulate.quality.col.tolerance': 'Tolérance',
  'simulate.quality.empty':
    'Le statu quo n’a pas encore été simulé pour cette campagne. Calculez-le avec la commande ci-dessous ; le résultat s’affiche ici jusqu’au prochain import qui change la campagne.',
} satisfies Record<string, string>;
