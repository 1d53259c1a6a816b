/**
 * Saving what the app makes (CSV, XLSX, PNG, SVG) as a file the browser downloads.
 */

/** Downloads `blob` as `fileName`. */
export function saveBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.rel = 'noopener';
  document.body.append(a);
  a.click();
  a.remove();
  window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Downloads a `data:` URL (a chart's PNG) as `fileName`. */
export function saveDataUrl(dataUrl: string, fileName: string): void {
  const a = document.createElement('a');
  a.href = dataUrl;
  a.download = fileName;
  document.body.append(a);
  a.click();
  a.remove();
}

/**
 * A file-name stem from a title: accents dropped, anything but letters and digits turned to
 * single dashes, at most 80 characters.
 *
 * @example
 * fileStem('Durées d’examen — Scanner'); // "durees-d-examen-scanner"
 */
export function fileStem(title: string): string {
  const stem = title
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80);
  return stem || 'plateau';
}
