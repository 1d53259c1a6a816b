// CSV export: RFC 4180 quoting, CRLF, the BOM, formula injection defused, the French
// `;` + decimal comma, and a property: any table parses back (by a tiny RFC 4180 reader) to the
// cells it was made of.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { tableToCsv } from '../../src/export/csv.ts';
import type { ExportTable } from '../../src/export/table.ts';

/** A strict RFC 4180 reader: records of fields; throws on a malformed quote. */
function parseCsv(text: string, separator: string): string[][] {
  const records: string[][] = [];
  let fields: string[] = [];
  let at = 0;
  for (;;) {
    let field = '';
    if (text[at] === '"') {
      at++;
      for (;;) {
        const quote = text.indexOf('"', at);
        if (quote === -1) throw new Error('unterminated quoted field');
        field += text.slice(at, quote);
        at = quote + 1;
        if (text[at] === '"') {
          field += '"';
          at++;
        } else break;
      }
    } else {
      while (at < text.length && text[at] !== separator && text[at] !== '\r' && text[at] !== '\n') {
        if (text[at] === '"') throw new Error(`quote inside an unquoted field at ${at}`);
        field += text[at++];
      }
    }
    fields.push(field);
    if (text[at] === separator) {
      at++;
      continue;
    }
    if (text.startsWith('\r\n', at)) at += 2;
    else if (at < text.length) throw new Error(`expected a separator or CRLF at ${at}`);
    records.push(fields);
    fields = [];
    if (at >= text.length) return records;
  }
}

/** The CSV text without its BOM, which it must start with. */
function body(csv: string): string {
  expect(csv.startsWith('\uFEFF')).toBe(true);
  return csv.slice(1);
}

const table = (
  rows: ExportTable['rows'],
  kinds: ('text' | 'number' | 'percent')[] = ['text', 'number', 'percent'],
): ExportTable => ({
  name: 't',
  columns: kinds.map((kind, i) => ({ key: `k${i}`, label: `Col ${i}`, kind })),
  rows,
});

describe('tableToCsv', () => {
  it('writes a BOM, a header of labels and CRLF-ended records', () => {
    const csv = tableToCsv({
      name: 'machines',
      columns: [
        { key: 'id', label: 'Équipement', kind: 'text' },
        { key: 'exams', label: 'Examens', kind: 'number' },
        { key: 'occ', label: 'Taux d’occupation', kind: 'percent' },
      ],
      rows: [
        ['CT1', 1234, 0.61],
        ['IRM Hôpital', null, null],
      ],
    });
    expect(csv).toBe(
      '\uFEFFÉquipement,Examens,Taux d’occupation\r\nCT1,1234,0.61\r\nIRM Hôpital,,\r\n',
    );
  });

  it('quotes only fields holding the separator, a quote, CR or LF, doubling inner quotes', () => {
    const csv = tableToCsv(
      table([
        ['a,b', 1, 0],
        ['say "hi"', 2, 0],
        ['two\nlines', 3, 0],
        ['cr\rhere', 4, 0],
        ['a;b', 5, 0],
      ]),
    );
    expect(body(csv).split('\r\n').slice(1, -1)).toEqual([
      '"a,b",1,0',
      '"say ""hi""",2,0',
      '"two\nlines",3,0',
      '"cr\rhere",4,0',
      'a;b,5,0',
    ]);
    const semi = tableToCsv(
      table([
        ['a;b', 1, 0],
        ['a,b', 2, 0],
      ]),
      { separator: ';' },
    );
    expect(body(semi).split('\r\n').slice(1, -1)).toEqual(['"a;b";1;0', 'a,b;2;0']);
  });

  it('writes percent cells as the fraction, and leaves NaN and infinities empty', () => {
    const csv = tableToCsv(
      table([
        ['x', Number.NaN, 0.6125],
        ['y', Number.POSITIVE_INFINITY, 1e-7],
      ]),
    );
    expect(body(csv).split('\r\n').slice(1, -1)).toEqual(['x,,0.6125', 'y,,1e-7']);
  });

  it('defuses text a spreadsheet would run as a formula, and nothing else', () => {
    const cells = [
      '=HYPERLINK("http://x")',
      '+33 1 23',
      '-2',
      '@SUM(A1)',
      '\t=1',
      '\r=1',
      'a=b',
      ' =1',
      "'quoted",
    ];
    const csv = tableToCsv(
      table(
        cells.map((c) => [c]),
        ['text'],
      ),
    );
    const parsed = parseCsv(body(csv), ',')
      .slice(1)
      .map((r) => r[0]);
    expect(parsed).toEqual([
      `'=HYPERLINK("http://x")`,
      "'+33 1 23",
      "'-2",
      "'@SUM(A1)",
      "'\t=1",
      "'\r=1",
      'a=b',
      ' =1',
      "'quoted",
    ]);
    // Numbers are numbers, negative ones included: nothing to defuse.
    expect(body(tableToCsv(table([[-2]], ['number']))).split('\r\n')[1]).toBe('-2');
    // Labels too.
    const labelled: ExportTable = {
      name: 'x',
      columns: [{ key: 'a', label: '=cmd', kind: 'text' }],
      rows: [],
    };
    expect(body(tableToCsv(labelled))).toBe("'=cmd\r\n");
  });

  it("writes the decimal comma with ';', and refuses it with ','", () => {
    const t = table([
      ['a', 1.5, 0.61],
      ['b', -1234.25, 1],
    ]);
    expect(
      body(tableToCsv(t, { separator: ';', decimal: ',' }))
        .split('\r\n')
        .slice(1, -1),
    ).toEqual(['a;1,5;0,61', 'b;-1234,25;1']);
    expect(() => tableToCsv(t, { decimal: ',' })).toThrow(RangeError);
    expect(() => tableToCsv(t, { separator: ',', decimal: ',' })).toThrow(/separator/);
  });

  it('refuses a row whose width differs from the columns', () => {
    expect(() => tableToCsv(table([['a', 1]]))).toThrow(/row 1 has 2 cells for 3 columns/);
  });

  it('parses back to the same cells, whatever they hold (property)', () => {
    const text = fc.string({
      unit: fc.constantFrom(
        'a',
        'é',
        ' ',
        ',',
        ';',
        '"',
        '\r',
        '\n',
        '=',
        '-',
        '+',
        '@',
        '\t',
        "'",
        '😀',
      ),
    });
    const cell = fc.oneof(text, fc.double(), fc.integer(), fc.constant(null));
    const options = fc.constantFrom(
      { separator: ',' as const, decimal: '.' as const },
      { separator: ';' as const, decimal: '.' as const },
      { separator: ';' as const, decimal: ',' as const },
    );
    const shape = fc.integer({ min: 1, max: 5 }).chain((width) =>
      fc.record({
        labels: fc.array(text, { minLength: width, maxLength: width }),
        rows: fc.array(fc.array(cell, { minLength: width, maxLength: width }), { maxLength: 8 }),
      }),
    );
    fc.assert(
      fc.property(shape, options, ({ labels, rows }, opts) => {
        const t: ExportTable = {
          name: 'p',
          columns: labels.map((label, i) => ({ key: `c${i}`, label, kind: 'text' })),
          rows,
        };
        // What each cell must read as: the text (apostrophe before a formula start), the number
        // in shortest form with the chosen decimal mark, nothing for null and non-finite numbers.
        const expected = (c: string | number | null): string =>
          c === null
            ? ''
            : typeof c === 'number'
              ? Number.isFinite(c)
                ? String(c).replace('.', opts.decimal)
                : ''
              : /^[=+\-@\t\r]/.test(c)
                ? `'${c}`
                : c;
        const parsed = parseCsv(body(tableToCsv(t, opts)), opts.separator);
        expect(parsed).toEqual([labels.map(expected), ...rows.map((r) => r.map(expected))]);
        // And every number reads back as the same number.
        rows.forEach((r, i) =>
          r.forEach((c, j) => {
            if (typeof c === 'number' && Number.isFinite(c)) {
              expect(Number(parsed[i + 1]![j]!.replace(',', '.'))).toBe(c === 0 ? 0 : c);
            }
          }),
        );
      }),
      { numRuns: 300 },
    );
  });
});
