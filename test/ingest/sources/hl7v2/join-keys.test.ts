// What the HL7 v2 reader keeps for reconciliation and the age band: hashed accessions (IPC-1,
// OBR-18) and study UIDs (IPC-3, ZDS-1), and the age band from PID-7 at the exam's local start
// (the birth date itself is dropped).
import { describe, expect, it } from 'vitest';
import { ZoneClock, naiveMs } from '../../../../src/core/calendar.ts';
import { hl7v2Adapter } from '../../../../src/ingest/sources/hl7v2/index.ts';
import { ageBandAt } from '../../../../src/ingest/sources/hl7v2/exams.ts';
import { pseudonymize } from '../../../../src/ingest/sources/identity.ts';
import type { SiteMapping } from '../../../../src/ingest/sources/types.ts';

const SECRET = 'site-secret';
const h = (v: string): string => pseudonymize(v, SECRET);
const mapping: SiteMapping = {
  finess: '750000001',
  timeZone: 'Europe/Paris',
  equipment: [{ station: 'CT_STATION_1', equipmentId: 'CT-1' }],
  categories: [{ patientClass: 'O', category: 'A' }],
  acts: [{ localCode: 'TDM', ccam: 'ZBQK002' }],
};
const enc = new TextEncoder();
const read = async (...segments: string[]) =>
  hl7v2Adapter.read([{ name: 'm.hl7', bytes: enc.encode(segments.join('\r')) }], {
    mapping,
    secret: SECRET,
  });
const MSH = 'MSH|^~\\&|RIS|CHU|PLATEAU|CHU|20100301070000+0100||OMI^O23|M1|P|2.5';
const pid = (birth: string): string => `PID|1||IPP1^^^CHU^PI||MARTIN^PAUL||${birth}`;

describe('HL7 v2 age band from PID-7', () => {
  it('counts a birthday from local midnight in the site zone', () => {
    const paris = new ZoneClock('Europe/Paris');
    const born = naiveMs(1945, 3, 2);
    // 2010-03-01 23:30 in Paris (22:30Z): still 64.
    expect(ageBandAt(born, Date.parse('2010-03-01T22:30:00Z'), paris)).toBe('18-64');
    // 2010-03-02 00:30 in Paris is 23:30Z on the 1st: 65 already, though the UTC date says otherwise.
    expect(ageBandAt(born, Date.parse('2010-03-01T23:30:00Z'), paris)).toBe('65-79');
    expect(ageBandAt(naiveMs(2010, 6, 1), Date.parse('2010-03-01T10:00:00Z'), paris)).toBeNull();
    expect(ageBandAt(naiveMs(1992, 3, 1), Date.parse('2010-03-01T10:00:00Z'), paris)).toBe('18-64');
    expect(ageBandAt(naiveMs(1992, 3, 2), Date.parse('2010-03-01T10:00:00Z'), paris)).toBe('0-17');
    expect(ageBandAt(naiveMs(1930, 1, 1), Date.parse('2010-03-01T10:00:00Z'), paris)).toBe('80+');
  });

  it('gives each exam the band at its start and never the date', async () => {
    const exam = (n: number, birth: string, start: string, end: string): string[] => [
      MSH.replace('M1', `M${n}`),
      pid(birth),
      'PV1|1|O',
      `ORC|NW|P${n}|F${n}`,
      `OBR|1|P${n}|F${n}|TDM|||${start}|${end}`,
      `IPC|ACC${n}||||||CT_STATION_1`,
    ];
    const { records, issues } = await read(
      ...exam(1, '19450302', '20100301233000', '20100301235000'),
      ...exam(2, '19450302', '20100302003000', '20100302005000'),
      ...exam(3, '1945', '20100302010000', '20100302012000'),
      ...exam(4, '19450231', '20100302020000', '20100302022000'),
    );
    expect(issues.filter((i) => i.severity !== 'info')).toEqual([]);
    const band = new Map(records.exams.map((e) => [e.examId, e.ageBand]));
    expect([h('ACC1'), h('ACC2'), h('ACC3'), h('ACC4')].map((id) => band.get(id))).toEqual([
      '18-64',
      '65-79',
      null,
      null,
    ]);
    expect(JSON.stringify(records.exams)).not.toMatch(/1945/);
    expect(records.removed['PID.7 birth date']).toBe(4);
  });
});

describe('HL7 v2 join keys for reconciliation', () => {
  it('hashes IPC-1 and IPC-3 (first component, trimmed) under the exam id', async () => {
    const { records } = await read(
      MSH,
      pid(''),
      'PV1|1|O',
      'ORC|NW|P1|F1',
      'OBR|1|P1|F1|TDM|||20100301080000|20100301082000',
      'IPC| ACC-9 ^RIS|RP1|1.2.250.9^DICOM|SPS1|CT||CT_STATION_1',
    );
    expect(records.exams.map((e) => e.examId)).toEqual([h('ACC-9')]);
    expect(Object.fromEntries(records.keys)).toEqual({
      [h('ACC-9')]: { accessions: [h('ACC-9')], studyUids: [h('1.2.250.9')] },
    });
  });

  it('takes OBR-18 (IHE v2.3.1 accession) and ZDS-1 (study UID) as keys, not as the exam id', async () => {
    const obr = [
      'OBR',
      '1',
      'P7',
      'F7',
      'TDM',
      '',
      '',
      '20100301080000',
      '20100301082000',
      ...Array<string>(9).fill(''),
      'ACC-7',
    ].join('|');
    expect(obr.split('|')[18]).toBe('ACC-7');
    const { records } = await read(
      MSH.replace('OMI^O23', 'ORM^O01'),
      pid(''),
      'PV1|1|O',
      'ORC|NW|P7|F7',
      obr,
      'IPC|||||||CT_STATION_1',
      'ZDS|1.2.250.7^RIS^Application^DICOM',
    );
    // No IPC-1: the exam is named by its filler number; OBR-18 is only a join key (it may be a room elsewhere).
    const id = h('F7');
    expect(records.exams.map((e) => e.examId)).toEqual([id]);
    expect(records.keys.get(id)).toEqual({ accessions: [h('ACC-7')], studyUids: [h('1.2.250.7')] });
  });
});
