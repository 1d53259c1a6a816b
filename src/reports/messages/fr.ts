/**
 * French wording of the printed reports (the reference dictionary: its keys are the
 * `ReportMessageKey`s English must give). Same syntax as `src/i18n`: `{name}` parameters and
 * `{n, plural, one {…} other {…}}`; values are formatted by i18n's formatters before they get
 * here. Words follow the 2010 ANAP report (plages, taux d’occupation, pistes d’amélioration).
 */
import { planningFr } from './planning-fr.ts';
import { bundlesFr } from './bundles-fr.ts';
import { trendsFr } from './trends-fr.ts';
import { whatWouldChangeFr } from './what-would-change-fr.ts';

export const fr = {
  'doc.toc': 'Sommaire',
  'doc.page': 'page',
  'doc.pageOf': 'sur',
  'doc.brand': 'plateau — benchmark des plateaux d’imagerie (méthode ANAP)',
  'doc.period': 'du {start} au {end} ({days, plural, one {# jour} other {# jours}})',

  'common.yes': 'oui',
  'common.no': 'non',

  'col.case': 'Cas clinique',
  'col.category': 'Catégorie de patient',
  'col.delay': 'Délai',
  'col.department': 'Département',
  'col.exams': 'Examens',
  'col.examsPerWeek': 'Examens/sem',
  'col.examsTimed': 'Examens ≥ 3 min',
  'col.extended': 'Élargie',
  'col.figure': 'Indicateur',
  'col.finess': 'FINESS',
  'col.hoursPerWeek': 'h/sem',
  'col.lead': 'Piste',
  'col.legalStatus': 'Statut juridique',
  'col.machine': 'Machine',
  'col.machineRange': 'Machine : médiane (P20 – P80)',
  'col.median': 'Médiane',
  'col.modality': 'Modalité',
  'col.n': 'n',
  'col.name': 'Établissement',
  'col.night': 'Activité de nuit',
  'col.occupancy': 'Taux d’occupation',
  'col.onCall': 'PDS et urgences',
  'col.passagesPerWeek': 'Passages/sem',
  'col.peerExamsRange': 'Pairs, examens : médiane (P20 – P80)',
  'col.peerMediansRange': 'Pairs, médianes des machines : médiane (P20 – P80)',
  'col.peers': 'Pairs',
  'col.programmed': 'Programmée',
  'col.programmedOpening': 'Ouverture programmée',
  'col.programmedPlusEmergency': 'Programmé + urgences',
  'col.rank': 'Rang',
  'col.region': 'Région',
  'col.siteAnswer': 'Réponse de l’établissement',
  'col.thisMachine': 'Cette machine',
  'col.total': 'Totale',
  'col.typology': 'Typologie',
  'col.value': 'Valeur',

  'site.title': 'Fiche établissement — {name}',
  'site.subtitle': 'FINESS {finess} · {region} · {panel}',
  'site.peerMedian': 'médiane des pairs : {value}',
  'site.series.thisMachine': 'Cette machine',
  'site.series.thisSite': 'Cet établissement',
  'site.series.peerExams': 'Pairs (examens)',
  'site.series.peerMedians': 'Pairs (médianes des machines)',
  'site.series.region': 'Région {region}',
  'site.series.campaign': 'Ensemble de la campagne',

  'site.identity.title': 'L’établissement et ses équipements',
  'site.identity.machines': 'Équipements',
  'site.identity.noMachine': 'aucun équipement dans la campagne',
  'site.identity.campaign': 'Campagne',
  'site.identity.period': 'Période',
  'site.identity.exams': 'Examens enregistrés',
  'site.identity.peers': 'Machines comparées à',
  'site.identity.panel': 'Les équipements de l’établissement',

  'site.openings.title': 'Ouverture sur les 168 heures de la semaine',
  'site.openings.intro':
    'Heures par semaine d’ouverture de chaque machine, en trois classes de plages : programmées (vacations publiques, libérales, privées, PH hors imagerie), étendues (s’y ajoutent urgences, reconditionnement, pannes, recherche) et totales (s’y ajoutent permanence des soins, maintenance et contrôle qualité).',
  'site.openings.caption':
    'Ouverture hebdomadaire des machines de l’établissement, en heures sur 168',
  'site.openings.table': 'Heures d’ouverture par semaine, et médiane des pairs',
  'site.openings.peerMedian': 'médiane des pairs',

  'site.survey.title': 'Délais de rendez-vous : enquête par cas cliniques',
  'site.survey.intro':
    'Premier rendez-vous proposé pour chaque cas clinique de l’enquête (en jours), tel que l’établissement l’a déclaré, face aux réponses des établissements de sa région et de toute la campagne.',
  'site.survey.caption':
    'Délais de rendez-vous déclarés — {modality} : l’établissement, sa région et la campagne',
  'site.survey.table': 'Enquête de délais — {modality}, en jours : médiane (P20 – P80)',
  'site.survey.none': 'L’établissement n’a pas répondu à l’enquête de délais de rendez-vous.',
  'site.survey.reading':
    'Lecture : pour la région et la campagne, la médiane des réponses puis, entre parenthèses, le 20ᵉ et le 80ᵉ centile. {missing} : aucune réponse.',

  'site.machine.title': '{machine} — {modality}',
  'site.machine.peers': 'Pairs',
  'site.machine.peersText': '{n, plural, one {# machine} other {# machines}} : {scope}',
  'site.machine.exams': 'Activité',
  'site.machine.examsText': '{n} examens, soit {perWeek} passages par semaine',
  'site.machine.emergencyShare': 'Part des patients du SU',
  'site.machine.included': 'Retenue pour le taux d’occupation',

  'site.position.title': 'Position parmi les pairs',
  'site.position.caption':
    'Position de {machine} parmi ses pairs : bande du 20ᵉ au 80ᵉ centile, trait à la médiane',
  'site.position.table':
    'Valeurs de la machine et de ses pairs ({n, plural, one {# machine} other {# machines}} au plus)',
  'site.position.excluded':
    'Cette machine ne satisfait pas la règle des 95 % / 15 % : elle n’a pas de rang pour le taux d’occupation ni pour l’ICR par heure.',

  'site.durations.title': 'Durées d’examen par catégorie de patient',
  'site.durations.caption':
    'Durées d’examen de {machine} et de ses pairs, par catégorie de patient (P20 – P80 et médiane)',
  'site.durations.none': 'Aucun examen de 3 minutes ou plus : pas de durée à comparer.',
  'site.durations.reading':
    'Durée = sortie de salle − entrée en salle, sur les examens de 3 minutes ou plus. La bande va du 20ᵉ au 80ᵉ centile, le trait marque la médiane.',

  'site.delays.title': 'Délais',
  'site.delays.reportTitle': 'Délais de compte rendu par type de patient',
  'site.delays.reportCaption':
    'Délais de compte rendu de {machine} et de ses pairs (échelle logarithmique)',
  'site.delays.table': 'Délais réalisés : médiane (P20 – P80)',
  'site.delays.reportRow': 'Compte rendu, {patient}',
  'site.delays.appointmentRow': 'Rendez-vous réalisé, {patient}',
  'site.delays.none':
    'Aucun délai de compte rendu ni de rendez-vous n’est renseigné pour cette machine.',
  'site.delays.reading':
    'Délai de compte rendu = validation du compte rendu − sortie de salle. Délai de rendez-vous réalisé = jours calendaires entre la demande et l’examen, pour les patients ambulatoires et hospitalisés.',

  'site.night.title': 'Nuit et permanence des soins',
  'site.night.evening': 'Examens en soirée (20 h – 24 h), sur la campagne',
  'site.night.deepNight': 'Examens en nuit profonde (0 h – 7 h), sur la campagne',
  'site.night.perWeekdayNight': 'Examens par nuit de semaine (moyenne)',
  'site.night.perWeek': 'Examens de nuit par semaine',
  'site.night.level': 'Activité de nuit',
  'site.night.peerShares': 'forte : {strong} des pairs ; faible : {low}',
  'site.night.onCallHours': 'Plages de PDS et d’urgence par semaine',
  'site.night.significantOnCall': 'PDS significative (plus de 90 h/sem)',
  'site.night.peerOnCall': '{share} des pairs',
  'site.night.reading':
    'Nuit forte : au moins 10 patients par nuit de semaine en moyenne ; faible : au plus 5 patients de nuit par semaine.',

  'site.leads.title': 'Pistes d’amélioration',
  'site.leads.intro':
    'Temps perdu dans les vacations programmées, classé par les heures par semaine qu’il libérerait, et traduit en examens par semaine à la durée médiane d’examen de la machine.',
  'site.leads.table':
    'Pistes d’amélioration de {machine}, de la plus importante à la moins importante',
  'site.leads.caption':
    'Heures par semaine en jeu pour chaque piste de {machine}, et examens par semaine équivalents',
  'site.leads.aria': 'Barres des heures par semaine en jeu pour chaque piste d’amélioration.',
  'site.leads.axis': 'Heures par semaine',
  'site.leads.examsShort': '{n} examens/sem',
  'site.leads.basisPooled':
    'Examens par semaine = heures par semaine × 60 / {minutes}, la durée médiane des examens de 3 minutes ou plus de la machine.',
  'site.leads.basisCategories':
    'Examens par semaine = heures par semaine × 60 / {minutes}, la médiane des durées médianes par catégorie de la machine, pondérée par leur nombre d’examens.',
  'site.leads.noDuration':
    'La machine n’a aucun examen de 3 minutes ou plus : les pistes ne sont pas traduites en examens.',
  'site.leads.none':
    'Aucune piste mesurable : aucune vacation programmée de la machine ne contient d’examen.',
  'site.leads.caveat':
    'Ces heures sont un potentiel, non un objectif : un démarrage tardif peut tenir à la préparation des patients, un temps inter-examens au bionettoyage. Elles désignent où regarder en premier.',

  'site.quality.title': 'Qualité des données',
  'site.quality.short':
    '{n, plural, one {# examen de moins de 3 minutes} other {# examens de moins de 3 minutes}} ({share} des examens) : comptés dans les passages et l’ICR, écartés des durées, de l’occupation et des pistes.',
  'site.quality.overlapping':
    '{n, plural, one {# examen commencé} other {# examens commencés}} avant la sortie du patient précédent ({share}) : un doute sur les heures de salle.',
  'site.quality.outside':
    '{n, plural, one {# examen} other {# examens}} hors de toute vacation ({share}) : vérifier que toutes les vacations ont été déclarées.',
  'site.quality.unknownActs':
    '{n, plural, one {# examen non valorisé} other {# examens non valorisés}} ; actes absents de la table des actes : {acts}.',
  'site.quality.included':
    'Machine retenue pour le taux d’occupation et l’ICR par heure : {share} de son temps programmé est dans des vacations occupées à plus de 15 % (95 % requis).',
  'site.quality.excluded':
    'Machine écartée des distributions d’occupation et d’ICR par heure : {reason}.',
  'site.quality.clean': 'Aucun point à vérifier sur les {n} examens de la machine.',

  'site.method.title': 'Méthode',
  'site.method.intro':
    'Les définitions sont celles du benchmark scanner et IRM de l’ANAP (campagne 2010), précisées là où le rapport était ambigu.',
  'site.method.openings': 'Ouvertures',
  'site.method.openingsText':
    'Longueur de l’union des plages d’une classe, divisée par le nombre de semaines de la campagne (jamais plus de 168 h). Programmées : {programmed}. Étendues : les programmées et {extended}. Totales : les étendues et {total}.',
  'site.method.occupancy': 'Taux d’occupation',
  'site.method.occupancyText':
    'Temps de présence des patients en salle (examens de 3 minutes ou plus) dans les plages programmées, divisé par le temps d’ouverture programmé ; de même avec les plages programmées et d’urgence.',
  'site.method.inclusion': 'Règle des 95 % / 15 %',
  'site.method.inclusionText':
    'Une machine entre dans les distributions d’occupation et d’ICR par heure quand les vacations programmées occupées à plus de 15 % représentent au moins 95 % de son temps programmé.',
  'site.method.icr': 'ICR par heure',
  'site.method.icrText':
    'Somme des ICR (indice de coût relatif) des examens commençant dans une plage programmée, divisée par les heures d’ouverture programmée.',
  'site.method.passages': 'Passages',
  'site.method.passagesText': 'Nombre d’examens divisé par le nombre de semaines de la campagne.',
  'site.method.durations': 'Durées',
  'site.method.durationsText':
    'Sortie de salle − entrée en salle ; les examens de moins de 3 minutes sont comptés mais écartés des durées et de l’occupation.',
  'site.method.delays': 'Délais',
  'site.method.delaysText':
    'Compte rendu : validation − sortie de salle, par type de patient. Rendez-vous réalisé : jours entre la demande et l’examen. Enquête : premier rendez-vous proposé pour des cas cliniques types.',
  'site.method.night': 'Nuit et PDS',
  'site.method.nightText':
    'Soirée : entrée en salle entre 20 h et 24 h ; nuit profonde : entre 0 h et 7 h. PDS significative : plus de 90 heures par semaine de plages de permanence des soins et d’urgence.',
  'site.method.leads': 'Pistes',
  'site.method.leadsText':
    'Par vacation programmée : démarrage tardif (premier patient entré − début), fin précoce (fin − dernier patient sorti), temps inter-examens (entrée − sortie du précédent) ; par examen : durée réelle − durée programmée. Heures par semaine = somme des valeurs positives / semaines.',
  'site.method.percentiles': 'Centiles',
  'site.method.percentilesText':
    'P20, médiane et P80 par interpolation linéaire entre rangs (type 7 de Hyndman et Fan). Le rang d’une machine est la part de ses pairs en dessous d’elle, les ex æquo comptant pour moitié.',
  'site.method.peers': 'Pairs',
  'site.method.peersText': 'Chaque machine est comparée à {scope}.',
  'site.method.source':
    'Calculé par plateau à partir des données de la campagne ; aucune valeur n’est estimée ni complétée.',
  ...whatWouldChangeFr,
  ...planningFr,
  ...bundlesFr,
  ...trendsFr,
} as const;

/** A message of the reports' dictionaries. */
export type ReportMessageKey = keyof typeof fr;
