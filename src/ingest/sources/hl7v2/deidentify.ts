/**
 * An HL7 v2 message made fit to be kept by plateau (the MLLP journal), by allow-list: only the
 * segments the adapter reads stay, and in them only the fields and components it reads
 * (messages.ts); everything else is dropped — names, addresses, phones, physicians (ORC-12,
 * OBR-16, TXA-22's name), free text (OBR-13, OBR-31, SCH-7), report bodies (OBX, NTE), next of kin,
 * guarantors, insurers, and any field or segment a future version of the adapter might read.
 * Identifiers (placer and filler order numbers, accessions, study UIDs, appointment ids, visit
 * numbers) become their keyed hash (`plateau.h.<digest>`, identity.ts) before the message
 * touches the disk; PID keeps its set ID, the keyed hash of its patient identifier (PID-3, the
 * patient key that links repeats; patient-id.ts) and the birth year and month (the age band's
 * only source; the national health data system SNDS keeps no more). The adapter reads a raw and a
 * kept identifier into the same digest, so the same exams come out of the kept message.
 */
import { hashedIdentifier } from '../identity.ts';
import type { Delimiters } from './escape.ts';
import type { Hl7Message, Hl7Segment } from './parse.ts';
import { fieldValue, rawField } from './parse.ts';
import { patientIdentifier } from './patient-id.ts';

/**
 * How a kept field is kept, with the components the adapter reads (1-based; each its first
 * subcomponent, of the first repetition):
 * - `hash`: an identifier, as its keyed hash (first component);
 * - `key`: a room, device, unit, patient class or exam code the site mapping matches: as it is
 *   when it has the shape of a code, else as its keyed hash (matched to the mapping's by hash);
 * - `time`: an HL7 time, or `?` (still refused by the reader) when it has other characters;
 * - `code`: a status or type code, dropped unless a short code;
 * - `number`: a duration or set ID, dropped unless a number.
 * So no name or sentence typed in a field the adapter reads reaches the disk either.
 */
type Kind = 'hash' | 'key' | 'time' | 'code' | 'number';
type Kept = readonly [Kind, ...number[]];

/** What the adapter reads, by segment and field (the allow-list). */
const KEPT: Readonly<Record<string, Readonly<Record<number, Kept>>>> = {
  MSH: { 7: ['time', 1], 9: ['code', 1, 2, 3], 10: ['key', 1] },
  EVN: { 2: ['time', 1] },
  PID: {
    1: ['number', 1] /* 3: the patient identifier's hash, 7: the birth year and month, below */,
  },
  PV1: { 2: ['key', 1], 3: ['key', 1], 19: ['hash'] },
  ORC: { 1: ['code', 1], 2: ['hash'], 3: ['hash'], 5: ['code', 1], 9: ['time', 1] },
  // OBR-18 is a room for some sites and the accession for others (IHE): hashed, and matched to
  // the mapping's rooms by their hash (exams.ts).
  OBR: {
    2: ['hash'],
    3: ['hash'],
    4: ['key', 1],
    7: ['time', 1],
    8: ['time', 1],
    18: ['hash'],
    22: ['time', 1],
    25: ['code', 1],
  },
  IPC: { 1: ['hash'], 3: ['hash'], 7: ['key', 1], 8: ['key', 1], 9: ['key', 1] },
  // TXA-22 names who signed the report: only its time (component 15) is read.
  TXA: { 14: ['hash'], 15: ['hash'], 17: ['code', 1], 22: ['time', 15] },
  ZDS: { 1: ['hash'] },
  SCH: {
    1: ['hash'],
    2: ['hash'],
    9: ['number', 1],
    10: ['code', 1],
    11: ['time', 4, 5],
    25: ['code', 1],
    26: ['hash'],
    27: ['hash'],
  },
  TQ1: { 7: ['time', 1], 8: ['time', 1] },
  AIS: { 3: ['key', 1], 4: ['time', 1], 7: ['number', 1], 8: ['code', 1] },
  AIG: { 3: ['key', 1], 8: ['time', 1], 11: ['number', 1], 12: ['code', 1] },
  AIL: { 3: ['key', 1, 2], 6: ['time', 1], 9: ['number', 1], 10: ['code', 1] },
  RGS: { 1: ['number', 1] },
};

const TIME = /^[0-9.+-]{1,40}$/;
const CODE = /^[A-Za-z0-9_.-]{1,20}$/;
const NUMBER = /^\d{1,9}(\.\d{1,6})?$/;
/** A key kept as it is: the shape of a code (no space, no escape, nothing that reads as a name). */
const KEY = /^[A-Za-z0-9][A-Za-z0-9_.:/+#-]{0,63}$/;

/** Labels of the fields whose removal is worth naming (the others are counted as `SEG.n`). */
const LABELS: Readonly<Record<string, string>> = { 'PV1.19': 'PV1.19 visit number (hashed)' };

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

/** `text` up to the first `separator` (all of it when there is none). */
const head = (text: string, separator: string): string => {
  const i = text.indexOf(separator);
  return i === -1 ? text : text.slice(0, i);
};

/** Component `c` (1-based) of a raw field's first repetition, its first subcomponent, escapes kept. */
function rawComponent(raw: string, d: Delimiters, c: number): string {
  let value = head(raw, d.repetition);
  for (let i = 1; i < c; i++) {
    const at = value.indexOf(d.component);
    if (at === -1) return '';
    value = value.slice(at + 1);
  }
  return head(head(value, d.component), d.subcomponent);
}

/** The kept components of a raw field, each as `keep` makes it, joined (trailing empty components dropped). */
function keptField(
  raw: string,
  d: Delimiters,
  components: readonly number[],
  keep: (value: string, c: number) => string,
): string {
  const parts: string[] = [];
  for (const c of components) parts[c - 1] = keep(rawComponent(raw, d, c), c);
  let last = parts.length - 1;
  while (last >= 0 && (parts[last] ?? '') === '') last--;
  return Array.from({ length: last + 1 }, (_, i) => parts[i] ?? '').join(d.component);
}

function join(segment: Hl7Segment, fields: string[], separator: string): string {
  let last = fields.length - 1;
  while (last > 0 && (fields[last] ?? '') === '') last--;
  const kept = Array.from({ length: last + 1 }, (_, i) => fields[i] ?? '');
  return segment.id === 'MSH'
    ? `MSH${separator}${kept.slice(2).join(separator)}`
    : kept.join(separator);
}

/** PID-7 cut to its year and month (`YYYYMM`), or its year alone when that is all it has. */
function birthMonth(value: string): string {
  const m = /^(\d{4})(\d{2})?/.exec(value.trim());
  return m ? `${m[1]}${m[2] ?? ''}` : '';
}

/**
 * The message with everything the adapter does not read taken out and its identifiers hashed
 * (see the module comment); `secret` keys the hash. Kept messages go through unchanged.
 *
 * @example
 * const { text, removed } = deidentifyHl7(message, process.env.PLATEAU_SECRET!);
 * // 'PID|1||||||194503' in text; removed['PID.5'] === 1; ORC-2 → 'plateau.h.…'
 */
export function deidentifyHl7(message: Hl7Message, secret: string): DeidentifiedHl7 {
  const d = message.delimiters;
  const removed: Record<string, number> = {};
  const lines: string[] = [];
  for (const segment of message.segments) {
    const allowed = KEPT[segment.id];
    if (allowed === undefined) {
      count(removed, `${segment.id} segment`);
      continue;
    }
    const all = segment.fields;
    const first = segment.id === 'MSH' ? 3 : 1;
    const fields: string[] = segment.id === 'MSH' ? ['MSH', d.field, all[2] ?? ''] : [segment.id];
    for (let n = first; n < all.length; n++) {
      const raw = all[n] ?? '';
      if (raw === '') continue;
      const label = `${segment.id}.${n}`;
      const rule = allowed[n];
      if (segment.id === 'PID' && n === 3) {
        fields[3] = hashedIdentifier(patientIdentifier(segment, d), secret);
        if (fields[3] !== raw) count(removed, 'PID.3 patient identifier (hashed)');
      } else if (segment.id === 'PID' && n === 7) {
        fields[7] = birthMonth(rawField(segment, 7));
        if (fields[7] !== raw) count(removed, 'PID.7 day of birth');
      } else if (rule === undefined) {
        count(removed, label);
      } else if (rule[0] === 'hash') {
        fields[n] = hashedIdentifier(fieldValue(segment, d, n, 1), secret);
        if (fields[n] !== raw) count(removed, LABELS[label] ?? `${label} (hashed)`);
      } else {
        const [kind, ...components] = rule;
        fields[n] = keptField(raw, d, components, (value, c) => {
          if (value === '') return '';
          if (kind === 'time') return TIME.test(value) ? value : '?';
          if (kind === 'code') return CODE.test(value) ? value : '';
          if (kind === 'number') return NUMBER.test(value) ? value : '';
          return KEY.test(value) ? value : hashedIdentifier(fieldValue(segment, d, n, c), secret);
        });
        if (fields[n] !== raw) count(removed, `${label} (cut to what is read)`);
      }
    }
    lines.push(join(segment, fields, d.field));
  }
  return { text: `${lines.join('\r')}\r`, removed };
}
