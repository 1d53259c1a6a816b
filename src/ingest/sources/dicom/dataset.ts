/**
 * The in-memory shape of a DICOM header: a map from tag number (`0x00080020` for (0008,0020))
 * to its element. Part-10 files and DICOMweb JSON both land here, so everything past the
 * readers works on one model. Binary values (OB, OW, UN…) are never kept, only located.
 */

/** A decoded value: text (multi-valued text joined by `\`), numbers, sequence items, or `null` for binary. */
export type DicomValue = string | number[] | DicomDataset[] | null;

/** One data element. */
export interface DicomElement {
  tag: number;
  vr: string;
  /** Byte offset of the element's tag in the file (`-1` when the element came from JSON). */
  offset: number;
  value: DicomValue;
}

/** A data set (the top level, or one sequence item). */
export type DicomDataset = Map<number, DicomElement>;

/** `(0008,0020)` for `0x00080020`: the standard's notation for a tag. */
export function formatTag(tag: number): string {
  const hex = (tag >>> 0).toString(16).toUpperCase().padStart(8, '0');
  return `(${hex.slice(0, 4)},${hex.slice(4)})`;
}

/**
 * The text of an element, trimmed of DICOM padding, or `null` when absent or empty.
 *
 * @example
 * textOf(ds, 0x00080060) // → 'CT'
 */
export function textOf(ds: DicomDataset, tag: number): string | null {
  const v = ds.get(tag)?.value;
  if (typeof v !== 'string') return null;
  const t = v.replace(/[\0 ]+$/, '').trim();
  return t === '' ? null : t;
}

/** The first number of a numeric element (US, UL, FD…), or of a decimal string (DS, IS); `null` when absent. */
export function numberOf(ds: DicomDataset, tag: number): number | null {
  const v = ds.get(tag)?.value;
  if (Array.isArray(v) && typeof v[0] === 'number') return v[0];
  if (typeof v === 'string') {
    const n = Number(v.split('\\')[0]?.trim());
    return v.trim() !== '' && Number.isFinite(n) ? n : null;
  }
  return null;
}

/** The items of a sequence element (empty when absent or not a sequence). */
export function itemsOf(ds: DicomDataset, tag: number): DicomDataset[] {
  const v = ds.get(tag)?.value;
  return Array.isArray(v) && v.length > 0 && typeof v[0] !== 'number' ? (v as DicomDataset[]) : [];
}
