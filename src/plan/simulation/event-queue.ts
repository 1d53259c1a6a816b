/**
 * The event calendar of the discrete-event engine (planning.md §3): a binary min-heap of
 * (time, sequence) keys over parallel typed arrays, so that millions of events a second move no
 * objects. Ties in time leave in the order they were scheduled (the sequence number), which
 * keeps seeded runs identical whatever the heap's internal order.
 */

/** One event taken off the calendar: its time, its kind and its integer payload. */
export interface QueuedEvent {
  time: number;
  kind: number;
  payload: number;
}

/**
 * A growable min-heap of events ordered by time, then by the order they were pushed.
 *
 * @example
 * const q = new EventQueue();
 * q.push(5, 1, 42);
 * q.push(2, 0, 7);
 * q.popInto(out); // out = { time: 2, kind: 0, payload: 7 }
 */
export class EventQueue {
  #time: Float64Array;
  #seq: Float64Array;
  #kind: Int32Array;
  #payload: Int32Array;
  #size = 0;
  #next = 0;

  constructor(capacity = 1024) {
    const n = Math.max(16, capacity);
    this.#time = new Float64Array(n);
    this.#seq = new Float64Array(n);
    this.#kind = new Int32Array(n);
    this.#payload = new Int32Array(n);
  }

  /** Events waiting. */
  get size(): number {
    return this.#size;
  }

  /** Time of the next event, or `Infinity` when the calendar is empty. */
  peekTime(): number {
    return this.#size === 0 ? Infinity : (this.#time[0] as number);
  }

  /** Schedules an event; `time` must be a finite number. */
  push(time: number, kind: number, payload: number): void {
    if (!Number.isFinite(time)) throw new RangeError(`event time must be finite, not ${time}`);
    if (this.#size === this.#time.length) this.#grow();
    const time_ = this.#time;
    const seq_ = this.#seq;
    const kind_ = this.#kind;
    const payload_ = this.#payload;
    const seq = this.#next++;
    // Sift up: move parents down until the new key's place is found.
    let i = this.#size++;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const pt = time_[parent] as number;
      if (pt < time || (pt === time && (seq_[parent] as number) < seq)) break;
      time_[i] = pt;
      seq_[i] = seq_[parent] as number;
      kind_[i] = kind_[parent] as number;
      payload_[i] = payload_[parent] as number;
      i = parent;
    }
    time_[i] = time;
    seq_[i] = seq;
    kind_[i] = kind;
    payload_[i] = payload;
  }

  /** Takes the earliest event into `out`; false (and `out` untouched) when the calendar is empty. */
  popInto(out: QueuedEvent): boolean {
    if (this.#size === 0) return false;
    const time_ = this.#time;
    const seq_ = this.#seq;
    const kind_ = this.#kind;
    const payload_ = this.#payload;
    out.time = time_[0] as number;
    out.kind = kind_[0] as number;
    out.payload = payload_[0] as number;
    const n = --this.#size;
    if (n === 0) return true;
    // Sift the last element down from the root.
    const t = time_[n] as number;
    const s = seq_[n] as number;
    const k = kind_[n] as number;
    const p = payload_[n] as number;
    let i = 0;
    for (;;) {
      let child = 2 * i + 1;
      if (child >= n) break;
      const right = child + 1;
      if (right < n) {
        const ct = time_[child] as number;
        const rt = time_[right] as number;
        if (rt < ct || (rt === ct && (seq_[right] as number) < (seq_[child] as number)))
          child = right;
      }
      const ct = time_[child] as number;
      if (t < ct || (t === ct && s < (seq_[child] as number))) break;
      time_[i] = ct;
      seq_[i] = seq_[child] as number;
      kind_[i] = kind_[child] as number;
      payload_[i] = payload_[child] as number;
      i = child;
    }
    time_[i] = t;
    seq_[i] = s;
    kind_[i] = k;
    payload_[i] = p;
    return true;
  }

  /** Forgets every event (the sequence keeps counting, so order stays by scheduling). */
  clear(): void {
    this.#size = 0;
  }

  #grow(): void {
    const n = this.#time.length * 2;
    const time = new Float64Array(n);
    time.set(this.#time);
    const seq = new Float64Array(n);
    seq.set(this.#seq);
    const kind = new Int32Array(n);
    kind.set(this.#kind);
    const payload = new Int32Array(n);
    payload.set(this.#payload);
    this.#time = time;
    this.#seq = seq;
    this.#kind = kind;
    this.#payload = payload;
  }
}
