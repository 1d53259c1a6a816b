// FHIR Slots as the booking supply (planning.md §1): an open Slot of a device's Schedule is also a
// slot (free → free, busy and busy-tentative → busy; busy-unavailable and entered-in-error none),
// seen at its meta.lastUpdated, else its Bundle's timestamp, else only a session (one warning per
// file); the FHIR inbox keeps both times, so a kept Bundle gives the same slots; and the slots of
// any source reach the assembled kit on its machines only, through slots.csv.
import type { Device, Schedule, Slot as FhirSlot } from '@medplum/fhirtypes';
import { describe, expect, it } from 'vitest';
import type { Campaign, Slot } from '../../../../src/core/kit-types.ts';
import { kitFromSources } from '../../../../src/ingest/sources/assemble.ts';
import { deidentifyFhirBundle } from '../../../../src/ingest/sources/fhir/deidentify.ts';
import { fhirAdapter } from '../../../../src/ingest/sources/fhir/index.ts';
import { emptyRecords } from '../../../../src/ingest/sources/types.ts';
import { bundle, CONTEXT, examResources, input, ndjson } from './build.ts';

const device: Device = { resourceType: 'Device', id: 'scanner', serialNumber: 'SN-1' };
const schedule: Schedule = {
  resourceType: 'Schedule',
  id: 'sc',
  actor: [{ reference: 'Device/scanner' }],
};
const fhirSlot = (
  id: string,
  status: FhirSlot['status'],
  start: string,
  end: string,
  lastUpdated?: string,
): FhirSlot => ({
  resourceType: 'Slot',
  id,
  schedule: { reference: 'Schedule/sc' },
  status,
  start,
  end,
  ...(lastUpdated === undefined ? {} : { meta: { lastUpdated } }),
});
const utc = (text: string): number => Date.parse(`${text}Z`);
const slot = (status: Slot['status'], start: string, end: string, seen: string): Slot => ({
  equipmentId: 'CT-1',
  start: utc(start),
  end: utc(end),
  status,
  observedAt: utc(seen),
});
/** A Bundle text with a `timestamp` (JSON.stringify of build.ts's bundle, plus the element). */
const stamped = (resources: Parameters<typeof bundle>[0], timestamp: string): string =>
  JSON.stringify({ ...(JSON.parse(bundle(resources)) as object), timestamp }, null, 2);

const SLOTS = [
  fhirSlot(
    '1',
    'free',
    '2026-03-10T08:00:00+01:00',
    '2026-03-10T08:20:00+01:00',
    '2026-03-09T17:00:00+01:00',
  ),
  fhirSlot(
    '2',
    'busy',
    '2026-03-10T08:20:00+01:00',
    '2026-03-10T08:40:00+01:00',
    '2026-03-09T17:05:00Z',
  ),
  fhirSlot(
    '3',
    'busy-tentative',
    '2026-03-10T08:40:00+01:00',
    '2026-03-10T09:00:00+01:00',
    '2026-03-08T10:00:00+01:00',
  ),
  fhirSlot(
    '4',
    'busy-unavailable',
    '2026-03-10T12:00:00+01:00',
    '2026-03-10T13:00:00+01:00',
    '2026-03-08T10:00:00+01:00',
  ),
  fhirSlot(
    '5',
    'entered-in-error',
    '2026-03-10T13:00:00+01:00',
    '2026-03-10T14:00:00+01:00',
    '2026-03-08T10:00:00+01:00',
  ),
];
const EXPECTED = [
  slot('free', '2026-03-10T07:00', '2026-03-10T07:20', '2026-03-09T16:00'),
  slot('busy', '2026-03-10T07:20', '2026-03-10T07:40', '2026-03-09T17:05'),
  slot('busy', '2026-03-10T07:40', '2026-03-10T08:00', '2026-03-08T09:00'),
];

describe('FHIR Slots as the booking supply', () => {
  it('gives each open Slot of a device as a slot seen at meta.lastUpdated, which beats the Bundle’s timestamp', async () => {
    const { records, issues } = await fhirAdapter.read(
      [input('b.json', stamped([device, schedule, ...SLOTS], '2026-03-01T00:00:00Z'))],
      CONTEXT,
    );
    expect(issues).toEqual([]);
    expect(records.slots).toEqual(EXPECTED);
    // The sessions are as before: the open slots, merged.
    expect(records.sessions).toEqual([
      {
        equipmentId: 'CT-1',
        start: utc('2026-03-10T07:00'),
        end: utc('2026-03-10T08:00'),
        type: 'PUBLIC_SCHEDULED',
      },
    ]);
  });

  it('dates Slots without meta.lastUpdated by their Bundle’s timestamp, else keeps them as sessions only, said once per file', async () => {
    const undated = SLOTS.slice(0, 3).map(({ meta: _, ...rest }) => rest as FhirSlot);
    const byBundle = await fhirAdapter.read(
      [input('b.json', stamped([device, schedule, ...undated], '2026-03-09T18:30:00+01:00'))],
      CONTEXT,
    );
    expect(byBundle.issues).toEqual([]);
    expect(byBundle.records.slots?.map((s) => s.observedAt)).toEqual([
      utc('2026-03-09T17:30'),
      utc('2026-03-09T17:30'),
      utc('2026-03-09T17:30'),
    ]);

    const lines = ndjson([device, schedule, ...undated, SLOTS[0]!]);
    const bare = await fhirAdapter.read([input('slots.ndjson', lines)], CONTEXT);
    expect(bare.records.slots).toEqual([EXPECTED[0]]);
    expect(bare.records.sessions).toHaveLength(1);
    expect(bare.issues.map((i) => [i.severity, i.code, i.file, i.line, i.column])).toEqual([
      ['warning', 'fhir-slot-observed', 'slots.ndjson', 3, 'Slot.meta.lastUpdated'],
    ]);
    expect(bare.issues[0]?.message).toBe(
      'Slot meta.lastUpdated: 3 Slots of this file, this one first, have no meta.lastUpdated and no Bundle timestamp: when their statuses were seen is unknown',
    );
  });

  it('refuses an unreadable meta.lastUpdated as any time: that file gives nothing', async () => {
    const bad = { ...SLOTS[0]!, meta: { lastUpdated: '2026-03-09T17:00:00' } };
    const { records, issues } = await fhirAdapter.read(
      [input('b.json', bundle([device, schedule, bad]))],
      CONTEXT,
    );
    expect(issues.map((i) => [i.severity, i.code, i.column])).toEqual([
      ['error', 'fhir-datetime', 'Slot.meta.lastUpdated'],
    ]);
    expect(records.slots).toBeUndefined();
    expect(records.sessions).toEqual([]);
  });

  it('gives the same slots from a Bundle the FHIR inbox kept (meta.lastUpdated and timestamp kept, ids hashed)', async () => {
    const undated = { ...SLOTS[1]!, id: 'order-42' };
    delete undated.meta;
    const text = stamped([device, schedule, SLOTS[0]!, undated], '2026-03-09T18:30:00+01:00');
    const { bundle: kept } = deidentifyFhirBundle(
      JSON.parse(text) as Record<string, unknown>,
      CONTEXT.secret,
    );
    const keptText = JSON.stringify(kept);
    expect(keptText).toContain('"lastUpdated":"2026-03-09T17:00:00+01:00"');
    expect(keptText).toContain('"timestamp":"2026-03-09T18:30:00+01:00"');
    expect(keptText).not.toContain('order-42');
    const raw = await fhirAdapter.read([input('b.json', text)], CONTEXT);
    const again = await fhirAdapter.read([input('kept.json', keptText)], CONTEXT);
    expect(raw.records.slots).toEqual([
      EXPECTED[0],
      slot('busy', '2026-03-10T07:20', '2026-03-10T07:40', '2026-03-09T17:30'),
    ]);
    expect(again.records.slots).toEqual(raw.records.slots);
  });
});

describe('slots in the assembled kit', () => {
  const campaign: Campaign = {
    id: 'fhir-2026',
    name: 'FHIR',
    start: '2026-03-09',
    days: 7,
    timeZone: 'Europe/Paris',
  };

  it('keep the kit machines’ slots whatever their dates, each once, and leave the others out with a note', async () => {
    const { records } = await fhirAdapter.read(
      [input('b.json', bundle([device, schedule, ...SLOTS, ...examResources(1)]))],
      CONTEXT,
    );
    const later = slot('free', '2026-05-04T07:00', '2026-05-04T07:20', '2026-03-09T16:00');
    records.slots = [
      ...(records.slots ?? []),
      EXPECTED[0]!,
      later,
      { ...later, equipmentId: 'MR-9' },
      { ...later, equipmentId: 'MR-9', start: later.start + 1 },
    ];
    const mapping = {
      ...CONTEXT.mapping,
      machines: new Map([['CT-1', { modality: 'CT' as const }]]),
      establishment: {
        finess: '750000001',
        name: 'CH',
        legalStatus: 'CH' as const,
        region: '11',
        department: '75',
      },
    };
    const { kit, issues } = await kitFromSources(records, campaign, mapping);
    expect(issues.filter((i) => i.severity !== 'info')).toEqual([]);
    expect(kit?.slots).toEqual([...EXPECTED, later]);
    const note = issues.find((i) => i.code === 'slot-unknown-equipment');
    expect(note?.message).toBe(
      '2 slots of MR-9 left out: the campaign has no session or exam on this machine',
    );
  });

  it('are absent from a kit whose sources give none', async () => {
    const { records } = await fhirAdapter.read(
      [input('b.json', bundle(examResources(1)))],
      CONTEXT,
    );
    const mapping = {
      ...CONTEXT.mapping,
      machines: new Map([['CT-1', { modality: 'CT' as const }]]),
      establishment: {
        finess: '750000001',
        name: 'CH',
        legalStatus: 'CH' as const,
        region: '11',
        department: '75',
      },
    };
    const { kit } = await kitFromSources({ ...emptyRecords(), ...records }, campaign, mapping);
    expect(kit).not.toBeNull();
    expect(kit).not.toHaveProperty('slots');
  });
});
