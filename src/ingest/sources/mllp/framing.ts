/**
 * MLLP framing (HL7 v2 Minimal Lower Layer Protocol): a message travels as 0x0B, the bytes,
 * 0x1C 0x0D. The decoder is fed TCP chunks as they come (a frame may span chunks, a chunk may
 * hold several frames) and keeps memory bounded: a frame over the limit is skipped, keeping
 * only its head so that the listener can still name it in a NAK.
 */

/** Start block (VT). */
export const MLLP_START = 0x0b;
/** End block (FS), followed by a carriage return. */
export const MLLP_END = 0x1c;
const CR = 0x0d;
/** Bytes of an oversize frame kept to read its MSH segment. */
const HEAD_BYTES = 4096;

/** What the decoder found in the stream. */
export type MllpEvent =
  /** A complete message (the bytes between the start and end blocks). */
  | { kind: 'frame'; bytes: Uint8Array }
  /** A complete frame over the limit: its first bytes and its full size. */
  | { kind: 'oversize'; head: Uint8Array; size: number }
  /** Bytes outside any frame, or a frame abandoned by a new start block. */
  | { kind: 'garbage'; size: number };

/**
 * Incremental MLLP decoder: `push` each chunk, get the events it completes.
 *
 * @example
 * const decoder = new MllpDecoder(1 << 20);
 * for (const event of decoder.push(chunk)) if (event.kind === 'frame') handle(event.bytes);
 */
export class MllpDecoder {
  private inFrame = false;
  private parts: Uint8Array[] = [];
  private size = 0;
  /** Bytes held in `parts` (the whole frame, or the head of an oversize one). */
  private kept = 0;
  private oversize = false;
  /** The previous chunk ended with 0x1C: the next byte decides whether the frame ends. */
  private pendingEnd = false;

  constructor(private readonly maxFrameBytes: number) {}

  /** Bytes of the frame under way (0 between frames). */
  get pending(): number {
    return this.inFrame ? this.size : 0;
  }

  /** Bytes this decoder keeps in memory: the unfinished frame, or the head of an oversize one. */
  get held(): number {
    return this.inFrame ? this.kept : 0;
  }

  /** Forgets the frame under way (its bytes are released): the stream restarts outside a frame. */
  reset(): void {
    this.inFrame = false;
    this.parts = [];
    this.size = 0;
    this.kept = 0;
    this.oversize = false;
    this.pendingEnd = false;
  }

  /** Feeds a chunk; returns the events it completes, in stream order. */
  push(chunk: Uint8Array): MllpEvent[] {
    const events: MllpEvent[] = [];
    let garbage = 0;
    const flushGarbage = (): void => {
      if (garbage > 0) events.push({ kind: 'garbage', size: garbage });
      garbage = 0;
    };
    let i = 0;
    while (i < chunk.length) {
      if (!this.inFrame) {
        const start = chunk.indexOf(MLLP_START, i);
        if (start < 0) {
          garbage += chunk.length - i;
          break;
        }
        garbage += start - i;
        flushGarbage();
        this.begin();
        i = start + 1;
        continue;
      }
      if (this.pendingEnd) {
        this.pendingEnd = false;
        if (chunk[i] === CR) {
          events.push(this.finish());
          i += 1;
          continue;
        }
        this.append(Uint8Array.of(MLLP_END));
      }
      const end = chunk.indexOf(MLLP_END, i);
      const restart = chunk.indexOf(MLLP_START, i);
      if (restart >= 0 && (end < 0 || restart < end)) {
        // A new start block inside a frame: the sender gave up on the previous one.
        garbage += this.size + (restart - i);
        flushGarbage();
        this.begin();
        i = restart + 1;
        continue;
      }
      if (end < 0) {
        this.append(chunk.subarray(i));
        break;
      }
      this.append(chunk.subarray(i, end));
      if (end + 1 === chunk.length) {
        this.pendingEnd = true;
        break;
      }
      if (chunk[end + 1] === CR) {
        events.push(this.finish());
        i = end + 2;
      } else {
        // A lone 0x1C is data, not an end block.
        this.append(Uint8Array.of(MLLP_END));
        i = end + 1;
      }
    }
    flushGarbage();
    return events;
  }

  private begin(): void {
    this.inFrame = true;
    this.parts = [];
    this.size = 0;
    this.kept = 0;
    this.oversize = false;
    this.pendingEnd = false;
  }

  private append(bytes: Uint8Array): void {
    if (bytes.length === 0) return;
    this.size += bytes.length;
    if (!this.oversize && this.size > this.maxFrameBytes) {
      this.oversize = true;
      // Keep only the head: enough for MSH, never the whole oversize frame.
      const head = concat(this.parts, this.kept).subarray(0, Math.min(this.kept, HEAD_BYTES));
      this.parts = [head];
      this.kept = head.length;
    }
    // Copies: the chunk's buffer belongs to the socket.
    const take = this.oversize ? Math.max(0, HEAD_BYTES - this.kept) : bytes.length;
    if (take === 0) return;
    this.parts.push(Uint8Array.from(bytes.subarray(0, take)));
    this.kept += Math.min(take, bytes.length);
  }

  private finish(): MllpEvent {
    const bytes = concat(this.parts, this.kept);
    const event: MllpEvent = this.oversize
      ? { kind: 'oversize', head: bytes, size: this.size }
      : { kind: 'frame', bytes };
    this.inFrame = false;
    this.parts = [];
    this.size = 0;
    this.kept = 0;
    this.oversize = false;
    return event;
  }
}

function concat(parts: readonly Uint8Array[], total: number): Uint8Array {
  if (parts.length === 1 && parts[0]) return parts[0];
  const out = new Uint8Array(total);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/**
 * Wraps a message in an MLLP frame.
 *
 * @example
 * socket.write(encodeMllp(new TextEncoder().encode(ack)));
 */
export function encodeMllp(message: Uint8Array | string): Uint8Array {
  const bytes = typeof message === 'string' ? new TextEncoder().encode(message) : message;
  const out = new Uint8Array(bytes.length + 3);
  out[0] = MLLP_START;
  out.set(bytes, 1);
  out[bytes.length + 1] = MLLP_END;
  out[bytes.length + 2] = CR;
  return out;
}
