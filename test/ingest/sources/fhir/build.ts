// Small FHIR inputs for the adapter tests: a mapping, resources of one CT exam, and helpers to
// write them as a Bundle or as NDJSON lines.
import type {
  Appointment,
  Bundle,
  Encounter,
  Procedure,
  Resource,
  Schedule,
  ServiceRequest,
  Slot,
} from '@medplum/fhirtypes';
import type { SiteMapping, SourceInput } from '../../../../src/ingest/sources/types.ts';

export const MAPPING: SiteMapping = {
  finess: '750000001',
  timeZone: 'Europe/Paris',
  equipment: [
    { serial: 'SN-1', equipmentId: 'CT-1' },
    { location: 'room-ct', equipmentId: 'CT-1' },
    { location: 'room-mr', equipmentId: 'MR-1' },
  ],
  categories: [
    { unit: 'ICU', category: 'R' },
    { patientClass: 'EMER', category: 'U' },
    { patientClass: 'IMP', category: 'H' },
    { patientClass: 'AMB', category: 'A' },
  ],
  acts: [{ localCode: 'TDM-THX', ccam: 'ZBQK002' }],
};
export const CONTEXT = { mapping: MAPPING, secret: 'test-secret' };

export const encoder = new TextEncoder();

export function input(name: string, text: string): SourceInput {
  return { name, bytes: encoder.encode(text) };
}

/** One exam's resources: encounter, order, procedure in Location/room-ct (ids suffixed by `n`). */
export function examResources(
  n: number,
  over: { start?: string; end?: string; encounterClass?: string } = {},
): [Encounter, ServiceRequest, Procedure] {
  const encounter: Encounter = {
    resourceType: 'Encounter',
    id: `enc${n}`,
    status: 'finished',
    class: {
      system: 'http://terminology.hl7.org/CodeSystem/v3-ActCode',
      code: over.encounterClass ?? 'EMER',
    },
  };
  const order: ServiceRequest = {
    resourceType: 'ServiceRequest',
    id: `sr${n}`,
    status: 'completed',
    intent: 'order',
    subject: { reference: 'Patient/x' },
    code: { coding: [{ code: 'TDM-THX' }] },
    encounter: { reference: `Encounter/enc${n}` },
    authoredOn: '2026-03-10T06:00:00Z',
  };
  const procedure: Procedure = {
    resourceType: 'Procedure',
    id: `proc${n}`,
    status: 'completed',
    subject: { reference: 'Patient/x' },
    basedOn: [{ reference: `ServiceRequest/sr${n}` }],
    location: { reference: 'Location/room-ct' },
    performedPeriod: {
      start: over.start ?? '2026-03-10T09:00:00+01:00',
      end: over.end ?? '2026-03-10T09:20:00+01:00',
    },
  };
  return [encounter, order, procedure];
}

export function bundle(
  resources: Resource[],
  type: Bundle['type'] = 'collection',
  fullUrls?: string[],
): string {
  const b: Bundle = {
    resourceType: 'Bundle',
    type,
    entry: resources.map((resource, i) => ({ fullUrl: fullUrls?.[i], resource })),
  };
  return JSON.stringify(b, null, 2);
}

export function ndjson(resources: readonly Resource[]): string {
  return resources.map((r) => JSON.stringify(r)).join('\n');
}

export type { Appointment, Schedule, Slot };
