// `plateau indicators --csv` through the one CSV writer (export/csv.ts): a machine's region that
// would run as a formula in a spreadsheet (`=HYPERLINK(…)`) comes out defused by an apostrophe,
// while the numbers stay bare numbers; `references --csv` writes its year and value as numbers.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { csvText } from '../../src/export/csv.ts';
import { generateKit } from '../../src/generate/index.ts';
import { writeKitDir } from '../../src/ingest/kit/write-kit.ts';
import { runCli } from '../helpers/run-cli.ts';

const EVIL = '=HYPERLINK("http://evil.invalid","x")';
let dir = '';

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'plateau-csv-'));
  const kit = generateKit({ seed: 3, machines: 20, days: 7 });
  const finess = kit.establishments[0]!.finess;
  const establishments = kit.establishments.map((e) =>
    e.finess === finess ? { ...e, region: EVIL } : e,
  );
  await writeKitDir(dir, { ...kit, establishments });
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('one CSV writer', () => {
  it('defuses a formula in a machine region from plateau indicators --csv, and keeps numbers numbers', async () => {
    const r = await runCli(['indicators', dir, '--csv']);
    expect(r.code, r.stderr).toBe(0);
    const lines = r.stdout.trimEnd().split('\n');
    const header = lines[0]!.split(',');
    const region = header.indexOf('region');
    const hours = header.indexOf('programmed_h_week');
    // The quoted, defused cell: the apostrophe first, inner quotes doubled (RFC 4180).
    const defused = `"'=HYPERLINK(""http://evil.invalid"",""x"")"`;
    const evilRows = lines.filter((l) => l.includes(defused));
    expect(evilRows.length).toBeGreaterThan(0);
    expect(r.stdout).not.toMatch(/(^|,)=HYPERLINK/m);
    const plain = lines.slice(1).filter((l) => !l.includes('"'));
    expect(plain.length).toBeGreaterThan(0);
    for (const line of plain) {
      const cells = line.split(',');
      expect(cells[region]).not.toMatch(/^'/);
      expect(cells[hours]).toMatch(/^(\d+(\.\d+)?)?$/);
    }
  });
  it('writes a negative number as a number and defuses only text', () => {
    const text = csvText(['a', 'b', 'c', 'd'], [[-3.5, '-3.5', '+33 1 23', '@SUM(A1)']], {
      bom: false,
      lineEnd: '\n',
    });
    expect(text).toBe("a,b,c,d\n-3.5,'-3.5,'+33 1 23,'@SUM(A1)\n");
  });
  it('keeps the byte order mark and CRLF of spreadsheet exports by default', () => {
    expect(csvText(['x'], [[null], [Number.NaN], ['=1']])).toBe("\uFEFFx\r\n\r\n\r\n'=1\r\n");
  });
});
