// The fingerprint's byte writer against the plain definition it replaces (one JSON line per
// record): same hash on real kits and on records full of values JSON has to escape or rewrite.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Exam, Kit, Session } from '../../src/core/kit-types.ts';
import { kitFingerprint } from '../../src/storage/fingerprint.ts';
import { smallKit } from './small-kit.ts';
import { syntheticKit } from './synthetic-kit.ts';

/** The definition: `<tag><JSON.stringify(fields)>\n` per record, in kit order. */
function reference(kit: Kit): string {
  const hash = createHash('sha256');
  const put = (tag: string, fields: unknown[]) => hash.update(`${tag}${JSON.stringify(fields)}\n`);
  const { campaign: c } = kit;
  put('plateau-kit-fingerprint-v1', []);
  put('c', [c.id, c.name, c.start, c.days, c.timeZone]);
  for (const e of kit.establishments)
    put('f', [e.finess, e.name, e.legalStatus, e.region, e.department]);
  for (const m of kit.equipment)
    put('m', [m.equipmentId, m.finess, m.modality, m.label, m.installedYear, m.role]);
  for (const s of kit.sessions) put('s', [s.equipmentId, s.start, s.end, s.type]);
  for (const x of kit.exams) {
    put('x', [
      x.equipmentId,
      x.examId,
      x.category,
      x.roomIn,
      x.roomOut,
      x.acts,
      x.icr,
      x.reportValidatedAt,
      x.requestedAt,
      x.scheduledMinutes,
      x.ageBand,
    ]);
  }
  for (const a of kit.acts) put('a', [a.code, a.label, a.icr]);
  for (const a of kit.survey) put('v', [a.finess, a.modality, a.case, a.patient, a.days]);
  return hash.digest('hex');
}

/** Strings JSON escapes or rewrites: quotes, backslashes, controls, DEL, lone surrogates… */
const tricky = fc.string({
  unit: fc.oneof(
    fc.constantFrom('"', '\\', '\u0000', '\n', '\u001f', '\u007f', '\u2028', '\ud800', '\udfff'),
    fc.constantFrom('é', '😀', '\ue000', '/', ','),
    fc.string({ unit: 'binary', maxLength: 1 }),
  ),
  maxLength: 12,
});
const text = fc.oneof(
  fc.string({ maxLength: 12 }),
  tricky,
  fc.string({ minLength: 1100, maxLength: 1300 }),
);
const number = fc.oneof(
  fc.integer(),
  fc.maxSafeInteger(),
  fc.constantFrom(
    -0,
    0.1 + 0.2,
    1e21,
    1e-7,
    2 ** 53,
    -(2 ** 53),
    Number.MAX_SAFE_INTEGER,
    9_999_999,
    10_000_000,
  ),
  fc.double(),
);
const maybe = <T>(a: fc.Arbitrary<T>) => fc.oneof(a, fc.constant(null), fc.constant(undefined));

const exam = fc.record({
  examId: text,
  equipmentId: text,
  category: text,
  roomIn: number,
  roomOut: number,
  acts: fc.array(text, { maxLength: 4 }),
  icr: maybe(number),
  reportValidatedAt: maybe(number),
  requestedAt: maybe(number),
  scheduledMinutes: maybe(number),
  ageBand: maybe(text),
}) as unknown as fc.Arbitrary<Exam>;
const session = fc.record({
  equipmentId: text,
  start: number,
  end: number,
  type: text,
}) as unknown as fc.Arbitrary<Session>;

describe('kitFingerprint', () => {
  it('hashes the same bytes as one JSON line per record', () => {
    for (const kit of [smallKit(), syntheticKit({ machines: 12, examsPerMachine: 300 })])
      expect(kitFingerprint(kit)).toBe(reference(kit));
  });

  it('agrees with the plain form on any values, escaped, rewritten or too long to buffer', () => {
    const base = smallKit('props');
    fc.assert(
      fc.property(
        fc.array(exam, { maxLength: 30 }),
        fc.array(session, { maxLength: 10 }),
        text,
        (exams, sessions, name) => {
          const kit: Kit = {
            ...base,
            campaign: { ...base.campaign, name },
            establishments: [{ ...base.establishments[0]!, name, department: name }],
            exams,
            sessions,
          };
          expect(kitFingerprint(kit)).toBe(reference(kit));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('changes when any exam field changes', () => {
    const kit = smallKit('diff');
    const before = kitFingerprint(kit);
    const changed = structuredClone(kit);
    changed.exams[3] = { ...changed.exams[3]!, roomOut: changed.exams[3]!.roomOut + 1 };
    expect(kitFingerprint(changed)).not.toBe(before);
  });
});
