/**
 * Rows in PostgreSQL's binary COPY format (`copy … from … with (format binary)`), written into one
 * growing buffer: no text for the server to parse (timestamps and floats travel as their 8 bytes),
 * and none to format in JavaScript. Only the types plateau bulk-loads: text, text[], int4,
 * float8, timestamptz.
 */

/** 2000-01-01T00:00:00Z, PostgreSQL's epoch, in UTC epoch ms. */
const PG_EPOCH_MS = 946_684_800_000;
/** The OID of `text`, which a binary `text[]` names as its element type. */
const TEXT_OID = 25;
const SIGNATURE = [0x50, 0x47, 0x43, 0x4f, 0x50, 0x59, 0x0a, 0xff, 0x0d, 0x0a, 0x00]; // PGCOPY\n\377\r\n\0
const TWO_POW_32 = 4_294_967_296;

const encoder = new TextEncoder();

/**
 * Encodes rows for one `copy … with (format binary)`. Call `row(n)` then exactly `n` field
 * writers per row, then `finish()`; `reset()` starts a new copy reusing the buffer.
 *
 * @example
 * const w = new BinaryCopyWriter();
 * w.row(2); w.text('CT1'); w.timestamptz(Date.UTC(2010, 2, 1));
 * const bytes = w.finish();
 */
export class BinaryCopyWriter {
  private buf: Uint8Array;
  private view: DataView;
  private pos = 0;
  /** UTF-8 of short strings that repeat from row to row (machine ids, codes, categories). */
  private readonly encoded = new Map<string, Uint8Array>();

  constructor(initialBytes = 1 << 20) {
    this.buf = new Uint8Array(initialBytes);
    this.view = new DataView(this.buf.buffer);
    this.reset();
  }

  /** Forgets the rows written so far and writes the header of a new copy. */
  reset(): void {
    this.pos = 0;
    this.ensure(19);
    this.buf.set(SIGNATURE, 0);
    this.view.setInt32(11, 0); // flags: no OIDs
    this.view.setInt32(15, 0); // no header extension
    this.pos = 19;
  }

  /** Starts a row of `fields` fields. */
  row(fields: number): void {
    this.ensure(2);
    this.view.setInt16(this.pos, fields);
    this.pos += 2;
  }

  /** A text field; null is SQL NULL. */
  text(value: string | null | undefined): void {
    if (value === null || value === undefined) return this.nullField();
    const max = value.length * 3;
    this.ensure(4 + max);
    const { written } = encoder.encodeInto(
      value,
      this.buf.subarray(this.pos + 4, this.pos + 4 + max),
    );
    this.view.setInt32(this.pos, written);
    this.pos += 4 + written;
  }

  /** A text field of UTF-8 `bytes[from, to)` (valid UTF-8, as an `ExamTable` string column holds). */
  utf8(bytes: Uint8Array, from: number, to: number): void {
    const n = to - from;
    this.ensure(4 + n);
    this.view.setInt32(this.pos, n);
    this.buf.set(bytes.subarray(from, to), this.pos + 4);
    this.pos += 4 + n;
  }

  /** A NULL field. */
  null(): void {
    this.nullField();
  }

  /** A text field whose value repeats across rows: its UTF-8 is computed once. */
  repeatedText(value: string | null | undefined): void {
    if (value === null || value === undefined) return this.nullField();
    let bytes = this.encoded.get(value);
    if (!bytes) {
      bytes = encoder.encode(value);
      // Bounded: a column of mostly distinct values must not keep them all.
      if (this.encoded.size < 100_000) this.encoded.set(value, bytes);
    }
    this.ensure(4 + bytes.length);
    this.view.setInt32(this.pos, bytes.length);
    this.buf.set(bytes, this.pos + 4);
    this.pos += 4 + bytes.length;
  }

  /** A float8 field. */
  float8(value: number | null | undefined): void {
    if (value === null || value === undefined) return this.nullField();
    this.ensure(12);
    this.view.setInt32(this.pos, 8);
    this.view.setFloat64(this.pos + 4, value);
    this.pos += 12;
  }

  /** An int4 field; throws on a value int4 cannot hold. */
  int4(value: number | null | undefined): void {
    if (value === null || value === undefined) return this.nullField();
    if (!Number.isInteger(value) || value < -2_147_483_648 || value > 2_147_483_647)
      throw new RangeError(`not an int4: ${value}`);
    this.ensure(8);
    this.view.setInt32(this.pos, 4);
    this.view.setInt32(this.pos + 4, value);
    this.pos += 8;
  }

  /**
   * A timestamptz field from UTC epoch ms, rounded to the microsecond as `to_timestamp(ms / 1000)`
   * would (exact for whole milliseconds). Throws on a non-finite instant.
   */
  timestamptz(ms: number | null | undefined): void {
    if (ms === null || ms === undefined) return this.nullField();
    if (!Number.isFinite(ms)) throw new RangeError(`not an instant: ${ms}`);
    const micros = Math.round((ms - PG_EPOCH_MS) * 1000);
    // int64 as two int32 halves: exact, as |micros| < 2^53.
    const high = Math.floor(micros / TWO_POW_32);
    this.ensure(12);
    this.view.setInt32(this.pos, 8);
    this.view.setInt32(this.pos + 4, high);
    this.view.setUint32(this.pos + 8, micros - high * TWO_POW_32);
    this.pos += 12;
  }

  /** A one-dimensional text[] field (never NULL; elements repeat, as act codes do). */
  textArray(values: readonly string[]): void {
    const start = this.pos;
    this.ensure(4 + 20);
    this.pos += 4; // the field's length, written at the end
    this.view.setInt32(this.pos, values.length === 0 ? 0 : 1); // dimensions
    this.view.setInt32(this.pos + 4, 0); // no NULL element
    this.view.setInt32(this.pos + 8, TEXT_OID);
    this.pos += 12;
    if (values.length > 0) {
      this.view.setInt32(this.pos, values.length);
      this.view.setInt32(this.pos + 4, 1); // lower bound
      this.pos += 8;
      for (const value of values) this.repeatedText(value);
    }
    this.view.setInt32(start, this.pos - start - 4);
  }

  /** Ends the copy: the bytes to send (a view valid until the next `reset`). */
  finish(): Uint8Array {
    this.ensure(2);
    this.view.setInt16(this.pos, -1);
    this.pos += 2;
    return this.buf.subarray(0, this.pos);
  }

  private nullField(): void {
    this.ensure(4);
    this.view.setInt32(this.pos, -1);
    this.pos += 4;
  }

  private ensure(bytes: number): void {
    if (this.pos + bytes <= this.buf.length) return;
    let size = this.buf.length * 2;
    while (size < this.pos + bytes) size *= 2;
    const grown = new Uint8Array(size);
    grown.set(this.buf.subarray(0, this.pos));
    this.buf = grown;
    this.view = new DataView(grown.buffer);
  }
}
