// What the FHIR inbox keeps of a Bundle: no patient name, identifier, day of birth, address,
// narrative, note or display name, no resource type the adapter does not read — and still the
// same exams and sessions, from the hand-written exam Bundle and from every real R4 sample.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { deidentifyFhirBundle } from '../../../../src/ingest/sources/fhir/deidentify.ts';
import { fhirAdapter } from '../../../../src/ingest/sources/fhir/index.ts';
import { pseudonymize } from '../../../../src/ingest/sources/identity.ts';
import type { SiteMapping } from '../../../../src/ingest/sources/types.ts';
import { FIXTURES_DIR, mappingOf, sampleInputs, SECRET } from './cases.ts';

type Json = Record<string, unknown>;
const enc = new TextEncoder();
const read = (bundle: Json, mapping: SiteMapping) =>
  fhirAdapter.read([{ name: 'bundle.json', bytes: enc.encode(JSON.stringify(bundle)) }], {
    mapping,
    secret: SECRET,
  });
const kept = (bundle: Json): Json => deidentifyFhirBundle(bundle, SECRET).bundle;
const withoutBand = <T extends { ageBand: unknown }>(exams: readonly T[]): T[] =>
  exams.map((e) => ({ ...e, ageBand: null }));

const examBundle = JSON.parse(
  readFileSync(join(FIXTURES_DIR, 'exam-bundle', 'input.json'), 'utf8'),
) as Json;

describe('FHIR de-identification (the inbox of POST /api/fhir)', () => {
  it('keeps the patient as a hashed id and a birth month, and nothing else of them', () => {
    const { bundle, removed } = deidentifyFhirBundle(examBundle, SECRET);
    const text = JSON.stringify(bundle);
    const patient = (examBundle['entry'] as Json[])
      .map((e) => e['resource'] as Json | undefined)
      .find((r) => r?.['resourceType'] === 'Patient')!;
    for (const value of [
      JSON.stringify(patient['name']),
      JSON.stringify(patient['identifier']),
      JSON.stringify(patient['address']),
      String(patient['birthDate']),
    ]) {
      expect(text).not.toContain(value.slice(1, -1));
    }
    const hashed = pseudonymize('Patient/p1', SECRET);
    expect(text).toContain(
      `{"resourceType":"Patient","id":"${hashed}","birthDate":"${String(patient['birthDate']).slice(0, 7)}"}`,
    );
    // Every reference to the patient, by fullUrl or Patient/id, now points at the hashed id.
    expect(text).not.toContain('urn:uuid:0a5c2f0e-0000-4000-8000-000000000001');
    expect(text).toContain(`"subject":{"reference":"Patient/${hashed}"}`);
    expect(removed).toMatchObject({
      'Patient.name': 1,
      'Patient.identifier': 1,
      'Patient.address': 1,
      'Patient.birthDate day': 1,
    });
  });

  it('gives the same exam, session and machine from the kept Bundle', async () => {
    const mapping = mappingOf('exam-bundle');
    const before = await read(examBundle, mapping);
    const after = await read(kept(examBundle), mapping);
    expect(before.records.exams).toHaveLength(1);
    expect(withoutBand(after.records.exams)).toEqual(withoutBand(before.records.exams));
    expect([null, before.records.exams[0]!.ageBand]).toContain(after.records.exams[0]!.ageBand);
    expect(after.records.sessions).toEqual(before.records.sessions);
    expect(after.records.equipment).toEqual(before.records.equipment);
    expect([...after.records.keys.values()]).toEqual([...before.records.keys.values()]);
    expect(after.issues.filter((i) => i.severity !== 'info')).toEqual(
      before.issues
        .filter((i) => i.severity !== 'info')
        .map((i) => ({ ...i, line: expect.anything() as unknown })),
    );
  });

  it('drops the narratives, display names, notes and unread resources of the real R4 samples', async () => {
    const resources = sampleInputs().map(
      (i) => JSON.parse(new TextDecoder().decode(i.bytes)) as Json,
    );
    const practitioner: Json = {
      resourceType: 'Practitioner',
      id: 'dr',
      name: [{ family: 'Careful' }],
    };
    const all: Json = {
      resourceType: 'Bundle',
      type: 'collection',
      entry: [...resources, practitioner].map((resource) => ({ resource })),
    };
    const mapping = mappingOf('exam-bundle');
    const before = await read(all, mapping);
    const after = await read(kept(all), mapping);
    expect(withoutBand(after.records.exams)).toEqual(withoutBand(before.records.exams));
    expect(after.records.sessions).toEqual(before.records.sessions);
    const text = JSON.stringify(kept(all));
    // The samples name Peter James Chalmers in references and narratives.
    for (const identity of [
      'Chalmers',
      'Peter',
      '<div',
      '"text":{',
      'Careful',
      '"note"',
      '"comment"',
    ])
      expect(text, identity).not.toContain(identity);
    expect(text).not.toMatch(/"reference":"Patient\/(example|pat\d)"/);
  });

  it('hashes a reference to a patient outside the Bundle the way a Patient inside another one is', () => {
    const order: Json = {
      resourceType: 'Bundle',
      type: 'collection',
      entry: [
        {
          resource: {
            resourceType: 'Procedure',
            id: 'x',
            status: 'completed',
            subject: { reference: 'Patient/IPP42', display: 'MARTIN Paul' },
          },
        },
      ],
    };
    const patient: Json = {
      resourceType: 'Bundle',
      type: 'collection',
      entry: [{ resource: { resourceType: 'Patient', id: 'IPP42', birthDate: '1945-07-12' } }],
    };
    const ref = ((kept(order)['entry'] as Json[])[0]!['resource'] as Json)['subject'];
    expect(ref).toEqual({ reference: `Patient/${pseudonymize('Patient/IPP42', SECRET)}` });
    expect(((kept(patient)['entry'] as Json[])[0]!['resource'] as Json)['id']).toBe(
      pseudonymize('Patient/IPP42', SECRET),
    );
  });
});

describe('the inbox keeps only what the adapter reads (issue 11, item 10)', () => {
  it("drops every display but a room's or device's (hashed), hashes accessions, study UIDs and exam ids, and still gives the same exam", async () => {
    const mapping = mappingOf('exam-bundle');
    const entries = (examBundle['entry'] as Json[]).map((e) => structuredClone(e));
    for (const e of entries) {
      const r = e['resource'] as Json | undefined;
      if (!r) continue;
      if (r['resourceType'] === 'Procedure')
        r['encounter'] = { ...(r['encounter'] as Json), display: "Roel's encounter on 2026-03-02" };
      if (r['resourceType'] === 'ServiceRequest')
        r['requester'] = { reference: 'Practitioner/dr1', display: 'Dr Careful' };
    }
    const bundle: Json = { ...examBundle, entry: entries };
    const text = JSON.stringify(kept(bundle));
    for (const gone of ['Roel', 'Careful', 'requester', '"display":"'])
      expect(text, gone).not.toContain(gone);
    // Accessions, study UIDs and the exam resources' ids are kept only as keyed hashes.
    const exams = entries
      .map((e) => e['resource'] as Json | undefined)
      .filter(
        (r) =>
          r &&
          [
            'ServiceRequest',
            'Procedure',
            'ImagingStudy',
            'DiagnosticReport',
            'Appointment',
          ].includes(r['resourceType'] as string),
      ) as Json[];
    const idents = exams.flatMap((r) =>
      ((r['identifier'] as Json[] | undefined) ?? []).map((i) => String(i['value'])),
    );
    expect(idents.length).toBeGreaterThan(0);
    for (const id of [...idents, ...exams.map((r) => String(r['id']))])
      expect(text, id).not.toContain(`"${id}"`);
    const before = await read(bundle, mapping);
    const after = await read(kept(bundle), mapping);
    expect(before.records.exams).toHaveLength(1);
    expect(withoutBand(after.records.exams)).toEqual(withoutBand(before.records.exams));
    expect([...after.records.keys.values()]).toEqual([...before.records.keys.values()]);
    // A room named by a reference's display alone is matched by its hash.
    const room: Json = {
      resourceType: 'Bundle',
      type: 'collection',
      entry: [
        {
          resource: {
            resourceType: 'Procedure',
            id: 'p9',
            status: 'completed',
            performedPeriod: {
              start: '2026-03-02T08:00:00+01:00',
              end: '2026-03-02T08:20:00+01:00',
            },
            location: { reference: 'Location/r2', display: 'Salle scanner deux' },
          },
        },
      ],
    };
    const roomMapping: SiteMapping = {
      ...mapping,
      equipment: [{ location: 'Salle scanner deux', equipmentId: 'CT-9' }],
    };
    const keptRoom = kept(room);
    expect(JSON.stringify(keptRoom)).not.toContain('Salle scanner');
    expect((await read(keptRoom, roomMapping)).records.exams.map((e) => e.equipmentId)).toEqual(
      (await read(room, roomMapping)).records.exams.map((e) => e.equipmentId),
    );
    expect((await read(room, roomMapping)).records.exams.map((e) => e.equipmentId)).toEqual([
      'CT-9',
    ]);
  });
});
