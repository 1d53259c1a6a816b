/**
 * Patient identity is refused at the door: a header that looks like a name, birth date,
 * patient number, address, phone or e-mail makes the whole file refused before a row is read.
 * Headers are compared case- and accent-insensitively, as words (`_`, `-`, space, camelCase).
 * And what is typed in a kit or read from a source is never repeated in a message unless it has
 * the shape of a code, a number or a date (`describeText`, `quoteCode`, `CellTextSink`).
 */
import type { Severity } from '../../core/issues.ts';
import type { IssueKey, IssueParams } from '../../i18n/issues/index.ts';
import { IssueSink } from './issue-sink.ts';

/** Words that identify a patient wherever they appear (compared to each word of the header). */
// prettier-ignore
const PERSON = new Set([
  'prenom', 'prenoms', 'surname', 'forename', 'firstname', 'lastname', 'givenname', 'familyname',
  'maidenname', 'patientname', 'fullname', 'dob', 'ddn', 'birth', 'birthdate', 'birthday',
  'dateofbirth', 'naissance', 'datenaissance', 'ipp', 'nir', 'nss', 'ins', 'ssn', 'mrn', 'patientid',
  'idpatient', 'secu', 'numsecu',
]);

/** Words that identify a patient unless a word of THINGS says whose they are (`adresse_site`). */
// prettier-ignore
const CONTACT = new Set([
  'nom', 'noms', 'insee', 'address', 'adresse', 'addr', 'street', 'rue', 'zip', 'zipcode', 'postcode',
  'postalcode', 'codepostal', 'phone', 'telephone', 'tel', 'mobile', 'portable', 'fax', 'email', 'mail',
  'courriel', 'emailaddress',
]);

/** Joined forms (all words glued) that identify a patient: `first_name`, `date-de-naissance`… */
// prettier-ignore
const JOINED = [
  'firstname', 'lastname', 'givenname', 'familyname', 'maidenname', 'patientname', 'nompatient',
  'dateofbirth', 'birthdate', 'datenaissance', 'datedenaissance', 'lieudenaissance', 'nomdenaissance',
  'nomdusage', 'nomusage', 'nomdefamille', 'patientid', 'idpatient', 'patientnumber', 'numeropatient',
  'numpatient', 'socialsecurity', 'securitesociale', 'numerosecu', 'phonenumber', 'healthinsurance',
];

/** Words saying that a CONTACT word belongs to a thing, not a patient (`nom_etablissement`). */
// prettier-ignore
const THINGS = new Set([
  'etablissement', 'establishment', 'site', 'equipement', 'equipment', 'machine', 'salle', 'room',
  'service', 'region', 'departement', 'department', 'commune', 'acte', 'act', 'hopital', 'hospital',
  'modalite', 'modality', 'protocole', 'protocol', 'campagne', 'campaign', 'structure', 'finess',
]);

/** The words of a header: accents and case dropped, split on non-letters and camelCase. */
export function headerWords(header: string): string[] {
  const plain = header
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase();
  return plain.split(/[^a-z0-9]+/).filter((w) => w.length > 0);
}

/**
 * True when a column header looks like it carries patient identity.
 *
 * @example
 * isIdentifyingHeader('Date_de_Naissance'); // true
 * isIdentifyingHeader('PatientName');       // true
 * isIdentifyingHeader('name');              // false (the establishment's name column)
 */
export function isIdentifyingHeader(header: string): boolean {
  const words = headerWords(header);
  if (words.length === 0) return false;
  const joined = words.join('');
  if (
    words.some((w) => PERSON.has(w)) ||
    PERSON.has(joined) ||
    JOINED.some((j) => joined.includes(j))
  )
    return true;
  return (
    (words.some((w) => CONTACT.has(w)) || CONTACT.has(joined)) && !words.some((w) => THINGS.has(w))
  );
}

/**
 * What a message says of text it cannot quote (unreadable content, free text, a value of the
 * wrong shape): its length and the kinds of characters in it, never the text itself, which may
 * hold a patient's name or address.
 *
 * @example
 * describeText('MARTIN^PAUL 12 RUE') // → '18 characters: letters, digits, spaces, punctuation'
 * describeText('')                   // → 'empty'
 */
export function describeText(text: string): string {
  const length = [...text].length;
  if (length === 0) return 'empty';
  const kinds: string[] = [];
  if (/\p{L}/u.test(text)) kinds.push('letters');
  if (/\p{N}/u.test(text)) kinds.push('digits');
  if (/\s/u.test(text)) kinds.push('spaces');
  if (/[^\p{L}\p{N}\s\p{C}]/u.test(text)) kinds.push('punctuation');
  if (/\p{C}/u.test(text)) kinds.push('control characters');
  return `${length} character${length === 1 ? '' : 's'}: ${kinds.join(', ')}`;
}

/** The shape of a code: letters, digits and `-_./:+#`, no space, nothing else. */
const CODE = /^[A-Za-z0-9][A-Za-z0-9\-_./:+#]*$/;

/**
 * A value of a closed vocabulary (a code, a device or room key, an enumeration value) as a
 * message may show it: quoted when it has the shape of a code (at most `max` characters, letters,
 * digits and `-_./:+#`, no space), else described by `describeText` (a name or a sentence typed
 * in a code field is never repeated).
 *
 * @example
 * quoteCode('CT_SALLE1')   // → '"CT_SALLE1"'
 * quoteCode('Martin Paul') // → 'a value of 11 characters: letters, spaces'
 */
export function quoteCode(value: string, max = 16): string {
  return isCodeShaped(value, max) ? `"${value}"` : `a value of ${describeText(value)}`;
}

/** True when `value` has the shape of a code (see `quoteCode`). */
export function isCodeShaped(value: string, max = 16): boolean {
  return value.length > 0 && value.length <= max && CODE.test(value);
}

/**
 * True when `text` looks like a column header (at most 40 letters, digits, spaces and `_-.()/'`)
 * rather than data (a date, a sentence, a long value): only such a header is quoted in a message.
 *
 * @example
 * isHeaderShaped('commentaire')        // true
 * isHeaderShaped('2026-03-02T08:00')   // false
 */
export function isHeaderShaped(text: string): boolean {
  return /^[\p{L}\p{N} _\-.()/']{1,40}$/u.test(text) && /\p{L}/u.test(text);
}

/** The characters of a number or a date-time as people type them (`12,5`, `02/03/2026 08:00`). */
const NUMBER_OR_DATE = /^[\d\s:\-+.,/TZh]{1,40}$/;

/**
 * A cell's text as a kit issue may show it: a number, a date-time or a code as typed (so the
 * user sees the typo), anything else (a name, a sentence) described by its length and kinds of
 * characters.
 *
 * @example
 * shownCellText('2026-13-01 08:00') // → '2026-13-01 08:00'
 * shownCellText('Martin Paul')      // → '(11 characters: letters, spaces)'
 */
export function shownCellText(text: string): string {
  return NUMBER_OR_DATE.test(text) || isCodeShaped(text) ? text : `(${describeText(text)})`;
}

/** Issue parameters that name the kit's own structure (files, columns, lists, zones), never a cell. */
const STRUCTURE_PARAMS = new Set([
  'file',
  'column',
  'columns',
  'header',
  'values',
  'zone',
  'example',
  'encoding',
  'position',
]);

/**
 * The issue sink of a kit read: what a cell holds (`text`, `finess`, `equipment`… any parameter
 * but the kit's own structure) is shown only as `shownCellText` allows, so no message repeats a
 * name typed in a kit.
 */
export class CellTextSink extends IssueSink {
  override say(
    severity: Severity,
    key: IssueKey,
    file: string,
    line: number | null,
    column: string | null,
    params: IssueParams = {},
  ): void {
    const shown: Record<string, string | number> = {};
    for (const [k, v] of Object.entries(params))
      shown[k] = typeof v === 'string' && !STRUCTURE_PARAMS.has(k) ? shownCellText(v) : v;
    super.say(severity, key, file, line, column, shown);
  }
}
