/**
 * Issues of the trends' machine mapping (issue 16), in English (same keys as trends-fr.ts): the
 * optional `previous_id` column of equipment.csv. Spread into the catalog of en.ts.
 */
export const trendsIssuesEn = {
  'previous-id.invalid': {
    message: 'previous_id {text} is not an id',
    hint: 'write the id the machine had in an earlier campaign, without surrounding spaces, tabs or line breaks; leave it blank when it kept its id',
  },
  'previous-id.self': {
    message: 'previous_id {id} is this machine’s own equipment_id',
    hint: 'previous_id names the machine’s id in an earlier campaign when it changed (renamed, or the machine it replaced): leave it blank when the id is the same',
  },
};
