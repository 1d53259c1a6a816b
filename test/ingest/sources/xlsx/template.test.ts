// The blank template: its sheets, headers, help and drop-down lists; filled, it reads back as a
// kit; the CLI writes it; the adapter detects and reads it.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, describe, expect, it } from 'vitest';
import { KIT_CSV_FILES } from '../../../../src/ingest/kit/kit-files.ts';
import {
  kitTemplateXlsx,
  readKitWorkbook,
  xlsxAdapter,
} from '../../../../src/ingest/sources/xlsx/index.ts';
import type { TemplateOptions } from '../../../../src/ingest/sources/xlsx/template.ts';
import { templateColumns } from '../../../../src/ingest/sources/xlsx/template.ts';
import { runCli } from '../../../helpers/run-cli.ts';

function parts(bytes: Uint8Array): Record<string, string> {
  return Object.fromEntries(Object.entries(unzipSync(bytes)).map(([k, v]) => [k, strFromU8(v)]));
}

const FILLED: TemplateOptions = {
  lang: 'en',
  campaign: {
    id: 'tpl',
    name: 'Template test',
    start: { dateTime: '2010-03-01' },
    days: 28,
    timeZone: 'Europe/Paris',
  },
  rows: {
    'establishments.csv': [['010000024', 'CH Bourg', 'CH', 'ARA', '01']],
    'equipment.csv': [
      ['CT-1', '010000024', 'CT', 'Scanner', 2006, 'general'],
      ['MR-1', '010000024', 'MR', null, null, null],
    ],
    'sessions.csv': [
      [
        'CT-1',
        { dateTime: '2010-03-01T08:00' },
        { dateTime: '2010-03-01T13:00' },
        'PUBLIC_SCHEDULED',
      ],
    ],
    'exams.csv': [
      [
        'E1',
        'CT-1',
        'A',
        { dateTime: '2010-03-01T08:30' },
        { dateTime: '2010-03-01T08:50' },
        'ZCQH001',
        null,
        null,
        null,
        20,
        '65-79',
      ],
      ['E2', 'MR-1', 'H', '2010-03-01 10:00', '2010-03-01 10:40', null, 90],
    ],
    'acts.csv': [['ZCQH001', 'CT abdomen', 75]],
    'appointment-survey.csv': [['010000024', 'CT', 'CT_BRAIN_80F', 'outpatient', 12]],
  },
};

describe('kitTemplateXlsx', () => {
  it('has a README, the campaign and one sheet per kit file with its exact header', () => {
    const p = parts(kitTemplateXlsx({ lang: 'fr' }));
    const names = [...p['xl/workbook.xml']!.matchAll(/<sheet name="([^"]+)"/g)].map((m) => m[1]);
    expect(names).toEqual([
      'Lisez-moi',
      'campaign',
      'establishments',
      'equipment',
      'sessions',
      'exams',
      'acts',
      'appointment-survey',
    ]);
    KIT_CSV_FILES.forEach((spec, i) => {
      const sheet = p[`xl/worksheets/sheet${i + 3}.xml`]!;
      const header = [
        ...(/<row r="1">(.*?)<\/row>/.exec(sheet)?.[1] ?? '').matchAll(/<t>([^<]*)<\/t>/g),
      ].map((m) => m[1]);
      expect(header).toEqual(templateColumns(spec));
      expect([...header].sort()).toEqual(spec.columns.map((c) => c.name).sort());
    });
  });

  it('offers drop-down lists on enumerated columns and help on every column', () => {
    const p = parts(kitTemplateXlsx({ lang: 'en' }));
    const exams = p['xl/worksheets/sheet6.xml']!;
    expect(exams).toContain('<dataValidation type="list"');
    expect(exams).toContain('sqref="C2:C1048576"><formula1>"A,H,R,U"</formula1>');
    expect(exams).toContain('sqref="K2:K1048576"><formula1>"0-17,18-64,65-79,80+"</formula1>');
    expect((exams.match(/<dataValidation /g) ?? []).length).toBe(12);
    expect(exams).toMatch(/promptTitle="room_in" prompt="Into the room\. Site/);
    const sessions = p['xl/worksheets/sheet5.xml']!;
    expect(sessions).toContain('PUBLIC_SCHEDULED,PUBLIC_UNSCHEDULED');
    expect(p['xl/worksheets/sheet4.xml']).toContain('"CT,MR"');
    expect(p['xl/worksheets/sheet8.xml']).toContain('"outpatient,inpatient"');
    expect(p['xl/worksheets/sheet8.xml']).toContain('CT_ABDO_PELVIS_70M,');
    expect(p['xl/worksheets/sheet3.xml']).toContain('"CH,CHU,CHU_APHP');
    for (const prompt of Object.values(p).flatMap((x) =>
      [...x.matchAll(/prompt="([^"]*)"/g)].map((m) => m[1] ?? ''),
    ))
      expect(prompt.length).toBeLessThanOrEqual(255);
    expect(parts(kitTemplateXlsx({ lang: 'fr' }))['xl/worksheets/sheet6.xml']).toContain(
      'Entrée en salle',
    );
  });

  it('read back blank, asks only for the campaign values', () => {
    const { kit, issues } = readKitWorkbook('blank.xlsx', kitTemplateXlsx({ lang: 'fr' }));
    expect(kit).toBeNull();
    expect(issues.map((i) => `${i.file}:${i.line}:${i.column}`)).toEqual([
      'blank.xlsx#campaign:2:B',
      'blank.xlsx#campaign:3:B',
      'blank.xlsx#campaign:4:B',
      'blank.xlsx#campaign:5:B',
      'blank.xlsx#campaign:6:B',
    ]);
  });

  it('filled with a few rows, reads back as a kit', () => {
    const { kit, issues } = readKitWorkbook('filled.xlsx', kitTemplateXlsx(FILLED));
    expect(issues.filter((i) => i.severity !== 'info')).toEqual([]);
    expect(kit?.campaign).toEqual({
      id: 'tpl',
      name: 'Template test',
      start: '2010-03-01',
      days: 28,
      timeZone: 'Europe/Paris',
    });
    expect(kit?.establishments[0]).toMatchObject({ finess: '010000024', department: '01' });
    expect(kit?.equipment.map((e) => e.equipmentId)).toEqual(['CT-1', 'MR-1']);
    expect(kit?.sessions).toHaveLength(1);
    expect(kit?.exams.map((e) => [e.examId, e.icr, e.scheduledMinutes, e.ageBand])).toEqual([
      ['E1', null, 20, '65-79'],
      ['E2', 90, null, null],
    ]);
    expect(new Date(kit?.exams[0]?.roomIn as number).toISOString()).toBe(
      '2010-03-01T07:30:00.000Z',
    );
    expect(kit?.acts).toEqual([{ code: 'ZCQH001', label: 'CT abdomen', icr: 75 }]);
    expect(kit?.survey).toHaveLength(1);
  });

  it('throws on a pre-filled date that is not one', () => {
    expect(() =>
      kitTemplateXlsx({
        lang: 'en',
        rows: { 'exams.csv': [['E', 'C', 'A', { dateTime: 'soon' }]] },
      }),
    ).toThrow(RangeError);
  });
});

describe('xlsxAdapter', () => {
  it('detects workbooks only', () => {
    expect(xlsxAdapter.detect({ name: 'k.xlsx', bytes: kitTemplateXlsx({ lang: 'en' }) })).toBe(
      true,
    );
    expect(
      xlsxAdapter.detect({ name: 'k.xlsx', bytes: new TextEncoder().encode('MSH|^~\\&|') }),
    ).toBe(false);
    expect(
      xlsxAdapter.detect({
        name: 'k.zip',
        bytes: new Uint8Array([0x50, 0x4b, 3, 4, ...new Array<number>(40).fill(0)]),
      }),
    ).toBe(false);
  });

  it('reads records from good workbooks and only issues from bad ones', async () => {
    const context = {
      mapping: {
        finess: '010000024',
        timeZone: 'Europe/Paris',
        equipment: [],
        categories: [],
        acts: [],
      },
      secret: 's',
    };
    const { records, issues } = await xlsxAdapter.read(
      [
        { name: 'good.xlsx', bytes: kitTemplateXlsx(FILLED) },
        { name: 'bad.xlsx', bytes: kitTemplateXlsx({ lang: 'en' }) },
      ],
      context,
    );
    expect(records.exams).toHaveLength(2);
    expect(records.equipment).toHaveLength(2);
    expect(records.removed).toEqual({});
    expect(issues.every((i) => i.file.startsWith('bad.xlsx#'))).toBe(true);
    expect(issues.length).toBeGreaterThan(0);
  });
});

describe('plateau template', () => {
  const dir = mkdtempSync(join(tmpdir(), 'plateau-template-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('writes the workbook, refuses to overwrite without --force, and checks its options', async () => {
    const out = join(dir, 'kit.xlsx');
    const run = await runCli(['template', '--xlsx', out, '--lang', 'en']);
    expect(run.code).toBe(0);
    expect(readFileSync(out)).toEqual(Buffer.from(kitTemplateXlsx({ lang: 'en' })));
    expect((await runCli(['template', '--xlsx', out])).code).toBe(1);
    expect((await runCli(['template', '--xlsx', out, '--force'])).code).toBe(0);
    expect(readFileSync(out)).toEqual(Buffer.from(kitTemplateXlsx({ lang: 'fr' })));
    expect((await runCli(['template', '--lang', 'de', '--xlsx', join(dir, 'x.xlsx')])).code).toBe(
      2,
    );
    expect((await runCli(['template'])).code).toBe(2);
  });
});
