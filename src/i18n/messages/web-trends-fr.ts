/**
 * Mots des pages de tendances de l'application web (issue 16) : pages nation et région, onglets
 * Tendances de l'établissement et de la machine, « Depuis l'an dernier » en phrases, tableaux des
 * chiffres, des pistes suivies et des liens des machines. Étalé dans fr.ts ; web-trends-en.ts a
 * les mêmes clés.
 */
export const webTrendsMessagesFr = {
  'trends.web.link': 'Tendances',
  'trends.web.tab': 'Tendances',
  'trends.web.title.nation': 'Tendances nationales',
  'trends.web.title.region': 'Tendances — {region}',
  'trends.web.series': 'Campagnes suivies : {list}',
  'trends.web.single':
    'Une seule campagne est stockée jusqu’à celle-ci : aucune campagne antérieure à comparer pour l’instant.',
  'trends.web.modality': 'Modalité',
  'trends.web.back.region': 'Retour à la région',
  'trends.web.back.campaign': 'Retour à la campagne',

  'trends.web.since.title': 'Depuis l’an dernier',
  'trends.web.since.note':
    'Les changements notables entre {from} et {to}, les plus marquants d’abord.',
  'trends.web.since.none': 'Aucun changement notable entre {from} et {to}.',
  'trends.web.since.more':
    '{n, plural, one {Voir l’autre changement} other {Voir les # autres changements}}',

  'trends.web.change.machine-added': '{machine} ({site}) : nouvelle machine',
  'trends.web.change.machine-removed': '{machine} ({site}) : machine retirée',
  'trends.web.change.machine-replaced': '{machine} ({site}) remplace {previous}',
  'trends.web.change.machine-renamed': '{previous} est désormais {machine} ({site})',
  'trends.web.change.site-added': '{site} : nouvel établissement',
  'trends.web.change.site-removed': '{site} : établissement absent',
  'trends.web.change.figure': '{subject}{figure} : {before} → {after}',
  'trends.web.change.figureRank':
    '{subject}{figure} : {before} → {after} (rang {rankBefore} → {rankAfter})',
  'trends.web.change.lead': '{subject}{lead} : {verdict} ({before} → {after})',
  'trends.web.change.groupFigure': '{modality} (médiane) — ',

  'trends.web.verdict.acted': 'piste mise en œuvre',
  'trends.web.verdict.partly': 'en partie mise en œuvre',
  'trends.web.verdict.unchanged': 'inchangée',
  'trends.web.verdict.worse': 'aggravée',
  'trends.web.verdict.no-lead': 'pas de piste',
  'trends.web.verdict.new-lead': 'nouvelle piste',
  'trends.web.verdict.unknown': 'inconnu',

  'trends.web.link.same-id': 'même identifiant',
  'trends.web.link.mapped': 'relié (identifiant précédent)',
  'trends.web.link.absent': 'absente',
  'trends.web.origin.raw': 'données brutes',
  'trends.web.origin.bundle': 'bundle d’agrégats',

  'trends.web.multiples.title': 'Chiffres campagne par campagne',
  'trends.web.multiples.note':
    'Un petit graphique par chiffre : la valeur (trait plein), la bande P20–P80 des pairs de même modalité et leur médiane (tirets).',
  'trends.web.multiples.groupNote':
    'Un petit graphique par chiffre : la médiane du groupe (trait plein) et sa bande P20–P80.',
  'trends.web.multiples.regionNote':
    'Un petit graphique par chiffre : la médiane de la région (trait plein) et sa bande P20–P80, la médiane nationale en tirets.',
  'trends.web.table.figures': 'Chiffres par campagne',
  'trends.web.table.groups': 'Machines, établissements et examens par campagne',
  'trends.web.table.years': 'L’établissement campagne par campagne',
  'trends.web.leads.title': 'Pistes d’amélioration suivies',
  'trends.web.leads.note':
    'Chaque piste d’une campagne comparée à la suivante, en heures par semaine libérables : mise en œuvre (≤ 50 % d’avant), en partie (≤ 80 %), inchangée, aggravée (> 120 %).',
  'trends.web.leads.none': 'Aucune piste à suivre : la machine n’est que dans une campagne.',
  'trends.web.links.title': 'La machine d’une campagne à l’autre',
  'trends.web.links.note':
    'Comment la machine est retrouvée dans chaque campagne : même identifiant, ou reliée par l’identifiant précédent déclaré (machine remplacée ou renommée).',
  'trends.web.machines.title': 'Les machines d’une campagne à l’autre',
  'trends.web.machine.gone': 'Machine absente de la dernière campagne',
  'trends.web.machine.open': 'Ouvrir les tendances de la machine',
  'trends.web.machine.details': 'Ses chiffres campagne par campagne et ses liens',

  'trends.web.col.figure': 'Chiffre',
  'trends.web.col.unit': 'Unité',
  'trends.web.col.value': '{campaign}',
  'trends.web.col.rank': 'Rang {campaign}',
  'trends.web.col.p20': 'P20 {campaign}',
  'trends.web.col.p80': 'P80 {campaign}',
  'trends.web.col.band': '{campaign} (P20–P80)',
  'trends.web.col.campaign': 'Campagne',
  'trends.web.col.machine': 'Machine',
  'trends.web.col.lead': 'Piste',
  'trends.web.col.period': 'Campagnes',
  'trends.web.col.before': 'Avant (h/sem)',
  'trends.web.col.after': 'Après (h/sem)',
  'trends.web.col.verdict': 'Verdict',
  'trends.web.col.equipmentId': 'Identifiant',
  'trends.web.col.link': 'Lien',
  'trends.web.col.label': 'Libellé',
  'trends.web.col.installed': 'Installée en',
  'trends.web.col.origin': 'Origine',
  'trends.web.col.present': 'Présent',
  'trends.web.col.machines': 'Machines',
  'trends.web.col.sites': 'Établissements',
  'trends.web.col.bundleSites': 'dont bundles',
  'trends.web.col.exams': 'Examens',
  'trends.web.col.ct': 'Scanners',
  'trends.web.col.mr': 'IRM',
  'trends.web.col.programmedOpening': 'Ouverture programmée (h/sem)',
  'trends.web.col.totalOpening': 'Ouverture totale (h/sem)',
  'trends.web.yes': 'oui',
  'trends.web.no': 'non',
} satisfies Record<string, string>;
