import { describe, expect, it } from 'vitest';
import { pseudonymize } from '../../../../src/ingest/sources/identity.ts';
import { hl7v2Adapter } from '../../../../src/ingest/sources/hl7v2/index.ts';
import type { SiteMapping, SourceInput } from '../../../../src/ingest/sources/types.ts';

const mapping: SiteMapping = {
  finess: '750000001',
  timeZone: 'Europe/Paris',
  equipment: [
    { station: 'CT_STATION_1', equipmentId: 'CT-1' },
    { location: 'SALLE-IRM', equipmentId: 'MR-1' },
  ],
  categories: [
    { unit: 'REA', category: 'R' },
    { patientClass: 'E', category: 'U' },
    { patientClass: 'I', category: 'H' },
    { patientClass: 'O', category: 'A' },
  ],
  acts: [{ localCode: 'TDM-THX', ccam: 'ZBQK002' }],
};
const context = { mapping, secret: 'site-secret' };
const enc = new TextEncoder();
const file = (name: string, ...messages: string[][]): SourceInput => ({
  name,
  bytes: enc.encode(messages.map((m) => m.join('\r')).join('\r')),
});

const msh = (type: string, id: string, at = '20100315090000+0100'): string =>
  `MSH|^~\\&|RIS|CHU|PLATEAU|CHU|${at}||${type}|${id}|P|2.5`;
const PID = 'PID|1||IPP42^^^CHU^PI||MARTIN^PAUL||19550505|M|||1 RUE X^^PARIS';
const pv1 = (cls: string, unit = '', visit = ''): string =>
  `PV1|1|${cls}|${unit}||||||||||||||||${visit}`;
const ts = Date.parse;
/** A segment from its fields by number, e.g. seg('OBR', { 2: 'P1', 18: 'ROOM' }). */
const seg = (id: string, fields: Record<number, string>): string => {
  const last = Math.max(...Object.keys(fields).map(Number));
  return [id, ...Array.from({ length: last }, (_, i) => fields[i + 1] ?? '')].join('|');
};

describe('hl7v2Adapter: one exam from its order, status and result messages', () => {
  const order = [
    msh('OMI^O23', 'M1'),
    PID,
    pv1('O'),
    'ORC|NW|P100|F100||SC||||20100310091500+0100',
    'OBR|1|P100|F100|TDM-THX^Scanner thorax',
    'IPC|ACC100|RP1|1.2.3|SPS1|CT||CT_STATION_1',
  ];
  // Local times without offset: Europe/Paris, winter (UTC+1).
  const inProcess = [msh('ORM^O01', 'M2'), PID, pv1('O'), 'ORC|SC|P100|F100||IP||||20100315090500'];
  const completed = [msh('ORM^O01', 'M3'), PID, pv1('O'), 'ORC|SC|P100|F100||CM||||20100315092000'];
  const result = [
    msh('ORU^R01', 'M4'),
    PID,
    'ORC|RE|P100|F100||CM',
    seg('OBR', { 1: '1', 2: 'P100', 3: 'F100', 4: 'TDM-THX', 22: '20100315101500+0100', 25: 'F' }),
  ];

  it('merges them by order number into one exam', async () => {
    const { records, issues } = await hl7v2Adapter.read(
      [file('a.hl7', order, inProcess), file('b.hl7', completed, result)],
      context,
    );
    expect(issues).toEqual([]);
    expect(records.exams).toEqual([
      {
        examId: pseudonymize('ACC100', 'site-secret'),
        equipmentId: 'CT-1',
        category: 'A',
        roomIn: ts('2010-03-15T08:05:00Z'),
        roomOut: ts('2010-03-15T08:20:00Z'),
        acts: ['ZBQK002'],
        icr: null,
        reportValidatedAt: ts('2010-03-15T09:15:00Z'),
        requestedAt: ts('2010-03-10T08:15:00Z'),
        scheduledMinutes: null,
        // PID-7 19550505: 54 on 2010-03-15; only the band is kept.
        ageBand: '18-64',
        // PID-3 IPP42 of authority CHU: its keyed hash, never the number.
        patientKey: pseudonymize('CHU|IPP42', 'site-secret'),
      },
    ]);
    expect(JSON.stringify(records)).not.toMatch(/IPP42|MARTIN|19550505|RUE X|ACC100|F100/);
    expect(records.removed).toMatchObject({
      'PID.3 patient identifier list': 4,
      'PID.5 patient name': 4,
      'PID.7 birth date': 4,
      'PID.11 address': 4,
    });
    expect(records.removed['order/accession number (pseudonymized)']).toBe(1);
  });

  it('gives the same exam whatever the message order', async () => {
    const a = await hl7v2Adapter.read(
      [file('x.hl7', result, completed, inProcess, order)],
      context,
    );
    const b = await hl7v2Adapter.read(
      [file('x.hl7', order, inProcess, completed, result)],
      context,
    );
    expect(a.records.exams).toEqual(b.records.exams);
  });

  it('prefers OBR-7/OBR-8 to status times, and links placer-only messages through a later filler', async () => {
    const placerOnly = [
      msh('ORM^O01', 'N1'),
      pv1('I'),
      'ORC|NW|P7|||SC||||20100301080000+0100',
      seg('OBR', { 1: '1', 2: 'P7', 4: 'IRM-GENOU', 18: 'SALLE-IRM' }),
    ];
    const done = [
      msh('ORU^R01', 'N2'),
      'ORC|SC|P7|F7||CM||||20100315120000+0100',
      'OBR|1|P7|F7|IRM-GENOU|||20100315110000+0100|20100315113000+0100',
    ];
    const { records, issues } = await hl7v2Adapter.read([file('c.hl7', placerOnly, done)], context);
    expect(records.exams).toHaveLength(1);
    expect(records.exams[0]).toMatchObject({
      examId: pseudonymize('F7', 'site-secret'),
      equipmentId: 'MR-1',
      category: 'H',
      roomIn: ts('2010-03-15T10:00:00Z'),
      roomOut: ts('2010-03-15T10:30:00Z'),
      acts: [],
      requestedAt: ts('2010-03-01T07:00:00Z'),
    });
    expect(issues).toEqual([
      expect.objectContaining({ code: 'unmapped-act', file: 'c.hl7', column: 'OBR.4' }),
    ]);
  });

  it('takes the report time from MDM TXA-22 when TXA-17 is AU', async () => {
    const mdm = [
      msh('MDM^T02', 'D1'),
      pv1('E'),
      'ORC|SC|P9|F9',
      seg('OBR', {
        1: '1',
        2: 'P9',
        3: 'F9',
        4: 'TDM-THX',
        7: '20100315100000+0100',
        8: '20100315101000+0100',
        18: 'SALLE-IRM',
      }),
      seg('TXA', {
        1: '1',
        2: 'RAD',
        14: 'P9',
        15: 'F9',
        17: 'AU',
        22: '1^DR^X^^^^^^^^^^^^20100315143000+0100',
      }),
    ];
    const { records } = await hl7v2Adapter.read([file('d.hl7', mdm)], context);
    expect(records.exams[0]).toMatchObject({
      category: 'U',
      reportValidatedAt: ts('2010-03-15T13:30:00Z'),
    });
  });

  it('uses the ADT patient class of the visit when the order has none', async () => {
    const adt = [msh('ADT^A01', 'A1'), 'EVN|A01|20100315080000', PID, pv1('I', 'REA^12^1', 'V55')];
    const ormNoClass = [
      msh('ORM^O01', 'O1'),
      pv1('', '', 'V55'),
      'ORC|NW|P5|F5',
      seg('OBR', {
        1: '1',
        2: 'P5',
        3: 'F5',
        4: 'TDM-THX',
        7: '20100315100000+0100',
        8: '20100315101000+0100',
        18: 'SALLE-IRM',
      }),
    ];
    const { records, issues } = await hl7v2Adapter.read([file('e.hl7', adt, ormNoClass)], context);
    expect(issues).toEqual([]);
    expect(records.exams[0]?.category).toBe('R');
  });
});

describe('hl7v2Adapter: what is not an exam, with located issues', () => {
  it('drops cancelled orders (info) and orders never completed (warning)', async () => {
    const cancelled = [
      [
        msh('ORM^O01', 'C1'),
        pv1('O'),
        'ORC|NW|P1|F1',
        seg('OBR', {
          1: '1',
          2: 'P1',
          3: 'F1',
          4: 'X',
          7: '20100315100000+0100',
          8: '20100315101000+0100',
          18: 'SALLE-IRM',
        }),
      ],
      [msh('ORM^O01', 'C2'), 'ORC|CA|P1|F1||CA'],
    ];
    const open = [
      msh('ORM^O01', 'C3'),
      pv1('O'),
      'ORC|NW|P2|F2',
      'OBR|1|P2|F2|X|||20100315100000+0100',
    ];
    const { records, issues } = await hl7v2Adapter.read(
      [file('f.hl7', ...cancelled, open)],
      context,
    );
    expect(records.exams).toEqual([]);
    expect(issues.map((i) => [i.severity, i.code, i.line, i.column])).toEqual([
      ['info', 'hl7-not-performed', 6, null],
      ['warning', 'hl7-exam-incomplete', 9, 'OBR.8'],
    ]);
  });

  it('reports a local time in the spring DST gap at its field', async () => {
    const gap = [
      msh('ORU^R01', 'G1'),
      pv1('O'),
      'ORC|SC|P3|F3||CM',
      seg('OBR', {
        1: '1',
        2: 'P3',
        3: 'F3',
        4: 'TDM-THX',
        7: '20100328023000',
        8: '20100328040000',
        18: 'SALLE-IRM',
      }),
    ];
    const { records, issues } = await hl7v2Adapter.read([file('g.hl7', gap)], context);
    expect(issues).toEqual([
      expect.objectContaining({ code: 'dst-gap', file: 'g.hl7', line: 4, column: 'OBR.7' }),
    ]);
    // 02:30 does not exist: read with the winter offset (01:30Z); 04:00 is summer time (02:00Z).
    expect(records.exams[0]).toMatchObject({
      roomIn: ts('2010-03-28T01:30:00Z'),
      roomOut: ts('2010-03-28T02:00:00Z'),
    });
  });

  it('reports unreadable times, unknown categories and equipment, and messages without order number', async () => {
    const bad = [
      msh('ORU^R01', 'B1'),
      pv1('X'),
      'ORC|SC|P4|F4||CM',
      seg('OBR', {
        1: '1',
        2: 'P4',
        3: 'F4',
        4: 'TDM-THX',
        7: '2010-03-15',
        8: '20100315101000+0100',
        18: 'NOWHERE',
      }),
    ];
    const nowhere = [
      msh('ORU^R01', 'B4'),
      pv1('O'),
      'ORC|SC|P6|F6||CM',
      seg('OBR', {
        2: 'P6',
        3: 'F6',
        7: '20100315100000+0100',
        8: '20100315101000+0100',
        18: 'NOWHERE',
      }),
    ];
    const noKey = [msh('ORM^O01', 'B2'), 'ORC|NW'];
    const other = [msh('ACK^A01', 'B3'), 'MSA|AA|X'];
    const { records, issues } = await hl7v2Adapter.read(
      [file('h.hl7', bad, noKey, other, nowhere)],
      {
        mapping: {
          ...mapping,
          categories: [...mapping.categories, { patientClass: 'X', category: 'A' }],
        },
        secret: 's',
      },
    );
    expect(records.exams).toEqual([]);
    expect(issues.map((i) => [i.code, i.line, i.column])).toEqual([
      ['hl7-bad-time', 4, 'OBR.7'],
      ['hl7-no-order-number', 6, 'ORC.3'],
      ['hl7-unused-message', null, 'MSH.9'],
      ['hl7-exam-incomplete', 3, 'OBR.7'],
      ['unmapped-equipment', 11, 'AIL.3'],
    ]);
  });

  it('reads MLLP-framed and batched files, and says when a file holds no message', async () => {
    const m = [
      msh('ORU^R01', 'L1'),
      pv1('O'),
      'ORC|SC|P8|F8||CM',
      seg('OBR', {
        1: '1',
        2: 'P8',
        3: 'F8',
        4: 'TDM-THX',
        7: '20100315100000+0100',
        8: '20100315101000+0100',
        18: 'SALLE-IRM',
      }),
    ];
    const framed: SourceInput = {
      name: 'feed.mllp',
      bytes: enc.encode(`\u000b${m.join('\r')}\r\u001c\r`),
    };
    const batch: SourceInput = {
      name: 'batch.hl7',
      bytes: enc.encode(
        ['BHS|^~\\&|RIS', ...m.map((l) => l.replace(/P8|F8/g, (x) => `${x}b`)), 'BTS|1'].join('\n'),
      ),
    };
    const empty: SourceInput = { name: 'empty.hl7', bytes: new Uint8Array() };
    const { records, issues } = await hl7v2Adapter.read([framed, batch, empty], context);
    expect(records.exams.map((e) => e.examId)).toEqual([
      pseudonymize('F8', 'site-secret'),
      pseudonymize('F8b', 'site-secret'),
    ]);
    expect(issues).toEqual([
      expect.objectContaining({ severity: 'error', code: 'hl7-no-message', file: 'empty.hl7' }),
    ]);
  });

  it('reports an unknown time zone instead of throwing', async () => {
    const { issues } = await hl7v2Adapter.read([], {
      mapping: { ...mapping, timeZone: 'Mars/Olympus' },
      secret: 's',
    });
    expect(issues).toEqual([expect.objectContaining({ severity: 'error', code: 'bad-time-zone' })]);
  });
});
