/**
 * The HL7 v2 adapter's patient key: the keyed hash of PID-3 (`<assigning authority>|<id>` of its
 * PI repetition, else its first), from the real SIU sample and two variants of it: the same key
 * for two exams of the patient, another for another patient, never the identifier, another under
 * another secret, and the same once the messages went through the MLLP journal.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { deidentifyHl7 } from '../../../../src/ingest/sources/hl7v2/deidentify.ts';
import { parseHl7, readHl7Files } from '../../../../src/ingest/sources/hl7v2/index.ts';
import { pseudonymize } from '../../../../src/ingest/sources/identity.ts';
import { looksLikeRawIdentifier } from '../../../../src/plan/relevance/repeats.ts';
import { haveShared, SHARED_DIR } from '../../../helpers/shared.ts';
import { SAMPLE_MAPPING } from './sample-mapping.ts';

const SAMPLE = join(SHARED_DIR, 'samples/hl7v2/SIU-S12-01.hl7');
const enc = new TextEncoder();

/** The sample (patient PATID1234 of authority test1), the same patient two days later, another patient. */
function messages(): string[] {
  const first = readFileSync(SAMPLE, 'utf8');
  const second = first
    .replace('SCH|12345|36996', 'SCH|12346|36997')
    .replaceAll('20210924', '20210926');
  const other = first
    .replace('SCH|12345|36996', 'SCH|12347|36998')
    .replaceAll('20210924', '20210927')
    .replace('PATID1234^5^M11^test1&2.16.1&HCD^MR', 'PATID9999^^^test1^PI');
  return [first, second, other];
}

const read = (texts: readonly string[], secret = 'test-secret') =>
  readHl7Files(
    texts.map((t, i) => ({ name: `m${i}.hl7`, bytes: enc.encode(t) })),
    { mapping: SAMPLE_MAPPING, secret },
  ).records.exams.sort((a, b) => a.roomIn - b.roomIn);

describe.skipIf(!haveShared(SAMPLE))('HL7 v2 exams carry the keyed hash of their patient', () => {
  it('gives two exams of one patient the same key, another patient another, never the identifier', () => {
    const exams = read(messages());
    expect(exams).toHaveLength(3);
    const [a, b, c] = exams.map((e) => e.patientKey);
    // Hand-derived: PID-3's first repetition (type MR, no PI one), CX-4 namespace test1, CX-1 PATID1234.
    expect(a).toBe(pseudonymize('test1|PATID1234', 'test-secret'));
    expect(b).toBe(a);
    expect(c).toBe(pseudonymize('test1|PATID9999', 'test-secret'));
    expect(c).not.toBe(a);
    for (const k of [a, b, c]) {
      expect(k).toMatch(/^[0-9a-f]{64}$/);
      expect(looksLikeRawIdentifier(k as string)).toBe(false);
    }
    expect(JSON.stringify(exams)).not.toMatch(/PATID|123456789/);
  });

  it('gives other keys under another secret', () => {
    const mine = read(messages()).map((e) => e.patientKey);
    const theirs = read(messages(), 'another-secret').map((e) => e.patientKey);
    expect(theirs[0]).toBe(theirs[1]);
    expect(theirs.filter((k) => mine.includes(k))).toEqual([]);
  });

  it('prefers the PI repetition of PID-3 and gives the same key once journaled', () => {
    const [first] = messages();
    const twoIds = (first as string).replace(
      'PATID1234^5^M11^test1&2.16.1&HCD^MR^GOOD HEALTH HOSPITAL~123456789^^^USSSA^SS',
      '1850375123456^^^ASIP-SANTE-NIR^NH~IPP42^^^CHU^PI',
    );
    const [exam] = read([twoIds]);
    expect(exam?.patientKey).toBe(pseudonymize('CHU|IPP42', 'test-secret'));
    const kept = parseHl7('in.hl7', twoIds)
      .messages.map((m) => deidentifyHl7(m, 'test-secret').text)
      .join('');
    expect(kept).not.toMatch(/IPP42|1850375123456/);
    expect(read([kept])[0]?.patientKey).toBe(exam?.patientKey);
    // A raw message and a journaled one of the same patient link.
    const [, second] = messages();
    expect(
      new Set(
        read([
          kept,
          (second as string).replace(
            'PATID1234^5^M11^test1&2.16.1&HCD^MR^GOOD HEALTH HOSPITAL~123456789^^^USSSA^SS',
            'IPP42^^^CHU^PI',
          ),
        ]).map((e) => e.patientKey),
      ).size,
    ).toBe(1);
  });

  it('has no key without PID-3', () => {
    const [first] = messages();
    const noId = (first as string)
      .replace(/\nPID\|1\|[^|]*\|[^|]*\|/, '\nPID|1|||')
      .replace(/\rPID\|1\|[^|]*\|[^|]*\|/, '\rPID|1|||');
    const [exam] = read([noId]);
    expect(exam).toBeDefined();
    expect(exam?.patientKey).toBeNull();
  });
});
