/**
 * Which sheet of a workbook holds which file of the data kit: sheet names are compared
 * case- and accent-insensitively, with or without `.csv` / `.json`, `_` or space for `-`.
 */
import { CAMPAIGN_FILE, KIT_CSV_FILES } from '../../kit/kit-files.ts';

/** Sheets a workbook may carry besides the kit's (the template's help), read as nothing. */
const HELP_SHEETS = new Set(['readme', 'lisez-moi', 'lisezmoi', 'aide', 'help', 'notice']);

/** A sheet name reduced for comparison: `Appointment Survey.CSV` → `appointment-survey`. */
export function sheetKey(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .trim()
    .replace(/\.(csv|json)$/, '')
    .replace(/[\s_]+/g, '-');
}

/**
 * The kit file a sheet holds (`campaign.json`, `exams.csv`…), `'help'` for a help sheet, or
 * null for a sheet that is not part of the kit.
 *
 * @example
 * kitFileOfSheet('Équipment.csv'); // 'equipment.csv'
 */
export function kitFileOfSheet(name: string): string | 'help' | null {
  const key = sheetKey(name);
  if (key === 'campaign') return CAMPAIGN_FILE;
  for (const spec of KIT_CSV_FILES) if (key === spec.name.replace(/\.csv$/, '')) return spec.name;
  return HELP_SHEETS.has(key) ? 'help' : null;
}
