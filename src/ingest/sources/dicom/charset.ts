/**
 * Text decoding by Specific Character Set (0008,0005). Only the "text" VRs (SH, LO, ST, LT, UT,
 * PN, UC) follow it; the others are ASCII by definition. Code extensions (ISO 2022 escapes) are
 * decoded with their base set, which keeps the ASCII part (what plateau reads) intact.
 */

const LABELS: Record<string, string> = {
  '': 'latin1',
  ISO_IR_6: 'latin1',
  ISO_IR_100: 'latin1',
  ISO_IR_101: 'iso-8859-2',
  ISO_IR_109: 'iso-8859-3',
  ISO_IR_110: 'iso-8859-4',
  ISO_IR_144: 'iso-8859-5',
  ISO_IR_127: 'iso-8859-6',
  ISO_IR_126: 'iso-8859-7',
  ISO_IR_138: 'iso-8859-8',
  ISO_IR_148: 'iso-8859-9',
  ISO_IR_203: 'iso-8859-15',
  ISO_IR_13: 'shift_jis',
  ISO_IR_166: 'windows-874',
  ISO_IR_192: 'utf-8',
  GB18030: 'gb18030',
  GBK: 'gbk',
};

/** A text decoder (the global `TextDecoder`). */
export type Decoder = InstanceType<typeof TextDecoder>;

const decoders = new Map<string, Decoder>();

/** A decoder for a Specific Character Set value, or `null` when the set is unknown. */
export function decoderFor(charset: string): Decoder | null {
  // The first value is the default repertoire; ISO 2022 names map to their base set.
  const first = (charset.split('\\')[0] ?? '')
    .trim()
    .replace(/^ISO 2022 IR /, 'ISO_IR ')
    .replace(/[ ]/g, '_');
  const label = LABELS[first];
  if (label === undefined) return null;
  let d = decoders.get(label);
  if (!d) {
    d = new TextDecoder(label);
    decoders.set(label, d);
  }
  return d;
}

/** VRs whose text follows the Specific Character Set. */
export const TEXT_VRS = new Set(['SH', 'LO', 'ST', 'LT', 'UT', 'PN', 'UC']);
