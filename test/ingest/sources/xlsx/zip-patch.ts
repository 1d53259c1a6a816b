// Real zips with one header field patched by hand, to test readers on zips whose headers lie.

/** Where an entry's local header and central-directory record start, found from the end record. */
export function entryOffsets(zip: Uint8Array, name: string): { local: number; central: number } {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  let eocd = zip.length - 22;
  while (view.getUint32(eocd, true) !== 0x06054b50) eocd--;
  let p = view.getUint32(eocd + 16, true);
  const count = view.getUint16(eocd + 10, true);
  for (let i = 0; i < count; i++) {
    const nameLength = view.getUint16(p + 28, true);
    const entry = new TextDecoder().decode(zip.subarray(p + 46, p + 46 + nameLength));
    if (entry === name) return { local: view.getUint32(p + 42, true), central: p };
    p += 46 + nameLength + view.getUint16(p + 30, true) + view.getUint16(p + 32, true);
  }
  throw new Error(`no entry ${name}`);
}

export type Field = 'crc' | 'size' | 'originalSize';
const LOCAL_AT: Record<Field, number> = { crc: 14, size: 18, originalSize: 22 };
const CENTRAL_AT: Record<Field, number> = { crc: 16, size: 20, originalSize: 24 };

/** A copy of `zip` with `field` of `name` set to `value` in the local header, the central record or both. */
export function patched(
  zip: Uint8Array,
  name: string,
  field: Field,
  value: number,
  where: 'local' | 'central' | 'both' = 'both',
): Uint8Array {
  const out = zip.slice();
  const view = new DataView(out.buffer);
  const { local, central } = entryOffsets(out, name);
  if (where !== 'central') view.setUint32(local + LOCAL_AT[field], value, true);
  if (where !== 'local') view.setUint32(central + CENTRAL_AT[field], value, true);
  return out;
}

/** The value of `which` in `name`'s central-directory record. */
export function field(zip: Uint8Array, name: string, which: Field): number {
  return new DataView(zip.buffer, zip.byteOffset).getUint32(
    entryOffsets(zip, name).central + CENTRAL_AT[which],
    true,
  );
}
