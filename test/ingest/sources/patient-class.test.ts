// One rule for every source when an exam's patient category cannot be known (no patient class or
// unit given, or one the site mapping lacks): the exam is kept as an outpatient (category A) and
// one warning per source and reason counts such exams and says "not dropped". Each source is read
// with one exam of each case and one whose class is mapped.
import { describe, expect, it } from 'vitest';
import type { Issue } from '../../../src/core/issues.ts';
import { dicomAdapter } from '../../../src/ingest/sources/dicom/index.ts';
import { TAG } from '../../../src/ingest/sources/dicom/dictionary.ts';
import { fhirAdapter } from '../../../src/ingest/sources/fhir/index.ts';
import { hl7v2Adapter } from '../../../src/ingest/sources/hl7v2/index.ts';
import type { SiteMapping, SourceInput } from '../../../src/ingest/sources/types.ts';
import type { El } from './dicom/build-part10.ts';
import { part10 } from './dicom/build-part10.ts';
import { bundle, examResources } from './fhir/build.ts';

const SECRET = 'class-secret';
const enc = new TextEncoder();
const mapping: SiteMapping = {
  finess: '750000001',
  timeZone: 'Europe/Paris',
  equipment: [
    { station: 'CT_STATION_1', equipmentId: 'CT-1' },
    { location: 'room-ct', equipmentId: 'CT-1' },
  ],
  categories: [
    { patientClass: 'E', category: 'U' },
    { patientClass: 'EMER', category: 'U' },
    { unit: 'URG', category: 'U' },
  ],
  acts: [],
};
const context = { mapping, secret: SECRET };

/** The rule's warnings, as the user reads them. */
function ruleIssues(
  issues: readonly Issue[],
): { code: string; severity: string; message: string }[] {
  return issues
    .filter((i) => i.code === 'no-patient-class' || i.code === 'unmapped-category')
    .map((i) => ({ code: i.code, severity: i.severity, message: i.message }));
}

function expectRule(issues: readonly Issue[], source: string, unmapped: string): void {
  expect(ruleIssues(issues)).toEqual([
    {
      code: 'no-patient-class',
      severity: 'warning',
      message: expect.stringMatching(
        new RegExp(
          `^1 exam of the ${source} source had no patient class \\(.+\\): counted as outpatients \\(category A\\), not dropped\\.$`,
        ),
      ) as string,
    },
    {
      code: 'unmapped-category',
      severity: 'warning',
      message: expect.stringMatching(
        new RegExp(
          `^1 exam of the ${source} source had a patient class or unit that the site mapping does not list \\(.*"${unmapped}".*\\): counted as outpatients \\(category A\\), not dropped\\.$`,
        ),
      ) as string,
    },
  ]);
}

describe('exams whose patient category cannot be known', () => {
  it('HL7 v2: no PV1-2/PV1-3 (nor ADT), or a class the mapping lacks → kept as A, said once each', async () => {
    const exam = (n: number, pv1: string | null): string[] => [
      `MSH|^~\\&|RIS|CHU|PLATEAU|CHU|20100301070000+0100||OMI^O23|M${n}|P|2.5`,
      'PID|1',
      ...(pv1 === null ? [] : [pv1]),
      `ORC|NW|P${n}|F${n}`,
      `OBR|1|P${n}|F${n}|TDM|||2010030110${n}000|2010030110${n}500`,
      `IPC|ACC${n}||||||CT_STATION_1`,
    ];
    const text = [...exam(1, null), ...exam(2, 'PV1|1|HH'), ...exam(3, 'PV1|1|E')].join('\r');
    const { records, issues } = await hl7v2Adapter.read(
      [{ name: 'm.hl7', bytes: enc.encode(text) }],
      context,
    );
    expect(records.exams.map((e) => e.category)).toEqual(['A', 'A', 'U']);
    expectRule(issues, 'HL7 v2', 'HH');
  });

  it('FHIR: a Procedure without an Encounter, or with a class the mapping lacks → kept as A, said once each', async () => {
    const [, order1, proc1] = examResources(1);
    const lone = [{ ...order1, encounter: undefined }, proc1];
    const other = examResources(2, {
      start: '2026-03-10T10:00:00+01:00',
      end: '2026-03-10T10:20:00+01:00',
      encounterClass: 'HH',
    });
    const mapped = examResources(3, {
      start: '2026-03-10T11:00:00+01:00',
      end: '2026-03-10T11:20:00+01:00',
    });
    const input: SourceInput = {
      name: 'b.json',
      bytes: enc.encode(bundle([...lone, ...other, ...mapped] as never)),
    };
    const { records, issues } = await fhirAdapter.read([input], context);
    expect(records.exams.map((e) => e.category).sort()).toEqual(['A', 'A', 'U']);
    expectRule(issues, 'FHIR', 'HH');
  });

  it('DICOM: no RequestingService, or one the mapping lacks → kept as A, said once each', async () => {
    const image = (study: string, time: string, unit: string | null): SourceInput => {
      const els: El[] = [
        [TAG.ImageType, 'CS', 'ORIGINAL\\PRIMARY\\AXIAL'],
        [TAG.SOPClassUID, 'UI', '1.2.840.10008.5.1.4.1.1.2'],
        [TAG.Modality, 'CS', 'CT'],
        [TAG.StudyInstanceUID, 'UI', study],
        [TAG.PatientID, 'LO', `P${study}`],
        [TAG.StudyDate, 'DA', '20261110'],
        [TAG.AcquisitionDate, 'DA', '20261110'],
        [TAG.AcquisitionTime, 'TM', time],
        [TAG.AccessionNumber, 'SH', `ACC${study}`],
        [TAG.StationName, 'SH', 'CT_STATION_1'],
        ...(unit === null ? [] : ([[TAG.RequestingService, 'LO', unit]] as El[])),
      ];
      return { name: `s${study}.dcm`, bytes: part10(els) };
    };
    const { records, issues } = await dicomAdapter.read(
      [image('1', '090000', null), image('2', '110000', 'CARDIO'), image('3', '130000', 'URG')],
      context,
    );
    expect(records.exams.map((e) => e.category)).toEqual(['A', 'A', 'U']);
    expectRule(issues, 'DICOM', 'CARDIO');
  });
});
