/**
 * French words of the reports' planning sections (issue 14): the site fiche's "Coûts" and
 * "Pertinence", the regional synthesis's "Nuits et téléradiologie". Spread into the reference
 * dictionary (`fr.ts`); kept apart so that each feature adds its words on its own.
 */
export const planningFr = {
  'plan.prov.measured': 'mesuré',
  'plan.prov.input': 'saisi',
  'plan.prov.reference': 'référence',
  'plan.prov.illustrative': 'illustratif',
  'plan.badge.illustrative': 'Illustratif',
  'plan.provenance': 'Provenance',

  'plan.costs.title': 'Coûts',
  'plan.costs.origin.input':
    'Coûts saisis pour la campagne (costs.csv du kit, provenance : saisi), rapportés à l’activité mesurée sur la campagne (provenance : mesuré).',
  'plan.costs.origin.illustrative':
    'Ces coûts sont ILLUSTRATIFS : des ordres de grandeur de démonstration tirés au sort machine par machine, pas les coûts de l’établissement. Ne les citez pas ; donnez les vrais dans un costs.csv.',
  'plan.costs.method':
    'Coût annuel = achat ÷ années d’amortissement (tant que la machine est plus jeune que sa durée d’amortissement ; en entier si son année d’installation est inconnue) + maintenance + personnel + frais de structure + consommables × examens annualisés. Examens et points ICR annualisés : × 365 ÷ {days, plural, one {# jour} other {# jours}} de campagne ; heures d’ouverture : plages programmées par semaine × 52.',
  'plan.costs.machines.caption': 'Coûts par machine',
  'plan.costs.site.caption': 'Total du site, machines avec coûts seulement',
  'plan.costs.col.machine': 'Machine',
  'plan.costs.col.modality': 'Modalité',
  'plan.costs.col.machines': 'Machines avec coûts',
  'plan.costs.col.exams': 'Examens / an',
  'plan.costs.col.costPerYear': '€ / an',
  'plan.costs.col.costPerOpeningHour': '€ / heure d’ouverture',
  'plan.costs.col.costPerExam': '€ / examen',
  'plan.costs.col.costPerIcr': '€ / point ICR',
  'plan.costs.col.ftTier': 'Palier FT',
  'plan.costs.col.examsToNextTier': 'Examens / an jusqu’au palier suivant',
  'plan.costs.topTier': 'palier le plus haut',
  'plan.costs.without': 'Sans ligne de coûts, hors des totaux du site : {ids}.',
  'plan.costs.ageUnknown':
    'Année d’installation inconnue : l’achat est amorti en entier pour {ids}.',
  'plan.costs.amortised':
    'Achat déjà amorti (machine plus âgée que sa durée d’amortissement), non compté pour {ids}.',
  'plan.costs.reasons': 'Cases vides : {list}.',
  'plan.costs.reason.no-cost-row': 'pas de ligne de coûts',
  'plan.costs.reason.no-exams': 'aucun examen',
  'plan.costs.reason.no-opening-hours': 'aucune plage programmée',
  'plan.costs.reason.no-icr': 'aucun point ICR',
  'plan.costs.reason.no-campaign-days': 'campagne sans jours',
  'plan.costs.tiers':
    'Paliers du forfait technique (provenance : référence) : {source}. Scanner : palier 1 à partir de {ct1} forfaits par an, palier 2 à partir de {ct2} ; IRM : {mr1} et {mr2}. Palier 0 : sous le palier 1. Un forfait est compté par examen, une approximation.',

  'plan.rel.title': 'Pertinence',
  'plan.rel.neuro.title': 'Part du scanner dans l’imagerie de la tête',
  'plan.rel.intro':
    'Examens de la famille d’actes « tête » (crâne, encéphale, face) faits au scanner ÷ (scanner + IRM), mesurés sur la campagne : tous les examens, les programmés (A, H, R) et les urgences (U), face aux P20, médiane et P80 des sites pairs, les sites de la campagne qui ont un scanner et une IRM.',
  'plan.rel.scope.all': 'Tous les examens',
  'plan.rel.scope.scheduled': 'Programmés (A, H, R)',
  'plan.rel.scope.emergency': 'Urgences (U)',
  'plan.rel.col.scope': 'Examens',
  'plan.rel.col.headCt': 'Tête scanner',
  'plan.rel.col.headMr': 'Tête IRM',
  'plan.rel.col.share': 'Part scanner',
  'plan.rel.col.peers': 'Sites pairs',
  'plan.rel.col.rank': 'Rang centile',
  'plan.rel.col.flag': 'À revoir',
  'plan.rel.col.figure': 'Indicateur',
  'plan.rel.col.value': 'Valeur',
  'plan.rel.table.caption':
    'Part du scanner dans l’imagerie de la tête : le site et ses pairs (mesuré)',
  'plan.rel.chart.caption': 'Part du scanner (tête) du site sur la bande P20–P80 des sites pairs',
  'plan.rel.chart.source':
    'Bande : P20–P80 des sites pairs ; trait : médiane ; point : ce site. Mesuré sur la campagne.',
  'plan.rel.flag.yes': 'à revoir',
  'plan.rel.flag.no': 'non',
  'plan.rel.flagged':
    'À revoir au regard du Guide du bon usage des examens d’imagerie médicale : la part du scanner ({scopes}) est au P80 des sites pairs ou au-dessus. Une invitation à regarder, pas un verdict.',
  'plan.rel.notFlagged':
    'Sous le P80 des sites pairs dans les trois cas : rien à revoir au regard du Guide du bon usage sur ce critère.',
  'plan.rel.notPeer':
    'Ce site n’a pas à la fois un scanner et une IRM : sa part du scanner, une question d’équipement, n’est ni classée ni signalée.',
  'plan.rel.noHead': 'Aucun examen de la tête sur ce site pendant la campagne.',
  'plan.rel.notFound': 'Aucun examen de ce site dans la campagne : pas de chiffre de pertinence.',
  'plan.rel.quality.title': 'Examens répétés et qualité des données',
  'plan.rel.quality.caption': 'Examens répétés et qualité des données du site',
  'plan.rel.repeats':
    'Examens répétés (même patient, même modalité et famille d’actes, dans les 30 jours)',
  'plan.rel.repeats.none':
    'non calculé : les examens n’ont pas de clé patient (colonne patient_key d’exams.csv, une clé chiffrée)',
  'plan.rel.repeats.noKey': 'non calculé : aucun examen du site n’a de clé patient',
  'plan.rel.withoutRequest': 'Examens sans heure de demande',
  'plan.rel.withoutBooked': 'Examens sans durée prévue',
  'plan.rel.exams': 'Examens du site dans la campagne',
  'plan.rel.note.unknown-machine-exams':
    '{n, plural, one {# examen} other {# examens}} de la campagne sur des machines inconnues {n, plural, one {est laissé} other {sont laissés}} de côté.',

  'plan.oncall.title': 'Nuits et téléradiologie',
  'plan.oncall.intro':
    'La demande de permanence des soins (PDS) mesurée sur la campagne : les examens terminés la nuit (lundi–vendredi, 20 h–8 h) et le week-end, par semaine et par département, puis quatre façons d’organiser leur lecture par les radiologues de garde, calculées pour toute la région.',
  'plan.oncall.sites':
    '{n, plural, one {# site} other {# sites}} de la campagne dans la région {name} (code INSEE {code}).',
  'plan.oncall.current':
    'Chiffres de la région actuelle {current} (code INSEE {code}), qui contient {region} : la garde s’organise à cette échelle.',
  'plan.oncall.unknownRegion':
    'Pas de chiffres : la région {region} ne correspond à aucune région INSEE.',
  'plan.oncall.noSite': 'Pas de chiffres : aucun site de la campagne dans la région {name}.',
  'plan.oncall.hours':
    'Heures de PDS par semaine, comptées sur le calendrier de la campagne : {night} h de nuit, {weekend} h de week-end.',
  'plan.oncall.demand.caption': 'Examens en heures de PDS par semaine, par département (mesuré)',
  'plan.oncall.col.department': 'Département',
  'plan.oncall.col.sites': 'Sites',
  'plan.oncall.col.night': '{modality} nuit',
  'plan.oncall.col.weekend': '{modality} week-end',
  'plan.oncall.col.total': 'Total',
  'plan.oncall.region.row': 'Région',
  'plan.oncall.settings':
    'Réglages par défaut : durées de lecture scanner {ct} min et IRM {mr} min (illustratives), loi {distribution} ; cible : {share} des examens lus en {minutes} min au plus, de la fin de l’examen au compte rendu ; aucun jour férié ; aucun tarif horaire, donc aucun coût.',
  'plan.oncall.distribution.exponential': 'exponentielle',
  'plan.oncall.distribution.deterministic': 'fixe (simulée)',
  'plan.oncall.options.caption':
    'Organisations de la garde pour toute la région, lecture {distribution}',
  'plan.oncall.fixed':
    'Avec une lecture exponentielle, la cible est hors d’atteinte (voir les notes) : les mêmes réglages avec des durées de lecture fixes.',
  'plan.oncall.col.option': 'Organisation',
  'plan.oncall.col.lines': 'Lignes de garde',
  'plan.oncall.col.hours': 'Heures de garde / sem.',
  'plan.oncall.col.examsPerHour': 'Examens / heure de garde',
  'plan.oncall.col.share': 'Lus dans la cible',
  'plan.oncall.col.response': 'Réponse moyenne (min)',
  'plan.oncall.option.separate': 'Chaque site seul',
  'plan.oncall.option.hub': 'Un centre pour tous',
  'plan.oncall.option.hub-night-sites-weekend': 'Centre la nuit, sites le week-end',
  'plan.oncall.option.sites-night-hub-weekend': 'Sites la nuit, centre le week-end',
  'plan.oncall.provenance':
    'Provenance — demande : {demand} ; lignes, heures, parts et réponses : {figures} (elles dépendent des durées de lecture).',
  'plan.oncall.notes': 'Notes',
  'plan.oncall.note.illustrativeReading':
    'Les durées de lecture (scanner {ct} min, IRM {mr} min) sont ILLUSTRATIVES : des ordres de grandeur, ni mesurées ni tirées d’une référence, et les chiffres qui en dépendent le sont aussi. La page web « Nuits et téléradiologie » et la commande plateau oncall prennent les vôtres.',
  'plan.oncall.note.stationary':
    'Chaque file est prise stationnaire au débit moyen de ses heures : les pics du soir ne sont pas modélisés.',
  'plan.oncall.note.noHolidays':
    'Aucun jour férié compté : plateau n’a pas de table des jours fériés (ils se donnent sur la page web ou à plateau oncall --holidays).',
  'plan.oncall.note.unreachable':
    'Lecture {distribution} : pour au moins une file, aucun nombre de lignes jusqu’à {max} n’atteint la cible ; les chiffres de l’option sont vides.',
  'plan.oncall.note.readingCeiling':
    'Lecture exponentielle : même sans attente, seuls {share} des examens {modality} sont lus en {targetMinutes} min (durée moyenne {minutes} min), moins que la cible : aucune organisation ne l’atteint.',
  'plan.oncall.note.noDemand': 'Aucun examen en heures de PDS sur ces sites pendant la campagne.',
} as const;
