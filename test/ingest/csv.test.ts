import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { csvCell, CsvTokenizer, parseCsv } from '../../src/ingest/csv.ts';

describe('parseCsv', () => {
  it('detects the separator from the header and strips a BOM', () => {
    const semi = parseCsv('\ufeffa;b;c\n1;2,5;3\n');
    expect(semi.separator).toBe(';');
    expect(semi.columns).toEqual(['a', 'b', 'c']);
    expect(semi.rows).toEqual([['1', '2,5', '3']]);
    const comma = parseCsv('a,b\n1,2\n');
    expect(comma.separator).toBe(',');
    expect(comma.rows).toEqual([['1', '2']]);
  });

  it('reads RFC-4180 quoting: separators, doubled quotes and line breaks inside quotes', () => {
    const t = parseCsv(
      'id,label,n\r\n1,"a,b",2\r\n2,"say ""hi""",3\r\n3,"two\nlines",4\r\n4,  "  kept  "  ,5\r\n',
    );
    expect(t.rows).toEqual([
      ['1', 'a,b', '2'],
      ['2', 'say "hi"', '3'],
      ['3', 'two\nlines', '4'],
      ['4', '  kept  ', '5'],
    ]);
    expect(t.lines).toEqual([2, 3, 4, 6]);
    expect(t.issues).toEqual([]);
  });

  it('trims unquoted cells and keeps empty ones', () => {
    const t = parseCsv('a,b,c\n x ,,\t\n');
    expect(t.rows).toEqual([['x', '', '']]);
  });

  it('ignores blank trailing lines, warns about blank lines between records', () => {
    const t = parseCsv('a,b\n1,2\n\n,\n3,4\n\n\n  \n');
    expect(t.rows).toEqual([
      ['1', '2'],
      ['3', '4'],
    ]);
    expect(t.lines).toEqual([2, 5]);
    expect(t.issues.map((i) => [i.code, i.severity, i.line])).toEqual([
      ['blank-line', 'warning', 3],
      ['blank-line', 'warning', 4],
    ]);
  });

  it('reports a row with the wrong number of cells, on its line', () => {
    const t = parseCsv('a,b,c\n1,2,3\n1,2\n1,2,3,4\n"x\ny",2,3\n');
    expect(t.rows).toEqual([
      ['1', '2', '3'],
      ['x\ny', '2', '3'],
    ]);
    expect(t.issues.map((i) => [i.code, i.line, i.message])).toEqual([
      ['cell-count', 3, 'line has 2 cells, the header has 3'],
      ['cell-count', 4, 'line has 4 cells, the header has 3'],
    ]);
  });

  it('reports a quote never closed, and text after a closing quote', () => {
    const open = parseCsv('a,b\n1,2\n3,"never closed\n4,5\n');
    expect(open.rows).toEqual([['1', '2']]);
    expect(open.issues.map((i) => [i.code, i.severity, i.line, i.column])).toEqual([
      ['unclosed-quote', 'error', 3, 'b'],
    ]);
    const stray = parseCsv('a,b\n"x"y,2\n');
    expect(stray.rows).toEqual([['xy', '2']]);
    expect(stray.issues.map((i) => [i.code, i.severity, i.line])).toEqual([
      ['stray-quote', 'warning', 2],
    ]);
  });

  it('reports an empty file', () => {
    expect(parseCsv('\n\n', 'x.csv').issues.map((i) => [i.code, i.file, i.line])).toEqual([
      ['empty-file', 'x.csv', 1],
    ]);
  });

  it('keeps a quote inside an unquoted cell as text', () => {
    expect(parseCsv('a,b\n12" screen,2\n').rows).toEqual([['12" screen', '2']]);
  });
});

describe('CsvTokenizer', () => {
  it('stops after the header when the header handler refuses the file', () => {
    const rows: string[] = [];
    const t = new CsvTokenizer('x.csv', {
      header: () => false,
      record: (r) => rows.push(r.cell(0)),
      issue: () => undefined,
    });
    t.push('a,b\n1,2\n');
    t.push('3,4\n');
    t.end();
    expect(t.stopped).toBe(true);
    expect(rows).toEqual([]);
    expect(t.records).toBe(0);
  });

  it('gives the same records and lines however the text is cut into chunks', () => {
    const cell = fc.oneof(
      fc.string({ maxLength: 6 }),
      fc.constantFrom('"', '""', ';', ',', '\n', '\r\n', 'a\rb', ' x ', '\t', ''),
    );
    const table = fc.array(fc.array(cell, { minLength: 3, maxLength: 3 }), { maxLength: 8 });
    fc.assert(
      fc.property(
        table,
        fc.constantFrom<',' | ';'>(',', ';'),
        fc.array(fc.nat(), { maxLength: 6 }),
        fc.boolean(),
        (rows, sep, cuts, crlf) => {
          const eol = crlf ? '\r\n' : '\n';
          const text =
            ['h1', 'h2', 'h3'].join(sep) +
            eol +
            rows.map((r) => r.map((v) => csvCell(v, sep)).join(sep) + eol).join('');
          const whole = parseCsv(text);
          const points = [...new Set(cuts.map((c) => c % (text.length + 1)))].sort((a, b) => a - b);
          const pieces: string[] = [];
          let from = 0;
          for (const p of points) {
            pieces.push(text.slice(from, p));
            from = p;
          }
          pieces.push(text.slice(from));
          const got: string[][] = [];
          const lines: number[] = [];
          const t = new CsvTokenizer('x.csv', {
            header: () => undefined,
            record: (r) => {
              got.push([r.cell(0), r.cell(1), r.cell(2)]);
              lines.push(r.line);
            },
            issue: () => undefined,
          });
          for (const piece of pieces) t.push(piece);
          t.end();
          expect(got).toEqual(whole.rows);
          expect(lines).toEqual(whole.lines);
          // Every written value comes back exactly, except rows of empty cells (blank lines, skipped).
          expect(whole.rows).toEqual(rows.filter((r) => r.some((v) => v !== '')));
          expect(whole.issues.filter((i) => i.severity === 'error')).toEqual([]);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('csvCell', () => {
  it('quotes only what needs it', () => {
    expect(csvCell('abc', ',')).toBe('abc');
    expect(csvCell('a;b', ',')).toBe('a;b');
    expect(csvCell('a;b', ';')).toBe('"a;b"');
    expect(csvCell('say "hi"', ',')).toBe('"say ""hi"""');
    expect(csvCell(' pad', ',')).toBe('" pad"');
    expect(csvCell('two\nlines', ',')).toBe('"two\nlines"');
    expect(csvCell('', ',')).toBe('');
  });
});
