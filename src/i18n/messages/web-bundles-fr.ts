/**
 * Mots des écrans pour les sites venus en agrégats signés (issue 16) : le badge des listes, le
 * bandeau des pages établissement et machine, les onglets masqués et pourquoi. Français, la
 * référence (mêmes clés que web-bundles-en.ts) ; fr.ts les étale.
 */
export const webBundlesMessagesFr = {
  'bundles.web.badge': 'agrégats signés',
  'bundles.web.badgeTitle':
    'Ce site a transmis un paquet signé d’agrégats (bundle), pas ses examens',
  'bundles.web.sites':
    '{n, plural, one {dont # établissement en agrégats signés} other {dont # établissements en agrégats signés}}',
  'bundles.web.banner.title': 'Données transmises en agrégats signés',
  'bundles.web.banner.establishment':
    'Cet établissement a transmis un paquet signé d’agrégats (bundle) plutôt que ses données brutes : les indicateurs de ses machines et leurs distributions regroupées par classes ont été calculés chez lui par plateau, signés de sa clé enregistrée, vérifiés puis importés. Aucune ligne d’examen ni de vacation n’a quitté l’établissement. Ses machines sont comparées à leurs pairs comme les autres (durées et délais à la précision des classes près) ; ce qui demande les examens un à un — chronologie, carte horaire, scénarios, permanence des soins, pertinence — n’est pas disponible pour lui.',
  'bundles.web.banner.machine':
    'Cette machine appartient à un établissement qui a transmis un paquet signé d’agrégats (bundle) : ses indicateurs et leur position parmi les pairs viennent de ce paquet, calculés chez lui par plateau. Aucune ligne d’examen ni de vacation n’a été transmise.',
  'bundles.web.hidden':
    'Chronologie de la semaine, carte horaire et scénarios masqués : ils se construisent à partir des examens et des vacations, que ce site n’a pas transmis.',
  'bundles.web.noScenarios':
    'Pas de scénarios pour ce site : la simulation se calibre sur ses examens et ses vacations, qu’il n’a pas transmis (agrégats signés seulement).',
} as const;
