// `plateau import BOOK.xlsx`: a data kit kept as one workbook (as `plateau template` writes it)
// is imported like a kit folder; a workbook with errors stores nothing and says where they are.
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { kitTemplateXlsx } from '../../src/ingest/sources/xlsx/index.ts';
import { filledKitWorkbook } from '../helpers/kit-workbook.ts';
import { runCli } from '../helpers/run-cli.ts';

const tmp = mkdtempSync(join(tmpdir(), 'plateau-import-xlsx-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const FILLED = filledKitWorkbook();

describe('plateau import BOOK.xlsx', () => {
  it('imports a filled workbook as a kit, then reads its indicators from the store', async () => {
    const book = join(tmp, 'book.xlsx');
    writeFileSync(book, FILLED);
    const data = join(tmp, 'store-ok');
    const imported = await runCli(['import', book, '--data', data]);
    expect(imported.code, imported.stderr).toBe(0);
    expect(imported.stdout).toContain('book');
    const shown = await runCli(['indicators', '--json', '--data', data]);
    expect(shown.code, shown.stderr).toBe(0);
    const doc = JSON.parse(shown.stdout) as { machines: { equipmentId: string; exams: number }[] };
    expect(doc.machines.map((m) => [m.equipmentId, m.exams])).toEqual([['CT-1', 2]]);
  });

  it('refuses a blank workbook with located errors and stores nothing', async () => {
    const blank = join(tmp, 'blank.xlsx');
    writeFileSync(blank, kitTemplateXlsx({ lang: 'en' }));
    const data = join(tmp, 'store-blank');
    const r = await runCli(['import', blank, '--data', data]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('blank.xlsx#campaign:2:B');
    expect(r.stderr).toContain('nothing was computed or stored');
    // Refused before the store was opened: not even an empty store was made.
    expect(existsSync(data)).toBe(false);
    const listed = await runCli(['indicators', '--data', data]);
    expect(listed.code).toBe(1);
    expect(listed.stderr).toContain('there is no plateau store in');
    expect(existsSync(data)).toBe(false);
  });
});
