/**
 * Mots des petits graphiques de tendance (src/charts/trends.ts, partagés par le web et les PDF)
 * et de la section « Tendances » des fiches et des synthèses. Fichier séparé, étalé dans fr.ts.
 */
export const reportTrendsMessagesFr = {
  'trendChart.value': 'Cette machine',
  'trendChart.band': 'Pairs P20–P80',
  'trendChart.peersMedian': 'Médiane des pairs',
  'trendChart.groupBand': 'P20–P80 du groupe',
  'trendChart.groupMedian': 'Médiane du groupe',
  'trendChart.nationMedian': 'Médiane nationale',
  'trendChart.peerCount': '{n, plural, one {# pair} other {# pairs}}',
  'trendChart.machineCount': '{n, plural, one {# machine} other {# machines}}',
  'trendChart.absent': 'absente',
  'trendChart.aria':
    '{figure} de la campagne {first} à {last} : valeur, médiane et intervalle P20–P80 des pairs.',
  'trendChart.ariaGroup':
    '{figure} de la campagne {first} à {last} : médiane et intervalle P20–P80 du groupe.',
} as const;
