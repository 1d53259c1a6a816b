/**
 * Every real sample file of shared/samples/hl7v2 read alone with one site mapping: the exams and
 * the located issues must equal the fixtures (checked by hand against the files; rewrite them
 * with PLATEAU_UPDATE_FIXTURES=1 outside CI, then review the diff).
 */
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hl7v2Adapter } from '../../../../src/ingest/sources/hl7v2/index.ts';
import { SAMPLE_MAPPING } from './sample-mapping.ts';
import type { SourceInput } from '../../../../src/ingest/sources/types.ts';
import { haveShared, SHARED_DIR } from '../../../helpers/shared.ts';

const SAMPLES = `${SHARED_DIR}/samples/hl7v2`;
const FIXTURES = join(import.meta.dirname, 'fixtures');
const update = process.env.PLATEAU_UPDATE_FIXTURES === '1' && !process.env.CI;

const SECRET = 'test-secret';

const files = haveShared(SAMPLES)
  ? readdirSync(SAMPLES)
      .filter((f) => f.endsWith('.hl7'))
      .sort()
  : [];
const input = (f: string): SourceInput => ({ name: f, bytes: readFileSync(join(SAMPLES, f)) });

describe.skipIf(files.length === 0)('HL7 v2 sample files', () => {
  it('finds the 16 sample files', () => {
    expect(files).toHaveLength(16);
  });

  for (const file of files) {
    it(`reads ${file}`, async () => {
      const { records, issues } = await hl7v2Adapter.read([input(file)], {
        mapping: SAMPLE_MAPPING,
        secret: SECRET,
      });
      for (const i of issues) {
        expect(i.file).toBe(file);
        expect(i.line).toBeGreaterThan(0);
        expect(i.message.length).toBeGreaterThan(20);
      }
      const actual = {
        exams: records.exams.map((e) => ({
          ...e,
          roomIn: new Date(e.roomIn).toISOString(),
          roomOut: new Date(e.roomOut).toISOString(),
        })),
        issues: issues.map((i) => ({
          severity: i.severity,
          code: i.code,
          line: i.line,
          column: i.column,
        })),
        removed: records.removed,
      };
      const path = join(FIXTURES, file.replace(/\.hl7$/, '.json'));
      if (update) writeFileSync(path, `${JSON.stringify(actual, null, 2)}\n`);
      expect(actual).toEqual(JSON.parse(readFileSync(path, 'utf8')));
    });
  }

  it('merges a booking and its reschedule, and drops it once cancelled', async () => {
    const context = { mapping: SAMPLE_MAPPING, secret: SECRET };
    const booked = await hl7v2Adapter.read(
      [input('SIU-S12-01.hl7'), input('SIU-S13-01.hl7'), input('SIU-S14-01.hl7')],
      context,
    );
    expect(booked.records.exams).toHaveLength(1);
    // S14 moves the booking to Room02, which the mapping does not know; 055 stays a candidate.
    expect(booked.records.exams[0]).toMatchObject({
      equipmentId: 'ROOM-055',
      category: 'A',
      scheduledMinutes: 50,
    });
    const cancelled = await hl7v2Adapter.read(
      [input('SIU-S12-01.hl7'), input('SIU-S15-01.hl7')],
      context,
    );
    expect(cancelled.records.exams).toEqual([]);
    expect(cancelled.issues).toEqual([
      expect.objectContaining({ code: 'hl7-not-performed', file: 'SIU-S15-01.hl7', line: 2 }),
    ]);
  });

  it('detects every sample as HL7 v2', () => {
    for (const f of files)
      expect(hl7v2Adapter.detect({ name: 'x.bin', bytes: readFileSync(join(SAMPLES, f)) })).toBe(
        true,
      );
    expect(
      hl7v2Adapter.detect({
        name: 'x.json',
        bytes: new TextEncoder().encode('{"resourceType":"Patient"}'),
      }),
    ).toBe(false);
  });
});
