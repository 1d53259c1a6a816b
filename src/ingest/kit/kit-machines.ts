/**
 * The machines a kit's rows may name: equipment.csv's (or a stored campaign's), found from a
 * cell in place (string ranges for the checked rows, bytes for the exam rows' fast path), with
 * the rows' habit of coming grouped by machine tried first.
 */
import type { Equipment, Modality } from '../../core/kit-types.ts';
import type { CsvRecord } from '../csv.ts';
import type { CellReader } from './cells.ts';
import { detach } from './cells.ts';
import { EQUIPMENT_FILE } from './kit-files.ts';
import { RangeIndex } from './range-index.ts';

/** A machine as the rows see it. */
export interface KnownEquipment {
  id: string;
  line: number;
  /** Its number in order of appearance: its index in `kit.equipment` when the kit is read. */
  index: number;
  /** Its modality, once read (null when its row's was unusable). */
  modality: Modality | null;
}

/** The known machines of a kit being read. */
export class KitMachines {
  /** equipment_id → its canonical string, line and number. */
  readonly ids = new RangeIndex<KnownEquipment>();
  /** Every equipment_id of equipment.csv (or of the stored campaign), for costs.csv. */
  readonly machineIds = new Set<string>();
  /** True once equipment.csv (or a stored campaign) gives the machines. */
  checked = false;
  /** The stored campaign whose machines stand for equipment.csv (`storedEquipment`), or null. */
  storedCampaign: string | null = null;
  #count = 0;
  #last: KnownEquipment | null = null;
  /** The byte path's own previous machine and its id's bytes. */
  #lastAscii: KnownEquipment | null = null;
  readonly #lastBytes = new Uint8Array(256);
  #lastLength = -1;

  /** Adds a machine (its first row); returns it. */
  add(id: string, line: number, modality: Modality | null = null): KnownEquipment {
    const known = { id, line, index: this.#count++, modality };
    this.ids.set(id, known);
    return known;
  }

  /** The machines of a stored campaign stand for equipment.csv. */
  stored(campaignId: string, equipment: readonly Equipment[]): void {
    this.checked = true;
    this.storedCampaign = campaignId;
    for (const m of equipment) {
      this.add(m.equipmentId, 0, m.modality);
      this.machineIds.add(m.equipmentId);
    }
  }

  /** A machine of equipment.csv named by cell `i` of `row`; null (with an error) when unknown. */
  known(row: CsvRecord, i: number, r: CellReader): KnownEquipment | null {
    if (!row.blank(i)) {
      const from = row.starts[i] as number;
      const to = row.ends[i] as number;
      const last = this.#last;
      // Rows often come grouped by machine: try the previous one before hashing.
      if (last !== null && to - from === last.id.length && row.source.startsWith(last.id, from))
        return last;
      const known = this.ids.getRange(row.source, from, to);
      if (known !== undefined) return (this.#last = known);
    }
    const text = r.required(row, i, 'equipment_id');
    if (text === null) return null;
    if (this.checked) {
      r.say('error', 'unknown-reference.equipment', row.line, 'equipment_id', {
        id: text,
        file: EQUIPMENT_FILE.name,
      });
      return null;
    }
    // equipment.csv is unusable (already an error): check the rest without cascading errors.
    return this.add(detach(text), 0);
  }

  /** The known machine named by the ASCII bytes `bytes[from, to)`, or null (nothing reported). */
  knownAscii(bytes: Uint8Array, from: number, to: number): KnownEquipment | null {
    const length = to - from;
    const lastBytes = this.#lastBytes;
    if (length === this.#lastLength) {
      let same = true;
      for (let i = 0; i < length; i++) {
        if (lastBytes[i] !== bytes[from + i]) {
          same = false;
          break;
        }
      }
      if (same) return this.#lastAscii;
    }
    const id = String.fromCharCode.apply(null, bytes.subarray(from, to) as unknown as number[]);
    const known = this.ids.get(id);
    if (known === undefined) return null;
    this.#lastAscii = known;
    if (length <= lastBytes.length) {
      for (let i = 0; i < length; i++) lastBytes[i] = bytes[from + i] as number;
      this.#lastLength = length;
    } else this.#lastLength = -1;
    return known;
  }
}
