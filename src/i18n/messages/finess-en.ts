/**
 * Messages of the finess feature (English: en.ts spreads it). Kept in its own file so that
 * the planning features add their words without touching one another's.
 */
export const finessMessagesEn = {
  'issue.finess-not-extraction': 'Not a FINESS extraction',
  'issue.finess-unknown-line': 'FINESS line without a section',
  'issue.finess-line-width': 'FINESS line with the wrong number of fields',
  'issue.finess-invalid-eml': 'Unreadable EML code',
  'issue.finess-invalid-finess': 'Invalid FINESS number in the extraction',
  'issue.finess-invalid-date': 'Unreadable date in the extraction',
  'issue.finess-repeated-line': 'Authorisation given twice',
  'issue.finess-unknown-establishment': 'Equipment of an establishment missing from the extraction',
  'issue.finess-no-department': 'Establishment without département or category',
  'issue.finess-no-establishments': 'Establishments extraction missing',
  'issue.finess-duplicate-establishment': 'Establishment described twice differently',
  'issue.finess-invalid-department': 'Unknown département code',
  'issue.finess-outside-departments': 'Equipment outside the 101 départements, left out',
  'issue.finess-unknown-category': 'Establishment category without a sector',
  'issue.finess-other-equipment': 'Other heavy equipment, skipped',
  'issue.finess-other-sections': 'Other FINESS sections, skipped',
  'issue.finess-no-machines': 'No CT or MRI in the extraction',
} satisfies Record<string, string>;
