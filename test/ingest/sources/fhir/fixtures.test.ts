// The adapter against its fixtures: every R4 example of shared/samples read alone gives records
// or an issue located in that file; all read together (the Slots then find their Schedule), and
// a transaction Bundle joining an order, booking, procedure, study and report, give exactly the
// records and issues of expected.json (written once, then checked by hand; never rewritten on CI).
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fhirAdapter } from '../../../../src/ingest/sources/fhir/index.ts';
import { pseudonymize } from '../../../../src/ingest/sources/identity.ts';
import type { SourceInput, SourceRecords } from '../../../../src/ingest/sources/types.ts';
import { expectedOf, FIXTURES_DIR, inputOf, mappingOf, SECRET, sampleInputs } from './cases.ts';

/** A read result as JSON can hold it: the key table as an object (the source map is readSources' business). */
function plain<T extends { records: SourceRecords }>(
  result: T,
): Omit<T, 'records'> & { records: unknown } {
  const { keys, source, ...rest } = result.records;
  expect(source.size).toBe(0);
  return { ...result, records: { ...rest, keys: Object.fromEntries(keys) } };
}

async function readCase(caseName: string, inputs: SourceInput[]): Promise<unknown> {
  return plain(await fhirAdapter.read(inputs, { mapping: mappingOf(caseName), secret: SECRET }));
}

/** Compares with expected.json; PLATEAU_WRITE_FIXTURES=1 (never on CI) writes it instead. */
function matchesFixture(caseName: string, actual: unknown): void {
  if (process.env['PLATEAU_WRITE_FIXTURES'] === '1' && !process.env['CI']) {
    writeFileSync(
      join(FIXTURES_DIR, caseName, 'expected.json'),
      `${JSON.stringify(actual, null, 2)}\n`,
    );
  }
  expect(actual).toEqual(expectedOf(caseName));
}

describe('the R4 examples of shared/samples', () => {
  const inputs = sampleInputs();

  it('are all detected as FHIR', () => {
    expect(inputs.length).toBe(10);
    for (const input of inputs) expect(fhirAdapter.detect(input), input.name).toBe(true);
  });

  it('each give records or an issue located in that file, and nothing crosses an error', async () => {
    const alone: Record<string, unknown> = {};
    for (const input of inputs) {
      const result = await fhirAdapter.read([input], {
        mapping: mappingOf('samples'),
        secret: SECRET,
      });
      for (const issue of result.issues) {
        expect(issue.file).toBe(input.name);
        expect(issue.line).toBe(1);
        expect(issue.column).toMatch(/^[A-Z][A-Za-z]+(\.|$)/);
      }
      alone[input.name] = plain(result);
    }
    // Context resources (Encounter, Schedule) give nothing alone and say nothing.
    const expected = expectedOf('samples') as { alone: unknown };
    matchesFixture('samples', { ...(expectedOf('samples') as object), alone });
    expect(alone).toEqual(expected.alone);
  });

  it('read together give the Slots of Schedule/example as one session of Location/1', async () => {
    const together = await readCase('samples', inputs);
    const expected = expectedOf('samples') as { together: unknown };
    matchesFixture('samples', { ...(expectedOf('samples') as object), together });
    expect(together).toEqual(expected.together);
  });
});

describe('a transaction Bundle of one CT exam', () => {
  it('joins the order, booking, procedure, study (by accession) and report into one exam', async () => {
    const result = await readCase('exam-bundle', [
      inputOf(join(FIXTURES_DIR, 'exam-bundle'), 'input.json'),
    ]);
    matchesFixture('exam-bundle', result);
    // The join keys are the hashes of the trimmed ACSN and of the study UID without urn:oid:.
    const keys = Object.values(
      (result as { records: { keys: Record<string, unknown> } }).records.keys,
    );
    expect(keys).toEqual([
      {
        accessions: [pseudonymize('ACC-2026-0042', SECRET)],
        studyUids: [pseudonymize('1.2.250.1.59.3.1.42', SECRET)],
      },
    ]);
  });
});

describe('the R4 examples joined by a Procedure', () => {
  it('give one exam: category from Encounter-emerg (IMP), act from ServiceRequest-di, modality from ImagingStudy-example by study UID', async () => {
    const procedure = {
      resourceType: 'Procedure',
      id: 'room',
      status: 'completed',
      subject: { reference: 'Patient/dicom' },
      identifier: [
        {
          system: 'urn:dicom:uid',
          value: '2.16.124.113543.6003.1154777499.30246.19789.3503430045',
        },
      ],
      basedOn: [{ reference: 'ServiceRequest/di' }],
      encounter: { reference: 'Encounter/emerg' },
      location: { reference: 'Location/1' },
      performedPeriod: { start: '2011-01-01T11:00:00+03:00', end: '2011-01-01T11:25:00+03:00' },
    };
    const names = ['ServiceRequest-di.json', 'ImagingStudy-example.json', 'Encounter-emerg.json'];
    const inputs = [
      ...sampleInputs().filter((i) => names.includes(i.name)),
      { name: 'Procedure-room.json', bytes: new TextEncoder().encode(JSON.stringify(procedure)) },
    ];
    const { records, issues } = await fhirAdapter.read(inputs, {
      mapping: mappingOf('samples'),
      secret: SECRET,
    });
    expect(issues).toEqual([]);
    expect(records.exams).toEqual([
      expect.objectContaining({
        equipmentId: 'CT-1',
        category: 'H',
        roomIn: Date.parse('2011-01-01T08:00:00Z'),
        roomOut: Date.parse('2011-01-01T08:25:00Z'),
        acts: ['ZBQK002'],
        requestedAt: null,
        reportValidatedAt: null,
      }),
    ]);
    expect(records.equipment).toMatchObject([
      { equipmentId: 'CT-1', modality: 'CT', finess: '750000001' },
    ]);
  });
});
