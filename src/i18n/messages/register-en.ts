/**
 * Messages of the register feature (English: en.ts spreads it). Kept in its own file so that
 * the planning features add their words without touching one another's.
 */
export const registerMessagesEn = {
  'issue.register-department': 'Unknown département code',
  'issue.register-date': 'Unreadable date',
  'issue.register-field-tesla': 'Field strength on a CT row',
  'issue.register-modality': 'Register modality differs from the campaign machine',
  'issue.register-service-date': 'Put into service before its authorisation',
  'issue.register-detached': 'Register row no longer names a campaign machine',
  'cli.register.reading': 'reading the equipment register {place}',
  'cli.register.refused':
    '{place}: the equipment register has errors (listed above); nothing was stored',
  'cli.register.campaignMissing':
    'the store holds several campaigns: say which one this register is for with --campaign ID (stored: {ids})',
  'cli.register.campaignUnknown':
    'campaign {id} is not in the store (stored: {ids}); import its kit first, then its register',
  'cli.register.noCampaign':
    'the store holds no campaign: import the campaign kit first, then its equipment register',
  'cli.register.finessUnavailable':
    '{place} is a FINESS extraction, which this plateau cannot read yet: convert it into an equipment-register.csv',
} satisfies Record<string, string>;
