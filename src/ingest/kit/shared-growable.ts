/**
 * A typed array on shared memory that grows as rows are read: one fixed-length SharedArrayBuffer,
 * sized up front when the reader knows about how many rows to expect (exams.csv's size), whose
 * pages cost memory only once written (a fresh allocation is lazily zeroed by the system), so the
 * reader's columns become the kit's columns without a copy and worker threads read them without
 * one either. A column that outgrows its buffer moves to one half as large again (a copy).
 *
 * A fixed-length buffer rather than a growable one (issue 17): it comes from the allocator, so a
 * process started with `GLIBC_TUNABLES=glibc.malloc.hugetlb=1` backs it with transparent huge
 * pages where the system offers them on request (a fault per 2 MiB instead of per 4 KiB; see the
 * README's Speed section); a growable one is mapped by V8 itself and never is. No 4 GiB address
 * reservation per column either.
 */

type SharedTypedArray = Float64Array | Uint32Array | Uint8Array;

interface TypedArrayConstructor<T extends SharedTypedArray> {
  new (buffer: SharedArrayBuffer, byteOffset: number, length: number): T;
  readonly BYTES_PER_ELEMENT: number;
}

/** The most elements a column may hold (a typed array's length must stay below 2³²). */
const MAX_ELEMENTS = 2 ** 32 - 1;
const FIRST_ELEMENTS = 1 << 16;

/** A growing column of `T` on shared memory. */
export class SharedGrowable<T extends SharedTypedArray> {
  readonly #type: TypedArrayConstructor<T>;
  #buffer: SharedArrayBuffer;
  /** A view of every element of the buffer (replaced when it moves). */
  view: T;

  constructor(type: TypedArrayConstructor<T>) {
    this.#type = type;
    this.#buffer = new SharedArrayBuffer(0);
    this.view = new type(this.#buffer, 0, 0);
  }

  /**
   * Room for at least `n` elements; returns the (possibly new) view. Grows to half as large
   * again (at least `n`), copying what was written.
   */
  reserve(n: number): T {
    if (n <= this.view.length) return this.view;
    return this.#move(Math.max(n, FIRST_ELEMENTS, Math.ceil(this.view.length * 1.5)), n);
  }

  /**
   * Room for `n` elements at once, when about that many are expected (a hint: more may come):
   * one buffer of that size, whose unwritten pages cost nothing.
   */
  expect(n: number): T {
    return n <= this.view.length ? this.view : this.#move(n, n);
  }

  /** The first `n` elements as a view of the same memory. */
  take(n: number): T {
    return new this.#type(this.#buffer, 0, n);
  }

  #move(elements: number, needed: number): T {
    const size = this.#type.BYTES_PER_ELEMENT;
    const count = Math.min(elements, MAX_ELEMENTS);
    if (count < needed) throw new RangeError(`a kit column cannot hold more than ${count} values`);
    const buffer = new SharedArrayBuffer(count * size);
    const view = new this.#type(buffer, 0, count);
    if (this.view.length > 0) view.set(this.view);
    this.#buffer = buffer;
    this.view = view;
    return view;
  }
}
