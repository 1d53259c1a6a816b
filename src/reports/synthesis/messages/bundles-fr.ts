/**
 * French words of the syntheses for sites that came as signed bundles of aggregates (issue 16),
 * spread into the synthesis' reference dictionary (`fr.ts`).
 */
export const bundlesFr = {
  'intro.panel.bundles':
    '{n, plural, one {# établissement a transmis des agrégats signés} other {# établissements ont transmis des agrégats signés}} ({machines, plural, one {# machine} other {# machines}}) au lieu de données brutes : les indicateurs des machines et leurs distributions regroupées par classes, calculés sur place et vérifiés à l’import. Ces sites comptent dans les répartitions et les repères comme les autres (durées et délais à la précision des classes près) ; ils sont laissés de côté dans ce qui demande les examens un à un (permanence des soins, pertinence).',
} as const;
