/**
 * French words of the reports' trends (issue 16): the site fiche's "Tendances" chapter and
 * machine sub-sections, and the syntheses' chapter over the campaigns. Spread into `fr.ts`; the
 * sentences of the changes and the verdicts are the app's (`trends.web.*` of src/i18n).
 */
export const trendsFr = {
  'trends.site.title': 'Tendances d’une campagne à l’autre',
  'trends.site.intro':
    'L’établissement et ses machines sont suivis sur les campagnes stockées jusqu’à celle-ci : même FINESS, même identifiant de machine ou identifiant précédent déclaré (machine remplacée ou renommée). Chaque machine a sa sous-section « Tendances ».',
  'trends.site.years': 'L’établissement campagne par campagne',
  'trends.site.events': 'Machines et établissement depuis l’an dernier ({from} → {to})',
  'trends.site.noEvents':
    'Aucune machine ajoutée, retirée, remplacée ni renommée entre {from} et {to}.',
  'trends.machine.title': 'Tendances',
  'trends.machine.multiples':
    '{machine} campagne par campagne : la valeur (trait plein, points), la bande P20–P80 des pairs de même modalité et leur médiane (tirets). Un trou : machine absente ou chiffre non calculable cette campagne-là.',
  'trends.machine.links': 'La machine d’une campagne à l’autre',
  'trends.machine.leads': 'Pistes d’amélioration suivies (heures par semaine libérables)',
  'trends.machine.leadsNone': 'Aucune piste à suivre entre les campagnes de cette machine.',
  'trends.machine.since': 'Depuis l’an dernier ({from} → {to})',
  'trends.machine.onlyOne':
    'La machine n’est que dans la dernière campagne : rien à comparer encore.',
  'trends.lead.lateStart': 'Démarrage tardif (heures libérables)',
  'trends.synthesis.title': 'Tendances d’une campagne à l’autre',
  'trends.synthesis.intro.national':
    'Les machines de chaque modalité sur les campagnes stockées jusqu’à celle-ci : pour chaque chiffre, la médiane et la bande P20–P80 de toutes les machines de la campagne.',
  'trends.synthesis.intro.region':
    'Les machines de la région sur les campagnes stockées jusqu’à celle-ci : pour chaque chiffre, la médiane et la bande P20–P80 des machines de la région, et la médiane nationale de la même campagne.',
  'trends.synthesis.groups': 'Machines, établissements et examens par campagne',
  'trends.synthesis.multiples.national':
    '{modality} : médiane de toutes les machines (trait plein) et bande P20–P80, campagne par campagne.',
  'trends.synthesis.multiples.region':
    '{modality} : médiane des machines de la région (trait plein) et bande P20–P80, médiane nationale en tirets, campagne par campagne.',
  'trends.synthesis.table': '{modality} : médiane [P20 – P80] par campagne',
  'trends.synthesis.nation': 'P50 nat. {campaign}',
  'trends.synthesis.events': 'Depuis l’an dernier ({from} → {to}) : {list}.',
  'trends.synthesis.noEvents':
    'Depuis l’an dernier ({from} → {to}) : aucune machine ni aucun établissement ajouté ou retiré.',
  'trends.synthesis.count.machine-added':
    '{n, plural, one {# machine ajoutée} other {# machines ajoutées}}',
  'trends.synthesis.count.machine-removed':
    '{n, plural, one {# machine retirée} other {# machines retirées}}',
  'trends.synthesis.count.machine-replaced':
    '{n, plural, one {# machine remplacée} other {# machines remplacées}}',
  'trends.synthesis.count.machine-renamed':
    '{n, plural, one {# machine renommée} other {# machines renommées}}',
  'trends.synthesis.count.site-added':
    '{n, plural, one {# établissement ajouté} other {# établissements ajoutés}}',
  'trends.synthesis.count.site-removed':
    '{n, plural, one {# établissement retiré} other {# établissements retirés}}',
  'trends.synthesis.bundles':
    '{n, plural, one {# établissement a transmis} other {# établissements ont transmis}} un paquet signé d’agrégats plutôt que ses données brutes dans la dernière campagne ; {n, plural, one {il est compté} other {ils sont comptés}} dans les médianes et les bandes comme les autres.',
  'trends.synthesis.moves': 'Mouvements notables des médianes',
  'trends.synthesis.movesNone': 'Aucun mouvement notable des médianes entre {from} et {to}.',
} as const;
