// The site mapping the real HL7 v2 samples of shared/samples/hl7v2 are read with: their rooms,
// patient classes and exam codes (samples.test.ts fixtures, de-identification equivalence).
import type { SiteMapping } from '../../../../src/ingest/sources/types.ts';

export const SAMPLE_MAPPING: SiteMapping = {
  finess: '750000001',
  timeZone: 'Europe/Paris',
  equipment: [
    { location: '055', equipmentId: 'ROOM-055' },
    { station: '1010', equipmentId: 'CT-ABC' },
    { location: 'DiagnosticUnit201', equipmentId: 'XR-201' },
  ],
  categories: [
    { unit: 'CCU', category: 'R' },
    { patientClass: 'E', category: 'U' },
    { patientClass: 'I', category: 'H' },
    { patientClass: 'O', category: 'A' },
  ],
  acts: [
    { localCode: '24725-4', ccam: 'ACQK001' },
    { localCode: '76164006', ccam: 'HHQE005' },
  ],
};
