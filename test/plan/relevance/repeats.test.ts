// Repeats by patient key (planning.md §6) counted by hand: the exact 30 × 24 h boundary, another
// family or modality is no repeat, chains of three, refused raw keys; and the key refusal rule.
import { describe, expect, it } from 'vitest';
import {
  computeRepeats,
  looksLikeRawIdentifier,
  REPEAT_WINDOW_MS,
} from '../../../src/plan/relevance/index.ts';
import type { RelevanceExam, RelevanceMachine } from '../../../src/plan/relevance/index.ts';

const DAY = 24 * 3_600_000;
const T0 = Date.UTC(2026, 0, 5, 9);
const HEAD_CT = 'ACQK001';
const BRAIN_MR = 'ACQN001';
const THORAX_CT = 'ZBQK001';
const P = 'plateau.h.' + 'pA7x'.repeat(8);
const Q = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855'; // 64 hex

const machines: RelevanceMachine[] = [
  { equipmentId: 'c1', finess: 'S1', modality: 'CT' },
  { equipmentId: 'm1', finess: 'S1', modality: 'MR' },
  { equipmentId: 'c2', finess: 'S2', modality: 'CT' },
  { equipmentId: 'm3', finess: 'S3', modality: 'MR' },
];
let n = 0;
const exam = (
  equipmentId: string,
  at: number,
  code: string,
  patientKey?: string | null,
): RelevanceExam => ({
  examId: `x${String(++n).padStart(2, '0')}`,
  equipmentId,
  category: 'A',
  roomIn: at,
  acts: [code],
  requestedAt: null,
  scheduledMinutes: null,
  ...(patientKey === undefined ? {} : { patientKey }),
});

const exams: RelevanceExam[] = [
  // patient P, head CT: day 0, day 30 exactly (repeat), day 60 + 1 ms (30 d + 1 ms after: new chain),
  // day 61 at S2 (repeat, counted at S2)
  exam('c1', T0 + 60 * DAY + 1, HEAD_CT, P),
  exam('c1', T0, HEAD_CT, P),
  exam('c1', T0 + 30 * DAY, HEAD_CT, P),
  exam('c2', T0 + 61 * DAY, HEAD_CT, ` ${P} `),
  exam('c1', T0 + DAY, THORAX_CT, P), // another family: first of its own chain
  exam('m1', T0 + 2 * DAY, BRAIN_MR, P), // another modality: first of its own chain
  // patient Q, head CT: a chain of three, 20 d then 25 d apart (45 d from the first): two repeats
  exam('c1', T0 + 45 * DAY, HEAD_CT, Q),
  exam('c1', T0 + 20 * DAY, HEAD_CT, Q),
  exam('c1', T0, HEAD_CT, Q),
  // a raw NIR (refused: unkeyed) and no key, 1 h apart: not repeats
  exam('c1', T0, HEAD_CT, '185057800608436'),
  exam('c1', T0 + 3_600_000, HEAD_CT, null),
  exam('c1', T0 + 3_600_000, HEAD_CT, '  '),
  // no family: left out; unknown machine: left out
  exam('c1', T0, 'YYYY600', P),
  exam('zz', T0, HEAD_CT, P),
  // S3: exams with no key at all
  exam('m3', T0, BRAIN_MR),
];

describe('computeRepeats', () => {
  const r = computeRepeats(exams, machines);
  it('counts repeats per site, modality and family, by hand', () => {
    expect(r.entries).toEqual([
      // P: 3 keyed (1 repeat: day 30); Q: 3 keyed (2 repeats); NIR, null, blank: unkeyed
      {
        finess: 'S1',
        modality: 'CT',
        family: 'head',
        exams: 9,
        keyed: 6,
        repeats: 3,
        repeatShare: 0.5,
      },
      {
        finess: 'S1',
        modality: 'CT',
        family: 'thorax',
        exams: 1,
        keyed: 1,
        repeats: 0,
        repeatShare: 0,
      },
      {
        finess: 'S1',
        modality: 'MR',
        family: 'head',
        exams: 1,
        keyed: 1,
        repeats: 0,
        repeatShare: 0,
      },
      {
        finess: 'S2',
        modality: 'CT',
        family: 'head',
        exams: 1,
        keyed: 1,
        repeats: 1,
        repeatShare: 1,
      },
      {
        finess: 'S3',
        modality: 'MR',
        family: 'head',
        exams: 1,
        keyed: 0,
        repeats: 0,
        repeatShare: null,
      },
    ]);
    expect(r.refusedKeys).toBe(1);
    expect(r.leftOut).toBe(2);
  });
  it('takes exactly 30 × 24 h as within the window, and 1 ms more as outside', () => {
    expect(REPEAT_WINDOW_MS).toBe(2_592_000_000);
    const two = (gap: number) =>
      computeRepeats([exam('c1', T0, HEAD_CT, Q), exam('c1', T0 + gap, HEAD_CT, Q)], machines)
        .entries[0]!.repeats;
    expect(two(30 * DAY)).toBe(1);
    expect(two(30 * DAY + 1)).toBe(0);
    expect(two(0)).toBe(1); // same instant: 0 h apart
  });
});

describe('looksLikeRawIdentifier', () => {
  it.each([
    '185057800608436', // NIR: 13 digits + 2-digit key
    '1 85 05 78 006 084 36',
    '1850578006084', // NIR without its key
    '2A05578006084 12',
    '123456',
    '42',
    'Jean Dupont',
    'DUPONT Marie',
    'dupont',
    'plateau.h.185057800608436', // prefix on a raw number
    'plateau.h.abc', // too short for a hash
    '12345678901234567890123456789012', // 32 digits: a number, not a hash
    'e3b0c44298fc1c14', // 16 hex: too short
  ])('refuses %j', (key) => {
    expect(looksLikeRawIdentifier(key)).toBe(true);
  });
  it.each([
    Q, // SHA-256 hex
    'E3B0C44298FC1C149AFBF4C8996FB924', // 32 hex, upper case
    'q2Zk3_9X-mWv7pL0aBcD4eF5gH6iJ7kL8mN9oP0qR1s', // 43 base64url (a 256-bit HMAC)
    'q2Zk3+9X/mWv7pL0aBcD4eF5gH6iJ7kL8mN9oP0qR1s=', // base64 with padding
    'plateau.h.Zk3q9X2mWv7pL0aB',
    P,
  ])('accepts the keyed hash %j', (key) => {
    expect(looksLikeRawIdentifier(key)).toBe(false);
  });
  it('does not call a blank key an identifier (it means no key)', () => {
    expect(looksLikeRawIdentifier('')).toBe(false);
    expect(looksLikeRawIdentifier('   ')).toBe(false);
  });
});
