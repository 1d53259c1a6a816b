/**
 * Recognising a text file saved in UTF-16 or UTF-32 ("Unicode text" in Excel and Notepad) from
 * its first bytes, so that the reader says so instead of the Windows-1252 hint of an invalid
 * UTF-8 file, or of "missing columns" when the NUL bytes of ASCII text decode as valid UTF-8.
 */

/** A Unicode encoding other than UTF-8, as users' tools name it. */
export type WideEncoding = 'UTF-16' | 'UTF-16 LE' | 'UTF-16 BE' | 'UTF-32 LE' | 'UTF-32 BE';

/** Bytes looked at when there is no byte-order mark. */
const SAMPLE = 512;

/**
 * The wide encoding of a file's first bytes: by its byte-order mark (FF FE, FE FF, FF FE 00 00,
 * 00 00 FE FF), else by its NUL bytes (text in UTF-8 or a legacy code page has none, while ASCII
 * text in UTF-16 has one every other byte); null for anything else.
 *
 * @example
 * wideEncodingOf(new Uint8Array([0xff, 0xfe, 0x61, 0x00])); // 'UTF-16 LE'
 * wideEncodingOf(new TextEncoder().encode('exam_id,room_in')); // null
 */
export function wideEncodingOf(head: Uint8Array): WideEncoding | null {
  const [b0, b1, b2, b3] = head;
  if (b0 === 0xff && b1 === 0xfe) return b2 === 0 && b3 === 0 ? 'UTF-32 LE' : 'UTF-16 LE';
  if (b0 === 0xfe && b1 === 0xff) return 'UTF-16 BE';
  if (b0 === 0 && b1 === 0 && b2 === 0xfe && b3 === 0xff) return 'UTF-32 BE';
  const n = Math.min(head.length, SAMPLE) & ~3;
  if (n < 4) return null;
  // NUL bytes by position modulo 4: UTF-16 LE ASCII is x0x0, BE 0x0x, UTF-32 LE x000, BE 000x.
  const zeros = new Uint32Array(4);
  for (let i = 0; i < n; i++) if (head[i] === 0) zeros[i & 3] = (zeros[i & 3] as number) + 1;
  const quarter = n / 4;
  const mostly = (k: number): boolean => (zeros[k] as number) >= quarter * 0.9;
  const rarely = (k: number): boolean => (zeros[k] as number) <= quarter * 0.1;
  if (rarely(0) && mostly(1) && mostly(2) && mostly(3)) return 'UTF-32 LE';
  if (mostly(0) && mostly(1) && mostly(2) && rarely(3)) return 'UTF-32 BE';
  const total = zeros.reduce((a, b) => a + b, 0);
  if (total < n / 4) return null;
  if (rarely(0) && rarely(2) && mostly(1) && mostly(3)) return 'UTF-16 LE';
  if (mostly(0) && mostly(2) && rarely(1) && rarely(3)) return 'UTF-16 BE';
  // Many NULs without a clear pattern (non-Latin text in UTF-16): still not a CSV in UTF-8.
  return total >= n / 3 ? 'UTF-16' : null;
}

/**
 * The wide encoding of a text that was decoded as UTF-8 although it was not: UTF-16 or UTF-32
 * bytes decode to NUL characters between the letters (and a byte-order mark to U+FFFD), which
 * no CSV holds; null for a text without them.
 *
 * @example
 * wideEncodingOfText('\ufffd\ufffdk\u0000i\u0000n\u0000d\u0000'); // 'UTF-16'
 */
export function wideEncodingOfText(text: string): WideEncoding | null {
  const n = Math.min(text.length, SAMPLE);
  let nul = 0;
  for (let i = 0; i < n; i++) if (text.charCodeAt(i) === 0) nul++;
  return n >= 4 && nul >= n / 4 ? 'UTF-16' : null;
}
