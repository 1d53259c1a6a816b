/**
 * HL7 v2 (ER7, pipe-delimited) parsing: files of one or many messages, with or without a batch
 * envelope (FHS/BHS…BTS/FTS) or MLLP framing, byte-order marks, and `\r`, `\n` or `\r\n` between
 * segments. Delimiters come from each MSH (MSH-1, MSH-2). Values stay raw until read, so a file
 * of 100k messages parses without splitting fields nobody reads. Every problem is an `Issue`
 * located at the segment's line in the file and the field (`OBR.22`); a damaged message is
 * skipped with a warning and the others are still read.
 */
import type { Issue } from '../../../core/issues.ts';
import type { IssueKey, IssueParams } from '../../../i18n/issues/index.ts';
import { makeIssue } from '../../../i18n/issues/index.ts';
import { describeText } from '../../kit/identifying.ts';
import type { Delimiters } from './escape.ts';
import { badEscapeAt, DEFAULT_DELIMITERS, findBadEscape, unescapeHl7 } from './escape.ts';

/** One segment. `fields[n]` is field n, raw (for MSH, `fields[1]` is the field separator). */
export interface Hl7Segment {
  id: string;
  /** 1-based line of the segment in the file. */
  line: number;
  fields: string[];
}

/**
 * A segment as parsed: a range of the file's text. A field is found by walking its separators
 * from a cursor left by the previous read (readers mostly ask for fields in increasing order),
 * and a value is cut straight out of the text: no array of fields, one substring per value (most
 * segments are read for a few fields; splitting them was most of the parse time and garbage).
 * `fields` still splits on demand, for callers that want them all.
 */
class ParsedSegment implements Hl7Segment {
  readonly id: string;
  readonly line: number;
  readonly separator: string;
  /** The whole file's text, and where this segment is in it (`end` exclusive). */
  readonly text: string;
  readonly start: number;
  readonly end: number;
  #raw: string | undefined;
  #fields: string[] | undefined;
  /** The cursor: part `#at` of the text (0 = the segment id) is `text[#from, #to)`; -1 = none yet. */
  #at = -1;
  #from = 0;
  #to = 0;
  constructor(
    id: string,
    line: number,
    text: string,
    start: number,
    end: number,
    separator: string,
  ) {
    this.id = id;
    this.line = line;
    this.text = text;
    this.start = start;
    this.end = end;
    this.separator = separator;
  }

  /** The segment's text (a slice of the file's text: V8 does not copy it). */
  get raw(): string {
    return (this.#raw ??= this.text.slice(this.start, this.end));
  }

  get fields(): string[] {
    if (this.#fields === undefined) {
      const parts = this.raw.split(this.separator);
      this.#fields = this.id === 'MSH' ? ['MSH', this.separator, ...parts.slice(1)] : parts;
    }
    return this.#fields;
  }

  /** End of the part that starts at `from`: the next separator, or the segment's end. */
  #partEnd(from: number): number {
    // indexOf on the segment's own text: native speed, and never past the segment.
    const i = this.raw.indexOf(this.separator, from - this.start);
    return i === -1 ? this.end : this.start + i;
  }

  /**
   * Where field `n` starts in `text` (-1 when the segment has no such field; MSH-1, the
   * separator itself, is not in the text and gives -1 too). Its end is `fieldEnd(start)`.
   */
  fieldStart(n: number): number {
    let k = n > 0 ? n : 0;
    if (this.id === 'MSH' && k > 0) {
      if (k === 1) return -1;
      k -= 1;
    }
    let at: number;
    let from: number;
    let to: number;
    if (this.#at === -1 || k < this.#at - k) {
      at = 0;
      from = this.start;
      to = this.#partEnd(from);
    } else {
      at = this.#at;
      from = this.#from;
      to = this.#to;
      // Back from the cursor (OBR-22 after OBR-25) rather than from the start.
      while (at > k) {
        to = from - 1;
        const i = this.raw.lastIndexOf(this.separator, to - 1 - this.start);
        from = i === -1 || to === this.start ? this.start : this.start + i + 1;
        at--;
      }
    }
    let found = true;
    while (at < k) {
      if (to === this.end) {
        found = false;
        break;
      }
      from = to + 1;
      to = this.#partEnd(from);
      at++;
    }
    this.#at = at;
    this.#from = from;
    this.#to = to;
    return found ? from : -1;
  }

  /**
   * End (exclusive) in `text` of the field that starts at `start` (a value `fieldStart` gave): the
   * cursor's end when the cursor is on it, as it is right after `fieldStart`, else found again.
   * A pure function of `start`: the cursor only spares the search.
   */
  fieldEnd(start: number): number {
    return this.#at !== -1 && start === this.#from ? this.#to : this.#partEnd(start);
  }

  field(n: number): string {
    if (this.#fields !== undefined) return this.#fields[n] ?? '';
    if (n === 1 && this.id === 'MSH') return this.separator;
    const from = this.fieldStart(n);
    return from === -1 ? '' : this.text.slice(from, this.fieldEnd(from));
  }
}

/**
 * Start of part `k` (0-based) of `text[from, to)` cut by the character `code` (-1 when there is
 * no such part); its end is `partEnd(text, start, to, code)`. Loops over character codes, bounded
 * by `to`: no substring is made and a missing separator never scans past the field.
 */
function partStart(text: string, from: number, to: number, code: number, k: number): number {
  let pos = from;
  for (let i = 0; i < k; i++) {
    while (pos < to && text.charCodeAt(pos) !== code) pos++;
    if (pos >= to) return -1;
    pos++;
  }
  return pos;
}

/** End (exclusive) of the part of `text[…, to)` that starts at `pos`, cut by the character `code`. */
function partEnd(text: string, pos: number, to: number, code: number): number {
  let end = pos;
  while (end < to && text.charCodeAt(end) !== code) end++;
  return end;
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
const BATCH = new Set(['FHS', 'BHS', 'BTS', 'FTS']);

/** Segment ids seen so far, by their three character codes: one string per id, not per line. */
const IDS = new Map<number, string>();
const isUpper = (c: number): boolean => c >= 65 && c <= 90;
const isUpperOrDigit = (c: number): boolean => (c >= 65 && c <= 90) || (c >= 48 && c <= 57);

/** The segment id of the line at `pos` when it is one (`[A-Z][A-Z0-9]{2}`), else `null`. */
function segmentId(text: string, pos: number, end: number): string | null {
  if (end - pos < 3) return null;
  const a = text.charCodeAt(pos);
  const b = text.charCodeAt(pos + 1);
  const c = text.charCodeAt(pos + 2);
  if (!isUpper(a) || !isUpperOrDigit(b) || !isUpperOrDigit(c)) return null;
  const key = (a << 14) | (b << 7) | c;
  let id = IDS.get(key);
  if (id === undefined) {
    id = text.slice(pos, pos + 3);
    IDS.set(key, id);
  }
  return id;
}

/** True when `text[from, to)` is blank (as `String.prototype.trim` sees it). */
function isBlank(text: string, from: number, to: number): boolean {
  if (from >= to) return true;
  const c = text.charCodeAt(from);
  // Printable ASCII first: the answer without a substring for nearly every line.
  if (c > 32 && c < 127) return false;
  return text.slice(from, to).trim() === '';
}

/** True when `text.slice(from + 3, from + 9)` (MSH-1, MSH-2 and the next character) is `head`. */
function sameHead(text: string, from: number, end: number, head: string): boolean {
  const a = Math.min(from + 3, end);
  const b = Math.min(from + 9, end);
  if (b - a !== head.length) return false;
  for (let i = 0; i < head.length; i++)
    if (text.charCodeAt(a + i) !== head.charCodeAt(i)) return false;
  return true;
}

function issue(
  severity: Issue['severity'],
  key: IssueKey,
  file: string,
  line: number | null,
  column: string | null,
  params: IssueParams = {},
): Issue {
  return makeIssue(severity, key, file, line, column, params);
}

/**
 * The decoded value of field `n` of a segment: repetition `rep` (0-based), component `c` and
 * subcomponent `s` (1-based). Absent parts are `''`.
 *
 * @example
 * fieldValue(obr, 4, 1) // OBR-4.1, the exam code
 */
export function fieldValue(
  segment: Hl7Segment,
  d: Delimiters,
  n: number,
  c = 1,
  s = 1,
  rep = 0,
): string {
  if (!(segment instanceof ParsedSegment) || n < 0) {
    let raw = rawField(segment, n);
    if (raw === '') return '';
    if (segment.id === 'MSH' && n <= 2) return raw;
    raw = nth(nth(nth(raw, d.repetition, rep), d.component, c - 1), d.subcomponent, s - 1);
    return raw.includes(d.escape) ? unescapeHl7(raw, d) : raw;
  }
  if (segment.id === 'MSH' && n <= 2) return segment.field(n);
  // Cut the value out of the file's text by positions: one substring, at the end.
  const { text } = segment;
  let from = segment.fieldStart(n);
  if (from === -1) return '';
  const escape = d.escape.charCodeAt(0);
  const r = d.repetition.charCodeAt(0);
  const k = d.component.charCodeAt(0);
  const u = d.subcomponent.charCodeAt(0);
  let to = segment.fieldEnd(from);
  if (rep === 0 && c === 1 && s === 1) {
    // The usual read (first component of the first repetition): one pass to its end.
    let escaped = false;
    let i = from;
    for (; i < to; i++) {
      const ch = text.charCodeAt(i);
      if (ch === r || ch === k || ch === u) break;
      if (ch === escape) escaped = true;
    }
    return escaped ? unescapeHl7(text.slice(from, i), d) : text.slice(from, i);
  }
  // Narrow [from, to) to the repetition, then the component, then the subcomponent.
  from = partStart(text, from, to, r, rep);
  if (from === -1) return '';
  to = partEnd(text, from, to, r);
  from = partStart(text, from, to, k, c - 1);
  if (from === -1) return '';
  to = partEnd(text, from, to, k);
  from = partStart(text, from, to, u, s - 1);
  if (from === -1) return '';
  to = partEnd(text, from, to, u);
  for (let i = from; i < to; i++)
    if (text.charCodeAt(i) === escape) return unescapeHl7(text.slice(from, to), d);
  return text.slice(from, to);
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
  return fieldValue(
    segment,
    message.delimiters,
    Number(m[2]),
    m[3] ? Number(m[3]) : 1,
    m[4] ? Number(m[4]) : 1,
  );
}

/** Reads MSH-1/MSH-2; a message string when they are unusable. */
function readDelimiters(line: string): Delimiters | string {
  const field = line[3];
  if (field === undefined) return 'the MSH segment has no field separator (MSH-1)';
  if (/[A-Za-z0-9\s]/.test(field)) return 'the field separator (MSH-1) is a letter, digit or space';
  const end = line.indexOf(field, 4);
  const enc = end === -1 ? line.slice(4) : line.slice(4, end);
  if (enc.length < 4)
    return `the encoding characters (MSH-2) are ${enc.length}, fewer than 4 (component, repetition, escape, subcomponent)`;
  const chars = [field, ...enc.slice(0, 4)];
  if (new Set(chars).size !== chars.length || chars.some((ch) => /[A-Za-z0-9\s]/.test(ch))) {
    return 'the delimiters (MSH-1/MSH-2) repeat a character or use a letter, digit or space';
  }
  const [component, repetition, escape, subcomponent] = enc as unknown as [
    string,
    string,
    string,
    string,
  ];
  return { field, component, repetition, escape, subcomponent };
}

/** Removes BOMs and MLLP framing bytes (a frame end still ends a segment). */
function normalize(text: string): string {
  let t = text.includes('\uFEFF') ? text.replace(/\uFEFF/g, '') : text;
  if (t.includes(VT) || t.includes(FS)) {
    // MLLP: <VT> message <FS><CR>. The frame bytes go; a <FS> not followed by a line break
    // still ends a segment.
    t = t
      .split(VT)
      .join('')
      .split(`${FS}\r`)
      .join('\r')
      .split(`${FS}\n`)
      .join('\n')
      .split(FS)
      .join('\r');
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
export function scanHl7(
  name: string,
  text: string,
  issues: Issue[],
  onMessage: (message: Hl7Message) => void,
): number {
  let count = 0;
  const t = normalize(text);
  let current: Builder | null = null;
  let batchStart = -1;
  let batchLine = 0;
  let outsideReported = false;
  let lastHead = '';
  let lastDelimiters: Delimiters | null = null;
  let lastCode = '';
  let lastTrigger = '';
  let lastType = '';

  const close = (): void => {
    if (current?.ok) {
      const msh = current.message.segments[0] as Hl7Segment;
      const d = current.message.delimiters;
      const type = fieldValue(msh, d, 9, 1);
      const trigger = fieldValue(msh, d, 9, 2);
      if (!type) {
        issues.push(issue('warning', 'hl7-no-type', name, msh.line, 'MSH.9'));
      } else {
        // One type string for a run of messages of the same type (not one per message).
        if (type !== lastCode || trigger !== lastTrigger) {
          lastCode = type;
          lastTrigger = trigger;
          lastType = trigger ? `${type}^${trigger}` : type;
        }
        current.message.type = lastType;
        current.message.controlId = fieldValue(msh, d, 10);
        if (!current.message.controlId) {
          issues.push(issue('warning', 'hl7-no-control-id', name, msh.line, 'MSH.10'));
        }
        count++;
        onMessage(current.message);
      }
    }
    current = null;
  };

  // Where the next escape character is (`escapeAt`, -1 when none) at or after `escapeFrom`: a
  // segment is checked for escapes without scanning it again, and the file is searched once.
  let escapeChar = '';
  let escapeFrom = 0;
  let escapeAt = -1;
  const escapeIn = (escape: string, from: number, to: number): boolean => {
    if (escape !== escapeChar || from < escapeFrom || (escapeAt !== -1 && escapeAt < from)) {
      escapeChar = escape;
      escapeFrom = from;
      escapeAt = t.indexOf(escape, from);
    }
    return escapeAt !== -1 && escapeAt < to;
  };

  // Lines are read in place, by position: no array of all lines, no copy of each one.
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
    const from = pos;
    pos = after;
    lineNo++;
    if (isBlank(t, from, end)) continue;
    const id = segmentId(t, from, end);
    if (id === 'MSH') {
      close();
      // Consecutive messages nearly always share their delimiters: read MSH-1/MSH-2 once.
      let d: Delimiters | string;
      if (lastDelimiters !== null && sameHead(t, from, end, lastHead)) d = lastDelimiters;
      else {
        const line = t.slice(from, end);
        d = readDelimiters(line);
        if (typeof d !== 'string') {
          lastHead = line.slice(3, 9);
          lastDelimiters = d;
        }
      }
      if (typeof d === 'string') {
        issues.push(issue('warning', 'hl7-bad-delimiters', name, lineNo, 'MSH.2', { detail: d }));
        current = {
          message: {
            line: lineNo,
            delimiters: DEFAULT_DELIMITERS,
            segments: [],
            type: '',
            controlId: '',
          },
          ok: false,
        };
        continue;
      }
      const msh = new ParsedSegment(id, lineNo, t, from, end, d.field);
      current = {
        message: { line: lineNo, delimiters: d, segments: [msh], type: '', controlId: '' },
        ok: true,
      };
      // MSH-2 holds the escape character itself: look for escapes after it only.
      if (escapeIn(d.escape, from + 9, end)) checkEscapes(name, msh, d, issues);
      continue;
    }
    if (id !== null && BATCH.has(id)) {
      close();
      if (id === 'FHS' || id === 'BHS') {
        batchStart = count;
        batchLine = lineNo;
      } else if (id === 'BTS' && batchStart >= 0) {
        const line = t.slice(from, end);
        const sep = line[3];
        const declared = sep ? (line.split(sep)[1] ?? '').split('^')[0] : '';
        const inBatch = count - batchStart;
        if (declared && /^\d+$/.test(declared) && Number(declared) !== inBatch) {
          issues.push(
            issue('warning', 'hl7-batch-count', name, lineNo, 'BTS.1', {
              line: String(batchLine),
              declared,
              read: inBatch,
            }),
          );
        }
      }
      continue;
    }
    if (current === null) {
      if (!outsideReported) {
        // Its shape, never its text: a stray line may hold a name or an address.
        issues.push(
          issue('warning', 'hl7-outside-message', name, lineNo, null, {
            text: describeText(t.slice(from, end)),
          }),
        );
        outsideReported = true;
      }
      continue;
    }
    if (!current.ok) continue;
    const d = current.message.delimiters;
    if (id === null || (end - from > 3 && t.charCodeAt(from + 3) !== d.field.charCodeAt(0))) {
      // A wrapped line is the rest of a field (a name, an address, report text): its shape only.
      const after = current.message.segments[current.message.segments.length - 1]?.id ?? 'MSH';
      issues.push(
        issue('warning', 'hl7-bad-segment', name, lineNo, null, {
          text: describeText(t.slice(from, end)),
          after,
          separator: d.field,
        }),
      );
      continue;
    }
    const segment = new ParsedSegment(id, lineNo, t, from, end, d.field);
    if (escapeIn(d.escape, from, end)) checkEscapes(name, segment, d, issues);
    current.message.segments.push(segment);
  }
  close();
  if (count === 0) {
    issues.push(issue('error', 'hl7-no-message', name, null, null));
  }
  return count;
}

function checkEscapes(name: string, segment: ParsedSegment, d: Delimiters, issues: Issue[]): void {
  // Fast path: the whole segment at once, in place; split into fields only to locate a bad sequence.
  const { text, end } = segment;
  let from = segment.start;
  if (segment.id === 'MSH') {
    from += 4;
    const field = d.field.charCodeAt(0);
    while (from < end && text.charCodeAt(from) !== field) from++;
    if (from === end) return;
  }
  if (badEscapeAt(text, from, end, d) === -1) return;
  for (let n = segment.id === 'MSH' ? 3 : 1; n < segment.fields.length; n++) {
    const raw = segment.fields[n] as string;
    if (!raw.includes(d.escape)) continue;
    const bad = findBadEscape(raw, d);
    if (bad !== null) {
      issues.push(
        issue('warning', 'hl7-bad-escape', name, segment.line, `${segment.id}.${n}`, {
          text: describeText(bad),
          field: `${segment.id}-${n}`,
          escapes: ['F', 'S', 'T', 'R', 'E', 'Xhh', '.br']
            .map((e) => `${d.escape}${e}${d.escape}`)
            .join(' '),
        }),
      );
    }
  }
}

/**
 * Parses one message (e.g. one MLLP frame). `message` is `null` when nothing usable was read.
 *
 * @example
 * const { message } = parseHl7Message('MSH|^~\\&|RIS|…\rPID|…');
 */
export function parseHl7Message(
  text: string,
  name = 'message',
): { message: Hl7Message | null; issues: Issue[] } {
  const { messages, issues } = parseHl7(name, text);
  if (messages.length > 1) {
    issues.push(
      issue('warning', 'hl7-several-messages', name, messages[1]?.line ?? null, null, {
        count: messages.length,
      }),
    );
  }
  return { message: messages[0] ?? null, issues };
}
