/**
 * Close matches for an unknown name or code, so that a typo gets a suggestion ("did you mean
 * 590780193?") from the CLI and the API alike.
 */
import { foldText } from '../core/views/index.ts';

/** Levenshtein distance of two short strings. */
function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let previous = row[0] as number;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const current = row[j] as number;
      row[j] = Math.min(
        (row[j] as number) + 1,
        (row[j - 1] as number) + 1,
        previous + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
      previous = current;
    }
  }
  return row[b.length] as number;
}

/**
 * Up to `limit` candidates close to `wanted`: those containing it (accents and case folded),
 * then the nearest by edit distance when it is small for their length.
 *
 * @example
 * closeMatches('Bretgne', ['Bretagne', 'Normandie']); // ['Bretagne']
 */
export function closeMatches(
  wanted: string,
  candidates: readonly { key: string; label?: string }[] | readonly string[],
  limit = 5,
): string[] {
  const list = (candidates as readonly (string | { key: string; label?: string })[]).map((c) =>
    typeof c === 'string' ? { key: c, label: c } : { key: c.key, label: c.label ?? c.key },
  );
  const w = foldText(wanted);
  if (w === '') return [];
  const scored = list.map((c) => {
    const texts = [foldText(c.key), foldText(c.label)];
    const contains = texts.some((t) => t.includes(w) || (w.length >= 4 && w.includes(t)));
    const d = Math.min(...texts.map((t) => distance(w, t.slice(0, Math.max(w.length, 1) + 2))));
    return { c, score: contains ? -1 : d };
  });
  const threshold = Math.max(2, Math.floor(w.length / 3));
  return scored
    .filter((s) => s.score <= threshold)
    .sort((a, b) => a.score - b.score || a.c.label.localeCompare(b.c.label))
    .slice(0, limit)
    .map((s) => (s.c.label === s.c.key ? s.c.key : `${s.c.key} (${s.c.label})`));
}
