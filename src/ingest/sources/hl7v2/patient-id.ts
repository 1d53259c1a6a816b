/**
 * The patient identifier an HL7 v2 message gives (PID-3), in the form its keyed hash is taken
 * of: `<assigning authority>|<id>` (the DICOM adapter hashes `<issuer>|<PatientID>` alike), or
 * the kept form `plateau.h.<digest>` the MLLP journal writes in its place. Never kept as such:
 * the exams carry only the digest (exams.ts), the journal only the kept form (deidentify.ts).
 */
import { isHashed } from '../identity.ts';
import type { Delimiters } from './escape.ts';
import type { Hl7Segment } from './parse.ts';
import { fieldValue, repetitionCount } from './parse.ts';

/**
 * PID-3's patient identifier: the repetition whose identifier type (CX-5) is `PI` (the site's
 * patient number, the IPP of IHE PAM France), else the first with an id; `''` when none. The id
 * is CX-1 trimmed, the authority CX-4's namespace (first subcomponent).
 *
 * @example
 * patientIdentifier(pid, d) // 'CHU|IPP42' for PID-3 'IPP42^^^CHU^PI~1850375123456^^^ASIP-SANTE-NIR^NH'
 */
export function patientIdentifier(pid: Hl7Segment | undefined, d: Delimiters): string {
  if (!pid) return '';
  const reps = repetitionCount(pid, d, 3);
  let chosen = -1;
  for (let r = 0; r < reps; r++) {
    if (fieldValue(pid, d, 3, 1, 1, r).trim() === '') continue;
    if (chosen === -1) chosen = r;
    if (fieldValue(pid, d, 3, 5, 1, r).trim().toUpperCase() === 'PI') {
      chosen = r;
      break;
    }
  }
  if (chosen === -1) return '';
  const id = fieldValue(pid, d, 3, 1, 1, chosen).trim();
  if (isHashed(id)) return id;
  return `${fieldValue(pid, d, 3, 4, 1, chosen).trim()}|${id}`;
}
