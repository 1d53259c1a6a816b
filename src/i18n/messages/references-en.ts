/**
 * Messages of the references feature (English: en.ts spreads it). Kept in its own file so that
 * the planning features add their words without touching one another's.
 */
export const referencesMessagesEn = {
  'issue.reference-format': 'Not a table of published figures',
  'issue.reference-empty': 'File without figures',
  'issue.reference-measure': 'Measure not read',
  'issue.reference-area': 'Area not read (neither a country nor the OECD average)',
  'issue.reference-year': 'Unreadable year',
  'issue.reference-value': 'Unreadable figure',
  'issue.reference-unit-mult': 'Unreadable unit multiplier',
  'issue.reference-duplicate': 'Figure given twice',
  'reference.measure.unitsPerMillion': 'Units per million inhabitants',
  'reference.measure.examsPer1000': 'Exams per 1,000 inhabitants a year',
  'reference.measure.exams': 'Exams a year',
  'reference.measure.costEuros': 'Cost of the exams a year (€)',
  'reference.measure.installedUnits': 'Installed units',
  'reference.measure.meanWaitDays': 'Mean wait for an appointment (days)',
  'reference.area.OECD': 'OECD average',
  'reference.origin.shipped': 'shipped with plateau',
  'reference.origin.loaded': 'loaded from an export',
  'cli.references.col.measure': 'measure',
  'cli.references.col.modality': 'modality',
  'cli.references.col.sector': 'sector',
  'cli.references.col.area': 'area',
  'cli.references.col.year': 'year',
  'cli.references.col.value': 'value',
  'cli.references.col.note': 'note',
  'cli.references.col.source': 'source',
  'cli.references.col.origin': 'origin',
  'cli.references.shippedOnly':
    'there is no store in {place}: these are the figures shipped with plateau only (plateau references --load FILE.csv stores newer ones)',
  'cli.references.notFile': '{place} is not a file',
  'cli.references.refused':
    '{place}: {errors, plural, one {# error} other {# errors}}; nothing was stored',
  'cli.references.none': '{place}: no figure plateau reads; nothing was stored',
  'cli.references.loaded':
    '{place}: {n, plural, one {# figure} other {# figures}} stored in {store}: {added} added, {replaced} replaced, {unchanged} unchanged',
} satisfies Record<string, string>;
