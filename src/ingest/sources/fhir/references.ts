/**
 * References between the resources read together: `urn:uuid:…` and absolute URLs through the
 * Bundle's fullUrls (inside that bundle), `Type/id` (also the tail of an absolute URL) across
 * every input, so an NDJSON export split per resource type still joins.
 */
import { pseudonymize } from '../identity.ts';
import type { LocatedResource } from './parse-input.ts';
import type { Json } from './values.ts';
import { str } from './values.ts';

const TYPE_ID = /(?:^|\/)([A-Z][A-Za-z]+)\/([A-Za-z0-9\-.]{1,64})(?:\/_history\/[^/]+)?$/;

/** Looks up Reference values among the resources read. */
export class ReferenceIndex {
  readonly #byTypeId = new Map<string, LocatedResource>();
  readonly #byUrl = new Map<string, LocatedResource>();

  constructor(resources: readonly LocatedResource[]) {
    for (const r of resources) {
      if (r.id !== undefined && !this.#byTypeId.has(`${r.type}/${r.id}`))
        this.#byTypeId.set(`${r.type}/${r.id}`, r);
      if (r.fullUrl !== undefined) this.#byUrl.set(`${r.file}\u0000${r.fullUrl}`, r);
    }
  }

  /**
   * The resource a Reference points to, seen from `from` (its bundle first), or undefined.
   *
   * @example
   * index.resolve({ reference: 'Schedule/example' }, slot) // → the Schedule read, if any
   */
  resolve(reference: Json | undefined, from: LocatedResource): LocatedResource | undefined {
    const target = str(reference, 'reference');
    if (!target || target.startsWith('#')) return undefined;
    const inBundle = this.#byUrl.get(`${from.file}\u0000${target}`);
    if (inBundle) return inBundle;
    const m = TYPE_ID.exec(target);
    return m ? this.#byTypeId.get(`${m[1]}/${m[2]}`) : undefined;
  }

  /** The id part of a `Type/id` reference (even when the resource was not read), or undefined. */
  static idOf(reference: Json | undefined): { type: string; id: string } | undefined {
    const m = TYPE_ID.exec(str(reference, 'reference') ?? '');
    return m?.[1] && m[2] ? { type: m[1], id: m[2] } : undefined;
  }
}

/** An id as the FHIR inbox keeps it: `h-` and 62 hex digits of a keyed hash (a FHIR id has at most 64 characters). */
const HASHED_ID = /^h-[0-9a-f]{62}$/;

/** True when `id` is a resource id the FHIR inbox already hashed. */
export function isHashedResourceId(id: string): boolean {
  return HASHED_ID.test(id);
}

/**
 * The id the FHIR inbox gives resource `type`/`id` (an order or visit number may be an id):
 * `h-` and the first 62 hex digits of the keyed hash of `Type/id`.
 *
 * @example
 * hashedResourceId('Procedure', 'ACC42', secret) // → 'h-3b0c…' (64 characters)
 */
export function hashedResourceId(type: string, id: string, secret: string): string {
  return `h-${pseudonymize(`${type}/${id}`, secret).slice(0, 62)}`;
}

/**
 * The keyed digest a resource is known by (at least 62 hex digits), the same for its raw id and
 * the id the inbox kept: exam ids built from it match across a raw file and the inbox.
 *
 * @example
 * resourceDigest('Procedure', 'p1', secret).slice(0, 24) === resourceDigest('Procedure', hashedResourceId('Procedure', 'p1', secret), secret).slice(0, 24)
 */
export function resourceDigest(type: string, id: string, secret: string): string {
  return isHashedResourceId(id) ? id.slice(2) : pseudonymize(`${type}/${id}`, secret);
}

/**
 * The keyed digest a patient is known by: the hash of `Patient/<id>` (its id, else its entry's
 * fullUrl), or the id itself when the FHIR inbox already made it that digest (64 hex digits).
 * It is the id the inbox gives a Patient (deidentify.ts) and the exams' patient key (assemble.ts).
 *
 * @example
 * patientDigest('p1', secret) === patientDigest(patientDigest('p1', secret), secret) // true
 */
export function patientDigest(id: string, secret: string): string {
  return /^[0-9a-f]{64}$/.test(id) ? id : pseudonymize(`Patient/${id}`, secret);
}
