/**
 * How a département code found in a kit, a register or a FINESS extraction is read: trimmed,
 * upper-cased, a single digit padded, FINESS's overseas forms turned into INSEE's — then kept
 * only if the given table knows it. One reading for the shipped table and for any table a
 * computation is given.
 */

/** FINESS writes the overseas départements as `9A`…`9F` (`9E` is Saint-Pierre-et-Miquelon, not a département). */
const FINESS_OVERSEAS: Readonly<Record<string, string>> = {
  '9A': '971',
  '9B': '972',
  '9C': '973',
  '9D': '974',
  '9F': '976',
};

/**
 * The INSEE code of a département among `known` (`1` → `01`, `2a` → `2A`, `9A` → `971`), or `null`
 * when `known` has no such département (`20`, Corsica before 1976, included).
 *
 * @example
 * departmentCodeIn(' 9a ', new Set(['971'])); // '971'
 */
export function departmentCodeIn(
  raw: string | null | undefined,
  known: { has(code: string): boolean },
): string | null {
  if (raw === null || raw === undefined) return null;
  let code = raw.trim().toUpperCase();
  if (/^\d$/.test(code)) code = `0${code}`;
  code = FINESS_OVERSEAS[code] ?? code;
  return known.has(code) ? code : null;
}
