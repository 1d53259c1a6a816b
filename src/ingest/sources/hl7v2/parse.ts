/**
 * HL7 v2 (ER7, pipe-delimited) parsing: files of one or many messages, with or without a batch
 * envelope (FHS/BHS…BTS/FTS) or MLLP framing, byte-order marks, and `\r`, `\n` or `\r\n` between
 * segments. Delimiters come from each MSH (MSH-1, MSH-2). Values stay raw until read, so a file
 * of 100k messages parses without splitting fields nobody reads. Every problem is an `Issue`
 * located at the segment's line in the file and the field (`OBR.22`); a damaged message is
 * skipped with a warning and the others are still read.
 */
import type { Issue } from '../../../core/issues.ts';
import type { Delimiters } from './escape.ts';
import { DEFAULT_DELIMITERS, findBadEscape, unescapeHl7 } from './escape.ts';

/** One segment. `fields[n]` is field n, raw (for MSH, `fields[1]` is the field separator). */
export interface Hl7Segment {
  id: string;
  /** 1-based line of the segment in the file. */
  line: number;
  fields: string[];
}

/**
 * A segment as parsed: its text is split into fields only when `fields` is first used, and
 * single fields are cut out of the text without splitting (most segments are read for a few
 * fields; splitting them all was most of the parse time and garbage).
 */
class ParsedSegment implements Hl7Segment {
  readonly id: string;
  readonly line: number;
  readonly raw: string;
  readonly separator: string;
  #fields: string[] | undefined;
  constructor(id: string, line: number, raw: string, separator: string) {
    this.id = id;
    this.line = line;
    this.raw = raw;
    this.separator = separator;
  }

  get fields(): string[] {
    if (this.#fields === undefined) {
      const parts = this.raw.split(this.separator);
      this.#fields = this.id === 'MSH' ? ['MSH', this.separator, ...parts.slice(1)] : parts;
    }
    return this.#fields;
  }

  field(n: number): string {
    if (this.#fields !== undefined) return this.#fields[n] ?? '';
    if (this.id === 'MSH') {
      if (n === 1) return this.separator;
      n -= 1;
    }
    return nth(this.raw, this.separator, n);
  }
}

/** Part `k` (0-based) of `text` cut by `separator`, without splitting the whole text. */
function nth(text: string, separator: string, k: number): string {
  let pos = 0;
  for (let i = 0; i < k; i++) {
    pos = text.indexOf(separator, pos) + 1;
    if (pos === 0) return '';
  }
  const end = text.indexOf(separator, pos);
  return end === -1 ? (pos === 0 ? text : text.slice(pos)) : text.slice(pos, end);
}

/**
 * Which of fields 1…`max` of a segment are not empty, in one pass over its text.
 *
 * @example
 * presentFields(pid, 20)[5] // true when PID-5 (patient name) is filled
 */
export function presentFields(segment: Hl7Segment, max: number): boolean[] {
  const present: boolean[] = new Array<boolean>(max + 1).fill(false);
  if (!(segment instanceof ParsedSegment)) {
    for (let n = 1; n <= max; n++) present[n] = (segment.fields[n] ?? '') !== '';
    return present;
  }
  const { raw, separator } = segment;
  let n = segment.id === 'MSH' ? 2 : 1;
  let pos = raw.indexOf(separator) + 1;
  while (pos > 0 && n <= max) {
    const next = raw.indexOf(separator, pos);
    present[n] = (next === -1 ? raw.length : next) > pos;
    pos = next + 1;
    n++;
  }
  return present;
}

/** Field `n` of a segment, raw (escapes and delimiters kept); `''` when absent. */
export function rawField(segment: Hl7Segment, n: number): string {
  return segment instanceof ParsedSegment ? segment.field(n) : (segment.fields[n] ?? '');
}

/** One message: its segments, delimiters and where it starts in the file. */
export interface Hl7Message {
  /** 1-based line of the MSH segment. */
  line: number;
  delimiters: Delimiters;
  segments: Hl7Segment[];
  /** MSH-9 as `ORU^R01` (message code ^ trigger event). */
  type: string;
  /** MSH-10. */
  controlId: string;
}

const VT = '\u000b';
const FS = '\u001c';
const SEGMENT_ID = /^[A-Z][A-Z0-9]{2}$/;
const BATCH = new Set(['FHS', 'BHS', 'BTS', 'FTS']);

function issue(severity: Issue['severity'], code: string, file: string, line: number | null, column: string | null, message: string, hint: string | null): Issue {
  return { severity, code, file, line, column, message, hint };
}

/**
 * The decoded value of field `n` of a segment: repetition `rep` (0-based), component `c` and
 * subcomponent `s` (1-based). Absent parts are `''`.
 *
 * @example
 * fieldValue(obr, 4, 1) // OBR-4.1, the exam code
 */
export function fieldValue(segment: Hl7Segment, d: Delimiters, n: number, c = 1, s = 1, rep = 0): string {
  let raw = rawField(segment, n);
  if (raw === '') return '';
  if (segment.id === 'MSH' && n <= 2) return raw;
  raw = nth(nth(nth(raw, d.repetition, rep), d.component, c - 1), d.subcomponent, s - 1);
  return raw.includes(d.escape) ? unescapeHl7(raw, d) : raw;
}

/** Number of repetitions of field `n` (0 when empty). */
export function repetitionCount(segment: Hl7Segment, d: Delimiters, n: number): number {
  const raw = rawField(segment, n);
  if (raw === '') return 0;
  if (segment.id === 'MSH' && n <= 2) return 1;
  return raw.split(d.repetition).length;
}

/** The first segment `id` of a message, or `undefined`. */
export function firstSegment(message: Hl7Message, id: string): Hl7Segment | undefined {
  return message.segments.find((s) => s.id === id);
}

const PATH = /^([A-Z][A-Z0-9]{2})[-.](\d+)(?:\.(\d+))?(?:\.(\d+))?$/;

/**
 * A value by path `SEG-n.c.s` (component and subcomponent optional), read from the first
 * segment of that type; `''` when absent.
 *
 * @throws Error when the path is not of the form `SEG-n[.c[.s]]`.
 * @example
 * getValue(message, 'MSH-9.2') // 'R01'
 * getValue(message, 'TXA-22.15') // authentication time
 */
export function getValue(message: Hl7Message, path: string): string {
  const m = PATH.exec(path);
  if (!m) throw new Error(`not an HL7 field path (SEG-n.c.s): ${path}`);
  const segment = firstSegment(message, m[1] as string);
  if (!segment) return '';
  return fieldValue(segment, message.delimiters, Number(m[2]), m[3] ? Number(m[3]) : 1, m[4] ? Number(m[4]) : 1);
}

/** Reads MSH-1/MSH-2; a message string when they are unusable. */
function readDelimiters(line: string): Delimiters | string {
  const field = line[3];
  if (field === undefined) return 'the MSH segment has no field separator (MSH-1)';
  if (/[A-Za-z0-9\s]/.test(field)) return `the field separator (MSH-1) "${field}" is a letter, digit or space`;
  const end = line.indexOf(field, 4);
  const enc = end === -1 ? line.slice(4) : line.slice(4, end);
  if (enc.length < 4) return `the encoding characters (MSH-2) "${enc}" are fewer than 4 (component, repetition, escape, subcomponent)`;
  const chars = [field, ...enc.slice(0, 4)];
  if (new Set(chars).size !== chars.length || chars.some((ch) => /[A-Za-z0-9\s]/.test(ch))) {
    return `the delimiters "${field}${enc}" (MSH-1/MSH-2) repeat a character or use a letter, digit or space`;
  }
  const [component, repetition, escape, subcomponent] = enc as unknown as [string, string, string, string];
  return { field, component, repetition, escape, subcomponent };
}

/** Removes BOMs and MLLP framing bytes (a frame end still ends a segment). */
function normalize(text: string): string {
  let t = text.includes('\uFEFF') ? text.replace(/\uFEFF/g, '') : text;
  if (t.includes(VT) || t.includes(FS)) {
    // MLLP: <VT> message <FS><CR>. The frame bytes go; a <FS> not followed by a line break
    // still ends a segment.
    t = t.split(VT).join('').split(`${FS}\r`).join('\r').split(`${FS}\n`).join('\n').split(FS).join('\r');
  }
  return t;
}

interface Builder {
  message: Hl7Message;
  ok: boolean;
}

/**
 * Parses a file of HL7 v2 messages. Never throws: every problem is an issue located at the line
 * of the segment (`line`) and the field (`column`, e.g. `MSH.9`). A message whose MSH is unusable
 * is skipped (warning); a file with no message at all gives an error.
 *
 * @example
 * const { messages, issues } = parseHl7('orders.hl7', text);
 * getValue(messages[0]!, 'OBR-4.1');
 */
export function parseHl7(name: string, text: string): { messages: Hl7Message[]; issues: Issue[] } {
  const issues: Issue[] = [];
  const messages: Hl7Message[] = [];
  scanHl7(name, text, issues, (m) => messages.push(m));
  return { messages, issues };
}

/**
 * Parses a file of HL7 v2 messages, handing each message to `onMessage` as soon as it is read
 * (so a large file is never held as objects all at once) and adding problems to `issues`.
 * Returns the number of messages read. See `parseHl7` for the rules.
 *
 * @example
 * scanHl7('feed.hl7', text, issues, (m) => readMessage(m));
 */
export function scanHl7(name: string, text: string, issues: Issue[], onMessage: (message: Hl7Message) => void): number {
  let count = 0;
  const t = normalize(text);
  let current: Builder | null = null;
  let batchStart = -1;
  let batchLine = 0;
  let outsideReported = false;
  let lastHead = '';
  let lastDelimiters: Delimiters | null = null;

  const close = (): void => {
    if (current?.ok) {
      const msh = current.message.segments[0] as Hl7Segment;
      const d = current.message.delimiters;
      const type = fieldValue(msh, d, 9, 1);
      const trigger = fieldValue(msh, d, 9, 2);
      if (!type) {
        issues.push(issue('warning', 'hl7-no-type', name, msh.line, 'MSH.9', 'The message has no message type (MSH-9): message skipped.', 'Each MSH must say what the message is, e.g. ORU^R01.'));
      } else {
        current.message.type = trigger ? `${type}^${trigger}` : type;
        current.message.controlId = fieldValue(msh, d, 10);
        if (!current.message.controlId) {
          issues.push(issue('warning', 'hl7-no-control-id', name, msh.line, 'MSH.10', 'The message has no control ID (MSH-10).', 'Acknowledgements and duplicates are tracked by MSH-10; have the sender fill it.'));
        }
        count++;
        onMessage(current.message);
      }
    }
    current = null;
  };

  // Lines are cut out of the text one at a time (no array of all lines held for a 100k file).
  let pos = 0;
  let lineNo = 0;
  let nextCr = t.indexOf('\r');
  let nextLf = t.indexOf('\n');
  while (pos <= t.length) {
    if (nextCr !== -1 && nextCr < pos) nextCr = t.indexOf('\r', pos);
    if (nextLf !== -1 && nextLf < pos) nextLf = t.indexOf('\n', pos);
    let end: number;
    let after: number;
    if (nextCr === -1 && nextLf === -1) {
      end = t.length;
      after = t.length + 1;
    } else if (nextLf === -1 || (nextCr !== -1 && nextCr < nextLf)) {
      end = nextCr;
      after = t.charCodeAt(nextCr + 1) === 10 ? nextCr + 2 : nextCr + 1;
    } else {
      end = nextLf;
      after = nextLf + 1;
    }
    const line = t.slice(pos, end);
    pos = after;
    lineNo++;
    if (line.trim() === '') continue;
    const id = line.slice(0, 3);
    if (id === 'MSH') {
      close();
      // Consecutive messages nearly always share their delimiters: read MSH-1/MSH-2 once.
      const head = line.slice(3, 9);
      const d: Delimiters | string = head === lastHead && lastDelimiters !== null ? lastDelimiters : readDelimiters(line);
      if (typeof d !== 'string') {
        lastHead = head;
        lastDelimiters = d;
      }
      if (typeof d === 'string') {
        issues.push(issue('warning', 'hl7-bad-delimiters', name, lineNo, 'MSH.2', `${d}: message skipped.`, 'Start each message with MSH|^~\\&| (or the site\'s own five distinct delimiters).'));
        current = { message: { line: lineNo, delimiters: DEFAULT_DELIMITERS, segments: [], type: '', controlId: '' }, ok: false };
        continue;
      }
      const msh = new ParsedSegment(id, lineNo, line, d.field);
      current = { message: { line: lineNo, delimiters: d, segments: [msh], type: '', controlId: '' }, ok: true };
      // MSH-2 holds the escape character itself: look for escapes after it only.
      if (line.indexOf(d.escape, 9) !== -1) checkEscapes(name, msh, d, issues);
      continue;
    }
    if (BATCH.has(id)) {
      close();
      if (id === 'FHS' || id === 'BHS') {
        batchStart = count;
        batchLine = lineNo;
      } else if (id === 'BTS' && batchStart >= 0) {
        const sep = line[3];
        const declared = sep ? (line.split(sep)[1] ?? '').split('^')[0] : '';
        const inBatch = count - batchStart;
        if (declared && /^\d+$/.test(declared) && Number(declared) !== inBatch) {
          issues.push(issue('warning', 'hl7-batch-count', name, lineNo, 'BTS.1', `The batch that starts on line ${batchLine} declares ${declared} messages (BTS-1) but ${inBatch} were read.`, 'A message may be missing or damaged: check the sender\'s export.'));
        }
      }
      continue;
    }
    if (current === null) {
      if (!outsideReported) {
        issues.push(issue('warning', 'hl7-outside-message', name, lineNo, null, `Text before any MSH segment ("${line.slice(0, 20)}…") is ignored.`, 'Each message must start with an MSH segment.'));
        outsideReported = true;
      }
      continue;
    }
    if (!current.ok) continue;
    const d = current.message.delimiters;
    if (!SEGMENT_ID.test(id) || (line.length > 3 && line[3] !== d.field)) {
      issues.push(issue('warning', 'hl7-bad-segment', name, lineNo, null, `"${line.slice(0, 20)}" is not a segment (three letters or digits, then "${d.field}"): line ignored.`, 'The message may have been cut or wrapped; check the export.'));
      continue;
    }
    const segment = new ParsedSegment(id, lineNo, line, d.field);
    if (line.includes(d.escape)) checkEscapes(name, segment, d, issues);
    current.message.segments.push(segment);
  }
  close();
  if (count === 0) {
    issues.push(issue('error', 'hl7-no-message', name, null, null, 'No readable HL7 v2 message in this file.', 'An HL7 v2 file holds messages that each start with MSH|^~\\&|.'));
  }
  return count;
}

function checkEscapes(name: string, segment: ParsedSegment, d: Delimiters, issues: Issue[]): void {
  // Fast path: the whole segment at once; split into fields only to locate a bad sequence.
  const from = segment.id === 'MSH' ? segment.raw.indexOf(d.field, 4) : 0;
  if (from === -1 || findBadEscape(segment.raw.slice(from), d) === null) return;
  for (let n = segment.id === 'MSH' ? 3 : 1; n < segment.fields.length; n++) {
    const raw = segment.fields[n] as string;
    if (!raw.includes(d.escape)) continue;
    const bad = findBadEscape(raw, d);
    if (bad !== null) {
      issues.push(issue('warning', 'hl7-bad-escape', name, segment.line, `${segment.id}.${n}`, `Unknown or unclosed escape sequence ${JSON.stringify(bad.slice(0, 20))}: kept as written.`, `Escape sequences are ${d.escape}F${d.escape} ${d.escape}S${d.escape} ${d.escape}T${d.escape} ${d.escape}R${d.escape} ${d.escape}E${d.escape} ${d.escape}Xhh${d.escape} ${d.escape}.br${d.escape}.`));
    }
  }
}

/**
 * Parses one message (e.g. one MLLP frame). `message` is `null` when nothing usable was read.
 *
 * @example
 * const { message } = parseHl7Message('MSH|^~\\&|RIS|…\rPID|…');
 */
export function parseHl7Message(text: string, name = 'message'): { message: Hl7Message | null; issues: Issue[] } {
  const { messages, issues } = parseHl7(name, text);
  if (messages.length > 1) {
    issues.push(issue('warning', 'hl7-several-messages', name, messages[1]?.line ?? null, null, `${messages.length} messages where one was expected: only the first is read.`, 'Send one message per frame.'));
  }
  return { message: messages[0] ?? null, issues };
}
