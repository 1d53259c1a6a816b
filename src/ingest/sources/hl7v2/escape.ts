/**
 * HL7 v2 escape sequences (v2.5.1 §2.7): `\F\ \S\ \T\ \R\ \E\` stand for the delimiters,
 * `\Xhh…\` for raw bytes, `\.br\` for a line break; highlighting (`\H\ \N\`), character-set
 * (`\C…\ \M…\`) and local (`\Z…\`) sequences carry no text and are dropped.
 */

/** The five delimiters of a message, from MSH-1 and MSH-2. */
export interface Delimiters {
  field: string;
  component: string;
  repetition: string;
  escape: string;
  subcomponent: string;
}

/** The standard delimiters `|^~\&`. */
export const DEFAULT_DELIMITERS: Delimiters = {
  field: '|',
  component: '^',
  repetition: '~',
  escape: '\\',
  subcomponent: '&',
};

const utf8 = new TextDecoder('utf-8');

function hexText(hex: string): string | null {
  if (hex.length === 0 || hex.length % 2 !== 0 || !/^[0-9A-Fa-f]+$/.test(hex)) return null;
  const bytes = new Uint8Array(hex.length / 2);
  for (let i = 0; i < bytes.length; i++) bytes[i] = parseInt(hex.slice(i * 2, i * 2 + 2), 16);
  return utf8.decode(bytes);
}

function sequenceText(body: string, d: Delimiters): string | null {
  // A sequence never spans fields: this keeps a whole-segment check as strict as a per-field one.
  if (body.includes(d.field)) return null;
  switch (body) {
    case 'F':
      return d.field;
    case 'S':
      return d.component;
    case 'T':
      return d.subcomponent;
    case 'R':
      return d.repetition;
    case 'E':
      return d.escape;
    case '.br':
      return '\n';
    case 'H':
    case 'N':
      return '';
  }
  const kind = body[0];
  if (kind === 'X') return hexText(body.slice(1));
  if ((kind === 'C' || kind === 'M' || kind === 'Z') && body.length > 1) return '';
  if (body.startsWith('.') && body.length > 1) return '';
  return null;
}

const isHex = (c: number): boolean =>
  (c >= 48 && c <= 57) || (c >= 65 && c <= 70) || (c >= 97 && c <= 102);

/**
 * Whether the sequence body `text[from, to)` is one `sequenceText` reads (same rules, read in
 * place: no substring, and `\Xhh\` checked without decoding its bytes).
 */
function isKnownSequence(text: string, from: number, to: number, d: Delimiters): boolean {
  const field = d.field.charCodeAt(0);
  for (let i = from; i < to; i++) if (text.charCodeAt(i) === field) return false;
  const length = to - from;
  if (length === 0) return false;
  const kind = text.charCodeAt(from);
  if (length === 1) {
    // F S T R E H N
    return (
      kind === 70 ||
      kind === 83 ||
      kind === 84 ||
      kind === 82 ||
      kind === 69 ||
      kind === 72 ||
      kind === 78
    );
  }
  if (kind === 88) {
    // X: an even, non-zero number of hex digits.
    if ((length - 1) % 2 !== 0) return false;
    for (let i = from + 1; i < to; i++) if (!isHex(text.charCodeAt(i))) return false;
    return true;
  }
  // C… M… Z… and .br / other formatting commands.
  return kind === 67 || kind === 77 || kind === 90 || kind === 46;
}

/**
 * Where the first malformed escape sequence (unknown, or never closed) of `text[from, to)`
 * starts, or -1 when all are well formed. Reads the text in place (a whole segment at once).
 *
 * @example
 * badEscapeAt('PID|a\\Q\\b', 0, 10, DEFAULT_DELIMITERS) // → 5 (`\\Q\\` is no escape sequence)
 */
export function badEscapeAt(text: string, from: number, to: number, d: Delimiters): number {
  const escape = d.escape.charCodeAt(0);
  let i = from;
  while (i < to && text.charCodeAt(i) !== escape) i++;
  while (i < to) {
    let end = i + 1;
    while (end < to && text.charCodeAt(end) !== escape) end++;
    if (end >= to) return i;
    if (!isKnownSequence(text, i + 1, end, d)) return i;
    i = end + 1;
    while (i < to && text.charCodeAt(i) !== escape) i++;
  }
  return -1;
}

/**
 * The first malformed escape sequence of `raw` (unknown, or never closed), or `null` when all are
 * well formed. Used by the parser to report a located issue.
 *
 * @example
 * findBadEscape('a\\Q\\b', DEFAULT_DELIMITERS) // → '\\Q\\'
 */
export function findBadEscape(raw: string, d: Delimiters): string | null {
  const i = badEscapeAt(raw, 0, raw.length, d);
  if (i === -1) return null;
  const end = raw.indexOf(d.escape, i + 1);
  return end === -1 ? raw.slice(i) : raw.slice(i, end + 1);
}

/**
 * Replaces the escape sequences of one component or subcomponent by their text. A malformed
 * sequence is kept as written (the parser has already reported it).
 *
 * @example
 * unescapeHl7('A\\T\\E', DEFAULT_DELIMITERS) // → 'A&E'
 */
export function unescapeHl7(raw: string, d: Delimiters): string {
  let i = raw.indexOf(d.escape);
  if (i === -1) return raw;
  let out = raw.slice(0, i);
  while (i !== -1) {
    const end = raw.indexOf(d.escape, i + 1);
    if (end === -1) {
      out += raw.slice(i);
      break;
    }
    const text = sequenceText(raw.slice(i + 1, end), d);
    out += text ?? raw.slice(i, end + 1);
    const next = raw.indexOf(d.escape, end + 1);
    out += raw.slice(end + 1, next === -1 ? raw.length : next);
    i = next;
  }
  return out;
}

/**
 * Escapes delimiters in `text` so it can be written into a field (used by the ACK builder).
 *
 * @example
 * escapeHl7('A|B', DEFAULT_DELIMITERS) // → 'A\\F\\B'
 */
export function escapeHl7(text: string, d: Delimiters): string {
  let out = '';
  for (const ch of text) {
    if (ch === d.escape) out += `${d.escape}E${d.escape}`;
    else if (ch === d.field) out += `${d.escape}F${d.escape}`;
    else if (ch === d.component) out += `${d.escape}S${d.escape}`;
    else if (ch === d.subcomponent) out += `${d.escape}T${d.escape}`;
    else if (ch === d.repetition) out += `${d.escape}R${d.escape}`;
    else if (ch === '\r' || ch === '\n') out += `${d.escape}.br${d.escape}`;
    else out += ch;
  }
  return out;
}
