/**
 * A FHIR R4 Bundle made fit to be kept by plateau (the inbox of `POST /api/fhir`), by allow-list:
 * only the resource types the adapter reads stay, and in each only the elements it reads
 * (assemble.ts, site-keys.ts); everything else is dropped — narratives, notes, free-text
 * descriptions, every `display` but the ones the site mapping matches, names of people, contained
 * resources, extensions, and any element a future version of the adapter might read.
 *
 * Before anything touches the disk:
 * - a Patient keeps only its birth year and month (the age band's only source; the SNDS keeps no
 *   more) under an id that is the keyed hash of its own, and every reference to it follows;
 * - accessions (identifier type ACSN) and study UIDs (`urn:dicom:uid`) become their keyed hash
 *   (`plateau.h.<digest>`, identity.ts): the adapter reads a raw and a kept one into the same
 *   digest, so RIS and PACS still join; other identifiers of exams and encounters are dropped;
 * - the ids of exam resources, encounters, schedules and slots (an id may be an order or visit
 *   number) become a keyed hash (`h-<digest>`), references and fullUrls rewritten to match;
 * - the displays of references to a room or device (matched by the site mapping) are kept as
 *   their keyed hash, which the adapter matches to the mapping's hashed keys.
 * Location and Device keep their ids, names, aliases, identifiers and types: they name rooms and
 * machines, which the site mapping matches. What the adapter reads is unchanged.
 */
import { hashedIdentifier, pseudonymize } from '../identity.ts';
import { hashedResourceId, isHashedResourceId, patientDigest } from './references.ts';

type JsonObject = Record<string, unknown>;

/** Resources whose ids and keys name rooms and machines (the site mapping's keys): kept as they are. */
const DEVICE_TYPES = new Set(['Location', 'Device']);

/**
 * How an element is kept: `time` (a dateTime), `number`, `status` (one of the resource type's
 * codes), `key` (a device or room key, as it is), `codes` (a CodeableConcept or Coding: system
 * when CCAM, code), `ref` (a Reference: the reference alone), `actor` (a Reference to a room or
 * device: its display hashed too), `examIds` (accessions and study UIDs, hashed), `keyIds`
 * (identifier values of rooms and devices), or the elements of an object.
 */
type Rule =
  | 'time'
  | 'number'
  | 'status'
  | 'key'
  | 'codes'
  | 'ref'
  | 'actor'
  | 'examIds'
  | 'keyIds'
  | { readonly [element: string]: Rule };

const PERIOD: Rule = { start: 'time', end: 'time' };
/** What every exam resource may carry (joins and status). */
const EXAM: Readonly<Record<string, Rule>> = {
  identifier: 'examIds',
  basedOn: 'ref',
  encounter: 'ref',
  subject: 'ref',
  status: 'status',
};

/** The allow-list: the elements the adapter reads, by resource type (Patient apart). */
const KEPT: Readonly<Record<string, Readonly<Record<string, Rule>>>> = {
  ServiceRequest: { ...EXAM, authoredOn: 'time', code: 'codes' },
  Procedure: {
    ...EXAM,
    performedPeriod: PERIOD,
    performedDateTime: 'time',
    location: 'actor',
    code: 'codes',
  },
  ImagingStudy: {
    ...EXAM,
    started: 'time',
    location: 'actor',
    modality: 'codes',
    procedureCode: 'codes',
    procedureReference: 'ref',
    series: { modality: 'codes', performer: { actor: 'actor' } },
  },
  DiagnosticReport: { ...EXAM, issued: 'time', imagingStudy: 'ref' },
  Appointment: {
    ...EXAM,
    start: 'time',
    end: 'time',
    minutesDuration: 'number',
    participant: { actor: 'actor' },
  },
  Encounter: { class: 'codes', location: { location: 'actor' }, subject: 'ref' },
  Schedule: { planningHorizon: PERIOD, actor: 'actor' },
  // meta.lastUpdated: when the slot's status was seen (the booking supply, planning.md §1).
  Slot: {
    start: 'time',
    end: 'time',
    status: 'status',
    schedule: 'ref',
    meta: { lastUpdated: 'time' },
  },
  Location: { name: 'key', alias: 'key', identifier: 'keyIds', type: 'codes' },
  Device: { serialNumber: 'key', deviceName: { name: 'key' }, identifier: 'keyIds' },
};

/** The R4 status codes of each type (another value is dropped: the adapter treats both alike). */
const STATUSES: Readonly<Record<string, ReadonlySet<string>>> = {
  ServiceRequest: new Set([
    'draft',
    'active',
    'on-hold',
    'revoked',
    'completed',
    'entered-in-error',
    'unknown',
  ]),
  Procedure: new Set([
    'preparation',
    'in-progress',
    'not-done',
    'on-hold',
    'stopped',
    'completed',
    'entered-in-error',
    'unknown',
  ]),
  ImagingStudy: new Set(['registered', 'available', 'cancelled', 'entered-in-error', 'unknown']),
  DiagnosticReport: new Set([
    'registered',
    'partial',
    'preliminary',
    'final',
    'amended',
    'corrected',
    'appended',
    'cancelled',
    'entered-in-error',
    'unknown',
  ]),
  Appointment: new Set([
    'proposed',
    'pending',
    'booked',
    'arrived',
    'fulfilled',
    'cancelled',
    'noshow',
    'entered-in-error',
    'checked-in',
    'waitlist',
  ]),
  Slot: new Set(['busy', 'free', 'busy-unavailable', 'busy-tentative', 'entered-in-error']),
};

/** A dateTime's characters; another string stays a string the adapter refuses, without its text. */
const TIME_TEXT = /^[0-9T:+\-.Z]{1,40}$/;
const UNREADABLE_TIME = 'unreadable';
/** A key kept as it is: the shape of a code (no space, nothing that reads as a name). */
const KEY = /^[A-Za-z0-9][A-Za-z0-9_.:/+#-]{0,63}$/;
/** A code of a coding: letters, digits and a few signs (a space inside, as in `TDM THX`). */
const CODE = /^[A-Za-z0-9][A-Za-z0-9 _.:/+#-]{0,63}$/;
/** `Type/id`, also the tail of an absolute URL (as references.ts reads it). */
const TYPE_ID = /(?:^|\/)([A-Z][A-Za-z]+)\/([A-Za-z0-9\-.]{1,64})(?:\/_history\/[^/]+)?$/;

/** What de-identification did to one Bundle. */
export interface DeidentifiedBundle {
  bundle: JsonObject;
  /** Dropped resources and elements, by label (`Patient.name`, `Practitioner resource`). */
  removed: Record<string, number>;
}

const isObject = (v: unknown): v is JsonObject =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

function count(removed: Record<string, number>, label: string): void {
  removed[label] = (removed[label] ?? 0) + 1;
}

/** `birthDate` cut to `YYYY-MM` (or `YYYY` when that is all it has). */
function birthMonth(value: unknown): string | undefined {
  const m = typeof value === 'string' ? /^(\d{4})(-\d{2})?/.exec(value) : null;
  return m ? `${m[1]}${m[2] ?? ''}` : undefined;
}

/** A patient's new id: the keyed hash of `Patient/<id>`, the same from any Bundle (a kept one stays). */
function patientId(id: string, secret: string): string {
  return patientDigest(id, secret);
}

/** A resource's id as kept: its own for rooms and devices (when shaped like a code), a keyed hash otherwise. */
function keptId(type: string, id: string, secret: string): string {
  if (DEVICE_TYPES.has(type) && KEY.test(id)) return id;
  if (type === 'Patient') return patientId(id, secret);
  return isHashedResourceId(id) ? id : hashedResourceId(type, id, secret);
}

class Cleaner {
  readonly removed: Record<string, number> = {};
  /** Original fullUrl → the one kept (a Patient's: its `Patient/<hash>` reference). */
  readonly fullUrls = new Map<string, string>();
  constructor(readonly secret: string) {}

  /** A reference as kept, or undefined when it leads to nothing the adapter reads. */
  reference(reference: string): string | undefined {
    const byUrl = this.fullUrls.get(reference);
    if (byUrl !== undefined) return byUrl;
    const m = TYPE_ID.exec(reference);
    if (!m) return undefined;
    const [, type, id] = m as unknown as [string, string, string];
    if (type !== 'Patient' && KEPT[type] === undefined) return undefined;
    return `${type}/${keptId(type, id, this.secret)}`;
  }

  /** A Reference object as kept (`actor`: its display hashed), or undefined. */
  ref(value: JsonObject, path: string, actor: boolean): JsonObject | undefined {
    const out: JsonObject = {};
    const target =
      typeof value['reference'] === 'string' ? this.reference(value['reference']) : undefined;
    if (target !== undefined) out['reference'] = target;
    if (actor && typeof value['display'] === 'string' && value['display'] !== '') {
      out['display'] = hashedIdentifier(value['display'], this.secret);
    }
    for (const key of Object.keys(value)) if (!(key in out)) count(this.removed, `${path}.${key}`);
    return Object.keys(out).length > 0 ? out : undefined;
  }

  /**
   * A room or device key (name, alias, serial, identifier) as kept: as it is when shaped like a
   * code, else its keyed hash, which site-keys.ts matches to the mapping's key.
   */
  key(value: string): string {
    return KEY.test(value) ? value : hashedIdentifier(value, this.secret);
  }

  /** A CodeableConcept or Coding as kept: codes (not a sentence), and a system only when it says CCAM. */
  codes(value: JsonObject): JsonObject | undefined {
    const coding = (c: unknown): JsonObject | undefined => {
      if (!isObject(c) || typeof c['code'] !== 'string' || !CODE.test(c['code'])) return undefined;
      return typeof c['system'] === 'string' && /ccam/i.test(c['system'])
        ? { system: c['system'], code: c['code'] }
        : { code: c['code'] };
    };
    if (value['coding'] === undefined) return coding(value);
    const list = (Array.isArray(value['coding']) ? value['coding'] : [value['coding']])
      .map(coding)
      .filter(isObject);
    return list.length > 0 ? { coding: list } : undefined;
  }

  /** Accessions and study UIDs, as their keyed hashes; other identifiers are dropped. */
  examIds(value: JsonObject): JsonObject | undefined {
    const v = value['value'];
    if (typeof v !== 'string' || v === '') return undefined;
    const type = value['type'];
    const codings = isObject(type)
      ? Array.isArray(type['coding'])
        ? type['coding']
        : [type['coding'] ?? type]
      : [];
    if (codings.some((c) => isObject(c) && c['code'] === 'ACSN')) {
      return { type: { coding: [{ code: 'ACSN' }] }, value: hashedIdentifier(v, this.secret) };
    }
    if (value['system'] === 'urn:dicom:uid')
      return {
        system: 'urn:dicom:uid',
        value: hashedIdentifier(v.replace(/^urn:oid:/, ''), this.secret),
      };
    return undefined;
  }

  /** One element by its rule, or undefined when nothing of it is kept. */
  element(value: unknown, rule: Rule, type: string, path: string): unknown {
    if (Array.isArray(value)) {
      if (rule === 'time' || rule === 'number' || rule === 'status') return undefined;
      const items = value
        .map((v) => this.element(v, rule, type, path))
        .filter((v) => v !== undefined);
      return items.length > 0 ? items : undefined;
    }
    switch (rule) {
      case 'time':
        return typeof value === 'string' ? (TIME_TEXT.test(value) ? value : UNREADABLE_TIME) : 0;
      case 'number':
        return typeof value === 'number' ? value : undefined;
      case 'status':
        return typeof value === 'string' && STATUSES[type]?.has(value) ? value : undefined;
      case 'key':
        return typeof value === 'string' ? this.key(value) : undefined;
      default:
        break;
    }
    if (!isObject(value)) return undefined;
    if (rule === 'ref' || rule === 'actor') return this.ref(value, path, rule === 'actor');
    if (rule === 'codes') return this.codes(value);
    if (rule === 'examIds') return this.examIds(value);
    if (rule === 'keyIds')
      return typeof value['value'] === 'string' ? { value: this.key(value['value']) } : undefined;
    return this.object(value, rule as Readonly<Record<string, Rule>>, type, path);
  }

  /** The elements of `value` that `rules` allow, each by its rule; the others counted as removed. */
  object(
    value: JsonObject,
    rules: Readonly<Record<string, Rule>>,
    type: string,
    path: string,
  ): JsonObject | undefined {
    const out: JsonObject = {};
    for (const [key, v] of Object.entries(value)) {
      const rule = rules[key];
      const kept = rule === undefined ? undefined : this.element(v, rule, type, `${path}.${key}`);
      if (kept === undefined) count(this.removed, `${path}.${key}`);
      else out[key] = kept;
    }
    return Object.keys(out).length > 0 ? out : undefined;
  }
}

/**
 * The Bundle with everything the adapter does not read taken out and its identifiers hashed (see
 * the module comment); `secret` keys the hashes.
 *
 * @example
 * const { bundle, removed } = deidentifyFhirBundle(JSON.parse(body), process.env.PLATEAU_SECRET!);
 * // bundle.entry[0].resource → { resourceType: 'Patient', id: 'a3f1…', birthDate: '1945-07' }
 */
export function deidentifyFhirBundle(input: JsonObject, secret: string): DeidentifiedBundle {
  const cleaner = new Cleaner(secret);
  const { removed } = cleaner;
  const entries = Array.isArray(input['entry']) ? input['entry'].filter(isObject) : [];
  const typeOf = (resource: JsonObject): string =>
    typeof resource['resourceType'] === 'string' ? resource['resourceType'] : '?';
  // A resource's id: its own, else its entry's fullUrl (a Patient's hash must not depend on it).
  const idOf = (entry: JsonObject, resource: JsonObject): string =>
    typeof resource['id'] === 'string'
      ? resource['id']
      : typeof entry['fullUrl'] === 'string'
        ? entry['fullUrl']
        : '';
  // References by fullUrl (urn:uuid:… or absolute URLs) need this table, filled before any is read.
  for (const entry of entries) {
    const resource = entry['resource'];
    const fullUrl = entry['fullUrl'];
    if (!isObject(resource) || typeof fullUrl !== 'string') continue;
    const type = typeOf(resource);
    if (type === 'Patient')
      cleaner.fullUrls.set(fullUrl, `Patient/${patientId(idOf(entry, resource), secret)}`);
    else if (KEPT[type] !== undefined)
      cleaner.fullUrls.set(
        fullUrl,
        `urn:uuid:${uuidOf(pseudonymize(`fullUrl|${fullUrl}`, secret))}`,
      );
  }
  const kept: JsonObject[] = [];
  for (const entry of entries) {
    const resource = entry['resource'];
    if (!isObject(resource)) continue;
    const request = entry['request'];
    // A deletion gives nothing the adapter reads (parse-input.ts skips it).
    if (isObject(request) && request['method'] === 'DELETE') continue;
    const type = typeOf(resource);
    if (type === 'Patient') {
      for (const key of Object.keys(resource))
        if (!['resourceType', 'id', 'birthDate'].includes(key)) count(removed, `Patient.${key}`);
      const birth = birthMonth(resource['birthDate']);
      if (typeof resource['birthDate'] === 'string' && birth !== resource['birthDate'])
        count(removed, 'Patient.birthDate day');
      // Found by its type and hashed id: references to it are rewritten to `Patient/<hash>`.
      kept.push({
        resource: {
          resourceType: 'Patient',
          id: patientId(idOf(entry, resource), secret),
          ...(birth ? { birthDate: birth } : {}),
        },
      });
      continue;
    }
    const rules = KEPT[type];
    if (rules === undefined) {
      count(removed, `${type} resource`);
      continue;
    }
    const { resourceType: _type, id, ...rest } = resource;
    const out: JsonObject = { resourceType: type };
    if (typeof id === 'string' && id !== '') out['id'] = keptId(type, id, secret);
    Object.assign(out, cleaner.object(rest, rules, type, type) ?? {});
    const fullUrl =
      typeof entry['fullUrl'] === 'string' ? cleaner.fullUrls.get(entry['fullUrl']) : undefined;
    kept.push({ ...(fullUrl === undefined ? {} : { fullUrl }), resource: out });
  }
  // The Bundle's timestamp dates its Slots that carry no meta.lastUpdated (assemble.ts).
  const timestamp =
    typeof input['timestamp'] === 'string' && TIME_TEXT.test(input['timestamp'])
      ? { timestamp: input['timestamp'] }
      : {};
  return {
    bundle: { resourceType: 'Bundle', type: 'collection', ...timestamp, entry: kept },
    removed,
  };
}

/** A UUID-shaped text from a digest's first 32 hex digits. */
function uuidOf(hex: string): string {
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}
