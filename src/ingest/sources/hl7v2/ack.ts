/** HL7 v2 acknowledgements (ACK) for a received message, as an MLLP listener sends them back. */
import type { Delimiters } from './escape.ts';
import { escapeHl7 } from './escape.ts';
import type { Hl7Message } from './parse.ts';
import { fieldValue, firstSegment, rawField } from './parse.ts';

function hl7Now(now: Date): string {
  const p = (n: number, w = 2): string => String(n).padStart(w, '0');
  return `${p(now.getUTCFullYear(), 4)}${p(now.getUTCMonth() + 1)}${p(now.getUTCDate())}${p(now.getUTCHours())}${p(now.getUTCMinutes())}${p(now.getUTCSeconds())}+0000`;
}

/**
 * The ACK for `message`: an MSH with sender and receiver swapped (MSH-3/4 ↔ MSH-5/6), type
 * `ACK^<trigger>^ACK`, the same processing ID and version, and an MSA carrying `code` and the
 * received control ID (MSH-10). Segments end with `\r`, as MLLP expects.
 *
 * @example
 * buildAck(message, 'AA') // 'MSH|^~\\&|RIS|CHU|PLATEAU|…|ACK^O01^ACK|…\rMSA|AA|MSG00018\r'
 * buildAck(message, 'AE', 'OBR-7 is not a time')
 */
export function buildAck(
  message: Hl7Message,
  code: 'AA' | 'AE' | 'AR',
  text?: string,
  now: Date = new Date(),
): string {
  const d: Delimiters = message.delimiters;
  const msh = firstSegment(message, 'MSH');
  const raw = (n: number): string => (msh ? rawField(msh, n) : '');
  const trigger = msh ? fieldValue(msh, d, 9, 2) : '';
  const f = d.field;
  const enc = `${d.component}${d.repetition}${d.escape}${d.subcomponent}`;
  const controlId = message.controlId;
  const header = [
    'MSH',
    enc,
    raw(5),
    raw(6),
    raw(3),
    raw(4),
    hl7Now(now),
    '',
    `ACK${d.component}${escapeHl7(trigger, d)}${d.component}ACK`,
    escapeHl7(`ACK${controlId}`.slice(0, 199), d),
    raw(11) || 'P',
    raw(12) || '2.5',
  ].join(f);
  const msa = ['MSA', code, escapeHl7(controlId, d), ...(text ? [escapeHl7(text, d)] : [])].join(f);
  return `${header}\r${msa}\r`;
}
