/**
 * An `equipment-register.csv` on its own, for a campaign already stored: read with the kit's own
 * rules (the same KitParser, so a cell is refused exactly as in a kit folder), the stored
 * campaign's machines standing for equipment.csv, every issue pointing into the given file.
 */
import type { Issue } from '../../core/issues.ts';
import type { Campaign, Equipment, RegisterMachine } from '../../core/kit-types.ts';
import { REGISTER_FILE } from './kit-files.ts';
import { KitParser } from './parse-kit.ts';

/** The stored campaign a register is read for: its period (for `installed_year`) and machines. */
export interface RegisterContext {
  campaign: Campaign;
  equipment: readonly Equipment[];
}

/**
 * True when `head` (the start of a file) has a first line naming every required column of
 * equipment-register.csv, separated by `,` or `;` (any case, any order, a BOM allowed).
 *
 * @example
 * isRegisterHeader('finess,department,modality,sector\n590780193,59,CT,hospital'); // true
 */
export function isRegisterHeader(head: string): boolean {
  const line = (head.charCodeAt(0) === 0xfeff ? head.slice(1) : head).split(/\r?\n/, 1)[0] ?? '';
  const names = new Set(
    line.split(/[,;]/).map((c) => c.trim().replace(/^"|"$/g, '').toLowerCase()),
  );
  return REGISTER_FILE.columns.every((c) => !c.required || names.has(c.name));
}

/**
 * The machines of a register file named `name` for the stored campaign of `context`; `rows` null
 * with its located errors (`name:line:column`) when any cell is refused.
 *
 * @example
 * const { rows, issues } = readRegisterFile('hdf-register.csv', bytes, { campaign, equipment });
 */
export function readRegisterFile(
  name: string,
  content: string | Uint8Array,
  context: RegisterContext,
): { rows: RegisterMachine[] | null; issues: Issue[] } {
  const parser = new KitParser();
  parser.campaign(JSON.stringify(context.campaign));
  parser.storedEquipment(context.campaign.id, context.equipment);
  const feed = parser.csv(REGISTER_FILE, name);
  if (feed !== null) {
    feed.push(content);
    feed.end();
  }
  const { kit, issues } = parser.finish();
  return { rows: kit?.register ?? null, issues };
}
