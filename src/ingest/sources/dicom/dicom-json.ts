/**
 * The DICOM JSON model (PS3.18 §F.2), as DICOMweb QIDO-RS answers it, read into the same
 * data-set map as Part-10 files: text values joined by `\`, person names by their alphabetic
 * form, numbers kept, sequences as items, binary (InlineBinary, BulkDataURI) dropped.
 */
import type { DicomDataset, DicomValue } from './dataset.ts';

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * A DICOM JSON object as a data set; keys that are not 8 hex digits are ignored.
 *
 * @example
 * fromDicomJson({ '00080060': { vr: 'CS', Value: ['CT'] } }).get(0x00080060)?.value // → 'CT'
 */
export function fromDicomJson(json: unknown, depth = 0): DicomDataset {
  const ds: DicomDataset = new Map();
  if (!isRecord(json) || depth > 32) return ds;
  for (const [key, element] of Object.entries(json)) {
    if (!/^[0-9A-Fa-f]{8}$/.test(key) || !isRecord(element)) continue;
    const tag = parseInt(key, 16) >>> 0;
    const vr = typeof element.vr === 'string' ? element.vr : 'UN';
    const values = Array.isArray(element.Value) ? (element.Value as unknown[]) : [];
    let value: DicomValue = null;
    if (vr === 'SQ') value = values.map((item) => fromDicomJson(item, depth + 1));
    else if (values.length > 0 && values.every((v) => typeof v === 'number'))
      value = values as number[];
    else if (values.length > 0) {
      value = values
        .map((v) =>
          typeof v === 'string'
            ? v
            : typeof v === 'number'
              ? String(v)
              : isRecord(v) && typeof v.Alphabetic === 'string'
                ? v.Alphabetic
                : '',
        )
        .join('\\');
    } else if (!('InlineBinary' in element) && !('BulkDataURI' in element)) value = '';
    ds.set(tag, { tag, vr, offset: -1, value });
  }
  return ds;
}
