/**
 * The text side of FHIR JSON: bytes decoded strictly (a BOM is dropped, bad UTF-8 is refused),
 * nesting bounded before anything parses it, lines counted from text offsets, and the offsets of
 * a Bundle's `entry` elements found by a light scan over text JSON.parse already accepted, so
 * each entry's issues name its line.
 */

/**
 * The deepest nesting of arrays and objects plateau parses as FHIR JSON. FHIR resources nest a
 * few tens of levels at most (a Bundle entry's extension of an extension's coding); a deeper
 * text is refused before it is parsed, since walking it would exhaust the stack.
 */
export const MAX_JSON_DEPTH = 100;

/**
 * The offset where `text` opens its `max + 1`-th level of nested arrays or objects, or null when
 * it never nests that deep. A linear scan that skips strings; it does not check the syntax.
 *
 * @example
 * tooDeep('[[[1]]]', 2) // → 2
 * tooDeep('{"a":"[[["}', 2) // → null
 */
export function tooDeep(text: string, max = MAX_JSON_DEPTH): number | null {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (ch === 0x22) {
      for (i++; i < text.length && text.charCodeAt(i) !== 0x22; i++)
        if (text.charCodeAt(i) === 0x5c) i++;
    } else if (ch === 0x5b || ch === 0x7b) {
      depth++;
      if (depth > max) return i;
    } else if (ch === 0x5d || ch === 0x7d) {
      depth--;
    }
  }
  return null;
}

/** The text of `bytes` (UTF-8, BOM dropped), or null when they are not valid UTF-8. */
export function decodeUtf8(bytes: Uint8Array): string | null {
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  } catch {
    return null;
  }
}

/**
 * A function giving the 1-based line of a text offset.
 *
 * @example
 * lineCounter('a\nb')(2) // → 2
 */
export function lineCounter(text: string): (offset: number) => number {
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return (offset) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((starts[mid] ?? 0) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  };
}

/**
 * The offset of a JSON.parse error in `text`: the position V8's message gives ("… at position
 * 12"), or the end of the text when it gives none ("Unexpected end of JSON input").
 */
export function syntaxErrorOffset(error: unknown, text: string): number {
  const match = error instanceof Error ? /position (\d+)/.exec(error.message) : null;
  return match?.[1] === undefined ? text.length : Math.min(Number(match[1]), text.length);
}

/**
 * The text offsets of the elements of the top-level object's last `entry` array, in order
 * (`text` must be valid JSON: this only skips strings and counts brackets).
 *
 * @example
 * entryOffsets('{"entry":[{"a":1},{"b":2}]}') // → [10, 18]
 */
export function entryOffsets(text: string): number[] {
  let offsets: number[] = [];
  let depth = 0;
  let lastKey: string | null = null;
  let inEntry = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '"') {
      const start = i;
      for (i++; i < text.length && text[i] !== '"'; i++) if (text[i] === '\\') i++;
      if (depth === 1) lastKey = text.slice(start + 1, i);
      if (depth === 2 && inEntry) offsets.push(start);
    } else if (ch === '{' || ch === '[') {
      if (depth === 1 && ch === '[' && lastKey === 'entry') {
        inEntry = true;
        offsets = [];
      } else if (depth === 2 && inEntry) offsets.push(i);
      depth++;
    } else if (ch === '}' || ch === ']') {
      depth--;
      if (depth === 1) inEntry = false;
    } else if (
      depth === 2 &&
      inEntry &&
      ch !== undefined &&
      /[-0-9tfn]/.test(ch) &&
      !/[-0-9a-z.+eE]/i.test(text[i - 1] ?? ' ')
    ) {
      offsets.push(i);
    }
  }
  return offsets;
}
