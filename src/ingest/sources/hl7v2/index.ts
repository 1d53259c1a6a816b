/**
 * The HL7 v2 source: files of ORM/OMI/ORU/MDM/SIU/ADT messages (plain, batched or MLLP-framed)
 * read into the data kit's exams, and the held SIU bookings into busy slots (slots.ts). Messages of
 * one exam are merged across all the files read together; see messages.ts for the field map and
 * exams.ts for what makes an exam.
 */
import { ZoneClock } from '../../../core/calendar.ts';
import type { Issue } from '../../../core/issues.ts';
import { makeIssue } from '../../../i18n/issues/index.ts';
import { HASHED_PREFIX, identifierHasher } from '../identity.ts';
import { emptyRecords } from '../types.ts';
import type { SourceAdapter, SourceContext, SourceInput, SourceRecords } from '../types.ts';
import { DraftIndex } from './drafts.ts';
import { examsOf } from './exams.ts';
import type { ReadState } from './messages.ts';
import { readMessage } from './messages.ts';
import { bookedSlots } from './slots.ts';
import { scanHl7 } from './parse.ts';

export { buildAck } from './ack.ts';
export { getValue, parseHl7, parseHl7Message, scanHl7 } from './parse.ts';
export type { Hl7Message, Hl7Segment } from './parse.ts';

const decoder = new TextDecoder('utf-8');
/** Zone clocks cache their offsets per day: one per zone for the process. */
const zones = new Map<string, ZoneClock>();

/** True when the bytes start (after a BOM, MLLP start byte or blank lines) with MSH, FHS or BHS. */
function looksLikeHl7(bytes: Uint8Array): boolean {
  const head = decoder
    .decode(bytes.subarray(0, 64))
    .split('\u000b')
    .join('')
    .replace(/^[\uFEFF\s]+/, '');
  return /^(MSH|FHS|BHS)[^A-Za-z0-9\s]/.test(head);
}

/**
 * Reads HL7 v2 files into exams (ids pseudonymized with the site secret; patient identity
 * dropped and counted in `removed`). Never throws on bad input: issues say what was wrong where.
 *
 * @example
 * const { records, issues } = await readHl7Files([{ name: 'orm.hl7', bytes }], { mapping, secret });
 */
export function readHl7Files(
  inputs: readonly SourceInput[],
  context: SourceContext,
): { records: SourceRecords; issues: Issue[] } {
  const records = emptyRecords();
  const issues: Issue[] = [];
  let zone: ZoneClock;
  try {
    zone = zones.get(context.mapping.timeZone) ?? new ZoneClock(context.mapping.timeZone);
    zones.set(context.mapping.timeZone, zone);
  } catch {
    issues.push(
      makeIssue('error', 'bad-time-zone', 'mapping', null, 'time_zone', {
        zone: context.mapping.timeZone,
      }),
    );
    return { records, issues };
  }
  // Identifiers are read in their kept form (a keyed hash) only when some input holds kept ones
  // (the MLLP journal's), so raw and kept messages of one exam join; otherwise they stay raw until
  // the exam's digest is taken (exams.ts), which is the same digest, at a fraction of the hashing.
  const kept = inputs.some((i) =>
    Buffer.from(i.bytes.buffer, i.bytes.byteOffset, i.bytes.byteLength).includes(HASHED_PREFIX),
  );
  const hash = kept ? identifierHasher(context.secret) : (value: string): string => value;
  const state: ReadState = {
    zone,
    drafts: new DraftIndex(),
    visits: new Map(),
    removed: records.removed,
    issues,
    ignored: new Map(),
    hash,
  };
  for (const input of inputs) {
    state.ignored.clear();
    scanHl7(input.name, decoder.decode(input.bytes), issues, (message) =>
      readMessage(input.name, message, state),
    );
    for (const [type, n] of state.ignored) {
      issues.push(makeIssue('info', 'hl7-unused-message', input.name, null, 'MSH.9', { n, type }));
    }
  }
  records.exams = examsOf(
    state.drafts.drafts,
    { ...context, zone },
    state.visits,
    issues,
    records.removed,
    records.keys,
  );
  const slots = bookedSlots(state.drafts.drafts, context, issues);
  if (slots.length > 0) records.slots = slots;
  return { records, issues };
}

/** The HL7 v2 adapter. */
export const hl7v2Adapter: SourceAdapter = {
  id: 'hl7v2',
  label: 'HL7 v2 messages (ORM, OMI, ORU, MDM, SIU, ADT)',
  detect(input: SourceInput): boolean {
    return /\.(hl7|er7|mllp)$/i.test(input.name) || looksLikeHl7(input.bytes);
  },
  read(
    inputs: readonly SourceInput[],
    context: SourceContext,
  ): Promise<{ records: SourceRecords; issues: Issue[] }> {
    return Promise.resolve(readHl7Files(inputs, context));
  },
};
