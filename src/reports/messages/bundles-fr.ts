/**
 * French words of the site fiche's notice for a site that came as a signed bundle of aggregates
 * (issue 16), spread into the reports' reference dictionary (`fr.ts`).
 */
export const bundlesFr = {
  'site.bundle.title': 'Agrégats signés',
  'site.bundle.text':
    'Cet établissement a transmis un paquet signé d’agrégats (bundle) et non ses données brutes : les indicateurs de ses machines et leurs distributions regroupées par classes ont été calculés chez lui par plateau, puis vérifiés (signature Ed25519 d’une clé enregistrée pour son FINESS) et importés. Aucune ligne d’examen ni de vacation n’a quitté l’établissement.',
  'site.bundle.key': 'Clé de signature',
  'site.bundle.createdAt': 'Paquet créé le',
  'site.bundle.unknown': 'non précisé',
  'site.bundle.skipped':
    'Les parties qui demandent les examens un à un ne figurent pas dans cette fiche : la simulation « ce qui changerait » et les indicateurs de pertinence. Le positionnement, les durées, les délais et les pistes viennent des agrégats et se lisent comme pour les autres établissements (durées et délais à la précision des classes près).',
} as const;
