/**
 * A typed array that grows in place: its memory is one growable SharedArrayBuffer, reserved up
 * front and committed page by page as rows are written (pages never written cost no memory), so
 * the reader's columns become the kit's columns without a copy, and worker threads read them
 * without one either.
 */

type SharedTypedArray = Float64Array | Uint32Array | Uint8Array;

interface TypedArrayConstructor<T extends SharedTypedArray> {
  new (buffer: SharedArrayBuffer, byteOffset: number, length: number): T;
  readonly BYTES_PER_ELEMENT: number;
}

/** A growable SharedArrayBuffer (ES2024; Node 20 has it, the TypeScript lib here predates it). */
interface GrowableSharedArrayBuffer extends SharedArrayBuffer {
  grow(byteLength: number): void;
}
const GrowableSharedArrayBuffer = SharedArrayBuffer as unknown as new (
  byteLength: number,
  options: { maxByteLength: number },
) => GrowableSharedArrayBuffer;

/** The most a growable SharedArrayBuffer may reserve here (Node 20: 4 GiB). */
const MAX_BYTES = 2 ** 32;
const FIRST_ELEMENTS = 1 << 16;

/** A growing column of `T` on shared memory. */
export class SharedGrowable<T extends SharedTypedArray> {
  readonly #type: TypedArrayConstructor<T>;
  readonly #buffer: GrowableSharedArrayBuffer;
  /** A fixed-length view of every element committed so far (replaced when it grows). */
  view: T;

  constructor(type: TypedArrayConstructor<T>) {
    this.#type = type;
    this.#buffer = new GrowableSharedArrayBuffer(0, { maxByteLength: MAX_BYTES });
    this.view = new type(this.#buffer, 0, 0);
  }

  /**
   * Room for at least `n` elements; returns the (possibly new) view. Doubles, which costs no
   * memory: only the pages written are.
   */
  reserve(n: number): T {
    if (n <= this.view.length) return this.view;
    const size = this.#type.BYTES_PER_ELEMENT;
    const elements = Math.min(
      Math.max(n, FIRST_ELEMENTS, this.view.length * 2),
      Math.floor(MAX_BYTES / size),
    );
    if (elements < n) throw new RangeError(`a kit column cannot hold more than ${elements} values`);
    this.#buffer.grow(elements * size);
    this.view = new this.#type(this.#buffer, 0, elements);
    return this.view;
  }

  /** The first `n` elements as a fixed-length view of the same memory. */
  take(n: number): T {
    return new this.#type(this.#buffer, 0, n);
  }
}
