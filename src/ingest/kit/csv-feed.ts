/**
 * Feeds a kit file's bytes to the CSV tokenizer in chunks cut after their last line feed (a line
 * feed never splits a UTF-8 sequence; each piece decodes to one flat string: appending chunks to
 * a leftover makes a V8 rope, several times slower to read). ASCII pieces are copied as Latin-1,
 * others decoded as strict UTF-8, then leniently after the first bad byte, which is reported.
 * A file may also give a line reader for bytes (the exam rows' fast path): its canonical lines
 * are then never decoded, the others are pushed to the tokenizer as before.
 */
import { Buffer, isAscii, isUtf8 } from 'node:buffer';
import type { CsvTokenizer } from '../csv.ts';
import { wideEncodingOf } from '../text-encoding.ts';
import type { IssueSink } from './issue-sink.ts';

/** A kit file being fed to a KitParser, as text or UTF-8 bytes, in chunks of any size. */
export interface KitFileFeed {
  /** Reads a chunk; its bytes are copied where kept, so the caller may reuse them once it returns. */
  push(chunk: string | Uint8Array): void;
  end(): void;
  /** True when the file was refused at its header: feeding more is useless. */
  readonly stopped: boolean;
}

/** Reads canonical lines from bytes, several at a time, instead of the tokenizer. */
export interface ByteLineReader {
  /**
   * Reads the lines starting at `from` (each ended by a line feed, the last possibly by
   * `limit`) as record lines `line`, `line + 1`… while it can, stopping before the first line it
   * leaves to the tokenizer (nothing done for that one) or a blank line. Returns the index after
   * the last line read (its line feed's next byte, or `limit`); `linesRead` says how many.
   */
  readLines(bytes: Uint8Array, from: number, limit: number, line: number): number;
  /** Lines read by the last `readLines`. */
  readonly linesRead: number;
}

/** Lines a byte reader may fail in a row before the rest of the chunk goes to the tokenizer. */
const MAX_FAILED_IN_A_ROW = 16;

/** The feed of one CSV file (see the module header). */
export class CsvFeed implements KitFileFeed {
  readonly #tokenizer: CsvTokenizer;
  readonly #sink: IssueSink;
  readonly #onEnd: () => void;
  /** Gives the byte line reader once the header is read; null for a file without one. */
  readonly #lineReader: (() => ByteLineReader | null) | null;
  #decoder = new TextDecoder('utf-8', { fatal: true });
  #lenient = false;
  #carry: Uint8Array = new Uint8Array(0);
  #started = false;

  constructor(
    tokenizer: CsvTokenizer,
    sink: IssueSink,
    onEnd: () => void,
    lineReader: (() => ByteLineReader | null) | null = null,
  ) {
    this.#tokenizer = tokenizer;
    this.#sink = sink;
    this.#onEnd = onEnd;
    this.#lineReader = lineReader;
  }

  get stopped(): boolean {
    return this.#tokenizer.stopped;
  }

  push(chunk: string | Uint8Array): void {
    if (typeof chunk === 'string') {
      this.#tokenizer.push(chunk);
      return;
    }
    if (!this.#started && chunk.length > 0) {
      this.#started = true;
      // UTF-16 is valid UTF-8 byte by byte when the text is ASCII: say what it is, read nothing.
      const wide = wideEncodingOf(chunk);
      if (wide !== null) {
        const file = this.#tokenizer.file;
        this.#sink.say('error', 'encoding.unicode', file, null, null, { file, encoding: wide });
        this.#tokenizer.stopped = true;
        return;
      }
    }
    if (this.#tokenizer.stopped) return;
    const cut = chunk.lastIndexOf(10) + 1;
    const carry = this.#carry;
    if (cut === 0) {
      this.#carry = concatBytes(carry, chunk, chunk.length);
      return;
    }
    // A copy: the caller may reuse the chunk's memory for its next read (readKitDir does).
    const rest = Uint8Array.prototype.slice.call(chunk, cut);
    if (carry.length === 0) this.#feed(chunk.subarray(0, cut));
    else {
      // Only the line the carry begins is copied; the chunk's other lines are read in place
      // (when both pieces are UTF-8: else one piece, so the decoder reports where it always did).
      const first = chunk.indexOf(10) + 1;
      const head = concatBytes(carry, chunk, first);
      if (
        first < cut &&
        this.#lineReader !== null &&
        isUtf8(head) &&
        isUtf8(chunk.subarray(first, cut))
      ) {
        this.#feed(head);
        this.#feed(chunk.subarray(first, cut));
      } else this.#feed(concatBytes(carry, chunk, cut));
    }
    this.#carry = rest;
  }

  end(): void {
    if (this.#carry.length > 0) this.#feed(this.#carry);
    this.#carry = new Uint8Array(0);
    this.#tokenizer.end();
    this.#onEnd();
  }

  /** Whole lines (the last one may lack its line feed at the end of the file). */
  #feed(bytes: Uint8Array): void {
    const tokenizer = this.#tokenizer;
    const lineReader = this.#lineReader;
    // A piece that is not valid UTF-8 goes whole to the decoder, which reports it where it would.
    if (lineReader === null || this.#lenient || !(isAscii(bytes) || isUtf8(bytes))) {
      tokenizer.push(this.#decode(bytes));
      return;
    }
    let reader = lineReader();
    // Buffer's own indexOf goes through C++ per call; the typed array's is a builtin.
    if (bytes instanceof Buffer)
      bytes = new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.length);
    const length = bytes.length;
    let run = 0; // start of the lines left to the tokenizer, not pushed yet
    let failed = 0;
    let pos = 0;
    while (pos < length && failed < MAX_FAILED_IN_A_ROW) {
      if (run < pos) {
        tokenizer.push(this.#decode(bytes.subarray(run, pos)));
        run = pos;
        reader ??= lineReader();
      }
      if (reader !== null && bytes[pos] !== 10 && tokenizer.idle) {
        const next = reader.readLines(bytes, pos, length, tokenizer.nextLine);
        if (reader.linesRead > 0) {
          tokenizer.takeLines(reader.linesRead);
          failed = 0;
          run = pos = next;
          continue;
        }
        failed++;
      }
      const nl = bytes.indexOf(10, pos);
      pos = nl < 0 ? length : nl + 1;
    }
    if (run < length) tokenizer.push(this.#decode(bytes.subarray(run, length)));
  }

  #decode(bytes: Uint8Array): string {
    if (isAscii(bytes))
      return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).toString('latin1');
    if (!this.#lenient) {
      try {
        return this.#decoder.decode(bytes);
      } catch {
        this.#lenient = true;
        this.#decoder = new TextDecoder('utf-8');
        const text = this.#decoder.decode(bytes);
        const bad = text.indexOf('\ufffd');
        let line = this.#tokenizer.lineAtEnd;
        for (let i = text.indexOf('\n'); i >= 0 && i < bad; i = text.indexOf('\n', i + 1)) line++;
        const file = this.#tokenizer.file;
        this.#sink.say('error', 'encoding', file, line, null, { file, line: String(line) });
        return text;
      }
    }
    return this.#decoder.decode(bytes);
  }
}

/** `head` followed by the first `length` bytes of `tail`, in a new array. */
function concatBytes(head: Uint8Array, tail: Uint8Array, length: number): Uint8Array {
  const joined = new Uint8Array(head.length + length);
  joined.set(head);
  joined.set(tail.subarray(0, length), head.length);
  return joined;
}
