// MAE and P80 coverage hand-checked on a tiny set.
import { describe, expect, it } from 'vitest';
import { scoresOf } from '../../../src/plan/durations/scores.ts';
import { row } from './build.ts';

describe('scoresOf', () => {
  const data = [row(10, { booked: 15 }), row(20), row(30, { booked: 30 }), row(40, { booked: 50 })];

  it('gives the MAE of the model, of the booked lengths and of the model on the booked exams, and the P80 coverage', () => {
    const s = scoresOf(data, () => ({ median: 25, p80: 35 }));
    // model errors 15, 5, 5, 15; booked errors 5, 0, 10 (the 20-minute exam has no booking)
    expect(s.exams).toBe(4);
    expect(s.modelMaeMinutes).toBe(10);
    expect(s.bookedExams).toBe(3);
    expect(s.bookedMaeMinutes).toBe(5);
    expect(s.modelMaeOnBookedMinutes).toBeCloseTo(35 / 3, 12);
    expect(s.p80Coverage).toBe(0.75); // 10, 20, 30 ≤ 35; 40 is not
    expect(s.better).toBe('booked');
  });

  it('says the model is better only when it is strictly closer on the same exams', () => {
    expect(scoresOf(data, (r) => ({ median: r.minutes + 1, p80: r.minutes })).better).toBe('model');
    // model errors 5, 0, 10 on the booked exams: a tie keeps the booked lengths
    expect(scoresOf(data, (r) => ({ median: r.booked ?? r.minutes, p80: 99 })).better).toBe(
      'booked',
    );
  });

  it('leaves out exams the predictor cannot answer, and says null with nothing to judge', () => {
    // the 40-minute exam unanswered: errors 10, 0, 10; booked errors 5, 0
    const s = scoresOf(data, (r) => (r.minutes === 40 ? null : { median: 20, p80: 20 }));
    expect(s).toMatchObject({
      exams: 3,
      modelMaeMinutes: 20 / 3,
      bookedExams: 2,
      bookedMaeMinutes: 2.5,
      modelMaeOnBookedMinutes: 10,
      p80Coverage: 2 / 3,
    });
    expect(scoresOf([], () => null)).toEqual({
      exams: 0,
      modelMaeMinutes: null,
      bookedMaeMinutes: null,
      bookedExams: 0,
      modelMaeOnBookedMinutes: null,
      p80Coverage: null,
      better: null,
    });
  });
});
