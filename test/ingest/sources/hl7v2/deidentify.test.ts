// What the MLLP journal keeps of an HL7 v2 message: no name, identifier, day of birth, address
// or report text — and still the same exams, read from every real sample and a hand-built order
// with an ADT joined by its (hashed) visit number. The age band from a month of birth is given
// only when every day of that month gives the same band.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { naiveMs, ZoneClock } from '../../../../src/core/calendar.ts';
import { deidentifyHl7 } from '../../../../src/ingest/sources/hl7v2/deidentify.ts';
import { ageBandAt } from '../../../../src/ingest/sources/hl7v2/exams.ts';
import { readHl7Files } from '../../../../src/ingest/sources/hl7v2/index.ts';
import { parseHl7 } from '../../../../src/ingest/sources/hl7v2/parse.ts';
import { pseudonymize } from '../../../../src/ingest/sources/identity.ts';
import type { SiteMapping } from '../../../../src/ingest/sources/types.ts';
import { SAMPLE_MAPPING } from './sample-mapping.ts';
import { haveShared, SHARED_DIR } from '../../../helpers/shared.ts';

const SECRET = 'journal-secret';
const SAMPLES = `${SHARED_DIR}/samples/hl7v2`;
const enc = new TextEncoder();
// The samples' mapping, plus the room and code of the hand-built order below.
const mapping: SiteMapping = {
  ...SAMPLE_MAPPING,
  equipment: [...SAMPLE_MAPPING.equipment, { station: 'CT_STATION_1', equipmentId: 'CT-1' }],
  acts: [...SAMPLE_MAPPING.acts, { localCode: 'TDM', ccam: 'ZBQK002' }],
};

/** Every message of `text`, de-identified, as the journal would hold them (one file). */
function kept(text: string): string {
  return parseHl7('in.hl7', text)
    .messages.map((m) => deidentifyHl7(m, SECRET).text)
    .join('');
}
const read = (text: string) =>
  readHl7Files([{ name: 'in.hl7', bytes: enc.encode(text) }], { mapping, secret: SECRET });

/** A segment from its fields by number (`seg('PV1', { 2: 'E', 19: 'V1' })` → `PV1||E|…|V1`). */
function seg(id: string, fields: Record<number, string>): string {
  const last = Math.max(...Object.keys(fields).map(Number));
  return [id, ...Array.from({ length: last }, (_, i) => fields[i + 1] ?? '')].join('|');
}

const ORDER = [
  'MSH|^~\\&|RIS|CHU|PLATEAU|CHU|20100301070000+0100||ADT^A04|A1|P|2.5',
  'EVN|A04|20100301070000',
  seg('PID', {
    1: '1',
    3: 'IPP42^^^CHU^PI~1850375123456^^^ASIP-SANTE-NIR^NH',
    5: 'MARTIN^PAUL^^^M.',
    7: '19450712',
    8: 'M',
    11: '12 RUE DES LILAS^^LENS^^62300',
    13: '0321000000',
  }),
  'NK1|1|MARTIN^JEANNE|SPO|12 RUE DES LILAS^^LENS',
  seg('PV1', { 1: '1', 2: 'E', 3: 'URG^01', 19: 'V998877^^^CHU^VN' }),
  'IN1|1|CPAM|62|CPAM ARTOIS',
  'MSH|^~\\&|RIS|CHU|PLATEAU|CHU|20100315090000+0100||OMI^O23|M1|P|2.5',
  seg('PID', { 1: '1', 3: 'IPP42^^^CHU^PI', 5: 'MARTIN^PAUL', 7: '19450712' }),
  seg('PV1', { 1: '1', 19: 'V998877^^^CHU^VN' }),
  'ORC|NW|P1|F1',
  seg('OBR', {
    1: '1',
    2: 'P1',
    3: 'F1',
    4: 'TDM^Scanner thorax',
    7: '20100315090500',
    8: '20100315092000',
    13: 'M. MARTIN, toux depuis 3 semaines',
    31: 'Bilan de M. MARTIN',
  }),
  'IPC|ACC1|RP1|1.2.3.4|SPS1|CT||CT_STATION_1',
  'OBX|1|TX|REPORT||Scanner thoracique de M. Paul MARTIN, né le 12/07/1945 : normal.',
  'NTE|1||Patient MARTIN Paul, tel 0321000000',
].join('\r');

describe('HL7 v2 de-identification (the MLLP journal)', () => {
  it('keeps no name, identifier, day of birth, address, phone or report text', () => {
    const text = kept(ORDER);
    for (const secret of [
      'MARTIN',
      'PAUL',
      'IPP42',
      '1850375123456',
      '19450712',
      'LILAS',
      '0321000000',
      'V998877',
      'né le',
      'toux',
      'CPAM',
    ]) {
      expect(text, secret).not.toContain(secret);
    }
    // PID-3: the keyed hash of its PI repetition (authority|id), the NIR repetition dropped.
    expect(text).toContain(`PID|1||plateau.h.${pseudonymize('CHU|IPP42', SECRET)}||||194507\r`);
    expect(text).toContain(`plateau.h.${pseudonymize('V998877', SECRET)}`);
    expect(text.split('\r').map((s) => s.slice(0, 3))).toEqual([
      'MSH',
      'EVN',
      'PID',
      'PV1',
      'MSH',
      'PID',
      'PV1',
      'ORC',
      'OBR',
      'IPC',
      '',
    ]);
    const [adt] = parseHl7('in.hl7', ORDER).messages;
    expect(deidentifyHl7(adt!, SECRET).removed).toMatchObject({
      'PID.3 patient identifier (hashed)': 1,
      'PID.5': 1,
      'PID.7 day of birth': 1,
      'PID.11': 1,
      'NK1 segment': 1,
      'IN1 segment': 1,
      'PV1.19 visit number (hashed)': 1,
    });
  });

  it('gives the same exam: category through the hashed visit, times, keys, acts, age band', () => {
    const before = read(ORDER);
    const after = read(kept(ORDER));
    expect(before.records.exams).toHaveLength(1);
    expect(after.records.exams).toEqual(before.records.exams);
    expect(after.records.exams[0]).toMatchObject({
      category: 'U',
      ageBand: '18-64',
      patientKey: pseudonymize('CHU|IPP42', SECRET),
    });
    expect([...after.records.keys.values()]).toEqual([...before.records.keys.values()]);
  });

  it('joins a journaled order to an ADT read raw from a file by its visit number, both ways', () => {
    const [adt, order] = ORDER.split('\rMSH|').map((m, i) => (i === 0 ? m : `MSH|${m}`));
    const readBoth = (a: string, b: string) =>
      readHl7Files(
        [
          { name: 'a.hl7', bytes: enc.encode(a) },
          { name: 'b.hl7', bytes: enc.encode(b) },
        ],
        { mapping, secret: SECRET },
      );
    const raw = readBoth(adt!, order!).records.exams;
    expect(raw).toHaveLength(1);
    expect(raw[0]).toMatchObject({ category: 'U' });
    // The order came through the listener, the ADT from an export; then the other way round.
    expect(readBoth(adt!, kept(order!)).records.exams.map((e) => e.category)).toEqual(['U']);
    expect(readBoth(kept(adt!), order!).records.exams.map((e) => e.category)).toEqual(['U']);
    // De-identifying twice changes nothing more.
    expect(kept(kept(ORDER))).toBe(kept(ORDER));
  });

  it.runIf(haveShared(SAMPLES))(
    'gives the same exams, sessions and issues from every real sample',
    () => {
      for (const file of readdirSync(SAMPLES)
        .filter((f) => f.endsWith('.hl7'))
        .sort()) {
        const text = readFileSync(join(SAMPLES, file), 'utf8');
        const before = read(text);
        const after = read(kept(text));
        const withoutBand = (exams: typeof before.records.exams) =>
          exams.map((e) => ({ ...e, ageBand: null }));
        expect(withoutBand(after.records.exams), file).toEqual(withoutBand(before.records.exams));
        expect(after.records.sessions, file).toEqual(before.records.sessions);
        for (const e of after.records.exams) {
          const was = before.records.exams.find((x) => x.examId === e.examId);
          // A month of birth gives the same band, or none when the birthday month straddles a boundary.
          expect([was?.ageBand, null], file).toContain(e.ageBand);
        }
        expect(kept(text), file).not.toMatch(/\rPID\|[^\r]*\|[^|\r]*\^[^|\r]*\|/);
      }
    },
  );
});

describe('the journal keeps identifiers hashed and only the fields read (issue 11, item 10)', () => {
  it('hashes order numbers, accessions, study UIDs and appointment ids, drops physicians and unread fields', () => {
    const text = kept(ORDER);
    for (const raw of ['P1', 'F1', 'ACC1', '1.2.3.4', 'RP1', 'SPS1', 'Scanner thorax'])
      expect(text.split(/[|^\r]/), raw).not.toContain(raw);
    for (const raw of ['ACC1', 'P1', 'F1', '1.2.3.4'])
      expect(text, raw).toContain(`plateau.h.${pseudonymize(raw, SECRET)}`);
    const withDoctor = ORDER.replace(
      'ORC|NW|P1|F1',
      'ORC|NW|P1|F1|||||||||DUPONT^JEAN^^^DR',
    ).replace(
      'IPC|ACC1|RP1|1.2.3.4|SPS1|CT||CT_STATION_1',
      'IPC|ACC1|RP1|1.2.3.4|SPS1|CT||Salle Dupont Jean',
    );
    const journal = kept(withDoctor);
    expect(journal).not.toMatch(/dupont|jean/i);
    // The station's name is not shaped like a code: kept as its hash, still matched to the mapping.
    const mapping2: SiteMapping = {
      ...mapping,
      equipment: [...mapping.equipment, { station: 'Salle Dupont Jean', equipmentId: 'CT-1' }],
    };
    const readWith = (t: string) =>
      readHl7Files([{ name: 'in.hl7', bytes: enc.encode(t) }], {
        mapping: mapping2,
        secret: SECRET,
      });
    expect(readWith(journal).records.exams).toEqual(readWith(withDoctor).records.exams);
    expect(readWith(journal).records.exams).toHaveLength(1);
  });
});

describe('the age band from a month of birth', () => {
  const paris = new ZoneClock('Europe/Paris');
  const at = (iso: string): number => Date.parse(iso);
  it('is the band when every day of the month gives it, else none', () => {
    // Born March 1945: 64 or 65 in March 2010 → no band; 65 from April on; 64 until February.
    expect(ageBandAt(naiveMs(1945, 3, 1), at('2010-03-15T10:00:00Z'), paris, true)).toBeNull();
    expect(ageBandAt(naiveMs(1945, 3, 1), at('2010-04-01T10:00:00Z'), paris, true)).toBe('65-79');
    expect(ageBandAt(naiveMs(1945, 3, 1), at('2010-02-28T10:00:00Z'), paris, true)).toBe('18-64');
    // Away from a boundary, the birthday month does not matter.
    expect(ageBandAt(naiveMs(1970, 3, 1), at('2010-03-15T10:00:00Z'), paris, true)).toBe('18-64');
    // Born the month of the exam: maybe not yet born.
    expect(ageBandAt(naiveMs(2010, 3, 1), at('2010-03-15T10:00:00Z'), paris, true)).toBeNull();
    expect(ageBandAt(naiveMs(2010, 3, 1), at('2010-04-15T10:00:00Z'), paris, true)).toBe('0-17');
  });

  it('never contradicts the band from the full date', () => {
    for (let n = 0; n < 5000; n++) {
      const year = 1920 + (n % 95);
      const month = 1 + ((n * 7) % 12);
      const day = 1 + ((n * 13) % 28);
      const instant = Date.UTC(2010, (n * 5) % 12, 1 + ((n * 11) % 28), 10);
      const full = ageBandAt(naiveMs(year, month, day), instant, paris);
      const monthOnly = ageBandAt(naiveMs(year, month, 1), instant, paris, true);
      if (monthOnly !== null) expect(monthOnly).toBe(full);
    }
  });
});
