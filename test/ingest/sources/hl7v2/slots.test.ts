// HL7 v2 SIU bookings as the booking supply (planning.md §1): each booking held once every message
// is read is a busy slot of its machine over its booked span, seen at the MSH-7 of the message that
// gave it that span; a reschedule dates it anew, a restatement does not; cancelled, deleted and
// no-show bookings give none; a booking without a readable MSH-7 is a located warning; the
// sample files and the MLLP journal's de-identified form give the same slots.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Slot } from '../../../../src/core/kit-types.ts';
import { deidentifyHl7 } from '../../../../src/ingest/sources/hl7v2/deidentify.ts';
import { hl7v2Adapter, readHl7Files } from '../../../../src/ingest/sources/hl7v2/index.ts';
import { parseHl7 } from '../../../../src/ingest/sources/hl7v2/parse.ts';
import type { SiteMapping, SourceInput } from '../../../../src/ingest/sources/types.ts';
import { SHARED_DIR } from '../../../helpers/shared.ts';
import { SAMPLE_MAPPING } from './sample-mapping.ts';

const mapping: SiteMapping = {
  finess: '750000001',
  timeZone: 'Europe/Paris',
  equipment: [
    { location: 'SALLE-IRM', equipmentId: 'MR-1' },
    { location: 'SALLE-TDM', equipmentId: 'CT-1' },
  ],
  categories: [{ patientClass: 'O', category: 'A' }],
  acts: [],
};
const context = { mapping, secret: 'site-secret' };
const enc = new TextEncoder();
const file = (name: string, ...messages: string[][]): SourceInput => ({
  name,
  bytes: enc.encode(messages.map((m) => m.join('\r')).join('\r')),
});
const msh = (type: string, id: string, at: string): string =>
  `MSH|^~\\&|RIS|CHU|PLATEAU|CHU|${at}||${type}|${id}|P|2.5`;
const PV1 = 'PV1|1|O';
/** SIU message `type` of booking `appt` in `room` at `start` (local, no offset) for `minutes`, sent at `sent`. */
const siu = (
  type: string,
  id: string,
  sent: string,
  appt: string,
  room: string,
  start: string,
  minutes: number,
  status = 'Booked',
): string[] => [
  msh(`SIU^${type}`, id, sent),
  `SCH|${appt}-P|${appt}|||||||${minutes}|min|||||||||||||||${status}`,
  PV1,
  'RGS|1',
  `AIL|1||${room}||||||${minutes}|min`,
  `TQ1|||||||${start}`,
];
const utc = (text: string): number => Date.parse(`${text}Z`);
const busy = (equipmentId: string, start: string, end: string, seen: string): Slot => ({
  equipmentId,
  start: utc(start),
  end: utc(end),
  status: 'busy',
  observedAt: utc(seen),
});

describe('SIU bookings as busy slots', () => {
  it('gives each held booking a busy slot of its machine, seen at the MSH-7 that gave its span', async () => {
    const { records, issues } = await hl7v2Adapter.read(
      [
        file(
          'siu.hl7',
          // Booked on 1 March for 15 March 09:00 local (UTC+1), 30 min, in the MRI room.
          siu('S12', 'M1', '20100301103000', 'A1', 'SALLE-IRM', '201003150900', 30),
          // The same booking restated (S14, same span) later: still seen since 1 March.
          siu('S14', 'M2', '20100305080000', 'A1', 'SALLE-IRM', '201003150900', 30),
          // Another, rescheduled (S13) on 3 March to 16 March 14:00 for 45 min: seen since 3 March.
          siu('S12', 'M3', '20100302090000', 'A2', 'SALLE-TDM', '201003151000', 20),
          siu('S13', 'M4', '20100303091500+0100', 'A2', 'SALLE-TDM', '201003161400', 45),
        ),
      ],
      context,
    );
    expect(issues.filter((i) => i.severity !== 'info')).toEqual([]);
    expect(records.slots).toEqual([
      busy('MR-1', '2010-03-15T08:00', '2010-03-15T08:30', '2010-03-01T09:30'),
      busy('CT-1', '2010-03-16T13:00', '2010-03-16T13:45', '2010-03-03T08:15'),
    ]);
  });

  it('gives none for cancelled, deleted and no-show bookings, and none on an unknown machine', async () => {
    const { records, issues } = await hl7v2Adapter.read(
      [
        file(
          'siu.hl7',
          siu('S12', 'M1', '20100301103000', 'A1', 'SALLE-IRM', '201003150900', 30),
          siu('S15', 'M2', '20100302103000', 'A1', 'SALLE-IRM', '201003150900', 30, 'Cancelled'),
          siu('S12', 'M3', '20100301103000', 'A2', 'SALLE-IRM', '201003151000', 30),
          siu('S17', 'M4', '20100302103000', 'A2', 'SALLE-IRM', '201003151000', 30),
          siu('S12', 'M5', '20100301103000', 'A3', 'SALLE-IRM', '201003151100', 30),
          siu('S26', 'M6', '20100315120000', 'A3', 'SALLE-IRM', '201003151100', 30),
          siu('S12', 'M7', '20100301103000', 'A4', 'SALLE-IRM', '201003151200', 30, 'Noshow'),
          siu('S12', 'M8', '20100301103000', 'A5', 'SALLE-X', '201003151300', 30),
        ),
      ],
      context,
    );
    expect(records.slots).toBeUndefined();
    expect(records.exams).toEqual([]);
    expect(issues.map((i) => i.code)).toEqual([
      'hl7-not-performed',
      'hl7-not-performed',
      'hl7-not-performed',
      'hl7-not-performed',
      'unmapped-equipment',
    ]);
  });

  it('warns of a held booking whose MSH-7 cannot be read, located at its message', async () => {
    const { records, issues } = await hl7v2Adapter.read(
      [file('siu.hl7', siu('S12', 'M1', 'YESTERDAY', 'A1', 'SALLE-IRM', '201003150900', 30))],
      context,
    );
    expect(records.slots).toBeUndefined();
    expect(records.exams).toHaveLength(1);
    expect(issues.map((i) => [i.severity, i.code, i.line, i.column])).toEqual([
      ['warning', 'hl7-bad-time', 1, 'MSH.7'],
      ['warning', 'hl7-slot-no-time', 2, 'MSH.7'],
    ]);
    expect(issues[1]?.message).toBe(
      'the booking has no readable MSH-7: when it was seen is unknown',
    );
  });

  it('reads the shared SIU samples: the held S12 booking of Room 055 is one busy slot, cancelled by S15', async () => {
    const dir = `${SHARED_DIR}/samples/hl7v2`;
    const sample = (name: string): SourceInput => ({ name, bytes: readFileSync(join(dir, name)) });
    const ctx = { mapping: SAMPLE_MAPPING, secret: 'test-secret' };
    const held = await hl7v2Adapter.read([sample('SIU-S12-01.hl7')], ctx);
    // TQ1-7 2021-09-24 09:30+02:15, AIS/AIL 50 min; MSH-7 2021-09-14 11:20+02:15.
    expect(held.records.slots).toEqual([
      busy('ROOM-055', '2021-09-24T07:15', '2021-09-24T08:05', '2021-09-14T09:05'),
    ]);
    const cancelled = await hl7v2Adapter.read(
      [sample('SIU-S12-01.hl7'), sample('SIU-S15-01.hl7')],
      ctx,
    );
    expect(cancelled.records.slots).toBeUndefined();
  });

  it('gives the same slots from the MLLP journal’s de-identified messages', () => {
    const text = [
      siu('S12', 'M1', '20100301103000', 'A1', 'SALLE-IRM', '201003150900', 30),
      siu('S13', 'M2', '20100303091500', 'A1', 'SALLE-IRM', '201003161400', 45),
      siu('S12', 'M3', '20100302090000', 'A2', 'SALLE-TDM', '201003151000', 20),
    ]
      .map((m) => m.join('\r'))
      .join('\r');
    const raw = readHl7Files([{ name: 'in.hl7', bytes: enc.encode(text) }], context);
    const journal = parseHl7('in.hl7', text)
      .messages.map((m) => deidentifyHl7(m, context.secret).text)
      .join('');
    const kept = readHl7Files([{ name: 'journal.hl7', bytes: enc.encode(journal) }], context);
    expect(journal).not.toContain('A1');
    expect(raw.records.slots).toEqual([
      busy('MR-1', '2010-03-16T13:00', '2010-03-16T13:45', '2010-03-03T08:15'),
      busy('CT-1', '2010-03-15T09:00', '2010-03-15T09:20', '2010-03-02T08:00'),
    ]);
    expect(kept.records.slots).toEqual(raw.records.slots);
  });
});
