/**
 * Issues of the finess reader, in English (the reference for finess-fr.ts): spread into
 * the catalog of en.ts, in their own file so that features add issues without touching one another's.
 */

const BOTH_EXTRACTIONS =
  'give the establishments extraction (etalab-cs1100507-stock-….csv, whose structureet lines have the département and category) with the equipment extraction';

export const finessIssuesEn = {
  'finess-not-extraction': {
    message:
      '{file} is not a FINESS extraction: its first line is neither the comment line "finess;etalab;…" nor a line of a known section',
    hint: 'give the extraction as data.gouv.fr publishes it ("FINESS Extraction du Fichier des établissements"), unchanged',
  },
  'finess-unknown-line': {
    message: 'the line starts with {text}, not with the name of a section',
    hint: 'each line of the extraction starts with its section: structureet, equipmateriellourd, …',
  },
  'finess-line-width': {
    message: '{section} line has {count} fields, not {width}',
    hint: 'a line of this section has {width} fields separated by "{separator}"; a value holding "{separator}" is in double quotes',
  },
  'finess-line-width.structureet': {
    message:
      'structureet line has {count} fields, not 32 (establishments extraction) or 3 (equipment extraction)',
    hint: 'fields are separated by "{separator}"; a value holding "{separator}" is in double quotes',
  },
  'finess-invalid-eml': {
    message: 'eml {text} is not a 5-digit EML code',
    hint: 'EML codes have 5 digits, e.g. 05602 (CT) or 06201 (MRI); a spreadsheet drops the leading zero unless the column is text',
  },
  'finess-invalid-finess': {
    message: 'nofinesset {text} is not a 9-character FINESS number',
    hint: 'a FINESS géographique has 9 characters, e.g. 590000011 or 2A0000018',
  },
  'finess-invalid-date': {
    message: '{column} {text} is not a date',
    hint: 'the extraction writes dates as YYYY-MM-DD, e.g. 2006-11-08',
  },
  'finess-repeated-line': {
    message: 'this authorisation repeats line {first}; it was read once',
    hint: 'an authorisation given twice is still one machine: remove the repeated line (a file concatenated twice gives this)',
  },
  'finess-unknown-establishment': {
    message: 'establishment {finess} has no structureet line in the input',
    hint: 'give the extractions whole: each equipmateriellourd line refers to a structureet line',
  },
  'finess-no-department': {
    message:
      'establishment {finess} has only the short structureet line of the equipment extraction: its département and category are not in the input',
    hint: BOTH_EXTRACTIONS,
  },
  'finess-no-establishments': {
    message:
      '{count, plural, one {# CT or MRI authorisation refers} other {# CT or MRI authorisations refer}} to establishments whose département and category are not in the input: the equipment extraction names them by number only',
    hint: BOTH_EXTRACTIONS,
  },
  'finess-duplicate-establishment': {
    message:
      'establishment {finess} is already described on line {first} with another département or category; the first description is kept',
    hint: 'give one extraction of the establishments',
  },
  'finess-invalid-department': {
    message: 'departement {text} of establishment {finess} is not a département code',
    hint: 'FINESS writes départements as 01 to 95, 2A, 2B, and 9A to 9F overseas',
  },
  'finess-outside-departments': {
    message:
      '{count, plural, one {# CT or MRI authorisation} other {# CT or MRI authorisations}} of establishments in {code} (outside the 101 départements) left out of the register',
    hint: 'the territory figures cover the 101 départements only',
  },
  'finess-unknown-category': {
    message:
      '{count, plural, one {# CT or MRI authorisation} other {# CT or MRI authorisations}} of establishments of category {category}, which plateau does not place in a sector, counted as hospital machines',
    hint: 'plateau takes categories 124, 698 and 699 as private practices and the health establishments as hospitals; to set the sector yourself, give the register as equipment-register.csv',
  },
  'finess-unknown-category.blank': {
    message:
      '{count, plural, one {# CT or MRI authorisation} other {# CT or MRI authorisations}} of establishments without a category counted as hospital machines',
    hint: 'to set the sector yourself, give the register as equipment-register.csv',
  },
  'finess-other-equipment': {
    message:
      '{count, plural, one {# authorisation} other {# authorisations}} of other heavy equipment skipped (EML {codes})',
    hint: null,
  },
  'finess-other-sections': {
    message: '{count, plural, one {# line} other {# lines}} of other sections skipped ({sections})',
    hint: null,
  },
  'finess-no-machines': {
    message: '{file} has no CT (EML 05602) or MRI (EML 06201) authorisation',
    hint: 'check that the input holds the equipment extraction (etalab_cs1100504), whose lines start with equipmateriellourd',
  },
} as const satisfies Record<string, { message: string; hint: string | null }>;
