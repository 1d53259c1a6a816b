/**
 * A tiny Part-10 writer for tests: explicit or implicit VR little endian data sets with
 * sequences (defined or undefined length), so the reader is tested on inputs whose every byte
 * is known.
 */
export type El = [tag: number, vr: string, value: string | Uint8Array | El[][]];

const LONG = new Set([
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
const utf8 = new TextEncoder();

function latin1(text: string): Uint8Array {
  return Uint8Array.from([...text].map((c) => c.charCodeAt(0) & 0xff));
}

function u16(n: number): number[] {
  return [n & 0xff, (n >> 8) & 0xff];
}
function u32(n: number): number[] {
  return [n & 0xff, (n >>> 8) & 0xff, (n >>> 16) & 0xff, (n >>> 24) & 0xff];
}

export interface WriteOptions {
  explicit?: boolean;
  /** Sequences and items with undefined length (delimiters). */
  undefinedLengths?: boolean;
  /** Text encoding of string values. */
  encoding?: 'latin1' | 'utf8';
}

function encodeElements(elements: El[], o: Required<WriteOptions>): number[] {
  const out: number[] = [];
  for (const [tag, vr, value] of [...elements].sort((a, b) => a[0] - b[0])) {
    let body: number[];
    if (Array.isArray(value)) {
      body = [];
      for (const item of value) {
        const inner = encodeElements(item, o);
        body.push(
          ...u16(0xfffe),
          ...u16(0xe000),
          ...u32(o.undefinedLengths ? 0xffffffff : inner.length),
          ...inner,
        );
        if (o.undefinedLengths) body.push(...u16(0xfffe), ...u16(0xe00d), ...u32(0));
      }
      if (o.undefinedLengths) body.push(...u16(0xfffe), ...u16(0xe0dd), ...u32(0));
    } else {
      const bytes =
        typeof value === 'string'
          ? o.encoding === 'utf8'
            ? utf8.encode(value)
            : latin1(value)
          : value;
      body = [...bytes];
      if (body.length % 2) body.push(vr === 'UI' || vr === 'OB' ? 0 : 0x20);
    }
    const len = Array.isArray(value) && o.undefinedLengths ? 0xffffffff : body.length;
    out.push(...u16(tag >>> 16), ...u16(tag & 0xffff));
    if (o.explicit) {
      out.push(vr.charCodeAt(0), vr.charCodeAt(1));
      if (LONG.has(vr)) out.push(0, 0, ...u32(len));
      else out.push(...u16(len));
    } else {
      out.push(...u32(len));
    }
    out.push(...body);
  }
  return out;
}

/** A Part-10 file: preamble, DICM, file meta (with the transfer syntax), the data set, then `pixelBytes` of pixel data. */
export function part10(
  elements: El[],
  options: WriteOptions & { pixelBytes?: number } = {},
): Uint8Array {
  const o: Required<WriteOptions> = {
    explicit: options.explicit ?? true,
    undefinedLengths: options.undefinedLengths ?? false,
    encoding: options.encoding ?? 'latin1',
  };
  const ts = o.explicit ? '1.2.840.10008.1.2.1' : '1.2.840.10008.1.2';
  const metaBody = encodeElements(
    [
      [0x00020001, 'OB', Uint8Array.of(0, 1)],
      [0x00020002, 'UI', '1.2.840.10008.5.1.4.1.1.2'],
      [0x00020003, 'UI', '1.2.3.4'],
      [0x00020010, 'UI', ts],
    ],
    { ...o, explicit: true },
  );
  const meta = [
    ...encodeElements([[0x00020000, 'UL', Uint8Array.from(u32(metaBody.length))]], {
      ...o,
      explicit: true,
    }),
    ...metaBody,
  ];
  const data = encodeElements(elements, o);
  const pixels = options.pixelBytes ?? 0;
  const pixelHeader =
    pixels > 0
      ? [...u16(0x7fe0), ...u16(0x0010), ...(o.explicit ? [0x4f, 0x57, 0, 0] : []), ...u32(pixels)]
      : [];
  const out = new Uint8Array(132 + meta.length + data.length + pixelHeader.length + pixels);
  out.set([0x44, 0x49, 0x43, 0x4d], 128);
  out.set(meta, 132);
  out.set(data, 132 + meta.length);
  out.set(pixelHeader, 132 + meta.length + data.length);
  return out;
}
