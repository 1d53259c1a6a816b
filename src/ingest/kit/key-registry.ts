/**
 * Finds repeated keys among millions (exam ids per machine) without hashing every one: while
 * keys arrive in increasing order, which exports sorted by id or time usually give, a repeat can
 * only be the previous key; the first key out of order switches to a hash map.
 */

export class KeyRegistry {
  #keys: string[] = [];
  #lines: number[] = [];
  #index: Map<string, number> | null = null;

  /**
   * Registers `key`, seen on `line`. Returns the line where the key was first seen, or -1 when
   * it is new.
   *
   * @example
   * const ids = new KeyRegistry();
   * ids.add('X1', 2); // -1
   * ids.add('X1', 9); // 2
   */
  add(key: string, line: number): number {
    if (this.#index === null) {
      const n = this.#keys.length;
      const last = n === 0 ? null : (this.#keys[n - 1] as string);
      if (last === null || key > last) {
        this.#keys.push(key);
        this.#lines.push(line);
        return -1;
      }
      if (key === last) return this.#lines[n - 1] as number;
      const index = new Map<string, number>();
      for (let i = 0; i < n; i++) index.set(this.#keys[i] as string, this.#lines[i] as number);
      this.#index = index;
      this.#keys = [];
      this.#lines = [];
    }
    const first = this.#index.get(key);
    if (first !== undefined) return first;
    this.#index.set(key, line);
    return -1;
  }
}
