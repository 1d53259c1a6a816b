/**
 * The fingerprint of a campaign's input: sha256 over every record, field by field in a fixed
 * order (never object key order), so the same stored campaign always hashes the same. Each
 * record is hashed as the line `<tag><JSON array of its fields>\n`; sessions and exams, hundreds
 * of thousands of lines, are written straight as bytes (`JsonLines`), the same bytes.
 */
import type { Hash } from 'node:crypto';
import { createHash } from 'node:crypto';
import type { ExamTable, StringColumn } from '../core/exam-table.ts';
import { attachedExamTable, NO_AGE_BAND, stringAt } from '../core/exam-table.ts';
import { AGE_BANDS, CATEGORIES } from '../core/kit-types.ts';
import type { Kit } from '../core/kit-types.ts';

/** Bump when the hashed form changes, so old fingerprints stop matching. */
const FORMAT = 'plateau-kit-fingerprint-v1';

const encoder = new TextEncoder();
const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const FLUSH_AT = 1 << 16;

/**
 * Writes the UTF-8 of `JSON.stringify([…fields])` lines into a buffer hashed 64 KiB at a time:
 * no string per line, integers written digit by digit, strings copied when they need no escape.
 * Every value it has no fast path for goes through `JSON.stringify`, so any input gives exactly
 * the bytes of the plain form.
 */
class JsonLines {
  private readonly buf = new Uint8Array(FLUSH_AT + 4096);
  private pos = 0;
  /** JSON of short strings that repeat (machine ids, categories, act codes). */
  private readonly json = new Map<string, Uint8Array>();

  constructor(private readonly hash: Hash) {}

  /** Plain ASCII with nothing to escape: the line's tag and punctuation. */
  ascii(text: string): void {
    this.room(text.length);
    for (let i = 0; i < text.length; i++) this.buf[this.pos++] = text.charCodeAt(i);
  }

  /** An element of the JSON array: as `JSON.stringify([value])` writes it between brackets. */
  value(value: unknown): void {
    if (typeof value === 'number') this.number(value);
    else if (typeof value === 'string') this.string(value);
    else if (value === null || value === undefined) this.ascii('null');
    else if (Array.isArray(value)) this.array(value);
    else this.utf8(JSON.stringify(value) ?? 'null');
  }

  /** A string that repeats from line to line: its JSON is encoded once. */
  repeated(value: unknown): void {
    if (typeof value !== 'string') return this.value(value);
    if (value.length > 64) return this.string(value);
    let bytes = this.json.get(value);
    if (bytes === undefined) {
      bytes = encoder.encode(JSON.stringify(value));
      if (this.json.size < 10_000) this.json.set(value, bytes);
    }
    this.room(bytes.length);
    this.buf.set(bytes, this.pos);
    this.pos += bytes.length;
  }

  /**
   * String `i` of a table column, as `string` writes it: its bytes copied when they are printable
   * ASCII without quote or backslash, else through the decoded string.
   */
  stringBytes(column: StringColumn, i: number): void {
    const from = column.offsets[i] as number;
    const to = column.offsets[i + 1] as number;
    if ((column.absent !== null && column.absent[i] === 1) || to - from > 1024)
      return this.value(stringAt(column, i));
    this.room(to - from + 2);
    const start = this.pos;
    this.buf[this.pos++] = QUOTE;
    const bytes = column.bytes;
    for (let k = from; k < to; k++) {
      const c = bytes[k] as number;
      if (c < 0x20 || c > 0x7e || c === QUOTE || c === BACKSLASH) {
        this.pos = start;
        return this.string(stringAt(column, i) as string);
      }
      this.buf[this.pos++] = c;
    }
    this.buf[this.pos++] = QUOTE;
  }

  /** Ends a line; hashes the buffer once it is full enough. */
  endLine(): void {
    this.ascii('\n');
    if (this.pos >= FLUSH_AT) this.flush();
  }

  flush(): void {
    if (this.pos > 0) this.hash.update(this.buf.subarray(0, this.pos));
    this.pos = 0;
  }

  private array(values: readonly unknown[]): void {
    this.ascii('[');
    for (let i = 0; i < values.length; i++) {
      if (i > 0) this.ascii(',');
      this.repeated(values[i]);
    }
    this.ascii(']');
  }

  private number(value: number): void {
    // JSON.stringify writes -0 as 0, NaN and infinities as null; safe integers as their digits,
    // here in two halves of at most 9 and 7 digits, small integers the engine divides quickly.
    if (Number.isSafeInteger(value)) {
      let rest = value;
      if (rest < 0) {
        this.ascii('-');
        rest = -rest;
      }
      this.room(17);
      const high = Math.floor(rest / 1e7);
      let low = rest - high * 1e7;
      if (high > 0) {
        this.digits(high);
        let end = this.pos + 7;
        this.pos = end;
        for (let i = 0; i < 7; i++) {
          const next = (low / 10) | 0;
          this.buf[--end] = 0x30 + low - next * 10;
          low = next;
        }
      } else {
        this.digits(low);
      }
    } else {
      this.ascii(Number.isFinite(value) ? String(value) : 'null');
    }
  }

  /** The decimal digits of `n`, an integer in [0, 2^31). */
  private digits(n: number): void {
    let count = 1;
    for (let x = n; x >= 10; x = (x / 10) | 0) count++;
    let end = this.pos + count;
    this.pos = end;
    for (let i = 0; i < count; i++) {
      const next = (n / 10) | 0;
      this.buf[--end] = 0x30 + n - next * 10;
      n = next;
    }
  }

  string(value: string): void {
    if (value.length > 1024) return this.utf8(JSON.stringify(value));
    // Printable ASCII without quote or backslash is its own JSON, quoted.
    this.room(value.length + 2);
    const start = this.pos;
    this.buf[this.pos++] = QUOTE;
    for (let i = 0; i < value.length; i++) {
      const c = value.charCodeAt(i);
      if (c < 0x20 || c > 0x7e || c === QUOTE || c === BACKSLASH) {
        this.pos = start;
        return this.utf8(JSON.stringify(value));
      }
      this.buf[this.pos++] = c;
    }
    this.buf[this.pos++] = QUOTE;
  }

  private utf8(text: string): void {
    if (text.length > 1024) {
      // Too long for the buffer: hashed on its own, after what the buffer holds.
      this.flush();
      this.hash.update(text);
      return;
    }
    this.room(text.length * 3);
    this.pos += encoder.encodeInto(text, this.buf.subarray(this.pos)).written;
  }

  /** Makes room for `bytes` more bytes (at most 4 KiB), hashing what the buffer holds if needed. */
  private room(bytes: number): void {
    if (this.pos + bytes > this.buf.length) this.flush();
  }
}

/**
 * The exam lines of a kit whose exams are a table, in its file order: the same bytes as for the
 * records `Kit.exams` would materialise (NaN is written `null`, as null is), without them.
 */
function examLinesOf(lines: JsonLines, t: ExamTable, equipment: Kit['equipment']): void {
  for (let k = 0; k < t.fileOrder.length; k++) {
    const r = t.fileOrder[k] as number;
    const band = t.ageBand[r] as number;
    lines.ascii('x[');
    lines.repeated((equipment[t.machine[r] as number] as Kit['equipment'][number]).equipmentId);
    lines.ascii(',');
    lines.stringBytes(t.examId, r);
    lines.ascii(',');
    lines.repeated(CATEGORIES[t.category[r] as number]);
    lines.ascii(',');
    lines.value(t.roomIn[r]);
    lines.ascii(',');
    lines.value(t.roomOut[r]);
    lines.ascii(',');
    lines.value(t.actLists[t.acts[r] as number]);
    lines.ascii(',');
    lines.value(t.rowIcr[r]);
    lines.ascii(',');
    lines.value(t.reportAt[r]);
    lines.ascii(',');
    lines.value(t.requestedAt[r]);
    lines.ascii(',');
    lines.value(t.scheduledMinutes[r]);
    lines.ascii(',');
    lines.repeated(band === NO_AGE_BAND ? null : AGE_BANDS[band]);
    lines.ascii(']');
    lines.endLine();
  }
}

/**
 * Hex sha256 of `kit`. Order of records matters: hash kits read back by `loadKit`, whose order is
 * fixed.
 *
 * @example
 * kitFingerprint(kit); // 'a3f1…' (64 hex digits)
 */
export function kitFingerprint(kit: Kit): string {
  const hash = createHash('sha256');
  const lines = new JsonLines(hash);
  const put = (tag: string, fields: unknown[]) => {
    lines.ascii(tag);
    lines.value(fields);
    lines.endLine();
  };
  const { campaign: c } = kit;
  put(FORMAT, []);
  put('c', [c.id, c.name, c.start, c.days, c.timeZone]);
  for (const e of kit.establishments)
    put('f', [e.finess, e.name, e.legalStatus, e.region, e.department]);
  for (const m of kit.equipment)
    // previous_id only when given: a kit without it keeps its fingerprint.
    put(
      'm',
      m.previousId === undefined
        ? [m.equipmentId, m.finess, m.modality, m.label, m.installedYear, m.role]
        : [m.equipmentId, m.finess, m.modality, m.label, m.installedYear, m.role, m.previousId],
    );
  for (const s of kit.sessions) {
    // s[equipmentId,start,end,type]
    lines.ascii('s[');
    lines.repeated(s.equipmentId);
    lines.ascii(',');
    lines.value(s.start);
    lines.ascii(',');
    lines.value(s.end);
    lines.ascii(',');
    lines.repeated(s.type);
    lines.ascii(']');
    lines.endLine();
  }
  const table = attachedExamTable(kit);
  if (table !== null) examLinesOf(lines, table, kit.equipment);
  else {
    for (const x of kit.exams) {
      // x[equipmentId,examId,category,roomIn,roomOut,acts,icr,reportValidatedAt,requestedAt,
      //   scheduledMinutes,ageBand]
      lines.ascii('x[');
      lines.repeated(x.equipmentId);
      lines.ascii(',');
      lines.value(x.examId);
      lines.ascii(',');
      lines.repeated(x.category);
      lines.ascii(',');
      lines.value(x.roomIn);
      lines.ascii(',');
      lines.value(x.roomOut);
      lines.ascii(',');
      lines.value(x.acts);
      lines.ascii(',');
      lines.value(x.icr);
      lines.ascii(',');
      lines.value(x.reportValidatedAt);
      lines.ascii(',');
      lines.value(x.requestedAt);
      lines.ascii(',');
      lines.value(x.scheduledMinutes);
      lines.ascii(',');
      lines.repeated(x.ageBand);
      lines.ascii(']');
      lines.endLine();
    }
  }
  for (const a of kit.acts) put('a', [a.code, a.label, a.icr]);
  for (const a of kit.survey) put('v', [a.finess, a.modality, a.case, a.patient, a.days]);
  lines.flush();
  return hash.digest('hex');
}
