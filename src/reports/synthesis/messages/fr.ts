/**
 * The synthesis in French, in the 2010 ANAP report's words (plages programmées, taux
 * d'occupation, ICR par heure, permanence des soins). The reference dictionary: its keys are the
 * keys the English one must give. `{name}` marks a parameter, `{n, plural, one {…} other {…}}`
 * a count (syntax of `src/i18n/message-format.ts`).
 */
import { bundlesFr } from './bundles-fr.ts';

export const fr = {
  'doc.title.national': 'Synthèse nationale',
  'doc.title.region': 'Synthèse régionale — {region}',
  'doc.subtitle':
    '{establishments, plural, one {# établissement} other {# établissements}}, {regions, plural, one {# région} other {# régions}}, {ct, plural, one {# scanner} other {# scanners}} et {mr} IRM, {exams, plural, one {# examen} other {# examens}}',

  'col.figure': 'Indicateur',
  'col.percentile': 'Repère',
  'col.campaign': 'Campagne',
  'col.region': 'Région',
  'col.national': 'National',
  'col.published': '2010 publié',
  'col.gap': 'Écart à 2010',
  'col.legalStatus': 'Statut juridique',
  'col.establishments': 'Établissements',
  'col.establishments2010': 'Établissements 2010',
  'col.ct': 'Scanners',
  'col.mr': 'IRM',
  'col.exams': 'Examens',
  'col.region.name': 'Région',
  'col.department': 'Département',
  'col.case': 'Cas clinique',
  'col.patient': 'Patient',
  'col.answers': 'Réponses',
  'col.p20': 'P20',
  'col.p50': 'Médiane',
  'col.p80': 'P80',
  'col.share': 'Part des machines',
  'col.machine': 'Machine',
  'col.establishment': 'Établissement',
  'col.modality': 'Modalité',
  'col.reason': 'Motif',
  'col.count': 'Nombre',
  'col.typology': 'Typologie',
  'col.machines': 'Machines',
  total: 'Total',
  unknownDepartment: 'non renseigné',

  'pct.p20': '20 % ont moins de',
  'pct.p50': 'Médiane',
  'pct.p80': '20 % ont plus de',
  'n.machines': '{n, plural, one {# machine} other {# machines}}',
  'n.answers': '{n, plural, one {# réponse} other {# réponses}}',
  'n.exams': '{n, plural, one {# examen} other {# examens}}',
  figure: 'Figure {n} : {title}',
  'figure.report': '{title} (figure {ref} du rapport 2010)',
  'table.caption': 'Tableau {n} : {title}',
  noMachines: 'Aucune machine de cette modalité dans le périmètre.',
  noSamples:
    'Les échantillons par examen ne sont pas enregistrés pour toutes les machines de ce périmètre : les distributions par examen ne peuvent pas être calculées.',
  noData: 'Pas de données pour cet indicateur dans le périmètre.',
  'reading.gap':
    'Écart à 2010 : (valeur de la campagne − valeur publiée en 2010) ÷ valeur publiée. « — » : la valeur n’a pas été publiée en 2010.',
  'reading.region':
    'La colonne « National » donne la valeur de l’ensemble de la campagne, pour situer la région.',

  'figures.appointment': 'Répartition des délais de rendez-vous, {modality}',
  'figures.casesOutpatient':
    'Délai de rendez-vous au plus tôt pour des patients ambulatoires, par cas clinique et par site, {modality}',
  'figures.casesInpatient':
    'Délai de rendez-vous au plus tôt pour des patients hospitalisés, par cas clinique et par site, {modality}',
  'figures.reportDelay':
    'Répartition des délais de mise à disposition des comptes rendus, {modality}',
  'figures.openings': 'Répartition de l’ouverture des machines, {modality}',
  'figures.volume': 'Répartition des passages par semaine, {modality}',
  'figures.durations':
    'Répartition des durées d’examens (en minutes) par catégorie de patients, {modality}',
  'figures.bubbleProgrammed':
    'Taux d’occupation en fonction du temps d’ouverture au programmé, production d’ICR par heure (taille) et part des patients du SU (couleur), {modality}',
  'figures.bubbleEmergency':
    'Taux d’occupation en fonction du temps d’ouverture au programmé + vacations d’urgence, production d’ICR par heure (taille) et part des patients du SU (couleur), {modality}',
  'figures.shares': 'Permanence des soins et activité de nuit : part des machines, {modality}',
  'figures.nightPerWeek': 'Répartition des passages de nuit (20 h – 7 h) par semaine, {modality}',
  'figures.onCall':
    'Répartition des plages de permanence des soins et d’urgence par semaine, {modality}',
  'figures.source.cases':
    'En abscisse les sites, triés par délai moyen ; en ordonnée le délai en jours ; une forme par cas clinique.',
  'figures.source.bubble':
    'Une bulle par machine retenue par la règle d’inclusion ; lignes pointillées : médianes du périmètre.',
  'figures.source.ranges':
    'Barres : du P20 au P80, trait : médiane ; losanges gris : P20, médiane et P80 publiés en 2010.',
  'figures.source.histogram':
    'Barres : nombre de machines ; bande : P20 à P80 ; trait plein : médiane ; pointillé gris : médiane publiée en 2010.',
  'figures.source.histogramOnly':
    'Barres : nombre de machines ; bande : P20 à P80 ; trait plein : médiane (valeur non publiée en 2010).',
  'figures.source.openings':
    'Une barre par machine, triée par ouverture élargie : plages programmées, puis ce qu’ajoutent l’ouverture élargie et l’ouverture totale, sur 168 heures.',
  'figures.source.shares':
    'Barres : part des machines du périmètre ; gris : valeur publiée en 2010.',

  'tables.appointment': 'Délais de rendez-vous (enquête par cas cliniques), {modality}',
  'tables.realized': 'Délais de rendez-vous réalisés (de la demande à l’examen), {modality}',
  'tables.cases': 'Délais de rendez-vous par cas clinique (jours), {modality}',
  'tables.reportDelay': 'Délais de compte rendu par type de patient, tous examens, {modality}',
  'tables.reportDelayMedian': 'Délais de compte rendu : médianes par machine, {modality}',
  'tables.openings': 'Ouvertures hebdomadaires, {modality}',
  'tables.volume': 'Volume d’activité, {modality}',
  'tables.durations': 'Durées d’examen par catégorie de patients, tous examens, {modality}',
  'tables.durationMedians': 'Durées d’examen : médianes par machine, {modality}',
  'tables.occupancy':
    'Temps d’ouverture au programmé, taux d’occupation et ICR par heure, {modality}',
  'tables.occupancyEmergency':
    'Ouverture et taux d’occupation sur les vacations programmées + urgences, {modality}',
  'tables.night': 'Activité de nuit et permanence des soins : répartitions, {modality}',
  'tables.shares': 'Activité de nuit et permanence des soins : part des machines, {modality}',
  'tables.typology': 'Typologie des machines, {modality}',
  'tables.panel': 'Établissements et machines par statut juridique',
  'tables.regions': 'Établissements, machines et examens par région',
  'tables.departments': 'Établissements, machines et examens par département',
  'tables.keyFigures': 'Chiffres clés : médianes par modalité',
  'tables.quality': 'Qualité des données de la campagne',
  'tables.excluded': 'Machines écartées des taux d’occupation et de l’ICR par heure',

  'row.appointmentOutpatient': 'Patient ambulatoire',
  'row.appointmentInpatient': 'Patient hospitalisé',
  'row.realizedOutpatient': 'Patient ambulatoire, réalisé',
  'row.realizedInpatient': 'Patient hospitalisé, réalisé',
  'row.reportOutpatient': 'Patient ambulatoire',
  'row.reportInpatient': 'Patient hospitalisé (H et R)',
  'row.reportEmergency': 'Urgences du SU',
  'row.programmedOpening': 'Ouverture au programmé',
  'row.extendedOpening': 'Ouverture élargie',
  'row.totalOpening': 'Ouverture totale',
  'row.programmedPlusEmergencyOpening': 'Ouverture programmé + urgences',
  'row.occupancyProgrammed': 'Taux d’occupation (programmé)',
  'row.occupancyProgrammedPlusEmergency': 'Taux d’occupation (programmé + urgences)',
  'row.icrPerHour': 'ICR par heure',
  'row.passagesPerWeek': 'Passages par semaine',
  'row.emergencyShare': 'Part des patients du SU',
  'row.nightPerWeek': 'Passages de nuit par semaine',
  'row.onCallHoursPerWeek': 'Plages de PDS et d’urgence',
  'row.strongNight': 'Activité de nuit forte (≥ 10 patients par nuit de semaine)',
  'row.lowNight': 'Activité de nuit faible (≤ 5 patients par semaine)',
  'row.significantOnCall': 'Permanence des soins significative (> 90 h/sem de PDS et d’urgence)',
  'row.n': '{label} — {n}',
  'chart.sites': 'Sites, triés par délai moyen',
  'chart.days': 'Délai (jours)',
  'key.appointmentOutpatient': 'Délai de rendez-vous, patient ambulatoire',
  'key.reportOutpatient': 'Délai de compte rendu, patient ambulatoire',

  'intro.title': 'Introduction et panel',
  'intro.national':
    'La campagne « {campaign} » a mesuré l’ensemble des examens réalisés sur {ct, plural, one {# scanner} other {# scanners}} et {mr} IRM de {establishments, plural, one {# établissement} other {# établissements}} ({regions, plural, one {# région} other {# régions}}) durant {days, plural, one {# jour consécutif} other {# jours consécutifs}}, du {start} au {end} : {exams, plural, one {# examen} other {# examens}} ont ainsi été recensés.',
  'intro.region':
    'Cette synthèse rassemble les résultats de la région {region} dans la campagne « {campaign} » : {establishments, plural, one {# établissement} other {# établissements}}, {ct, plural, one {# scanner} other {# scanners}} et {mr} IRM, {exams, plural, one {# examen} other {# examens}} recensés durant {days, plural, one {# jour} other {# jours}}, du {start} au {end}. La région représente {share} des machines de la campagne.',
  'intro.indicators':
    'Les indicateurs explorent la qualité du service rendu (délais de rendez-vous pour des cas cliniques concrets et délais de comptes rendus d’examens) et l’efficacité des plateaux d’imagerie (taux d’occupation des équipements, temps d’ouverture, production d’examens mesurée en ICR produits par heure d’ouverture), selon la méthode du benchmark scanner-IRM de l’ANAP.',
  'intro.reference':
    'Chaque tableau de percentiles place les valeurs de la campagne à côté de celles publiées par l’ANAP pour la campagne 2010 (301 établissements de 14 régions, 326 scanners et 191 IRM, 28 jours, 270 100 examens), avec l’écart en pourcentage.',
  'intro.reference.region':
    'Chaque tableau de percentiles place les valeurs de la région à côté de celles de l’ensemble de la campagne et de celles publiées par l’ANAP pour la campagne 2010 (301 établissements de 14 régions, 326 scanners et 191 IRM, 28 jours, 270 100 examens), avec l’écart à 2010 en pourcentage.',
  'intro.panel.title': 'Les participants',
  'intro.panel.text':
    'Les établissements sont comptés par FINESS géographique ; chaque machine relève de l’établissement qui la déclare.',
  'intro.regions.title': 'Régions',
  'intro.departments.title': 'Départements',

  'trends.title': 'Les grandes tendances',
  'trends.text':
    'Les médianes ci-dessous résument la campagne par modalité ; les chapitres suivants en donnent les répartitions (P20, médiane, P80) et les comparent à 2010.',
  'trends.dispersion':
    'Dispersion relative (P80 − P20) ÷ médiane : taux d’occupation {ctOcc} pour les scanners et {mrOcc} pour les IRM (2010 : {ctOcc2010} et {mrOcc2010}) ; ICR par heure {ctIcr} et {mrIcr} (2010 : {ctIcr2010} et {mrIcr2010}).',
  'trends.ctMoreDispersed':
    'Comme en 2010, les taux d’occupation des scanners sont plus dispersés que ceux des IRM, dont les situations sont plus homogènes d’un site à l’autre.',
  'trends.mrMoreDispersed':
    'Contrairement à 2010, les taux d’occupation des IRM sont au moins aussi dispersés que ceux des scanners.',
  'trends.appointments':
    'Les délais de rendez-vous sont plus longs en IRM ({mr} médians pour un patient ambulatoire) qu’au scanner ({ct}).',
  'trends.appointmentsReverse':
    'Les délais de rendez-vous médians d’un patient ambulatoire sont de {ct} au scanner et de {mr} en IRM.',

  'appt.title': 'Délais de rendez-vous',
  'appt.intro':
    'Les délais de rendez-vous viennent de l’enquête par cas cliniques : pour chaque cas, le site indique le délai d’obtention du rendez-vous au plus tôt, pour un patient ambulatoire et pour un patient hospitalisé (hors cas urgents). Les délais réalisés, mesurés de la demande à l’examen sur les examens non urgents de la campagne, les complètent.',
  'appt.text':
    'Le délai médian d’obtention d’un rendez-vous est de {outpatient} pour un patient ambulatoire et de {inpatient} pour un patient hospitalisé (2010 : {outpatient2010} et {inpatient2010}).',
  'appt.cases':
    'Par cas clinique, le délai médian pour un patient ambulatoire va de {min} ({minCase}) à {max} ({maxCase}).',
  'appt.casesSame':
    'Le délai médian pour un patient ambulatoire est de {days} pour chacun des cas cliniques.',
  'appt.noSurvey':
    'Aucune réponse à l’enquête par cas cliniques pour cette modalité dans le périmètre.',

  'report.title': 'Délais de comptes rendus',
  'report.intro':
    'Le délai de compte rendu va de la sortie de salle du patient à la validation du compte rendu. Les patients hospitalisés regroupent les catégories H et R ; les patients des urgences du SU sont présentés à part (non publiés en 2010).',
  'report.text':
    'Le délai médian de remise des comptes rendus est de {outpatient} pour les patients ambulatoires et de {inpatient} pour les patients hospitalisés (2010 : {outpatient2010} et {inpatient2010}).',

  'open.title': 'Ouverture des équipements',
  'open.intro':
    'Trois notions sont utilisées. L’ouverture au programmé est le temps de vacation offert aux patients programmés ou non (vacations publiques programmées et non programmées, libérales, privées, PH hors imagerie). L’ouverture élargie y ajoute les plages où du personnel est posté en salle hors permanence des soins (vacations d’urgence, reconditionnement, panne, recherche). L’ouverture totale inclut en plus la permanence des soins, la maintenance et le contrôle qualité. Chaque ouverture est la durée de la réunion des plages, divisée par le nombre de semaines de la campagne : elle ne dépasse jamais 168 heures.',
  'open.text':
    'Sur 168 heures hebdomadaires, {full, plural, one {# machine est ouverte} other {# machines sont ouvertes}} 24 h/24 et 7 j/7 en ouverture totale ({fullShare}). Pour les {rest, plural, one {# machine} other {# machines}} dont l’ouverture élargie reste sous 100 h, l’ouverture élargie dépasse l’ouverture au programmé de {gap} en médiane.',
  'open.median': 'L’ouverture au programmé médiane est de {median} (2010 : {median2010}).',

  'vol.title': 'Volume d’activité',
  'vol.intro':
    'Un passage est un patient en salle une fois, quel que soit le nombre d’actes. Les passages par semaine sont le nombre d’examens de la machine divisé par le nombre de semaines de la campagne.',
  'vol.text':
    'La médiane est à {p50} passages par semaine ; 20 % des machines ont moins de {p20} passages et 20 % en réalisent plus de {p80} (2010 : {p50_2010}, {p20_2010} et {p80_2010}). Au total, {exams, plural, one {# examen} other {# examens}}, dont {emergency} venant du service des urgences.',

  'dur.title': 'Durées d’examens',
  'dur.intro':
    'La durée d’un examen va de l’entrée à la sortie de salle. Les examens de moins de 3 minutes sont exclus du calcul (ces données interrogent la qualité de la saisie). Le premier tableau répartit tous les examens de chaque catégorie de patients (comme le rapport 2010) ; le second, les durées médianes de chaque machine.',
  'dur.text':
    'La durée médiane d’un examen est de {A} pour un patient ambulatoire, {H} pour un patient hospitalisé, {R} pour un patient de réanimation et {U} pour un patient des urgences du SU.',
  'dur.shortExams':
    '{n, plural, one {# examen de moins de 3 minutes a été exclu} other {# examens de moins de 3 minutes ont été exclus}} des durées ({share} des examens).',

  'occ.title': 'Occupation des équipements',
  'occ.intro':
    'Le taux d’occupation est la somme des temps de présence des patients en salle pendant les vacations, divisée par le temps d’ouverture. L’ICR par heure est l’ICR des examens commencés dans une vacation programmée, divisé par les heures d’ouverture au programmé. Pour des résultats représentatifs, les cas extrêmes sont écartés : l’étude porte sur les équipements dont au moins 95 % du temps de vacation offert au programmé est occupé à plus de 15 %.',
  'occ.included':
    'Données calculées sur {ct, plural, one {# scanner} other {# scanners}} et {mr} IRM retenus, sur {ctAll, plural, one {# scanner} other {# scanners}} et {mrAll} IRM (2010 : 316 scanners et 191 IRM).',
  'occ.programmed.title': '{modality} : vacations programmées',
  'occ.emergency.title': '{modality} : vacations programmées + urgences',
  'occ.text':
    'Les médianes sont de {occupancy} pour le taux d’occupation et de {opening} pour le temps d’ouverture au programmé, avec une production de {icr} (2010 : {occupancy2010}, {opening2010} et {icr2010}).',
  'occ.emergency.text':
    'Lorsque l’on ajoute les vacations déclarées urgentes aux vacations programmées, la valeur médiane du taux d’occupation passe de {occFrom} à {occTo} et celle du temps d’ouverture hebdomadaire de {openFrom} à {openTo} (2010 : de {occFrom2010} à {occTo2010} et de {openFrom2010} à {openTo2010}).',
  'occ.typology':
    'Les résultats distinguent deux populations de machines : {scheduled, plural, one {# machine centrée} other {# machines centrées}} sur une activité programmée et {emergency, plural, one {# machine dédiée} other {# machines dédiées}} en majorité à l’urgence (plus de la moitié des patients venant du SU, ou plus de 100 h d’ouverture élargie pour moins de 40 h au programmé).',
  'occ.typologyNone':
    '{scheduled, plural, one {La machine est centrée} other {Les # machines sont centrées}} sur une activité programmée : aucune n’est dédiée en majorité à l’urgence.',
  'occ.emergencyNote':
    'SU : service des urgences. Seule la part des patients provenant du service des urgences est mesurée, pas le taux d’urgences réel.',

  'night.title': 'Permanence des soins et activité de nuit',
  'night.intro':
    'Une machine a une activité de permanence des soins significative lorsqu’elle offre plus de 90 heures par semaine de plages de permanence des soins et d’urgence. La nuit va de 20 h à 7 h : première partie de nuit de 20 h à minuit, nuit profonde de minuit à 7 h. L’activité de nuit est forte à partir de 10 patients par nuit de semaine en moyenne, faible à 5 patients par semaine au plus.',
  'night.text':
    '{onCall} des machines réalisent de la permanence des soins de façon significative (2010 : {onCall2010}). {strong, plural, one {# machine présente} other {# machines présentent}} une activité de nuit forte ({strongShare}) et {low, plural, one {# machine a} other {# machines ont}} une activité de nuit faible ({lowShare}).',
  'night.split':
    'Sur {n, plural, one {# passage de nuit} other {# passages de nuit}}, {evening} ont lieu dans la première partie de la nuit (20 h – minuit) et {deep} en nuit profonde (minuit – 7 h).',
  'night.strongRange': '5 à 10 % (scanners)',

  'cav.title': 'Des résultats à interpréter avec prudence',
  'cav.intro':
    'La performance d’un plateau d’imagerie résulte d’un équilibre entre les dimensions mesurées, et non de la maximisation de l’une au détriment des autres : un indicateur ne se lit jamais isolément.',
  'cav.quality.title': 'Qualité des données',
  'cav.quality.text':
    'Ces compteurs disent ce que la campagne a dû écarter ou n’a pas pu valoriser ; une part élevée doit faire relire la saisie des sites concernés.',
  'cav.quality.shortExams': 'Examens de moins de 3 minutes (exclus des durées et de l’occupation)',
  'cav.quality.excluded': 'Machines écartées des taux d’occupation et de l’ICR par heure',
  'cav.quality.unvalued': 'Examens non valorisés (acte absent de la table des actes)',
  'cav.quality.unknownActs': 'Codes d’actes inconnus',
  'cav.quality.outside': 'Examens commencés hors de toute vacation',
  'cav.quality.overlapping': 'Examens commencés avant la sortie du patient précédent',
  'cav.quality.unknownActsList': 'Codes d’actes inconnus : {codes}.',
  'cav.quality.noneExcluded': 'Aucune machine n’a été écartée des taux d’occupation.',
  'cav.synthetic.title': 'Données synthétiques',
  'cav.synthetic.text':
    'Cette campagne ({id}) est synthétique : ses établissements, machines et examens sont générés par plateau pour ressembler à la campagne 2010 de l’ANAP. Les noms, les sites et les chiffres ne décrivent aucun établissement réel ; ils servent à essayer l’outil et à vérifier qu’il retrouve les valeurs publiées.',
  'cav.limits.title': 'Limites de la méthode',
  'cav.limits.occupancy':
    'Les taux d’occupation doivent être pris avec réserve, notamment au scanner : les durées d’examen, plus courtes qu’en IRM, et le débit de patients, plus élevé, ne permettent pas toujours un relevé exact des entrées et sorties de salle.',
  'cav.limits.emergency':
    'Seules les urgences provenant d’un service des urgences sont identifiées : les accueils directs (AVC) et les urgences internes ne le sont pas.',
  'cav.limits.survey':
    'Les délais de rendez-vous de l’enquête sont déclarés par les sites pour des cas cliniques types ; les délais réalisés ne portent que sur les examens dont la demande est datée.',
  'cav.limits.scope':
    'Certaines dimensions ne sont pas mesurées : la pertinence des examens, les ressources consommées en amont et en aval de l’examen (préparation, interprétation, compte rendu), l’activité non postée des radiologues, la qualité perçue par les demandeurs, les patients et les professionnels.',
  'cav.limits.sample':
    'Les percentiles d’un petit groupe de machines (une région, un statut) sont fragiles : quelques machines suffisent à les déplacer.',

  'terr.title': 'Territoires',
  'terr.intro':
    'Ce chapitre rapporte le parc de scanners et d’IRM et son activité à la population des territoires (départements et régions actuels de l’INSEE), à côté de la France entière et des chiffres publiés par l’OCDE. Les chiffres sont comptés au lieu de l’appareil, pas au lieu de résidence du patient.',
  'terr.missing':
    'Les chiffres territoriaux n’ont pas été fournis à cette synthèse : elle a été construite sans le parc ni la population. La commande « plateau report » et l’API les calculent à partir de la campagne enregistrée (avec ou sans registre des équipements).',
  'terr.region.unknown':
    'La région « {region} » de la campagne ne correspond à aucune région de l’INSEE connue de plateau : les chiffres territoriaux ne peuvent pas lui être rapportés.',
  'terr.region.absent':
    'Les chiffres territoriaux fournis ne comprennent pas la région {current} (code INSEE {code}) : ce chapitre ne peut pas la décrire.',
  'terr.region.current':
    'Les chiffres territoriaux portent sur la région actuelle {current} (code INSEE {code}), qui comprend la région « {region} » de la campagne : tous ses départements sont présentés, y compris ceux qui n’ont pas participé à la campagne.',
  'terr.fleet.register':
    'Parc : registre des équipements de la campagne, {rows, plural, one {# ligne} other {# lignes}}, dont {inService, plural, one {# appareil} other {# appareils}} en service au {date} (premier jour de la campagne), comptés.',
  'terr.fleet.notYet':
    '{n, plural, one {# appareil mis en service plus tard n’est pas compté} other {# appareils mis en service plus tard ne sont pas comptés}}.',
  'terr.fleet.added':
    '{n, plural, one {# appareil de la campagne absent du registre y a été ajouté} other {# appareils de la campagne absents du registre y ont été ajoutés}} (secteur inconnu).',
  'terr.fleet.campaignOnly':
    'Parc : la campagne n’a pas de registre des équipements ; seuls ses {n, plural, one {# appareil est compté} other {# appareils sont comptés}} et les densités sont des minimums.',
  'terr.population':
    'Population : population légale {year} de l’INSEE (en vigueur au 1er janvier {inForce}), {total} habitants ; {source}.',
  'terr.population.source':
    'source : INSEE, populations de référence (légales) {year} en vigueur au 1er janvier {inForce}, population municipale des communes sommée par département (Mayotte : recensement 2017), via {package} {version} (Licence Ouverte)',
  'terr.population.region':
    '{region} compte {population} habitants, {share} de la population française.',
  'terr.map.title': 'Carte des équipements',
  'terr.map.caption.both': 'Scanners et IRM en service par million d’habitants, par département',
  'terr.map.caption.one': '{modality} en service par million d’habitants, par département',
  'terr.map.caption.region': '{what} : départements de {region}',
  'terr.map.aria': 'Carte des départements de France : {what}',
  'terr.map.source':
    'Appareils en service au {date} ({fleet}) ÷ population légale {year} × 1 000 000. Outre-mer en encadrés, à des échelles différentes ; gris : pas de donnée. Contours : {attribution}.',
  'terr.map.source.region':
    'Appareils en service au {date} ({fleet}) ÷ population légale {year} × 1 000 000. Départements des autres régions en gris clair, sans donnée en gris. Contours : {attribution}.',
  'terr.map.fleet.register': 'registre des équipements',
  'terr.map.fleet.campaign': 'appareils de la campagne seuls',

  'terr.equipment.title': 'Équipement et densités',
  'terr.equipment.line':
    '{modality} : {units, plural, one {# appareil} other {# appareils}} en service, soit {density} par million d’habitants ({hospital} à l’hôpital, {private} en libéral).',
  'terr.equipment.compare':
    '{modality}, pour comparaison : France entière {national} ; moyenne OCDE {oecd} ; France, chiffre publié {france}.',
  'terr.equipment.compareNational':
    '{modality}, pour comparaison : moyenne OCDE {oecd} ; France, chiffre publié {france}.',
  'terr.equipment.unknownSector':
    '{n, plural, one {# appareil} other {# appareils}} de secteur inconnu (appareils de la campagne absents du registre) comptent dans le total, ni à l’hôpital ni en libéral.',
  'terr.equipment.reading':
    'Densités en appareils par million d’habitants (/M). Les lignes en italique sont des chiffres publiés : leur année et leur source sont en note.',
  'terr.exams.title': 'Examens par habitant',
  'terr.exams.intro':
    'Les examens d’une année sont ceux de la campagne annualisés (× 365 ÷ {days} jours) ; un appareil du registre absent de la campagne compte la médiane des passages hebdomadaires de sa modalité × 365 ÷ 7 (examens imputés). La part imputée dit combien le chiffre repose sur cette estimation.',
  'terr.gap.title': 'Écart d’équipement',
  'terr.gap.intro':
    'Appareils manquants pour atteindre une densité de référence = max(0, ⌈densité × population ÷ 1 000 000 − appareils en service⌉), par territoire et par modalité. Densités de référence : {refs}.',
  'terr.gap.ref': '{name} : {values}',
  'terr.gap.none': 'Aucune densité de référence n’est disponible pour mesurer l’écart.',
  'terr.gap.national': 'densité nationale',
  'terr.gap.oecd': 'moyenne OCDE {year}',
  'terr.gap.target': 'cible saisie',
  'terr.gap.group.national': 'Vers la densité nationale',
  'terr.gap.group.oecd': 'Vers la moyenne OCDE {year}',
  'terr.gap.group.target': 'Vers la cible saisie',
  'terr.age.title': 'Âge du parc',
  'terr.age.intro':
    'Âge = année de la campagne ({year}) − année d’installation déclarée au registre. À 7 ans, l’amortissement couvert par le forfait technique est achevé ; un appareil de 10 ans ou plus est compté à renouveler. Âge connu pour {known, plural, one {# appareil} other {# appareils}} sur {total}.',
  'terr.platforms.title': 'Plateaux',
  'terr.platforms.intro':
    'Un site (FINESS géographique) est complet lorsqu’il a au moins un scanner et une IRM en service, « scanner seul » ou « IRM seule » sinon. Les appareils regroupés sont ceux des sites d’au moins 3 appareils ; leur part est donnée sur l’ensemble des appareils.',
  'terr.night.title': 'Permanence des soins et IRM de nuit',
  'terr.night.intro':
    'Mesurés sur les {n, plural, one {# appareil} other {# appareils}} de la campagne, un échantillon du parc : appareils à permanence des soins significative (plus de 90 h par semaine de plages de permanence des soins et d’urgence) par million d’habitants, et IRM ayant des plages de permanence des soins ou d’urgence la nuit (20 h – 8 h), l’accès à l’IRM de nuit de la filière AVC.',
  'terr.night.without':
    '{n, plural, one {# département} other {# départements}} sur {of} sans IRM de nuit mesurée : {list}.',
  'terr.night.allCovered':
    'Chaque département a au moins une IRM de nuit mesurée dans la campagne.',
  'terr.waits.title': 'Délais de rendez-vous',
  'terr.waits.intro':
    'Délais de rendez-vous regroupés sur les appareils de la campagne de chaque territoire : réalisés (de la demande à l’examen, examens programmés) et déclarés par l’enquête (cas cliniques). Médiane (P20 – P80), en jours ; n : examens ou réponses regroupés.',
  'terr.caveats.title': 'Limites des chiffres territoriaux',
  'terr.caveat.place':
    'Les chiffres sont comptés au lieu de l’appareil, pas au lieu de résidence du patient : un territoire qui soigne les habitants de ses voisins paraît mieux équipé et plus actif que le recours de sa propre population.',
  'terr.caveat.imputed':
    '{share} des examens annuels de la France entière sont imputés ({machines, plural, one {# appareil du registre absent} other {# appareils du registre absents}} de la campagne) : les examens par habitant en dépendent d’autant.',
  'terr.caveat.noImputed':
    'Aucun examen n’est imputé : tous les appareils comptés sont dans la campagne.',
  'terr.caveat.populationYear':
    'La population est la population légale {populationYear} (en vigueur en {inForce}), la campagne date de {campaignYear} : les densités d’une campagne plus ancienne sont rapportées à une population plus récente.',
  'terr.caveat.populationClose':
    'La population est la population légale {populationYear} (en vigueur en {inForce}), proche de l’année de la campagne ({campaignYear}).',
  'terr.caveat.campaignOnly':
    'Sans registre des équipements, seuls les appareils de la campagne sont comptés : densités, âges et plateaux sont des minimums.',
  'terr.caveat.sample':
    'La permanence des soins, l’IRM de nuit et les délais ne sont mesurés que sur les {n, plural, one {# appareil} other {# appareils}} de la campagne, un échantillon du parc : un territoire sans appareil de la campagne n’a pas de valeur, et ceux qui en ont peu ont des valeurs fragiles.',
  'terr.caveat.unplaced':
    '{sites, plural, one {# site de la campagne} other {# sites de la campagne}} sans département connu ({machines, plural, one {# appareil} other {# appareils}}) ne {sites, plural, one {compte} other {comptent}} que dans la France entière.',
  'terr.caveat.unknownDepartments':
    'Des lignes du registre ont un département inconnu ({codes}) : elles ne sont pas comptées.',
  'terr.caveat.sources':
    'Population : {population}. Contours des cartes : {attribution}. Chiffres publiés : chacun avec son année et sa source, en note des tableaux.',

  'terr.tables.equipment': 'Appareils en service et densités par million d’habitants',
  'terr.tables.exams': 'Examens pour 1 000 habitants par an',
  'terr.tables.gap': 'Appareils manquants pour atteindre une densité de référence',
  'terr.tables.age': 'Âge du parc',
  'terr.tables.platforms': 'Plateaux : sites complets, scanner seul, IRM seule',
  'terr.tables.night': 'Permanence des soins et IRM de nuit',
  'terr.tables.waits': 'Délais de rendez-vous regroupés par territoire (jours)',
  'terr.col.territory': 'Territoire',
  'terr.col.population': 'Population',
  'terr.col.units': 'Appareils',
  'terr.col.perMillion': 'Total /M',
  'terr.col.hospital': 'Hôpital /M',
  'terr.col.private': 'Libéral /M',
  'terr.col.examsPer1000': 'Pour 1 000 hab.',
  'terr.col.imputed': 'dont imputés',
  'terr.col.annualExams': 'Examens par an',
  'terr.col.meanAge': 'Âge moyen',
  'terr.col.age7': '≥ 7 ans',
  'terr.col.age10': '≥ 10 ans',
  'terr.col.toRenew': 'À renouveler',
  'terr.col.sites': 'Sites',
  'terr.col.complete': 'Complets',
  'terr.col.ctOnly': 'Scanner seul',
  'terr.col.mriOnly': 'IRM seule',
  'terr.col.perSite': 'Appareils par site',
  'terr.col.regrouped': 'Regroupés',
  'terr.col.measured': 'Mesurés',
  'terr.col.onCall': 'PDS sign. /M',
  'terr.col.nightMri': 'IRM de nuit',
  'terr.col.nightMriPerMillion': 'IRM de nuit /M',
  'terr.col.withoutNightMri': 'Dép. sans IRM de nuit',
  'terr.col.realised': 'Réalisé',
  'terr.col.survey': 'Enquête',
  'terr.col.n': 'n',
  'terr.group.all': 'Tous appareils',
  'terr.row.nation': 'France entière',
  'terr.row.department': '{name} ({code})',
  'terr.ref.oecd': 'Moyenne OCDE {year}',
  'terr.ref.france': 'France {year}, publié',
  'terr.ref.sources': 'Chiffres publiés :',
  'terr.separator': ' ; ',
  'terr.ref.source': '({mark}) {source}',
  'terr.ref.note': '{area} {year}, {modality} : {note}',
  'terr.ref.noneOecd': 'non publié',
  'terr.ref.value': '{value} ({year})',
  'terr.years': '{value} ans',
  'terr.quantiles': '{p50} ({p20} – {p80})',
  'terr.provenance': 'Provenance : {kinds}.',
  'terr.prov.measured': 'mesuré (campagne)',
  'terr.prov.declared': 'déclaré (registre des équipements)',
  'terr.prov.reference': 'publié (population INSEE, chiffres de référence)',
  'terr.prov.survey': 'déclaré (enquête des sites)',
  'terr.area.oecd': 'OCDE',
  'terr.prov.input': 'saisi',
  'terr.prov.imputed': 'imputé (appareils du registre absents de la campagne)',
  ...bundlesFr,
} as const;

/** A message of the synthesis. */
export type SynthesisKey = keyof typeof fr;
