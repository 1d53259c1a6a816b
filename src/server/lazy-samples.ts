/**
 * A campaign's stored exam samples read as the views need them: a national year holds hundreds
 * of MB of them (17.3 M exams), which took 8-18 s to read whole before the first answer about the
 * campaign, although only a narrowed benchmark (its peer group's machines) and the reports read
 * them. `map` is what the campaign's index holds (`CampaignData.samples`): the samples of the
 * machines asked so far, filled in place; `of` reads the machines not yet read (each machine
 * once, however many requests ask at the same moment), `all` every stored one, in the stored
 * order, as an eager read gives.
 */
import type { MachineSamples } from '../core/indicators/index.ts';

/** Reads the stored samples of `equipmentIds` (every machine's when null), by machine id. */
export type ReadSamples = (
  equipmentIds: readonly string[] | null,
) => Promise<Map<string, MachineSamples>>;

export class LazySamples {
  /** The samples read so far, by machine id (the index's `data.samples`). */
  readonly map = new Map<string, MachineSamples>();
  readonly #read: ReadSamples;
  /** Machines read (their samples in `map`, or none stored). */
  readonly #known = new Set<string>();
  /** The read under way of each machine being read. */
  readonly #pending = new Map<string, Promise<void>>();
  #all: Promise<void> | null = null;
  #allDone = false;

  constructor(read: ReadSamples) {
    this.#read = read;
  }

  /**
   * Resolves once the stored samples of every machine of `equipmentIds` are in `map` (a machine
   * without stored samples stays absent, as in an eager read). One read for the machines nobody
   * is reading yet; a failed read is not remembered.
   */
  of(equipmentIds: Iterable<string>): Promise<void> {
    if (this.#allDone) return Promise.resolve();
    if (this.#all) return this.#all;
    const unread = new Set<string>();
    const waits = new Set<Promise<void>>();
    for (const id of equipmentIds) {
      if (this.#known.has(id)) continue;
      const pending = this.#pending.get(id);
      if (pending) waits.add(pending);
      else unread.add(id);
    }
    if (unread.size > 0) {
      const missing = [...unread];
      const reading = this.#read(missing).then((found) => {
        for (const id of missing) {
          const samples = found.get(id);
          if (samples) this.map.set(id, samples);
          this.#known.add(id);
        }
      });
      for (const id of missing) this.#pending.set(id, reading);
      const settle = (): void => {
        for (const id of missing) if (this.#pending.get(id) === reading) this.#pending.delete(id);
      };
      reading.then(settle, settle);
      waits.add(reading);
    }
    return waits.size === 0 ? Promise.resolve() : Promise.all(waits).then(() => undefined);
  }

  /** Resolves once every stored machine's samples are in `map`, in the stored order. */
  all(): Promise<void> {
    if (this.#allDone) return Promise.resolve();
    if (!this.#all) {
      const reading = this.#read(null).then((found) => {
        // Rebuilt in the stored order (machines read before keep their samples: equal values).
        const before = new Map(this.map);
        this.map.clear();
        for (const [id, samples] of found) this.map.set(id, before.get(id) ?? samples);
        this.#allDone = true;
      });
      this.#all = reading;
      reading.catch(() => this.#all === reading && (this.#all = null));
    }
    return this.#all;
  }
}
