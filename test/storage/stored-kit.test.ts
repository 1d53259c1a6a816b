// What an import of a new campaign computes from instead of reading it back: the order of
// `collate "C"` (UTF-8 bytes), the values as stored, and a refusal (null) whenever storage would
// change a value. That the result equals what loadKit reads is checked in import-kit.test.ts.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Kit } from '../../src/core/kit-types.ts';
import { compareCodePoints, storedKitOf } from '../../src/storage/stored-kit.ts';
import { smallKit, sortedKit } from './small-kit.ts';

describe('compareCodePoints', () => {
  it('orders strings as their UTF-8 bytes (collate "C"), not as UTF-16 code units', () => {
    expect(compareCodePoints('\ue000', '😀')).toBeLessThan(0); // U+E000 < U+1F600
    expect('\ue000' < '😀').toBe(false); // what `<` would say
    const text = fc.string({ unit: 'binary', maxLength: 6 });
    fc.assert(
      fc.property(text, text, (a, b) => {
        const bytes = Buffer.compare(Buffer.from(a), Buffer.from(b));
        expect(Math.sign(compareCodePoints(a, b))).toBe(bytes);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('storedKitOf', () => {
  it('is the kit as loadKit returns it: sorted, optional fields null', () => {
    const kit = smallKit('as-stored');
    const shuffled: Kit = {
      ...kit,
      exams: [...kit.exams].reverse(),
      sessions: [...kit.sessions].reverse(),
      establishments: [...kit.establishments].reverse(),
      equipment: [...kit.equipment].reverse(),
      survey: [...kit.survey].reverse(),
      acts: [...kit.acts].reverse(),
    };
    expect(storedKitOf(shuffled)).toEqual(sortedKit(kit));
    const loose = structuredClone(kit) as unknown as Record<string, Record<string, unknown>[]>;
    delete loose['exams']![0]!['icr'];
    delete loose['establishments']![1]!['department'];
    const stored = storedKitOf(loose as unknown as Kit)!;
    expect(stored.exams.find((e) => e.examId === kit.exams[0]!.examId)).toHaveProperty('icr', null);
    expect(
      stored.establishments.find((e) => e.finess === kit.establishments[1]!.finess),
    ).toHaveProperty('department', null);
  });

  it('reads -0 instants as 0, as a timestamp gives them back', () => {
    const kit = smallKit('zero');
    kit.exams[0] = { ...kit.exams[0]!, requestedAt: -0 };
    const exam = storedKitOf(kit)!.exams.find((e) => e.examId === kit.exams[0]!.examId)!;
    expect(Object.is(exam.requestedAt, 0)).toBe(true);
  });

  it('refuses (null) a kit with a value storage would change', () => {
    const changes: [string, (kit: Kit) => void][] = [
      ['sub-millisecond instant', (k) => (k.exams[0]!.roomIn += 0.5)],
      ['non-finite icr', (k) => (k.exams[0]!.icr = Number.NaN)],
      ['infinite duration', (k) => (k.exams[1]!.scheduledMinutes = Infinity)],
      ['lone surrogate in an exam id', (k) => (k.exams[1]!.examId = 'x\ud800')],
      ['lone surrogate in an act code', (k) => (k.exams[1]!.acts = ['\udc00'])],
      ['lone surrogate in a machine id of an exam', (k) => (k.exams[1]!.equipmentId += '\ud83d')],
      ['lone surrogate in a name', (k) => (k.establishments[0]!.name = '\udfffx')],
      ['date not written YYYY-MM-DD', (k) => (k.campaign.start = '2010-3-1')],
      ['fractional installation year', (k) => (k.equipment[0]!.installedYear = 2006.5)],
      ['fractional session end', (k) => (k.sessions[0]!.end += 0.25)],
      ['non-finite survey delay', (k) => (k.survey[0]!.days = -Infinity)],
    ];
    for (const [what, change] of changes) {
      const kit = structuredClone(smallKit('refused'));
      change(kit);
      expect(storedKitOf(kit), what).toBeNull();
    }
    // A well-formed pair is fine.
    const kit = smallKit('pair');
    kit.exams[1]!.examId = 'x😀';
    expect(storedKitOf(kit)).not.toBeNull();
  });
});
