/**
 * The English words of every issue the kit reader, the CSV tokenizer and the hospital-system
 * sources report: one entry per key (`code` or `code.variant`), a message and a hint in the
 * syntax of message-format.ts. It is the reference: the French catalog has the same keys and
 * the same parameters, and `Issue.message`/`hint` are these texts, filled in.
 */

import { registerIssuesEn } from './register-en.ts';
import { finessIssuesEn } from './finess-en.ts';
import { referencesIssuesEn } from './references-en.ts';
import { slotsIssuesEn } from './slots-en.ts';
import { scenariosIssuesEn } from './scenarios-en.ts';
import { costsIssuesEn } from './costs-en.ts';
import { patientKeyIssuesEn } from './patient-key-en.ts';
import { bundleIssuesEn } from './bundle-en.ts';
import { trendsIssuesEn } from './trends-en.ts';

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
    hint: 'write the zone of the sites\' clocks, e.g. "Europe/Paris"; date-times cannot be read without it',
  },
  'invalid-campaign.timeZone-missing': {
    message: 'timeZone is missing, not an IANA time zone',
    hint: 'write the zone of the sites\' clocks, e.g. "Europe/Paris"; date-times cannot be read without it',
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
  'outside-campaign.exam-before': {
    message:
      "room_in {roomIn} is {n} days{years, plural, =0 {} one { (# year)} other { (# years)}} before the campaign's first day ({edge}): the campaign runs {days} days from {start}, and only its last night and a day either side are accepted",
    hint: "correct the date (a mistyped year?), or the campaign's start and days in campaign.json",
  },
  'outside-campaign.exam-after': {
    message:
      "room_in {roomIn} is {n} days{years, plural, =0 {} one { (# year)} other { (# years)}} after the campaign's last day ({edge}): the campaign runs {days} days from {start}, and only its last night and a day either side are accepted",
    hint: "correct the date (a mistyped year?), or the campaign's start and days in campaign.json",
  },
  'campaign-margin.exam-before': {
    message:
      "room_in {roomIn} is on the day before the campaign's first day ({edge}): kept, and counted in the figures",
    hint: "check the date, or the campaign's start and days in campaign.json",
  },
  'campaign-margin.exam-after': {
    message:
      "room_in {roomIn} is on the day after the campaign's last day ({edge}), after its last night: kept, and counted in the figures",
    hint: "check the date, or the campaign's start and days in campaign.json",
  },
  'outside-campaign.session-before': {
    message:
      "the session {from} to {to} {end, plural, =1 {ends} other {starts}} {n} days{years, plural, =0 {} one { (# year)} other { (# years)}} before the campaign's first day ({edge}): the campaign runs {days} days from {start}, and only its last night and a day either side are accepted",
    hint: "correct the date (a mistyped year?), or the campaign's start and days in campaign.json",
  },
  'outside-campaign.session-after': {
    message:
      "the session {from} to {to} {end, plural, =1 {ends} other {starts}} {n} days{years, plural, =0 {} one { (# year)} other { (# years)}} after the campaign's last day ({edge}): the campaign runs {days} days from {start}, and only its last night and a day either side are accepted",
    hint: "correct the date (a mistyped year?), or the campaign's start and days in campaign.json",
  },
  'campaign-margin.session-before': {
    message:
      "the session {from} to {to} is on the day before the campaign's first day ({edge}): kept, and counted in the opening hours",
    hint: "check the dates, or the campaign's start and days in campaign.json",
  },
  'campaign-margin.session-after': {
    message:
      "the session {from} to {to} is on the day after the campaign's last day ({edge}), after its last night: kept, and counted in the opening hours",
    hint: "check the dates, or the campaign's start and days in campaign.json",
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
    message: 'the exam lasts {amount} {unit} (room_in {roomIn}, room_out {roomOut}), over 24 h',
    hint: 'an exam longer than a day is a data error: check the dates of room_in and room_out',
  },
  'case-modality': {
    message: 'case {case} is a {caseModality} case but modality is {modality}',
    hint: 'use modality {caseModality} for {case}, or a {modality} case',
  },

  // The site mapping file (src/ingest/sources/mapping.ts).
  'missing-column.mapping': {
    message: 'the header lacks {missing}',
    hint: 'the first line must be: kind,key,value,target',
  },
  'missing-value.site-target': {
    message: '{kind},{key} needs a target',
    hint: 'for site rows, write the value in the target column',
  },
  'missing-value.value': {
    message: '{kind},{key} needs a value',
    hint: 'write the local code or device key in the value column',
  },
  'missing-value.target': {
    message: '{kind},{key} needs a target',
    hint: 'write what it maps to in the target column',
  },
  'unknown-kind': { message: 'unknown kind {kind}', hint: 'write one of {kinds}' },
  'unknown-key.site': { message: 'unknown site key {key}', hint: 'write one of {keys}' },
  'unknown-key.equipment': { message: 'unknown equipment key {key}', hint: 'write one of {keys}' },
  'unknown-key.category': { message: 'unknown category key {key}', hint: 'write one of {keys}' },
  'unknown-key.act': { message: 'unknown act key {key}', hint: 'write local_code' },
  'duplicate-key.site': {
    message: 'site {key} is already given on line {first}',
    hint: 'give each site key once',
  },
  'invalid-category': {
    message: '{value} is not a category',
    hint: 'write A (ambulatoire), H (hospitalisé), R (réanimation) or U (urgences)',
  },
  'invalid-ccam': {
    message: '{value} does not look like a CCAM code',
    hint: 'a CCAM code is 4 letters and 3 digits, e.g. ZBQK002',
  },
  'missing-finess': {
    message: 'the mapping gives no site finess',
    hint: 'add a row: site,finess,,<the 9-character FINESS géographique>',
  },
  'invalid-finess.mapping': {
    message: 'finess {finess} has {length} characters, not 9',
    hint: 'write the 9-character FINESS géographique id (keep a leading 0)',
  },
  'missing-time-zone': {
    message: 'the mapping gives no site time zone',
    hint: 'add a row: site,time_zone,,Europe/Paris',
  },
  'invalid-time-zone': {
    message: '{zone} is not a known time zone',
    hint: 'write an IANA zone such as Europe/Paris or America/Martinique',
  },
  'invalid-value.modality': {
    message: '{value} is not a modality',
    hint: 'write CT (scanner) or MR (IRM)',
  },
  'invalid-value.role': {
    message: '{value} is not an equipment role',
    hint: 'write one of {roles}',
  },
  'invalid-value.year': {
    message: '{value} is not an installation year',
    hint: 'write a 4-digit year, e.g. 2019',
  },
  'invalid-value.legal-status': {
    message: '{value} is not a legal status',
    hint: 'write one of {statuses}',
  },

  // Exams whose patient category cannot be known (src/ingest/sources/patient-class.ts).
  'no-patient-class.hl7v2': {
    message:
      '{n, plural, one {# exam} other {# exams}} of the HL7 v2 source had no patient class (neither PV1-2, PV1-3 nor an ADT message for the visit gave one): counted as outpatients (category A), not dropped.',
    hint: 'Send the patient class with the exams; until then the share from the emergency department and the figures by patient type count these exams as outpatients.',
  },
  'no-patient-class.fhir': {
    message:
      '{n, plural, one {# exam} other {# exams}} of the FHIR source had no patient class (no Encounter with a class or a location joins it): counted as outpatients (category A), not dropped.',
    hint: 'Send the patient class with the exams; until then the share from the emergency department and the figures by patient type count these exams as outpatients.',
  },
  'no-patient-class.dicom': {
    message:
      '{n, plural, one {# exam} other {# exams}} of the DICOM source had no patient class (no RequestingService (0032,1033) in its images): counted as outpatients (category A), not dropped.',
    hint: 'Send the patient class with the exams; until then the share from the emergency department and the figures by patient type count these exams as outpatients.',
  },
  'unmapped-category': {
    message:
      '{n, plural, one {# exam} other {# exams}} of the {source} source had a patient class or unit that the site mapping does not list ({values}{more, plural, =0 {} other { and others}}): counted as outpatients (category A), not dropped.',
    hint: 'Add a category line for each to the site mapping (category,patient_class,E,U or category,unit,REA1,R), then read the sources again.',
  },
  // Source files (src/ingest/sources/registry.ts).
  'unknown-source': {
    message: 'skipped: not a kit file, HL7 v2, FHIR, DICOM or XLSX: {file}',
    hint: 'plateau reads {formats} files and data kit folders; remove the file or check its format',
  },
  'no-source': {
    message: 'none of the input files is a source plateau reads',
    hint: 'give HL7 v2, FHIR R4, DICOM or XLSX files, or folders holding them',
  },
  'no-source.none': {
    message: 'no input file was given',
    hint: 'give HL7 v2, FHIR R4, DICOM or XLSX files, or folders holding them',
  },
  'adapter-failure': {
    message: 'the {reader} reader failed: {detail}',
    hint: 'this is a bug in plateau: please report it with the file (without patient data)',
  },

  // Kit workbooks (src/ingest/sources/xlsx).
  'xlsx-bad-cell.string': {
    message: '{cell} points at a shared string ({index}) that does not exist',
    hint: 'save the workbook again from a spreadsheet program',
  },
  'xlsx-bad-cell.boolean': {
    message: '{cell} is a boolean holding {value} instead of 1 or 0',
    hint: null,
  },
  'xlsx-bad-cell.number': {
    message: '{cell} is a number cell holding {value}, not a number',
    hint: null,
  },
  'xlsx-bad-cell.type': {
    message: '{cell} has an unknown type t={type}',
    hint: null,
  },
  'xlsx-cell-error': {
    message: '{cell} holds the error {error}',
    hint: 'fix the formula or type the value',
  },
  'xlsx-bad-date': {
    message: '{cell} holds {value}, not a date Excel can show',
    hint: 'type the date as YYYY-MM-DD HH:MM',
  },
  'xlsx-formula-without-value': {
    message: '{cell} has a formula but no computed value: read as empty',
    hint: 'open and save the workbook in a spreadsheet program so values are computed',
  },
  'xlsx-cell-outside-columns': {
    message: '{cell} is in a column with no header: not read',
    hint: 'give the column a header in the first row, or clear the cell',
  },
  'xlsx-unreadable': {
    message: '{file} cannot be read as a workbook: {detail}',
    hint: 'save the file again as an Excel workbook (.xlsx) from a spreadsheet program',
  },
  'xlsx-malformed': {
    message: '{file} cannot be read as a workbook: {detail}',
    hint: 'save the file again as an Excel workbook (.xlsx) from a spreadsheet program',
  },
  'unknown-sheet': {
    message: 'sheet {sheet} is not part of the data kit: not read',
    hint: 'the sheets are campaign, establishments, equipment, sessions, exams, acts and appointment-survey',
  },
  'duplicate-file.sheets': {
    message: 'sheets {first} and {second} both hold {file}',
    hint: 'keep one sheet per kit file',
  },

  // HL7 v2 (src/ingest/sources/hl7v2).
  'hl7-no-type': {
    message: 'The message has no message type (MSH-9): message skipped.',
    hint: 'Each MSH must say what the message is, e.g. ORU^R01.',
  },
  'hl7-no-control-id': {
    message: 'The message has no control ID (MSH-10).',
    hint: 'Acknowledgements and duplicates are tracked by MSH-10; have the sender fill it.',
  },
  'hl7-bad-delimiters': {
    message: '{detail}: message skipped.',
    hint: "Start each message with MSH|^~\\&| (or the site's own five distinct delimiters).",
  },
  'hl7-batch-count': {
    message:
      'The batch that starts on line {line} declares {declared} messages (BTS-1) but {read} were read.',
    hint: "A message may be missing or damaged: check the sender's export.",
  },
  'hl7-outside-message': {
    message: 'Text before any MSH segment (a line of {text}) is ignored.',
    hint: 'Each message must start with an MSH segment.',
  },
  'hl7-bad-segment': {
    message:
      'A line of {text} after the {after} segment does not start a segment (three letters or digits, then "{separator}"): line ignored.',
    hint: 'The message may have been cut or wrapped (a line break inside a field); check the export.',
  },
  'hl7-no-message': {
    message: 'No readable HL7 v2 message in this file.',
    hint: 'An HL7 v2 file holds messages that each start with MSH|^~\\&|.',
  },
  'hl7-bad-escape': {
    message: 'An unknown or unclosed escape sequence ({text}) in {field}: kept as written.',
    hint: 'Escape sequences are {escapes}.',
  },
  'hl7-several-messages': {
    message: '{count} messages where one was expected: only the first is read.',
    hint: 'Send one message per frame.',
  },
  'hl7-bad-time': {
    message: 'The value ({text}) is not an HL7 time (YYYYMMDDHHMM[SS][+/-ZZZZ]): ignored.',
    hint: 'Send times as YYYYMMDDHHMMSS, with the UTC offset when possible.',
  },
  'dst-gap.hl7': {
    message: '{text} never happened in {zone} (the clocks jumped forward): read as {read}.',
    hint: 'Send times with their UTC offset (+0200).',
  },
  'dst-ambiguous.hl7': {
    message: '{text} happened twice in {zone} (the clocks went back): the earlier one is used.',
    hint: 'Send times with their UTC offset (+0100 / +0200).',
  },
  'hl7-no-order-number.message-orc': {
    message:
      '{type} message (no ORC, OBR or TXA segment) has no order, accession or appointment number: it cannot be joined to an exam and is ignored.',
    hint: 'The RIS must send the placer/filler order number (ORC-2/ORC-3, OBR-2/OBR-3) or the accession (IPC-1).',
  },
  'hl7-no-order-number.order': {
    message:
      '{type} order has no order, accession or appointment number: it cannot be joined to an exam and is ignored.',
    hint: 'The RIS must send the placer/filler order number (ORC-2/ORC-3, OBR-2/OBR-3) or the accession (IPC-1).',
  },
  'hl7-no-order-number.message-sch': {
    message:
      '{type} message (no SCH segment) has no order, accession or appointment number: it cannot be joined to an exam and is ignored.',
    hint: 'The RIS must send the placer/filler order number (ORC-2/ORC-3, OBR-2/OBR-3) or the accession (IPC-1).',
  },
  'hl7-no-order-number.booking': {
    message:
      '{type} booking has no order, accession or appointment number: it cannot be joined to an exam and is ignored.',
    hint: 'The RIS must send the placer/filler order number (ORC-2/ORC-3, OBR-2/OBR-3) or the accession (IPC-1).',
  },
  'hl7-not-performed': {
    message: 'The exam of this message was not performed ({status}): not counted.',
    hint: null,
  },
  'hl7-exam-incomplete.start': {
    message:
      'The exam has no start (OBR-7, or an ORC-5 = IP status message), nor a booking with a start and duration: not counted yet.',
    hint: 'Send the status or result messages of this order too (or the SIU booking).',
  },
  'hl7-exam-incomplete.end': {
    message:
      'The exam has no end (OBR-8, or an ORC-5 = CM status message), nor a booking with a start and duration: not counted yet.',
    hint: 'Send the status or result messages of this order too (or the SIU booking).',
  },
  'hl7-implausible-times': {
    message: 'The exam ends {minutes} minutes after it starts ({start} → {end}): not counted.',
    hint: 'Check OBR-7/OBR-8 and the status message times of this order.',
  },
  'unmapped-equipment.hl7': {
    message:
      "No equipment in the site mapping for the exam's rooms/devices ({seen}; AIG-3, AIL-3, IPC-7/8/9, OBR-18): exam not counted.",
    hint: 'Add an `equipment` line for this room or device to the site mapping.',
  },
  'unmapped-act.hl7': {
    message:
      "Exam code {code} (OBR-4 / AIS-3) has no CCAM act in the site mapping: left out of the exam's acts.",
    hint: 'Add an `act` line for this code to the site mapping.',
  },
  'bad-time-zone': {
    message: 'Unknown time zone "{zone}".',
    hint: 'Use an IANA zone such as Europe/Paris.',
  },
  'hl7-unused-message': {
    message: '{n} {type} message(s) carry nothing plateau uses: skipped.',
    hint: null,
  },

  // DICOM (src/ingest/sources/dicom/exams.ts).
  'dicom-no-study-uid': {
    message: 'the instance has no StudyInstanceUID: it cannot be grouped into an exam',
    hint: 'the file is incomplete; export it again from the PACS',
  },
  'dicom-no-device': {
    message: 'no DeviceSerialNumber, StationName or AE title: the device is unknown',
    hint: 'export with the device attributes, or from a PACS that keeps the sending AE title',
  },
  'dicom-other-modality': {
    message: '{n} instance(s) of modality {modality} skipped: only CT and MR are benchmarked',
    hint: null,
  },
  'dicom-unmapped-device': {
    message: 'device ({device}) is not in the site mapping: {n} instance(s) skipped',
    hint: 'add the device to the mapping file (serial, station or AE title → equipment id)',
  },
  'dicom-derived-only': {
    message: 'study has no ORIGINAL image: its {n} DERIVED instance(s) give the times',
    hint: 'derived images may be reconstructed after the exam; times are less reliable',
  },
  'dicom-no-time': {
    message: 'study of {n} instance(s) has no acquisition, content, series or MPPS time: no exam',
    hint: 'export the original images (with AcquisitionTime) rather than derived objects',
  },
  'dicom-study-date-gap': {
    message: 'acquisition {acquired} is {days} days from StudyDate {studyDate}',
    hint: 'the acquisition time is used; check the modality clock or whether the study was re-archived',
  },
  'dicom-exam-too-long': {
    message: 'study spans {span}, longer than {hours} h: not one room passage, skipped',
    hint: 'check the acquisition times of its images (mixed studies or a wrong clock)',
  },
  'dicom-merged-accessions': {
    message:
      'accession {accession} merged into {into}: same patient, same device, less than {minutes} min apart',
    hint: null,
  },
  'dicom-clipped': {
    message: 'exam {exam} overlaps the next one on {equipment} by {overlap}: its end is clipped',
    hint: null,
  },
  'dicom-empty-exam': {
    message: 'exam {exam} on {equipment} starts when the next one starts: dropped',
    hint: 'two studies on one device at the same time: check the accessions or the device mapping',
  },
  'dicom-duplicate-accession': {
    message: 'accession {accession} is used by another exam: this one is named {renamed}',
    hint: null,
  },

  // FHIR (src/ingest/sources/fhir): said after the resource and element they are about.
  'about.fhir': { message: '{place}', hint: null },
  'fhir-datetime.type': { message: 'is not a dateTime string', hint: null },
  'fhir-datetime': {
    message: '{reason}',
    hint: 'give the time with its UTC offset (Z or ±hh:mm), as R4 requires',
  },
  'fhir-date-only': {
    message: 'has a date but no time of day: not used',
    hint: 'send the date and time with its offset',
  },
  'fhir-appointment-not-exam': {
    message: "'{status}': a booking that did not happen is not an exam",
    hint: null,
  },
  'fhir-no-room-times.group': {
    message: 'no Procedure with a performedPeriod joins it, so it gives no exam',
    hint: 'send the Procedure of the exam (R4 ImagingStudy has no end time), linked by basedOn or the accession number',
  },
  'fhir-procedure-not-done': { message: "'{status}': not an exam", hint: null },
  'fhir-no-room-times': {
    message: 'no performedPeriod with a start and an end, so no exam',
    hint: 'the RIS must give the times the patient entered and left the room',
  },
  'fhir-period-order': { message: 'the end is not after the start: no exam', hint: null },
  'fhir-no-equipment': {
    message: 'no mapping entry matches {keys}',
    hint: 'add the device or room to the equipment section of the site mapping',
  },
  'fhir-no-equipment.schedule': {
    message: "no mapping entry matches {keys} (its Schedule's actor)",
    hint: 'add the device or room to the equipment section of the site mapping',
  },
  'fhir-unmapped-code': {
    message: 'no CCAM act for the codes {codes}',
    hint: 'add the local codes to the acts section of the site mapping',
  },
  'fhir-slot-status': {
    message: '{status} is not a Slot status',
    hint: 'free, busy, busy-tentative, busy-unavailable or entered-in-error',
  },
  'fhir-slot-status.empty': {
    message: 'an empty value is not a Slot status',
    hint: 'free, busy, busy-tentative, busy-unavailable or entered-in-error',
  },
  'fhir-slot-times': { message: 'no start and later end: no session', hint: null },
  'fhir-slot-schedule': {
    message: 'its Schedule is not among the resources read: no session',
    hint: 'send the Schedule (its actor names the device) with the slots',
  },

  'fhir-json-depth': {
    message: 'the JSON nests arrays or objects more than {depth} levels deep: not read',
    hint: 'FHIR resources nest far less: send the resources as a FHIR system exports them',
  },
  'fhir-json-depth.line': {
    message:
      'the JSON nests arrays or objects more than {depth} levels deep (from line {line}): not read',
    hint: 'FHIR resources nest far less: send the resources as a FHIR system exports them',
  },
  'fhir-json-syntax.line': {
    message: 'line {line} is not JSON (at character {at})',
    hint: 'NDJSON holds one JSON resource per line',
  },
  'fhir-json-syntax': {
    message: 'the file is not JSON',
    hint: 'send a FHIR resource or Bundle as JSON, or NDJSON named .ndjson',
  },
  'fhir-not-resource.line-not-object': {
    message: 'line {line} is not a JSON object',
    hint: 'each line must be one FHIR resource',
  },
  'fhir-not-resource.line-no-type': {
    message: 'line {line} has no resourceType',
    hint: 'each line must be one FHIR resource',
  },
  'fhir-not-resource.entry-no-type': { message: '{entry} has no resourceType', hint: null },
  'fhir-not-resource.file-not-object': {
    message: 'the file is not a JSON object',
    hint: 'send a FHIR resource or Bundle',
  },
  'fhir-not-resource.file-no-type': {
    message: 'the file has no resourceType',
    hint: 'send a FHIR resource or Bundle',
  },
  'fhir-bundle-type': {
    message: "Bundle.type '{type}' is not read",
    hint: 'send a {types} Bundle',
  },
  'fhir-bundle-entry.array': { message: 'Bundle.entry is not an array', hint: null },
  'fhir-bundle-entry': { message: '{entry} has no resource', hint: null },
  'fhir-nested-bundle': {
    message: '{entry} is a Bundle: nested bundles are not read',
    hint: 'send its entries in the outer Bundle',
  },
  'fhir-encoding': { message: 'the file is not valid UTF-8', hint: 'FHIR JSON is UTF-8' },

  // Reconciliation of RIS and DICOM exams (src/ingest/sources/reconcile/issues.ts).
  reconciliation: {
    message:
      'RIS {ris, plural, one {# exam} other {# exams}}, DICOM {dicom, plural, one {# exam} other {# exams}}: {matchedRis, plural, one {# RIS exam} other {# RIS exams}} matched to {matchedDicom, plural, one {# DICOM exam} other {# DICOM exams}} ({byAccession} by accession, {byStudy} by study UID, {byTime} by time within {tolerance} min), {billed} billed but not performed, {performed} performed but not billed',
    hint: null,
  },
  'reconciliation.not-reconciled': {
    message:
      'RIS {ris, plural, one {# exam} other {# exams}}, DICOM {dicom, plural, one {# exam} other {# exams}}: {matchedRis, plural, one {# RIS exam} other {# RIS exams}} matched to {matchedDicom, plural, one {# DICOM exam} other {# DICOM exams}} ({byAccession} by accession, {byStudy} by study UID, {byTime} by time within {tolerance} min), {billed} billed but not performed, {performed} performed but not billed, {outside} not reconciled ({details})',
    hint: null,
  },
  'reconcile-equipment-mismatch': {
    message:
      '{n, plural, one {# exam} other {# exams}} matched by accession or study UID are mapped to different equipment in the RIS and in DICOM; the RIS equipment is kept',
    hint: 'check the room and device rows of the mapping file',
  },
  'clock-skew-vs-ris.later': {
    message:
      "{equipment}: DICOM times are {minutes} min later than the RIS's (median over {pairs} exams matched by accession or study UID): the device or RIS clock is off",
    hint: 'synchronise the device and RIS clocks (NTP); the time matching corrected for the offset',
  },
  'clock-skew-vs-ris.earlier': {
    message:
      "{equipment}: DICOM times are {minutes} min earlier than the RIS's (median over {pairs} exams matched by accession or study UID): the device or RIS clock is off",
    hint: 'synchronise the device and RIS clocks (NTP); the time matching corrected for the offset',
  },
  'billed-not-performed': {
    message:
      '{n, plural, one {# RIS exam has} other {# RIS exams have}} no images from a device that sent images for that period ({perEquipment}): {listed}',
    hint: 'check that these exams took place (a cancelled exam still billed?), that their images reached the PACS, and that the modality used the accession number of the worklist; the exams are kept',
  },
  'performed-not-billed': {
    message:
      '{n, plural, one {# DICOM exam has} other {# DICOM exams have}} no RIS exam ({perEquipment}): {listed}',
    hint: 'check that these exams were recorded and billed in the RIS (emergencies without an order, an accession typed at the console, a device mapped to the wrong room); the exams are kept',
  },

  'dicom-not-dicom-files': {
    message: '{n} file(s) in the folder are not DICOM and were skipped',
    hint: null,
  },
  'dicomweb-request': {
    message: '{detail}',
    hint: 'check the DICOMweb URL, that the PACS is reachable and the credentials',
  },

  'dicom-modality-mismatch': {
    message: '{equipment}: {modality} instances on a {device} device: {n} instance(s) skipped',
    hint: 'two devices share one key (often the AE title of a PACS or a de-identification tool): map them by serial number or station name',
  },
  'dicom-clock-skew': { message: 'clock check for {equipment}: {checks}', hint: null },
  'dicom-clock-skew.warn': {
    message:
      'clock check for {equipment}: {checks} — the device clocks disagree or the files were re-written',
    hint: 'synchronise the modality clock (NTP); room times come from the acquisition clock',
  },

  // Hospital-system sources assembled into a kit (src/ingest/sources/assemble.ts).
  'removed-identity': {
    message:
      '{field}: {n, plural, one {# value} other {# values}} removed or pseudonymized at the door',
    hint: null,
  },
  'outside-campaign.sources': {
    message:
      "{exams} exams and {sessions} sessions outside the campaign's days were left out and count in no figure",
    hint: "the campaign runs {days} days from {start}; hospital systems send every day's activity, so rows outside it are expected and are not errors here (in a data kit they would be)",
  },
  'outside-campaign.sources-far': {
    message:
      "{exams} exams and {sessions} sessions outside the campaign's days were left out and count in no figure; {far} of them more than a day away, from {from} to {to}: if the campaign's dates are right, check those dates in the sources",
    hint: "the campaign runs {days} days from {start}; hospital systems send every day's activity, so rows outside it are expected and are not errors here (in a data kit they would be)",
  },
  'no-activity': {
    message:
      "no exam and no session of the sources falls within the campaign's days ({days} days from {start})",
    hint: "check the campaign's start and days, and the warnings about exams not mapped to a machine (such exams are skipped)",
  },
  'duplicate-exam': {
    message:
      "exam {id} is described twice with different {fields}; the first source's values are kept",
    hint: 'sources are ranked HL7 v2, FHIR, spreadsheet, DICOM: check the clocks and mappings of the sources',
  },
  'duplicate-exam.more': {
    message: '{n} more exams described twice with different values',
    hint: null,
  },
  'duplicate-establishment': {
    message: 'establishment {finess} is described twice differently; the first description is kept',
    hint: null,
  },
  'unknown-establishment': {
    message: "no source describes establishment {finess} (the mapping's finess)",
    hint: 'add site,name / site,legal_status / site,region rows to the mapping file',
  },
  'duplicate-equipment': {
    message: 'equipment {id} is {first} in one source and {other} in another; {first} is kept',
    hint: 'check the equipment rows of the mapping file',
  },
  'unknown-modality': {
    message:
      'the modality of equipment {id} is unknown: no source says whether it is a CT or an MR',
    hint: 'add a row to the mapping file: equipment,modality,CT,{id} (or MR)',
  },
  'modality-conflict': {
    message: 'the mapping says {id} is {mapping}, a source says {source}; the mapping is kept',
    hint: 'fix the source or the mapping file',
  },
  'unused-equipment': {
    message: "the mapping's equipment {ids} has no activity in the sources; left out of the kit",
    hint: null,
  },
  'duplicate-act': {
    message: 'act {code} has ICR {first} and {other}; {first} is kept',
    hint: null,
  },
  // The record an issue of an assembled kit is about, said before its message.
  'about.exam': { message: 'exam {id} on {equipment}', hint: null },
  'about.session': { message: 'session of {equipment} from {start}', hint: null },
  'about.equipment': { message: 'equipment {id}', hint: null },
  'about.establishment': { message: 'establishment {finess}', hint: null },
  'about.act': { message: 'act {code}', hint: null },

  // The cap on issues per file and code (src/ingest/kit/issue-sink.ts).
  'too-many-issues': {
    message:
      '{total} issues of the kind "{code}" in {file}: the first {shown} are listed, the other {omitted} are not',
    hint: 'fix the listed ones (they usually share one cause, such as a column format) and read the kit again',
  },
  // Kept once per input: records repeated in it (storage/import-kit.ts).
  'duplicate-record': {
    message: '{n} {what} appear more than once in the input; the last one was kept: {shown}',
    hint: 'Each record should appear once; check the export for repeated rows.',
  },
  // Inputs of convert/import skipped or empty (cli).
  'nested-kit': {
    message: 'skipped: {path} is a data kit folder',
    hint: 'import a data kit on its own with plateau import',
  },
  'empty-journal': {
    message: 'the MLLP journal {dir} holds no message yet',
    hint: 'plateau listen journals each message it acknowledges: check that the RIS sends to it',
  },
  'not-in-journal': {
    message: 'skipped: {name} is not part of the MLLP journal {dir}',
    hint: 'a journal folder is read as its messages only: move other files to a folder of their own',
  },
  'dicom-dicomdir': {
    message: 'DICOMDIR ({summary}): an index of a file set, no exam in it',
    hint: 'give the image files it lists (the folder) to read the exams',
  },
  'dicom-dicomdir-record': {
    message: '{n} directory record(s) of unknown type {type}',
    hint: 'the DICOMDIR was written by a non-conformant tool; the image files are still read on their own',
  },
  ...registerIssuesEn,
  ...finessIssuesEn,
  ...referencesIssuesEn,
  ...slotsIssuesEn,
  ...scenariosIssuesEn,
  ...costsIssuesEn,
  ...patientKeyIssuesEn,
  ...bundleIssuesEn,
  ...trendsIssuesEn,
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
