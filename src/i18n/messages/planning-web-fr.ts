/**
 * Mots des écrans de planification (issue 14) : onglets Coûts et Pertinence de l'établissement,
 * page « Nuits et téléradiologie » d'un territoire. Français, la référence (mêmes clés que
 * planning-web-en.ts) ; fr.ts les étale. Pas de compte dans ces phrases (les nombres sont formatés à part).
 */
export const planningWebMessagesFr = {
  'planning.web.provenance.label': 'Provenance',
  'planning.web.provenance.measured': 'mesuré',
  'planning.web.provenance.input': 'saisi',
  'planning.web.provenance.reference': 'référence',
  'planning.web.provenance.illustrative': 'illustratif',
  'planning.web.provenance.legend':
    'mesuré : tiré de la campagne ; saisi : le costs.csv du site ou vos réglages ; référence : un barème publié ; illustratif : ordre de grandeur de démonstration',
  'planning.web.withProvenance': '{label} ({provenance})',

  'planning.web.tab.costs': 'Coûts',
  'planning.web.tab.relevance': 'Pertinence',

  'planning.web.costs.title': 'Coûts par machine',
  'planning.web.costs.note':
    'Coût annuel (achat amorti, maintenance, personnel, consommables, frais généraux) divisé par l’activité mesurée pendant la campagne et ramenée à l’année.',
  'planning.web.costs.illustrative':
    'Jeu de coûts illustratif — des ordres de grandeur pour la démonstration, pas les coûts de ce site.',
  'planning.web.costs.input': 'Coûts saisis par le site (costs.csv de la campagne).',
  'planning.web.costs.inputFile': 'Coûts saisis par le site ({file}).',
  'planning.web.costs.sites': 'Totaux du site',
  'planning.web.costs.sitesNote':
    'Somme des machines qui ont des coûts ; les machines sans coûts sont laissées hors des totaux.',
  'planning.web.costs.without': 'Machines sans coûts, hors des totaux : {ids}',
  'planning.web.costs.tiers':
    'Paliers du forfait technique : {source}. Un forfait compté par examen : une approximation.',
  'planning.web.costs.emptyTitle': 'Pas de coûts pour cette campagne',
  'planning.web.costs.emptyBody':
    'Ajoutez un fichier costs.csv au dossier du kit (une ligne par machine, en euros par an, consommables par examen) et importez le kit à nouveau. Ses colonnes :',
  'planning.web.costs.emptyOrigin':
    'Colonne facultative origin : input (vos coûts, par défaut) ou illustrative (ordres de grandeur de démonstration).',
  'planning.web.costs.noMachine': 'Aucune machine de ce site n’a de coûts dans la campagne.',
  'planning.web.costs.col.machine': 'Machine',
  'planning.web.costs.col.modality': 'Modalité',
  'planning.web.costs.col.exams': 'Examens / an',
  'planning.web.costs.col.costPerYear': 'Coût / an (€)',
  'planning.web.costs.col.costPerOpeningHour': '€ / heure d’ouverture',
  'planning.web.costs.col.costPerExam': '€ / examen',
  'planning.web.costs.col.costPerIcr': '€ / point ICR',
  'planning.web.costs.col.ftTier': 'Palier FT',
  'planning.web.costs.col.examsToNextTier': 'Examens / an au palier suivant',
  'planning.web.costs.col.age': 'Âge (ans), amortissement',
  'planning.web.costs.col.amortisation': 'Amortissement',
  'planning.web.costs.col.machines': 'Machines',
  'planning.web.costs.col.site': 'Site',
  'planning.web.costs.tier': 'palier {tier}',
  'planning.web.costs.topTier': 'palier le plus haut',
  'planning.web.costs.amortising': 'en cours',
  'planning.web.costs.amortised': 'terminé',
  'planning.web.costs.ageUnknown': 'âge inconnu : achat amorti en entier',
  'planning.web.costs.reason.no-cost-row': 'pas de ligne dans costs.csv',
  'planning.web.costs.reason.no-exams': 'aucun examen mesuré',
  'planning.web.costs.reason.no-opening-hours': 'pas d’heures d’ouverture programmées',
  'planning.web.costs.reason.no-icr': 'aucun point ICR mesuré',
  'planning.web.costs.reason.no-campaign-days': 'campagne sans jours',
  'planning.web.costs.reasons': 'Cases vides : {list}',

  'planning.web.relevance.title': 'Part du scanner dans l’imagerie de la tête',
  'planning.web.relevance.note':
    'Examens de la famille « tête » (crâne, encéphale, face) sur scanner ÷ (scanner + IRM), tous, programmés (A, H, R) et urgences (U), face aux P20, P50 et P80 des sites pairs (ceux qui ont un scanner et une IRM).',
  'planning.web.relevance.scope.all': 'Tous les examens',
  'planning.web.relevance.scope.scheduled': 'Programmés (A, H, R)',
  'planning.web.relevance.scope.emergency': 'Urgences (U)',
  'planning.web.relevance.flagged':
    'À revoir au regard du Guide du bon usage des examens d’imagerie : la part du scanner est au P80 des pairs ou au-dessus. Une invitation à regarder, pas un verdict.',
  'planning.web.relevance.notFlagged': 'Sous le P80 des pairs : rien à revoir sur ce critère.',
  'planning.web.relevance.notPeer':
    'Ce site n’a pas à la fois un scanner et une IRM : sa part du scanner n’est pas comparée à celle des pairs.',
  'planning.web.relevance.noHead': 'Aucun examen de la tête pour ce site pendant la campagne.',
  'planning.web.relevance.flag.yes': 'à revoir (Guide du bon usage)',
  'planning.web.relevance.flag.no': '—',
  'planning.web.relevance.col.scope': 'Examens',
  'planning.web.relevance.col.headCt': 'Tête scanner',
  'planning.web.relevance.col.headMr': 'Tête IRM',
  'planning.web.relevance.col.share': 'Part scanner',
  'planning.web.relevance.col.peers': 'Sites pairs',
  'planning.web.relevance.col.rank': 'Rang centile',
  'planning.web.relevance.col.flag': 'À revoir',
  'planning.web.relevance.chart.site': 'Ce site',
  'planning.web.relevance.chart.axis': 'Part du scanner (tête)',
  'planning.web.relevance.chart.aria':
    'Part du scanner dans l’imagerie de la tête de ce site, tous examens, programmés et urgences, sur la bande P20–P80 des sites pairs.',
  'planning.web.relevance.quality.title': 'Examens répétés et qualité des données',
  'planning.web.relevance.quality.note':
    'Répété : un examen de la même famille d’actes, pour le même patient (clé patient chiffrée), sur la même modalité, dans les 30 jours qui suivent le précédent.',
  'planning.web.relevance.quality.figure': 'Indicateur',
  'planning.web.relevance.quality.value': 'Valeur',
  'planning.web.relevance.quality.repeats': 'Examens répétés',
  'planning.web.relevance.quality.needsKey':
    'il faut la colonne patient_key d’exams.csv (une clé patient chiffrée)',
  'planning.web.relevance.quality.withoutRequest': 'Examens sans heure de demande',
  'planning.web.relevance.quality.withoutBooked': 'Examens sans durée prévue',
  'planning.web.relevance.quality.exams': 'Examens de la campagne',
  'planning.web.relevance.notFound':
    'Ce site n’est pas dans le document de pertinence de la campagne.',
  'planning.web.relevance.note.repeats-need-patient-key':
    'Examens répétés : aucune clé patient dans la campagne (colonne patient_key d’exams.csv), la part est vide.',
  'planning.web.relevance.note.unknown-machine-exams':
    'Des examens sur des machines inconnues de la campagne sont laissés de côté ({count}).',
  'planning.web.relevance.note.sites-without-territory':
    'Des sites sans département reconnu ne sont comptés dans aucun territoire ({count}).',

  'planning.web.oncall.link': 'Nuits et téléradiologie',
  'planning.web.oncall.title': 'Nuits et téléradiologie — {place}',
  'planning.web.oncall.place.department': '{name} ({code})',
  'planning.web.oncall.place.region': 'région {name}',
  'planning.web.oncall.place.sites': 'sites choisis',
  'planning.web.oncall.intro':
    'La permanence des soins (PDS) : nuits du lundi au vendredi de 20 h à 8 h, week-ends et jours fériés. La demande est mesurée sur la campagne ; les quatre organisations disent combien de radiologues de garde il faut pour lire les examens dans le délai visé.',
  'planning.web.oncall.noTerritory':
    'Choisissez un département ou une région depuis la page d’un territoire.',
  'planning.web.oncall.noSite': 'Aucun site de la campagne dans ce territoire.',
  'planning.web.oncall.back': 'Retour au territoire',
  'planning.web.oncall.sitesSummary': 'Sites de la campagne dans le territoire : {count}',
  'planning.web.oncall.hours':
    'Heures de PDS par semaine : {night} de nuit (lun.–ven. 20 h–8 h), {weekend} de week-end et jours fériés.',
  'planning.web.oncall.map.title': 'Examens en heures de PDS par semaine',
  'planning.web.oncall.map.noteDepartment':
    'Le département, dans sa région ; examens de nuit et de week-end par semaine, mesurés.',
  'planning.web.oncall.map.noteRegion':
    'Les départements de la région, selon leurs examens de nuit et de week-end par semaine, mesurés.',
  'planning.web.oncall.map.series': 'Examens de PDS par semaine',
  'planning.web.oncall.map.aria':
    'Carte des départements selon leurs examens en heures de permanence des soins par semaine.',
  'planning.web.oncall.demand.title': 'Demande en heures de PDS',
  'planning.web.oncall.demand.note':
    'Examens qui se terminent en heures de PDS, par site et modalité, ramenés à la semaine et à l’année (mesurés).',
  'planning.web.oncall.demand.total': 'Total',
  'planning.web.oncall.col.site': 'Site',
  'planning.web.oncall.col.department': 'Dépt',
  'planning.web.oncall.col.modality': 'Modalité',
  'planning.web.oncall.col.night': 'Nuit / semaine',
  'planning.web.oncall.col.weekend': 'Week-end / semaine',
  'planning.web.oncall.col.perYear': 'Par an',
  'planning.web.oncall.col.campaign': 'Sur la campagne',
  'planning.web.oncall.pooling.title': 'Quatre organisations de la garde',
  'planning.web.oncall.pooling.note':
    'Lignes : radiologues de garde en même temps au plus fort ; chaque chiffre porte sa provenance (mesuré, saisi ou illustratif, la plus faible de ce qu’il utilise).',
  'planning.web.oncall.col.option': 'Organisation',
  'planning.web.oncall.col.lines': 'Lignes de garde',
  'planning.web.oncall.col.hoursPerWeek': 'Heures de garde / semaine',
  'planning.web.oncall.col.examsPerHour': 'Examens / heure de garde',
  'planning.web.oncall.col.share': 'Lus dans le délai',
  'planning.web.oncall.col.response': 'Réponse moyenne (min)',
  'planning.web.oncall.col.cost': 'Coût / semaine (€)',
  'planning.web.oncall.option.separate': 'Sites séparés',
  'planning.web.oncall.option.hub': 'Un centre unique',
  'planning.web.oncall.option.hub-night-sites-weekend': 'Centre la nuit + sites le week-end',
  'planning.web.oncall.option.sites-night-hub-weekend': 'Sites la nuit + centre le week-end',
  'planning.web.oncall.noRate': 'aucun (pas de coût)',
  'planning.web.oncall.noCost': 'sans tarif horaire',
  'planning.web.oncall.model':
    'Réglages : lecture scanner {ct} min, IRM {mr} min ({provenance}), durée {distribution} ; cible {share} lus en {minutes} min au plus ; tarif horaire {rate} ; jours fériés : {holidays}.',
  'planning.web.oncall.distribution.exponential': 'exponentielle',
  'planning.web.oncall.distribution.deterministic': 'fixe',
  'planning.web.oncall.noHolidayList': 'aucun',
  'planning.web.oncall.notes': 'Notes',
  'planning.web.oncall.note.illustrativeReading':
    'Les durées de lecture par défaut (scanner 15 min, IRM 20 min) sont illustratives, ni mesurées ni tirées d’une référence : donnez les vôtres ci-dessous.',
  'planning.web.oncall.note.stationary':
    'Chaque file est prise stationnaire au débit moyen de ses heures : les pics du soir ne sont pas modélisés.',
  'planning.web.oncall.note.noHolidays':
    'Aucun jour férié compté : donnez leurs dates ci-dessous (plateau n’a pas de table des jours fériés).',
  'planning.web.oncall.note.unreachable':
    'Pour au moins une file, aucun nombre de lignes jusqu’à {max} n’atteint la cible : les chiffres de l’organisation restent vides.',
  'planning.web.oncall.note.readingCeiling':
    'Lecture exponentielle : même sans attente, seuls {share} des examens {modality} sont lus en {targetMinutes} min (durée moyenne {minutes} min), moins que la cible. Prenez une durée fixe, un délai plus long ou une part plus basse.',
  'planning.web.oncall.note.noDemand':
    'Aucun examen en heures de PDS sur ces sites pendant la campagne.',
  'planning.web.oncall.form.title': 'Réglages de la garde',
  'planning.web.oncall.form.note':
    'Les réglages sont dans l’adresse de la page : un lien partagé montre les mêmes chiffres.',
  'planning.web.oncall.form.readingCT': 'Lecture scanner (min)',
  'planning.web.oncall.form.readingMR': 'Lecture IRM (min)',
  'planning.web.oncall.form.reading': 'Durée de lecture',
  'planning.web.oncall.form.fixed': 'fixe',
  'planning.web.oncall.form.exponential': 'exponentielle',
  'planning.web.oncall.form.targetMinutes': 'Délai visé (min)',
  'planning.web.oncall.form.targetShare': 'Part lue dans le délai (%)',
  'planning.web.oncall.form.hourlyRate': 'Tarif horaire de garde (€)',
  'planning.web.oncall.form.holidays': 'Jours fériés (AAAA-MM-JJ, séparés par des virgules)',
  'planning.web.oncall.form.apply': 'Recalculer',
  'planning.web.oncall.form.reset': 'Réglages par défaut',
  'planning.web.oncall.form.invalid': '« {value} » ne convient pas pour : {field}',
  'planning.web.oncall.error.badRequest': 'Le serveur refuse un réglage : {message}',
} satisfies Record<string, string>;
