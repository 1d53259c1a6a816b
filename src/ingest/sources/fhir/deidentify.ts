/**
 * A FHIR R4 Bundle made fit to be kept by plateau (the inbox of `POST /api/fhir`): only the
 * resource types the adapter reads stay, and nothing in them names the patient. A Patient keeps
 * only its birth year and month (the age band's only source; the SNDS keeps no more) under an id
 * that is the keyed hash of its own, and every reference to it is rewritten to match; narratives
 * (`text`), notes, comments, conclusions, free-text descriptions, the display names of
 * references to patients and to staff, contained resources and the identifiers of patients and
 * encounters are dropped (a Location's or Device's display stays: the site mapping matches it). Accessions and study
 * UIDs stay (they join RIS and PACS, and name no one). What the adapter reads is unchanged.
 */
import { pseudonymize } from '../identity.ts';

type JsonObject = Record<string, unknown>;

/** Resource types the FHIR adapter reads; the others (Practitioner, RelatedPerson…) are dropped. */
const KEPT_TYPES = new Set([
  'Patient',
  'ServiceRequest',
  'Appointment',
  'Schedule',
  'Slot',
  'Procedure',
  'ImagingStudy',
  'DiagnosticReport',
  'Encounter',
  'Location',
  'Device',
]);
/** Elements dropped from every resource: its narrative, contained resources, free text. */
const DROPPED_TOP = ['text', 'contained', 'note', 'comment', 'patientInstruction', 'conclusion', 'conclusionCode', 'presentedForm', 'description'];
/** Elements dropped wherever they are nested (annotations and comments are free text). */
const DROPPED_NESTED = new Set(['note', 'comment']);
const PATIENT_REFERENCE = /(?:^|\/)Patient\/([A-Za-z0-9\-.]{1,64})$/;
/** References to people: only the literal reference stays (their display is a name). */
const PERSON_REFERENCE = /(?:^|\/)(?:Practitioner|PractitionerRole|RelatedPerson|Person)\/[A-Za-z0-9\-.]{1,64}$/;
/** Elements dropped from the top level of a resource type. */
const DROPPED_BY_TYPE: Readonly<Record<string, readonly string[]>> = {
  Encounter: ['identifier', 'participant', 'hospitalization', 'diagnosis', 'reasonCode', 'account'],
  ServiceRequest: ['reasonCode', 'reasonReference', 'supportingInfo', 'insurance', 'specimen'],
  Procedure: ['reasonCode', 'reasonReference', 'complication', 'followUp', 'report', 'usedReference'],
  DiagnosticReport: ['result', 'media'],
  Appointment: ['reasonCode', 'reasonReference', 'supportingInformation'],
};

/** What de-identification did to one Bundle. */
export interface DeidentifiedBundle {
  bundle: JsonObject;
  /** Dropped resources and elements, by label (`Patient.name`, `Practitioner resource`). */
  removed: Record<string, number>;
}

const isObject = (v: unknown): v is JsonObject => typeof v === 'object' && v !== null && !Array.isArray(v);

function count(removed: Record<string, number>, label: string): void {
  removed[label] = (removed[label] ?? 0) + 1;
}

/** `birthDate` cut to `YYYY-MM` (or `YYYY` when that is all it has). */
function birthMonth(value: unknown): string | undefined {
  const m = typeof value === 'string' ? /^(\d{4})(-\d{2})?/.exec(value) : null;
  return m ? `${m[1]}${m[2] ?? ''}` : undefined;
}

/** What a reference to a patient becomes: the keyed hash of `Patient/id`, known or not. */
function patientReference(reference: string, patients: ReadonlyMap<string, string>, secret: string): string | undefined {
  const known = patients.get(reference);
  if (known) return known;
  const m = PATIENT_REFERENCE.exec(reference);
  return m ? `Patient/${pseudonymize(`Patient/${m[1]}`, secret)}` : undefined;
}

/**
 * A copy of `value` without nested free text; a Reference to a patient keeps only its reference,
 * rewritten to the hashed id (its display and identifier name the patient).
 */
function clean(value: unknown, patients: ReadonlyMap<string, string>, secret: string, removed: Record<string, number>, path: string): unknown {
  if (Array.isArray(value)) return value.map((v) => clean(v, patients, secret, removed, path));
  if (!isObject(value)) return value;
  const reference = typeof value['reference'] === 'string' ? patientReference(value['reference'], patients, secret) : undefined;
  if (reference !== undefined) {
    for (const key of Object.keys(value)) if (key !== 'reference') count(removed, `${path} patient reference .${key}`);
    return { reference };
  }
  if (typeof value['reference'] === 'string' && PERSON_REFERENCE.test(value['reference'])) {
    for (const key of Object.keys(value)) if (key !== 'reference') count(removed, `${path} person reference .${key}`);
    return { reference: value['reference'] };
  }
  const out: JsonObject = {};
  for (const [key, v] of Object.entries(value)) {
    if (DROPPED_NESTED.has(key)) {
      count(removed, `${path}.${key}`);
      continue;
    }
    // A patient named by a logical identifier or a display instead of a literal reference.
    if ((key === 'subject' || key === 'patient') && isObject(v) && typeof v['reference'] !== 'string') {
      count(removed, `${path}.${key}`);
      continue;
    }
    out[key] = clean(v, patients, secret, removed, path);
  }
  return out;
}

/**
 * The Bundle with the patients' identity taken out (see the module comment); `secret` keys the
 * hash that replaces patient ids.
 *
 * @example
 * const { bundle, removed } = deidentifyFhirBundle(JSON.parse(body), process.env.PLATEAU_SECRET!);
 * // bundle.entry[0].resource → { resourceType: 'Patient', id: 'a3f1…', birthDate: '1945-07' }
 */
export function deidentifyFhirBundle(input: JsonObject, secret: string): DeidentifiedBundle {
  const removed: Record<string, number> = {};
  const entries = Array.isArray(input['entry']) ? input['entry'].filter(isObject) : [];
  // Every way the Bundle refers to each patient, and what it becomes.
  const patients = new Map<string, string>();
  for (const entry of entries) {
    const resource = entry['resource'];
    if (!isObject(resource) || resource['resourceType'] !== 'Patient') continue;
    const id = typeof resource['id'] === 'string' ? resource['id'] : typeof entry['fullUrl'] === 'string' ? entry['fullUrl'] : '';
    const hashed = `Patient/${pseudonymize(`Patient/${id}`, secret)}`;
    // The same hash a reference from another Bundle (`Patient/id`) gets, so they still join.
    if (typeof resource['id'] === 'string') patients.set(`Patient/${resource['id']}`, hashed);
    if (typeof entry['fullUrl'] === 'string') patients.set(entry['fullUrl'], hashed);
  }
  const kept: JsonObject[] = [];
  for (const entry of entries) {
    const resource = entry['resource'];
    if (!isObject(resource)) continue;
    const type = typeof resource['resourceType'] === 'string' ? resource['resourceType'] : '?';
    if (!KEPT_TYPES.has(type)) {
      count(removed, `${type} resource`);
      continue;
    }
    if (type === 'Patient') {
      for (const key of Object.keys(resource)) if (!['resourceType', 'id', 'birthDate'].includes(key)) count(removed, `Patient.${key}`);
      const ref = patients.get(typeof resource['id'] === 'string' ? `Patient/${resource['id']}` : String(entry['fullUrl']));
      const birth = birthMonth(resource['birthDate']);
      if (typeof resource['birthDate'] === 'string' && birth !== resource['birthDate']) count(removed, 'Patient.birthDate day');
      // Found by its type and hashed id: references to it were rewritten to `Patient/<hash>`.
      if (ref) kept.push({ resource: { resourceType: 'Patient', id: ref.slice('Patient/'.length), ...(birth ? { birthDate: birth } : {}) } });
      continue;
    }
    const dropped = new Set([...DROPPED_TOP, ...(DROPPED_BY_TYPE[type] ?? [])]);
    const kept1: JsonObject = {};
    for (const [key, v] of Object.entries(resource)) {
      if (dropped.has(key)) count(removed, `${type}.${key}`);
      else kept1[key] = v;
    }
    const copy = clean(kept1, patients, secret, removed, type) as JsonObject;
    const fullUrl = entry['fullUrl'];
    kept.push({ ...(typeof fullUrl === 'string' ? { fullUrl } : {}), resource: copy });
  }
  const bundle: JsonObject = { resourceType: 'Bundle', type: 'collection', entry: kept };
  if (typeof input['timestamp'] === 'string') bundle['timestamp'] = input['timestamp'];
  return { bundle, removed };
}
