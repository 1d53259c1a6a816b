/**
 * What the listener answers to one frame, decided before anything is stored: a message is
 * journaled only when its MSH is usable, it names its control id (MSH-10) and its segments
 * are whole; otherwise a NAK says why in MSA-3 and in an ERR segment (HL7 table 0357 codes).
 */
import { buildAck } from '../hl7v2/ack.ts';
import type { Delimiters } from '../hl7v2/escape.ts';
import { DEFAULT_DELIMITERS, escapeHl7 } from '../hl7v2/escape.ts';
import type { Hl7Message } from '../hl7v2/parse.ts';
import { fieldValue, firstSegment, parseHl7Message } from '../hl7v2/parse.ts';
import type { JournalMeta } from './journal-format.ts';
import { messageKey } from './journal-format.ts';

/** HL7 table 0357 codes used in ERR-3. */
const ERROR_CODES = {
  100: 'Segment sequence error',
  101: 'Required field missing',
  200: 'Unsupported message type',
  205: 'Duplicate key identifier',
  206: 'Application record locked',
  207: 'Application internal error',
} as const;
export type ErrorCode = keyof typeof ERROR_CODES;

/** A message to journal, or the NAK to send back. */
export type Verdict =
  | { ok: true; message: Hl7Message; meta: Omit<JournalMeta, 'receivedAt'> }
  | {
      ok: false;
      message: Hl7Message;
      code: 'AE' | 'AR';
      error: ErrorCode;
      location: string;
      reason: string;
    };

/** Parser issues that mean the message arrived damaged (not just oddly written). */
const DAMAGED = new Set(['hl7-bad-segment', 'hl7-several-messages']);

/**
 * Reads the MSH of a frame the parser could not use, so that the NAK still carries the
 * sender's control id and addresses (any first line starting with `MSH`).
 */
function rawMessage(text: string): Hl7Message {
  const line =
    text
      .replace(/^\uFEFF/, '')
      .split(/\r\n|\r|\n/)
      .find((l) => l.startsWith('MSH')) ?? '';
  const sep = line[3] ?? '|';
  const delimiters: Delimiters = { ...DEFAULT_DELIMITERS, field: sep };
  const msh = { id: 'MSH', line: 1, fields: line ? ['MSH', sep, ...line.split(sep).slice(1)] : [] };
  const segments = line ? [msh] : [];
  return {
    line: 1,
    delimiters,
    segments,
    type: '',
    controlId: line ? fieldValue(msh, delimiters, 10) : '',
  };
}

/**
 * Judges one frame's text: accept (with its journal data) or reject (with the NAK's reason).
 *
 * @example
 * const verdict = judgeFrame('MSH|^~\\&|RIS|CHU|…|ORM^O01|MSG1|P|2.5\rPID|…');
 * verdict.ok && verdict.meta.controlId // 'MSG1'
 */
export function judgeFrame(text: string): Verdict {
  const { message, issues } = parseHl7Message(text, 'frame');
  if (!message) {
    const first = issues.find((i) => i.severity === 'error') ?? issues[0];
    const noMsh = !/^\uFEFF?MSH/.test(text.trimStart());
    return {
      ok: false,
      message: rawMessage(text),
      code: 'AR',
      error: noMsh ? 100 : 101,
      location: first?.column ?? 'MSH',
      reason: noMsh
        ? 'The message does not start with an MSH segment.'
        : (first?.message ?? 'The MSH segment is unusable.'),
    };
  }
  if (!message.controlId) {
    return {
      ok: false,
      message,
      code: 'AR',
      error: 101,
      location: 'MSH-10',
      reason:
        'The message has no control ID (MSH-10): it could not be acknowledged or deduplicated.',
    };
  }
  const damage = issues.find((i) => DAMAGED.has(i.code));
  if (damage) {
    return {
      ok: false,
      message,
      code: 'AE',
      error: 100,
      location: damage.line === null ? 'message' : `line ${damage.line}`,
      reason: damage.message,
    };
  }
  const msh = firstSegment(message, 'MSH');
  const read = (n: number): string => (msh ? fieldValue(msh, message.delimiters, n) : '');
  const sendingApplication = read(3);
  const sendingFacility = read(4);
  return {
    ok: true,
    message,
    meta: {
      key: messageKey(sendingApplication, sendingFacility, message.controlId),
      controlId: message.controlId,
      sendingApplication,
      sendingFacility,
      messageType: msh?.fields[9] ?? message.type,
    },
  };
}

/**
 * The ACK (AA) or NAK (AE/AR) for a message: MSA-3 carries the reason, and a NAK gets an ERR
 * segment (ERR-2 location, ERR-3 table 0357 code, ERR-4 severity E, ERR-8 the reason).
 *
 * @example
 * answer(verdict.message, 'AR', { error: 101, location: 'MSH-10', reason: 'no control id' })
 */
export function answer(
  message: Hl7Message,
  code: 'AA' | 'AE' | 'AR',
  nak?: { error: ErrorCode; location: string; reason: string },
  now: Date = new Date(),
): string {
  if (!nak) return buildAck(message, code, undefined, now);
  const d = message.delimiters;
  const f = d.field;
  const err = [
    'ERR',
    '',
    escapeHl7(nak.location, d),
    `${nak.error}${d.component}${ERROR_CODES[nak.error]}${d.component}HL70357`,
    'E',
    '',
    '',
    '',
    escapeHl7(nak.reason, d),
  ].join(f);
  return `${buildAck(message, code, nak.reason.slice(0, 80), now)}${err}\r`;
}
