/**
 * Each stored machine's exam count (`MachineIndicators.exams`) as a column of `machine_results`,
 * computed by PostgreSQL from the stored figures whoever writes them (an import, a site's import,
 * a bundle, the aggregator): a campaign listing sums it over a few thousand machines rather than
 * counting the campaign's exam rows (17 M for a national year: seconds).
 */

export const version = 10;
export const name = 'machine-exams';

export const sql = /* sql */ `
alter table machine_results
  add column exams integer generated always as ((indicators ->> 'exams')::integer) stored;
`;
