/**
 * Case- and accent-insensitive matching for the establishment search box: both sides are
 * folded (NFD, combining marks dropped, lower case, French ligatures spelled out, runs of
 * spaces, dashes and apostrophes as one space).
 */

/**
 * The folded form of a text for searching.
 *
 * @example
 * foldText('Hôpital  Saint-Éloi'); // 'hopital saint eloi'
 * foldText('Sacré-Cœur'); // 'sacre coeur'
 */
export function foldText(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/œ/g, 'oe')
    .replace(/æ/g, 'ae')
    .replace(/ß/g, 'ss')
    .replace(/[\s\-\u2010-\u2015'\u2019]+/gu, ' ')
    .trim();
}

/** True when the folded `query` is found in any of the folded `fields` (an empty query matches all). */
export function matchesSearch(foldedQuery: string, foldedFields: readonly string[]): boolean {
  if (foldedQuery === '') return true;
  return foldedFields.some((f) => f.includes(foldedQuery));
}
