/**
 * Words of the small trend charts (src/charts/trends.ts, shared by the web and the PDFs) and of
 * the "Trends" section of the fiches and syntheses. Own file, spread into en.ts.
 */
export const reportTrendsMessagesEn = {
  'trendChart.value': 'This machine',
  'trendChart.band': 'Peers P20–P80',
  'trendChart.peersMedian': 'Peers’ median',
  'trendChart.groupBand': 'Group P20–P80',
  'trendChart.groupMedian': 'Group median',
  'trendChart.nationMedian': 'National median',
  'trendChart.peerCount': '{n, plural, one {# peer} other {# peers}}',
  'trendChart.machineCount': '{n, plural, one {# machine} other {# machines}}',
  'trendChart.absent': 'absent',
  'trendChart.aria':
    '{figure} from campaign {first} to {last}: value, peers’ median and P20–P80 band.',
  'trendChart.ariaGroup':
    '{figure} from campaign {first} to {last}: the group’s median and P20–P80 band.',
} as const;
