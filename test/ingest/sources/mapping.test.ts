import { describe, expect, it } from 'vitest';
import {
  ccamFor,
  categoryFor,
  equipmentFor,
  parseMapping,
} from '../../../src/ingest/sources/mapping.ts';

const GOOD = [
  'kind,key,value,target',
  'site,finess,,620454421',
  'site,time_zone,,Europe/Paris',
  'site,name,,CH de Lens',
  'site,legal_status,,CH',
  'site,region,,Hauts-de-France',
  'equipment,station,CTSCAN1,CT-LENS-1',
  'equipment,ae_title,CT1_AE,CT-LENS-1',
  'equipment,serial,12345,IRM-LENS-1',
  'equipment,location,SALLE2,IRM-LENS-1',
  'equipment,modality,MR,IRM-LENS-1',
  'equipment,installed_year,2019,IRM-LENS-1',
  'category,unit,REA1,R',
  'category,patient_class,E,U',
  'category,patient_class,I,H',
  'act,local_code,SCAN-THORAX,ZBQK002',
  '',
].join('\n');

describe('parseMapping', () => {
  it('reads every kind of row', () => {
    const { mapping, issues } = parseMapping('mapping.csv', GOOD);
    expect(issues).toEqual([]);
    expect(mapping).not.toBeNull();
    expect(mapping!.finess).toBe('620454421');
    expect(mapping!.timeZone).toBe('Europe/Paris');
    expect(mapping!.establishment).toEqual({
      finess: '620454421',
      name: 'CH de Lens',
      legalStatus: 'CH',
      region: 'Hauts-de-France',
      department: null,
    });
    expect(mapping!.equipment).toEqual([
      { station: 'CTSCAN1', equipmentId: 'CT-LENS-1' },
      { aeTitle: 'CT1_AE', equipmentId: 'CT-LENS-1' },
      { serial: '12345', equipmentId: 'IRM-LENS-1' },
      { location: 'SALLE2', equipmentId: 'IRM-LENS-1' },
    ]);
    expect(mapping!.machines.get('IRM-LENS-1')).toEqual({ modality: 'MR', installedYear: 2019 });
    expect(mapping!.categories[0]).toEqual({ unit: 'REA1', category: 'R' });
    expect(mapping!.acts).toEqual([{ localCode: 'SCAN-THORAX', ccam: 'ZBQK002' }]);
  });

  it('accepts ; separators and no establishment rows', () => {
    const { mapping, issues } = parseMapping(
      'm.csv',
      'kind;key;value;target\nsite;finess;;620454421\nsite;time_zone;;America/Martinique\n',
    );
    expect(issues).toEqual([]);
    expect(mapping?.timeZone).toBe('America/Martinique');
    expect(mapping?.establishment).toBeNull();
  });

  it('locates every problem and gives no mapping', () => {
    const text = [
      'kind,key,value,target',
      'site,time_zone,,Europe/Pariss',
      'room,station,X,Y',
      'category,unit,REA1,Z',
      'equipment,colour,red,CT1',
      'equipment,station,,CT1',
      'act,local_code,SCAN,zbqk2',
    ].join('\n');
    const { mapping, issues } = parseMapping('mapping.csv', text);
    expect(mapping).toBeNull();
    const at = (code: string) => issues.find((i) => i.code === code);
    expect(at('invalid-time-zone')).toMatchObject({
      file: 'mapping.csv',
      line: 2,
      column: 'target',
      severity: 'error',
    });
    expect(at('unknown-kind')).toMatchObject({ line: 3, column: 'kind' });
    expect(at('invalid-category')).toMatchObject({ line: 4, column: 'target' });
    expect(at('unknown-key')).toMatchObject({ line: 5, column: 'key' });
    expect(at('missing-value')).toMatchObject({ line: 6, column: 'value' });
    expect(at('invalid-ccam')).toMatchObject({ line: 7, severity: 'warning' });
    expect(at('missing-finess')).toMatchObject({ severity: 'error', line: null });
    for (const i of issues) expect(i.hint).toBeTruthy();
  });

  it('checks what the mapping says of machines and of the establishment', () => {
    const text =
      'kind,key,value,target\nsite,finess,,620454421\nsite,time_zone,,UTC\nsite,legal_status,,HOSPITAL\nequipment,modality,XR,M1\nequipment,installed_year,19,M1\nequipment,role,spare,M1\nsite,finess,,620454422\n';
    const { mapping, issues } = parseMapping('m.csv', text);
    expect(mapping).toBeNull();
    expect(issues.map((i) => [i.line, i.column, i.code])).toEqual([
      [5, 'value', 'invalid-value'],
      [6, 'value', 'invalid-value'],
      [7, 'value', 'invalid-value'],
      [8, 'key', 'duplicate-key'],
      [4, 'target', 'invalid-value'],
    ]);
  });

  it('refuses a file without the four columns, and a short finess', () => {
    expect(parseMapping('m.csv', 'kind,key,target\nsite,finess,1\n').issues[0]).toMatchObject({
      code: 'missing-column',
      line: 1,
    });
    const short = parseMapping(
      'm.csv',
      'kind,key,value,target\nsite,finess,,62045442\nsite,time_zone,,UTC\n',
    );
    expect(short.mapping).toBeNull();
    expect(short.issues[0]).toMatchObject({ code: 'invalid-finess', line: 2 });
  });
});

describe('lookups', () => {
  const mapping = parseMapping('mapping.csv', GOOD).mapping!;
  it('equipmentFor: first entry whose keys match, trimmed and case-insensitive', () => {
    expect(equipmentFor(mapping, { station: 'ctscan1' })).toBe('CT-LENS-1');
    expect(equipmentFor(mapping, { aeTitle: 'CT1_AE    ' })).toBe('CT-LENS-1');
    expect(equipmentFor(mapping, { serial: '12345', station: 'OTHER' })).toBe('IRM-LENS-1');
    expect(equipmentFor(mapping, { location: 'SALLE9', station: null })).toBeNull();
    expect(equipmentFor(mapping, {})).toBeNull();
  });
  it('categoryFor: the first matching rule wins (unit before class here)', () => {
    expect(categoryFor(mapping, { patientClass: 'I', unit: 'REA1' })).toBe('R');
    expect(categoryFor(mapping, { patientClass: 'I', unit: 'CARDIO' })).toBe('H');
    expect(categoryFor(mapping, { patientClass: 'e' })).toBe('U');
    expect(categoryFor(mapping, { patientClass: 'O' })).toBeNull();
  });
  it('ccamFor', () => {
    expect(ccamFor(mapping, 'scan-thorax')).toBe('ZBQK002');
    expect(ccamFor(mapping, 'IRM-GENOU')).toBeNull();
  });
});
