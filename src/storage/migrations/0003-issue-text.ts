/**
 * Each stored issue's words as a key of the issue catalogs (src/i18n/issues) and its parameters
 * (`Issue.text`), so that the quality screen shows them in the reader's language. Issues stored
 * before keep null here and show their English message.
 */

export const version = 3;
export const name = 'issue-text';

export const sql = /* sql */ `
-- { "key": "duplicate-key.exam", "params": { "id": "E1", … }, "about": { "key": …, "params": … } }
alter table import_issues add column text jsonb;
`;
