// One exam sent by the RIS twice — as HL7 v2 and as FHIR R4 — is one exam in the kit: both give
// it the keyed hash of its accession as id, the first source (HL7 v2) keeps its values and the
// other fills its blanks; different room times are a located warning, never a second exam.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Campaign } from '../../../src/core/kit-types.ts';
import { kitFromSources } from '../../../src/ingest/sources/assemble.ts';
import type { AssemblyMapping } from '../../../src/ingest/sources/assemble.ts';
import { pseudonymize } from '../../../src/ingest/sources/identity.ts';
import { readSources } from '../../../src/ingest/sources/registry.ts';
import { FIXTURES_DIR, mappingOf, SECRET } from './fhir/cases.ts';

const enc = new TextEncoder();
// The FHIR fixture's exam: accession ACC-2026-0042 on CT-2, 2026-03-10 09:05–09:27:30 Paris.
const bundle = new Uint8Array(readFileSync(join(FIXTURES_DIR, 'exam-bundle', 'input.json')));
const fhirMapping = mappingOf('exam-bundle');
const mapping: AssemblyMapping = {
  ...fhirMapping,
  equipment: [...fhirMapping.equipment, { station: 'CT_STATION_2', equipmentId: 'CT-2' }],
  acts: [...fhirMapping.acts, { localCode: 'TDM', ccam: 'ZBQK002' }],
  establishment: {
    finess: fhirMapping.finess,
    name: 'CH de Lyon',
    legalStatus: 'CH',
    region: 'Auvergne-Rhône-Alpes',
    department: null,
  },
};
const campaign: Campaign = {
  id: 'ris-twice',
  name: 'RIS twice',
  start: '2026-03-09',
  days: 7,
  timeZone: 'Europe/Paris',
};

/** The same exam as an HL7 v2 order with its room times (no report, no booking). */
function hl7(start: string, end: string): Uint8Array {
  return enc.encode(
    [
      'MSH|^~\\&|RIS|CHU|PLATEAU|CHU|20260310070000+0100||OMI^O23|M1|P|2.5',
      'PV1|1|I|ICU',
      'ORC|NW|P1|F1',
      `OBR|1|P1|F1|TDM^Scanner|||${start}|${end}`,
      'IPC|ACC-2026-0042|RP1||SPS1|CT||CT_STATION_2',
    ].join('\r'),
  );
}

async function assembled(hl7Bytes: Uint8Array) {
  const { records, issues } = await readSources(
    [
      { name: 'order.hl7', bytes: hl7Bytes },
      { name: 'bundle.json', bytes: bundle },
    ],
    { mapping, secret: SECRET },
  );
  const result = await kitFromSources(records, campaign, mapping);
  return { ...result, issues: [...issues, ...result.issues] };
}

describe('an exam the RIS sends as HL7 v2 and as FHIR', () => {
  it('is one exam: HL7 v2 values first, FHIR filling the blanks (report, request, booking)', async () => {
    const { kit, issues } = await assembled(hl7('20260310090500+0100', '20260310092730+0100'));
    expect(issues.filter((i) => i.severity === 'error')).toEqual([]);
    expect(kit!.exams).toHaveLength(1);
    const [exam] = kit!.exams;
    expect(exam).toMatchObject({
      examId: pseudonymize('ACC-2026-0042', SECRET),
      equipmentId: 'CT-2',
      roomIn: Date.parse('2026-03-10T08:05:00Z'),
      roomOut: Date.parse('2026-03-10T08:27:30Z'),
      reportValidatedAt: 1773139320000,
      requestedAt: 1773069600000,
      scheduledMinutes: 20,
    });
    expect(issues.some((i) => i.code === 'duplicate-exam')).toBe(false);
  });

  it('keeps the HL7 v2 room times when FHIR says otherwise, and says so', async () => {
    const { kit, issues } = await assembled(hl7('20260310090000+0100', '20260310092000+0100'));
    expect(kit!.exams).toHaveLength(1);
    expect(kit!.exams[0]).toMatchObject({
      roomIn: Date.parse('2026-03-10T08:00:00Z'),
      roomOut: Date.parse('2026-03-10T08:20:00Z'),
    });
    expect(issues).toContainEqual(
      expect.objectContaining({
        severity: 'warning',
        code: 'duplicate-exam',
        message: expect.stringContaining('roomIn, roomOut') as unknown,
      }),
    );
  });
});
