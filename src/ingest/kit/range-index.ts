/**
 * Looks a cell up among known strings (machine ids, act lists) without cutting it out of the
 * text: the cell is hashed in place and confirmed with `startsWith`, so millions of lookups
 * allocate nothing (cutting and hashing a new string per row was a tenth of the read time).
 */

interface Entry<T> {
  key: string;
  value: T;
  next: Entry<T> | null;
}

/** FNV-1a over the UTF-16 units of `source[from, to)`. */
function hashRange(source: string, from: number, to: number): number {
  let h = 0x811c9dc5;
  for (let i = from; i < to; i++) h = Math.imul(h ^ source.charCodeAt(i), 0x01000193);
  return h | 0;
}

export class RangeIndex<T> {
  readonly #buckets = new Map<number, Entry<T>>();
  #size = 0;

  get size(): number {
    return this.#size;
  }

  /**
   * The value of the key written in `source` from `from` to `to`, if any.
   *
   * @example
   * const index = new RangeIndex<number>();
   * index.set('EQ1', 7);
   * index.getRange('x,EQ1,y', 2, 5); // 7
   */
  getRange(source: string, from: number, to: number): T | undefined {
    return this.entryRange(source, from, to)?.value;
  }

  /** Like `getRange`, with the stored key (a string that pins no larger text). */
  entryRange(source: string, from: number, to: number): { key: string; value: T } | undefined {
    const length = to - from;
    let e: Entry<T> | null | undefined = this.#buckets.get(hashRange(source, from, to));
    for (; e !== undefined && e !== null; e = e.next) {
      if (e.key.length === length && source.startsWith(e.key, from)) return e;
    }
    return undefined;
  }

  get(key: string): T | undefined {
    return this.getRange(key, 0, key.length);
  }

  /** Adds or replaces `key`. */
  set(key: string, value: T): void {
    const hash = hashRange(key, 0, key.length);
    const head = this.#buckets.get(hash);
    for (let e: Entry<T> | null | undefined = head; e !== undefined && e !== null; e = e.next) {
      if (e.key === key) {
        e.value = value;
        return;
      }
    }
    this.#buckets.set(hash, { key, value, next: head ?? null });
    this.#size++;
  }
}
