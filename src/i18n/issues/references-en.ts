/**
 * Issues of the references reader, in English (the reference for references-fr.ts): spread into
 * the catalog of en.ts, in their own file so that features add issues without touching one another's.
 */
export const referencesIssuesEn = {
  // The reader of OECD Data Explorer exports and of simple tables of figures (ingest/references).
  'reference-format': {
    message:
      '{file} is neither an OECD Data Explorer export (columns REF_AREA, TIME_PERIOD, OBS_VALUE…) nor a table of figures with the columns country, measure, year, value (its header is: {header})',
    hint: 'download the table from OECD Data Explorer as CSV ("Download", then "Filtered data in tabular text (CSV)"), or write the columns country, measure, year, value',
  },
  'reference-empty': {
    message: '{file} has a header but no row of figures',
    hint: 'export the table with its rows, or add one row per figure under the header',
  },
  'reference-measure': {
    message:
      '{count, plural, one {# row} other {# rows}} of the measure {measure} skipped: plateau does not know what it measures (first on line {first})',
    hint: 'plateau reads CT and MRI units per million inhabitants (MEASURE MTU, UNIT_MEASURE 10P6HB), exams per 1,000 inhabitants (10P3HB) and their numbers (NB), in total (_T), in hospitals (HP1) or in ambulatory care (HP3); download the export with labels if its codes are others',
  },
  'reference-measure.simple': {
    message:
      '{count, plural, one {# row} other {# rows}} of the measure {measure} skipped: plateau does not know what it measures (first on line {first})',
    hint: 'write ct or mri, then units_per_million, exams_per_1000, exams, cost_euros, installed_units or mean_wait_days, optionally followed by _hospital or _private_practice, e.g. mri_units_per_million_hospital',
  },
  'reference-area': {
    message:
      '{count, plural, one {# row} other {# rows}} of the area {area} skipped: neither a country (ISO 3166 alpha-3 code such as FRA) nor the OECD average (first on line {first})',
    hint: 'regions and other groups of countries are not read: keep the rows of countries and of the OECD average (OECD)',
  },
  'reference-year': {
    message: '{column} {text} is not a year',
    hint: 'write the year of the figure with four digits, e.g. 2021 (an export by quarter or month is not read)',
  },
  'reference-value': {
    message: '{column} {text} is not a number',
    hint: 'write the figure with a decimal point and no unit, e.g. 16.6',
  },
  'reference-value.negative': {
    message: '{column} {text} is negative',
    hint: 'a density, a number of exams, a cost or a wait is 0 or more',
  },
  'reference-value.blank': {
    message: '{column} is blank: the row was skipped',
    hint: 'an OECD export leaves the value of a missing observation blank; there is nothing to load from this row',
  },
  'reference-unit-mult': {
    message: 'UNIT_MULT {text} is not a power of ten between -12 and 12',
    hint: 'keep the UNIT_MULT column as the export wrote it (0 for units, 3 for thousands)',
  },
  'reference-duplicate': {
    message: '{measure} of {modality} for {area} in {year} is already on line {first}',
    hint: 'keep one row per figure: an export in which another dimension varies (age, sex…) gives several; filter it to the totals',
  },
} as const satisfies Record<string, { message: string; hint: string | null }>;
