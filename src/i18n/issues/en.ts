/**
 * The English words of every issue the kit reader, the CSV tokenizer and the hospital-system
 * sources report: one entry per key (`code` or `code.variant`), a message and a hint in the
 * syntax of message-format.ts. It is the reference: the French catalog has the same keys and
 * the same parameters, and `Issue.message`/`hint` are these texts, filled in.
 */

/** The words of one issue: what is wrong, and what to do (null: nothing to say). */
export interface IssueTemplate {
  message: string;
  hint: string | null;
}

const DATE_TIME_HINT =
  "write it as YYYY-MM-DDTHH:MM[:SS] in the campaign's time zone, e.g. {example}, optionally with an offset such as +01:00 or Z";

export const enIssues = {
  // The CSV tokenizer (src/ingest/csv.ts).
  'empty-file': {
    message: 'the file is empty: it has no header line',
    hint: 'put the column names on the first line',
  },
  'unclosed-quote': {
    message: 'a quoted value opened on line {line} is never closed',
    hint: 'close the value with a double quote, and double any quote inside it ("")',
  },
  'stray-quote': {
    message: 'text "{rest}" follows the closing quote of "{value}"',
    hint: 'inside a quoted value, write a double quote as two double quotes ("")',
  },
  'cell-count': {
    message: 'line has {count} cells, the header has {width}',
    hint: 'separate every value with "{separator}", and put a value that contains "{separator}", a quote or a line break in double quotes',
  },
  'blank-line': {
    message: 'blank line skipped',
    hint: 'remove empty lines between records',
  },
  'blank-line.more': {
    message: '{count, plural, one {# more blank line} other {# more blank lines}} skipped',
    hint: 'remove empty lines between records',
  },

  // Files and encodings.
  'missing-file.campaign': {
    message: '{file} is missing',
    hint: 'add campaign.json: {example}',
  },
  'missing-file': {
    message: '{file} is missing',
    hint: 'add {file} with at least the columns {columns}',
  },
  'unknown-file': {
    message: '{file} is not a file of the data kit; it was not read',
    hint: "the kit's files are {files}",
  },
  'duplicate-file': {
    message: '{file} is given twice ({path})',
    hint: 'keep one copy of each file of the kit',
  },
  'unreadable-file': {
    message: '{file} could not be read: {detail}',
    hint: 'check that the file exists and can be read',
  },
  encoding: {
    message:
      '{file} is not valid UTF-8 (the first bad byte is on line {line}); the file was read with replacement characters',
    hint: 'save the file as "CSV UTF-8" (a spreadsheet exporting Windows-1252 or Latin-1 gives this error)',
  },
  'encoding.campaign': {
    message: '{file} is not valid UTF-8',
    hint: 'save the file as UTF-8',
  },
  'encoding.unicode': {
    message: '{file} is saved as {encoding} (“Unicode text”), not UTF-8; it was not read',
    hint: 'save the file as "CSV UTF-8 (comma delimited)" (in Excel: File, Save As, CSV UTF-8), not as "Unicode text"',
  },

  // campaign.json.
  'invalid-json': {
    message: '{file} is not valid JSON: {detail}',
    hint: 'check quotes, commas and braces; e.g. {example}',
  },
  'invalid-json.object': {
    message: '{file} must hold one JSON object',
    hint: 'write {example}',
  },
  'invalid-campaign.id': {
    message: 'id is {value}, not a non-empty string',
    hint: 'give the campaign an id, e.g. "anap-2010"',
  },
  'invalid-campaign.id-missing': {
    message: 'id is missing, not a non-empty string',
    hint: 'give the campaign an id, e.g. "anap-2010"',
  },
  'invalid-campaign.name': {
    message: 'name is {value}, not a non-empty string',
    hint: 'give the campaign a name, e.g. "Benchmark imagerie 2010"',
  },
  'invalid-campaign.name-missing': {
    message: 'name is missing, not a non-empty string',
    hint: 'give the campaign a name, e.g. "Benchmark imagerie 2010"',
  },
  'invalid-campaign.start': {
    message: 'start is {value}, not a date YYYY-MM-DD',
    hint: 'write the first day of the campaign, e.g. "2010-03-01"',
  },
  'invalid-campaign.start-missing': {
    message: 'start is missing, not a date YYYY-MM-DD',
    hint: 'write the first day of the campaign, e.g. "2010-03-01"',
  },
  'invalid-campaign.days': {
    message: 'days is {value}, not a positive whole number',
    hint: 'write the number of days of the campaign, e.g. 28',
  },
  'invalid-campaign.days-missing': {
    message: 'days is missing, not a positive whole number',
    hint: 'write the number of days of the campaign, e.g. 28',
  },
  'invalid-campaign.timeZone': {
    message: 'timeZone is {value}, not an IANA time zone',
    hint: "write the zone of the sites' clocks, e.g. \"Europe/Paris\"; date-times cannot be read without it",
  },
  'invalid-campaign.timeZone-missing': {
    message: 'timeZone is missing, not an IANA time zone',
    hint: "write the zone of the sites' clocks, e.g. \"Europe/Paris\"; date-times cannot be read without it",
  },
  'unknown-key': {
    message: '{file} has a key "{key}" that is not read',
    hint: 'the keys are {keys}',
  },

  // Headers.
  'identifying-column': {
    message:
      '{file} has a column "{column}" that looks like patient identity (names, birth dates, patient numbers and contact details are refused); none of its rows were read',
    hint: 'delete the column "{column}" from {file} and read the kit again: plateau never needs to know who the patient is',
  },
  'unnamed-column': {
    message: 'column {position} of {file} has no name; it was not read',
    hint: 'name the column or delete it',
  },
  'duplicate-column': {
    message: '{file} has the column "{column}" twice',
    hint: 'keep one of the two columns',
  },
  'unknown-column': {
    message: '{file} has a column "{column}" that is not part of the kit; it was kept aside',
    hint: 'the columns of {file} are {columns}; check the spelling if "{column}" should be one of them',
  },
  'missing-column': {
    message: '{file} has no column "{column}" (its header is: {header})',
    hint: 'add a column named "{column}" to the first line of {file}; the file\'s rows were not read',
  },
  'missing-column.tabs': {
    message: '{file} has no column "{column}" (its header is: {header})',
    hint: 'the header seems separated by tabs: separate cells with "," or ";"',
  },

  // Cells.
  required: {
    message: '{column} is blank',
    hint: 'fill in {column}; it is required',
  },
  'required.help': {
    message: '{column} is blank',
    hint: 'fill in {column} ({columnHelp}); it is required',
  },
  'invalid-value': {
    message: '{column} "{text}" is not one of {values}',
    hint: 'use one of {values}',
  },
  'invalid-value.case': {
    message: '{column} "{text}" is not one of {values}',
    hint: 'write it exactly "{near}" (codes are case-sensitive)',
  },
  'dst-gap': {
    message:
      '{column} "{text}" does not exist in {zone}: the clocks jumped forward that night ({before} to {after}), skipping this time',
    hint: 'give the offset explicitly, e.g. "{text}{before}" if the time was read on a clock still on {before}',
  },
  'dst-ambiguous': {
    message:
      '{column} "{text}" happened twice in {zone}: the clocks went back that night, so this hour was lived at {first} then at {second}',
    hint: 'give the offset explicitly: "{text}{first}" for the first time, "{text}{second}" for the second',
  },
  'invalid-date-time': {
    message: '{column} "{text}" is not a date-time',
    hint: DATE_TIME_HINT,
  },
  'invalid-date-time.slash': {
    message: '{column} "{text}" is not a date-time',
    hint: `${DATE_TIME_HINT}; a date like 01/03/2010 comes from a spreadsheet cell format: set the column to yyyy-mm-dd hh:mm`,
  },
  'invalid-date-time.date-only': {
    message: '{column} "{text}" is not a date-time',
    hint: `${DATE_TIME_HINT}; the time of day is missing`,
  },
  'invalid-number.integer': {
    message: '{column} "{text}" is not a number',
    hint: 'write a whole number, e.g. 12',
  },
  'invalid-number.decimal': {
    message: '{column} "{text}" is not a number',
    hint: 'write a number with a decimal point, e.g. 12.5, without spaces or units',
  },
  'invalid-number.decimal-comma': {
    message: '{column} "{text}" is not a number',
    hint: 'write a number with a decimal point, e.g. 12.5 or 12,5, without spaces or units',
  },
  'invalid-number.not-whole': {
    message: '{column} "{text}" is not a whole number',
    hint: 'write a whole number, e.g. 12',
  },
  'decimal-comma': {
    message: '{column} "{text}" has a decimal comma in a file separated by commas',
    hint: 'write the decimal with a point (12.5), or separate the whole file with ";" to use decimal commas',
  },
  'out-of-range.at-least': {
    message: '{column} {text} is below {min}',
    hint: '{column} must be at least {min}',
  },
  'out-of-range.above': {
    message: '{column} {text} is below {min}',
    hint: '{column} must be greater than {min}',
  },
  'out-of-range.not-above': {
    message: '{column} {text} is not above {min}',
    hint: '{column} must be greater than {min}',
  },
  'out-of-range.installed-year': {
    message: 'installed_year {text} is after 2100',
    hint: 'write the year the machine was installed, e.g. 2008',
  },

  // Rows.
  'duplicate-key.finess': {
    message: 'finess {finess} is already on line {first}',
    hint: 'list each establishment once',
  },
  'duplicate-key.equipment': {
    message: 'equipment_id {id} is already on line {first}',
    hint: 'give each machine its own id',
  },
  'duplicate-key.exam': {
    message: 'exam_id {id} of {equipment} is already on line {first}',
    hint: 'an exam is listed once per machine; remove the repeated row or give it its own id',
  },
  'duplicate-key.act': {
    message: 'act {code} is already on line {first}',
    hint: 'list each act once',
  },
  'invalid-finess': {
    message: 'finess "{finess}" has {length} characters, not 9',
    hint: 'write the 9-character FINESS géographique id',
  },
  'invalid-finess.leading-zero': {
    message: 'finess "{finess}" has {length} characters, not 9',
    hint: 'a spreadsheet may have dropped a leading 0: format the column as text and write all 9 characters',
  },
  'unknown-reference.finess': {
    message: 'finess {finess} is not in {file}',
    hint: 'add the establishment {finess} to {file}, or correct the finess',
  },
  'unknown-reference.equipment': {
    message: 'equipment_id {id} is not in {file}',
    hint: 'add the machine {id} to {file}, or correct the id',
  },
  'end-before-start': {
    message: 'end {end} is not after start {start}',
    hint: 'a session ends after it starts; a night session ends on the next day',
  },
  'report-before-exam': {
    message: 'report_validated_at {report} is before room_out {roomOut}',
    hint: 'check the report validation time; its delay will be negative',
  },
  'outside-campaign': {
    message: "room_in {roomIn} is more than a day outside the campaign's days",
    hint: "check the date, or the campaign's start and days in campaign.json",
  },
  'rounded-duration': {
    message:
      'room_out {roomOut} is {amount} {unit} before room_in {roomIn}, within the precision of room_out',
    hint: 'kept as a short exam; give room_out to the second to avoid this',
  },
  'negative-duration': {
    message: 'room_out {roomOut} is before room_in {roomIn} ({amount} {unit})',
    hint: 'room_out is when the patient left the room: check both times and their dates',
  },
  'duration-over-24h': {
    message:
      'the exam lasts {amount} {unit} (room_in {roomIn}, room_out {roomOut}), over 24 h',
    hint: 'an exam longer than a day is a data error: check the dates of room_in and room_out',
  },
  'case-modality': {
    message: 'case {case} is a {caseModality} case but modality is {modality}',
    hint: 'use modality {caseModality} for {case}, or a {modality} case',
  },

  // The cap on issues per file and code (src/ingest/kit/issue-sink.ts).
  'too-many-issues': {
    message:
      '{total} issues of the kind "{code}" in {file}: the first {shown} are listed, the other {omitted} are not',
    hint: 'fix the listed ones (they usually share one cause, such as a column format) and read the kit again',
  },
} as const satisfies Record<string, IssueTemplate>;

/** A key of the issue catalogs. */
export type IssueKey = keyof typeof enIssues;

/** What a column of the kit holds, said in the hint of a blank required cell. */
export const enColumnHelp: Readonly<Record<string, string>> = {
  finess: 'the 9-character FINESS géographique id',
  name: 'the establishment name',
  legal_status: 'the legal status code',
  region: 'the region code or name',
  equipment_id: 'the machine id',
  modality: 'CT or MR',
  start: 'the date-time the session starts',
  end: 'the date-time the session ends',
  type: 'the session type code',
  exam_id: 'the exam id, unique per machine',
  category: 'the patient category A, H, R or U',
  room_in: 'the date-time the patient entered the room',
  room_out: 'the date-time the patient left the room',
  code: 'the CCAM act code',
  icr: 'the ICR, a number',
  case: 'the clinical case code',
  patient: 'outpatient or inpatient',
  days: 'the number of days to the earliest appointment offered',
};
