/**
 * Issues of the register reader, in English (the reference for register-fr.ts): spread into
 * the catalog of en.ts, in their own file so that features add issues without touching one another's.
 * `equipment-register.csv` (planning.md §1) also reports the kit's own keys (required,
 * invalid-value, invalid-finess, unknown-reference.equipment, out-of-range…).
 */
export const registerIssuesEn = {
  'register-department': {
    message: 'department "{text}" is not a French département code',
    hint: 'write the INSEE code of the département, e.g. 59, 2A or 971',
  },
  'register-date': {
    message: '{column} "{text}" is not a date',
    hint: 'write the date as YYYY-MM-DD, e.g. 2008-06-15',
  },
  'out-of-range.register-year': {
    message: "installed_year {text} is after the campaign's year, {year}",
    hint: 'write the year the machine was installed, from 1950 to {year}',
  },
  'out-of-range.field-tesla': {
    message: 'field_tesla {text} is above 11.7',
    hint: 'write the field strength in tesla, e.g. 1.5 or 3 (no clinical MR machine goes above 11.7 T)',
  },
  'register-field-tesla': {
    message: 'field_tesla {text} is given on a CT row',
    hint: 'field_tesla is for MR machines only: leave it blank on CT rows, or correct the modality',
  },
  'register-modality': {
    message: 'equipment_id {id} is {equipmentModality} in {file}, and this row says {modality}',
    hint: 'correct the modality or the equipment_id: a register row names the campaign machine it is',
  },
  'register-modality.campaign': {
    message:
      'equipment_id {id} is {equipmentModality} in the stored campaign {campaign}, and this row says {modality}',
    hint: 'correct the modality or the equipment_id: a register row names the campaign machine it is',
  },
  'duplicate-key.register-equipment': {
    message: 'equipment_id {id} is already named on line {first}',
    hint: 'a campaign machine is one machine of the fleet: name it on one row only',
  },
  'unknown-reference.register-campaign': {
    message: 'equipment_id {id} is not a machine of the stored campaign {campaign}',
    hint: 'leave equipment_id blank for a machine outside the campaign, or correct the id',
  },
  'register-service-date': {
    message: 'in_service_on {inService} is before authorised_on {authorised}',
    hint: 'a machine is put into service once authorised: check both dates',
  },
  'register-detached': {
    message:
      '{n, plural, one {# row} other {# rows}} of the stored register named machines this kit no longer holds ({ids}): their equipment_id was cleared',
    hint: 'if these machines were renamed, import the equipment register again with their new ids',
  },
} as const satisfies Record<string, { message: string; hint: string | null }>;
