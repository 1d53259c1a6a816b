// Invariants of reconcile over random RIS/DICOM exams (fast-check): every exam ends in exactly one
// of matched / billed-not-performed / performed-not-billed / not-reconciled; time matches are
// one-to-one; the counts add up; the report does not depend on the order of the inputs.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Exam } from '../../../../src/core/kit-types.ts';
import { reconcile } from '../../../../src/ingest/sources/reconcile/reconcile.ts';
import type { ExamKeys } from '../../../../src/ingest/sources/types.ts';
import { examAt } from './exams.ts';

const MINUTE = 60_000;
const T0 = Date.parse('2010-03-01T06:00:00Z');

const rawExam = fc.record({
  equipment: fc.constantFrom('CT-1', 'CT-2', 'MR-1'),
  start: fc.integer({ min: 0, max: 2 * 24 * 60 }),
  minutes: fc.integer({ min: 5, max: 60 }),
  accessions: fc.uniqueArray(fc.constantFrom('A1', 'A2', 'A3', 'A4', 'A5', 'A6'), { maxLength: 2 }),
  studyUids: fc.uniqueArray(fc.constantFrom('S1', 'S2', 'S3'), { maxLength: 1 }),
});
type Raw = typeof rawExam extends fc.Arbitrary<infer T> ? T : never;

/** Exams with ids unique per side (as after assembly's merge), their keys in `keys`; DICOM clocks may be skewed. */
function build(
  side: 'r' | 'd',
  raws: readonly Raw[],
  keys: Map<string, ExamKeys>,
  skew: Record<string, number>,
): Exam[] {
  return raws.map((raw, i) => {
    const id = `${side}${i}`;
    keys.set(id, { accessions: raw.accessions, studyUids: raw.studyUids });
    const roomIn = T0 + (raw.start + (side === 'd' ? (skew[raw.equipment] ?? 0) : 0)) * MINUTE;
    return examAt(id, raw.equipment, roomIn, raw.minutes);
  });
}

const input = fc
  .record({
    ris: fc.array(rawExam, { maxLength: 30 }),
    dicom: fc.array(rawExam, { maxLength: 30 }),
    skew: fc.record({ 'CT-1': fc.integer({ min: -60, max: 60 }), 'MR-1': fc.constantFrom(0, 40) }),
  })
  .map(({ ris, dicom, skew }) => {
    const keys = new Map<string, ExamKeys>();
    return { ris: build('r', ris, keys, skew), dicom: build('d', dicom, keys, skew), keys };
  });

const options = { timeZone: 'Europe/Paris' };

describe('reconcile: properties', () => {
  it('puts every exam in exactly one outcome, and time matches are one-to-one', () => {
    fc.assert(
      fc.property(input, ({ ris, dicom, keys }) => {
        const { pairs, report, notReconciled } = reconcile(ris, dicom, keys, options);
        const outcome = new Map<string, string[]>();
        const add = (id: string, what: string): void => {
          outcome.set(id, [...(outcome.get(id) ?? []), what]);
        };
        for (const id of new Set(pairs.map((p) => p.risId))) add(id, 'matched');
        for (const id of new Set(pairs.map((p) => p.dicomId))) add(id, 'matched');
        for (const e of report.billedNotPerformed) add(e.examId, 'billed-not-performed');
        for (const e of report.performedNotBilled) add(e.examId, 'performed-not-billed');
        for (const id of [...notReconciled.ris, ...notReconciled.dicom]) add(id, 'not-reconciled');
        for (const e of [...ris, ...dicom]) expect(outcome.get(e.examId), e.examId).toHaveLength(1);
        expect(outcome.size).toBe(ris.length + dicom.length);
        // A RIS exam has at most one partner; a DICOM exam paired by time has no other partner.
        expect(new Set(pairs.map((p) => p.risId)).size).toBe(pairs.length);
        for (const p of pairs.filter((x) => x.by === 'time')) {
          expect(pairs.filter((x) => x.dicomId === p.dicomId)).toHaveLength(1);
          const r = ris.find((e) => e.examId === p.risId);
          const d = dicom.find((e) => e.examId === p.dicomId);
          expect(r?.equipmentId).toBe(d?.equipmentId);
        }
        // The counts of the report add up, per equipment and in total.
        const t = report.totals;
        expect(t.matchedRis + t.billedNotPerformed + t.notReconciledRis).toBe(ris.length);
        expect(t.matchedDicom + t.performedNotBilled + t.notReconciledDicom).toBe(dicom.length);
        expect(t.matchedBy.accession + t.matchedBy['study-uid'] + t.matchedBy.time).toBe(
          pairs.length,
        );
        for (const e of report.equipment) {
          expect(
            e.matchedRis +
              e.matchedDicom +
              e.billedNotPerformed +
              e.performedNotBilled +
              e.notReconciled,
          ).toBe(e.risExams + e.dicomExams);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('gives the same pairs and report whatever the order of the inputs', () => {
    fc.assert(
      fc.property(input, fc.integer(), ({ ris, dicom, keys }, seed) => {
        const shuffle = <T>(list: readonly T[]): T[] => {
          let s = seed >>> 0 || 1;
          const out = [...list];
          for (let i = out.length - 1; i > 0; i--) {
            s = (s * 48271) % 2147483647;
            const j = s % (i + 1);
            [out[i], out[j]] = [out[j] as T, out[i] as T];
          }
          return out;
        };
        const a = reconcile(ris, dicom, keys, options);
        const b = reconcile(shuffle(ris), shuffle(dicom), new Map([...keys].reverse()), options);
        expect(b).toEqual(a);
      }),
      { numRuns: 200 },
    );
  });
});
