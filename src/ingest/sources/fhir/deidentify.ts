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

/** A patient's new id: the keyed hash of `Patient/<id>`, the same from any Bundle. */
function patientId(id: string, secret: string): string {
  return pseudonymize(`Patient/${id}`, secret);
}

/**
 * What a reference to a patient becomes (`Patient/<hashed id>`), or undefined when it is not
 * one: a `Patient/id` (relative or the tail of a URL), or the fullUrl of a Patient of the Bundle.
 */
function patientReference(reference: string, fullUrls: ReadonlyMap<string, string>, secret: string): string | undefined {
  const m = PATIENT_REFERENCE.exec(reference);
  const id = m ? patientId(m[1] as string, secret) : fullUrls.get(reference);
  return id === undefined ? undefined : `Patient/${id}`;
}

/**
 * A copy of `value` without nested free text; a Reference to a patient keeps only its reference,
 * rewritten to the hashed id (its display and identifier name the patient).
 */
function clean(value: unknown, fullUrls: ReadonlyMap<string, string>, secret: string, removed: Record<string, number>, path: string): unknown {
  if (Array.isArray(value)) return value.map((v) => clean(v, fullUrls, secret, removed, path));
  if (!isObject(value)) return value;
  const reference = typeof value['reference'] === 'string' ? patientReference(value['reference'], fullUrls, secret) : undefined;
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
    out[key] = clean(v, fullUrls, secret, removed, path);
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
  // A Patient's id: its own, else its entry's fullUrl. References by fullUrl (urn:uuid:…) need
  // this table; `Patient/id` references are hashed as they are met.
  const idOf = (entry: JsonObject, resource: JsonObject): string =>
    typeof resource['id'] === 'string' ? resource['id'] : typeof entry['fullUrl'] === 'string' ? entry['fullUrl'] : '';
  const fullUrls = new Map<string, string>();
  for (const entry of entries) {
    const resource = entry['resource'];
    if (isObject(resource) && resource['resourceType'] === 'Patient' && typeof entry['fullUrl'] === 'string') {
      fullUrls.set(entry['fullUrl'], patientId(idOf(entry, resource), secret));
    }
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
      const birth = birthMonth(resource['birthDate']);
      if (typeof resource['birthDate'] === 'string' && birth !== resource['birthDate']) count(removed, 'Patient.birthDate day');
      // Found by its type and hashed id: references to it are rewritten to `Patient/<hash>`.
      kept.push({ resource: { resourceType: 'Patient', id: patientId(idOf(entry, resource), secret), ...(birth ? { birthDate: birth } : {}) } });
      continue;
    }
    const dropped = new Set([...DROPPED_TOP, ...(DROPPED_BY_TYPE[type] ?? [])]);
    const top: JsonObject = {};
    for (const [key, v] of Object.entries(resource)) {
      if (dropped.has(key)) count(removed, `${type}.${key}`);
      else top[key] = v;
    }
    const fullUrl = entry['fullUrl'];
    kept.push({ ...(typeof fullUrl === 'string' ? { fullUrl } : {}), resource: clean(top, fullUrls, secret, removed, type) });
  }
  const bundle: JsonObject = { resourceType: 'Bundle', type: 'collection', entry: kept };
  if (typeof input['timestamp'] === 'string') bundle['timestamp'] = input['timestamp'];
  return { bundle, removed };
}
