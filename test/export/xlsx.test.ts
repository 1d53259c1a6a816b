// XLSX export: the workbook is unzipped with fflate and every part read by a strict XML reader
// (and by Python's own XML parser, when python3 is there): parts and relationships, inline and
// escaped strings, numbers as values, the percent style, the bold frozen header, and valid,
// distinct sheet names.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import type { ExportTable } from '../../src/export/table.ts';
import { columnName, sheetNames, tablesToXlsx } from '../../src/export/xlsx.ts';
import type { XmlElement } from './xml-check.ts';
import { child, findAll, parseXml } from './xml-check.ts';

const machines: ExportTable = {
  name: 'Machines: CT/MR [2010]',
  columns: [
    { key: 'id', label: 'Équipement', kind: 'text' },
    { key: 'exams', label: 'Examens', kind: 'number' },
    { key: 'occ', label: 'Taux d’occupation', kind: 'percent' },
  ],
  rows: [
    ['CT <1> & "2"', 1234, 0.6125],
    [' padded ', -5.5, null],
    ['bad\u0000\u0007char\ud800s\uffff', null, 1],
    ['line\nbreak\r', Number.NaN, Number.POSITIVE_INFINITY],
    ['_x0041_ stays', 1e-7, 0],
  ],
};
const second: ExportTable = {
  name: 'machines: ct/mr [2010]',
  columns: [{ key: 'a', label: 'A', kind: 'text' }],
  rows: [],
};

function unzip(tables: readonly ExportTable[]): Record<string, string> {
  const files = unzipSync(tablesToXlsx(tables));
  return Object.fromEntries(Object.entries(files).map(([name, bytes]) => [name, strFromU8(bytes)]));
}

/** The cells of a sheet by reference: the element, and its value as written (text or number). */
function cellsOf(sheet: XmlElement): Map<string, { c: XmlElement; value: string }> {
  const out = new Map<string, { c: XmlElement; value: string }>();
  for (const c of findAll(sheet, 'c')) {
    const value =
      c.attrs['t'] === 'inlineStr' ? child(child(c, 'is'), 't').text : child(c, 'v').text;
    out.set(c.attrs['r']!, { c, value });
  }
  return out;
}

describe('tablesToXlsx', () => {
  const parts = unzip([machines, second]);

  it('holds the parts of a workbook, each well formed, and they point at each other', () => {
    expect(Object.keys(parts).sort()).toEqual([
      '[Content_Types].xml',
      '_rels/.rels',
      'xl/_rels/workbook.xml.rels',
      'xl/styles.xml',
      'xl/workbook.xml',
      'xl/worksheets/sheet1.xml',
      'xl/worksheets/sheet2.xml',
    ]);
    const xml = Object.fromEntries(
      Object.entries(parts).map(([name, text]) => [name, parseXml(text)]),
    );
    const overrides = findAll(xml['[Content_Types].xml']!, 'Override').map(
      (o) => o.attrs['PartName'],
    );
    expect(overrides.sort()).toEqual([
      '/xl/styles.xml',
      '/xl/workbook.xml',
      '/xl/worksheets/sheet1.xml',
      '/xl/worksheets/sheet2.xml',
    ]);
    expect(findAll(xml['_rels/.rels']!, 'Relationship').map((r) => r.attrs['Target'])).toEqual([
      'xl/workbook.xml',
    ]);
    const rels = new Map(
      findAll(xml['xl/_rels/workbook.xml.rels']!, 'Relationship').map((r) => [
        r.attrs['Id'],
        r.attrs['Target'],
      ]),
    );
    const sheets = findAll(xml['xl/workbook.xml']!, 'sheet');
    expect(sheets.map((s) => rels.get(s.attrs['r:id']))).toEqual([
      'worksheets/sheet1.xml',
      'worksheets/sheet2.xml',
    ]);
    expect([...rels.values()]).toContain('styles.xml');
    expect(new Set(sheets.map((s) => s.attrs['sheetId'])).size).toBe(2);
  });

  it('names sheets validly and distinctly', () => {
    const names = findAll(parseXml(parts['xl/workbook.xml']!), 'sheet').map((s) => s.attrs['name']);
    expect(names).toEqual(['Machines_ CT_MR _2010_', 'machines_ ct_mr _2010_ (2)']);
  });

  it('writes strings inline (escaped, invalid characters removed), numbers as values, empties omitted', () => {
    const sheet = parseXml(parts['xl/worksheets/sheet1.xml']!);
    const cells = cellsOf(sheet);
    expect(cells.get('A2')!.value).toBe('CT <1> & "2"');
    expect(parts['xl/worksheets/sheet1.xml']).toContain('CT &lt;1&gt; &amp; &quot;2&quot;');
    expect(cells.get('A3')!.value).toBe(' padded ');
    expect(child(cells.get('A3')!.c, 'is').children[0]!.attrs['xml:space']).toBe('preserve');
    expect(cells.get('A4')!.value).toBe('badchars');
    expect(cells.get('A5')!.value).toBe('line\nbreak\r');
    expect(cells.get('A6')!.value).toBe('_x005F_x0041_ stays'); // Excel shows it as _x0041_
    expect(cells.get('B2')).toMatchObject({ value: '1234' });
    expect(cells.get('B2')!.c.attrs['t']).toBeUndefined();
    expect(cells.get('B3')!.value).toBe('-5.5');
    expect(Number(cells.get('B6')!.value)).toBe(1e-7);
    // null, NaN and infinities: no cell at all.
    for (const ref of ['C3', 'B4', 'B5', 'C5']) expect(cells.has(ref)).toBe(false);
    expect(findAll(sheet, 'row').map((r) => r.attrs['r'])).toEqual(['1', '2', '3', '4', '5', '6']);
    expect(child(sheet, 'dimension').attrs['ref']).toBe('A1:C6');
  });

  it('styles the header bold and percent numbers 0.0%, and freezes the header row', () => {
    const styles = parseXml(parts['xl/styles.xml']!);
    const formats = new Map(
      findAll(styles, 'numFmt').map((f) => [f.attrs['numFmtId'], f.attrs['formatCode']]),
    );
    const fonts = child(styles, 'fonts').children;
    const xfs = child(styles, 'cellXfs').children;
    expect(child(styles, 'cellXfs').attrs['count']).toBe(String(xfs.length));
    const styleOf = (c: XmlElement) => xfs[Number(c.attrs['s'] ?? 0)]!;
    const isBold = (c: XmlElement) =>
      fonts[Number(styleOf(c).attrs['fontId'])]!.children.some((e) => e.name === 'b');
    const formatOf = (c: XmlElement) =>
      formats.get(styleOf(c).attrs['numFmtId']) ?? styleOf(c).attrs['numFmtId'];

    const sheet = parseXml(parts['xl/worksheets/sheet1.xml']!);
    const cells = cellsOf(sheet);
    for (const ref of ['A1', 'B1', 'C1']) {
      expect(cells.get(ref)!.c.attrs['t']).toBe('inlineStr');
      expect(isBold(cells.get(ref)!.c)).toBe(true);
    }
    expect(cells.get('C1')!.value).toBe('Taux d’occupation');
    for (const ref of ['C2', 'C4', 'C6']) {
      expect(formatOf(cells.get(ref)!.c)).toBe('0.0%');
      expect(isBold(cells.get(ref)!.c)).toBe(false);
    }
    expect(Number(cells.get('C2')!.value)).toBe(0.6125);
    for (const ref of ['A2', 'B2', 'B3']) {
      expect(formatOf(cells.get(ref)!.c)).toBe('0');
      expect(isBold(cells.get(ref)!.c)).toBe(false);
    }
    const pane = findAll(sheet, 'pane')[0]!;
    expect(pane.attrs).toMatchObject({ ySplit: '1', topLeftCell: 'A2', state: 'frozen' });
  });

  it('gives the same bytes for the same tables', () => {
    expect(tablesToXlsx([machines])).toEqual(tablesToXlsx([machines]));
  });

  it('refuses no table, and a row whose width differs from the columns', () => {
    expect(() => tablesToXlsx([])).toThrow(RangeError);
    expect(() => tablesToXlsx([{ ...second, rows: [['a', 'b']] }])).toThrow(
      /row 1 has 2 cells for 1 columns/,
    );
  });

  it('cuts text longer than a cell holds without splitting a character', () => {
    const long = `${'x'.repeat(32_766)}😀tail`;
    const sheet = parseXml(unzip([{ ...second, rows: [[long]] }])['xl/worksheets/sheet1.xml']!);
    expect(cellsOf(sheet).get('A2')!.value).toBe('x'.repeat(32_766));
  });

  it('is read by a real XML parser too (python3, when installed)', (context) => {
    const probe = spawnSync('python3', ['-c', 'import xml.etree.ElementTree, zipfile'], {
      encoding: 'utf8',
    });
    if (probe.status !== 0) {
      context.skip('python3 is not installed: the strict reader above is the only check');
      return;
    }
    const dir = mkdtempSync(join(tmpdir(), 'plateau-xlsx-'));
    try {
      const path = join(dir, 'book.xlsx');
      writeFileSync(path, tablesToXlsx([machines, second]));
      const script = `import sys, zipfile, xml.etree.ElementTree as ET
z = zipfile.ZipFile(sys.argv[1]); assert z.testzip() is None
ns = {'m': 'http://schemas.openxmlformats.org/spreadsheetml/2006/main'}
for name in z.namelist(): ET.fromstring(z.read(name))
sheet = ET.fromstring(z.read('xl/worksheets/sheet1.xml'))
print(sheet.find(".//m:c[@r='A2']/m:is/m:t", ns).text)
print(sheet.find(".//m:c[@r='C2']/m:v", ns).text)`;
      const run = spawnSync('python3', ['-c', script, path], { encoding: 'utf8' });
      expect(run.stderr).toBe('');
      expect(run.stdout).toBe('CT <1> & "2"\n0.6125\n');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('sheetNames', () => {
  it('replaces forbidden characters, trims apostrophes, cuts to 31 and makes names distinct', () => {
    expect(
      sheetNames(['CT/MR', 'ct/mr', '', "'quoted'", 'History', 'a'.repeat(40), 'a'.repeat(35)]),
    ).toEqual([
      'CT_MR',
      'ct_mr (2)',
      'Sheet',
      'quoted',
      'History (2)',
      'a'.repeat(31),
      `${'a'.repeat(27)} (2)`,
    ]);
  });

  it('always gives valid, distinct names (property)', () => {
    const name = fc.string({
      unit: fc.constantFrom(
        'a',
        'A',
        'é',
        ' ',
        "'",
        '[',
        ']',
        ':',
        '*',
        '?',
        '/',
        '\\',
        '\u0001',
        '😀',
        '\ud800',
      ),
      maxLength: 40,
    });
    fc.assert(
      fc.property(fc.array(name, { maxLength: 30 }), (names) => {
        const out = sheetNames(names);
        expect(out).toHaveLength(names.length);
        expect(new Set(out.map((n) => n.toLowerCase())).size).toBe(out.length);
        for (const n of out) {
          expect(n.length).toBeGreaterThan(0);
          expect(n.length).toBeLessThanOrEqual(31);
          expect(n).not.toMatch(/[[\]:*?/\\]|^'|'$/);
          expect(n.toLowerCase()).not.toBe('history');
          expect(n).toBe(n.replace(/[^\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, ''));
        }
      }),
    );
  });
});

describe('columnName', () => {
  it('counts A…Z, AA…ZZ, AAA…', () => {
    expect([0, 1, 25, 26, 27, 51, 52, 701, 702, 16_383].map(columnName)).toEqual([
      'A',
      'B',
      'Z',
      'AA',
      'AB',
      'AZ',
      'BA',
      'ZZ',
      'AAA',
      'XFD',
    ]);
  });
});
