/**
 * What the site mapping is matched against: the keys of the Device and Location resources an
 * exam or a slot refers to (serial number, station/device names, AE titles, location ids, names
 * and types), the patient class and unit of its Encounter, and its local exam codes.
 */
import type { Category } from '../../../core/kit-types.ts';
import { quoteCode } from '../../kit/identifying.ts';
import { hashedIdentifier, isHashed } from '../identity.ts';
import type { SiteMapping } from '../types.ts';
import type { LocatedResource } from './parse-input.ts';
import { ReferenceIndex } from './references.ts';
import type { Json } from './values.ts';
import { codings, objs, str } from './values.ts';

/** The keys a device or room is known by. */
export interface DeviceKeys {
  location: Set<string>;
  serial: Set<string>;
  station: Set<string>;
  aeTitle: Set<string>;
}

export function emptyKeys(): DeviceKeys {
  return { location: new Set(), serial: new Set(), station: new Set(), aeTitle: new Set() };
}

/** Adds the keys of the Device or Location `reference` points to (resolved or not). */
export function addActorKeys(
  keys: DeviceKeys,
  reference: Json | undefined,
  target: LocatedResource | undefined,
): void {
  const named = ReferenceIndex.idOf(reference);
  const type = target?.type ?? named?.type;
  const display = str(reference, 'display');
  if (type === 'Location') {
    if (named) keys.location.add(named.id);
    if (display) keys.location.add(display);
    const r = target?.resource;
    if (!r) return;
    if (target.id) keys.location.add(target.id);
    const name = str(r, 'name');
    if (name) keys.location.add(name);
    for (const a of Array.isArray(r['alias']) ? r['alias'] : [])
      if (typeof a === 'string') keys.location.add(a);
    for (const i of objs(r, 'identifier'))
      if (str(i, 'value')) keys.location.add(str(i, 'value') as string);
  } else if (type === 'Device') {
    if (named) keys.station.add(named.id);
    if (display) keys.station.add(display);
    const r = target?.resource;
    if (!r) return;
    if (target.id) keys.station.add(target.id);
    const serial = str(r, 'serialNumber');
    if (serial) keys.serial.add(serial);
    for (const n of objs(r, 'deviceName'))
      if (str(n, 'name')) keys.station.add(str(n, 'name') as string);
    for (const i of objs(r, 'identifier')) {
      const value = str(i, 'value');
      if (value) {
        keys.station.add(value);
        keys.aeTitle.add(value);
      }
    }
  }
}

/** A device or room key as a message may show it: a code, a hashed display, or its shape. */
export function shownKey(value: string): string {
  return isHashed(value) ? 'a hashed display' : quoteCode(value, 32);
}

/** The keys of a device, listed for a message (a name-like key is described, not quoted). */
export function describeKeys(keys: DeviceKeys): string {
  const parts = (['location', 'serial', 'station', 'aeTitle'] as const).flatMap((k) =>
    [...keys[k]].map((v) => `${k} ${shownKey(v)}`),
  );
  return parts.length ? parts.join(', ') : 'no Device or Location reference';
}

/** Keyed hashes of mapping keys, by secret and key (a mapping has few keys; each is hashed once). */
const hashedKeys = new Map<string, string>();

/**
 * True when `set` holds `key`, raw or as the keyed hash the FHIR inbox keeps a display in (only
 * looked for when `secret` is given and the set holds a hashed value).
 */
function holds(set: ReadonlySet<string>, key: string, secret: string | undefined): boolean {
  if (set.has(key)) return true;
  if (secret === undefined || ![...set].some(isHashed)) return false;
  const memo = `${secret}\u0000${key}`;
  let hashed = hashedKeys.get(memo);
  if (hashed === undefined) {
    if (hashedKeys.size > 10_000) hashedKeys.clear();
    hashedKeys.set(memo, (hashed = hashedIdentifier(key, secret)));
  }
  return set.has(hashed);
}

/**
 * The equipment id of the first mapping entry whose given fields all match `keys`; with the site
 * `secret`, a display the inbox kept hashed matches the mapping key it hashes.
 */
export function matchEquipment(
  mapping: SiteMapping,
  keys: DeviceKeys,
  secret?: string,
): string | undefined {
  const entry = mapping.equipment.find((e) => {
    const fields = (['location', 'serial', 'station', 'aeTitle'] as const).filter(
      (k) => e[k] !== undefined,
    );
    return fields.length > 0 && fields.every((k) => holds(keys[k], e[k] as string, secret));
  });
  return entry?.equipmentId;
}

/** The Encounter's class code and the unit keys of its locations (ids, names, Location.type codes). */
export function encounterKeys(
  encounter: LocatedResource | undefined,
  resolve: (ref: Json | undefined) => LocatedResource | undefined,
): { patientClass: string | undefined; units: Set<string> } {
  const units = new Set<string>();
  if (!encounter) return { patientClass: undefined, units };
  const patientClass = codings(encounter.resource['class'] as Json | undefined)[0]?.code;
  for (const l of objs(encounter.resource, 'location')) {
    const ref = l['location'] as Json | undefined;
    const named = ReferenceIndex.idOf(ref);
    if (named) units.add(named.id);
    const display = str(ref, 'display');
    if (display) units.add(display);
    const target = resolve(ref);
    if (target?.type !== 'Location') continue;
    const name = str(target.resource, 'name');
    if (name) units.add(name);
    for (const t of objs(target.resource, 'type')) for (const c of codings(t)) units.add(c.code);
    for (const i of objs(target.resource, 'identifier'))
      if (str(i, 'value')) units.add(str(i, 'value') as string);
  }
  return { patientClass, units };
}

/**
 * The category of the first mapping entry whose given fields match (an entry with none matches
 * all); with the site `secret`, a unit display the inbox kept hashed matches too.
 */
export function matchCategory(
  mapping: SiteMapping,
  patientClass: string | undefined,
  units: Set<string>,
  secret?: string,
): Category | undefined {
  return mapping.categories.find(
    (e) =>
      (e.patientClass === undefined || e.patientClass === patientClass) &&
      (e.unit === undefined || holds(units, e.unit, secret)),
  )?.category;
}

/** CCAM codes of CodeableConcepts: CCAM-system codes as they are, local codes through the mapping. */
export function ccamActs(
  mapping: SiteMapping,
  concepts: readonly (Json | undefined)[],
): { acts: string[]; unmapped: string[] } {
  const acts = new Set<string>();
  const unmapped = new Set<string>();
  for (const concept of concepts) {
    for (const c of codings(concept)) {
      const mapped = /ccam/i.test(c.system ?? '')
        ? c.code
        : mapping.acts.find((a) => a.localCode === c.code)?.ccam;
      if (mapped) acts.add(mapped);
      else unmapped.add(c.code);
    }
  }
  return { acts: [...acts], unmapped: [...unmapped] };
}
