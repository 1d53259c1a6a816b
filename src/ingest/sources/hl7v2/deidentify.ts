/**
 * An HL7 v2 message made fit to be kept by plateau (the MLLP journal): only the segments the
 * adapter reads stay, and in them nothing that names the patient. PID keeps its set ID and the
 * birth year and month (the age band's only source; the national health data system SNDS keeps
 * no more), and loses the identifiers, names, the day of birth, address, phones and the rest;
 * the visit number (PV1-19, which joins an ADT's patient class to the orders) becomes its keyed
 * hash; free-text fields that can name a patient (OBR-13, OBR-31, SCH-7) are emptied; report
 * bodies (OBX, NTE), next of kin, guarantors, insurers and every other segment are dropped.
 * What the adapter reads is unchanged: the same exams come out of the kept message.
 */
import { pseudonymize } from '../identity.ts';
import type { Hl7Message, Hl7Segment } from './parse.ts';
import { fieldValue, rawField } from './parse.ts';

/** Segments the HL7 v2 adapter reads; the others are dropped. */
const KEPT_SEGMENTS = new Set(['MSH', 'EVN', 'PID', 'PV1', 'ORC', 'OBR', 'IPC', 'TXA', 'ZDS', 'SCH', 'TQ1', 'AIS', 'AIG', 'AIL', 'RGS']);
/** Fields emptied in kept segments: free text that can name a patient, other visit numbers. */
const EMPTIED: Readonly<Record<string, readonly number[]>> = {
  OBR: [13, 31],
  SCH: [7],
  PV1: [5, 50],
};

/** Marks a visit number the journal keeps as its keyed hash, so a reader can join it to a raw one. */
export const HASHED_VISIT_PREFIX = 'plateau.h.';

/** What de-identification did to one message. */
export interface DeidentifiedHl7 {
  /** The message as it may be kept, segments separated by `\r`. */
  text: string;
  /** Dropped or changed fields and segments, by label (`PID.5`, `PID.7 day of birth`, `OBX segment`). */
  removed: Record<string, number>;
}

function count(removed: Record<string, number>, label: string): void {
  removed[label] = (removed[label] ?? 0) + 1;
}

function join(segment: Hl7Segment, fields: string[], separator: string): string {
  let last = fields.length - 1;
  while (last > 0 && fields[last] === '') last--;
  const kept = fields.slice(0, last + 1);
  return segment.id === 'MSH' ? `MSH${separator}${kept.slice(2).join(separator)}` : kept.join(separator);
}

/** PID-7 cut to its year and month (`YYYYMM`), or its year alone when that is all it has. */
function birthMonth(value: string): string {
  const m = /^(\d{4})(\d{2})?/.exec(value.trim());
  return m ? `${m[1]}${m[2] ?? ''}` : '';
}

/**
 * The message with the patient's identity taken out (see the module comment); `secret` keys the
 * hash of the visit number.
 *
 * @example
 * const { text, removed } = deidentifyHl7(message, process.env.PLATEAU_SECRET!);
 * // 'PID|1||||||194503' in text; removed['PID.5'] === 1
 */
export function deidentifyHl7(message: Hl7Message, secret: string): DeidentifiedHl7 {
  const separator = message.delimiters.field;
  const removed: Record<string, number> = {};
  const lines: string[] = [];
  for (const segment of message.segments) {
    if (!KEPT_SEGMENTS.has(segment.id)) {
      count(removed, `${segment.id} segment`);
      continue;
    }
    // A copy (MSH: [MSH, field separator, encoding characters, …]); MSH is kept as it is.
    const fields = [...segment.fields];
    if (segment.id === 'PID') {
      for (let n = 2; n < fields.length; n++) if (n !== 7 && fields[n] !== '') count(removed, `PID.${n}`);
      const birth = birthMonth(rawField(segment, 7));
      if (rawField(segment, 7) !== '' && birth !== rawField(segment, 7)) count(removed, 'PID.7 day of birth');
      lines.push(join(segment, ['PID', fields[1] ?? '', '', '', '', '', '', birth], separator));
      continue;
    }
    for (const n of EMPTIED[segment.id] ?? []) {
      if ((fields[n] ?? '') !== '') {
        fields[n] = '';
        count(removed, `${segment.id}.${n}`);
      }
    }
    const visit = segment.id === 'PV1' ? fieldValue(segment, message.delimiters, 19, 1).trim() : '';
    if (visit !== '') {
      // The adapter joins on the first component: its hash joins the same messages.
      fields[19] = visit.startsWith(HASHED_VISIT_PREFIX) ? visit : `${HASHED_VISIT_PREFIX}${pseudonymize(visit, secret)}`;
      count(removed, 'PV1.19 visit number (hashed)');
    }
    lines.push(join(segment, fields, separator));
  }
  return { text: `${lines.join('\r')}\r`, removed };
}
