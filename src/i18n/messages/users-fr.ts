/**
 * Messages de `plateau users` (comptes de l'observatoire, issue 15). Fichier séparé, étalé dans
 * fr.ts ; users-en.ts a les mêmes clés. Jamais de mot de passe dans un message.
 */
export const usersMessagesFr = {
  'cli.users.added': 'Utilisateur {email} ajouté (rôle {role}).',
  'cli.users.disabled':
    'Utilisateur {email} désactivé : il ne peut plus se connecter et ses sessions sont révoquées.',
  'cli.users.reset': 'Mot de passe de {email} changé : ses sessions ouvertes sont révoquées.',
  'cli.users.none':
    'Aucun utilisateur dans {store} : « plateau users add EMAIL --role admin » crée le premier.',
  'cli.users.noPassword':
    'aucun mot de passe : définissez PLATEAU_USER_PASSWORD ou donnez-le sur la première ligne de l’entrée standard (jamais en option)',
  'cli.users.prompt': 'Mot de passe (12 caractères au moins), puis Entrée : ',
  'cli.users.head.email': 'e-mail',
  'cli.users.head.role': 'rôle',
  'cli.users.head.scope': 'périmètre',
  'cli.users.head.name': 'nom',
  'cli.users.head.created': 'créé le',
  'cli.users.head.state': 'état',
  'cli.users.state.active': 'actif',
  'cli.users.state.disabled': 'désactivé le {date}',
  'cli.users.scope.region': 'région {code}',
  'cli.users.scope.all': 'toute la France',
};
