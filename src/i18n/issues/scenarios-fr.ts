/**
 * Issues of the scenario file reader, in French (French reference: fr.ts spreads it). Kept in its own file so
 * that the planning features add their words without touching one another's.
 */
export const scenariosIssuesFr = {
  'scenario-file.size': {
    message: '{file} pèse {size} Kio : un fichier de scénarios fait au plus 1 024 Kio (1 Mio)',
    hint: 'un fichier de scénarios contient quelques scénarios de quelques changements : vérifier que c’est bien le fichier voulu',
  },
  'scenario-file.depth': {
    message: '{file} imbrique listes et objets sur plus de 20 niveaux (ligne {line})',
    hint: 'un fichier de scénarios a au plus cinq niveaux (le fichier, ses scénarios, un scénario, ses changements, une liste de jours) : vérifier les crochets et accolades',
  },
  'scenario-file.syntax': {
    message:
      '{file} n’est pas du JSON valide : le texte devient illisible ligne {line}, caractère {character}',
    hint: 'vérifier les virgules entre éléments (aucune après le dernier), les guillemets droits autour des clés et des textes, et les fermetures de crochets ; JSON n’admet pas de commentaire',
  },
  'scenario-file.shape': {
    message:
      '{file} ne contient ni un scénario, ni une liste de scénarios, ni un objet avec une liste « scenarios »',
    hint: 'écrire un objet dont « scenarios » est une liste de scénarios, chacun avec un « name » et ses « changes » (voir docs/scenarios.md)',
  },
  'scenario-file.empty': {
    message: '{file} ne contient aucun scénario',
    hint: 'ajouter au moins un scénario avec un « name » et ses « changes »',
  },
  'scenario-duplicate.key': {
    message: 'la clé {key} figure deux fois dans le même objet',
    hint: 'JSON ne garde que la dernière : garder la valeur voulue et supprimer l’autre',
  },
  'scenario-duplicate.name': {
    message: 'ce nom est déjà celui du scénario en {first}',
    hint: 'donner à chaque scénario son propre nom : les résultats sont présentés par nom',
  },
  'scenario-duplicate.weekday': {
    message: 'le jour {text} figure deux fois',
    hint: 'citer chaque jour une seule fois',
  },
  'scenario-key.file': {
    message: 'clé inconnue {key} à côté de « scenarios »',
    hint: 'le fichier contient « scenarios » et, au besoin, une « description » : vérifier l’orthographe',
  },
  'scenario-key.scenario': {
    message: 'clé inconnue {key} dans un scénario',
    hint: 'un scénario contient « name », « changes » et, au besoin, une « description » : vérifier l’orthographe',
  },
  'scenario-key.change': {
    message: 'clé inconnue {key} dans un changement de type {type}',
    hint: 'un changement de type {type} prend les clés {keys} : vérifier l’orthographe (majuscules comprises)',
  },
  'scenario-key.rates': {
    message: 'catégorie inconnue {key} dans les taux de rendez-vous non honorés',
    hint: 'les catégories sont A (ambulatoire), H (hospitalisé), R (réanimation) et U (urgences du SU)',
  },
  'scenario-change-type': {
    message: 'type de changement inconnu {text}',
    hint: 'les types sont {types}',
  },
  'scenario-change-type.missing': {
    message: 'un changement n’a pas de « type »',
    hint: 'donner son type, parmi {types}',
  },
  'scenario-required.scenario': {
    message: '{field} manque',
    hint: 'un scénario contient un « name » (le texte affiché dans les tableaux) et ses « changes » (une liste)',
  },
  'scenario-required.change': {
    message: '{field} manque',
    hint: 'un changement de type {type} prend les clés {keys}',
  },
  'scenario-value.list': {
    message: '{field} doit être une liste entre crochets',
    hint: 'par exemple "weekdays": [1, 2, 3, 4, 5], ou "changes": [ ] autour des changements',
  },
  'scenario-value.text': {
    message: '{field} doit être un texte entre guillemets droits',
    hint: 'écrire le texte entre guillemets droits',
  },
  'scenario-value.scenario': {
    message: 'un scénario doit être un objet contenant un « name » et ses « changes »',
    hint: 'voir les exemples de docs/scenarios.md',
  },
  'scenario-value.change': {
    message: 'un changement doit être un objet contenant son « type » et ses champs',
    hint: 'voir les exemples de docs/scenarios.md',
  },
  'scenario-value.rates': {
    message: 'rates doit être un objet de probabilités par catégorie',
    hint: 'par exemple "rates" : un objet avec "A": 0.05 quand 5 % des patients ambulatoires ne viennent pas',
  },
  'scenario-value.name': {
    message: 'le nom du scénario n’est pas un texte de 1 à {max} caractères',
    hint: 'donner les mots affichés dans les tableaux et graphiques, par exemple « Ouverture à 7 h 30 en semaine »',
  },
  'scenario-value.minutes': {
    message: '{field} {text} n’est pas un nombre de minutes de 0 à {max}',
    hint: 'écrire les minutes en nombre, par exemple 30 pour ouvrir une demi-heure plus tôt',
  },
  'scenario-value.extend-nothing': {
    message: 'le changement n’ouvre pas plus tôt et ne ferme pas plus tard',
    hint: 'donner openEarlierMinutes, closeLaterMinutes ou les deux, en minutes au-dessus de 0 (par exemple 30)',
  },
  'scenario-value.count': {
    message: 'count {text} n’est pas un nombre entier de 1 à {max}',
    hint: 'le nombre de machines ajoutées, par exemple 1',
  },
  'scenario-value.share': {
    message: 'share {text} n’est pas un nombre de 0 à {max}',
    hint: 'la part de chaque vacation programmée gardée pour les examens non programmés : 0.3 en garde 30 %',
  },
  'scenario-value.percent': {
    message: 'percent {text} n’est pas un nombre au-dessus de -100 et d’au plus {max}',
    hint: 'la croissance de la demande en pour cent : 10 pour 10 % de plus, -5 pour 5 % de moins',
  },
  'scenario-value.rate': {
    message: 'le taux {text} de la catégorie {category} n’est pas une probabilité de 0 à 1',
    hint: 'par exemple 0.05 quand 5 % des patients ayant rendez-vous ne viennent pas',
  },
  'scenario-value.machine': {
    message: '{field} doit être l’identifiant d’une machine entre guillemets droits',
    hint: 'écrire l’identifiant comme dans equipment.csv, par exemple "CT-1"',
  },
  'scenario-value.weekdays-empty': {
    message: 'la liste des jours est vide',
    hint: 'citer les jours où le changement s’applique : 1 (lundi) à 7 (dimanche)',
  },
  'scenario-value.weekday': {
    message: '{text} n’est pas un jour de la semaine',
    hint: 'écrire 1 (lundi) à 7 (dimanche), en nombres',
  },
  'scenario-value.time': {
    message: '{field} {text} n’est pas une heure locale HH:MM',
    hint: 'écrire l’heure du fuseau de la campagne de 00:00 à 23:59 (24:00 pour une fin à minuit), par exemple "07:30"',
  },
  'scenario-value.time-order': {
    message: 'la fin {end} n’est pas après le début {start}',
    hint: 'une vacation finit le jour où elle commence, après son début (24:00 pour minuit) ; une vacation de nuit en fait deux : l’une jusqu’à 24:00, l’autre dès 00:00 le jour suivant',
  },
  'scenario-empty': {
    message: 'le scénario n’a aucun changement : il répète le statu quo',
    hint: 'ajouter ses changements, ou le retirer',
  },
  'scenario-machine': {
    message: 'aucune machine {machine} parmi celles simulées ({machines})',
    hint: 'désigner une machine par son identifiant comme dans equipment.csv, ou une machine ajoutée plus tôt dans le même scénario (son identifiant suivi de +1, +2…)',
  },
} as const satisfies Record<string, { message: string; hint: string | null }>;
