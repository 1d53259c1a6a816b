// The RIS and the scanner of one CT room, as HL7 v2 text and DICOM Part-10 files, for the
// reconciliation tests (ingest and CLI). CT-1 is both the RIS room (IPC-7 station) and the scanner
// (DeviceSerialNumber) in the mapping. Paris, March 2010: UTC+1.
import type { Campaign } from '../../../../src/core/kit-types.ts';
import { TAG } from '../../../../src/ingest/sources/dicom/dictionary.ts';
import { pseudonymize } from '../../../../src/ingest/sources/identity.ts';
import { parseMapping } from '../../../../src/ingest/sources/mapping.ts';
import type { SourceInput } from '../../../../src/ingest/sources/types.ts';
import { part10, type El } from '../dicom/build-part10.ts';

export const SECRET = 'e2e-secret';
export const h = (value: string): string => pseudonymize(value, SECRET);
export const MAPPING_CSV = [
  'kind,key,value,target',
  'site,finess,,620454421',
  'site,time_zone,,Europe/Paris',
  'site,name,,CH de Lens',
  'site,legal_status,,CH',
  'site,region,,Hauts-de-France',
  'equipment,station,CT_STATION_1,CT-1',
  'equipment,serial,SN-CT-1,CT-1',
  'equipment,modality,CT,CT-1',
  'category,patient_class,O,A',
  'act,local_code,TDM-THX,ZBQK002',
  '',
].join('\n');
export const mapping = parseMapping('mapping.csv', MAPPING_CSV).mapping!;
export const campaign: Campaign = {
  id: 'e2e-2010',
  name: 'E2E',
  start: '2010-03-01',
  days: 7,
  timeZone: 'Europe/Paris',
};

/** An HL7 v2 order with its room times (OBR-7/8, local), accession (IPC-1) and study UID (IPC-3). */
function order(n: number, start: string, end: string, accession: string, studyUid = ''): string {
  return [
    `MSH|^~\\&|RIS|CHU|PLATEAU|CHU|20100301070000+0100||OMI^O23|M${n}|P|2.5`,
    `PID|1||IPP${n}^^^CHU^PI||MARTIN^PAUL`,
    'PV1|1|O',
    `ORC|NW|P${n}|F${n}`,
    `OBR|1|P${n}|F${n}|TDM-THX^Scanner thorax|||${start}|${end}`,
    `IPC|${accession}|RP${n}|${studyUid}|SPS${n}|CT||CT_STATION_1`,
  ].join('\r');
}

/** One CT image of the scanner at a local time on 2010-03-01 (no MPPS: first image − 5 min, last + 3 min). */
function image(studyUid: string, accession: string | null, time: string): Uint8Array {
  const els: El[] = [
    [TAG.ImageType, 'CS', 'ORIGINAL\\PRIMARY\\AXIAL'],
    [TAG.SOPClassUID, 'UI', '1.2.840.10008.5.1.4.1.1.2'],
    [TAG.Modality, 'CS', 'CT'],
    [TAG.StudyInstanceUID, 'UI', studyUid],
    [TAG.PatientName, 'PN', 'MARTIN^PAUL'],
    [TAG.PatientBirthDate, 'DA', '19400214'],
    [TAG.PatientID, 'LO', `IPP-${studyUid}`],
    [TAG.StudyDate, 'DA', '20100301'],
    [TAG.AcquisitionDate, 'DA', '20100301'],
    [TAG.AcquisitionTime, 'TM', time],
    [TAG.DeviceSerialNumber, 'LO', 'SN-CT-1'],
    ...(accession === null ? [] : ([[TAG.AccessionNumber, 'SH', accession]] as El[])),
  ];
  return part10(els);
}

const enc = new TextEncoder();
export const inputs: SourceInput[] = [
  {
    name: 'ris.hl7',
    bytes: enc.encode(
      [
        order(1, '20100301080000', '20100301082000', 'ACC1'),
        order(2, '20100301100000', '20100301102000', 'ACC2'),
        order(5, '20100301110000', '20100301111500', 'ACC5', '1.2.250.1.5'),
        order(4, '20100301140000', '20100301142000', ' ACC4 '),
      ].join('\r'),
    ),
  },
  // ACC1: images 08:05–08:15 (room 08:00–08:18); same accession as the RIS order.
  { name: 'acc1-a.dcm', bytes: image('1.2.250.1.1', 'ACC1', '080500') },
  { name: 'acc1-b.dcm', bytes: image('1.2.250.1.1', 'ACC1', '081500') },
  // No accession in the images: joined to order 5 by its study UID (IPC-3).
  { name: 'study5.dcm', bytes: image('1.2.250.1.5', null, '110400') },
  // An image-only exam at 12:05 (room 12:00): nobody billed it.
  { name: 'acc3.dcm', bytes: image('1.2.250.1.3', 'ACC3', '120500') },
  // ACC4 at 14:02 (room 13:57); the RIS padded the accession with spaces.
  { name: 'acc4.dcm', bytes: image('1.2.250.1.4', 'ACC4', '140200') },
];
