/**
 * Where each anchor of a printed report landed: Chromium writes the targets of internal links
 * (`<a href="#id">`) as the catalog's named destinations `/Dests << /id [page /XYZ …] >>`, in
 * plain objects with a classic cross-reference table. Reading those few objects gives the page
 * of every section without a PDF library or poppler.
 */

/** A PDF's objects, by number, as latin1 text (enough for dictionaries; streams are skipped). */
class PdfObjects {
  readonly #text: string;
  readonly #offsets = new Map<number, number>();

  constructor(bytes: Uint8Array) {
    this.#text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
    this.#readXref();
  }

  get text(): string {
    return this.#text;
  }

  #readXref(): void {
    const start = /startxref\s+(\d+)\s+%%EOF\s*$/.exec(this.#text);
    const at = start ? Number(start[1]) : -1;
    if (at >= 0 && this.#text.startsWith('xref', at)) {
      const table = /^xref\s+((?:\d+ \d+\s+(?:\d{10} \d{5} [nf]\s*)*)+)/.exec(
        this.#text.slice(at, at + 40 * 1024 * 1024),
      );
      const lines = table?.[1]?.trim().split(/\s*\n\s*|\r\n?/) ?? [];
      let next = 0;
      for (const line of lines) {
        const section = /^(\d+) (\d+)$/.exec(line.trim());
        if (section) {
          next = Number(section[1]);
          continue;
        }
        const entry = /^(\d{10}) \d{5} ([nf])/.exec(line.trim());
        if (entry) {
          if (entry[2] === 'n') this.#offsets.set(next, Number(entry[1]));
          next++;
        }
      }
    }
    if (this.#offsets.size === 0) {
      // No classic table (or an unexpected one): find the objects by their headers.
      for (const m of this.#text.matchAll(/(?:^|[\r\n])(\d+) 0 obj\b/g)) {
        this.#offsets.set(Number(m[1]), m.index + m[0].indexOf(m[1] ?? ''));
      }
    }
  }

  /** The text of object `n` up to its `stream` or `endobj`. */
  object(n: number): string {
    const at = this.#offsets.get(n);
    if (at === undefined) throw new Error(`PDF object ${n} not found`);
    const rest = this.#text.slice(at, at + 1024 * 1024);
    const end = rest.search(/\bendobj\b|\bstream[\r\n]/);
    return end < 0 ? rest : rest.slice(0, end);
  }

  /** The trailer dictionary (the last one). */
  trailer(): string {
    const i = this.#text.lastIndexOf('trailer');
    return i < 0 ? '' : this.#text.slice(i, i + 2000);
  }
}

const ref = (source: string, key: string): number | null => {
  const m = new RegExp(`/${key}\\s+(\\d+)\\s+0\\s+R`).exec(source);
  return m ? Number(m[1]) : null;
};

/** The page objects in reading order, walking the page tree from `/Pages`. */
function pageOrder(pdf: PdfObjects, root: number): number[] {
  const pages: number[] = [];
  const visit = (n: number, depth: number): void => {
    if (depth > 64) throw new Error('PDF page tree too deep');
    const object = pdf.object(n);
    if (/\/Type\s*\/Pages\b/.test(object)) {
      const kids = /\/Kids\s*\[([^\]]*)\]/.exec(object)?.[1] ?? '';
      for (const m of kids.matchAll(/(\d+)\s+0\s+R/g)) visit(Number(m[1]), depth + 1);
    } else {
      pages.push(n);
    }
  };
  visit(root, 0);
  return pages;
}

/** The body of the `/Dests` dictionary of the catalog (inline or referenced). */
function destsDictionary(pdf: PdfObjects, catalog: string): string {
  const inline = /\/Dests\s*<<([\s\S]*?)>>/.exec(catalog);
  if (inline?.[1] !== undefined) return inline[1];
  const n = ref(catalog, 'Dests');
  if (n === null) return '';
  const object = pdf.object(n);
  const open = object.indexOf('<<');
  const close = object.lastIndexOf('>>');
  return open < 0 || close < 0 ? '' : object.slice(open + 2, close);
}

/**
 * The 1-based page of each named destination of a PDF printed by Chromium (the targets of its
 * internal links), and the page count.
 *
 * @example
 * const { pages, destinations } = namedDestinationPages(pdfBytes);
 * destinations.get('panel'); // 3
 */
export function namedDestinationPages(bytes: Uint8Array): {
  pages: number;
  destinations: Map<string, number>;
} {
  const pdf = new PdfObjects(bytes);
  const catalogRef =
    ref(pdf.trailer(), 'Root') ??
    Number(/(\d+) 0 obj\s*<<\s*\/Type\s*\/Catalog/.exec(pdf.text)?.[1] ?? NaN);
  if (!Number.isFinite(catalogRef)) throw new Error('PDF catalog not found');
  const catalog = pdf.object(catalogRef);
  const pagesRef = ref(catalog, 'Pages');
  if (pagesRef === null) throw new Error('PDF page tree not found');
  const order = pageOrder(pdf, pagesRef);
  const index = new Map(order.map((n, i) => [n, i + 1]));
  const destinations = new Map<string, number>();
  const body = destsDictionary(pdf, catalog);
  for (const m of body.matchAll(/\/([^\s/[<(]+)\s*(?:<<\s*\/D\s*)?\[\s*(\d+)\s+0\s+R/g)) {
    const name = (m[1] ?? '').replace(/#([0-9a-fA-F]{2})/g, (_, h: string) =>
      String.fromCharCode(parseInt(h, 16)),
    );
    const page = index.get(Number(m[2]));
    if (page !== undefined) destinations.set(name, page);
  }
  return { pages: order.length, destinations };
}
