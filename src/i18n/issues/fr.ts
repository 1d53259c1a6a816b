/**
 * Les mots français de chaque problème signalé à la lecture d'un kit ou des sources
 * hospitalières : les mêmes clés et les mêmes paramètres que le catalogue anglais (en.ts), que
 * les tests comparent. Les noms de colonnes, de fichiers et les codes restent tels quels.
 */
import type { IssueKey, IssueTemplate } from './en.ts';
import { registerIssuesFr } from './register-fr.ts';
import { finessIssuesFr } from './finess-fr.ts';
import { referencesIssuesFr } from './references-fr.ts';
import { slotsIssuesFr } from './slots-fr.ts';
import { scenariosIssuesFr } from './scenarios-fr.ts';
import { costsIssuesFr } from './costs-fr.ts';
import { patientKeyIssuesFr } from './patient-key-fr.ts';
import { bundleIssuesFr } from './bundle-fr.ts';
import { trendsIssuesFr } from './trends-fr.ts';

const DATE_TIME_HINT =
  'écrire AAAA-MM-JJTHH:MM[:SS] dans le fuseau horaire de la campagne, par exemple {example}, éventuellement suivi d’un décalage comme +01:00 ou Z';

export const frIssues: Readonly<Record<IssueKey, IssueTemplate>> = {
  'empty-file': {
    message: 'le fichier est vide : il n’a pas de ligne d’en-tête',
    hint: 'mettre les noms des colonnes sur la première ligne',
  },
  'unclosed-quote': {
    message: 'une valeur entre guillemets ouverte ligne {line} n’est jamais fermée',
    hint: 'fermer la valeur par un guillemet droit, et doubler tout guillemet qu’elle contient ("")',
  },
  'stray-quote': {
    message: 'le texte « {rest} » suit le guillemet fermant de « {value} »',
    hint: 'dans une valeur entre guillemets, écrire un guillemet comme deux guillemets ("")',
  },
  'cell-count': {
    message: 'la ligne a {count, plural, one {# case} other {# cases}}, l’en-tête en a {width}',
    hint: 'séparer chaque valeur par « {separator} », et mettre entre guillemets une valeur qui contient « {separator} », un guillemet ou un saut de ligne',
  },
  'blank-line': {
    message: 'ligne vide ignorée',
    hint: 'supprimer les lignes vides entre les enregistrements',
  },
  'blank-line.more': {
    message:
      '{count, plural, one {# autre ligne vide ignorée} other {# autres lignes vides ignorées}}',
    hint: 'supprimer les lignes vides entre les enregistrements',
  },

  'missing-file.campaign': {
    message: '{file} manque',
    hint: 'ajouter campaign.json : {example}',
  },
  'missing-file': {
    message: '{file} manque',
    hint: 'ajouter {file} avec au moins les colonnes {columns}',
  },
  'unknown-file': {
    message: '{file} ne fait pas partie du kit de données ; il n’a pas été lu',
    hint: 'les fichiers du kit sont {files}',
  },
  'duplicate-file': {
    message: '{file} est donné deux fois ({path})',
    hint: 'garder un seul exemplaire de chaque fichier du kit',
  },
  'unreadable-file': {
    message: '{file} n’a pas pu être lu : {detail}',
    hint: 'vérifier que le fichier existe et qu’il peut être lu',
  },
  encoding: {
    message:
      '{file} n’est pas en UTF-8 valide (le premier octet incorrect est ligne {line}) ; le fichier a été lu avec des caractères de remplacement',
    hint: 'enregistrer le fichier au format « CSV UTF-8 » (un tableur qui exporte en Windows-1252 ou Latin-1 donne cette erreur)',
  },
  'encoding.campaign': {
    message: '{file} n’est pas en UTF-8 valide',
    hint: 'enregistrer le fichier en UTF-8',
  },
  'encoding.unicode': {
    message:
      '{file} est enregistré en {encoding} (« Texte Unicode »), pas en UTF-8 ; il n’a pas été lu',
    hint: 'enregistrer le fichier au format « CSV UTF-8 (délimité par des virgules) » (dans Excel : Fichier, Enregistrer sous, CSV UTF-8), pas en « Texte Unicode »',
  },

  'invalid-json': {
    message: '{file} n’est pas un JSON valide : {detail}',
    hint: 'vérifier les guillemets, les virgules et les accolades ; par exemple {example}',
  },
  'invalid-json.object': {
    message: '{file} doit contenir un seul objet JSON',
    hint: 'écrire {example}',
  },
  'invalid-campaign.id': {
    message: 'id vaut {value} au lieu d’un texte non vide',
    hint: 'donner un identifiant à la campagne, par exemple "anap-2010"',
  },
  'invalid-campaign.id-missing': {
    message: 'id manque (un texte non vide est attendu)',
    hint: 'donner un identifiant à la campagne, par exemple "anap-2010"',
  },
  'invalid-campaign.name': {
    message: 'name vaut {value} au lieu d’un texte non vide',
    hint: 'donner un nom à la campagne, par exemple "Benchmark imagerie 2010"',
  },
  'invalid-campaign.name-missing': {
    message: 'name manque (un texte non vide est attendu)',
    hint: 'donner un nom à la campagne, par exemple "Benchmark imagerie 2010"',
  },
  'invalid-campaign.start': {
    message: 'start vaut {value} au lieu d’une date AAAA-MM-JJ',
    hint: 'écrire le premier jour de la campagne, par exemple "2010-03-01"',
  },
  'invalid-campaign.start-missing': {
    message: 'start manque (une date AAAA-MM-JJ est attendue)',
    hint: 'écrire le premier jour de la campagne, par exemple "2010-03-01"',
  },
  'invalid-campaign.days': {
    message: 'days vaut {value} au lieu d’un nombre entier positif',
    hint: 'écrire le nombre de jours de la campagne, par exemple 28',
  },
  'invalid-campaign.days-missing': {
    message: 'days manque (un nombre entier positif est attendu)',
    hint: 'écrire le nombre de jours de la campagne, par exemple 28',
  },
  'invalid-campaign.timeZone': {
    message: 'timeZone vaut {value} au lieu d’un fuseau horaire IANA',
    hint: 'écrire le fuseau des horloges des sites, par exemple "Europe/Paris" ; les dates-heures ne peuvent pas être lues sans lui',
  },
  'invalid-campaign.timeZone-missing': {
    message: 'timeZone manque (un fuseau horaire IANA est attendu)',
    hint: 'écrire le fuseau des horloges des sites, par exemple "Europe/Paris" ; les dates-heures ne peuvent pas être lues sans lui',
  },
  'unknown-key': {
    message: '{file} a une clé « {key} » qui n’est pas lue',
    hint: 'les clés sont {keys}',
  },

  'identifying-column': {
    message:
      '{file} a une colonne « {column} » qui ressemble à l’identité des patients (noms, dates de naissance, numéros de patient et coordonnées sont refusés) ; aucune de ses lignes n’a été lue',
    hint: 'supprimer la colonne « {column} » de {file} et relire le kit : plateau n’a jamais besoin de savoir qui est le patient',
  },
  'unnamed-column': {
    message: 'la colonne {position} de {file} n’a pas de nom ; elle n’a pas été lue',
    hint: 'nommer la colonne ou la supprimer',
  },
  'duplicate-column': {
    message: '{file} a deux fois la colonne « {column} »',
    hint: 'garder une seule des deux colonnes',
  },
  'unknown-column': {
    message:
      '{file} a une colonne « {column} » qui ne fait pas partie du kit ; elle a été mise de côté',
    hint: 'les colonnes de {file} sont {columns} ; vérifier l’orthographe si « {column} » devait être l’une d’elles',
  },
  'missing-column': {
    message: '{file} n’a pas de colonne « {column} » (son en-tête est : {header})',
    hint: 'ajouter une colonne nommée « {column} » sur la première ligne de {file} ; les lignes du fichier n’ont pas été lues',
  },
  'missing-column.tabs': {
    message: '{file} n’a pas de colonne « {column} » (son en-tête est : {header})',
    hint: 'l’en-tête semble séparé par des tabulations : séparer les cases par « , » ou « ; »',
  },

  required: {
    message: '{column} est vide',
    hint: 'remplir {column} ; la case est obligatoire',
  },
  'required.help': {
    message: '{column} est vide',
    hint: 'remplir {column} ({columnHelp}) ; la case est obligatoire',
  },
  'invalid-value': {
    message: '{column} « {text} » n’est pas l’un des codes {values}',
    hint: 'utiliser l’un des codes {values}',
  },
  'invalid-value.case': {
    message: '{column} « {text} » n’est pas l’un des codes {values}',
    hint: 'l’écrire exactement « {near} » (les codes distinguent majuscules et minuscules)',
  },
  'dst-gap': {
    message:
      '{column} « {text} » n’existe pas dans le fuseau {zone} : les horloges ont avancé cette nuit-là ({before} à {after}), en sautant cette heure',
    hint: 'donner le décalage explicitement, par exemple « {text}{before} » si l’heure a été lue sur une horloge encore à {before}',
  },
  'dst-ambiguous': {
    message:
      '{column} « {text} » a eu lieu deux fois dans le fuseau {zone} : les horloges ont reculé cette nuit-là, cette heure a été vécue à {first} puis à {second}',
    hint: 'donner le décalage explicitement : « {text}{first} » pour la première fois, « {text}{second} » pour la seconde',
  },
  'invalid-date-time': {
    message: '{column} « {text} » n’est pas une date-heure',
    hint: DATE_TIME_HINT,
  },
  'invalid-date-time.slash': {
    message: '{column} « {text} » n’est pas une date-heure',
    hint: `${DATE_TIME_HINT} ; une date comme 01/03/2010 vient du format des cellules d’un tableur : mettre la colonne au format aaaa-mm-jj hh:mm`,
  },
  'invalid-date-time.date-only': {
    message: '{column} « {text} » n’est pas une date-heure',
    hint: `${DATE_TIME_HINT} ; l’heure manque`,
  },
  'invalid-number.integer': {
    message: '{column} « {text} » n’est pas un nombre',
    hint: 'écrire un nombre entier, par exemple 12',
  },
  'invalid-number.decimal': {
    message: '{column} « {text} » n’est pas un nombre',
    hint: 'écrire un nombre avec un point décimal, par exemple 12.5, sans espace ni unité',
  },
  'invalid-number.decimal-comma': {
    message: '{column} « {text} » n’est pas un nombre',
    hint: 'écrire un nombre avec un point ou une virgule décimale, par exemple 12.5 ou 12,5, sans espace ni unité',
  },
  'invalid-number.not-whole': {
    message: '{column} « {text} » n’est pas un nombre entier',
    hint: 'écrire un nombre entier, par exemple 12',
  },
  'decimal-comma': {
    message:
      '{column} « {text} » a une virgule décimale dans un fichier dont les cases sont séparées par des virgules',
    hint: 'écrire la décimale avec un point (12.5), ou séparer tout le fichier par des « ; » pour utiliser des virgules décimales',
  },
  'out-of-range.at-least': {
    message: '{column} {text} est inférieur à {min}',
    hint: '{column} doit valoir au moins {min}',
  },
  'out-of-range.above': {
    message: '{column} {text} est inférieur à {min}',
    hint: '{column} doit être supérieur à {min}',
  },
  'out-of-range.not-above': {
    message: '{column} {text} n’est pas supérieur à {min}',
    hint: '{column} doit être supérieur à {min}',
  },
  'out-of-range.installed-year': {
    message: 'installed_year {text} est après 2100',
    hint: 'écrire l’année d’installation de la machine, par exemple 2008',
  },

  'duplicate-key.finess': {
    message: 'le finess {finess} est déjà ligne {first}',
    hint: 'décrire chaque établissement une seule fois',
  },
  'duplicate-key.equipment': {
    message: 'equipment_id {id} est déjà ligne {first}',
    hint: 'donner à chaque machine son propre identifiant',
  },
  'duplicate-key.exam': {
    message: 'exam_id {id} de {equipment} est déjà ligne {first}',
    hint: 'un examen figure une fois par machine : supprimer la ligne répétée ou lui donner son propre identifiant',
  },
  'duplicate-key.act': {
    message: 'l’acte {code} est déjà ligne {first}',
    hint: 'décrire chaque acte une seule fois',
  },
  'invalid-finess': {
    message: 'le finess « {finess} » a {length} caractères au lieu de 9',
    hint: 'écrire les 9 caractères du FINESS géographique',
  },
  'invalid-finess.leading-zero': {
    message: 'le finess « {finess} » a {length} caractères au lieu de 9',
    hint: 'un tableur a pu supprimer un 0 initial : mettre la colonne au format texte et écrire les 9 caractères',
  },
  'unknown-reference.finess': {
    message: 'le finess {finess} n’est pas dans {file}',
    hint: 'ajouter l’établissement {finess} à {file}, ou corriger le finess',
  },
  'unknown-reference.equipment': {
    message: 'equipment_id {id} n’est pas dans {file}',
    hint: 'ajouter la machine {id} à {file}, ou corriger l’identifiant',
  },
  'end-before-start': {
    message: 'la fin {end} n’est pas après le début {start}',
    hint: 'une vacation finit après avoir commencé ; une vacation de nuit finit le lendemain',
  },
  'report-before-exam': {
    message: 'report_validated_at {report} est avant room_out {roomOut}',
    hint: 'vérifier l’heure de validation du compte rendu ; son délai sera négatif',
  },
  'outside-campaign.exam-before': {
    message:
      'room_in {roomIn} est {n} jours{years, plural, =0 {} one { (# an)} other { (# ans)}} avant le premier jour de la campagne ({edge}) : la campagne dure {days} jours à partir du {start}, et seuls sa dernière nuit et un jour de chaque côté sont acceptés',
    hint: 'corriger la date (une année mal tapée ?), ou le début (start) et la durée (days) de la campagne dans campaign.json',
  },
  'outside-campaign.exam-after': {
    message:
      'room_in {roomIn} est {n} jours{years, plural, =0 {} one { (# an)} other { (# ans)}} après le dernier jour de la campagne ({edge}) : la campagne dure {days} jours à partir du {start}, et seuls sa dernière nuit et un jour de chaque côté sont acceptés',
    hint: 'corriger la date (une année mal tapée ?), ou le début (start) et la durée (days) de la campagne dans campaign.json',
  },
  'campaign-margin.exam-before': {
    message:
      'room_in {roomIn} est la veille du premier jour de la campagne ({edge}) : gardé, et compté dans les chiffres',
    hint: 'vérifier la date, ou le début (start) et la durée (days) de la campagne dans campaign.json',
  },
  'campaign-margin.exam-after': {
    message:
      'room_in {roomIn} est le lendemain du dernier jour de la campagne ({edge}), après sa dernière nuit : gardé, et compté dans les chiffres',
    hint: 'vérifier la date, ou le début (start) et la durée (days) de la campagne dans campaign.json',
  },
  'outside-campaign.session-before': {
    message:
      'la vacation du {from} au {to} {end, plural, =1 {finit} other {commence}} {n} jours{years, plural, =0 {} one { (# an)} other { (# ans)}} avant le premier jour de la campagne ({edge}) : la campagne dure {days} jours à partir du {start}, et seuls sa dernière nuit et un jour de chaque côté sont acceptés',
    hint: 'corriger la date (une année mal tapée ?), ou le début (start) et la durée (days) de la campagne dans campaign.json',
  },
  'outside-campaign.session-after': {
    message:
      'la vacation du {from} au {to} {end, plural, =1 {finit} other {commence}} {n} jours{years, plural, =0 {} one { (# an)} other { (# ans)}} après le dernier jour de la campagne ({edge}) : la campagne dure {days} jours à partir du {start}, et seuls sa dernière nuit et un jour de chaque côté sont acceptés',
    hint: 'corriger la date (une année mal tapée ?), ou le début (start) et la durée (days) de la campagne dans campaign.json',
  },
  'campaign-margin.session-before': {
    message:
      'la vacation du {from} au {to} est la veille du premier jour de la campagne ({edge}) : gardée, et comptée dans les heures d’ouverture',
    hint: 'vérifier les dates, ou le début (start) et la durée (days) de la campagne dans campaign.json',
  },
  'campaign-margin.session-after': {
    message:
      'la vacation du {from} au {to} est le lendemain du dernier jour de la campagne ({edge}), après sa dernière nuit : gardée, et comptée dans les heures d’ouverture',
    hint: 'vérifier les dates, ou le début (start) et la durée (days) de la campagne dans campaign.json',
  },
  'rounded-duration': {
    message:
      'room_out {roomOut} est {amount} {unit} avant room_in {roomIn}, dans la précision de room_out',
    hint: 'gardé comme un examen court ; donner room_out à la seconde près pour l’éviter',
  },
  'negative-duration': {
    message: 'room_out {roomOut} est avant room_in {roomIn} ({amount} {unit})',
    hint: 'room_out est l’heure où le patient a quitté la salle : vérifier les deux heures et leurs dates',
  },
  'duration-over-24h': {
    message: 'l’examen dure {amount} {unit} (room_in {roomIn}, room_out {roomOut}), plus de 24 h',
    hint: 'un examen de plus d’une journée est une erreur de saisie : vérifier les dates de room_in et room_out',
  },
  'case-modality': {
    message: 'le cas {case} est un cas {caseModality} mais la modalité est {modality}',
    hint: 'utiliser la modalité {caseModality} pour {case}, ou un cas {modality}',
  },

  'missing-column.mapping': {
    message: 'il manque à l’en-tête {missing}',
    hint: 'la première ligne doit être : kind,key,value,target',
  },
  'missing-value.site-target': {
    message: '{kind},{key} demande une cible (target)',
    hint: 'pour les lignes site, écrire la valeur dans la colonne target',
  },
  'missing-value.value': {
    message: '{kind},{key} demande une valeur (value)',
    hint: 'écrire le code local ou la clé de l’appareil dans la colonne value',
  },
  'missing-value.target': {
    message: '{kind},{key} demande une cible (target)',
    hint: 'écrire ce à quoi il correspond dans la colonne target',
  },
  'unknown-kind': { message: 'type de ligne inconnu {kind}', hint: 'écrire l’un de {kinds}' },
  'unknown-key.site': { message: 'clé de site inconnue {key}', hint: 'écrire l’une de {keys}' },
  'unknown-key.equipment': {
    message: 'clé de machine inconnue {key}',
    hint: 'écrire l’une de {keys}',
  },
  'unknown-key.category': {
    message: 'clé de catégorie inconnue {key}',
    hint: 'écrire l’une de {keys}',
  },
  'unknown-key.act': { message: 'clé d’acte inconnue {key}', hint: 'écrire local_code' },
  'duplicate-key.site': {
    message: 'la clé de site {key} est déjà donnée ligne {first}',
    hint: 'donner chaque clé de site une seule fois',
  },
  'invalid-category': {
    message: '{value} n’est pas une catégorie',
    hint: 'écrire A (ambulatoire), H (hospitalisé), R (réanimation) ou U (urgences)',
  },
  'invalid-ccam': {
    message: '{value} ne ressemble pas à un code CCAM',
    hint: 'un code CCAM a 4 lettres et 3 chiffres, par exemple ZBQK002',
  },
  'missing-finess': {
    message: 'le fichier de correspondance ne donne pas le finess du site',
    hint: 'ajouter une ligne : site,finess,,<les 9 caractères du FINESS géographique>',
  },
  'invalid-finess.mapping': {
    message: 'le finess {finess} a {length} caractères au lieu de 9',
    hint: 'écrire les 9 caractères du FINESS géographique (garder un 0 initial)',
  },
  'missing-time-zone': {
    message: 'le fichier de correspondance ne donne pas le fuseau horaire du site',
    hint: 'ajouter une ligne : site,time_zone,,Europe/Paris',
  },
  'invalid-time-zone': {
    message: '{zone} n’est pas un fuseau horaire connu',
    hint: 'écrire un fuseau IANA comme Europe/Paris ou America/Martinique',
  },
  'invalid-value.modality': {
    message: '{value} n’est pas une modalité',
    hint: 'écrire CT (scanner) ou MR (IRM)',
  },
  'invalid-value.role': {
    message: '{value} n’est pas un rôle de machine',
    hint: 'écrire l’un de {roles}',
  },
  'invalid-value.year': {
    message: '{value} n’est pas une année d’installation',
    hint: 'écrire une année à 4 chiffres, par exemple 2019',
  },
  'invalid-value.legal-status': {
    message: '{value} n’est pas un statut juridique',
    hint: 'écrire l’un de {statuses}',
  },

  'no-patient-class.hl7v2': {
    message:
      '{n, plural, one {# examen} other {# examens}} de la source HL7 v2 sans classe de patient (ni PV1-2, ni PV1-3, ni un message ADT de la venue n’en donnait) : comptés comme externes (catégorie A), pas écartés.',
    hint: 'Envoyer la classe de patient avec les examens ; d’ici là, la part des urgences et les chiffres par type de patient comptent ces examens comme externes.',
  },
  'no-patient-class.fhir': {
    message:
      '{n, plural, one {# examen} other {# examens}} de la source FHIR sans classe de patient (aucun Encounter avec une classe ou un lieu ne s’y rattache) : comptés comme externes (catégorie A), pas écartés.',
    hint: 'Envoyer la classe de patient avec les examens ; d’ici là, la part des urgences et les chiffres par type de patient comptent ces examens comme externes.',
  },
  'no-patient-class.dicom': {
    message:
      '{n, plural, one {# examen} other {# examens}} de la source DICOM sans classe de patient (pas de RequestingService (0032,1033) dans ses images) : comptés comme externes (catégorie A), pas écartés.',
    hint: 'Envoyer la classe de patient avec les examens ; d’ici là, la part des urgences et les chiffres par type de patient comptent ces examens comme externes.',
  },
  'unmapped-category': {
    message:
      '{n, plural, one {# examen} other {# examens}} de la source {source} avec une classe de patient ou une unité absente du fichier de correspondance ({values}{more, plural, =0 {} other { et d’autres}}) : comptés comme externes (catégorie A), pas écartés.',
    hint: 'Ajouter une ligne category pour chacune au fichier de correspondance (category,patient_class,E,U ou category,unit,REA1,R), puis relire les sources.',
  },
  'unknown-source': {
    message: 'ignoré : ni un fichier de kit, ni HL7 v2, FHIR, DICOM ou XLSX : {file}',
    hint: 'plateau lit les fichiers {formats} et les dossiers de kit de données ; retirer le fichier ou vérifier son format',
  },
  'no-source': {
    message: 'aucun des fichiers donnés n’est une source que plateau lit',
    hint: 'donner des fichiers HL7 v2, FHIR R4, DICOM ou XLSX, ou des dossiers qui en contiennent',
  },
  'no-source.none': {
    message: 'aucun fichier n’a été donné',
    hint: 'donner des fichiers HL7 v2, FHIR R4, DICOM ou XLSX, ou des dossiers qui en contiennent',
  },
  'adapter-failure': {
    message: 'le lecteur {reader} a échoué : {detail}',
    hint: 'c’est un défaut de plateau : merci de le signaler avec le fichier (sans données de patients)',
  },

  'xlsx-bad-cell.string': {
    message: '{cell} renvoie à un texte partagé ({index}) qui n’existe pas',
    hint: 'enregistrer de nouveau le classeur depuis un tableur',
  },
  'xlsx-bad-cell.boolean': {
    message: '{cell} est une case booléenne qui contient {value} au lieu de 1 ou 0',
    hint: null,
  },
  'xlsx-bad-cell.number': {
    message: '{cell} est une case numérique qui contient {value}, pas un nombre',
    hint: null,
  },
  'xlsx-bad-cell.type': {
    message: '{cell} a un type inconnu t={type}',
    hint: null,
  },
  'xlsx-cell-error': {
    message: '{cell} contient l’erreur {error}',
    hint: 'corriger la formule ou saisir la valeur',
  },
  'xlsx-bad-date': {
    message: '{cell} contient {value}, qui n’est pas une date qu’Excel sait afficher',
    hint: 'saisir la date sous la forme AAAA-MM-JJ HH:MM',
  },
  'xlsx-formula-without-value': {
    message: '{cell} a une formule mais pas de valeur calculée : lue comme vide',
    hint: 'ouvrir et enregistrer le classeur dans un tableur pour que les valeurs soient calculées',
  },
  'xlsx-cell-outside-columns': {
    message: '{cell} est dans une colonne sans en-tête : non lue',
    hint: 'donner un en-tête à la colonne sur la première ligne, ou vider la case',
  },
  'xlsx-unreadable': {
    message: '{file} ne peut pas être lu comme un classeur : {detail}',
    hint: 'enregistrer de nouveau le fichier comme classeur Excel (.xlsx) depuis un tableur',
  },
  'xlsx-malformed': {
    message: '{file} ne peut pas être lu comme un classeur : {detail}',
    hint: 'enregistrer de nouveau le fichier comme classeur Excel (.xlsx) depuis un tableur',
  },
  'unknown-sheet': {
    message: 'la feuille {sheet} ne fait pas partie du kit de données : non lue',
    hint: 'les feuilles sont campaign, establishments, equipment, sessions, exams, acts et appointment-survey',
  },
  'duplicate-file.sheets': {
    message: 'les feuilles {first} et {second} contiennent toutes deux {file}',
    hint: 'garder une seule feuille par fichier du kit',
  },

  'hl7-no-type': {
    message: 'Le message n’a pas de type (MSH-9) : message ignoré.',
    hint: 'Chaque MSH doit dire ce qu’est le message, par exemple ORU^R01.',
  },
  'hl7-no-control-id': {
    message: 'Le message n’a pas d’identifiant de contrôle (MSH-10).',
    hint: 'Les accusés de réception et les doublons sont suivis par MSH-10 : demander à l’émetteur de le remplir.',
  },
  'hl7-bad-delimiters': {
    message: '{detail} : message ignoré.',
    hint: 'Commencer chaque message par MSH|^~\\&| (ou les cinq séparateurs distincts propres au site).',
  },
  'hl7-batch-count': {
    message:
      'Le lot qui commence ligne {line} annonce {declared} messages (BTS-1) mais {read} ont été lus.',
    hint: 'Un message manque ou est abîmé : vérifier l’export de l’émetteur.',
  },
  'hl7-outside-message': {
    message: 'Le texte avant tout segment MSH (une ligne de {text}) est ignoré.',
    hint: 'Chaque message doit commencer par un segment MSH.',
  },
  'hl7-bad-segment': {
    message:
      'Une ligne de {text} après le segment {after} ne commence pas un segment (trois lettres ou chiffres, puis « {separator} ») : ligne ignorée.',
    hint: 'Le message a pu être coupé ou replié (un saut de ligne dans un champ) : vérifier l’export.',
  },
  'hl7-no-message': {
    message: 'Aucun message HL7 v2 lisible dans ce fichier.',
    hint: 'Un fichier HL7 v2 contient des messages qui commencent chacun par MSH|^~\\&|.',
  },
  'hl7-bad-escape': {
    message:
      'Une séquence d’échappement inconnue ou non fermée ({text}) dans {field} : gardée telle quelle.',
    hint: 'Les séquences d’échappement sont {escapes}.',
  },
  'hl7-several-messages': {
    message: '{count} messages là où un seul était attendu : seul le premier est lu.',
    hint: 'Envoyer un message par trame.',
  },
  'hl7-bad-time': {
    message: 'La valeur ({text}) n’est pas une heure HL7 (AAAAMMJJHHMM[SS][+/-ZZZZ]) : ignorée.',
    hint: 'Envoyer les heures sous la forme AAAAMMJJHHMMSS, avec le décalage UTC si possible.',
  },
  'dst-gap.hl7': {
    message:
      '{text} n’a jamais existé dans le fuseau {zone} (les horloges ont avancé) : lu comme {read}.',
    hint: 'Envoyer les heures avec leur décalage UTC (+0200).',
  },
  'dst-ambiguous.hl7': {
    message:
      '{text} a eu lieu deux fois dans le fuseau {zone} (les horloges ont reculé) : la première est retenue.',
    hint: 'Envoyer les heures avec leur décalage UTC (+0100 / +0200).',
  },
  'hl7-no-order-number.message-orc': {
    message:
      'Le message {type} (sans segment ORC, OBR ni TXA) n’a ni numéro de demande, ni numéro d’examen, ni numéro de rendez-vous : il ne peut être rattaché à aucun examen et il est ignoré.',
    hint: 'Le RIS doit envoyer le numéro de demande du prescripteur ou du producteur (ORC-2/ORC-3, OBR-2/OBR-3) ou le numéro d’examen (IPC-1).',
  },
  'hl7-no-order-number.order': {
    message:
      'La demande {type} n’a ni numéro de demande, ni numéro d’examen, ni numéro de rendez-vous : elle ne peut être rattachée à aucun examen et elle est ignorée.',
    hint: 'Le RIS doit envoyer le numéro de demande du prescripteur ou du producteur (ORC-2/ORC-3, OBR-2/OBR-3) ou le numéro d’examen (IPC-1).',
  },
  'hl7-no-order-number.message-sch': {
    message:
      'Le message {type} (sans segment SCH) n’a ni numéro de demande, ni numéro d’examen, ni numéro de rendez-vous : il ne peut être rattaché à aucun examen et il est ignoré.',
    hint: 'Le RIS doit envoyer le numéro de demande du prescripteur ou du producteur (ORC-2/ORC-3, OBR-2/OBR-3) ou le numéro d’examen (IPC-1).',
  },
  'hl7-no-order-number.booking': {
    message:
      'Le rendez-vous {type} n’a ni numéro de demande, ni numéro d’examen, ni numéro de rendez-vous : il ne peut être rattaché à aucun examen et il est ignoré.',
    hint: 'Le RIS doit envoyer le numéro de demande du prescripteur ou du producteur (ORC-2/ORC-3, OBR-2/OBR-3) ou le numéro d’examen (IPC-1).',
  },
  'hl7-not-performed': {
    message: 'L’examen de ce message n’a pas été réalisé ({status}) : non compté.',
    hint: null,
  },
  'hl7-exam-incomplete.start': {
    message:
      'L’examen n’a pas de début (OBR-7, ou un message d’état ORC-5 = IP), ni de rendez-vous avec un début et une durée : pas encore compté.',
    hint: 'Envoyer aussi les messages d’état ou de résultat de cette demande (ou le rendez-vous SIU).',
  },
  'hl7-exam-incomplete.end': {
    message:
      'L’examen n’a pas de fin (OBR-8, ou un message d’état ORC-5 = CM), ni de rendez-vous avec un début et une durée : pas encore compté.',
    hint: 'Envoyer aussi les messages d’état ou de résultat de cette demande (ou le rendez-vous SIU).',
  },
  'hl7-implausible-times': {
    message:
      'L’examen finit {minutes} minutes après avoir commencé ({start} → {end}) : non compté.',
    hint: 'Vérifier OBR-7/OBR-8 et les heures des messages d’état de cette demande.',
  },
  'unmapped-equipment.hl7': {
    message:
      'Aucune machine du fichier de correspondance pour les salles ou appareils de l’examen ({seen} ; AIG-3, AIL-3, IPC-7/8/9, OBR-18) : examen non compté.',
    hint: 'Ajouter une ligne `equipment` pour cette salle ou cet appareil au fichier de correspondance.',
  },
  'unmapped-act.hl7': {
    message:
      'Le code d’examen {code} (OBR-4 / AIS-3) n’a pas d’acte CCAM dans le fichier de correspondance : laissé hors des actes de l’examen.',
    hint: 'Ajouter une ligne `act` pour ce code au fichier de correspondance.',
  },
  'bad-time-zone': {
    message: 'Fuseau horaire inconnu « {zone} ».',
    hint: 'Utiliser un fuseau IANA comme Europe/Paris.',
  },
  'hl7-unused-message': {
    message:
      '{n, plural, one {# message} other {# messages}} {type} sans rien que plateau utilise : ignorés.',
    hint: null,
  },

  'dicom-no-study-uid': {
    message: 'l’instance n’a pas de StudyInstanceUID : elle ne peut pas être rattachée à un examen',
    hint: 'le fichier est incomplet : l’exporter de nouveau depuis le PACS',
  },
  'dicom-no-device': {
    message: 'ni DeviceSerialNumber, ni StationName, ni AE title : l’appareil est inconnu',
    hint: 'exporter avec les attributs de l’appareil, ou depuis un PACS qui garde l’AE title émetteur',
  },
  'dicom-other-modality': {
    message:
      '{n, plural, one {# instance} other {# instances}} de modalité {modality} ignorées : seuls les scanners (CT) et les IRM (MR) sont comparés',
    hint: null,
  },
  'dicom-unmapped-device': {
    message:
      'l’appareil ({device}) n’est pas dans le fichier de correspondance : {n, plural, one {# instance ignorée} other {# instances ignorées}}',
    hint: 'ajouter l’appareil au fichier de correspondance (numéro de série, station ou AE title → identifiant de machine)',
  },
  'dicom-derived-only': {
    message:
      'l’étude n’a pas d’image ORIGINAL : ses {n, plural, one {# instance DERIVED donne} other {# instances DERIVED donnent}} les heures',
    hint: 'les images dérivées peuvent être reconstruites après l’examen ; les heures sont moins sûres',
  },
  'dicom-no-time': {
    message:
      'l’étude de {n, plural, one {# instance} other {# instances}} n’a ni heure d’acquisition, de contenu, de série ni MPPS : pas d’examen',
    hint: 'exporter les images originales (avec AcquisitionTime) plutôt que des objets dérivés',
  },
  'dicom-study-date-gap': {
    message: 'l’acquisition du {acquired} est à {days} jours de la StudyDate {studyDate}',
    hint: 'l’heure d’acquisition est retenue ; vérifier l’horloge de la modalité ou si l’étude a été réarchivée',
  },
  'dicom-exam-too-long': {
    message:
      'l’étude dure {span}, plus de {hours} h : ce n’est pas un seul passage en salle, ignorée',
    hint: 'vérifier les heures d’acquisition de ses images (études mêlées ou horloge fausse)',
  },
  'dicom-merged-accessions': {
    message:
      'le numéro d’examen {accession} est fusionné avec {into} : même patient, même appareil, moins de {minutes} min d’écart',
    hint: null,
  },
  'dicom-clipped': {
    message:
      'l’examen {exam} chevauche le suivant sur {equipment} de {overlap} : sa fin est raccourcie',
    hint: null,
  },
  'dicom-empty-exam': {
    message: 'l’examen {exam} sur {equipment} commence en même temps que le suivant : écarté',
    hint: 'deux études sur un même appareil au même moment : vérifier les numéros d’examen ou la correspondance des appareils',
  },
  'dicom-duplicate-accession': {
    message: 'le numéro d’examen {accession} sert à un autre examen : celui-ci est nommé {renamed}',
    hint: null,
  },

  'about.fhir': { message: '{place}', hint: null },
  'fhir-datetime.type': { message: 'n’est pas une date-heure sous forme de texte', hint: null },
  'fhir-datetime': {
    message: 'date-heure refusée ({reason})',
    hint: 'donner l’heure avec son décalage UTC (Z ou ±hh:mm), comme R4 l’exige',
  },
  'fhir-date-only': {
    message: 'a une date mais pas d’heure : non utilisé',
    hint: 'envoyer la date et l’heure avec son décalage',
  },
  'fhir-appointment-not-exam': {
    message: '« {status} » : un rendez-vous qui n’a pas eu lieu n’est pas un examen',
    hint: null,
  },
  'fhir-no-room-times.group': {
    message: 'aucune Procedure avec un performedPeriod ne s’y rattache : pas d’examen',
    hint: 'envoyer la Procedure de l’examen (l’ImagingStudy R4 n’a pas d’heure de fin), reliée par basedOn ou par le numéro d’examen',
  },
  'fhir-procedure-not-done': { message: '« {status} » : pas un examen', hint: null },
  'fhir-no-room-times': {
    message: 'pas de performedPeriod avec un début et une fin : pas d’examen',
    hint: 'le RIS doit donner les heures d’entrée et de sortie du patient de la salle',
  },
  'fhir-period-order': { message: 'la fin n’est pas après le début : pas d’examen', hint: null },
  'fhir-no-equipment': {
    message: 'aucune ligne du fichier de correspondance ne correspond à {keys}',
    hint: 'ajouter l’appareil ou la salle à la partie equipment du fichier de correspondance',
  },
  'fhir-no-equipment.schedule': {
    message:
      'aucune ligne du fichier de correspondance ne correspond à {keys} (l’acteur de son Schedule)',
    hint: 'ajouter l’appareil ou la salle à la partie equipment du fichier de correspondance',
  },
  'fhir-unmapped-code': {
    message: 'pas d’acte CCAM pour les codes {codes}',
    hint: 'ajouter les codes locaux à la partie act du fichier de correspondance',
  },
  'fhir-slot-status': {
    message: '{status} n’est pas un statut de Slot',
    hint: 'free, busy, busy-tentative, busy-unavailable ou entered-in-error',
  },
  'fhir-slot-status.empty': {
    message: 'une valeur vide n’est pas un statut de Slot',
    hint: 'free, busy, busy-tentative, busy-unavailable ou entered-in-error',
  },
  'fhir-slot-times': {
    message: 'pas de début et de fin plus tardive : pas de vacation',
    hint: null,
  },
  'fhir-slot-schedule': {
    message: 'son Schedule n’est pas parmi les ressources lues : pas de vacation',
    hint: 'envoyer le Schedule (son acteur nomme l’appareil) avec les créneaux',
  },

  'fhir-json-depth': {
    message: 'le JSON imbrique des tableaux ou des objets sur plus de {depth} niveaux : non lu',
    hint: 'les ressources FHIR sont bien moins imbriquées : envoyer les ressources telles qu’un système FHIR les exporte',
  },
  'fhir-json-depth.line': {
    message:
      'le JSON imbrique des tableaux ou des objets sur plus de {depth} niveaux (à partir de la ligne {line}) : non lu',
    hint: 'les ressources FHIR sont bien moins imbriquées : envoyer les ressources telles qu’un système FHIR les exporte',
  },
  'fhir-json-syntax.line': {
    message: 'la ligne {line} n’est pas du JSON (au caractère {at})',
    hint: 'un fichier NDJSON contient une ressource JSON par ligne',
  },
  'fhir-json-syntax': {
    message: 'le fichier n’est pas du JSON',
    hint: 'envoyer une ressource ou un Bundle FHIR en JSON, ou du NDJSON nommé .ndjson',
  },
  'fhir-not-resource.line-not-object': {
    message: 'la ligne {line} n’est pas un objet JSON',
    hint: 'chaque ligne doit être une ressource FHIR',
  },
  'fhir-not-resource.line-no-type': {
    message: 'la ligne {line} n’a pas de resourceType',
    hint: 'chaque ligne doit être une ressource FHIR',
  },
  'fhir-not-resource.entry-no-type': { message: '{entry} n’a pas de resourceType', hint: null },
  'fhir-not-resource.file-not-object': {
    message: 'le fichier n’est pas un objet JSON',
    hint: 'envoyer une ressource ou un Bundle FHIR',
  },
  'fhir-not-resource.file-no-type': {
    message: 'le fichier n’a pas de resourceType',
    hint: 'envoyer une ressource ou un Bundle FHIR',
  },
  'fhir-bundle-type': {
    message: 'un Bundle.type « {type} » n’est pas lu',
    hint: 'envoyer un Bundle de type {types}',
  },
  'fhir-bundle-entry.array': { message: 'Bundle.entry n’est pas un tableau', hint: null },
  'fhir-bundle-entry': { message: '{entry} n’a pas de ressource', hint: null },
  'fhir-nested-bundle': {
    message: '{entry} est un Bundle : les Bundles imbriqués ne sont pas lus',
    hint: 'envoyer ses entrées dans le Bundle extérieur',
  },
  'fhir-encoding': {
    message: 'le fichier n’est pas en UTF-8 valide',
    hint: 'le JSON FHIR est en UTF-8',
  },

  reconciliation: {
    message:
      'RIS {ris, plural, one {# examen} other {# examens}}, DICOM {dicom, plural, one {# examen} other {# examens}} : {matchedRis, plural, one {# examen RIS rapproché} other {# examens RIS rapprochés}} de {matchedDicom, plural, one {# examen DICOM} other {# examens DICOM}} ({byAccession} par numéro d’examen, {byStudy} par UID d’étude, {byTime} par l’heure à {tolerance} min près), {billed, plural, one {# facturé mais non réalisé} other {# facturés mais non réalisés}}, {performed, plural, one {# réalisé mais non facturé} other {# réalisés mais non facturés}}',
    hint: null,
  },
  'reconciliation.not-reconciled': {
    message:
      'RIS {ris, plural, one {# examen} other {# examens}}, DICOM {dicom, plural, one {# examen} other {# examens}} : {matchedRis, plural, one {# examen RIS rapproché} other {# examens RIS rapprochés}} de {matchedDicom, plural, one {# examen DICOM} other {# examens DICOM}} ({byAccession} par numéro d’examen, {byStudy} par UID d’étude, {byTime} par l’heure à {tolerance} min près), {billed, plural, one {# facturé mais non réalisé} other {# facturés mais non réalisés}}, {performed, plural, one {# réalisé mais non facturé} other {# réalisés mais non facturés}}, {outside, plural, one {# non rapproché} other {# non rapprochés}} ({details})',
    hint: null,
  },
  'reconcile-equipment-mismatch': {
    message:
      '{n, plural, one {# examen rapproché} other {# examens rapprochés}} par numéro d’examen ou UID d’étude sont rattachés à des machines différentes au RIS et en DICOM ; la machine du RIS est gardée',
    hint: 'vérifier les lignes de salles et d’appareils du fichier de correspondance',
  },
  'clock-skew-vs-ris.later': {
    message:
      '{equipment} : les heures DICOM sont en retard de {minutes} min sur celles du RIS (médiane sur {pairs} examens rapprochés par numéro d’examen ou UID d’étude) : l’horloge de l’appareil ou du RIS est décalée',
    hint: 'synchroniser les horloges de l’appareil et du RIS (NTP) ; le rapprochement par l’heure a corrigé ce décalage',
  },
  'clock-skew-vs-ris.earlier': {
    message:
      '{equipment} : les heures DICOM sont en avance de {minutes} min sur celles du RIS (médiane sur {pairs} examens rapprochés par numéro d’examen ou UID d’étude) : l’horloge de l’appareil ou du RIS est décalée',
    hint: 'synchroniser les horloges de l’appareil et du RIS (NTP) ; le rapprochement par l’heure a corrigé ce décalage',
  },
  'billed-not-performed': {
    message:
      '{n, plural, one {# examen RIS n’a} other {# examens RIS n’ont}} pas d’images d’un appareil qui en a envoyé pour cette période ({perEquipment}) : {listed}',
    hint: 'vérifier que ces examens ont eu lieu (un examen annulé mais facturé ?), que leurs images sont arrivées au PACS et que la modalité a repris le numéro d’examen de la liste de travail ; les examens sont gardés',
  },
  'performed-not-billed': {
    message:
      '{n, plural, one {# examen DICOM n’a} other {# examens DICOM n’ont}} pas d’examen au RIS ({perEquipment}) : {listed}',
    hint: 'vérifier que ces examens ont été enregistrés et facturés au RIS (urgences sans demande, numéro d’examen saisi à la console, appareil rattaché à la mauvaise salle) ; les examens sont gardés',
  },

  'dicom-not-dicom-files': {
    message:
      '{n, plural, one {# fichier du dossier n’est} other {# fichiers du dossier ne sont}} pas en DICOM : ignorés',
    hint: null,
  },
  'dicomweb-request': {
    message: 'requête DICOMweb refusée ({detail})',
    hint: 'vérifier l’URL DICOMweb, que le PACS est joignable et les identifiants',
  },

  'dicom-modality-mismatch': {
    message:
      '{equipment} : des instances {modality} sur un appareil {device} : {n, plural, one {# instance ignorée} other {# instances ignorées}}',
    hint: 'deux appareils partagent une même clé (souvent l’AE title d’un PACS ou d’un outil de dé-identification) : les rattacher par numéro de série ou nom de station',
  },
  'dicom-clock-skew': { message: 'contrôle de l’horloge de {equipment} : {checks}', hint: null },
  'dicom-clock-skew.warn': {
    message:
      'contrôle de l’horloge de {equipment} : {checks} — les horloges de l’appareil ne concordent pas ou les fichiers ont été réécrits',
    hint: 'synchroniser l’horloge de la modalité (NTP) ; les heures de salle viennent de l’horloge d’acquisition',
  },

  'removed-identity': {
    message:
      '{field} : {n, plural, one {# valeur retirée ou pseudonymisée} other {# valeurs retirées ou pseudonymisées}} à l’entrée',
    hint: null,
  },
  'outside-campaign.sources': {
    message:
      '{exams} examens et {sessions} vacations hors des jours de la campagne ont été écartés et ne comptent dans aucun chiffre',
    hint: 'la campagne dure {days} jours à partir du {start} ; les systèmes hospitaliers envoient l’activité de tous les jours, les lignes hors de la campagne sont donc attendues et ne sont pas des erreurs ici (elles le seraient dans un kit de données)',
  },
  'outside-campaign.sources-far': {
    message:
      '{exams} examens et {sessions} vacations hors des jours de la campagne ont été écartés et ne comptent dans aucun chiffre ; {far} d’entre eux sont à plus d’un jour, du {from} au {to} : si les dates de la campagne sont justes, vérifier ces dates dans les sources',
    hint: 'la campagne dure {days} jours à partir du {start} ; les systèmes hospitaliers envoient l’activité de tous les jours, les lignes hors de la campagne sont donc attendues et ne sont pas des erreurs ici (elles le seraient dans un kit de données)',
  },
  'no-activity': {
    message:
      'aucun examen ni aucune vacation des sources ne tombe dans les jours de la campagne ({days} jours à partir du {start})',
    hint: 'vérifier le début et la durée de la campagne, et les avertissements sur les examens rattachés à aucune machine (ces examens sont ignorés)',
  },
  'duplicate-exam': {
    message:
      'l’examen {id} est décrit deux fois avec des valeurs différentes de {fields} ; les valeurs de la première source sont gardées',
    hint: 'les sources sont classées HL7 v2, FHIR, tableur, DICOM : vérifier les horloges et les correspondances des sources',
  },
  'duplicate-exam.more': {
    message: '{n} autres examens décrits deux fois avec des valeurs différentes',
    hint: null,
  },
  'duplicate-establishment': {
    message:
      'l’établissement {finess} est décrit deux fois différemment ; la première description est gardée',
    hint: null,
  },
  'unknown-establishment': {
    message:
      'aucune source ne décrit l’établissement {finess} (le finess du fichier de correspondance)',
    hint: 'ajouter des lignes site,name / site,legal_status / site,region au fichier de correspondance',
  },
  'duplicate-equipment': {
    message:
      'la machine {id} est {first} dans une source et {other} dans une autre ; {first} est gardé',
    hint: 'vérifier les lignes equipment du fichier de correspondance',
  },
  'unknown-modality': {
    message:
      'la modalité de la machine {id} est inconnue : aucune source ne dit si c’est un scanner (CT) ou une IRM (MR)',
    hint: 'ajouter une ligne au fichier de correspondance : equipment,modality,CT,{id} (ou MR)',
  },
  'modality-conflict': {
    message:
      'le fichier de correspondance dit que {id} est {mapping}, une source dit {source} ; le fichier de correspondance l’emporte',
    hint: 'corriger la source ou le fichier de correspondance',
  },
  'unused-equipment': {
    message:
      'les machines {ids} du fichier de correspondance n’ont aucune activité dans les sources ; elles sont laissées hors du kit',
    hint: null,
  },
  'duplicate-act': {
    message: 'l’acte {code} a l’ICR {first} et l’ICR {other} ; {first} est gardé',
    hint: null,
  },
  'about.exam': { message: 'examen {id} sur {equipment}', hint: null },
  'about.session': { message: 'vacation de {equipment} à partir du {start}', hint: null },
  'about.equipment': { message: 'machine {id}', hint: null },
  'about.establishment': { message: 'établissement {finess}', hint: null },
  'about.act': { message: 'acte {code}', hint: null },

  'too-many-issues': {
    message:
      '{total} problèmes du type « {code} » dans {file} : les {shown} premiers sont listés, les {omitted} autres non',
    hint: 'corriger ceux qui sont listés (ils ont souvent une seule cause, comme le format d’une colonne) et relire le kit',
  },
  'duplicate-record': {
    message:
      '{n} {what} figurent plus d’une fois dans les données ; la dernière occurrence a été gardée : {shown}',
    hint: 'Chaque enregistrement doit figurer une fois : vérifier que l’export ne répète pas de lignes.',
  },
  'nested-kit': {
    message: 'ignoré : {path} est un dossier de kit de données',
    hint: 'importer un kit de données seul, avec plateau import',
  },
  'empty-journal': {
    message: 'le journal MLLP {dir} ne contient encore aucun message',
    hint: 'plateau listen journalise chaque message qu’il acquitte : vérifier que le RIS lui envoie ses messages',
  },
  'not-in-journal': {
    message: 'ignoré : {name} ne fait pas partie du journal MLLP {dir}',
    hint: 'un dossier de journal n’est lu que pour ses messages : mettre les autres fichiers dans un dossier à part',
  },
  'dicom-dicomdir': {
    message: 'DICOMDIR ({summary}) : l’index d’un ensemble de fichiers, sans examen',
    hint: 'donner les fichiers d’images qu’il liste (le dossier) pour lire les examens',
  },
  'dicom-dicomdir-record': {
    message: '{n} enregistrement(s) de répertoire de type inconnu {type}',
    hint: 'le DICOMDIR a été écrit par un outil non conforme ; les fichiers d’images sont lus quand même, chacun pour lui-même',
  },
  ...registerIssuesFr,
  ...finessIssuesFr,
  ...referencesIssuesFr,
  ...slotsIssuesFr,
  ...scenariosIssuesFr,
  ...costsIssuesFr,
  ...patientKeyIssuesFr,
  ...bundleIssuesFr,
  ...trendsIssuesFr,
};

/** Ce que contient une colonne du kit, dit dans le conseil d'une case obligatoire vide. */
export const frColumnHelp: Readonly<Record<string, string>> = {
  finess: 'les 9 caractères du FINESS géographique',
  name: 'le nom de l’établissement',
  legal_status: 'le code du statut juridique',
  region: 'le code ou le nom de la région',
  equipment_id: 'l’identifiant de la machine',
  modality: 'CT ou MR',
  start: 'la date-heure du début de la vacation',
  end: 'la date-heure de la fin de la vacation',
  type: 'le code du type de vacation',
  exam_id: 'l’identifiant de l’examen, unique par machine',
  category: 'la catégorie du patient A, H, R ou U',
  room_in: 'la date-heure d’entrée du patient en salle',
  room_out: 'la date-heure de sortie du patient de la salle',
  code: 'le code de l’acte CCAM',
  icr: 'l’ICR, un nombre',
  case: 'le code du cas clinique',
  patient: 'externe ou hospitalisé',
  days: 'le nombre de jours jusqu’au premier rendez-vous proposé',
};
