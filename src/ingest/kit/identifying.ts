/**
 * Patient identity is refused at the door: a header that looks like a name, birth date,
 * patient number, address, phone or e-mail makes the whole file refused before a row is read.
 * Headers are compared case- and accent-insensitively, as words (`_`, `-`, space, camelCase).
 */

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
