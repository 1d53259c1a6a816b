// The FHIR adapter's behaviour one rule at a time: Bundle types and entry lines, NDJSON with a
// bad line, references (urn:uuid inside a bundle, Type/id across files, absolute URLs), dateTime
// offsets (refused without one; the file then gives nothing), bookings that did not happen,
// report statuses, categories, sessions from Slots, and patients never past the adapter.
import type {
  Appointment,
  DiagnosticReport,
  Device,
  Patient,
  Schedule,
  Slot,
} from '@medplum/fhirtypes';
import { describe, expect, it } from 'vitest';
import { fhirAdapter } from '../../../../src/ingest/sources/fhir/index.ts';
import { readDateTime } from '../../../../src/ingest/sources/fhir/values.ts';
import { bundle, CONTEXT, examResources, input, ndjson } from './build.ts';

const read = (...inputs: Parameters<typeof input>[]) =>
  fhirAdapter.read(
    inputs.map((i) => input(...i)),
    CONTEXT,
  );
/** The 1-based line of the entry (`    {` in a 2-space-indented bundle) holding `marker`. */
function entryLine(text: string, marker: string): number {
  const lines = text.split('\n');
  let i = lines.findIndex((l) => l.includes(marker));
  while (i > 0 && lines[i] !== '    {') i--;
  return i + 1;
}
const codes = (issues: { code: string }[]): string[] => issues.map((i) => i.code);

describe('Bundles', () => {
  it('reads collection, transaction, batch and searchset bundles into the same exam', async () => {
    const results = await Promise.all(
      (['collection', 'transaction', 'batch', 'searchset'] as const).map((type) =>
        read(['b.json', bundle(examResources(1), type)]),
      ),
    );
    for (const { records, issues } of results) {
      expect(issues).toEqual([]);
      expect(records.exams).toHaveLength(1);
      expect(records.exams[0]).toMatchObject({
        equipmentId: 'CT-1',
        category: 'U',
        roomIn: Date.parse('2026-03-10T08:00:00Z'),
        roomOut: Date.parse('2026-03-10T08:20:00Z'),
        acts: ['ZBQK002'],
        requestedAt: Date.parse('2026-03-10T06:00:00Z'),
        reportValidatedAt: null,
        scheduledMinutes: null,
        ageBand: null,
      });
    }
    expect(new Set(results.map((r) => r.records.exams[0]?.examId)).size).toBe(1);
  });

  it('refuses other bundle types and names the line of each bad entry', async () => {
    const history = await read(['h.json', bundle(examResources(1), 'history')]);
    expect(history.records.exams).toEqual([]);
    expect(history.issues).toMatchObject([
      {
        severity: 'error',
        code: 'fhir-bundle-type',
        file: 'h.json',
        line: 1,
        column: 'Bundle.type',
      },
    ]);

    const text = bundle([
      ...examResources(1),
      { resourceType: 'Encounter', id: 'bad' } as never,
    ]).replace('"resourceType": "Encounter",\n        "id": "bad"', '"id": "bad"');
    const { issues, records } = await read(['e.json', text]);
    const line = entryLine(text, '"id": "bad"');
    expect(issues).toMatchObject([
      { severity: 'error', code: 'fhir-not-resource', line, column: 'Bundle.entry[3].resource' },
    ]);
    expect(records.exams).toEqual([]);
  });

  it('gives each issue the line of its entry, counted from the text', async () => {
    const resources = [...examResources(1), ...examResources(2, { start: '2026-03-10T10:00:00' })];
    const text = bundle(resources);
    const { issues } = await read(['lines.json', text]);
    const procLine = entryLine(text, '"id": "proc2"');
    expect(issues).toEqual([
      expect.objectContaining({
        severity: 'error',
        code: 'fhir-datetime',
        line: procLine,
        column: 'Procedure.performedPeriod.start',
      }),
    ]);
    expect(issues[0]?.message).toContain('Procedure performedPeriod.start');
    expect(issues[0]?.message).toContain('no offset');
  });
});

describe('NDJSON', () => {
  it('reads one resource a line and locates a bad line by its number; the file then gives nothing', async () => {
    const good = ndjson(examResources(1));
    expect((await read(['export.ndjson', `${good}\n`])).records.exams).toHaveLength(1);
    const { records, issues } = await read([
      'export.ndjson',
      `${good}\n{"resourceType": "Slot", "id": \n\n[1]\r\n`,
    ]);
    expect(records.exams).toEqual([]);
    expect(issues).toMatchObject([
      { severity: 'error', code: 'fhir-json-syntax', file: 'export.ndjson', line: 4 },
      { severity: 'error', code: 'fhir-not-resource', file: 'export.ndjson', line: 6 },
    ]);
  });

  it('joins resources across files by Type/id, as a bulk export splits them per type', async () => {
    const [encounter, order, procedure] = examResources(1);
    const { records, issues } = await read(
      ['Encounter.ndjson', ndjson([encounter!])],
      ['ServiceRequest.ndjson', ndjson([order!])],
      ['Procedure.ndjson', ndjson([procedure!])],
    );
    expect(issues).toEqual([]);
    expect(records.exams).toMatchObject([{ category: 'U', acts: ['ZBQK002'] }]);
  });
});

describe('references', () => {
  it('resolves urn:uuid fullUrls inside their own bundle only', async () => {
    const [encounter, order, procedure] = examResources(1);
    const urls = ['urn:uuid:e', 'urn:uuid:s', 'urn:uuid:p'];
    const linked = {
      ...order!,
      id: undefined,
      encounter: { reference: 'urn:uuid:e' },
    };
    const proc = { ...procedure!, basedOn: [{ reference: 'urn:uuid:s' }] };
    const one = await read([
      'one.json',
      bundle([{ ...encounter!, id: undefined }, linked, proc], 'transaction', urls),
    ]);
    expect(one.records.exams).toMatchObject([
      { category: 'U', requestedAt: Date.parse('2026-03-10T06:00:00Z') },
    ]);

    // The same urn:uuid in another bundle is another resource: the order does not join.
    const split = await read(
      ['a.json', bundle([{ ...encounter!, id: undefined }, linked], 'transaction', urls)],
      ['b.json', bundle([proc], 'transaction', ['urn:uuid:p'])],
    );
    // Without its Encounter the exam has no patient class: kept as an outpatient, and said.
    expect(split.records.exams).toMatchObject([{ category: 'A' }]);
    expect(codes(split.issues)).toContain('no-patient-class');
  });

  it('resolves absolute URLs by their Type/id tail and joins a study by accession number', async () => {
    const [encounter, order, procedure] = examResources(1);
    const acsn = { type: { coding: [{ code: 'ACSN' }] }, value: 'A-77' };
    const report: DiagnosticReport = {
      resourceType: 'DiagnosticReport',
      id: 'r1',
      status: 'amended',
      code: { text: 'CT' },
      imagingStudy: [{ reference: 'https://pacs.example.org/fhir/ImagingStudy/st1' }],
      issued: '2026-03-10T12:30:00+02:00',
    };
    const study = {
      resourceType: 'ImagingStudy',
      id: 'st1',
      status: 'available',
      subject: { reference: 'Patient/x' },
      identifier: [acsn],
      modality: [{ code: 'CT' }],
    };
    const { records, issues } = await read([
      'b.json',
      bundle([
        encounter!,
        { ...order!, identifier: [acsn] },
        {
          ...procedure!,
          basedOn: [{ reference: 'https://ris.example.org/fhir/ServiceRequest/sr1' }],
        },
        study as never,
        report,
      ]),
    ]);
    expect(issues).toEqual([]);
    expect(records.exams).toMatchObject([
      { reportValidatedAt: Date.parse('2026-03-10T10:30:00Z'), acts: ['ZBQK002'] },
    ]);
    expect(records.equipment).toEqual([
      {
        equipmentId: 'CT-1',
        finess: '750000001',
        modality: 'CT',
        label: null,
        installedYear: null,
        role: 'general',
      },
    ]);
  });
});

describe('dateTimes and statuses', () => {
  it('converts offsets to UTC and refuses a time without one, locating the element', async () => {
    const shifted = await read([
      'b.json',
      bundle(
        examResources(1, { start: '2026-03-10T03:00:00-05:00', end: '2026-03-10T08:30:00.500Z' }),
      ),
    ]);
    expect(shifted.records.exams[0]).toMatchObject({
      roomIn: Date.parse('2026-03-10T08:00:00Z'),
      roomOut: Date.parse('2026-03-10T08:30:00.500Z'),
    });
    const bad = await read(['b.json', bundle(examResources(1, { end: '2026-03-10T09:20:00' }))]);
    expect(bad.records.exams).toEqual([]);
    expect(bad.issues).toMatchObject([
      { severity: 'error', code: 'fhir-datetime', column: 'Procedure.performedPeriod.end' },
    ]);
    expect(bad.issues[0]?.hint).toContain('offset');
  });

  it('takes the booked minutes of a kept appointment; a cancelled or no-show one is no exam', async () => {
    const booking = (id: string, status: Appointment['status']): Appointment => ({
      resourceType: 'Appointment',
      id,
      status,
      participant: [{ status: 'accepted' }],
      basedOn: [{ reference: 'ServiceRequest/sr1' }],
      start: '2026-03-10T09:00:00+01:00',
      end: '2026-03-10T09:30:00+01:00',
    });
    const kept = await read(['b.json', bundle([...examResources(1), booking('a1', 'fulfilled')])]);
    expect(kept.records.exams[0]?.scheduledMinutes).toBe(30);
    const cancelled = await read([
      'b.json',
      bundle([...examResources(1), booking('a1', 'cancelled')]),
    ]);
    expect(cancelled.records.exams[0]?.scheduledMinutes).toBeNull();
    for (const status of ['cancelled', 'noshow', 'entered-in-error'] as const) {
      const alone = await read([
        'b.json',
        bundle([{ ...booking('a2', status), basedOn: undefined }]),
      ]);
      expect(alone.records.exams).toEqual([]);
      expect(alone.issues).toMatchObject([
        { severity: 'info', code: 'fhir-appointment-not-exam', column: 'Appointment.status' },
      ]);
    }
  });

  it('validates a report only when final, amended or corrected', async () => {
    const report = (status: DiagnosticReport['status']): DiagnosticReport => ({
      resourceType: 'DiagnosticReport',
      id: 'r1',
      status,
      code: { text: 'CT' },
      basedOn: [{ reference: 'ServiceRequest/sr1' }],
      issued: '2026-03-10T10:00:00Z',
    });
    for (const [status, expected] of [
      ['final', Date.parse('2026-03-10T10:00:00Z')],
      ['preliminary', null],
      ['corrected', Date.parse('2026-03-10T10:00:00Z')],
    ] as const) {
      const { records } = await read(['b.json', bundle([...examResources(1), report(status)])]);
      expect(records.exams[0]?.reportValidatedAt, status).toBe(expected);
    }
  });

  it('maps Encounter.class, and an ICU location before it, to the category', async () => {
    const amb = await read(['b.json', bundle(examResources(1, { encounterClass: 'AMB' }))]);
    expect(amb.records.exams[0]?.category).toBe('A');
    const [encounter, ...rest] = examResources(1, { encounterClass: 'IMP' });
    const icu = { resourceType: 'Location', id: 'w9', type: [{ coding: [{ code: 'ICU' }] }] };
    const inIcu = await read([
      'b.json',
      bundle([
        { ...encounter!, location: [{ location: { reference: 'Location/w9' } }] } as never,
        icu as never,
        ...rest,
      ]),
    ]);
    expect(inIcu.records.exams[0]?.category).toBe('R');
    const unknown = await read(['b.json', bundle(examResources(1, { encounterClass: 'HH' }))]);
    // A class the mapping lacks: kept as an outpatient, and said (the rule of every source).
    expect(unknown.records.exams).toMatchObject([{ category: 'A' }]);
    expect(unknown.issues).toMatchObject([{ severity: 'warning', code: 'unmapped-category' }]);
    expect(unknown.issues[0]?.message).toContain('"HH"');
  });
});

describe('Schedules and Slots', () => {
  it('turns open slots of a device schedule into merged sessions; closed ones into none', async () => {
    const device: Device = { resourceType: 'Device', id: 'scanner', serialNumber: 'SN-1' };
    const schedule: Schedule = {
      resourceType: 'Schedule',
      id: 'sc',
      actor: [{ reference: 'Device/scanner' }],
    };
    const slot = (id: string, status: Slot['status'], start: string, end: string): Slot => ({
      resourceType: 'Slot',
      id,
      schedule: { reference: 'Schedule/sc' },
      status,
      start,
      end,
      // When the status was seen (the booking supply, slots.test.ts).
      meta: { lastUpdated: '2026-03-01T07:00:00Z' },
    });
    const { records, issues } = await read([
      'b.json',
      bundle([
        device,
        schedule,
        slot('1', 'busy', '2026-03-10T08:00:00+01:00', '2026-03-10T09:00:00+01:00'),
        slot('2', 'free', '2026-03-10T09:00:00+01:00', '2026-03-10T12:00:00+01:00'),
        slot('3', 'busy-unavailable', '2026-03-10T12:00:00+01:00', '2026-03-10T13:00:00+01:00'),
        slot('4', 'busy-tentative', '2026-03-10T13:00:00+01:00', '2026-03-10T17:00:00+01:00'),
      ]),
    ]);
    expect(issues).toEqual([]);
    expect(records.sessions).toEqual([
      {
        equipmentId: 'CT-1',
        start: Date.parse('2026-03-10T07:00:00Z'),
        end: Date.parse('2026-03-10T11:00:00Z'),
        type: 'PUBLIC_SCHEDULED',
      },
      {
        equipmentId: 'CT-1',
        start: Date.parse('2026-03-10T12:00:00Z'),
        end: Date.parse('2026-03-10T16:00:00Z'),
        type: 'PUBLIC_SCHEDULED',
      },
    ]);
  });
});

describe('patients', () => {
  it('never go past the adapter: identity counted as removed, the birth date only gives the age band', async () => {
    const patient: Patient = {
      resourceType: 'Patient',
      id: 'x',
      identifier: [{ value: 'IPP-123' }],
      name: [{ family: 'Durand' }],
      birthDate: '2010-03-11',
      address: [{ city: 'Nantes' }],
    };
    const { records } = await read(['b.json', bundle([patient, ...examResources(1)])]);
    expect(records.exams[0]?.ageBand).toBe('0-17');
    expect(records.removed).toEqual({
      'Patient.identifier': 1,
      'Patient.name': 1,
      'Patient.birthDate': 1,
      'Patient.address': 1,
      'Patient.id': 1,
    });
    const text = JSON.stringify(records);
    for (const leak of ['IPP-123', 'Durand', '2010-03-11', 'Nantes'])
      expect(text).not.toContain(leak);
  });
});

describe('detect', () => {
  it('recognizes FHIR JSON and NDJSON by name and first bytes only', () => {
    expect(fhirAdapter.detect(input('a.json', '\uFEFF{ "resourceType": "Bundle" }'))).toBe(true);
    expect(fhirAdapter.detect(input('Patient.ndjson', '{"id":"1","resourceType":"Patient"}'))).toBe(
      true,
    );
    expect(fhirAdapter.detect(input('a.json', '{ "campaign": 1 }'))).toBe(false);
    expect(fhirAdapter.detect(input('msg.hl7', 'MSH|^~\\&|{"resourceType":'))).toBe(false);
  });
});

describe('readDateTime', () => {
  it('reads the R4 grammar: offsets, fractions, dates only; refuses the rest', () => {
    expect(readDateTime('2013-12-10T09:00:00Z')).toEqual({
      kind: 'instant',
      ms: Date.parse('2013-12-10T09:00:00Z'),
    });
    expect(readDateTime('2013-12-10T09:00:00.25+10:00')).toEqual({
      kind: 'instant',
      ms: Date.parse('2013-12-09T23:00:00.250Z'),
    });
    expect(readDateTime('0050-01-01T00:00:00Z')).toEqual({
      kind: 'instant',
      ms: Date.parse('0050-01-01T00:00:00Z'),
    });
    for (const date of ['2013', '2013-12', '2013-12-10'])
      expect(readDateTime(date)).toEqual({ kind: 'date' });
    for (const bad of [
      '2013-12-10T09:00:00',
      '2013-12-10T09:00Z',
      '2013-02-30T09:00:00Z',
      '2013-12-10T24:00:00Z',
      '2013-12-10T09:00:00+14:30',
      '10/12/2013',
    ]) {
      expect(readDateTime(bad).kind, bad).toBe('invalid');
    }
  });
});
