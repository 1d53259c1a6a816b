// equipment-register.csv (planning.md §1) through the kit reader: good rows become RegisterMachine
// records (départements normalised, blanks null), every refused cell is located by line and
// column and refuses the whole kit, a register read on its own is checked against a stored
// campaign's machines, and what writeKitDir writes reads back the same.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Issue } from '../../../src/core/issues.ts';
import type { Equipment, Kit, RegisterMachine } from '../../../src/core/kit-types.ts';
import { issueWords } from '../../../src/i18n/issues/index.ts';
import { parseKit } from '../../../src/ingest/kit/parse-kit.ts';
import { readKitDir } from '../../../src/ingest/kit/read-kit.ts';
import { isRegisterHeader, readRegisterFile } from '../../../src/ingest/kit/register-file.ts';
import { createKitWriter, writeKitDir } from '../../../src/ingest/kit/write-kit.ts';

const CAMPAIGN = {
  id: 'reg-2010',
  name: 'Register test',
  start: '2010-03-01',
  days: 28,
  timeZone: 'Europe/Paris',
};
const HEADER =
  'finess,department,modality,sector,authorisation_id,authorised_on,in_service_on,installed_year,field_tesla,equipment_id';

/** A tiny kit (two machines, no activity) with `register` as its equipment-register.csv. */
function kitFiles(register?: string): Map<string, string> {
  const files = new Map<string, string>([
    ['campaign.json', JSON.stringify(CAMPAIGN)],
    [
      'establishments.csv',
      'finess,name,legal_status,region,department\n590000001,CH Nord,CH,32,59\n',
    ],
    ['equipment.csv', 'equipment_id,finess,modality\nCT-1,590000001,CT\nMR-1,590000001,MR\n'],
    ['sessions.csv', 'equipment_id,start,end,type\n'],
    ['exams.csv', 'exam_id,equipment_id,category,room_in,room_out\n'],
  ]);
  if (register !== undefined) files.set('equipment-register.csv', register);
  return files;
}

const machine = (
  m: Partial<RegisterMachine> & Pick<RegisterMachine, 'finess' | 'department' | 'modality'>,
): RegisterMachine => ({
  sector: 'hospital',
  authorisationId: null,
  authorisedOn: null,
  inServiceOn: null,
  installedYear: null,
  fieldTesla: null,
  equipmentId: null,
  origin: 'register',
  ...m,
});

/** Issues as `line:column key` (severity when not an error), easy to compare with a hand-made list. */
const placed = (issues: readonly Issue[]): string[] =>
  issues
    .filter((i) => i.file === 'equipment-register.csv')
    .map(
      (i) =>
        `${i.line}:${i.column} ${i.text?.key}${i.severity === 'error' ? '' : ` (${i.severity})`}`,
    );

describe('equipment-register.csv in a kit', () => {
  it('reads good rows: départements as INSEE writes them, blanks null, origin register', () => {
    const { kit, issues, files } = parseKit(
      kitFiles(
        `${HEADER}\n` +
          '590000001,59,CT,hospital,59-123,2005-04-01,2005-09-15,2012,,CT-1\n' +
          '590000001,59,MR,hospital,,,,2009,1.5,MR-1\n' +
          '2A0000002,2a,MR,private_practice,,2001-01-31,,,3,\n' +
          '970000003,9A,CT,private_practice,,,,,,\n' +
          '010000004,1,CT,hospital,,,,1950,,\n',
      ).set('campaign.json', JSON.stringify({ ...CAMPAIGN, start: '2012-03-01' })),
    );
    expect(issues.filter((i) => i.severity !== 'info')).toEqual([]);
    expect(kit?.register).toEqual([
      machine({
        finess: '590000001',
        department: '59',
        modality: 'CT',
        authorisationId: '59-123',
        authorisedOn: '2005-04-01',
        inServiceOn: '2005-09-15',
        installedYear: 2012,
        equipmentId: 'CT-1',
      }),
      machine({
        finess: '590000001',
        department: '59',
        modality: 'MR',
        installedYear: 2009,
        fieldTesla: 1.5,
        equipmentId: 'MR-1',
      }),
      machine({
        finess: '2A0000002',
        department: '2A',
        modality: 'MR',
        sector: 'private_practice',
        authorisedOn: '2001-01-31',
        fieldTesla: 3,
      }),
      machine({
        finess: '970000003',
        department: '971',
        modality: 'CT',
        sector: 'private_practice',
      }),
      machine({ finess: '010000004', department: '01', modality: 'CT', installedYear: 1950 }),
    ]);
    expect(files.find((f) => f.name === 'equipment-register.csv')).toEqual({
      name: 'equipment-register.csv',
      rows: 5,
      unknownColumns: [],
    });
  });

  it('is optional: no file gives no register, a header alone an empty one', () => {
    const without = parseKit(kitFiles());
    expect(without.kit).not.toBeNull();
    expect(without.kit).not.toHaveProperty('register');
    expect(parseKit(kitFiles(`${HEADER}\n`)).kit?.register).toEqual([]);
  });

  it('locates every refused cell by line and column, and refuses the whole kit', () => {
    const rows = [
      '59000001,59,CT,hospital,,,,,,', // 2: 8 digits, a dropped leading zero
      '590000001,20,CT,hospital,,,,,,', // 3: 20 is no longer a département
      '590000001,59,IRM,hospital,,,,,,', // 4
      '590000001,59,CT,public,,,,,,', // 5
      '590000001,59,CT,hospital,,2008-02-30,,,,', // 6: no such day
      '590000001,59,CT,hospital,,,15/06/2008,,,', // 7
      '590000001,59,CT,hospital,,,,1949,,', // 8
      '590000001,59,CT,hospital,,,,2011,,', // 9: after the campaign's year
      '590000001,59,MR,hospital,,,,,0,', // 10
      '590000001,59,MR,hospital,,,,,12,', // 11
      '590000001,59,CT,hospital,,,,,1.5,', // 12: a field strength on a CT
      '590000001,59,CT,hospital,,,,,,XX', // 13
      '590000001,59,MR,hospital,,,,,,CT-1', // 14: CT-1 is a CT
      '590000001,59,MR,hospital,,,,,,MR-1', // 15
      '590000001,59,MR,hospital,,,,,,MR-1', // 16: named twice
      '590000001,,CT,,,,,,,', // 17
      '590000001,59,CT,hospital,,,,2008.5,,', // 18
    ];
    const { kit, issues } = parseKit(kitFiles(`${HEADER}\n${rows.join('\n')}\n`));
    expect(kit).toBeNull();
    expect(placed(issues)).toEqual([
      '2:finess invalid-finess.leading-zero',
      '3:department register-department',
      '4:modality invalid-value',
      '5:sector invalid-value',
      '6:authorised_on register-date',
      '7:in_service_on register-date',
      '8:installed_year out-of-range.at-least',
      '9:installed_year out-of-range.register-year',
      '10:field_tesla out-of-range.not-above',
      '11:field_tesla out-of-range.field-tesla',
      '12:field_tesla register-field-tesla',
      '13:equipment_id unknown-reference.equipment',
      '14:equipment_id register-modality',
      '16:equipment_id duplicate-key.register-equipment',
      '17:department required',
      '17:sector required',
      '18:installed_year invalid-number.not-whole',
    ]);
    const byLine = (line: number): Issue =>
      issues.find((i) => i.file === 'equipment-register.csv' && i.line === line)!;
    expect(byLine(3).message).toBe('department "20" is not a French département code');
    expect(byLine(9).message).toBe("installed_year 2011 is after the campaign's year, 2010");
    expect(byLine(14).message).toBe(
      'equipment_id CT-1 is CT in equipment.csv, and this row says MR',
    );
    expect(byLine(16).message).toBe('equipment_id MR-1 is already named on line 15');
    // Every issue has its words in both languages, all parameters filled.
    for (const issue of issues) {
      const fr = issueWords(issue, 'fr');
      expect(fr.translated, issue.message).toBe(true);
      expect(fr.message, issue.message).not.toBe(issue.message);
      expect(`${fr.message} ${fr.hint}`, issue.message).not.toMatch(/\{\w+\}/);
    }
  });

  it('warns of a machine put into service before its authorisation, and keeps unknown columns aside', () => {
    const { kit, issues, files } = parseKit(
      kitFiles(
        'finess,department,modality,sector,authorised_on,in_service_on,brand\n590000001,59,CT,hospital,2008-06-01,2008-05-31,GE\n',
      ),
    );
    expect(placed(issues)).toEqual([
      '1:brand unknown-column (warning)',
      '2:in_service_on register-service-date (warning)',
    ]);
    expect(issues.find((i) => i.code === 'register-service-date')?.message).toBe(
      'in_service_on 2008-05-31 is before authorised_on 2008-06-01',
    );
    expect(kit?.register).toEqual([
      machine({
        finess: '590000001',
        department: '59',
        modality: 'CT',
        authorisedOn: '2008-06-01',
        inServiceOn: '2008-05-31',
      }),
    ]);
    expect(files.find((f) => f.name === 'equipment-register.csv')?.unknownColumns).toEqual([
      'brand',
    ]);
  });

  it('refuses a header without a required column, and reads ";" files', () => {
    const missing = parseKit(kitFiles('finess,department,modality\n590000001,59,CT\n'));
    expect(missing.kit).toBeNull();
    expect(placed(missing.issues)).toEqual(['1:sector missing-column']);
    const semicolon = parseKit(
      kitFiles('finess;department;modality;sector;field_tesla\n590000001;59;MR;hospital;1,5\n'),
    );
    expect(semicolon.kit?.register?.[0]?.fieldTesla).toBe(1.5);
  });
});

describe('a register read on its own', () => {
  const equipment: Equipment[] = [
    {
      equipmentId: 'CT-1',
      finess: '590000001',
      modality: 'CT',
      label: null,
      installedYear: null,
      role: 'general',
    },
  ];
  const context = { campaign: CAMPAIGN, equipment };

  it('is recognised by its header', () => {
    expect(isRegisterHeader(`\ufeff${HEADER}\r\n590000001,59,CT,hospital`)).toBe(true);
    expect(isRegisterHeader('"Finess";"Department";"Modality";"Sector"\n')).toBe(true);
    expect(isRegisterHeader('finess,department,modality\n')).toBe(false);
    expect(isRegisterHeader('exam_id,equipment_id,category,room_in,room_out\n')).toBe(false);
  });

  it('checks equipment_id against the stored campaign, issues in the given file', () => {
    const good = readRegisterFile(
      'hdf.csv',
      `${HEADER}\n590000001,59,CT,hospital,,,,,,CT-1\n620000001,62,MR,private_practice,,,,,,\n`,
      context,
    );
    expect(good.issues).toEqual([]);
    expect(good.rows).toEqual([
      machine({ finess: '590000001', department: '59', modality: 'CT', equipmentId: 'CT-1' }),
      machine({
        finess: '620000001',
        department: '62',
        modality: 'MR',
        sector: 'private_practice',
      }),
    ]);
    const bad = readRegisterFile(
      'hdf.csv',
      `${HEADER}\n590000001,59,CT,hospital,,,,,,CT-9\n590000001,59,MR,hospital,,,,,,CT-1\n`,
      context,
    );
    expect(bad.rows).toBeNull();
    expect(bad.issues.map((i) => `${i.file}:${i.line}:${i.column} ${i.text?.key}`)).toEqual([
      'hdf.csv:2:equipment_id unknown-reference.register-campaign',
      'hdf.csv:3:equipment_id register-modality.campaign',
    ]);
    expect(bad.issues[0]?.message).toBe(
      'equipment_id CT-9 is not a machine of the stored campaign reg-2010',
    );
    expect(issueWords(bad.issues[1]!, 'fr').message).toBe(
      'equipment_id CT-1 est CT dans la campagne enregistrée reg-2010, et cette ligne dit MR',
    );
  });
});

describe('writing equipment-register.csv', () => {
  const dirs: string[] = [];
  afterAll(async () => Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true }))));
  const tempDir = async (): Promise<string> => {
    const dir = await mkdtemp(join(tmpdir(), 'plateau-register-'));
    dirs.push(dir);
    return dir;
  };
  const register: RegisterMachine[] = [
    machine({
      finess: '590000001',
      department: '59',
      modality: 'CT',
      authorisationId: 'A, "1"',
      authorisedOn: '2005-04-01',
      inServiceOn: '2005-09-15',
      installedYear: 2009,
      equipmentId: 'CT-1',
    }),
    machine({
      finess: '2A0000002',
      department: '2A',
      modality: 'MR',
      sector: 'private_practice',
      fieldTesla: 1.5,
    }),
  ];
  const kit = (): Kit => {
    const read = parseKit(kitFiles());
    return { ...read.kit!, register };
  };

  it('writes what the reader reads back the same, with "," or ";"', async () => {
    for (const separator of [',', ';'] as const) {
      const dir = await tempDir();
      await writeKitDir(dir, kit(), { separator });
      const text = await readFile(join(dir, 'equipment-register.csv'), 'utf8');
      expect(text.split('\n')[0]).toBe(separator === ',' ? HEADER : HEADER.replaceAll(',', ';'));
      if (separator === ';') expect(text).toContain(';1,5;');
      const read = await readKitDir(dir);
      expect(read.issues.filter((i) => i.severity !== 'info')).toEqual([]);
      expect(read.kit?.register).toEqual(register);
    }
  });

  it('through the streaming writer: writeRegister, an empty fleet as a header, a stale file removed', async () => {
    const dir = await tempDir();
    const writer = createKitWriter(dir, CAMPAIGN);
    await writer.writeRegister([]);
    await writer.close();
    expect(await readFile(join(dir, 'equipment-register.csv'), 'utf8')).toBe(`${HEADER}\n`);
    expect((await readKitDir(dir)).kit?.register).toEqual([]);
    const again = createKitWriter(dir, CAMPAIGN);
    await again.close();
    expect((await readKitDir(dir)).kit).not.toHaveProperty('register');
    const refused = createKitWriter(dir, CAMPAIGN);
    await expect(refused.writeRegister([{ ...register[0]!, sector: null }])).rejects.toThrow(
      /no sector/,
    );
  });
});
