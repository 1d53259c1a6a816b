/**
 * A DICOM Part-10 header reader: preamble and `DICM`, the file meta group (explicit VR little
 * endian), then the data set in implicit/explicit VR little endian or explicit VR big endian,
 * with sequences of defined and undefined length. It stops at the top-level Pixel Data
 * (7FE0,0010) without reading it, and works on a prefix of the file: when the prefix ends before
 * the header does, it answers `need-more` and the caller reads a longer prefix (read-file.ts).
 * Every problem is a located issue (byte offset and tag); the reader never throws on bad input.
 */
import type { Issue } from '../../../core/issues.ts';
import { describeText } from '../../kit/identifying.ts';
import type { Decoder } from './charset.ts';
import { TEXT_VRS, decoderFor } from './charset.ts';
import type { DicomDataset, DicomElement, DicomValue } from './dataset.ts';
import { formatTag } from './dataset.ts';
import { TAG, implicitVr } from './dictionary.ts';

/** What a Part-10 header gives. */
export interface Part10Header {
  /** The file meta group (0002,xxxx); empty for a file without a preamble. */
  meta: DicomDataset;
  dataset: DicomDataset;
  transferSyntax: string;
  /** Byte offset of the top-level Pixel Data element, or `null` when the file has none. */
  pixelDataOffset: number | null;
  /** True for a DICOMDIR (Media Storage Directory) file: directory records, no exam. */
  isDicomdir: boolean;
}

/** The outcome of reading a header: the header (or `null` when unusable) and its issues. */
export interface Part10Result {
  header: Part10Header | null;
  issues: Issue[];
}

const ITEM = 0xfffee000;
const ITEM_END = 0xfffee00d;
const SEQUENCE_END = 0xfffee0dd;
const UNDEFINED = 0xffffffff;
const MAX_DEPTH = 32;
const MAX_NUMBERS = 256;
const LONG_VRS = new Set([
  'OB',
  'OD',
  'OF',
  'OL',
  'OV',
  'OW',
  'SQ',
  'SV',
  'UC',
  'UN',
  'UR',
  'UT',
  'UV',
]);
const SHORT_VRS = new Set([
  'AE',
  'AS',
  'AT',
  'CS',
  'DA',
  'DS',
  'DT',
  'FL',
  'FD',
  'IS',
  'LO',
  'LT',
  'PN',
  'SH',
  'SL',
  'SS',
  'ST',
  'TM',
  'UI',
  'UL',
  'US',
]);
const NUMBER_SIZE: Record<string, number> = {
  US: 2,
  SS: 2,
  UL: 4,
  SL: 4,
  FL: 4,
  FD: 8,
  AT: 4,
  UV: 8,
  SV: 8,
};
const TRANSFER_SYNTAXES = {
  implicitLittle: '1.2.840.10008.1.2',
  explicitLittle: '1.2.840.10008.1.2.1',
  deflated: '1.2.840.10008.1.2.1.99',
  explicitBig: '1.2.840.10008.1.2.2',
} as const;
const DICOMDIR_SOP_CLASS = '1.2.840.10008.1.3.10';
const latin1 = new TextDecoder('latin1');

class ParseError extends Error {
  constructor(
    readonly offset: number,
    readonly tag: number | null,
    message: string,
    readonly hint: string,
    readonly code = 'dicom-malformed',
  ) {
    super(message);
  }
}

/** Thrown inside the reader when the prefix ends before the header does. */
class NeedMore extends Error {}

class Reader {
  pos = 0;
  little = true;
  explicit = true;
  decoder = decoderFor('') as Decoder;
  pixelDataOffset: number | null = null;
  readonly view: DataView;
  readonly warnings: {
    offset: number;
    tag: number | null;
    code: string;
    message: string;
    hint: string;
  }[] = [];

  constructor(
    readonly bytes: Uint8Array,
    readonly complete: boolean,
  ) {
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }

  need(n: number, tag: number | null): void {
    if (this.pos + n <= this.bytes.length) return;
    if (!this.complete) throw new NeedMore();
    throw new ParseError(
      this.pos,
      tag,
      `the file ends inside ${tag === null ? 'an element' : `element ${formatTag(tag)}`} (${n} byte(s) needed, ${this.bytes.length - this.pos} left)`,
      'the file is truncated: copy it again from the modality or the PACS',
      'dicom-truncated',
    );
  }

  u16(): number {
    const v = this.view.getUint16(this.pos, this.little);
    this.pos += 2;
    return v;
  }

  u32(): number {
    const v = this.view.getUint32(this.pos, this.little);
    this.pos += 4;
    return v;
  }

  tag(): number {
    this.need(4, null);
    const group = this.u16();
    return ((group << 16) | this.u16()) >>> 0;
  }

  /** Reads elements until `end` (absolute offset), an item delimiter (`inUndefinedItem`) or the top-level pixel data. */
  dataset(
    end: number,
    depth: number,
    inUndefinedItem: boolean,
    stopAtGroup2End = false,
  ): DicomDataset {
    if (depth > MAX_DEPTH)
      throw new ParseError(
        this.pos,
        null,
        `sequences nested deeper than ${MAX_DEPTH} levels`,
        'the file is probably corrupt',
      );
    const ds: DicomDataset = new Map();
    const savedDecoder = this.decoder;
    try {
      for (;;) {
        if (this.pos >= end) {
          if (this.pos > end)
            throw new ParseError(
              end,
              null,
              'an element runs past the end of its item',
              'the item or element lengths are inconsistent; the file is probably corrupt',
            );
          if (inUndefinedItem)
            throw new ParseError(
              this.pos,
              null,
              'an item of undefined length has no item delimiter (FFFE,E00D)',
              'the file is truncated or corrupt',
            );
          break;
        }
        if (this.pos >= this.bytes.length) {
          if (!this.complete) throw new NeedMore();
          if (inUndefinedItem)
            throw new ParseError(
              this.pos,
              null,
              'the file ends inside a sequence item of undefined length',
              'the file is truncated: copy it again',
            );
          break;
        }
        const at = this.pos;
        if (stopAtGroup2End) {
          this.need(2, null);
          if (this.view.getUint16(at, true) !== 0x0002) break;
        }
        const tag = this.tag();
        if (tag === ITEM_END) {
          this.need(4, tag);
          this.pos += 4;
          if (inUndefinedItem) return ds;
          throw new ParseError(
            at,
            tag,
            'an item delimiter (FFFE,E00D) outside an item of undefined length',
            'the file is probably corrupt',
          );
        }
        if (tag === ITEM || tag === SEQUENCE_END) {
          throw new ParseError(
            at,
            tag,
            `a sequence marker ${formatTag(tag)} where a data element was expected`,
            'the sequence lengths are inconsistent; the file is probably corrupt',
          );
        }
        if (depth === 0 && (tag === TAG.PixelData || tag === 0x7fe00008 || tag === 0x7fe00009)) {
          this.pixelDataOffset = at;
          break;
        }
        const element = this.element(tag, at, depth);
        ds.set(tag, element);
        if (tag === TAG.SpecificCharacterSet && typeof element.value === 'string') {
          const d = decoderFor(element.value);
          if (d) this.decoder = d;
          else
            this.warnings.push({
              offset: at,
              tag,
              code: 'dicom-charset',
              message: `unknown Specific Character Set (${/^[A-Z0-9_ \\-]{1,64}$/.test(element.value.trim()) ? `"${element.value.trim()}"` : describeText(element.value.trim())}); text read as Latin-1`,
              hint: 'names and descriptions may show wrong accents; identifiers and times are unaffected',
            });
        }
      }
      return ds;
    } finally {
      // A Specific Character Set inside an item applies to that item only.
      if (depth > 0) this.decoder = savedDecoder;
    }
  }

  element(tag: number, at: number, depth: number): DicomElement {
    let vr: string;
    let length: number;
    if (this.explicit) {
      this.need(4, tag);
      const a = this.bytes[this.pos] as number;
      const b = this.bytes[this.pos + 1] as number;
      if (a < 0x41 || a > 0x5a || b < 0x41 || b > 0x5a) {
        throw new ParseError(
          at,
          tag,
          `element ${formatTag(tag)} has no valid value representation (bytes ${a.toString(16)} ${b.toString(16)})`,
          'the transfer syntax does not match the encoding, or the file is corrupt',
        );
      }
      vr = String.fromCharCode(a, b);
      this.pos += 2;
      if (SHORT_VRS.has(vr)) {
        length = this.u16();
      } else {
        this.need(6, tag);
        this.pos += 2;
        length = this.u32();
      }
    } else {
      this.need(4, tag);
      length = this.u32();
      vr = implicitVr(tag);
    }
    if (length === UNDEFINED) {
      if (vr === 'SQ' || vr === 'UN' || !this.explicit) {
        // Undefined-length UN holds a sequence encoded in implicit VR little endian (PS3.5 6.2.2).
        const saved = { explicit: this.explicit, little: this.little };
        if (vr === 'UN') Object.assign(this, { explicit: false, little: true });
        try {
          return { tag, vr: 'SQ', offset: at, value: this.sequence(Infinity, depth, tag) };
        } finally {
          Object.assign(this, saved);
        }
      }
      if (vr === 'OB' || vr === 'OW') {
        this.skipFragments(tag);
        return { tag, vr, offset: at, value: null };
      }
      throw new ParseError(
        at,
        tag,
        `element ${formatTag(tag)} (${vr}) has an undefined length`,
        'only sequences and encapsulated pixel data may have an undefined length; the file is corrupt',
      );
    }
    if (vr === 'SQ') {
      this.need(0, tag);
      return { tag, vr, offset: at, value: this.sequence(this.pos + length, depth, tag) };
    }
    this.need(length, tag);
    const start = this.pos;
    this.pos += length;
    return {
      tag,
      vr,
      offset: at,
      value: this.decode(vr === 'UN' ? implicitVr(tag) : vr, start, length),
    };
  }

  decode(vr: string, start: number, length: number): DicomValue {
    const size = NUMBER_SIZE[vr];
    if (size !== undefined) {
      if (length % size !== 0 || length / size > MAX_NUMBERS) return null;
      const out: number[] = [];
      for (let p = start; p < start + length; p += size) {
        switch (vr) {
          case 'US':
            out.push(this.view.getUint16(p, this.little));
            break;
          case 'SS':
            out.push(this.view.getInt16(p, this.little));
            break;
          case 'UL':
            out.push(this.view.getUint32(p, this.little));
            break;
          case 'SL':
            out.push(this.view.getInt32(p, this.little));
            break;
          case 'FL':
            out.push(this.view.getFloat32(p, this.little));
            break;
          case 'FD':
            out.push(this.view.getFloat64(p, this.little));
            break;
          case 'AT':
            out.push(
              ((this.view.getUint16(p, this.little) << 16) |
                this.view.getUint16(p + 2, this.little)) >>>
                0,
            );
            break;
          default:
            out.push(
              Number(
                this.little ? this.view.getBigUint64(p, true) : this.view.getBigUint64(p, false),
              ),
            );
        }
      }
      return out;
    }
    if (vr === 'UN' || vr === 'SQ' || vr.startsWith('O')) return null;
    // Short ASCII values (nearly all of a header) are decoded by hand: TextDecoder costs
    // about a microsecond per call, which dominated the time per file.
    if (length <= 64) {
      let text = '';
      let ascii = true;
      for (let p = start; p < start + length; p++) {
        const c = this.bytes[p] as number;
        if (c >= 0x80) {
          ascii = false;
          break;
        }
        text += String.fromCharCode(c);
      }
      if (ascii) return text;
    }
    const slice = this.bytes.subarray(start, start + length);
    return TEXT_VRS.has(vr) ? this.decoder.decode(slice) : latin1.decode(slice);
  }

  sequence(end: number, depth: number, tag: number): DicomDataset[] {
    const items: DicomDataset[] = [];
    for (;;) {
      if (this.pos >= end) {
        if (this.pos > end)
          throw new ParseError(
            end,
            tag,
            `sequence ${formatTag(tag)} overruns its length`,
            'the item lengths are inconsistent; the file is probably corrupt',
          );
        return items;
      }
      const at = this.pos;
      const itemTag = this.tag();
      this.need(4, itemTag);
      const length = this.u32();
      if (itemTag === SEQUENCE_END) {
        if (end === Infinity) return items;
        throw new ParseError(
          at,
          tag,
          `a sequence delimiter inside sequence ${formatTag(tag)} of defined length`,
          'the file is probably corrupt',
        );
      }
      if (itemTag !== ITEM) {
        throw new ParseError(
          at,
          tag,
          `sequence ${formatTag(tag)}: expected an item (FFFE,E000), found ${formatTag(itemTag)}`,
          'the sequence is encoded with another transfer syntax or the file is corrupt',
        );
      }
      items.push(
        length === UNDEFINED
          ? this.dataset(Infinity, depth + 1, true)
          : this.dataset(this.pos + length, depth + 1, false),
      );
    }
  }

  /** Skips encapsulated fragments (an icon's compressed pixels) up to the sequence delimiter. */
  skipFragments(tag: number): void {
    for (;;) {
      const at = this.pos;
      const itemTag = this.tag();
      this.need(4, itemTag);
      const length = this.u32();
      if (itemTag === SEQUENCE_END) return;
      if (itemTag !== ITEM || length === UNDEFINED)
        throw new ParseError(
          at,
          tag,
          `encapsulated data of ${formatTag(tag)}: expected a fragment item, found ${formatTag(itemTag)}`,
          'the file is probably corrupt',
        );
      this.need(length, tag);
      this.pos += length;
    }
  }

  /** True when the bytes at `pos + 4` look like an explicit VR. */
  looksExplicit(pos: number): boolean {
    const a = this.bytes[pos + 4];
    const b = this.bytes[pos + 5];
    return (
      a !== undefined &&
      b !== undefined &&
      a >= 0x41 &&
      a <= 0x5a &&
      b >= 0x41 &&
      b <= 0x5a &&
      (SHORT_VRS.has(String.fromCharCode(a, b)) || LONG_VRS.has(String.fromCharCode(a, b)))
    );
  }
}

function issueOf(
  file: string,
  severity: Issue['severity'],
  code: string,
  offset: number,
  tag: number | null,
  message: string,
  hint: string,
): Issue {
  return {
    severity,
    code,
    file,
    line: 1,
    column: `byte ${offset}${tag === null ? '' : ` ${formatTag(tag)}`}`,
    message,
    hint,
  };
}

/**
 * Reads the header of a DICOM Part-10 file (or of a bare data set without preamble), stopping
 * at Pixel Data. With `complete: false` the bytes are a prefix of the file and the answer may be
 * `'need-more'`: call again with a longer prefix.
 *
 * @example
 * const { header, issues } = readPart10(bytes, 'CT_small.dcm') as Part10Result;
 * textOf(header!.dataset, TAG.Modality) // → 'CT'
 */
export function readPart10(
  bytes: Uint8Array,
  file: string,
  options: { complete?: boolean } = {},
): Part10Result | 'need-more' {
  const r = new Reader(bytes, options.complete ?? true);
  const issues: Issue[] = [];
  try {
    let meta: DicomDataset = new Map();
    let ts: string;
    const hasPreamble =
      bytes.length >= 132 &&
      bytes[128] === 0x44 &&
      bytes[129] === 0x49 &&
      bytes[130] === 0x43 &&
      bytes[131] === 0x4d;
    if (hasPreamble) {
      r.pos = 132;
      meta = r.dataset(Infinity, 0, false, true);
      const declared = meta.get(TAG.TransferSyntaxUID)?.value;
      ts = typeof declared === 'string' ? declared.replace(/[\0 ]+$/, '') : '';
      if (ts === '') {
        issues.push(
          issueOf(
            file,
            'warning',
            'dicom-no-transfer-syntax',
            132,
            TAG.TransferSyntaxUID,
            'the file meta group has no Transfer Syntax UID',
            'the encoding was guessed from the first element',
          ),
        );
      }
    } else {
      if (bytes.length < 8 && !r.complete) return 'need-more';
      const g = bytes.length >= 2 ? (bytes[0] as number) | ((bytes[1] as number) << 8) : -1;
      const gBig = bytes.length >= 2 ? ((bytes[0] as number) << 8) | (bytes[1] as number) : -1;
      if (g !== 0x0002 && g !== 0x0008 && gBig !== 0x0008) {
        issues.push(
          issueOf(
            file,
            'error',
            'dicom-not-part10',
            bytes.length >= 132 ? 128 : 0,
            null,
            bytes.length >= 132
              ? 'no "DICM" marker at byte 128 and no data set at byte 0: not a DICOM file'
              : `too short for a DICOM file (${bytes.length} bytes)`,
            'give DICOM Part-10 files (.dcm) exported by the modality or the PACS',
          ),
        );
        return { header: null, issues };
      }
      issues.push(
        issueOf(
          file,
          'warning',
          'dicom-no-preamble',
          0,
          null,
          'no 128-byte preamble and "DICM" marker: read as a bare data set',
          'the file was written without its Part-10 header; it is read anyway',
        ),
      );
      if (g === 0x0002) {
        meta = r.dataset(Infinity, 0, false, true);
        const declared = meta.get(TAG.TransferSyntaxUID)?.value;
        ts = typeof declared === 'string' ? declared.replace(/[\0 ]+$/, '') : '';
      } else {
        ts = g === 0x0008 ? '' : TRANSFER_SYNTAXES.explicitBig;
      }
    }
    if (ts === TRANSFER_SYNTAXES.deflated) {
      issues.push(
        issueOf(
          file,
          'error',
          'dicom-deflated',
          r.pos,
          TAG.TransferSyntaxUID,
          'deflated transfer syntax (1.2.840.10008.1.2.1.99) is not read',
          'export the file uncompressed (explicit VR little endian) from the PACS',
        ),
      );
      return { header: null, issues };
    }
    r.little = ts !== TRANSFER_SYNTAXES.explicitBig;
    r.explicit = ts !== TRANSFER_SYNTAXES.implicitLittle;
    if (r.pos + 6 > bytes.length && !r.complete) return 'need-more';
    if (r.pos + 6 <= bytes.length && r.explicit !== r.looksExplicit(r.pos)) {
      const detected = r.looksExplicit(r.pos);
      if (ts !== '') {
        issues.push(
          issueOf(
            file,
            'warning',
            'dicom-transfer-syntax-mismatch',
            r.pos,
            null,
            `the transfer syntax ${/^[0-9.]{1,64}$/.test(ts) ? ts : `(${describeText(ts)})`} says ${r.explicit ? 'explicit' : 'implicit'} VR but the data set is encoded with ${detected ? 'explicit' : 'implicit'} VR`,
            'read with the encoding actually found',
          ),
        );
      }
      r.explicit = detected;
    }
    const start = r.pos;
    const dataset = r.dataset(Infinity, 0, false);
    for (const w of r.warnings)
      issues.push(issueOf(file, 'warning', w.code, w.offset, w.tag, w.message, w.hint));
    const sopClass = meta.get(TAG.MediaStorageSOPClassUID)?.value;
    const isDicomdir =
      (typeof sopClass === 'string' && sopClass.replace(/[\0 ]+$/, '') === DICOMDIR_SOP_CLASS) ||
      dataset.has(TAG.DirectoryRecordSequence);
    if (dataset.size === 0 && !isDicomdir) {
      issues.push(
        issueOf(
          file,
          'error',
          'dicom-empty',
          start,
          null,
          'the data set is empty',
          'the file holds no DICOM attributes',
        ),
      );
      return { header: null, issues };
    }
    return {
      header: { meta, dataset, transferSyntax: ts, pixelDataOffset: r.pixelDataOffset, isDicomdir },
      issues,
    };
  } catch (e) {
    if (e instanceof NeedMore) return 'need-more';
    if (e instanceof ParseError) {
      issues.push(issueOf(file, 'error', e.code, e.offset, e.tag, e.message, e.hint));
      return { header: null, issues };
    }
    if (e instanceof RangeError) {
      // A DataView read past the end: a length check was missed; still a located issue.
      issues.push(
        issueOf(
          file,
          'error',
          'dicom-truncated',
          r.pos,
          null,
          `the file ends unexpectedly (${e.message})`,
          'the file is truncated or corrupt',
        ),
      );
      return { header: null, issues };
    }
    throw e;
  }
}
