/**
 * Opens an .xlsx (a zip) safely: only the SpreadsheetML parts plateau reads are inflated, and a
 * package with too many entries, an entry or a total larger than the caps, or an entry that
 * inflates more than a plausible ratio is refused before anything is inflated (fflate never
 * writes past the size an entry declares, so the declared sizes bound the memory used).
 */
import { unzipSync } from 'fflate';

/** Limits on a workbook's zip (defaults fit the largest national campaign several times). */
export interface ZipLimits {
  maxEntries: number;
  maxEntryBytes: number;
  maxTotalBytes: number;
  /** Largest inflated/compressed ratio (XML compresses well, but not a thousand times). */
  maxRatio: number;
}

export const DEFAULT_ZIP_LIMITS: ZipLimits = {
  maxEntries: 10_000,
  maxEntryBytes: 1024 * 1024 * 1024,
  maxTotalBytes: 2 * 1024 * 1024 * 1024,
  maxRatio: 1000,
};

/** A zip that cannot be opened or is refused; the message says why, in plain words. */
export class ZipError extends Error {
  override name = 'ZipError';
}

/** The parts of a workbook plateau reads (others, such as images, are never inflated). */
function wanted(name: string): boolean {
  return (
    name === '[Content_Types].xml' ||
    /^_rels\/\.rels$/.test(name) ||
    /^xl\/[^/]+\.xml$/.test(name) ||
    /^xl\/_rels\/[^/]+\.rels$/.test(name) ||
    /^xl\/worksheets\/[^/]+\.xml$/.test(name)
  );
}

/**
 * The text of the SpreadsheetML parts of a zip, by path; throws ZipError when the bytes are not
 * a zip, when a cap is passed, or when an entry cannot be inflated.
 *
 * @example
 * const parts = unzipWorkbook(bytes); parts.get('xl/workbook.xml');
 */
export function unzipWorkbook(
  bytes: Uint8Array,
  limits: ZipLimits = DEFAULT_ZIP_LIMITS,
): Map<string, string> {
  let entries = 0;
  let total = 0;
  let raw: Record<string, Uint8Array>;
  try {
    raw = unzipSync(bytes, {
      filter(file) {
        entries += 1;
        if (entries > limits.maxEntries)
          throw new ZipError(`more than ${limits.maxEntries} entries in the zip`);
        if (!wanted(file.name)) return false;
        if (file.compression !== 0 && file.compression !== 8)
          throw new ZipError(
            `${file.name} uses compression method ${file.compression}, not deflate`,
          );
        if (file.originalSize > limits.maxEntryBytes)
          throw new ZipError(
            `${file.name} inflates to ${file.originalSize} bytes, more than the ${limits.maxEntryBytes} accepted`,
          );
        if (file.originalSize > Math.max(1024 * 1024, file.size * limits.maxRatio))
          throw new ZipError(
            `${file.name} inflates ${Math.round(file.originalSize / Math.max(1, file.size))} times its size: refused as a zip bomb`,
          );
        total += file.originalSize;
        if (total > limits.maxTotalBytes)
          throw new ZipError(`the workbook inflates to more than ${limits.maxTotalBytes} bytes`);
        return true;
      },
    });
  } catch (error) {
    if (error instanceof ZipError) throw error;
    throw new ZipError(
      `not a readable zip: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  const parts = new Map<string, string>();
  for (const [name, data] of Object.entries(raw)) {
    try {
      parts.set(name, new TextDecoder('utf-8', { fatal: true }).decode(data));
    } catch {
      throw new ZipError(`${name} is not UTF-8 text`);
    }
  }
  return parts;
}
